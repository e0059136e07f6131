import Testing
@testable import PlanCatalog

/// Usage components and the usage credits against them (PREVIEW.md § 2, step 3, and "Balances"): each
/// billing-visible credit that applies covers what it can, its balance shared across components, and a
/// component's lines always add up to the rounded charge of the units no credit covered.
@Suite struct PreviewUsageCreditTests {
    /// Tokens in and out, both measured by one feature whose credit is visible on the invoice.
    static let tokens = """
        currency USD
        metric tokens_in { name "Input tokens" }
        metric tokens_out { name "Output tokens" }
        feature ai-tokens { name "AI tokens"; type usage; metric tokens_in; metric tokens_out }
        plan plan_ai {
          name "AI"
          features { ai-tokens }
          price monthly {
            interval month
            component input { usage tokens_in; unit-price 0.01 }
            component output { usage tokens_out; unit-price 0.03 }
          }
          credit token_allowance { name "Included tokens"; applies-to ai-tokens; amount 1000; billing-visible true }
        }
        """

    @Test("a feature credit covers both metrics' components, its balance consumed in component order")
    func featureCreditAcrossComponents() throws {
        let invoice = try PreviewCatalog(Self.tokens).invoice("monthly", usage: [("tokens_in", "700"),
                                                                                  ("tokens_out", "600")])
        #expect(invoice.lines.map(\.kind) == [.usage, .usageCredit, .usage, .usageCredit])
        #expect(invoice.lines.map { $0.quantity?.description } == ["700", "700", "600", "300"])
        #expect(invoice.amounts == ["7", "-7", "18", "-9"])
        #expect(invoice.subtotal.description == "9", "300 output tokens left × 0.03")
    }

    @Test("the usage lines follow the order of the components, not of the usage lines")
    func usageOrderDoesNotMatter() throws {
        let catalog = try PreviewCatalog(Self.tokens)
        let written = try catalog.invoice("monthly", usage: [("tokens_out", "600"), ("tokens_in", "700")])
        #expect(written == (try catalog.invoice("monthly", usage: [("tokens_in", "700"), ("tokens_out", "600")])))
    }

    static let twoCredits = """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls }
        plan plan_api {
          name "API"
          features { api-calls }
          price monthly { interval month; component calls { usage api_calls; unit-price 0.002 } }
          credit a_quota { name "Monthly quota"; applies-to monthly.calls; amount 1000 }
          credit b_bonus { name "Launch bonus"; applies-to monthly.calls; amount 500; expires-after-days 90 }
          credit c_hidden { name "Not on the invoice"; applies-to api-calls; amount 100000 }
        }
        """

    @Test("two credits on one component cover in order; a credit that is not billing-visible adds nothing")
    func twoCreditsOnOneComponent() throws {
        let invoice = try PreviewCatalog(Self.twoCredits).invoice("monthly", usage: [("api_calls", "1200")])
        #expect(invoice.lines.map(\.creditID) == [nil, "a_quota", "b_bonus"])
        #expect(invoice.lines.map { $0.quantity?.description } == ["1200", "1000", "200"])
        #expect(invoice.amounts == ["2.4", "-2", "-0.4"])
        #expect(invoice.subtotalMinor == 0)
        #expect(invoice.notes == [.expiryNotModelled(creditID: "b_bonus", days: 90), .taxesNotIncluded])
    }

    @Test("a caller's declaration order applies the credits in that order instead of by id")
    func declarationOrder() throws {
        let catalog = try PreviewCatalog(Self.twoCredits)
        let preview = BillingPreview(document: catalog.document, creditOrder: ["b_bonus", "a_quota"])
        let invoice = try preview.invoice(for: catalog.request("monthly", usage: [("api_calls", "1200")]))
        #expect(invoice.lines.map(\.creditID) == [nil, "b_bonus", "a_quota"])
        #expect(invoice.lines.map { $0.quantity?.description } == ["1200", "500", "700"])
    }

    @Test("a credit larger than the usage covers it all and keeps the rest unused")
    func creditLargerThanUsage() throws {
        let invoice = try PreviewCatalog(Self.twoCredits).invoice("monthly", usage: [("api_calls", "300")])
        #expect(invoice.lines.map { $0.quantity?.description } == ["300", "300", "0"])
        #expect(invoice.amounts == ["0.6", "-0.6", "0"])
        #expect(invoice.totalMinor == 0)
    }

    @Test("usage of 0, or no usage line, bills 0 and every credit adds a line of 0")
    func zeroUsage() throws {
        let catalog = try PreviewCatalog(Self.twoCredits)
        let zero = try catalog.invoice("monthly", usage: [("api_calls", "0")])
        #expect(zero.amounts == ["0", "0", "0"])
        #expect(zero.lines.map { $0.quantity?.description } == ["0", "0", "0"])
        #expect(try catalog.invoice("monthly") == zero)
    }

    /// 0.5 cents a call: a single call's charge sits on a half cent.
    static let halfCent = """
        currency USD
        metric calls { name "Calls" }
        feature calls { name "Calls"; type usage; metric calls }
        plan plan_half {
          name "Half"
          features { calls }
          price monthly { interval month; component calls { usage calls; unit-price 0.005 } }
          credit first { name "First"; applies-to monthly.calls; amount 1 }
          credit second { name "Second"; applies-to monthly.calls; amount 1 }
        }
        """

