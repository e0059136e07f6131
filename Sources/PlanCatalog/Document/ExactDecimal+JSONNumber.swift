/// Reading a JSON number's literal text exactly.
///
/// JSON allows exponents (`2.9e3`) where plancat's own syntax does not; going through `Double` would turn
/// `0.1` into `0.1000000000000000055…` and lose digits beyond 2^53, so the exponent is applied to the
/// decimal digits themselves.
///
/// The reader calls this for every number of a catalog.json, so it works on the literal's bytes as they
/// lie in the input, without making a `String`.
extension ExactDecimal {
    /// The most decimal places an exponent may produce (`1e-40`); beyond it a value is refused rather than
    /// written out as a string of zeros.
    static let largestJSONExponentScale = 40

    /// The value of a JSON number literal (`-12.5`, `2.9e3`, `1E-2`), or nil when the text is not a JSON
    /// number or its value cannot be held exactly (more than 19 significant digits, or more decimal places
    /// than `largestJSONExponentScale` from an exponent).
    init?(jsonNumber text: String) {
        var text = text
        guard let value = text.withUTF8({ ExactDecimal(jsonNumber: $0) }) else { return nil }
        self = value
    }

    /// The value of the JSON number literal in `bytes`, as `init?(jsonNumber:)` reads text.
    init?(jsonNumber bytes: UnsafeBufferPointer<UInt8>) {
        guard let mantissaEnd = Self.jsonMantissaEnd(of: bytes),
              let mantissa = Self.mantissa(UnsafeBufferPointer(rebasing: bytes[..<mantissaEnd]))
        else { return nil }
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
    static func isJSONNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let mantissaEnd = jsonMantissaEnd(of: bytes) else { return false }
        return mantissaEnd == bytes.count || jsonExponent(bytes[(mantissaEnd + 1)...]) != nil
    }

    /// The value of `-? [0-9]+ (. [0-9]+)?`, whose grammar is checked already, as `init?(parsing:)` reads
    /// it: nil when its digits do not fit in 19.
    private static func mantissa(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        var index = 0
        let isNegative = bytes[0] == UInt8(ascii: "-")
        if isNegative { index = 1 }
        var significand: UInt64 = 0
        var scale = 0
        var inFraction = false
        // Zeros in the fraction are held back until a later digit needs them, so trailing zeros
        // (`1.000…0`) never count against the digits that fit.
        var pendingFractionZeros = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                inFraction = true
                continue
            }
            if byte == UInt8(ascii: "0"), inFraction {
                pendingFractionZeros += 1
                continue
            }
            for _ in 0..<pendingFractionZeros {
                guard let multiplied = timesTen(significand) else { return nil }
                significand = multiplied
            }
            scale += pendingFractionZeros + (inFraction ? 1 : 0)
            pendingFractionZeros = 0
            guard let multiplied = timesTen(significand) else { return nil }
            let (added, overflow) = multiplied.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            if overflow { return nil }
            significand = added
        }
        return ExactDecimal(isNegative: isNegative, significand: significand, scale: scale)
    }

    private static func timesTen(_ value: UInt64) -> UInt64? {
        let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
        return overflow ? nil : multiplied
    }

    /// Where `-? (0 | [1-9][0-9]*) (. [0-9]+)?` ends: at the end or at an `e`/`E`; nil when the text does
    /// not follow JSON's grammar there (a hand-built `JSONValue.number` may hold anything).
    private static func jsonMantissaEnd(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    private static func jsonExponent(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
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
