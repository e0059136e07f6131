/// How a value of catalog.json is spelled in `.plancat` source: ids as words, text as string literals,
/// amounts as exact decimals.
///
/// Whether a string is a word is asked of the lexer itself, so import can never disagree with the
/// language about it (`24x7-support` is a word, `2024` a number, `-pro` neither).
enum SourceWords {
    /// Whether `text` lexes as exactly one word token, with nothing reported.
    static func isWord(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy(Lexer.isWordCharacter) else { return false }
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "", text: text))
        return diagnostics.isEmpty && tokens.count == 2 && tokens[0].kind == .word
            && tokens[0].span == Span(start: 0, end: text.utf8.count)
    }

    /// A character a word may hold: an ASCII letter or digit, `_` or `-`.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && Lexer.isWordCharacter(UInt8(scalar.value))
    }

    /// `text` as a string literal of the language: `"` and `\` escaped, a line break as `\n`, a tab as
    /// `\t`, and every other control character (which the lexer refuses raw) as `\u{…}`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// An amount in minor units written in major units, exactly: 2900 cents → `29`, 0.2 → `0.002`, and in
    /// JPY (no minor unit) 1200 → `1200`. A currency plancat does not know is left to the compiler to
    /// report; its amounts are written as they are.
    static func majorUnits(_ minorUnits: ExactDecimal, currency: String) -> String {
        minorUnits.shiftedDown(by: Currency.named(currency)?.minorUnitExponent ?? 0).description
    }
}
