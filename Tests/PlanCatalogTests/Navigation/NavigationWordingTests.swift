import Testing
@testable import PlanCatalog

/// The library's side of an editor's navigation: the monthly amount of a longer period, what makes an id,
/// and the meaning of every statement.
@Suite struct NavigationWordingTests {
    @Test func theMonthlyEquivalentRoundsHalfAwayFromZero() {
        #expect(PriceWording.dividing(ExactDecimal(290), by: 12, toPlaces: 2) == ExactDecimal(parsing: "24.17"))
        #expect(PriceWording.dividing(ExactDecimal(parsing: "0.06")!, by: 12, toPlaces: 2) == ExactDecimal(parsing: "0.01"))
        #expect(PriceWording.dividing(ExactDecimal(parsing: "0.05")!, by: 12, toPlaces: 2) == ExactDecimal(0))
        #expect(PriceWording.dividing(ExactDecimal(500), by: 12, toPlaces: 0) == ExactDecimal(42))
        #expect(PriceWording.dividing(ExactDecimal(parsing: "1.234")!, by: 1, toPlaces: 2) == ExactDecimal(parsing: "1.23"))
        #expect(PriceWording.dividing(ExactDecimal(parsing: "1.235")!, by: 1, toPlaces: 2) == ExactDecimal(parsing: "1.24"))
        #expect(PriceWording.dividing(ExactDecimal(isNegative: false, significand: .max, scale: 0), by: 12, toPlaces: 2) == nil)
    }

    @Test(arguments: ["pro", "plan_pro", "24x7-support", "a-b_c", "_x", "9lives"])
    func aWordIsAnID(text: String) {
        #expect(SymbolIndex.isValidID(text))
    }

    @Test(arguments: ["", "10", "10_000", "1.5", "-pro", "two words", "a.b", "\"pro\"", "pro\n", "pro#x", "é", "pro;x"])
    func anythingElseIsNot(text: String) {
        #expect(!SymbolIndex.isValidID(text))
    }

    @Test func everyStatementOfTheSchemaHasAMeaning() {
        for context in Schema.Context.allCases {
            for rule in Schema.rules(in: context) {
                #expect(Schema.meaning(of: rule.keyword, in: context) != nil, "\(rule.spelling) \(context.description)")
            }
        }
    }
}
