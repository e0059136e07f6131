/// Decoders of catalog.json's field values: each turns one JSON value into a typed value, or says what it
/// expected and what it found; `JSONObjectReader` adds the path.
///
/// A value of the wrong JSON type is described by its type ("found a string"); a value of the right type
/// that is out of range is shown as written ("found \"usd\"", "found 29.5"), because that is what the
/// person fixing the file needs to see.
enum CatalogField {
    typealias Decoder<Value> = (JSONValue) throws(Problem) -> Value

    /// What is wrong with one value, without its path.
    enum Problem: Error {
        case mismatch(expected: String, found: String)
        case message(String)

        var text: String {
            switch self {
            case .mismatch(let expected, let found): "expected \(expected), found \(found)"
            case .message(let message): message
            }
        }

        /// The same problem for a field where `null` is also accepted.
        var allowingNull: Problem {
            guard case .mismatch(let expected, let found) = self else { return self }
            return .mismatch(expected: expected + " or null", found: found)
        }
    }

    /// Every amount, count and unit cost is at most 2^53 − 1, the largest integer that JavaScript (and so
    /// Lumen's clients) hold exactly.
    static let largestExactValue: UInt64 = (1 << 53) - 1

    static func string(_ value: JSONValue) throws(Problem) -> String {
        guard case .string(let text) = value else { throw .mismatch(expected: "a string", found: described(value)) }
        return text
    }

    /// An id or slug, or a reference to one: a string that is not empty, since an empty id names nothing
    /// that Lumen (or `import`) could refer to.
    static func identifier(_ value: JSONValue) throws(Problem) -> String {
        let expected = "a non-empty string"
        guard case .string(let text) = value else { throw .mismatch(expected: expected, found: described(value)) }
        guard !text.isEmpty else { throw .mismatch(expected: expected, found: shown(value)) }
        return text
    }

    static func bool(_ value: JSONValue) throws(Problem) -> Bool {
        guard case .bool(let flag) = value else { throw .mismatch(expected: "true or false", found: described(value)) }
        return flag
    }

    static func array(_ value: JSONValue) throws(Problem) -> [JSONValue] {
        guard case .array(let elements) = value else { throw .mismatch(expected: "an array", found: described(value)) }
        return elements
    }

    // MARK: Numbers

    /// Any number, read exactly.
    static func number(_ value: JSONValue) throws(Problem) -> ExactDecimal {
        guard case .number(let text) = value else { throw .mismatch(expected: "a number", found: described(value)) }
        guard let decimal = ExactDecimal(jsonNumber: text) else {
            // Only a built `JSONValue` can hold a number that is not JSON; a parsed one is checked already.
            guard ExactDecimal.isJSONNumber(text) else { throw .message("\(shown(value)) is not a JSON number") }
            throw .message("cannot read the number \(shown(value)) exactly")
        }
        return decimal
    }

    /// A unit cost or a feature's limit: fractions allowed.
    static func nonNegativeNumber(_ value: JSONValue) throws(Problem) -> ExactDecimal {
        let expected = "a non-negative number"
        guard case .number = value else { throw .mismatch(expected: expected, found: described(value)) }
        let decimal = try number(value)
        guard !decimal.isNegative else { throw .mismatch(expected: expected, found: shown(value)) }
        return try withinLimit(decimal, value)
    }

    /// An amount in minor units: `amount_cents`.
    static func wholeAmount(_ value: JSONValue) throws(Problem) -> ExactDecimal {
        let expected = "a non-negative whole number"
        guard case .number = value else { throw .mismatch(expected: expected, found: described(value)) }
        let decimal = try number(value)
        guard !decimal.isNegative, decimal.isInteger else { throw .mismatch(expected: expected, found: shown(value)) }
        return try withinLimit(decimal, value)
    }

    /// A credit's `defaultAmount` or `refillAmount`: a whole number from 1, since a credit of 0 grants
    /// nothing (Lumen refuses it).
    static func positiveAmount(_ value: JSONValue) throws(Problem) -> ExactDecimal {
        let expected = "a positive whole number"
        guard case .number = value else { throw .mismatch(expected: expected, found: described(value)) }
        let decimal = try number(value)
        guard !decimal.isNegative, !decimal.isZero, decimal.isInteger else {
            throw .mismatch(expected: expected, found: shown(value))
        }
        return try withinLimit(decimal, value)
    }

    /// A whole number within `range`: `trialDays` (1 to 365).
    static func wholeNumber(in range: ClosedRange<Int>) -> Decoder<Int> {
        { (value: JSONValue) throws(Problem) -> Int in
            let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
            guard case .number = value else { throw .mismatch(expected: expected, found: described(value)) }
            guard let integer = try number(value).integerValue, range.contains(integer) else {
                throw .mismatch(expected: expected, found: shown(value))
            }
            return integer
        }
    }

