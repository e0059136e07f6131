import Testing
@testable import PlanCatalog
import PlanCatalogSynthesis

/// The benchmark's synthetic catalogs (Docs/Performance.md § The synthetic catalogs) are only worth timing
/// if they are what the benchmark says they are: valid, canonical (so `fmt --check` passes and times a
/// clean run), deterministic for a size and seed, holding the stated mix of plans, trials, quotes, prices
/// and credits, and — repriced — diffing against the unrepriced build with exactly the changes the diff
/// benchmark counts on.
@Suite struct SyntheticCatalogTests {
    /// Small enough for the test suite; 1 has no trial, quote or yearly price, 7 no quote, 20 one of each.
    static let sizes = [1, 7, 20, 100, 250]

    static func sourceFile(_ catalog: SyntheticCatalog) -> SourceFile {
        SourceFile(path: "synthetic-\(catalog.plans).plancat", text: catalog.source())
    }

    static func document(_ catalog: SyntheticCatalog) throws -> CatalogDocument {
        let result = CatalogCompiler.build([sourceFile(catalog)])
        return try #require(result.output?.document, "\(JSONDiagnosticRenderer().render(result.check.diagnostics, in: result.check.files))")
    }

    // MARK: - Valid, canonical, deterministic

    @Test(arguments: sizes)
    func checksWithNoProblems(plans: Int) {
        let result = CatalogCompiler.check([Self.sourceFile(SyntheticCatalog(plans: plans))])
        #expect(result.diagnostics.isEmpty, "\(JSONDiagnosticRenderer().render(result.diagnostics, in: result.files))")
        #expect(result.errorCount == 0 && result.warningCount == 0)
    }

    /// A repriced catalog is as valid as the original: the diff benchmark compares two valid catalogs.
    @Test(arguments: sizes)
    func repricedCatalogChecksWithNoProblems(plans: Int) {
        let result = CatalogCompiler.check([Self.sourceFile(SyntheticCatalog(plans: plans, repricedEvery: 3))])
        #expect(result.diagnostics.isEmpty, "\(JSONDiagnosticRenderer().render(result.diagnostics, in: result.files))")
    }

    @Test(arguments: sizes)
    func isAlreadyCanonical(plans: Int) throws {
        let file = Self.sourceFile(SyntheticCatalog(plans: plans))
        let result = Formatter.format(file)
        #expect(result.syntaxErrors.isEmpty)
        let formatted = try #require(result.formatted)
        #expect(formatted == file.bytes, "formatting changed the catalog of \(plans) plans")
    }

    @Test(arguments: sizes)
    func sameSizeAndSeedGiveTheSameBytes(plans: Int) {
        #expect(SyntheticCatalog(plans: plans, seed: 7).source() == SyntheticCatalog(plans: plans, seed: 7).source())
    }

    @Test(arguments: sizes)
    func anotherSeedGivesAnotherCatalog(plans: Int) {
        let first = SyntheticCatalog(plans: plans, seed: 1).source()
        let second = SyntheticCatalog(plans: plans, seed: 2).source()
        #expect(first != second)
        // Only the content differs, not the shape: same statements, so the benchmark's sizes stay put.
        #expect(first.split(separator: "\n").count == second.split(separator: "\n").count)
    }

    // MARK: - The mix

