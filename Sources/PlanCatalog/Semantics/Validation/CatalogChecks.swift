/// Runs every check family of LANGUAGE.md section 4 over a lowered catalog, in the order of the spec.
/// Each family reports all it finds; none stops the others.
///
/// The families only read the catalog and its index, so on a large catalog they run on two threads, in
/// two lanes of about equal cost derived from each family's registration; each family reports into its
/// own list, and the lists are joined in the spec's order, so the result is the same as one thread's.
enum CatalogChecks {
    /// Every family, registered once, in the spec's order (the order of the joined report), then the
    /// warnings a reviewer wants (ReviewWarnings), which read across families. A family's cost is its
    /// time in milliseconds on the benchmark's synthetic catalog at 100,000 plans, release build, on the
    /// 2-core machine (only the ratios matter, and a family that takes no measurable time costs 1). The
    /// figures are of December 2026, after the families stopped making lists per plan and learned from
    /// the index whether a reference fails to resolve or a credit id repeats: each family's callgrind
    /// instruction count at 10,000 plans, scaled by the milliseconds per instruction of the profile
    /// before (3.4 ms per million). A new family states its own, and `lanes` gives it a thread.
    static let families: [CheckFamily] = [
        CheckFamily("IdentityChecks", cost: 36, run: IdentityChecks.run),
        CheckFamily("ReferenceChecks", cost: 1, run: ReferenceChecks.run),
        CheckFamily("PlanKindChecks", cost: 4, run: PlanKindChecks.run),
        CheckFamily("TrialChecks", cost: 5, run: TrialChecks.run),
        CheckFamily("FeatureMetricChecks", cost: 102, run: FeatureMetricChecks.run),
        CheckFamily("MoneyChecks", cost: 77, run: MoneyChecks.run),
        CheckFamily("PricingTableChecks", cost: 1, run: PricingTableChecks.run),
        // The synthetic catalog has no scenarios; a real one has a handful, each checked in microseconds.
        CheckFamily("ScenarioChecks", cost: 1, run: ScenarioChecks.run),
        CheckFamily("ReviewWarnings", cost: 59, run: ReviewWarnings.run),
    ]

    /// Which thread runs each family (positions in `families`), derived from the registrations: two
    /// lanes of about equal cost, each family in exactly one.
    static let lanes: [[Int]] = CheckFamily.lanes(of: families, count: 2)

    /// Below this many plans a second thread costs more than it saves.
    static let plansWorthASecondThread = 2_000

    static func run(_ catalog: Catalog) -> [Diagnostic] {
        run(catalog, onTwoThreads: catalog.plans.count >= plansWorthASecondThread)
    }

    static func run(_ catalog: Catalog, onTwoThreads: Bool) -> [Diagnostic] {
        let index = CatalogIndex(catalog, onTwoThreads: onTwoThreads)
        var reports = [[Diagnostic]](repeating: [], count: families.count)
        if !onTwoThreads {
            for position in families.indices { families[position].run(index, &reports[position]) }
        } else {
            let laneReports = Parallel.map(lanes.count) { lane in
                lanes[lane].map { position in
                    var report: [Diagnostic] = []
                    families[position].run(index, &report)
                    return (position: position, report: report)
                }
            }
            for (position, report) in laneReports.joined() { reports[position] = report }
        }
        return reports.flatMap { $0 }
    }
}