    @Test("sub-cent prices: credit lines are differences of rounded charges, so they sum to the rounded overage")
    func subCentRounding() throws {
        let invoice = try PreviewCatalog(Self.halfCent).invoice("monthly", usage: [("calls", "3")])
        // 3 × 0.005 = 0.015 → 0.02; 2 left → 0.01; 1 left → 0.005 → 0.01. Rounding each credit's own
        // 0.005 would give −0.01 twice and leave 0.00, not the 0.01 that one uncovered call costs.
        #expect(invoice.amounts == ["0.02", "-0.01", "0"])
        #expect(invoice.subtotalMinor == 1)
        let creditLines = invoice.lines(.usageCredit).reduce(0) { $0 + $1.amountMinor }
        #expect(creditLines == 1 - 2, "rounded overage (1 call) minus the rounded charge (3 calls)")
    }

    @Test("fractional usage is billed exactly, and rounds half away from zero")
    func fractionalUsage() throws {
        let invoice = try PreviewCatalog(Self.halfCent).invoice("monthly", usage: [("calls", "2.9")])
        // 2.9 × 0.005 = 0.0145 → 0.01; 1.9 left → 0.0095 → 0.01; 0.9 left → 0.0045 → 0.00.
        #expect(invoice.amounts == ["0.01", "0", "-0.01"])
        #expect(invoice.lines.map { $0.quantity?.description } == ["2.9", "1", "1"])
    }

    static let perSeatQuota = """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls }
        plan plan_team {
          name "Team"
          features { api-calls }
          price monthly {
            interval month
            component calls { usage api_calls; unit-price 0.001 }
            component seats { per-seat 10; min-seats 3 }
          }
          credit quota { name "Quota"; applies-to monthly.calls; amount 1000 }
        }
        """

    @Test("with a per-seat component every usage credit is granted per seat billed at the start")
    func perSeatBalance() throws {
        let catalog = try PreviewCatalog(Self.perSeatQuota)
        let four = try catalog.invoice("monthly", start: "2026-03-01", seats: 4, changes: [(9, "2026-03-02")],
                                       usage: [("api_calls", "10000")])
        #expect(four.lines(.usageCredit).first?.quantity == ExactDecimal(4000), "4 seats at the start, not 9")
        let underMinimum = try catalog.invoice("monthly", seats: 1, usage: [("api_calls", "10000")])
        #expect(underMinimum.lines(.usageCredit).first?.quantity == ExactDecimal(3000), "min-seats 3 are billed")
    }

    static let renewals = """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls }
        plan plan_api {
          name "API"
          features { api-calls }
          price yearly { interval year; component calls { usage api_calls; unit-price 0.001 } }
          price biennial { interval year; interval-count 2; component calls { usage api_calls; unit-price 0.001 } }
          price monthly { interval month; component calls { usage api_calls; unit-price 0.001 } }
          credit monthly_quota { name "Monthly"; applies-to yearly.calls; amount 1000; refill 500; renew monthly }
          credit yearly_quota { name "Yearly"; applies-to biennial.calls; amount 1000; renew yearly }
          credit monthly_on_monthly { name "Monthly"; applies-to monthly.calls; amount 1000; renew monthly }
          credit on_billing { name "On billing"; applies-to yearly.calls; amount 7 }
        }
        """

    @Test("renewals strictly inside the period add their refill: monthly on a yearly price renews 11 times")
    func renewalsInsideThePeriod() throws {
        let catalog = try PreviewCatalog(Self.renewals)
        let usage = [("api_calls", "100000")]
        let yearly = try catalog.invoice("yearly", start: "2026-01-31", usage: usage)
        #expect(yearly.lines(.usageCredit).map { $0.quantity?.description } == ["6500", "7"],
                "1,000 + 11 × 500; the on-billing credit renews only at the next period")
        let biennial = try catalog.invoice("biennial", start: "2026-02-28", usage: usage)
        #expect(biennial.lines(.usageCredit).first?.quantity == ExactDecimal(2000), "one renewal a year in")
        let monthly = try catalog.invoice("monthly", start: "2026-01-31", usage: usage)
        #expect(monthly.lines(.usageCredit).first?.quantity == ExactDecimal(1000), "the next renewal is the end")
        let noStart = try catalog.invoice("yearly", usage: usage)
        #expect(noStart.lines(.usageCredit).first?.quantity == ExactDecimal(1000), "no dates, no renewal")
    }

    @Test("renewals are counted from the start, clamped in short months")
    func renewalCounting() throws {
        let start = try day("2026-01-31")
        #expect(InvoiceGenerator.renewals(every: .monthly, from: start, before: try day("2026-03-31")) == 1)
        #expect(InvoiceGenerator.renewals(every: .monthly, from: start, before: try day("2026-04-01")) == 2)
        #expect(InvoiceGenerator.renewals(every: BillingPeriod(interval: .week, count: 1), from: start,
                                          before: try day("2026-02-14")) == 1)
        #expect(InvoiceGenerator.renewals(every: BillingPeriod(interval: .day, count: 1), from: start,
                                          before: try day("2026-02-03")) == 2)
        #expect(InvoiceGenerator.renewals(every: .yearly, from: start, before: try day("2029-01-31")) == 2)
    }

    @Test("a credit on another price's component covers nothing here")
    func creditOfAnotherPrice() throws {
        let invoice = try PreviewCatalog(Self.renewals).invoice("monthly", usage: [("api_calls", "5")])
        #expect(invoice.lines.map(\.creditID) == [nil, "monthly_on_monthly"])
    }
}
