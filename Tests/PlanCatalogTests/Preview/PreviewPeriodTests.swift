import Testing
@testable import PlanCatalog

/// A billing period's dates and length (PREVIEW.md § 2): one period of the price from `start`, months
/// clamping to the month's last day, and prorations over the period's own number of days.
@Suite struct PreviewPeriodTests {
    /// A per-seat price of 10 on every period the tests need, so that a proration shows the days.
    static let catalog = """
        currency USD
        plan plan_seats {
          name "Seats"
          price monthly { interval month; component seats { per-seat 10 } }
          price quarterly { interval month; interval-count 3; component seats { per-seat 89 } }
          price yearly { interval year; component seats { per-seat 120 } }
          price biennial { interval year; interval-count 2; component seats { per-seat 731 } }
          price weekly { interval week; component seats { per-seat 7 } }
          price fortnightly { interval week; interval-count 2; component seats { per-seat 14 } }
          price thirty_days { interval day; interval-count 30; component seats { per-seat 30 } }
        }
        """

    /// The invoice of one seat, then two from `date`.
    func oneSeatAdded(_ price: String, start: String, on date: String) throws -> Invoice {
        try PreviewCatalog(Self.catalog).invoice(price, start: start, seats: 1, changes: [(2, date)])
    }

    @Test("March has 31 days: a seat added on the 31st bills 1/31 of the month")
    func march() throws {
        let invoice = try oneSeatAdded("monthly", start: "2026-03-01", on: "2026-03-31")
        #expect(try invoice.periodEnd == day("2026-04-01"))
        #expect(invoice.lines(.seatsProration).first?.proration?.daysInPeriod == 31)
        #expect(invoice.amounts == ["10", "0.32"], "10 × 1/31 = 0.3225…")
    }

    @Test("February 2026 has 28 days: the 15th bills half the month")
    func february() throws {
        let invoice = try oneSeatAdded("monthly", start: "2026-02-01", on: "2026-02-15")
        #expect(try invoice.periodEnd == day("2026-03-01"))
        #expect(invoice.amounts == ["10", "5"], "10 × 14/28")
    }

    @Test("February 2028 has 29 days")
    func leapFebruary() throws {
        let invoice = try oneSeatAdded("monthly", start: "2028-02-01", on: "2028-02-15")
        #expect(invoice.lines(.seatsProration).first?.proration?.daysInPeriod == 29)
        #expect(invoice.amounts == ["10", "5.17"], "10 × 15/29 = 5.1724…")
    }

    @Test("a period across a month end counts the days of both months")
    func acrossMonthEnd() throws {
        let invoice = try oneSeatAdded("monthly", start: "2026-01-20", on: "2026-02-10")
        #expect(try invoice.periodEnd == day("2026-02-20"))
        #expect(invoice.amounts == ["10", "3.23"], "10 × 10/31 = 3.2258…")
    }

    @Test("a start on the 31st ends on the last day of a shorter month")
    func startOnTheThirtyFirst() throws {
        let january = try oneSeatAdded("monthly", start: "2026-01-31", on: "2026-02-14")
        #expect(try january.periodEnd == day("2026-02-28"))
        #expect(january.amounts == ["10", "5"], "10 × 14/28")
        let march = try oneSeatAdded("monthly", start: "2026-03-31", on: "2026-04-10")
        #expect(try march.periodEnd == day("2026-04-30"))
        #expect(march.amounts == ["10", "6.67"], "10 × 20/30")
    }

    @Test("a yearly period has 365 or 366 days, and a start on 29 February clamps")
    func yearly() throws {
        let invoice = try oneSeatAdded("yearly", start: "2026-03-01", on: "2026-09-01")
        #expect(try invoice.periodEnd == day("2027-03-01"))
        #expect(invoice.amounts == ["120", "59.51"], "120 × 181/365 = 59.506…")
        let leap = try oneSeatAdded("yearly", start: "2028-02-29", on: "2028-03-01")
        #expect(try leap.periodEnd == day("2029-02-28"))
        #expect(leap.lines(.seatsProration).first?.proration == InvoiceLine.Proration(
            date: try day("2028-03-01"), daysBilled: 364, daysInPeriod: 365))
    }

    @Test("a quarter is three months by `interval-count`, clamped at its end")
    func quarterly() throws {
        let invoice = try oneSeatAdded("quarterly", start: "2026-01-31", on: "2026-03-01")
        #expect(try invoice.periodEnd == day("2026-04-30"))
        #expect(invoice.lines(.seatsProration).first?.proration?.daysInPeriod == 89)
        #expect(invoice.amounts == ["89", "60"], "89 × 60/89")
    }

    @Test("`interval-count` on years, weeks and days")
    func intervalCounts() throws {
        let biennial = try oneSeatAdded("biennial", start: "2027-01-01", on: "2028-01-01")
        #expect(try biennial.periodEnd == day("2029-01-01"))
        #expect(biennial.amounts == ["731", "366"], "731 × 366/731: 2028 is a leap year")
        let fortnight = try oneSeatAdded("fortnightly", start: "2026-12-28", on: "2027-01-04")
        #expect(try fortnight.periodEnd == day("2027-01-11"))
        #expect(fortnight.amounts == ["14", "7"], "14 × 7/14")
        let thirtyDays = try oneSeatAdded("thirty_days", start: "2026-02-15", on: "2026-03-16")
        #expect(try thirtyDays.periodEnd == day("2026-03-17"))
        #expect(thirtyDays.amounts == ["30", "1"], "30 × 1/30")
    }

    @Test("a week's price runs seven days")
    func week() throws {
        let invoice = try oneSeatAdded("weekly", start: "2026-03-01", on: "2026-03-04")
        #expect(try invoice.periodEnd == day("2026-03-08"))
        #expect(invoice.amounts == ["7", "4"], "7 × 4/7")
    }

    @Test("without a start the period has no dates, and nothing depends on them")
    func noStart() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("yearly", seats: 3)
        #expect(invoice.periodStart == nil && invoice.periodEnd == nil)
        #expect(invoice.period == .yearly)
        #expect(invoice.amounts == ["360"])
    }
}
