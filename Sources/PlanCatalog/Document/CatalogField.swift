/// Decoders of catalog.json's field values: each turns one JSON value into a typed value, or says what it
/// expected and what it found; `JSONObjectReader` adds the path.
///
/// A value of the wrong JSON type is described by its type ("found a string"); a value of the right type
/// that is out of range is shown as written ("found \"usd\"", "found 29.5"), because that is what the
/// person fixing the file needs to see.
///
/// Values are nodes of a `JSONTape`, read straight from its bytes: a string becomes a `String` only when
/// the document keeps it, and an enum spelling or a number never does. Decoders that take a parameter
/// (`oneOf`, `constant`) are made once, as static properties of the reader, not once per value.
enum CatalogField {
    typealias Decoder<Value> = @Sendable (JSONNode) throws(Problem) -> Value

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

    static func string(_ node: JSONNode) throws(Problem) -> String {
        guard node.kind == .string else { throw .mismatch(expected: "a string", found: described(node.value)) }
        return node.string
    }

    /// An id or slug, or a reference to one: a string that is not empty, since an empty id names nothing
    /// that Lumen (or `import`) could refer to, and of at most `InputLimits.maximumIDBytes`, the compiler's
    /// limit (E0303): a catalog.json with 80,000-character ids is not one plancat built, and every
    /// message and did-you-mean that names such an id would be as long.
    static func identifier(_ node: JSONNode) throws(Problem) -> String {
        let expected = "a non-empty string"
        guard node.kind == .string else { throw .mismatch(expected: expected, found: described(node.value)) }
        guard node.length > 0 else { throw .mismatch(expected: expected, found: shown(node.value)) }
        let string = node.string
        // The escapes of the written form are never shorter than what they decode to.
        if node.length > InputLimits.maximumIDBytes, string.utf8.count > InputLimits.maximumIDBytes {
            throw .message("an id has at most \(DisplayText.number(InputLimits.maximumIDBytes)) bytes, "
                           + "found a string of \(DisplayText.number(string.utf8.count))")
        }
        return string
    }

    static func bool(_ node: JSONNode) throws(Problem) -> Bool {
        switch node.kind {
        case .true: return true
        case .false: return false
        default: throw .mismatch(expected: "true or false", found: described(node.value))
        }
    }

    /// An array: its node, whose elements `JSONNode.elements` lists.
    static func array(_ node: JSONNode) throws(Problem) -> JSONNode {
        guard node.kind == .array else { throw .mismatch(expected: "an array", found: described(node.value)) }
        return node
    }

    // MARK: Numbers

    /// Any number, read exactly.
    static func number(_ node: JSONNode) throws(Problem) -> ExactDecimal {
        guard node.kind == .number else { throw .mismatch(expected: "a number", found: described(node.value)) }
        guard let decimal = ExactDecimal(jsonNumber: node.bytes) else {
            // Only a built `JSONValue` can hold a number that is not JSON; a parsed one is checked already.
            let value = node.value
            guard ExactDecimal.isJSONNumber(node.bytes) else {
                throw .message("\(shown(value)) is not a JSON number")
            }
            throw .message("cannot read the number \(shown(value)) exactly")
        }
        return decimal
    }

    /// A unit cost or a feature's limit: fractions allowed.
    static func nonNegativeNumber(_ node: JSONNode) throws(Problem) -> ExactDecimal {
        let expected = "a non-negative number"
        guard node.kind == .number else { throw .mismatch(expected: expected, found: described(node.value)) }
        let decimal = try number(node)
        guard !decimal.isNegative else { throw .mismatch(expected: expected, found: shown(node.value)) }
        return try withinLimit(decimal, node)
    }

    /// An amount in minor units: `amount_cents`.
    static func wholeAmount(_ node: JSONNode) throws(Problem) -> ExactDecimal {
        let expected = "a non-negative whole number"
        guard node.kind == .number else { throw .mismatch(expected: expected, found: described(node.value)) }
        let decimal = try number(node)
        guard !decimal.isNegative, decimal.isInteger else { throw .mismatch(expected: expected, found: shown(node.value)) }
        return try withinLimit(decimal, node)
    }

    /// A credit's `defaultAmount` or `refillAmount`: a whole number from 1, since a credit of 0 grants
    /// nothing (Lumen refuses it).
    static func positiveAmount(_ node: JSONNode) throws(Problem) -> ExactDecimal {
        let expected = "a positive whole number"
        guard node.kind == .number else { throw .mismatch(expected: expected, found: described(node.value)) }
        let decimal = try number(node)
        guard !decimal.isNegative, !decimal.isZero, decimal.isInteger else {
            throw .mismatch(expected: expected, found: shown(node.value))
        }
        return try withinLimit(decimal, node)
    }

