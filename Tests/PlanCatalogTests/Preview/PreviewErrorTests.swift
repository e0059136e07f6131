import Testing
@testable import PlanCatalog

/// Input the preview refuses (PREVIEW.md § 3's cases that reach the engine): each is a typed error with
/// a message saying what is wrong, never a crash — huge quantities and seat counts included.
@Suite struct PreviewErrorTests {
    static let catalog = """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls }
        plan plan_team {
          name "Team"
          features { api-calls }
          price monthly {
            interval month
            component seats { per-seat 12 }
            component calls { usage api_calls; unit-price 0.0015 }
          }
          credit quota { name "Quota"; applies-to monthly.calls; amount 2000 }
        }
        plan plan_mixed {
          name "Mixed"
          price mixed {
            interval month
            component base { fixed 10 }
            component setup { fixed 100; interval year }
            component support { fixed 5; interval month; interval-count 3 }
          }
        }
        plan plan_platform {
          name "Platform"
          price platform { interval month; component base { fixed 90071992547409.91 } }
        }
        """

    @Test("a seat change needs a start")
    func changeWithoutStart() throws {
        let error = try PreviewCatalog(Self.catalog).error("monthly", changes: [(7, "2026-03-17")])
        #expect(error == .seatChangeWithoutStart(index: 0))
        #expect(error?.message.contains("no `start`") == true)
    }

