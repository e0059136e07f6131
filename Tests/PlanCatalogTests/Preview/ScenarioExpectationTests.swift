import Testing
@testable import PlanCatalog

/// `check`'s comparison of a scenario's `expect` lines with its invoice (E1108, E1109): when it runs, and
/// how the computed amount is shown and written.
@Suite struct ScenarioExpectationTests {
    private static func source(expect: String, currency: String = "USD", fixed: String = "29",
                               extra: String = "") -> String {
        """
        currency \(currency)

        plan plan_pro {
          name "Pro"
          price price_pro_monthly {
            interval month
            component comp_base { fixed \(fixed) }
          }
        }
        \(extra)
        scenario pro_month {
          price price_pro_monthly
          \(expect)
        }

        """
    }

    private static func check(_ source: String) -> CheckResult {
        CatalogCompiler.check([SourceFile(path: "pro.plancat", text: source)])
    }

    @Test func anExpectationThatHoldsIsSilent() {
        #expect(Self.check(Self.source(expect: "expect total 29")).diagnostics.isEmpty)
        #expect(Self.check(Self.source(expect: "expect credits 0")).diagnostics.isEmpty)
    }

    @Test func aMismatchIsReportedAtItsLineWithAFixItWritingTheComputedAmount() throws {
        let source = Self.source(expect: "expect total 30")
        let result = Self.check(source)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == [.expectationMismatch])
        #expect(diagnostic.message == "scenario `pro_month`: the total is $29.00, not the expected $30.00")
        let edit = try #require(diagnostic.fixes.first?.edits.first)
        #expect(diagnostic.fixes.count == 1)
        #expect(edit.replacement == "29.00")
        let bytes = Array(source.utf8)
        #expect(String(decoding: bytes[edit.location.span.start..<edit.location.span.end], as: UTF8.self) == "30")
    }

    @Test("amounts are shown and written with the currency's minor units", arguments: [
        ("JPY", "3000", "expect total 2999", "the total is ¥3,000, not the expected ¥2,999", "3000"),
        ("KWD", "1.25", "expect total 1", "the total is KWD 1.250, not the expected KWD 1.000", "1.250"),
        ("EUR", "0.5", "expect subtotal 0.05", "the subtotal is €0.50, not the expected €0.05", "0.50"),
    ])
    func currencies(currency: String, fixed: String, expect: String, message: String, written: String) throws {
        let result = Self.check(Self.source(expect: expect, currency: currency, fixed: fixed))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "scenario `pro_month`: " + message)
        #expect(diagnostic.fixes.first?.edits.first?.replacement == written)
    }

    @Test("a negative amount is written and shown with its sign before the symbol")
    func negativeAmounts() {
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: -2500, exponent: 2) == "-25.00")
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: -5, exponent: 2) == "-0.05")
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: 0, exponent: 3) == "0.000")
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: 7, exponent: 0) == "7")
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: 1_234_567, exponent: 2) == "12345.67")
    }

    @Test("an amount written with `_` between its digits is fixed the same way")
    func groupedDigits() throws {
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: 1_980_000, exponent: 2, groupsDigits: true) == "19_800.00")
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: -123_456_789, exponent: 0, groupsDigits: true)
                == "-123_456_789")
        #expect(ScenarioExpectations.sourceText(ofMinorUnits: 99_900, exponent: 2, groupsDigits: true) == "999.00")
        let result = Self.check(Self.source(expect: "expect total 2_900", fixed: "1_000"))
        #expect(result.diagnostics.first?.fixes.first?.edits.first?.replacement == "1_000.00")
    }

    @Test func expectationsAreNotComparedInACatalogWithOtherErrors() {
        // An unknown metric elsewhere is the catalog's one error: the wrong total is not reported beside it.
        let source = Self.source(expect: "expect total 30", extra: """

            feature api-calls {
              name "API calls"
              type usage
              metric api-callz
            }

            """)
        let codes = Self.check(source).diagnostics.map(\.code)
        #expect(codes.contains(.unknownMetric))
        #expect(!codes.contains(.expectationMismatch))
    }

    @Test func anInvoiceTooLargeToComputeIsAnErrorNotATrap() throws {
        let source = """
            currency USD

            metric api-calls {
              name "API calls"
            }

            feature api-calls {
              name "API calls"
              type usage
              metric api-calls
            }

            plan plan_pro {
              name "Pro"
              features {
                api-calls
              }
              price price_pro_monthly {
                interval month
                component comp_api { usage api-calls; unit-price 1_000 }
              }
            }

            scenario runaway {
              price price_pro_monthly
              usage api-calls 18_000_000_000_000_000_000
              expect total 0
            }

            """
        let result = Self.check(source)
        #expect(result.diagnostics.map(\.code) == [.scenarioNotComputable])
        #expect(try #require(result.diagnostics.first).message.contains("2^53 − 1"))
    }
}
