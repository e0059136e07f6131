import Testing
@testable import PlanCatalog

@Suite struct CalendarDateTests {
    @Test("reads real days written YYYY-MM-DD", arguments: [
        ("2026-03-17", 2026, 3, 17), ("2028-02-29", 2028, 2, 29), ("2000-02-29", 2000, 2, 29),
        ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
    ])
    func reads(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(text))
        #expect((date.year, date.month, date.day) == (year, month, day))
        #expect(date.description == text)
    }

    @Test("refuses impossible days and other spellings", arguments: [
        "2026-02-30", "2026-13-01", "26-3-1", "2026-3-01", "2026-03-1", "2026-00-10", "2026-04-31",
        "2027-02-29", "1900-02-29", "0000-01-01", "2026-03-01T00:00", "2026/03/01", "", "２０２６-03-01",
        "+026-03-01", "2026-03-0a",
    ])
    func refuses(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test("counts days across month ends and leap years")
    func countsDays() throws {
        func days(_ from: String, _ to: String) throws -> Int {
            CalendarDate.days(from: try #require(CalendarDate(from)), to: try #require(CalendarDate(to)))
        }
        #expect(try days("2026-03-01", "2026-04-01") == 31)
        #expect(try days("2026-02-01", "2026-03-01") == 28)
        #expect(try days("2028-02-01", "2028-03-01") == 29)
        #expect(try days("2026-03-17", "2026-04-01") == 15)
        #expect(try days("2026-01-01", "2027-01-01") == 365)
        #expect(try days("2028-01-01", "2029-01-01") == 366)
        #expect(try days("1970-01-01", "1970-01-01") == 0)
        #expect(try days("2026-04-01", "2026-03-01") == -31)
        #expect(try days("0001-01-01", "9999-12-31") == 3_652_058)
    }

    @Test("the day number agrees with counting day by day from 1970")
    func dayNumbersAgreeWithCounting() throws {
        var date = try #require(CalendarDate("1968-01-01"))
        var expected = -731
        while date.year < 2033 {
            #expect(date.dayNumber == expected)
            #expect(CalendarDate(dayNumber: expected) == date)
            let lastDay = CalendarDate.days(inMonth: date.month, of: date.year)
            date = try #require(date.day < lastDay
                ? CalendarDate(year: date.year, month: date.month, day: date.day + 1)
                : date.month < 12 ? CalendarDate(year: date.year, month: date.month + 1, day: 1)
                : CalendarDate(year: date.year + 1, month: 1, day: 1))
            expected += 1
        }
    }

    @Test("adding months clamps to the target month's last day", arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2028-01-31", 1, "2028-02-29"), ("2026-03-31", 1, "2026-04-30"),
        ("2026-01-15", 1, "2026-02-15"), ("2026-11-30", 3, "2027-02-28"), ("2026-12-01", 1, "2027-01-01"),
        ("2026-08-31", 6, "2027-02-28"), ("2028-02-29", 12, "2029-02-28"),
    ])
    func addsMonths(start: String, months: Int, end: String) throws {
        #expect(try #require(CalendarDate(start)).adding(months: months)?.description == end)
    }

    @Test("one period after a start", arguments: [
        ("2026-03-01", BillingInterval.month, 1, "2026-04-01"), ("2026-01-31", .month, 1, "2026-02-28"),
        ("2026-01-31", .month, 3, "2026-04-30"), ("2028-02-29", .year, 1, "2029-02-28"),
        ("2026-03-01", .year, 2, "2028-03-01"), ("2026-03-30", .week, 1, "2026-04-06"),
        ("2026-12-28", .week, 2, "2027-01-11"), ("2026-02-27", .day, 3, "2026-03-02"),
    ])
    func addsPeriods(start: String, interval: BillingInterval, count: Int, end: String) throws {
        let period = BillingPeriod(interval: interval, count: count)
        #expect(try #require(CalendarDate(start)).adding(period)?.description == end)
    }

    @Test("nothing past 9999-12-31, and no trap on huge counts")
    func staysInRange() throws {
        let late = try #require(CalendarDate("9999-12-01"))
        #expect(late.adding(months: 1) == nil)
        #expect(late.adding(days: 31) == nil)
        #expect(late.adding(days: 30)?.description == "9999-12-31")
        #expect(late.adding(BillingPeriod(interval: .year, count: Int.max)) == nil)
        #expect(late.adding(BillingPeriod(interval: .week, count: Int.max)) == nil)
        #expect(late.adding(days: Int.max) == nil)
        #expect(late.adding(months: Int.max) == nil)
        #expect(late.adding(BillingPeriod(interval: .month, count: Int.max)) == nil)
        #expect(try #require(CalendarDate("0001-01-31")).adding(months: -1) == nil)
        #expect(try #require(CalendarDate("0001-01-01")).adding(days: -1) == nil)
    }

    @Test("dates order by day")
    func orders() throws {
        let dates = try ["2026-03-17", "2025-12-31", "2026-03-02", "2026-01-20"].map { try #require(CalendarDate($0)) }
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-20", "2026-03-02", "2026-03-17"])
    }
}
