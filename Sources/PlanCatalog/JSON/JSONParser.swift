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
public enum JSONParser {
    /// The one JSON value that `bytes` hold (after an optional UTF-8 byte order mark, with only
    /// whitespace around it).
    ///
    /// Refused: anything RFC 8259 does not allow (comments, trailing commas, leading zeros, `NaN`, single
    /// quotes, raw control characters in strings, lone surrogates), invalid UTF-8, a key repeated in one
    /// object, and nesting deeper than `maximumDepth` arrays and objects.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = 128) throws(JSONParseError) -> JSONValue {
        var state = State(bytes: bytes, maximumDepth: maximumDepth)
        return try state.parseDocument()
    }
}

extension JSONParser {
    /// An array or object whose closing bracket has not been reached yet.
    private struct Container {
        let isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONValue.Member] = []
        /// The key of the member whose value is being parsed.
        var pendingKey = ""
        /// The keys so far, built only once an object is big enough that searching `members` is slow.
        var keyIndex: Set<String>?
    }

    /// Objects with this many members or more find duplicate keys with a set rather than a linear search.
    private static let linearKeySearchLimit = 12

    /// The position in the bytes and the open containers.
    private struct State {
        let bytes: [UInt8]
        let maximumDepth: Int
        var position = 0
        var containers: [Container] = []

        init(bytes: [UInt8], maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        // MARK: Structure

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
            containers.append(Container(isObject: isObject))
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

        // MARK: Scalars

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

        /// A number by the JSON grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept
        /// as its literal text.
        private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
            let start = position
            var index = position
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw error(at: index, "unexpected end of input in a number") }
            switch bytes[index] {
            case UInt8(ascii: "0"):
                index += 1
                if index < bytes.count, Self.isDigit(bytes[index]) {
                    throw error(at: start, "a number cannot start with a leading zero")
                }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                index = digitsEnd(from: index)
            default:
                throw unexpected(at: index, expected: "a digit after `-`")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index = try requiredDigitsEnd(from: index + 1, expected: "a digit after the decimal point")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                index = try requiredDigitsEnd(from: index, expected: "a digit in the exponent")
            }
            position = index
            return .number(String(decoding: bytes[start..<index], as: UTF8.self))
        }

        private func requiredDigitsEnd(from index: Int, expected: String) throws(JSONParseError) -> Int {
            guard index < bytes.count else { throw error(at: index, "unexpected end of input in a number") }
            guard Self.isDigit(bytes[index]) else { throw unexpected(at: index, expected: expected) }
            return digitsEnd(from: index)
        }

        private func digitsEnd(from index: Int) -> Int {
            var end = index
            while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
            return end
        }

        /// A string, with the position at its opening quote. Without escapes (the usual case) the string
        /// is made straight from the slice between the quotes, once its UTF-8 has been checked.
        private mutating func parseString() throws(JSONParseError) -> String {
            let start = position + 1
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    position = index + 1
                    return String(decoding: bytes[start..<index], as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") { break }
                index = try stringByteEnd(at: index)
            }
            var decoded = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    position = index + 1
                    return String(decoding: decoded, as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") {
                    index = try decodeEscape(at: index, into: &decoded)
                } else {
                    let end = try stringByteEnd(at: index)
                    decoded.append(contentsOf: bytes[index..<end])
                    index = end
                }
            }
            throw error(at: bytes.count, "unexpected end of input in a string")
        }

        /// The end of the unescaped character at `index` inside a string: refuses control characters and
        /// invalid UTF-8.
        private func stringByteEnd(at index: Int) throws(JSONParseError) -> Int {
            let byte = bytes[index]
            if byte < 0x20 {
                throw error(at: index, "unescaped control character \(Self.scalarName(UInt32(byte))) in a string")
            }
            if byte < 0x80 { return index + 1 }
            guard let (_, length) = UTF8Decoding.scalar(in: bytes, at: index) else {
                // Input cut inside a character is cut short, not badly encoded.
                let isCutShort = bytes.count - index < Self.sequenceLength(byte)
                if isCutShort, bytes[(index + 1)...].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                    throw error(at: bytes.count, "unexpected end of input in a string")
                }
                throw invalidUTF8(at: index)
            }
            return index + length
        }

        /// How many bytes a UTF-8 sequence starting with `lead` has (0 for a byte that cannot lead one).
        private static func sequenceLength(_ lead: UInt8) -> Int {
            switch lead {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        }

        /// Decodes the escape at `index` (its `\`) into `decoded`; returns the index after it.
        private func decodeEscape(at index: Int, into decoded: inout [UInt8]) throws(JSONParseError) -> Int {
            guard index + 1 < bytes.count else { throw error(at: bytes.count, "unexpected end of input in a string") }
            let simple: UInt8
            switch bytes[index + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = bytes[index + 1]
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: index, into: &decoded)
            case let next where (0x21...0x7E).contains(next):
                throw error(at: index, "invalid escape `\\\(Character(Unicode.Scalar(next)))` in a string")
            default:
                throw unexpected(at: index + 1, expected: "an escape character after `\\`")
            }
            decoded.append(simple)
            return index + 2
        }

        /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; a lone surrogate is refused.
        private func decodeUnicodeEscape(at index: Int, into decoded: inout [UInt8]) throws(JSONParseError) -> Int {
            let first = try hexQuad(at: index + 2)
            var value = first
            var end = index + 6
            switch first {
            case 0xD800...0xDBFF:
                // Made only when thrown: an error works out its line and column from the whole input.
                func loneSurrogate() -> JSONParseError {
                    error(at: index, "lone surrogate \\u\(Self.hex(first)) (not followed by a low surrogate)")
                }
                for (offset, expected) in [(end, UInt8(ascii: "\\")), (end + 1, UInt8(ascii: "u"))] {
                    guard offset < bytes.count else { throw error(at: bytes.count, "unexpected end of input in a string") }
                    guard bytes[offset] == expected else { throw loneSurrogate() }
                }
                let second = try hexQuad(at: end + 2)
                guard (0xDC00...0xDFFF).contains(second) else { throw loneSurrogate() }
                value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                end += 6
            case 0xDC00...0xDFFF:
                throw error(at: index, "lone surrogate \\u\(Self.hex(first)) (not preceded by a high surrogate)")
            default:
                break
            }
            // Every value outside the surrogates is a scalar.
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            UTF8.encode(scalar) { decoded.append($0) }
            return end
        }

        /// The four hex digits at `index`.
        private func hexQuad(at index: Int) throws(JSONParseError) -> UInt32 {
            var value: UInt32 = 0
            for offset in index..<(index + 4) {
                guard offset < bytes.count else { throw error(at: bytes.count, "unexpected end of input in a string") }
                let byte = bytes[offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw unexpected(at: offset, expected: "four hex digits after `\\u`")
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        // MARK: Errors

        private func error(at offset: Int, _ message: String) -> JSONParseError {
            JSONParseError(offset: offset, in: bytes, message: message)
        }

        /// "expected X, found Y" at the current position.
        private func unexpected(expected: String) -> JSONParseError {
            unexpected(at: position, expected: expected)
        }

        /// "expected X, found Y" at `offset`; "unexpected end of input; expected X" at the end; invalid
        /// UTF-8 is named as such.
        private func unexpected(at offset: Int, expected: String) -> JSONParseError {
            guard offset < bytes.count else { return error(at: offset, "unexpected end of input; expected \(expected)") }
            let byte = bytes[offset]
            let found: String
            switch byte {
            case 0x21...0x7E: found = "`\(Character(Unicode.Scalar(byte)))`"
            case 0x00...0x7F: found = Self.scalarName(UInt32(byte))
            default:
                guard let (scalar, _) = UTF8Decoding.scalar(in: bytes, at: offset) else { return invalidUTF8(at: offset) }
                found = "`\(Character(scalar))` (\(Self.scalarName(scalar.value)))"
            }
            return error(at: offset, "expected \(expected), found \(found)")
        }

        private func invalidUTF8(at offset: Int) -> JSONParseError {
            error(at: offset, "invalid UTF-8 byte 0x\(Self.hex(UInt32(bytes[offset]), digits: 2))")
        }

        // MARK: Bytes

        private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private static func isWordByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
            default: false
            }
        }

        /// Upper-case hex, zero-padded: `D83D`, `0A`.
        private static func hex(_ value: UInt32, digits: Int = 4) -> String {
            let text = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
        }

        /// `U+000A`.
        private static func scalarName(_ value: UInt32) -> String { "U+\(hex(value))" }
    }

    /// A key as messages show it: in backticks, or as a JSON string when it holds a backtick or a control
    /// character, so that a message stays one line.
    static func codeSpan(_ key: String) -> String {
        let isPlain = key.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "`" && !(0x7F...0x9F).contains($0.value) }
        return isPlain ? "`\(key)`" : JSONText.quoted(key)
    }
}
