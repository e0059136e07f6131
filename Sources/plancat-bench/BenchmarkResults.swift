/// Everything one benchmark run measured, for the report.
struct BenchmarkResults {
    let machine: MachineDescription
    /// The executable timed.
    let plancat: String
    let sizes: [Int]
    let runs: Int
    let shippedRuns: Int
    /// Peak RSS of `/bin/true` run through the launcher: no peak RSS reported can be lower.
    let residentFloorBytes: Int?
    let commands: [CommandResult]
    let shipped: [ShippedCatalogResult]
    /// Each method of `plancat lsp` on the seed catalog; nil when it is not there.
    let languageServer: LanguageServerLatency?
    let stages: [StageTimings]
    /// The general JSON readers on each size's catalog.json (`Floor`), and those not installed here.
    let floors: [CommandResult]
    let missingFloors: [String]

    func result(_ command: String, plans: Int) -> CommandResult? {
        commands.first { $0.command == command && $0.plans == plans }
    }

    func floor(_ name: String, plans: Int) -> CommandResult? {
        floors.first { $0.command == name && $0.plans == plans }
    }

    /// Pairs of sizes ten times apart, (small, large), smallest first: the growth ratios' columns.
    var tenfoldPairs: [(small: Int, large: Int)] {
        sizes.compactMap { large in
            large % 10 == 0 && sizes.contains(large / 10) ? (large / 10, large) : nil
        }
    }

    /// Median at `large` ÷ median at `small`; 10 means linear growth.
    func growth(_ command: String, from small: Int, to large: Int) -> Double? {
        guard let smallResult = result(command, plans: small), let largeResult = result(command, plans: large) else {
            return nil
        }
        return largeResult.samples.median / smallResult.samples.median
    }
}
