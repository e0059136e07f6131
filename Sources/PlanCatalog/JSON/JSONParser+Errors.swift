/// The parser's messages: "expected X, found Y", with the byte found named so that an invisible or
/// non-ASCII character can be told apart, and invalid UTF-8 called so rather than shown.
///
/// Each error works out its line and column from the whole input, so one is made only when it is thrown.
extension JSONParser.State {
    /// An error at `offset` with its line and column.
    func error(at offset: Int, _ message: String) -> JSONParseError {
        JSONParseError(offset: offset, in: bytes, message: message)
    }

    /// "expected X, found Y" at the current position.
    func unexpected(expected: String) -> JSONParseError {
        unexpected(at: position, expected: expected)
    }

    /// "expected X, found Y" at `offset`; "unexpected end of input; expected X" at the end; invalid
    /// UTF-8 is named as such.
    func unexpected(at offset: Int, expected: String) -> JSONParseError {
        guard offset < bytes.count else { return error(at: offset, "unexpected end of input; expected \(expected)") }
        let byte = bytes[offset]
        let found: String
        switch byte {
        case 0x21...0x7E: found = "`\(Character(Unicode.Scalar(byte)))`"
        case 0x00...0x7F: found = Self.scalarName(UInt32(byte))
        default:
            guard let (scalar, _) = UTF8Decoding.scalar(in: bytes, at: offset) else { return invalidUTF8(at: offset) }
            // A C1 control or an invisible character is named only: shown, it would act rather than read.
            found = TerminalText.isUnsafe(scalar) ? Self.scalarName(scalar.value)
                : "`\(Character(scalar))` (\(Self.scalarName(scalar.value)))"
        }
        return error(at: offset, "expected \(expected), found \(found)")
    }

    func invalidUTF8(at offset: Int) -> JSONParseError {
        error(at: offset, "invalid UTF-8 byte 0x\(Self.hex(UInt32(bytes[offset]), digits: 2))")
    }

    /// Upper-case hex, zero-padded: `D83D`, `0A`.
    static func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, digits - text.count)) + text
    }

    /// `U+000A`.
    static func scalarName(_ value: UInt32) -> String { "U+\(hex(value))" }
}

extension JSONParser {
    /// A key as messages show it: in backticks, or as a JSON string (`JSONText.shown`) when it holds a
    /// backtick, a control character or an invisible one such as a right-to-left override, so that a
    /// message stays one line that reads as it is; a long key is cut to its start and `…`, so that a
    /// megabyte key does not make a megabyte message.
    static func codeSpan(_ whole: String) -> String {
        let key = Diagnostic.shortenedQuote(whole)
        let isPlain = key.unicodeScalars.allSatisfy { $0 != "`" && !TerminalText.isUnsafe($0) }
        return isPlain ? "`\(key)`" : JSONText.shown(whole)
    }
}
