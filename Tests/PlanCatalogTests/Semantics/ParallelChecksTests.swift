import Testing
@testable import PlanCatalog
import PlanCatalogSynthesis
import PlanCatalogTestSupport

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
        // The planted problems reach five different families, so both lanes really report.
        #expect(codes.isSuperset(of: ["E0301", "E0402", "E0602", "E0801", "W0801"]), "codes: \(codes.sorted())")
        for _ in 0..<5 {
            #expect(Self.fingerprint(CatalogChecks.run(catalog, onTwoThreads: true)) == serial)
        }
        #expect(Self.fingerprint(CatalogChecks.run(catalog)) == serial)
    }

    /// What is wrong with a schedule of `familyCount` families: each position run other than exactly
    /// once (left out, which two threads would skip, or twice, which would report twice), or a lane
    /// naming a family that does not exist.
    private static func schedulingFaults(_ lanes: [[Int]], familyCount: Int) -> [String] {
        var runs = [Int](repeating: 0, count: familyCount)
        var faults: [String] = []
        for position in lanes.joined() {
            if runs.indices.contains(position) { runs[position] += 1 } else { faults.append("\(position) is not a family") }
        }
        for (position, count) in runs.enumerated() where count != 1 {
            faults.append("\(position) runs \(count) times")
        }
        return faults
    }

    /// Every registered family is scheduled on exactly one of the two threads.
    @Test func everyRegisteredFamilyIsScheduledExactlyOnce() {
        let families = CatalogChecks.families
        let faults = Self.schedulingFaults(CatalogChecks.lanes, familyCount: families.count)
        #expect(faults.isEmpty, "\(faults); families: \(families.map(\.name))")
        #expect(CatalogChecks.lanes.count == 2)
        #expect(Set(families.map(\.name)).count == families.count, "a family is registered twice")
    }

    /// The check above catches the bug the registrations replaced: the hand-written position lists of the
    /// first two-thread version, kept after ReviewWarnings was added as the eighth family, leave it out
    /// (and leave out every family registered since, ScenarioChecks the first).
    @Test func theSchedulingCheckCatchesAFamilyLeftOutOfHandWrittenGroups() {
        let handWritten = [[0, 2, 5], [1, 3, 4, 6]]
        #expect(Self.schedulingFaults(handWritten, familyCount: 8) == ["7 runs 0 times"])
        let faults = Self.schedulingFaults(handWritten, familyCount: CatalogChecks.families.count)
        #expect(faults == (7..<CatalogChecks.families.count).map { "\($0) runs 0 times" })
        #expect(CatalogChecks.families.last?.name == "ReviewWarnings")
        #expect(Self.schedulingFaults([[0, 2, 5, 7], [1, 3, 4, 6, 7]], familyCount: 8) == ["7 runs 2 times"])
    }

    /// Whatever the costs, the derived lanes run every family once, and are balanced as greedy
    /// scheduling promises: the busiest lane exceeds the idlest by at most the largest cost.
    @Test func derivedLanesScheduleAnyFamiliesOnceAndBalanced() {
        var random = SplitMix64(name: "derivedLanesScheduleAnyFamiliesOnceAndBalanced")
        for _ in 0..<500 {
            let families = (0..<Int.random(in: 0...20, using: &random)).map { position in
                CheckFamily("family \(position)", cost: Int.random(in: 1...100, using: &random)) { _, _ in }
            }
            let laneCount = Int.random(in: 1...4, using: &random)
            let lanes = CheckFamily.lanes(of: families, count: laneCount)
            #expect(lanes.count == laneCount)
            #expect(Self.schedulingFaults(lanes, familyCount: families.count).isEmpty)
            #expect(lanes.allSatisfy { $0 == $0.sorted() })
            let loads = lanes.map { $0.reduce(0) { $0 + families[$1].cost } }
            let largest = families.map(\.cost).max() ?? 0
            #expect(loads.max()! - loads.min()! <= largest, "loads \(loads), costs \(families.map(\.cost))")
        }
    }
}
