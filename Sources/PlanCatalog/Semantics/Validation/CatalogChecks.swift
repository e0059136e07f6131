/// Runs every check family of LANGUAGE.md section 4 over a lowered catalog, in the order of the spec.
/// Each family reports all it finds; none stops the others.
///
/// The families only read the catalog and its index, so on a large catalog they run on two threads, in
/// two groups of about equal cost; each family reports into its own list, and the lists are joined in the
/// spec's order, so the result is the same as one thread's.
enum CatalogChecks {
    typealias Family = @Sendable (CatalogIndex, inout [Diagnostic]) -> Void

    /// The families in the spec's order, then the warnings a reviewer wants (ReviewWarnings), which
    /// read across families.
    static let families: [Family] = [
        IdentityChecks.run, ReferenceChecks.run, PlanKindChecks.run, TrialChecks.run, FeatureMetricChecks.run,
        MoneyChecks.run, PricingTableChecks.run, ReviewWarnings.run,
    ]

    /// Which thread runs each family (positions in `families`), chosen from a profile of a large catalog.
    /// Every family is in exactly one group (ParallelChecksTests holds it to that), or two threads would
    /// skip it.
    static let groups: [[Int]] = [[0, 2, 5, 7], [1, 3, 4, 6]]

    /// Below this many plans a second thread costs more than it saves.
    static let plansWorthASecondThread = 2_000

    static func run(_ catalog: Catalog) -> [Diagnostic] {
        run(catalog, onTwoThreads: catalog.plans.count >= plansWorthASecondThread)
    }

    static func run(_ catalog: Catalog, onTwoThreads: Bool) -> [Diagnostic] {
        let index = CatalogIndex(catalog)
        var reports = [[Diagnostic]](repeating: [], count: families.count)
        if !onTwoThreads {
            for position in families.indices { families[position](index, &reports[position]) }
        } else {
            let groupReports = Parallel.map(groups.count) { group in
                groups[group].map { position in
                    var report: [Diagnostic] = []
                    families[position](index, &report)
                    return (position: position, report: report)
                }
            }
            for (position, report) in groupReports.joined() { reports[position] = report }
        }
        return reports.flatMap { $0 }
    }
}
