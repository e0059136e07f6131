import PlanCatalogTestSupport
import Testing
@testable import PlanCatalog

/// The preview's exact arithmetic (`WideNatural`, `WideDecimal`): checked against the 64-bit and 128-bit
/// results the standard library computes, and the one rounding — half away from zero — at its edges.
@Suite struct WideArithmeticTests {
    /// A 128-bit product as a wide natural, from the standard library's full-width multiplication.
    static func wide(high: UInt64, low: UInt64) -> WideNatural {
        WideNatural(high) * WideNatural(1 << 32) * WideNatural(1 << 32) + WideNatural(low)
    }

    @Test("sums, products, quotients and remainders agree with 64- and 128-bit arithmetic")
    func agreesWithFixedWidth() {
        var random = SplitMix64(name: "WideArithmeticTests.agreesWithFixedWidth")
        for _ in 0..<2_000 {
            let (a, b) = (random.next() >> (random.next() % 64), random.next() >> (random.next() % 64))
            let (sum, overflow) = a.addingReportingOverflow(b)
            #expect(WideNatural(a) + WideNatural(b) == Self.wide(high: overflow ? 1 : 0, low: sum))
            let (high, low) = a.multipliedFullWidth(by: b)
            let product = WideNatural(a) * WideNatural(b)
            #expect(product == Self.wide(high: high, low: low))
            if a >= b { #expect((WideNatural(a) - WideNatural(b)).uint64Value == a - b) }
            guard b != 0 else { continue }
            let remainder = random.next() % b
            // (a × b + r) / b is a, remainder r: a division whose dividend is wider than 64 bits.
            let (quotient, left) = (product + WideNatural(remainder)).quotientAndRemainder(dividingBy: WideNatural(b))
            #expect(quotient.uint64Value == a && left.uint64Value == remainder)
            #expect(WideNatural(a).quotientAndRemainder(dividingBy: WideNatural(b)).quotient.uint64Value == a / b)
        }
    }

    @Test("powers of ten past 64 bits, and comparisons across limb counts")
    func powersAndComparisons() {
        #expect(WideNatural.powerOfTen(0) == WideNatural(1))
        #expect(WideNatural.powerOfTen(19).uint64Value == 10_000_000_000_000_000_000)
        #expect(WideNatural.powerOfTen(20).uint64Value == nil)
        let (quotient, remainder) = WideNatural.powerOfTen(40).quotientAndRemainder(dividingBy: .powerOfTen(21))
        #expect(quotient == .powerOfTen(19) && remainder.isZero)
        #expect(WideNatural(UInt64.max) < WideNatural.powerOfTen(20))
        #expect(WideNatural.zero < WideNatural(1) && !(WideNatural(7) < WideNatural(7)))
        #expect((WideNatural.powerOfTen(30) - WideNatural.powerOfTen(30)).isZero)
    }

    func decimal(_ text: String) throws -> WideDecimal { WideDecimal(try number(text)) }

    func rounded(_ text: String, times numerator: Int = 1, over denominator: Int = 1) throws -> Int? {
        try decimal(text).roundedMinorUnits(times: numerator, over: denominator, limit: PreviewLimits.largestAmount)
    }

    @Test("rounding is half away from zero, never to even")
    func roundsHalfAwayFromZero() throws {
        #expect(try rounded("0.5") == 1 && rounded("-0.5") == -1)
        #expect(try rounded("2.5") == 3 && rounded("-2.5") == -3)
        #expect(try rounded("0.49999") == 0 && rounded("-0.49999") == 0)
        #expect(try rounded("72.3195") == 72 && rounded("7231.95") == 7232)
        #expect(try rounded("1200", times: 15, over: 31) == 581, "1200 × 15/31 = 580.6…")
        #expect(try rounded("31", times: 1, over: 62) == 1, "exactly one half")
        #expect(try rounded("-31", times: 1, over: 62) == -1)
    }

    @Test("a rounded amount may reach 2^53 − 1 but not pass it")
    func limit() throws {
        #expect(try rounded("9007199254740991") == 9_007_199_254_740_991)
        #expect(try rounded("9007199254740991.4") == 9_007_199_254_740_991)
        #expect(try rounded("9007199254740991.5") == nil)
        #expect(try rounded("-9007199254740992") == nil)
        #expect(try rounded("18446744073709551615", times: Int.max) == nil)
    }

    @Test("sums, differences and comparisons align scales exactly")
    func decimals() throws {
        #expect(try decimal("1.10") == decimal("1.1"))
        #expect(try decimal("-1") < decimal("0.5"))
        #expect(try decimal("0.1") + decimal("0.2") == decimal("0.3"))
        #expect(try (decimal("5") - decimal("7.25")).exactDecimal?.description == "-2.25")
        #expect(try (decimal("48213") * decimal("0.15")).exactDecimal?.description == "7231.95")
        #expect(try min(decimal("10000"), decimal("48213")).exactDecimal?.description == "10000")
        let huge = try decimal("18446744073709551615") * decimal("10")
        #expect(huge.exactDecimal == nil, "past 64 bits there is no ExactDecimal for it")
        #expect(try (decimal("2.50") * decimal("1")).exactDecimal?.description == "2.5")
    }
}
