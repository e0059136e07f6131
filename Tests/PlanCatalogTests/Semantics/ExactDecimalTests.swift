import Testing
@testable import PlanCatalog

@Suite struct ExactDecimalTests {
    @Test("parses numbers as written, exactly", arguments: [
        ("29", "29", 0), ("29.00", "29", 0), ("0.0020", "0.002", 3), ("10_000", "10000", 0),
        ("-1.25", "-1.25", 2), ("0.000000001", "0.000000001", 9), ("-0", "0", 0),
        ("1.000000000000000000000000", "1", 0), ("9.5", "9.5", 1),
    ])
    func parses(text: String, shown: String, scale: Int) throws {
        let value = try #require(ExactDecimal(parsing: text))
        #expect(value.description == shown)
        #expect(value.scale == scale)
    }

    @Test("refuses what is not a number, and what has more digits than fit", arguments: [
        "", "-", "abc", "1.2.3", "1e5", "12345678901234567890123", "--1", "1-", "1_-2", "-_",
    ])
    func refuses(text: String) {
        #expect(ExactDecimal(parsing: text) == nil)
    }

    @Test("shifts into minor units without rounding")
    func shifts() throws {
        let cents = try #require(ExactDecimal(parsing: "0.002")?.shifted(by: 2))
        #expect(cents.description == "0.2")
        #expect(try #require(ExactDecimal(parsing: "29")?.shifted(by: 2)).integerValue == 2900)
        #expect(try #require(ExactDecimal(parsing: "0.1")?.shifted(by: 2)).description == "10")
        #expect(ExactDecimal(parsing: "99999999999999999")?.shifted(by: 4) == nil)
    }

    @Test("compares magnitudes against 2^53 − 1 exactly")
    func comparesWithLimit() throws {
        let limit = ExactTotal.limit
        #expect(try #require(ExactDecimal(parsing: "9007199254740991")).magnitudeExceeds(limit) == false)
        #expect(try #require(ExactDecimal(parsing: "9007199254740991.5")).magnitudeExceeds(limit))
        #expect(try #require(ExactDecimal(parsing: "9007199254740992")).magnitudeExceeds(limit))
        #expect(try #require(ExactDecimal(parsing: "0.00000001")).magnitudeExceeds(limit) == false)
    }
}

@Suite struct CurrencyTests {
    @Test("knows minor units", arguments: [("USD", 2), ("EUR", 2), ("JPY", 0), ("KWD", 3), ("CLF", 4)])
    func minorUnits(code: String, exponent: Int) throws {
        #expect(try #require(Currency.named(code)).minorUnitExponent == exponent)
    }

    @Test("codes are upper case and real")
    func refusesOthers() {
        #expect(Currency.named("usd") == nil)
        #expect(Currency.named("XYZ") == nil)
        #expect(Currency.named("XAU") == nil)
    }
}

@Suite struct SuggestionTests {
    @Test("suggests close names", arguments: [
        ("api-call", ["api-calls", "storage"], "api-calls"),
        ("plan_por", ["plan_pro", "plan_free"], "plan_pro"),
        ("nmae", ["name", "description"], "name"),
        ("usd", ["EUR", "USD"], "USD"),
        ("comp_usage", ["comp_base", "comp_usage_api"], "comp_usage_api"),
    ])
    func suggests(name: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: name, among: candidates) == expected)
    }

    @Test("does not suggest unrelated names")
    func staysQuiet() {
        #expect(Suggestion.closest(to: "pro", among: ["free", "enterprise"]) == nil)
        #expect(Suggestion.closest(to: "xyz", among: [String]()) == nil)
    }
}
