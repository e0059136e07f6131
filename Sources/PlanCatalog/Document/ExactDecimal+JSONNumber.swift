/// Reading a JSON number's literal text exactly.
///
/// JSON allows exponents (`2.9e3`) where plancat's own syntax does not; going through `Double` would turn
/// `0.1` into `0.1000000000000000055…` and lose digits beyond 2^53, so the exponent is applied to the
/// decimal digits themselves.
extension ExactDecimal {
    /// The most decimal places an exponent may produce (`1e-40`); beyond it a value is refused rather than
    /// written out as a string of zeros.
    static let largestJSONExponentScale = 40

    /// The value of a JSON number literal (`-12.5`, `2.9e3`, `1E-2`), or nil when the text is not a JSON
    /// number or its value cannot be held exactly (more than 19 significant digits, or more decimal places
    /// than `largestJSONExponentScale` from an exponent).
    init?(jsonNumber text: String) {
        let bytes = Array(text.utf8)
        guard let mantissaEnd = Self.jsonMantissaEnd(of: bytes) else { return nil }
        guard let mantissa = ExactDecimal(parsing: String(decoding: bytes[..<mantissaEnd], as: UTF8.self)) else {
            return nil
        }
        guard mantissaEnd < bytes.count else {
            self = mantissa
            return
        }
        guard let exponent = Self.jsonExponent(bytes[(mantissaEnd + 1)...]) else { return nil }
        if mantissa.isZero {
            self = mantissa
        } else if exponent >= 0 {
            // `shifted(by:)` gives up at the first overflow, so a huge exponent ends after a few steps.
            guard let shifted = mantissa.shifted(by: exponent) else { return nil }
            self = shifted
        } else {
            let scale = mantissa.scale - exponent
            guard scale <= Self.largestJSONExponentScale else { return nil }
            self.init(isNegative: mantissa.isNegative, significand: mantissa.significand, scale: scale)
        }
    }

    /// Whether `text` follows JSON's number grammar, whatever its value.
    static func isJSONNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let mantissaEnd = jsonMantissaEnd(of: bytes) else { return false }
        return mantissaEnd == bytes.count || jsonExponent(bytes[(mantissaEnd + 1)...]) != nil
    }

    /// Where `-? (0 | [1-9][0-9]*) (. [0-9]+)?` ends: at the end or at an `e`/`E`; nil when the text does
    /// not follow JSON's grammar there (a hand-built `JSONValue.number` may hold anything).
    private static func jsonMantissaEnd(of bytes: [UInt8]) -> Int? {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return nil }
        }
        guard index == bytes.count || bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else {
            return nil
        }
        return index
    }

    /// `[+-]? [0-9]+`, saturated far beyond any exponent that could still give an exact value.
    private static func jsonExponent(_ bytes: ArraySlice<UInt8>) -> Int? {
        var digits = bytes[...]
        var sign = 1
        if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        var magnitude = 0
        for digit in digits { magnitude = Swift.min(magnitude * 10 + Int(digit - UInt8(ascii: "0")), 100_000) }
        return sign * magnitude
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