    /// A count of days, seats or a position: `min_seats`, `expiryDays`, `displayOrder`.
    static func positiveInteger(_ value: JSONValue) throws(Problem) -> Int {
        // Within 2^53 − 1, so it always fits in an Int.
        try positiveAmount(value).integerValue ?? 0
    }

    /// A version number that must be exactly `expected`: `dsl_version`.
    static func constant(_ expected: Int) -> Decoder<Int> {
        { (value: JSONValue) throws(Problem) -> Int in
            guard case .number = value else { throw .mismatch(expected: String(expected), found: described(value)) }
            guard try number(value) == ExactDecimal(expected) else {
                throw .mismatch(expected: String(expected), found: shown(value))
            }
            return expected
        }
    }

    private static func withinLimit(_ decimal: ExactDecimal, _ value: JSONValue) throws(Problem) -> ExactDecimal {
        guard !decimal.magnitudeExceeds(largestExactValue) else {
            throw .mismatch(expected: "at most \(largestExactValue) (2^53 − 1)", found: shown(value))
        }
        return decimal
    }

    // MARK: Strings with meaning

    /// A string that must be exactly `expected`: `queryType`, `scope`.
    static func constant(_ expected: String) -> Decoder<String> {
        { (value: JSONValue) throws(Problem) -> String in
            guard value == .string(expected) else {
                throw .mismatch(expected: JSONText.quoted(expected), found: describedOrShown(value))
            }
            return expected
        }
    }

    /// One of a fixed set of spellings (Lumen's enum values), each with its typed value.
    static func oneOf<Value>(_ choices: [(name: String, value: Value)]) -> Decoder<Value> {
        { (value: JSONValue) throws(Problem) -> Value in
            if case .string(let text) = value, let choice = choices.first(where: { $0.name == text }) {
                return choice.value
            }
            let names = choices.map { JSONText.quoted($0.name) }.joined(separator: ", ")
            throw .mismatch(expected: "one of \(names)", found: describedOrShown(value))
        }
    }

    /// An ISO 4217 code in upper case, as plancat writes it.
    static func currency(_ value: JSONValue) throws(Problem) -> String {
        let expected = "an upper-case ISO 4217 currency code"
        guard case .string(let code) = value else { throw .mismatch(expected: expected, found: described(value)) }
        guard Currency.named(code) != nil else { throw .mismatch(expected: expected, found: shown(value)) }
        return code
    }

    /// `RRULE:FREQ=MONTHLY;INTERVAL=1`, exactly as `BillingPeriod.recurrenceRule` writes it, so that
    /// reading and writing again gives the same text.
    static func recurrenceRule(_ value: JSONValue) throws(Problem) -> BillingPeriod {
        let expected = "a rule \"RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);INTERVAL=n\" (n ≥ 1)"
        guard case .string(let rule) = value else { throw .mismatch(expected: expected, found: described(value)) }
        let utf8 = rule.utf8
        for (interval, head) in recurrenceRuleHeads where utf8.starts(with: head.utf8) {
            let count = utf8.dropFirst(head.utf8.count)
            // Digits only, no leading zero, and few enough to fit: `INTERVAL=01` would not write back the same.
            guard (1...9).contains(count.count), count.first != UInt8(ascii: "0"),
                  count.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { break }
            return BillingPeriod(interval: interval, count: count.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
        }
        throw .mismatch(expected: expected, found: shown(value))
    }

    /// `RRULE:FREQ=MONTHLY;INTERVAL=` for each interval: a rule is one of these and a count.
    private static let recurrenceRuleHeads = BillingInterval.allCases.map { ($0, "RRULE:FREQ=\($0.frequency);INTERVAL=") }

    // MARK: Describing what was found

    /// The value's JSON type, or the literal for `true`, `false` and `null`, which say more than their type.
    static func described(_ value: JSONValue) -> String {
        switch value {
        case .bool(let flag): flag ? "true" : "false"
        default: value.typeDescription
        }
    }

    /// Strings and numbers as written; other values by `described`.
    static func describedOrShown(_ value: JSONValue) -> String {
        switch value {
        case .string, .number: shown(value)
        default: described(value)
        }
    }

    /// A string or number as it appears in JSON, cut short when long so that a message stays readable.
    static func shown(_ value: JSONValue) -> String {
        let limit = 60
        switch value {
        case .string(let text) where text.unicodeScalars.count > limit:
            return JSONText.quoted(String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))) + "…"
        case .string(let text):
            return JSONText.quoted(text)
        case .number(let text):
            return text.count > limit ? String(text.prefix(limit)) + "…" : text
        default:
            return described(value)
        }
    }
}
