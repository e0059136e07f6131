import Foundation
import Testing
@testable import PlanCatalog

/// The rules for what a block means where it says nothing, each stated once in the model: a credit's and
/// a table's currency (`resolvedCurrency(defaultCurrency:)`, as `Price.resolvedCurrency`) and a metric's
/// aggregation, value type and event (`Metric.defaultAggregation` and friends), which lowering, the checks,
/// the compiler and import all follow.
@Suite struct SourceDefaultsTests {
    @Test("a code is its own, else the catalog's, with a lower-case one read as upper case")
    func resolvedCode() {
        #expect(Currency.resolvedCode(own: "EUR", catalogDefault: "USD") == "EUR")
        #expect(Currency.resolvedCode(own: nil, catalogDefault: "USD") == "USD")
        #expect(Currency.resolvedCode(own: nil, catalogDefault: nil) == nil)
        #expect(Currency.resolvedCode(own: "eur", catalogDefault: "USD") == "EUR")
        #expect(Currency.resolvedCode(own: "XYZ", catalogDefault: "USD") == "XYZ", "an unknown code is reported as it is")
    }

    static let source = """
        currency USD
        metric api_calls { name "API calls" }
        metric active_users { name "Active users"; aggregate unique-count }
        metric peak_storage { name "Peak storage"; aggregate max; value string; event "storage_sampled" }
        feature api-calls { name "API calls"; type usage; metric api_calls; unit "API call" }
        plan plan_pro {
          name "Pro"
          features { api-calls }
          price price_eur { currency EUR; interval month; component base { fixed 29 } }
          price price_usd { interval month; component base { fixed 29 } }
          credit welcome { name "Welcome"; type monetary; amount 10 }
          credit welcome_eur { name "Welcome (EUR)"; type monetary; amount 10; currency EUR }
          credit calls { name "Calls"; applies-to api-calls; amount 100 }
        }
        pricing-table main { row plan_pro }
        pricing-table europe { currency EUR; row plan_pro }
        """

    @Test("credits and tables take their own currency, else the catalog's, as prices do, and are built in it")
    func currencies() throws {
        let result = CatalogCompiler.check([SourceFile(path: "defaults.plancat", text: Self.source)])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        let catalog = result.catalog
        let defaultCurrency = catalog.defaultCurrency?.value
        let plan = try #require(catalog.plans.first)
        #expect(plan.prices.map(\.resolvedCurrency) == ["EUR", "USD"])
        #expect(plan.credits.map { $0.resolvedCurrency(defaultCurrency: defaultCurrency) } == ["USD", "EUR", "USD"])
        #expect(catalog.pricingTables.map { $0.resolvedCurrency(defaultCurrency: defaultCurrency) } == ["USD", "EUR"])

        let document = try #require(CatalogCompiler.build([SourceFile(path: "defaults.plancat", text: Self.source)]).output)
            .document
        let creditCurrencies = Dictionary(uniqueKeysWithValues: document.creditDefinitions.map { ($0.id, $0.currency) })
        #expect(creditCurrencies == ["welcome": "USD", "welcome_eur": "EUR", "calls": nil], "a usage credit counts units")
        let tableCurrencies = Dictionary(uniqueKeysWithValues: document.pricingTables.map { ($0.slug, $0.currency) })
        #expect(tableCurrencies == ["main": "USD", "europe": "EUR"])
    }

    @Test("lowering fills in the model's metric defaults, and import leaves exactly those out")
    func metricDefaults() throws {
        let catalog = CatalogCompiler.check([SourceFile(path: "defaults.plancat", text: Self.source)]).catalog
        let metrics = Dictionary(uniqueKeysWithValues: catalog.metrics.map { ($0.id.value, $0) })
        let calls = try #require(metrics["api_calls"])
        #expect(calls.aggregation == Metric.defaultAggregation)
        #expect(calls.valueType == Metric.defaultValueType(for: calls.aggregation))
        #expect(calls.eventName == Metric.defaultEventName(for: "api_calls"))
        let users = try #require(metrics["active_users"])
        #expect(users.valueType == Metric.defaultValueType(for: .uniqueCount) && users.valueType == .string)
        for aggregation in Aggregation.allCases where aggregation != .uniqueCount {
            #expect(Metric.defaultValueType(for: aggregation) == .numeric)
        }

        let output = try #require(CatalogCompiler.build([SourceFile(path: "defaults.plancat", text: Self.source)]).output)
        let imported = try CatalogImporter.source(for: output.document)
        // Each metric's block, statement by statement: only what differs from the defaults is written.
        func block(of metric: String) -> [String] {
            let lines = imported.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let start = lines.firstIndex(of: "metric \(metric) {") else { return [] }
            return Array(lines[(start + 1)...].prefix { $0 != "}" })
        }
        #expect(block(of: "api_calls") == ["name \"API calls\""])
        #expect(block(of: "active_users") == ["name \"Active users\"", "aggregate unique-count"])
        #expect(block(of: "peak_storage") == ["name \"Peak storage\"", "event \"storage_sampled\"", "aggregate max",
                                              "value string"])
    }
}
