/// Runs every check family of LANGUAGE.md section 4 over a lowered catalog, in the order of the spec.
/// Each family reports all it finds; none stops the others.
///
/// The families only read the catalog and its index, so on a large catalog they run on two threads, in
/// two lanes of about equal cost derived from each family's registration; each family reports into its
/// own list, and the lists are joined in the spec's order, so the result is the same as one thread's.
enum CatalogChecks {
    /// Every family, registered once, in the spec's order (the order of the joined report), then the
    /// warnings a reviewer wants (ReviewWarnings), which read across families. The costs are relative
    /// shares of the checking time at 100,000 synthetic plans; they give the split a profile of a large
    /// catalog chose when the families first ran on two threads ({Identity, PlanKind, Money, Review}
    /// and {Reference, Trial, FeatureMetric, PricingTable}). A new family states its own cost, and
    /// `lanes` gives it a thread.
    static let families: [CheckFamily] = [
        CheckFamily("IdentityChecks", cost: 20, run: IdentityChecks.run),
        CheckFamily("ReferenceChecks", cost: 30, run: ReferenceChecks.run),
        CheckFamily("PlanKindChecks", cost: 9, run: PlanKindChecks.run),
        CheckFamily("TrialChecks", cost: 10, run: TrialChecks.run),
        CheckFamily("FeatureMetricChecks", cost: 4, run: FeatureMetricChecks.run),
        CheckFamily("MoneyChecks", cost: 15, run: MoneyChecks.run),
        CheckFamily("PricingTableChecks", cost: 3, run: PricingTableChecks.run),
        CheckFamily("ReviewWarnings", cost: 2, run: ReviewWarnings.run),
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
        let index = CatalogIndex(catalog)
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
