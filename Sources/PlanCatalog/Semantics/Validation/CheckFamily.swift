/// One check family of LANGUAGE.md section 4, registered once in `CatalogChecks.families`: its name, how
/// it runs and what it costs. The two-thread schedule is derived from these registrations
/// (`CheckFamily.lanes`), so a family cannot be registered and left unscheduled.
struct CheckFamily: Sendable {
    typealias Run = @Sendable (CatalogIndex, inout [Diagnostic]) -> Void

    /// The family's type name, for test messages and profiles.
    let name: String
    /// Reports everything the family finds into the list it is given; reads the index only.
    let run: Run
    /// The family's share of the checking time on a large catalog, in relative units (only the ratios
    /// matter). It decides which thread runs the family, never whether it runs.
    let cost: Int

    init(_ name: String, cost: Int, run: @escaping Run) {
        precondition(cost > 0, "a check family costs something")
        self.name = name
        self.cost = cost
        self.run = run
    }

    /// Splits the families into `count` lanes of about equal cost: the most costly family first, each to
    /// the lane with the least cost so far (ties to the earlier lane, and equal costs in registration
    /// order, so the schedule is deterministic). Every position of `families` is in exactly one lane;
    /// within a lane the positions are ascending.
    static func lanes(of families: [CheckFamily], count: Int) -> [[Int]] {
        precondition(count > 0, "at least one lane")
        let byCost = families.indices.sorted { families[$0].cost != families[$1].cost ? families[$0].cost > families[$1].cost : $0 < $1 }
        var lanes = [[Int]](repeating: [], count: count)
        var load = [Int](repeating: 0, count: count)
        for position in byCost {
            let lane = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
            lanes[lane].append(position)
            load[lane] += families[position].cost
        }
        return lanes.map { $0.sorted() }
    }
}
