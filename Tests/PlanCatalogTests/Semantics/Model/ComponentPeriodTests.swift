import Testing
@testable import PlanCatalog

/// A component's period (`BillingPeriod.ofComponent`), the one rule that the checks, catalog.json's
/// `recurrence_rule` and import's `interval` / `interval-count` statements all follow.
@Suite struct ComponentPeriodTests {
    /// A quarterly price (`interval month`, `interval-count 3`) with a component on the price's period,
    /// one naming its own interval, and one naming only its own count.
    static let source = """
        currency USD
        plan plan_pro {
          name "Pro"
          price price_quarterly {
            interval month
            interval-count 3
            component base { fixed 90 }
            component setup { fixed 100; interval year }
            component extra { fixed 5; interval-count 6 }
          }
        }
        """

    @Test("a component's own interval counts from 1, never the price's count; its own count keeps the price's interval",
          arguments: [
              (BillingInterval?.none, Int?.none, BillingInterval?.some(.month), Int?.some(3), BillingPeriod(interval: .month, count: 3)),
              (.year, nil, .month, 3, BillingPeriod(interval: .year, count: 1)),
              (.year, 2, .month, 3, BillingPeriod(interval: .year, count: 2)),
              (nil, 6, .month, 3, BillingPeriod(interval: .month, count: 6)),
              (nil, nil, .week, nil, BillingPeriod(interval: .week, count: 1)),
              (.day, nil, nil, nil, BillingPeriod(interval: .day, count: 1)),
          ] as [(BillingInterval?, Int?, BillingInterval?, Int?, BillingPeriod)])
    func rule(_ interval: BillingInterval?, _ count: Int?, _ priceInterval: BillingInterval?, _ priceCount: Int?,
              _ expected: BillingPeriod) {
        #expect(BillingPeriod.ofComponent(interval: interval, count: count, priceInterval: priceInterval,
                                          priceCount: priceCount) == expected)
    }

    @Test("without an interval on the component or its price, a component has no period")
    func noInterval() {
        #expect(BillingPeriod.ofComponent(interval: nil, count: 3, priceInterval: nil, priceCount: nil) == nil)
    }

    @Test("a price's period is the one all its components share, else none")
    func commonPeriod() {
        let monthly = BillingPeriod.monthly
        #expect(BillingPeriod.common(of: [monthly, monthly]) == monthly)
        #expect(BillingPeriod.common(of: [monthly, .yearly]) == nil)
        #expect(BillingPeriod.common(of: [monthly, nil]) == nil)
        #expect(BillingPeriod.common(of: [BillingPeriod?]()) == nil)
    }

    @Test("the checked model, catalog.json and import agree on each component's period")
    func everyStageAgrees() throws {
        let result = CatalogCompiler.build([SourceFile(path: "periods.plancat", text: Self.source)])
        let output = try #require(result.output)
        let price = try #require(result.check.catalog.plans.first?.prices.first)
        #expect(price.components.map { price.period(of: $0) } == [
            BillingPeriod(interval: .month, count: 3), .yearly, BillingPeriod(interval: .month, count: 6),
        ])
        #expect(price.period == nil, "the components bill on three periods")
        let compiled = try #require(output.document.prices.first)
        #expect(compiled.components.map(\.period.recurrenceRule) == [
            "RRULE:FREQ=MONTHLY;INTERVAL=3", "RRULE:FREQ=YEARLY;INTERVAL=1", "RRULE:FREQ=MONTHLY;INTERVAL=6",
        ])
        let imported = try CatalogImporter.source(for: output.document)
        #expect(imported.contains("component setup { fixed 100; interval year }"), "\(imported)")
        #expect(imported.contains("component extra { fixed 5; interval-count 6 }"), "\(imported)")
        #expect(imported.contains("component base { fixed 90 }"), "\(imported)")
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "imported.plancat", text: imported)]).output)
        #expect(rebuilt.document == output.document)
    }
}