    /// A whole number within `range`: `trialDays` (1 to 365).
    static func wholeNumber(in range: ClosedRange<Int>) -> Decoder<Int> {
        { (node: JSONNode) throws(Problem) -> Int in
            let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
            guard node.kind == .number else { throw .mismatch(expected: expected, found: described(node.value)) }
            guard let integer = try number(node).integerValue, range.contains(integer) else {
                throw .mismatch(expected: expected, found: shown(node.value))
            }
            return integer
        }
    }

    /// A count of days, seats or a position: `min_seats`, `expiryDays`, `displayOrder`.
    static func positiveInteger(_ node: JSONNode) throws(Problem) -> Int {
        // Within 2^53 − 1, so it always fits in an Int.
        try positiveAmount(node).integerValue ?? 0
    }

    /// A version number that must be exactly `expected`: `dsl_version`.
    static func constant(_ expected: Int) -> Decoder<Int> {
        { (node: JSONNode) throws(Problem) -> Int in
            guard node.kind == .number else { throw .mismatch(expected: String(expected), found: described(node.value)) }
            guard try number(node) == ExactDecimal(expected) else {
                throw .mismatch(expected: String(expected), found: shown(node.value))
            }
            return expected
        }
    }

    private static func withinLimit(_ decimal: ExactDecimal, _ node: JSONNode) throws(Problem) -> ExactDecimal {
        // Every amount, count and unit cost is at most 2^53 − 1 (`ExactTotal.limit`).
        guard !decimal.magnitudeExceeds(ExactTotal.limit) else {
            throw .mismatch(expected: "at most \(ExactTotal.limit) (2^53 − 1)", found: shown(node.value))
        }
        return decimal
    }

    // MARK: Strings with meaning

    /// A string that must be exactly `expected`: `queryType`, `scope`.
    static func constant(_ expected: String) -> Decoder<String> {
        let expectedBytes = Array(expected.utf8)
        return { (node: JSONNode) throws(Problem) -> String in
            guard node.kind == .string, node.bytesEqual(expectedBytes) else {
                throw .mismatch(expected: JSONText.quoted(expected), found: describedOrShown(node.value))
            }
            return expected
        }
    }

    /// One of a fixed set of spellings (Lumen's enum values), each with its typed value.
    static func oneOf<Value: Sendable>(_ choices: [(name: String, value: Value)]) -> Decoder<Value> {
        let names = choices.map { Array($0.name.utf8) }
        return { (node: JSONNode) throws(Problem) -> Value in
            if node.kind == .string, let index = names.firstIndex(where: node.bytesEqual) {
                return choices[index].value
            }
            let names = choices.map { JSONText.quoted($0.name) }.joined(separator: ", ")
            throw .mismatch(expected: "one of \(names)", found: describedOrShown(node.value))
        }
    }

    /// An ISO 4217 code in upper case, as plancat writes it.
    static func currency(_ node: JSONNode) throws(Problem) -> String {
        let expected = "an upper-case ISO 4217 currency code"
        guard node.kind == .string else { throw .mismatch(expected: expected, found: described(node.value)) }
        let code = node.string
        guard Currency.named(code) != nil else { throw .mismatch(expected: expected, found: shown(node.value)) }
        return code
    }

    /// `RRULE:FREQ=MONTHLY;INTERVAL=1`, exactly as `BillingPeriod.recurrenceRule` writes it, so that
    /// reading and writing again gives the same text (`BillingPeriod.init?(recurrenceRule:)`).
    static func recurrenceRule(_ node: JSONNode) throws(Problem) -> BillingPeriod {
        let expected = "a rule \"RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);INTERVAL=n\" (n ≥ 1)"
        guard node.kind == .string else { throw .mismatch(expected: expected, found: described(node.value)) }
        guard let period = BillingPeriod(recurrenceRule: node.bytes) else {
            throw .mismatch(expected: expected, found: shown(node.value))
        }
        return period
    }

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

    /// A string or number as it appears in JSON, cut short when long so that a message stays readable,
    /// as every message quotes (`JSONText.shown`, `Diagnostic.shortenedQuote`): a string's control and
    /// invisible characters are escaped, and a number is digits, signs and exponents only.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): JSONText.shown(text)
        case .number(let text): Diagnostic.shortenedQuote(text)
        default: described(value)
        }
    }
}
