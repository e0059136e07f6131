/// How a value of catalog.json is spelled in `.plancat` source: ids as words, text as string literals,
/// amounts as exact decimals.
///
/// Whether a string is a word is asked of the lexer itself, so import can never disagree with the
/// language about it (`24x7-support` is a word, `2024` a number, `-pro` neither).
enum SourceWords {
    /// Whether `text` lexes as exactly one word token, with nothing reported.
    static func isWord(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(quickAnswer), let answer { return answer }
        guard !text.isEmpty, text.utf8.allSatisfy(Lexer.isWordCharacter) else { return false }
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "", text: text))
        return diagnostics.isEmpty && tokens.count == 2 && tokens[0].kind == .word
            && tokens[0].span == Span(start: 0, end: text.utf8.count)
    }

    /// Whether UTF-8 bytes are one word, where that is plain without the lexer: not when something in
    /// them is no word character; yes when they are word characters that start with a letter (never a
    /// number, which is digits and `_` alone) and fit on a line. Nil for the rest (`_1`, `2024`, `24x7`).
    private static func quickAnswer(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let first = bytes.first, bytes.allSatisfy(Lexer.isWordCharacter) else { return false }
        let startsWithLetter = first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")
        return startsWithLetter && bytes.count <= InputLimits.maximumLineBytes ? true : nil
    }

    /// A character a word may hold: an ASCII letter or digit, `_` or `-`.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && Lexer.isWordCharacter(UInt8(scalar.value))
    }

    /// `text` as a string literal of the language: `"` and `\` escaped, a line break as `\n`, a tab as
    /// `\t`, and every other control character (which the lexer refuses raw) and every invisible one (a
    /// right-to-left override, a zero-width joiner, a line separator: `JSONWriter.isInvisible`) as
    /// `\u{…}`, so that the source reads as what it builds, as `diff` shows such a value.
    static func quoted(_ text: String) -> String {
        // At most six bytes for each byte of text: `\u{1F}` for U+001F.
        let (bytes, _) = ByteBuffer.array(capacity: 6 * text.utf8.count + 2) { appendQuoted(text, to: &$0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `quoted(text)`, appended to a buffer of UTF-8.
    static func appendQuoted(_ text: String, to buffer: inout ByteBuffer) {
        buffer.append(UInt8(ascii: "\""))
        // Almost every text needs no escape: then its bytes are copied as they are. Only text with an
        // ASCII byte to escape, or with non-ASCII (which may be invisible), is looked at a scalar at a time.
        let mayNeedEscapes = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: mayNeedEscape) }
            ?? text.utf8.contains(where: mayNeedEscape)
        if !mayNeedEscapes || !text.unicodeScalars.contains(where: isEscaped) {
            buffer.append(text)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": buffer.append("\\\"" as StaticString)
                case "\\": buffer.append("\\\\" as StaticString)
                case "\n": buffer.append("\\n" as StaticString)
                case "\t": buffer.append("\\t" as StaticString)
                case _ where isEscaped(scalar):
                    buffer.append("\\u{" as StaticString)
                    buffer.append(String(scalar.value, radix: 16, uppercase: true))
                    buffer.append(UInt8(ascii: "}"))
                default:
                    buffer.append(String(scalar))
                }
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether `quoted` writes the scalar other than as it is: `"`, `\`, a control character (C0, DEL,
    /// C1) or an invisible one.
    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x5C, 0x00...0x1F, 0x7F...0x9F: true
        case 0x20..<0x7F: false
        default: JSONWriter.isInvisible(scalar)
        }
    }

    /// Whether a UTF-8 byte may start something `quoted` escapes: `"`, `\`, a control character, or any
    /// byte of a non-ASCII character (a superset: most are printable, such as `é` and `©`).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte >= 0x7F
    }

    /// An amount in minor units written in major units, exactly: 2900 cents → `29`, 0.2 → `0.002`, and in
    /// JPY (no minor unit) 1200 → `1200`. A currency plancat does not know is left to the compiler to
    /// report; its amounts are written as they are.
    static func majorUnits(_ minorUnits: ExactDecimal, currency: String) -> String {
        minorUnits.shiftedDown(by: minorUnitExponent(of: currency)).description
    }

    /// `decimal.description`, appended to a buffer without making a string: the significand's digits,
    /// at least `scale + 1` of them (leading zeros), with a point before the last `scale`. The digits are
    /// written from the last one back into room made for them.
    static func appendDecimal(_ decimal: ExactDecimal, to buffer: inout ByteBuffer) {
        if decimal.isNegative { buffer.append(UInt8(ascii: "-")) }
        var significandDigits = 1
        var rest = decimal.significand / 10
        while rest > 0 { significandDigits += 1; rest /= 10 }
        let digitCount = max(significandDigits, decimal.scale + 1)
        buffer.append(count: digitCount + (decimal.scale > 0 ? 1 : 0)) { room in
            var position = room.count - 1
            var rest = decimal.significand
            for digit in 0..<digitCount {
                if digit == decimal.scale && digit > 0 {
                    room[position] = UInt8(ascii: ".")
                    position -= 1
                }
                room[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                position -= 1
            }
        }
    }

    /// The places `majorUnits` shifts an amount of `currency` by: its minor-unit exponent, 0 when unknown.
    static func minorUnitExponent(of currency: String) -> Int {
        Currency.named(currency)?.minorUnitExponent ?? 0
    }
}
