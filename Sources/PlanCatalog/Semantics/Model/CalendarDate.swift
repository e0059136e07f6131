/// A day of the Gregorian calendar, as a scenario writes it (`2026-03-17`): no time of day and no zone,
/// since PREVIEW.md § 2 counts whole days in UTC. Years run from 0001 to 9999, the ones four digits spell.
///
/// The one reading of a date and the one calendar arithmetic: the scenario checks refuse a date it does
/// not read, and the preview counts a period's days with it. Nothing here reads the clock.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The date, when it names a real day (`2026-02-30` and `2026-13-01` do not).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads exactly `YYYY-MM-DD`: four digits, two, two, naming a real day. `26-3-1`, `2026-3-01` and
    /// `2026-03-01T00:00` are not dates.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2026-03-17`.
    public var description: String {
        func padded(_ value: Int, to width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, to: 4))-\(padded(month, to: 2))-\(padded(day, to: 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// PREVIEW.md's `days(a, b)`: the days from `a` (counted) to `b` (not counted); negative when `b` is
    /// earlier.
    public static func days(from start: CalendarDate, to end: CalendarDate) -> Int {
        end.dayNumber - start.dayNumber
    }

    /// The same day `months` months later; a day the target month does not have clamps to its last day
    /// (2026-01-31 plus one month is 2026-02-28). Nil past 9999-12-31.
    public func adding(months: Int) -> CalendarDate? {
        let (monthIndex, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return nil }
        guard monthIndex >= 12 else { return nil }
        let newYear = monthIndex / 12
        let newMonth = monthIndex % 12 + 1
        guard newYear <= 9999 else { return nil }
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.days(inMonth: newMonth, of: newYear)))
    }

    /// The day `days` days later. Nil past 9999-12-31.
    public func adding(days: Int) -> CalendarDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow else { return nil }
        return CalendarDate(dayNumber: sum)
    }

    /// The day one period after this one (PREVIEW.md § 2): `month` × n adds n months, `year` × n adds
    /// 12 n months (so 29 February clamps to 28 February), `week` × n adds 7 n days and `day` × n adds n days.
    public func adding(_ period: BillingPeriod) -> CalendarDate? {
        let (count, overflow) = period.count.multipliedReportingOverflow(by: period.interval == .year ? 12 : 7)
        switch period.interval {
        case .day: return adding(days: period.count)
        case .week: return overflow ? nil : adding(days: count)
        case .month: return adding(months: period.count)
        case .year: return overflow ? nil : adding(months: count)
        }
    }

    /// How many days a month has in a year of the Gregorian calendar.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days since 1970-01-01 (negative before it): the count of days from civil date, by eras of 400 years
    /// (146,097 days), in which the year is taken to start on 1 March so that a leap day ends it.
    var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01, the inverse of `dayNumber`; nil outside years 1–9999.
    init?(dayNumber: Int) {
        guard dayNumber > Int.min / 2, dayNumber < Int.max / 2 else { return nil }
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}
