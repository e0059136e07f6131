/// A JSON document as plancat writes and reads it.
///
/// Objects keep their members in order, because OUTPUT.md fixes the order of keys; numbers keep their
/// literal text, because money must stay exact (`0.2` is never read into or written from a `Double`).
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's literal text, as written or as it will be written: `29`, `0.2`, `-1.5e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in order; a well-formed document never repeats a key (the reader refuses one that does).
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Equatable, Sendable {
        public let key: String
        public let value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An exact decimal in its shortest form without an exponent (`29`, `0.002`).
    public static func number(_ decimal: ExactDecimal) -> JSONValue { .number(decimal.description) }

    public static func number(_ integer: Int) -> JSONValue { .number(String(integer)) }

    /// A string, or `null` when there is no value.
    public static func string(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// A whole number, or `null` when there is no value.
    public static func number(_ integer: Int?) -> JSONValue { integer.map { .number($0) } ?? .null }

    /// An exact decimal, or `null` when there is no value.
    public static func number(_ decimal: ExactDecimal?) -> JSONValue { decimal.map { .number($0) } ?? .null }

    /// A boolean, or `null` when there is no value.
    public static func bool(_ value: Bool?) -> JSONValue { value.map { .bool($0) } ?? .null }

    /// An array of strings.
    public static func strings(_ texts: [String]) -> JSONValue { .array(texts.map { .string($0) }) }

    /// The member named `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The name of the value's JSON type, as messages say it: "a string", "an object".
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
                     ExpressibleByArrayLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
}