    @Test(arguments: sizes)
    func documentHoldsTheStatedMix(plans: Int) throws {
        let document = try Self.document(SyntheticCatalog(plans: plans))

        #expect(document.metrics.count == SyntheticCatalog.metricCount)
        let featureTypes = Dictionary(grouping: document.features, by: \.featureType).mapValues(\.count)
        #expect(featureTypes == [.usage: SyntheticCatalog.metricCount, .boolean: SyntheticCatalog.booleanFeatureCount,
                                 .number: SyntheticCatalog.numberFeatureCount])

        let trials = document.plans.filter(\.isTrialPlan)
        let paidPlans = document.plans.filter { !$0.isTrialPlan }
        #expect(paidPlans.count == plans)
        #expect(trials.count == plans / 5)
        #expect(trials.allSatisfy { $0.trialDays == 14 && $0.trialParentPlanID.map { "\($0)_trial" } == $0.id })
        #expect(paidPlans.allSatisfy { $0.features.count == SyntheticCatalog.featuresPerPlan && !$0.isFree })

        let planPrices = document.prices.filter { !$0.isOverridePrice }
        #expect(planPrices.filter { $0.period == .monthly }.count == plans)
        #expect(planPrices.filter { $0.period == .yearly }.count == plans / 2)
        #expect(planPrices.count == plans + plans / 2)
        // Every plan price: one fixed or per-seat component and one usage component.
        for price in planPrices {
            let types = price.components.map(\.charge.typeName)
            #expect(types == ["fixed", "usage"] || types == ["per_unit", "usage"], "\(price.id): \(types)")
        }

        // A credit on each paid plan's monthly usage component, and one on each trial's usage feature.
        #expect(document.creditDefinitions.count == plans + plans / 5)
        #expect(document.creditDefinitions.allSatisfy { credit in
            credit.applicationType == .usage && (credit.planID.hasSuffix("_trial")
                ? credit.featureSlug != nil && credit.priceComponentID == nil
                : credit.priceComponentID == "comp_usage")
        })

        #expect(document.quotes.count == plans / 20)
        #expect(document.prices.filter(\.isOverridePrice).count == plans / 20)

        #expect(document.pricingTables.count == 1)
        #expect(document.pricingTables.first?.planConfigs.count == min(plans, SyntheticCatalog.pricingTableRows))
    }

    /// Fixed and per-seat prices both occur, so both paths of the compiler are timed.
    @Test func largerCatalogsMixFixedAndPerSeatPrices() throws {
        let document = try Self.document(SyntheticCatalog(plans: 100))
        let planPrices = document.prices.filter { !$0.isOverridePrice }
        let baseTypes = Set(planPrices.compactMap { $0.components.first?.charge.typeName })
        #expect(baseTypes == ["fixed", "per_unit"])
    }

    // MARK: - Repricing

    /// (plans, repricedEvery): the benchmark's 1% (every 100th), and denser repricings that reach odd
    /// plans (no yearly price) and plans with trials and quotes.
    @Test(arguments: [(100, 100), (250, 100), (250, 7), (20, 3), (7, 1)])
    func repricedCatalogDiffsByExactlyTheRepricedPrices(_ row: (plans: Int, repricedEvery: Int)) throws {
        let original = SyntheticCatalog(plans: row.plans)
        let repriced = SyntheticCatalog(plans: row.plans, repricedEvery: row.repricedEvery)
        // The deployed side read back from catalog.json's bytes, as `plancat diff --against` reads it.
        let deployed = try CatalogDocument(json: try Self.document(original).jsonBytes)
        let diff = CatalogDiff(deployed: deployed, source: try Self.document(repriced))

        let repricedPlans = Array(stride(from: row.repricedEvery, through: row.plans, by: row.repricedEvery))
        #expect(repricedPlans.count == repriced.repricedPlanCount)
        let expectedPrices = repricedPlans.flatMap { plan in
            let digits = String(plan)
            let id = "price_" + String(repeating: "0", count: 6 - digits.count) + digits
            return plan % 2 == 0 ? ["\(id)_monthly", "\(id)_yearly"] : ["\(id)_monthly"]
        }

        let priceChanges = diff.changes.filter { $0.kind == .price }
        #expect(priceChanges.map(\.id).sorted() == expectedPrices.sorted())
        #expect(priceChanges.allSatisfy { $0.action == .replace })
        #expect(diff.count(of: .replace) == expectedPrices.count)
        // A replaced price gives its plan a new version, and nothing else changes.
        #expect(diff.count(of: .newVersion) == repricedPlans.count)
        #expect(diff.changes.count == expectedPrices.count + repricedPlans.count)
    }

    @Test func unrepricedCatalogHasNoChangesAgainstItsOwnBuild() throws {
        let document = try Self.document(SyntheticCatalog(plans: 100))
        #expect(CatalogDiff(deployed: try CatalogDocument(json: document.jsonBytes), source: document).isEmpty)
    }
}
