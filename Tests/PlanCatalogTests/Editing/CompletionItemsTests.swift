import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// `Completion.items`: what may be written at a place, by the schema and the catalog's ids. Each source
/// marks the word being typed with `⟨⟩` (the cursor at its end): the items must replace exactly it.
@Suite struct CompletionItemsTests {
    /// A small catalog the sources below are inserted into.
    static let catalog = """
        metric api-calls { name "API calls" }
        metric storage { name "Storage" }
        feature sso { name "SSO"; type boolean }
        feature seats-max { name "Seats"; type number }
        feature api-quota { name "API quota"; type usage; metric api-calls }
        plan plan_free { name "Free"; price price_free { interval month; component base { fixed 0 } } }

        """

    /// The items at the marked word of `catalog` followed by `source`, checked with the whole text.
    static func items(_ source: String) throws -> [CompletionItem] {
        let marked = MarkedSource(catalog + source)
        let word = try #require(marked.spans.first)
        let items = Completion.items(in: Parser.parse(marked.file).tree, at: word.end, catalog: CatalogCompiler.check([marked.file]).catalog)
        for item in items { #expect(item.replacing == word, "`\(item.label)` replaces \(item.replacing), not \(word)") }
        return items
    }

    static func labels(_ source: String) throws -> [String] { try items(source).map(\.label) }

    @Test func aStatementAtTheTopLevelIsAnyTopLevelKeyword() throws {
        #expect(try Self.labels("⟨⟩") == Schema.keywords(for: .topLevel))
        #expect(try Self.items("⟨pl⟩").allSatisfy { $0.kind == .keyword })
    }

    @Test func aHalfTypedFileCompletesInTheBlockItsBracesLeaveOpen() throws {
        // Nothing is closed: the parser's recovery puts the word in the price, under the plan.
        let labels = try Self.labels("plan plan_pro {\n  name \"Pro\"\n  price p {\n    ⟨comp⟩")
        #expect(labels == ["currency", "interval", "interval-count", "component"])
        let values = try Self.labels("plan plan_pro {\n  name \"Pro\"\n  price p {\n    interval ⟨mo⟩")
        #expect(values == BillingInterval.allCases.map(\.rawValue))
    }

    @Test func aStatementThatMayStandOnceAndDoesIsNotOfferedAgain() throws {
        let items = try Self.items("plan plan_pro {\n  name \"Pro\"\n  ⟨⟩\n}\n")
        let labels = items.map(\.label)
        #expect(!labels.contains("name"))
        #expect(labels.contains("description") && labels.contains("price") && labels.contains("trial-of"))
        let price = try #require(items.first { $0.label == "price" })
        #expect(price.detail == "price ID { … } · repeatable in a plan")
        // What the statement means in a plan, as a keyword's hover says it.
        #expect(price.documentation != nil)
        #expect(price.documentation == Schema.meaning(of: .price, in: .plan))
    }

    @Test func planIDsAfterTrialOfRowAndAQuotesPlan() throws {
        let trial = try Self.items("plan plan_pro {\n  name \"Pro\"\n  trial-of ⟨pl⟩\n}\n")
        // Not the plan itself.
        #expect(trial.map(\.label) == ["plan_free"])
        #expect(trial.first?.kind == .reference(.plan))
        #expect(trial.first?.detail == "Free")
        #expect(try Self.labels("pricing-table main {\n  row ⟨⟩\n}\n") == ["plan_free"])
        #expect(try Self.labels("quote q {\n  plan ⟨plan_f⟩\n}\n") == ["plan_free"])
    }

    @Test func metricIDsAfterUsageAndAFeaturesMetric() throws {
        let metrics = ["api-calls", "storage"]
        #expect(try Self.labels("plan p {\n  price m {\n    component c { usage ⟨⟩ }\n  }\n}\n") == metrics)
        #expect(try Self.labels("feature f {\n  metric ⟨sto⟩\n}\n") == metrics)
        #expect(try Self.labels("scenario s {\n  usage ⟨api⟩\n}\n") == metrics)
        #expect(try Self.items("scenario s {\n  usage ⟨⟩\n}\n").first?.detail == "API calls")
        // The quantity after the metric is a number: nothing to offer.
        #expect(try Self.labels("scenario s {\n  usage api-calls ⟨⟩\n}\n").isEmpty)
    }

    @Test func priceIDsAfterAScenariosPrice() throws {
        let items = try Self.items("scenario s { price ⟨⟩ }\n")
        #expect(items.map(\.label) == ["price_free"])
        #expect(items.first?.detail == "Free · every month")
    }

    @Test func appliesToOffersThePlansUsageComponentsAndTheUsageAndNumberFeatures() throws {
        let source = """
            plan plan_pro {
              name "Pro"
              price pm { interval month; component base { fixed 9 }; component api { usage api-calls; unit-price 0.01 } }
              credit quota {
                applies-to ⟨pm.a⟩
              }
            }

            """
        let items = try Self.items(source)
        #expect(items.map(\.label) == ["pm.api", "seats-max", "api-quota"])
        #expect(items.first?.kind == .reference(.component))
    }

    @Test func aFeaturesBlockOffersTheFeaturesItDoesNotListYet() throws {
        let items = try Self.items("plan p {\n  name \"P\"\n  features {\n    sso\n    ⟨⟩\n  }\n}\n")
        #expect(items.map(\.label) == ["seats-max", "api-quota"])
        #expect(items.allSatisfy { $0.kind == .reference(.feature) })
        // The word being typed is not taken as listed.
        #expect(try Self.labels("plan p {\n  features {\n    ⟨ss⟩\n  }\n}\n") == ["sso", "seats-max", "api-quota"])
        // A feature's value by its type.
        #expect(try Self.labels("plan p {\n  features {\n    sso ⟨⟩\n  }\n}\n") == ["true", "false"])
        #expect(try Self.labels("plan p {\n  features { seats-max ⟨un⟩ }\n}\n") == ["unlimited"])
    }

    @Test func choicesBooleansFlagsAndCurrencies() throws {
        #expect(try Self.labels("metric m {\n  aggregate ⟨⟩\n}\n") == Aggregation.allCases.map(\.rawValue))
        #expect(try Self.items("metric m { aggregate ⟨s⟩ }\n").allSatisfy { $0.kind == .value })
        #expect(try Self.labels("plan p {\n  hidden ⟨⟩\n}\n") == ["true", "false"])
        #expect(try Self.labels("plan p { credit c { renew ⟨on-⟩ } }\n") == CreditRenewal.allCases.map(\.rawValue))
        #expect(try Self.labels("plan p { price m { component c { bill-immediately ⟨t⟩ } } }\n") == ["true", "false"])
        #expect(try Self.labels("currency ⟨US⟩\n") == Currency.allCodes)
        #expect(try Self.labels("scenario s {\n  seats 7 ⟨⟩\n}\n") == ["from"])
        #expect(try Self.labels("scenario s {\n  expect ⟨⟩\n}\n") == Scenario.Expectation.Kind.allCases.map(\.rawValue))
    }

    @Test func statementsAfterABraceOrASemicolonOnOneLine() throws {
        #expect(try Self.labels("plan p { price m { interval month; ⟨int⟩ } }\n").contains("interval-count"))
        #expect(try Self.labels("plan p { price m { component c { ⟨⟩ } } }\n").first == "fixed")
    }

    @Test func nothingInACommentAStringAnUnknownBlockOrWhereAValueIsWritten() throws {
        #expect(try Self.labels("# plan ⟨⟩\n").isEmpty)
        #expect(try Self.labels("plan p {\n  name \"Pro ⟨⟩\"\n}\n").isEmpty)
        #expect(try Self.labels("plan p {\n  name \"Pro\" # trial-of ⟨⟩\n}\n").isEmpty)
        #expect(try Self.labels("plan p {\n  sub-block {\n    ⟨⟩\n  }\n}\n").isEmpty)
        #expect(try Self.labels("plan p {\n  trial-days ⟨⟩\n}\n").isEmpty)
        #expect(try Self.labels("plan p {\n  name ⟨⟩\n}\n").isEmpty)
    }

    @Test func anOffsetPastTheEndOrBeforeTheStartHasNothing() {
        let file = SourceFile(path: "a.plancat", text: "plan p {\n")
        let catalog = CatalogCompiler.check([file]).catalog
        let tree = Parser.parse(file).tree
        #expect(Completion.items(in: tree, at: file.bytes.count + 1, catalog: catalog).isEmpty)
        #expect(Completion.items(in: tree, at: -1, catalog: catalog).isEmpty)
        #expect(!Completion.items(in: tree, at: file.bytes.count, catalog: catalog).isEmpty)
    }

    @Test func everyOffsetOfTheShippedCatalogsAnswers() throws {
        // No offset of a real catalog, nor of every one of its prefixes (a file being typed), traps.
        for path in EditorGrammarTests.shippedCatalogFiles {
            let bytes = Array(try Data(contentsOf: PackageRoot.url(of: path)))
            let file = SourceFile(path: path, bytes: bytes)
            let catalog = CatalogCompiler.check([file]).catalog
            let tree = Parser.parse(file).tree
            for offset in stride(from: 0, through: bytes.count, by: 13) {
                _ = Completion.items(in: tree, at: offset, catalog: catalog)
                let prefix = SourceFile(path: path, bytes: Array(bytes[..<offset]))
                _ = Completion.items(in: Parser.parse(prefix).tree, at: offset, catalog: catalog)
            }
        }
    }
}
