import Testing
@testable import PlanCatalog
import PlanCatalogSynthesis

/// The check families run on two threads for a large catalog (CatalogChecks); what they report must be
/// exactly what one thread reports, in the same order, every time.
@Suite struct ParallelChecksTests {
    /// A catalog above the two-thread threshold, with problems for several families: a duplicate plan
    /// (identity), an unknown feature (references), a trial too long (trials), a negative amount (money).
    static let brokenCatalog: Catalog = {
        let plans = CatalogChecks.plansWorthASecondThread + 500
        var source = SyntheticCatalog(plans: plans).source()
        source = source.replacing("plan plan_000011 {", with: "plan plan_000010 {")
        source = source.replacing("trial-of plan_000020\n  trial-days 14", with: "trial-of plan_000020\n  trial-days 999")
        source = source.replacing("plan plan_000033 {\n  name \"Plan 33\"\n  description \"Synthetic plan 33 for benchmarks\"\n  features {\n    usage-33\n",
                                  with: "plan plan_000033 {\n  name \"Plan 33\"\n  description \"Synthetic plan 33 for benchmarks\"\n  features {\n    usage-33\n    no-such-feature\n")
        source = source.replacing("quote quote_000040 {\n  plan plan_000040\n  customer \"Customer 40\"\n  price price_000040_negotiated {\n    interval year\n    component comp_platform { fixed ",
                                  with: "quote quote_000040 {\n  plan plan_000040\n  customer \"Customer 40\"\n  price price_000040_negotiated {\n    interval year\n    component comp_platform { fixed -")
        // A yearly price typed in cents, for the review warnings (W0801), the family added last.
        source += """

            plan plan_review {
              name "Review"
              price price_review_monthly { interval month; component comp_base { fixed 29 } }
              price price_review_yearly { interval year; component comp_base { fixed 2900 } }
            }

            """
        let file = SourceFile(path: "broken.plancat", text: source)
        return Lowering.lower([Parser.parse(file).tree]).catalog
    }()

    private static func fingerprint(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.rawValue) \($0.location.span.start) \($0.message)" }
    }

    @Test func twoThreadsReportWhatOneThreadReports() {
        let catalog = Self.brokenCatalog
        #expect(catalog.plans.count >= CatalogChecks.plansWorthASecondThread)
        let serial = Self.fingerprint(CatalogChecks.run(catalog, onTwoThreads: false))
        let codes = Set(serial.map { $0.prefix(5) })
        // The planted problems reach five different families, so the groups really are mixed.
        #expect(codes.isSuperset(of: ["E0301", "E0402", "E0602", "E0801", "W0801"]), "codes: \(codes.sorted())")
        for _ in 0..<5 {
            #expect(Self.fingerprint(CatalogChecks.run(catalog, onTwoThreads: true)) == serial)
        }
        #expect(Self.fingerprint(CatalogChecks.run(catalog)) == serial)
    }

    /// A family left out of the groups would run on one thread and be skipped on two; one in two groups
    /// would report twice.
    @Test func everyFamilyIsInExactlyOneGroup() {
        #expect(CatalogChecks.groups.flatMap { $0 }.sorted() == Array(CatalogChecks.families.indices))
    }
}
