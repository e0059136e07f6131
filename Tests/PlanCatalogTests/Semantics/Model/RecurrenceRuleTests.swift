import Testing
@testable import PlanCatalog

/// A period's recurrence rule is written by `BillingPeriod.recurrenceRule` and read by its inverse,
/// `BillingPeriod.init?(recurrenceRule:)`, the one reading that catalog.json's reader and the differ's
/// `per month` both use.
@Suite struct RecurrenceRuleTests {
    static let periods = BillingInterval.allCases.flatMap { interval in
        [1, 2, 3, 12, 999_999_999].map { BillingPeriod(interval: interval, count: $0) }
    }

    @Test("every interval and count reads back from the rule it writes", arguments: periods)
    func roundTrip(period: BillingPeriod) {
        #expect(BillingPeriod(recurrenceRule: period.recurrenceRule) == period)
        let bytes = Array(period.recurrenceRule.utf8)
        #expect(bytes.withUnsafeBufferPointer { BillingPeriod(recurrenceRule: $0) } == period)
    }

    @Test("the rules of each interval", arguments: [
        ("RRULE:FREQ=DAILY;INTERVAL=1", BillingPeriod(interval: .day, count: 1)),
        ("RRULE:FREQ=WEEKLY;INTERVAL=2", BillingPeriod(interval: .week, count: 2)),
        ("RRULE:FREQ=MONTHLY;INTERVAL=3", BillingPeriod(interval: .month, count: 3)),
        ("RRULE:FREQ=YEARLY;INTERVAL=10", BillingPeriod(interval: .year, count: 10)),
    ])
    func intervals(rule: String, period: BillingPeriod) {
        #expect(BillingPeriod(recurrenceRule: rule) == period)
    }

    /// Only the form plancat writes: anything else would not write back the same text.
    @Test("refuses every other form", arguments: [
        "", "RRULE:", "RRULE:FREQ=MONTHLY", "RRULE:FREQ=MONTHLY;INTERVAL=", "RRULE:FREQ=MONTHLY;INTERVAL=0",
        "RRULE:FREQ=MONTHLY;INTERVAL=01", "RRULE:FREQ=MONTHLY;INTERVAL=-1", "RRULE:FREQ=MONTHLY;INTERVAL=1;",
        "RRULE:FREQ=MONTHLY;INTERVAL=1000000000", "RRULE:FREQ=HOURLY;INTERVAL=1", "RRULE:INTERVAL=1;FREQ=MONTHLY",
        "rrule:freq=monthly;interval=1", "FREQ=MONTHLY;INTERVAL=1", " RRULE:FREQ=MONTHLY;INTERVAL=1",
    ])
    func refuses(rule: String) {
        #expect(BillingPeriod(recurrenceRule: rule) == nil)
    }

    @Test("the differ says the period of every rule the reader reads, and nothing of one it refuses")
    func differAgreesWithReader() {
        for period in Self.periods {
            let unit = period.interval.rawValue
            let expected = period.count == 1 ? "per \(unit)" : "every \(period.count) \(unit)s"
            #expect(CatalogDiff.Denominations.period(ofRule: period.recurrenceRule) == expected)
        }
        #expect(CatalogDiff.Denominations.period(ofRule: "RRULE:FREQ=MONTHLY;INTERVAL=01") == nil)
    }
}
