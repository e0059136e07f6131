import Testing
@testable import PlanCatalog

/// PREVIEW.md § 1's worked example — the Team plan's March invoice for Acme — computed from the compiled
/// catalog and compared line by line with the table the spec prints.
@Suite struct WorkedExampleTests {
    static let source = """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls; unit "API call" }
        plan plan_team {
          name "Team"
          features {
            api-calls
          }
          price price_team_monthly {
            interval month
            component comp_platform { fixed 49; label "Platform fee" }
            component comp_seats { per-seat 12 }
            component comp_api { usage api_calls; unit-price 0.0015; unit "API call" }
          }
          credit team_api_quota {
            name "Included API calls"
            applies-to price_team_monthly.comp_api
            amount 2000
          }
          credit welcome_credit {
            name "Welcome credit"
            type monetary
            amount 25
          }
        }
        """

    static func acmeMarch() throws -> Invoice {
        try PreviewCatalog(source).invoice("price_team_monthly", start: "2026-03-01", seats: 5,
                                           changes: [(7, "2026-03-17")], usage: [("api_calls", "48_213")])
    }

    @Test("the invoice has the spec's lines, in its order, with its amounts")
    func lineByLine() throws {
        let invoice = try Self.acmeMarch()
        #expect(invoice.lines.map(\.kind) == [.fixed, .seats, .seatsProration, .usage, .usageCredit, .monetaryCredit])
        #expect(invoice.amounts == ["49", "60", "11.61", "72.32", "-15", "-25"])
        #expect(invoice.lines.map(\.amountMinor) == [4900, 6000, 1161, 7232, -1500, -2500])
        #expect(invoice.subtotalMinor == 17793 && invoice.subtotal.description == "177.93")
        #expect(invoice.creditsMinor == -2500 && invoice.credits.description == "-25")
        #expect(invoice.totalMinor == 15293 && invoice.total.description == "152.93")
    }

    @Test("each line carries what a renderer words it with")
    func lineDetails() throws {
        let lines = try Self.acmeMarch().lines
        #expect(lines[0].componentID == "comp_platform" && lines[0].description == "Platform fee")
        #expect(lines[0].quantity == nil && lines[0].unitAmount?.description == "49")
        #expect(lines[1].quantity == ExactDecimal(5) && lines[1].unitAmount?.description == "12")
        #expect(lines[1].unitLabel == "seat" && lines[1].description == "comp_seats")
        #expect(lines[2].quantity == ExactDecimal(2))
        #expect(try lines[2].proration == InvoiceLine.Proration(date: day("2026-03-17"), daysBilled: 15, daysInPeriod: 31))
        #expect(lines[3].quantity?.description == "48213" && lines[3].unitAmount?.description == "0.0015")
        #expect(lines[3].unitLabel == "API call")
        #expect(lines[4].creditID == "team_api_quota" && lines[4].componentID == "comp_api")
        #expect(lines[4].description == "Included API calls")
        #expect(lines[4].quantity?.description == "10000", "2,000 calls granted per seat × 5 seats")
        #expect(lines[5].creditID == "welcome_credit" && lines[5].componentID == nil)
        #expect(lines[5].quantity == nil && lines[5].unitAmount == nil)
    }

    @Test("the invoice names its plan, price, currency and dates, and says taxes are left out")
    func header() throws {
        let invoice = try Self.acmeMarch()
        #expect(invoice.planID == "plan_team" && invoice.priceID == "price_team_monthly")
        #expect(invoice.currency == "USD" && invoice.minorUnitExponent == 2)
        #expect(invoice.period == .monthly)
        #expect(try invoice.periodStart == day("2026-03-01"))
        #expect(try invoice.periodEnd == day("2026-04-01"))
        #expect(invoice.notes == [.taxesNotIncluded])
    }

    @Test("the same scenario on the catalog.json read back gives the same invoice")
    func fromReadBackDocument() throws {
        let catalog = try PreviewCatalog(Self.source)
        let reread = try CatalogDocument(json: catalog.document.jsonBytes)
        let request = try catalog.request("price_team_monthly", start: "2026-03-01", seats: 5,
                                          changes: [(7, "2026-03-17")], usage: [("api_calls", "48_213")])
        #expect(try BillingPreview(document: reread).invoice(for: request) == catalog.preview.invoice(for: request))
    }
}
