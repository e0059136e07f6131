/// An exact decimal of any size: `magnitude × 10^-scale` with a sign. The preview's working number for
/// quantities, balances and amounts before they are rounded to the minor unit (PREVIEW.md § 2: "every
/// line is computed exactly … never binary floating point").
///
/// `ExactDecimal` holds what a catalog writes (19 digits are plenty for one amount); products of those —
/// 48,213 calls × a unit cost of 0.15 cents, a credit's 2,000 calls × 10^18 seats — need more, and are
/// held here without ever overflowing. Sums, differences and products are exact; the one division, by a
/// period's days, happens only in `roundedMinorUnits`, where the result is rounded anyway.
struct WideDecimal: Comparable, Sendable {
    let isNegative: Bool
    let magnitude: WideNatural
    /// Digits after the point, never negative. Not normalised: `2.50` may be held with scale 2.
    let scale: Int

    static let zero = WideDecimal(isNegative: false, magnitude: .zero, scale: 0)

    init(isNegative: Bool, magnitude: WideNatural, scale: Int) {
        self.isNegative = isNegative && !magnitude.isZero
        self.magnitude = magnitude
        self.scale = scale
    }

    init(_ value: ExactDecimal) {
        // A negative scale (which no reader produces) is written out, so that every scale here is ≥ 0.
        let significand = WideNatural(value.significand)
        self.init(isNegative: value.isNegative,
                  magnitude: value.scale < 0 ? significand * WideNatural.powerOfTen(-value.scale) : significand,
                  scale: max(value.scale, 0))
    }

    init(_ integer: Int) {
        self.init(isNegative: integer < 0, magnitude: WideNatural(UInt64(integer.magnitude)), scale: 0)
    }

    var isZero: Bool { magnitude.isZero }

    /// The magnitude written with `scale` places (which is at least `self.scale`).
    private func magnitude(atScale scale: Int) -> WideNatural {
        scale == self.scale ? magnitude : magnitude * WideNatural.powerOfTen(scale - self.scale)
    }

    static func + (lhs: WideDecimal, rhs: WideDecimal) -> WideDecimal {
        let scale = max(lhs.scale, rhs.scale)
        let (left, right) = (lhs.magnitude(atScale: scale), rhs.magnitude(atScale: scale))
        if lhs.isNegative == rhs.isNegative {
            return WideDecimal(isNegative: lhs.isNegative, magnitude: left + right, scale: scale)
        }
        // Opposite signs: the larger magnitude keeps its sign.
        return left >= right
            ? WideDecimal(isNegative: lhs.isNegative, magnitude: left - right, scale: scale)
            : WideDecimal(isNegative: rhs.isNegative, magnitude: right - left, scale: scale)
    }

    static prefix func - (value: WideDecimal) -> WideDecimal {
        WideDecimal(isNegative: !value.isNegative, magnitude: value.magnitude, scale: value.scale)
    }

    static func - (lhs: WideDecimal, rhs: WideDecimal) -> WideDecimal { lhs + -rhs }

    static func * (lhs: WideDecimal, rhs: WideDecimal) -> WideDecimal {
        WideDecimal(isNegative: lhs.isNegative != rhs.isNegative, magnitude: lhs.magnitude * rhs.magnitude,
                    scale: lhs.scale + rhs.scale)
    }

    static func == (lhs: WideDecimal, rhs: WideDecimal) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    static func < (lhs: WideDecimal, rhs: WideDecimal) -> Bool {
        let difference = lhs - rhs
        return difference.isNegative
    }

    /// `self × numerator / denominator` rounded to a whole number, half away from zero (PREVIEW.md § 2),
    /// when its magnitude is at most `limit`; nil beyond it. The preview's one rounding: a line's exact
    /// amount in minor units becomes the integer the invoice shows. `numerator / denominator` is 1, or a
    /// proration's days of the period left over its days.
    func roundedMinorUnits(times numerator: Int = 1, over denominator: Int = 1, limit: UInt64) -> Int? {
        precondition(numerator >= 0 && denominator > 0, "a proration is a non-negative part of a period")
        let dividend = magnitude * WideNatural(UInt64(numerator))
        let divisor = WideNatural.powerOfTen(scale) * WideNatural(UInt64(denominator))
        var (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
        // Half or more of the divisor left over rounds the magnitude up, whichever the sign.
        if remainder + remainder >= divisor { quotient = quotient + WideNatural(1) }
        guard let whole = quotient.uint64Value, whole <= limit else { return nil }
        return isNegative ? -Int(whole) : Int(whole)
    }

    /// The value as an `ExactDecimal`, when it fits in one (trailing zeros of the fraction dropped first).
    var exactDecimal: ExactDecimal? {
        var magnitude = magnitude
        var scale = scale
        let ten = WideNatural(10)
        while scale > 0, !magnitude.isZero {
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: ten)
            guard remainder.isZero else { break }
            magnitude = quotient
            scale -= 1
        }
        guard let significand = magnitude.uint64Value else { return nil }
        return ExactDecimal(isNegative: isNegative, significand: significand, scale: scale)
    }
}
