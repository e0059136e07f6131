/// An exact decimal number, read from the source text and never through a binary floating-point type.
///
/// The value is `significand × 10^-scale`, normalised so that the fraction has no trailing zeros
/// (`29.00` is 29 with scale 0, `0.0020` is 2 with scale 3). Nineteen significant digits are plenty for
/// any amount of money plancat accepts (at most 2^53 − 1 minor units, unit prices 6 places below that).
public struct ExactDecimal: Hashable, Sendable, CustomStringConvertible {
    public let isNegative: Bool
    public let significand: UInt64
    public let scale: Int

    public init(isNegative: Bool, significand: UInt64, scale: Int) {
        var significand = significand
        var scale = scale
        while scale > 0, significand % 10 == 0, significand != 0 {
            significand /= 10
            scale -= 1
        }
        if significand == 0 { scale = 0 }
        self.isNegative = isNegative && significand != 0
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(isNegative: integer < 0, significand: UInt64(integer.magnitude), scale: 0)
    }

    /// Parses a number as the lexer accepts it: `-`, digits with `_` separators, an optional fraction.
    /// Returns nil when the text is not such a number or has more significant digits than fit.
    public init?(parsing text: String) {
        var isNegative = false
        var significand: UInt64 = 0
        var scale = 0
        var seenDigit = false
        var inFraction = false
        // Zeros in the fraction are held back until a later digit needs them, so trailing zeros
        // (`1.000…0`) never count against the digits that fit.
        var pendingFractionZeros = 0
        // The sign is taken off first rather than by asking each byte's offset: an enumerated walk over
        // the text's bytes was most of the cost of parsing the millions of numbers of a large catalog.
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") {
            isNegative = true
            bytes = bytes.dropFirst()
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "_"):
                continue
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            case UInt8(ascii: "0") where inFraction:
                seenDigit = true
                pendingFractionZeros += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                for _ in 0..<pendingFractionZeros {
                    guard let multiplied = Self.timesTen(significand) else { return nil }
                    significand = multiplied
                }
                scale += pendingFractionZeros + (inFraction ? 1 : 0)
                pendingFractionZeros = 0
                guard let multiplied = Self.timesTen(significand) else { return nil }
                let (added, overflow) = multiplied.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                if overflow { return nil }
                significand = added
            default:
                return nil
            }
        }
        guard seenDigit else { return nil }
        self.init(isNegative: isNegative, significand: significand, scale: scale)
    }

    private static func timesTen(_ value: UInt64) -> UInt64? {
        let (multiplied, overflow) = value.multipliedReportingOverflow(by: 10)
        return overflow ? nil : multiplied
    }

    public var isZero: Bool { significand == 0 }
    public var isInteger: Bool { scale == 0 }

    /// The value as a whole number, when it is one and fits.
    public var integerValue: Int? {
        guard scale == 0, significand <= UInt64(Int.max) else { return nil }
        return isNegative ? -Int(significand) : Int(significand)
    }

    /// The value multiplied by 10^places, exactly, or nil when it would not fit.
    public func shifted(by places: Int) -> ExactDecimal? {
        if places <= scale {
            return ExactDecimal(isNegative: isNegative, significand: significand, scale: scale - places)
        }
        var result = significand
        for _ in 0..<(places - scale) {
            let (multiplied, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = multiplied
        }
        return ExactDecimal(isNegative: isNegative, significand: result, scale: 0)
    }

    /// The value divided by 10^places, exactly (minor units back to major units: 2900 cents → 29).
    public func shiftedDown(by places: Int) -> ExactDecimal {
        ExactDecimal(isNegative: isNegative, significand: significand, scale: scale + places)
    }

    /// The exact sum of two non-negative values, or nil when it would not fit in 19 digits.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        precondition(!isNegative && !other.isNegative, "sums are taken of amounts, which are never negative")
        let scale = max(self.scale, other.scale)
        guard let lhs = shifted(by: scale), let rhs = other.shifted(by: scale) else { return nil }
        let (sum, overflow) = lhs.significand.addingReportingOverflow(rhs.significand)
        return overflow ? nil : ExactDecimal(isNegative: false, significand: sum, scale: scale)
    }

    /// Whether the magnitude is above `limit` (compared exactly, fraction included).
    public func magnitudeExceeds(_ limit: UInt64) -> Bool {
        var divisor: UInt64 = 1
        for _ in 0..<scale {
            let (multiplied, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow { return false } // the integer part is 0: smaller than any limit ≥ 1
            divisor = multiplied
        }
        let integerPart = significand / divisor
        return integerPart > limit || (integerPart == limit && significand % divisor != 0)
    }

    /// The shortest decimal form without an exponent: `29`, `0.002`, `9.5`, `-1.25`.
    public var description: String {
        var digits = String(significand)
        if scale > 0 {
            if digits.count <= scale {
                digits = String(repeating: "0", count: scale - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
        }
        return isNegative ? "-" + digits : digits
    }
}