    @Test("a seat change on or before the start, or on or after the end, is outside the period")
    func changeOutsideThePeriod() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        let (start, end) = (try day("2026-03-01"), try day("2026-04-01"))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-03-01")])
                == .seatChangeNotAfterStart(index: 0, date: start, start: start))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-03-17"), (8, "2026-02-27")])
                == .seatChangeNotAfterStart(index: 1, date: try day("2026-02-27"), start: start))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-04-01")])
                == .seatChangeNotBeforeEnd(index: 0, date: end, end: end))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-06-30")])
                == .seatChangeNotBeforeEnd(index: 0, date: try day("2026-06-30"), end: end))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-03-31")]) == nil,
                "the last day of the period is inside it")
        let message = try #require(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-04-01")]))
        #expect(message.message == "the seat change of 2026-04-01 is not inside the period, which ends before 2026-04-01")
    }

    @Test("seat changes must be in increasing date order, without two on one day")
    func changesOutOfOrder() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-03-17"), (9, "2026-03-10")])
                == .seatChangesOutOfOrder(index: 1, date: try day("2026-03-10"), previous: try day("2026-03-17")))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(7, "2026-03-17"), (9, "2026-03-17")])
                == .seatChangesOutOfOrder(index: 1, date: try day("2026-03-17"), previous: try day("2026-03-17")))
    }

    @Test("an unknown price is refused by id")
    func unknownPrice() throws {
        let error = try PreviewCatalog(Self.catalog).error("montly")
        #expect(error == .unknownPrice(priceID: "montly"))
        #expect(error?.message == "no price has the id `montly`")
    }

    @Test("a price whose components bill on different periods cannot be previewed")
    func mixedPeriods() throws {
        let error = try PreviewCatalog(Self.catalog).error("mixed")
        #expect(error == .periodsDiffer(priceID: "mixed", periods: [
            .monthly, .yearly, BillingPeriod(interval: .month, count: 3),
        ]))
        #expect(error?.message == "price `mixed` cannot be previewed: its components bill on different periods "
                + "(every month, every year, every 3 months), so one billing period of it does not exist")
    }

    @Test("a period that would end after 9999-12-31 is refused")
    func periodPastTheLastDate() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        #expect(try catalog.error("monthly", start: "9999-12-01")
                == .periodEndsAfterLastDate(start: try day("9999-12-01"), period: .monthly))
        #expect(try catalog.error("monthly", start: "9999-11-30") == nil, "ends on 9999-12-30")
    }

    @Test("negative seats and usage, and a metric given twice, are refused")
    func negativeAndRepeated() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        #expect(try catalog.error("monthly", seats: -1) == .negativeSeats(index: nil, seats: -1))
        #expect(try catalog.error("monthly", start: "2026-03-01", changes: [(-2, "2026-03-03")])
                == .negativeSeats(index: 0, seats: -2))
        #expect(try catalog.error("monthly", usage: [("api_calls", "-5")])
                == .negativeUsage(metricID: "api_calls", quantity: try number("-5")))
        #expect(try catalog.error("monthly", usage: [("api_calls", "5"), ("api_calls", "6")])
                == .repeatedUsage(metricID: "api_calls"))
    }

    @Test("huge quantities and seat counts are an error that says so, never an overflow")
    func hugeAmounts() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        let hugeUsage = try catalog.error("monthly", usage: [("api_calls", "18446744073709551615")])
        #expect(hugeUsage == .amountBeyondLimit(of: .line(.usage, componentID: "calls", creditID: nil)))
        #expect(hugeUsage?.message == "the usage line of component `calls` comes to more than 9007199254740991 "
                + "(2^53 − 1) minor units, more than an amount may be")
        #expect(try catalog.error("monthly", seats: Int.max)
                == .amountBeyondLimit(of: .line(.seats, componentID: "seats", creditID: nil)))
        #expect(try catalog.error("monthly", start: "2026-03-01", seats: 1, changes: [(Int.max, "2026-03-31")])
                == .amountBeyondLimit(of: .line(.seatsProration, componentID: "seats", creditID: nil)))
        #expect(try catalog.error("platform", start: "2026-03-01") == nil, "2^53 − 1 minor units is allowed")
        let limit = PreviewLimits.largestAmount
        #expect(try catalog.invoice("platform").subtotalMinor == Int(limit))
    }

    @Test("a subtotal past the limit is refused even when each line is within it")
    func subtotalBeyondLimit() throws {
        let catalog = try PreviewCatalog("""
            currency USD
            plan plan_big {
              name "Big"
              price monthly {
                interval month
                component a { fixed 50000000000000 }
                component b { fixed 40071992547409.91 }
              }
            }
            """)
        #expect(try catalog.invoice("monthly").subtotalMinor == Int(PreviewLimits.largestAmount))
        // The catalog checks keep fixed amounts within the limit together; a usage line can still pass it.
        let usage = try PreviewCatalog("""
            currency USD
            metric calls { name "Calls" }
            feature calls { name "Calls"; type usage; metric calls }
            plan plan_big {
              name "Big"
              features { calls }
              price monthly {
                interval month
                component base { fixed 90071992547409.91 }
                component calls { usage calls; unit-price 0.01 }
              }
            }
            """)
        #expect(try usage.error("monthly", usage: [("calls", "1")]) == .amountBeyondLimit(of: .subtotal))
        #expect(try usage.error("monthly", usage: [("calls", "0.4")]) == nil, "0.004 rounds to 0 cents")
    }

    @Test("huge seat counts multiply credit balances without overflowing, and a free seat stays free")
    func hugeBalances() throws {
        let catalog = try PreviewCatalog("""
            currency USD
            metric calls { name "Calls" }
            feature calls { name "Calls"; type usage; metric calls }
            plan plan_free_seats {
              name "Free seats"
              features { calls }
              price monthly {
                interval month
                component seats { per-seat 0 }
                component calls { usage calls; unit-price 0.000001 }
              }
              credit quota { name "Quota"; applies-to monthly.calls; amount 9007199254740991 }
            }
            """)
        let invoice = try catalog.invoice("monthly", seats: Int.max, usage: [("calls", "18446744073709551615")])
        #expect(invoice.lines(.usageCredit).first?.quantity?.description == "18446744073709551615")
        #expect(invoice.totalMinor == 0)
        #expect(invoice.lines(.usage).first?.amountMinor == 1_844_674_407_370_955, "1.8e19 × 0.0001 cents")
    }

    @Test("a quantity with more decimal places than the preview computes with is refused")
    func tooManyDecimalPlaces() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        let tiny = "0." + String(repeating: "0", count: 40) + "1"
        #expect(try catalog.error("monthly", usage: [("api_calls", tiny)])
                == .tooManyDecimalPlaces(value: try number(tiny), of: "the usage of `api_calls`"))
        let fine = "0." + String(repeating: "0", count: 30) + "1"
        #expect(try catalog.error("monthly", usage: [("api_calls", fine)]) == nil)
    }

    @Test("a price without components has no period to preview")
    func noComponents() throws {
        var document = try PreviewCatalog(Self.catalog).document
        let index = try #require(document.prices.firstIndex { $0.id == "monthly" })
        document.prices[index].components = []
        #expect(throws: PreviewError.priceWithoutComponents(priceID: "monthly")) {
            try BillingPreview(document: document).invoice(for: PreviewRequest(priceID: "monthly"))
        }
    }

    @Test("a price in a currency plancat does not know is refused")
    func unknownCurrency() throws {
        var document = try PreviewCatalog(Self.catalog).document
        let index = try #require(document.prices.firstIndex { $0.id == "monthly" })
        document.prices[index].currency = "XYZ"
        #expect(throws: PreviewError.unknownCurrency(priceID: "monthly", currency: "XYZ")) {
            try BillingPreview(document: document).invoice(for: PreviewRequest(priceID: "monthly"))
        }
    }
}
