/// A strict RFC 8259 JSON parser over UTF-8 bytes: the reader of catalog.json files that `diff` and
/// `import` take from elsewhere.
///
/// Foundation's `JSONSerialization` is not used because it is slow and memory-hungry on 100 MB files and
/// on Linux cannot tell `true` from `1`; it also loses key order and a number's literal text, both of
/// which plancat needs (OUTPUT.md fixes key order; money must stay exact). The parser works on the byte
/// array with an index, builds strings straight from byte slices, and keeps the containers it is inside on
/// a heap stack, so that nesting costs no call stack: 100,000 `[` fail at `maximumDepth` at once.
///
/// It stops at the first problem: a catalog.json is written by a program, so one precise message (where,
/// and what was expected) is worth more than recovery.
///
/// The parser is one `State` split by concern: this file holds the document, its containers and literals;
/// `JSONParser+Strings.swift`, `JSONParser+Numbers.swift` and `JSONParser+Errors.swift` the rest.
public enum JSONParser {
    /// The one JSON value that `bytes` hold (after an optional UTF-8 byte order mark, with only
    /// whitespace around it).
    ///
    /// Refused: anything RFC 8259 does not allow (comments, trailing commas, leading zeros, `NaN`, single
    /// quotes, raw control characters in strings, lone surrogates), invalid UTF-8, a key repeated in one
    /// object, and nesting deeper than `maximumDepth` arrays and objects.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = InputLimits.maximumJSONDepth) throws(JSONParseError) -> JSONValue {
        var state = State(bytes: bytes, maximumDepth: maximumDepth)
        return try state.parseDocument()
    }
}

extension JSONParser {
    /// An array or object whose closing bracket has not been reached yet.
    fileprivate struct Container {
        let isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONValue.Member] = []
        /// The key of the member whose value is being parsed.
        var pendingKey = ""
        /// The keys so far, built only once an object is big enough that searching `members` is slow.
        var keyIndex: Set<String>?
    }

    /// Objects with this many members or more find duplicate keys with a set rather than a linear search.
    fileprivate static let linearKeySearchLimit = 12

    /// The position in the bytes and the open containers.
    ///
    /// Internal rather than private only so that its extensions in the sibling `JSONParser+*.swift` files
    /// can reach it; nothing outside the parser uses it.
    struct State {
        let bytes: [UInt8]
        let maximumDepth: Int
        var position = 0
        fileprivate var containers: [Container] = []

        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }
    }
}

// MARK: - Structure

extension JSONParser.State {
    /// The whole document: one value, its containers closed, and nothing but whitespace after it.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        skipWhitespace()
        guard position < bytes.count else { throw error(at: position, "empty input; expected a JSON value") }
        nextValue: while true {
            let before = position
            // Nil: a container was opened, and its first value comes next.
            guard var value = try parseValueOrOpenContainer() else {
                assert(position > before, "the JSON parser must make progress")
                continue
            }
            // Close every container that ends right after this value.
            while !containers.isEmpty {
                guard let closed = try attach(value) else { continue nextValue }
                value = closed
            }
            skipWhitespace()
            guard position == bytes.count else { throw unexpected(expected: "end of input after the JSON value") }
            return value
        }
    }

    /// Parses a scalar and returns it, or opens a container, leaving the position at its first value
    /// (nil), or opens and closes an empty one and returns it.
    private mutating func parseValueOrOpenContainer() throws(JSONParseError) -> JSONValue? {
        guard position < bytes.count else { throw unexpected(expected: "a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try openContainer(isObject: true)
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                containers.removeLast()
                return .object([])
            }
            try readKey(expected: "a string key or `}`")
            return nil
        case UInt8(ascii: "["):
            try openContainer(isObject: false)
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                containers.removeLast()
                return .array([])
            }
            return nil
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return try parseLiteral()
        default:
            throw unexpected(expected: "a value")
        }
    }

    private mutating func openContainer(isObject: Bool) throws(JSONParseError) {
        guard containers.count < maximumDepth else {
            throw error(at: position, "nesting deeper than \(maximumDepth) levels of arrays and objects")
        }
        containers.append(JSONParser.Container(isObject: isObject))
        position += 1
        skipWhitespace()
    }

    /// Adds a finished value to the innermost container, then reads what follows it: a `,` (and in an
    /// object the next key and `:`), returning nil because another value comes next; or the closing
    /// bracket, returning the finished container.
    private mutating func attach(_ value: JSONValue) throws(JSONParseError) -> JSONValue? {
        let innermost = containers.count - 1
        let isObject = containers[innermost].isObject
        if isObject {
            containers[innermost].members.append(JSONValue.Member(containers[innermost].pendingKey, value))
        } else {
            containers[innermost].elements.append(value)
        }
        skipWhitespace()
        let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        let what = isObject ? "`,` or `}` after an object member" : "`,` or `]` after an array element"
        guard position < bytes.count else { throw unexpected(expected: what) }
        switch bytes[position] {
        case UInt8(ascii: ","):
            let commaOffset = position
            position += 1
            skipWhitespace()
            if position < bytes.count, bytes[position] == closer {
                throw error(at: commaOffset, "trailing comma before `\(Character(Unicode.Scalar(closer)))`")
            }
            if isObject { try readKey(expected: "a string key after `,`") }
            return nil
        case closer:
            position += 1
            let container = containers.removeLast()
            return isObject ? .object(container.members) : .array(container.elements)
        default:
            throw unexpected(expected: what)
        }
    }

    /// Reads `"key" :` into the innermost object, refusing a key it already has.
    private mutating func readKey(expected: String) throws(JSONParseError) {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw unexpected(expected: expected)
        }
        let keyOffset = position
        let key = try parseString()
        guard registerKey(key) else { throw error(at: keyOffset, "duplicate key \(JSONParser.codeSpan(key))") }
        containers[containers.count - 1].pendingKey = key
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw unexpected(expected: "`:` after the object key")
        }
        position += 1
        skipWhitespace()
    }

    /// Whether `key` is new to the innermost object.
    private mutating func registerKey(_ key: String) -> Bool {
        let innermost = containers.count - 1
        if containers[innermost].keyIndex != nil {
            return containers[innermost].keyIndex!.insert(key).inserted
        }
        if containers[innermost].members.contains(where: { $0.key == key }) { return false }
        if containers[innermost].members.count >= JSONParser.linearKeySearchLimit {
            var keys = Set(containers[innermost].members.map(\.key))
            keys.insert(key)
            containers[innermost].keyIndex = keys
        }
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    // MARK: Literals

    /// `true`, `false` or `null`. A run of letters is read whole, so that `truex` or `NaN` is named in
    /// the message rather than half-accepted.
    private mutating func parseLiteral() throws(JSONParseError) -> JSONValue {
        let start = position
        var end = position
        while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
        let word = bytes[start..<end]
        let literal: (text: String, value: JSONValue)? = switch bytes[start] {
        case UInt8(ascii: "t"): ("true", .bool(true))
        case UInt8(ascii: "f"): ("false", .bool(false))
        case UInt8(ascii: "n"): ("null", .null)
        default: nil
        }
        if let (text, value) = literal {
            if word.elementsEqual(text.utf8) {
                position = end
                return value
            }
            if end == bytes.count, text.utf8.starts(with: word) {
                throw error(at: end, "unexpected end of input in `\(text)`")
            }
        }
        let shown = String(decoding: word.prefix(24), as: UTF8.self) + (word.count > 24 ? "…" : "")
        throw error(at: start, "expected a value, found `\(shown)`")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
