import Testing
@testable import PlanCatalog

/// The pieces of import's spelling and layout: words, string literals, amounts in major units, and the
/// one-line component at the 100-column boundary.
@Suite struct ImportSourceTests {
    @Test("words are what the lexer reads as one word", arguments: [
        ("plan_pro", true), ("api-calls", true), ("24x7-support", true), ("_", true), ("USD", true),
        ("2024", false), ("1_000", false), ("-pro", false), ("plan pro", false), ("plan-é", false), ("", false),
        ("a.b", false), ("pro\"", false),
    ])
    func words(_ text: String, _ isWord: Bool) {
        #expect(SourceWords.isWord(text) == isWord)
    }

    @Test("strings are escaped so that the lexer reads back the same text", arguments: [
        "plain", "say \"hi\"", "C:\\exports", "two\nlines", "tab\there", "bell\u{7}", "return\r", "del\u{7F}",
        "c1\u{85}", "emoji 🤝 and é",
    ])
    func quotedStrings(_ text: String) throws {
        let literal = SourceWords.quoted(text)
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "t", text: literal))
        #expect(diagnostics.isEmpty)
        #expect(tokens.first?.kind == .string)
        #expect(tokens.first?.stringValue == text)
    }

    /// Issue 14: a unit's plural is not in catalog.json, but the bullets that count the unit show it;
    /// import writes it back on the feature, and the row needs no `bullet` lines.
    @Test func aUnitsPluralIsReadBackFromTheBulletsThatShowIt() throws {
        let source = """
            currency USD
            feature search-indexes {
              name "Search indexes"
              type number
              unit "index" "indices"
            }
            feature guests {
              name "Guests"
              type number
              unit "person"
            }
            plan plan_pro {
              name "Pro"
              features {
                search-indexes 3
                guests 5
              }
              price price_pro {
                interval month
                component base { fixed 10 }
              }
            }
            plan plan_team {
              name "Team"
              features {
                search-indexes 1
              }
              price price_team {
                interval month
                component base { fixed 5 }
              }
            }
            pricing-table main {
              row plan_pro
              row plan_team { bullet "Search indexes: one" }
            }
            """
        let built = try #require(CatalogCompiler.build([SourceFile(path: "plurals.plancat", text: source)]).output)
        let imported = try CatalogImporter.source(for: built.document)
        #expect(imported.contains("unit \"index\" \"indices\"\n"))
        #expect(imported.contains("unit \"person\"\n"))
        #expect(!imported.contains("bullet \"3 indices\""))
        #expect(imported.contains("bullet \"Search indexes: one\""))
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "imported.plancat", text: imported)]).output)
        #expect(rebuilt.document.jsonBytes == built.document.jsonBytes)
    }

    @Test func controlCharactersAreWrittenAsUnicodeEscapes() {
        #expect(SourceWords.quoted("a\u{1}b\r") == "\"a\\u{1}b\\u{D}\"")
    }

    @Test("amounts go back to major units by the currency's exponent", arguments: [
        ("2900", "USD", "29"), ("0.2", "USD", "0.002"), ("1200", "JPY", "1200"), ("12345", "KWD", "12.345"),
        ("950", "EUR", "9.5"), ("0", "USD", "0"),
    ])
    func majorUnits(_ minor: String, _ currency: String, _ expected: String) throws {
        let amount = try #require(ExactDecimal(parsing: minor))
        #expect(SourceWords.majorUnits(amount, currency: currency) == expected)
    }

    @Test("a word too long for a line is not one, however it starts")
    func wordsAtTheLineLimit() {
        #expect(SourceWords.isWord(String(repeating: "a", count: InputLimits.maximumLineBytes)))
        #expect(!SourceWords.isWord(String(repeating: "a", count: InputLimits.maximumLineBytes + 1)))
    }

    @Test("decimals are written into bytes as their description spells them", arguments: [
        "0", "1", "29", "2900", "0.2", "0.002", "204.36", "1685.9", "-1.25", "-0.5", "18446744073709551615",
        "0.0000000000000000001", "1844674407370955161.5",
    ])
    func decimalBytes(_ text: String) throws {
        let decimal = try #require(ExactDecimal(parsing: text))
        let (bytes, _) = ByteBuffer.array(capacity: 0) { SourceWords.appendDecimal(decimal, to: &$0) }
        #expect(bytes == Array(decimal.description.utf8))
        #expect(decimal.description == text)
    }

    @Test("a traced line's path is the one its statement was written with, and no other is kept")
    func tracedPaths() {
        func compose(tracing line: Int) -> String? {
            SourceWriter.layOut(capacity: 0, tracing: line) { writer in
                writer.statement("catalog", .text("C"), path: "$.name")
                writer.blankLine()
                writer.block("plan", "p", path: "$.plans[0]") { writer in
                    writer.compactBlock("component", "c", path: "$.c") { statements in
                        statements.append(.init("fixed", .integer(1), field: "amount_cents"))
                        statements.append(.init("label", .text(String(repeating: "x", count: 100)), field: "label"))
                    }
                }
                writer.blankLine()
            }.tracedPath
        }
        // catalog, blank, plan {, component c {, fixed, label, }, } — and no blank line at the end.
        let expected: [String?] = ["$.name", "$", "$.plans[0]", "$.c", "$.c.amount_cents", "$.c.label", "$.c",
                                   "$.plans[0]", nil]
        #expect((1...9).map(compose(tracing:)) == expected)
    }

    @Test("the source laid out in two parts is the source laid out in one", arguments: [0, 1, 2, 3])
    func partsJoinAsOne(planCount: Int) throws {
        // Without a name, currency, metrics or features, the first part is empty for one plan or none.
        let plans = (0..<planCount).map { index in
            CatalogDocument.Plan(id: "plan_\(index)", planName: "Plan \(index)", planDescription: nil, isFree: false,
                                 isTrialPlan: false, trialParentPlanID: nil, trialDays: nil,
                                 isVisibleInPricingTable: true, features: [], priceIDs: [])
        }
        for name in [nil, "Catalog"] as [String?] {
            let document = CatalogDocument(name: name, defaultCurrency: nil, metrics: [], features: [], plans: plans,
                                           prices: [], creditDefinitions: [], pricingTables: [], quotes: [])
            let composer = try ImportComposer(document)
            #expect(composer.compose() == composer.composeInOnePart().bytes)
        }
    }

    @Test func aComponentGoesOnOneLineUpToOneHundredColumns() {
        // Two levels deep: 4 spaces, then `component c { label "…" }` of 96 scalars is 100 in all.
        let prefix = "component c { label \""
        let label = String(repeating: "é", count: 96 - prefix.count - 3)
        // Laid out into too little room at first, so that it is also laid out again.
        let (bytes, _) = SourceWriter.layOut(capacity: 0) { writer in
            writer.block("plan", "p", path: "$") { writer in
                writer.block("price", "q", path: "$") { writer in
                    writer.compactBlock("component", "c", path: "$") { $0.append(.init("label", .text(label), field: "label")) }
                    writer.compactBlock("component", "d", path: "$") { $0.append(.init("label", .text(label + "x"), field: "label")) }
                }
            }
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2].unicodeScalars.count == 100)
        #expect(lines[2].hasSuffix(" }"))
        #expect(lines[3] == "    component d {")
        #expect(lines[4] == "      label \"\(label)x\"")
    }

    @Test("money in other currencies, escapes and component periods survive the round trip")
    func roundTripOfUnusualForms() throws {
        let source = """
            catalog "Yen \\"and\\" dinars\\twith a tab"
            currency JPY

            metric characters {
              name "Characters"
              event "text.characters"
              aggregate unique-count
              value numeric
            }

            feature translation {
              name "Translation"
              type usage
              metric characters
            }

            plan plan_standard {
              name "Standard"
              features {
                translation
              }
              price price_standard_monthly {
                interval month
                component comp_base { fixed 3000 }
                component comp_characters { usage characters; unit-price 0.0025 }
              }
              price price_standard_quarterly_kwd {
                currency KWD
                interval month
                interval-count 3
                component comp_base { fixed 6.125 }
                component comp_setup { fixed 1; interval year }
                component comp_review { fixed 2; interval-count 6 }
              }
              credit standard_bonus {
                name "Bonus"
                type monetary
                currency KWD
                amount 0.5
                refill 0.25
                renew yearly
                expires-after-days 90
              }
            }

            """
        let original = try #require(CatalogCompiler.build([SourceFile(path: "t.plancat", text: source)]).output)
        let imported = try CatalogImporter.source(for: original.document)
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "i.plancat", text: imported)]).output)
        #expect(rebuilt.document.jsonBytes == original.document.jsonBytes)
        #expect(imported.contains("component comp_base { fixed 6.125 }"))
        #expect(imported.contains("component comp_setup { fixed 1; interval year }"))
        #expect(imported.contains("component comp_review { fixed 2; interval-count 6 }"))
        #expect(imported.contains("unit-price 0.0025"))
        #expect(imported.contains("    amount 0.5\n    refill 0.25\n    renew yearly\n"))
        #expect(imported.contains("  value numeric\n"))
        #expect(imported.hasPrefix("catalog \"Yen \\\"and\\\" dinars\\twith a tab\"\ncurrency JPY\n\nmetric characters {\n"))
    }
}
