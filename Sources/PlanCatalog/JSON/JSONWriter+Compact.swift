/// One-line JSON for showing a value inside a line of text or Markdown: the diff's `from → to` values.
///
/// The form is still JSON for the same value, so a reader can paste it back, but it is made to be read:
/// `{"key": value, "other": [1, 2]}` with a space after every `:` and `,`, and `[]` / `{}` when empty.
///
/// Beyond what `JSONText` escapes (quotes, backslashes, control characters), it also escapes the invisible
/// characters that could make a line read other than it is: format characters such as the bidirectional
/// overrides (U+202E), zero-width spaces and joiners (U+200B, U+200D) and the byte-order mark, and the line
/// and paragraph separators (U+2028, U+2029), as `\uXXXX` (a surrogate pair above U+FFFF). Two values
/// that differ only by such a character therefore never look the same to a reviewer.
extension JSONWriter {
    /// The value on one line, without a trailing newline.
    public static func compactText(of value: JSONValue) -> String {
        var text = ""
        appendCompact(value, to: &text)
        return text
    }

    private static func appendCompact(_ value: JSONValue, to text: inout String) {
        switch value {
        case .null:
            text += "null"
        case .bool(let flag):
            text += flag ? "true" : "false"
        case .number(let literal):
            text += literal
        case .string(let string):
            text += displayQuoted(string)
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += ", " }
                appendCompact(element, to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { text += ", " }
                text += displayQuoted(member.key)
                text += ": "
                appendCompact(member.value, to: &text)
            }
            text += "}"
        }
    }

    /// `string` quoted as `JSONText` quotes it, with invisible characters escaped as well.
    static func displayQuoted(_ string: String) -> String {
        let quoted = JSONText.quoted(string)
        // ASCII, the usual case, holds no invisible character: no scalar's properties are looked up.
        guard !quoted.utf8.allSatisfy({ $0 < 0x80 }), quoted.unicodeScalars.contains(where: isInvisible) else {
            return quoted
        }
        var result = String.UnicodeScalarView()
        for scalar in quoted.unicodeScalars {
            guard isInvisible(scalar) else {
                result.append(scalar)
                continue
            }
            if scalar.value > 0xFFFF {
                let offset = scalar.value - 0x10000
                result.append(contentsOf: unicodeEscape(0xD800 + (offset >> 10)).unicodeScalars)
                result.append(contentsOf: unicodeEscape(0xDC00 + (offset & 0x3FF)).unicodeScalars)
            } else {
                result.append(contentsOf: unicodeEscape(scalar.value).unicodeScalars)
            }
        }
        return String(result)
    }

    /// Characters that take no visible room or move other text around (control characters are already
    /// escaped by `JSONText`).
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// `\uxxxx` with four lower-case hex digits, as `JSONText` writes its escapes.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
