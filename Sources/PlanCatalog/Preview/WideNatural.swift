/// A natural number of any size, for the preview's exact arithmetic: a seat count of 2^63 times an
/// amount of 2^53 minor units times a period's days is far past 128 bits, and the preview must say that
/// such a line is too large rather than overflow (PREVIEW.md § 2, "Money").
///
/// Only what the preview needs — sums, differences, products, comparisons and one division — and only
/// for numbers of a few hundred bits: the preview bounds the decimal places it accepts
/// (`PreviewLimits.maximumDecimalPlaces`), so no number here grows without limit. Digits are 32-bit limbs,
/// least significant first, so that a limb's product fits in a `UInt64`.
struct WideNatural: Hashable, Comparable, Sendable {
    /// Least significant first, without zero limbs at the top; zero has none.
    private(set) var limbs: [UInt32]

    static let zero = WideNatural(limbs: [])

    init(_ value: UInt64) {
        self.init(limbs: [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)])
    }

    private init(limbs: [UInt32]) {
        self.limbs = limbs
        trimTop()
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value, when it fits in 64 bits.
    var uint64Value: UInt64? {
        switch limbs.count {
        case 0: 0
        case 1: UInt64(limbs[0])
        case 2: UInt64(limbs[1]) << 32 | UInt64(limbs[0])
        default: nil
        }
    }

    /// 10^exponent, for an exponent of at most a few hundred (the preview's decimal places).
    static func powerOfTen(_ exponent: Int) -> WideNatural {
        var result = WideNatural(1)
        var remaining = exponent
        // Nineteen places at a time: 10^19 is the largest power of ten a `UInt64` holds.
        while remaining > 0 {
            let step = min(remaining, 19)
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 10 }
            result = result * WideNatural(factor)
            remaining -= step
        }
        return result
    }

    static func + (lhs: WideNatural, rhs: WideNatural) -> WideNatural {
        var result: [UInt32] = []
        result.reserveCapacity(max(lhs.limbs.count, rhs.limbs.count) + 1)
        var carry: UInt64 = 0
        for position in 0..<max(lhs.limbs.count, rhs.limbs.count) {
            let sum = UInt64(lhs.limb(at: position)) + UInt64(rhs.limb(at: position)) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        result.append(UInt32(carry))
        return WideNatural(limbs: result)
    }

    /// `lhs − rhs`, which callers take only of a larger or equal `lhs` (they compare first).
    static func - (lhs: WideNatural, rhs: WideNatural) -> WideNatural {
        precondition(lhs >= rhs, "a natural number's difference is taken of the larger minus the smaller")
        var result: [UInt32] = []
        result.reserveCapacity(lhs.limbs.count)
        var borrow: Int64 = 0
        for position in 0..<lhs.limbs.count {
            var difference = Int64(lhs.limbs[position]) - Int64(rhs.limb(at: position)) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 1 << 32 }
            result.append(UInt32(difference))
        }
        return WideNatural(limbs: result)
    }

    static func * (lhs: WideNatural, rhs: WideNatural) -> WideNatural {
        guard !lhs.isZero, !rhs.isZero else { return .zero }
        var result = [UInt32](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for (i, left) in lhs.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, right) in rhs.limbs.enumerated() {
                // At most (2^32 − 1)^2 + 2 (2^32 − 1) = 2^64 − 1: never overflows.
                let product = UInt64(left) * UInt64(right) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            result[i + rhs.limbs.count] = UInt32(carry)
        }
        return WideNatural(limbs: result)
    }

    /// The quotient and remainder of dividing by a divisor other than 0, by long division one bit at a
    /// time: slow for big numbers, plain to check, and quick enough for the preview's few hundred bits.
    func quotientAndRemainder(dividingBy divisor: WideNatural) -> (quotient: WideNatural, remainder: WideNatural) {
        precondition(!divisor.isZero, "the preview divides only by a period's days and powers of ten")
        if self < divisor { return (.zero, self) }
        var quotient = [UInt32](repeating: 0, count: limbs.count)
        var remainder = WideNatural.zero
        for bit in stride(from: limbs.count * 32 - 1, through: 0, by: -1) {
            remainder.shiftLeftOneBit(insert: limbs[bit / 32] >> (bit % 32) & 1)
            if remainder >= divisor {
                remainder = remainder - divisor
                quotient[bit / 32] |= 1 << (bit % 32)
            }
        }
        return (WideNatural(limbs: quotient), remainder)
    }

    static func < (lhs: WideNatural, rhs: WideNatural) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for position in stride(from: lhs.limbs.count - 1, through: 0, by: -1)
        where lhs.limbs[position] != rhs.limbs[position] {
            return lhs.limbs[position] < rhs.limbs[position]
        }
        return false
    }

    private func limb(at position: Int) -> UInt32 {
        position < limbs.count ? limbs[position] : 0
    }

    /// Doubles the number and adds `bit` (0 or 1).
    private mutating func shiftLeftOneBit(insert bit: UInt32) {
        var carry = bit
        for position in limbs.indices {
            let next = limbs[position] >> 31
            limbs[position] = limbs[position] << 1 | carry
            carry = next
        }
        if carry != 0 { limbs.append(carry) }
    }

    private mutating func trimTop() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
