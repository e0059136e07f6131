/// The targets, each against what this run measured. The time targets are for 100,000 plans and
/// say "not run" without that size; the memory ones are taken at the largest size run, where the source
/// outweighs the runtime's own few megabytes; growth at 10k → 100k, or the largest tenfold step run.
extension BenchmarkResults {
    static let targetPlans = 100_000

    var targetChecks: [TargetCheck] {
        timeTargets + shippedTargets + languageServerTargets + memoryTargets + growthTargets
    }

    private static func seconds(_ value: Double) -> String { "\(Format.fixed(value, digits: 3)) s" }
    private static func milliseconds(_ value: Double) -> String { "\(Format.fixed(value * 1000, digits: 1)) ms" }
    /// Ratios (peak RSS ÷ input, time ÷ time) as plain numbers: the target says what is divided.
    private static func ratio(_ value: Double) -> String { Format.fixed(value, digits: 2) }

    /// Issue 15's targets at 100,000 plans: `check` at 100 MB/s (the bar: 1 s), the other commands as
    /// multiples of `check`, and `check` against Python's C JSON parser reading the same catalog as JSON.
    private var timeTargets: [TargetCheck] {
        let plans = Self.targetPlans
        func median(_ command: String) -> Double? { result(command, plans: plans)?.samples.median }
        func timesCheck(_ command: String) -> Double? {
            guard let time = median(command), let check = median("check") else { return nil }
            return time / check
        }
        let label = { (command: String) in "`\(command)`, \(Format.grouped(plans)) plans" }
        var checks = [
            TargetCheck.atMost(label("check"), 1.0, measured: median("check"), unit: Self.seconds),
            TargetCheck.atMost(label("check") + " (aim)", 0.6, measured: median("check"), unit: Self.seconds),
        ]
        let throughput = result("check", plans: plans).map { Double($0.inputBytes) / 1e6 / $0.samples.median }
        checks.append(.atLeast(label("check") + ", throughput (aim)", 100, measured: throughput) {
            "\(Format.fixed($0, digits: 1)) MB/s"
        })
        checks += [
            .atMost(label("build") + " ÷ `check`", 1.5, measured: timesCheck("build"), unit: Self.ratio),
            .atMost(label("diff") + " ÷ `check`", 2.0, measured: timesCheck("diff"), unit: Self.ratio),
            .atMost(label("import") + " ÷ `check`", 2.0, measured: timesCheck("import"), unit: Self.ratio),
            .atMost(label("fmt --check"), 0.5, measured: median("fmt --check"), unit: Self.seconds),
        ]
        let python = Floor.pythonJSON.name
        let pythonRatio = median("check").flatMap { check in floor(python, plans: plans).map { check / $0.samples.median } }
        checks.append(.atMost(label("check") + " ÷ `\(python)` on its catalog.json (aim)", 1.0, measured: pythonRatio,
                              unit: Self.ratio,
                              missingBecause: missingFloors.contains(python) ? "python3 not installed" : "not run"))
        return checks
    }

    private var shippedTargets: [TargetCheck] {
        shipped.flatMap { catalog in
            [TargetCheck.atMost("`check` \(catalog.path), whole process", 0.020, measured: catalog.check?.median,
                                unit: Self.milliseconds, missingBecause: "not found"),
             TargetCheck.atMost("`build` \(catalog.path), whole process", 0.030, measured: catalog.build?.median,
                                unit: Self.milliseconds, missingBecause: "not found")]
        }
    }

    /// Issue 17: every method "well under 50 ms" on the shipped catalogs; the slowest one's median is the
    /// one compared.
    private var languageServerTargets: [TargetCheck] {
        let slowest = languageServer?.methods.max { $0.samples.median < $1.samples.median }
        return [.atMost("slowest `plancat lsp` method on \(LanguageServerLatency.catalogPath)"
                        + (slowest.map { " (`\($0.name)`)" } ?? ""), 0.050, measured: slowest?.samples.median,
                        unit: Self.milliseconds, missingBecause: "not found")]
    }

    private var memoryTargets: [TargetCheck] {
        guard let plans = sizes.last else { return [] }
        return [("check", 4.0), ("build", 6.0)].map { command, limit in
            .atMost("`\(command)` peak RSS ÷ source size, \(Format.grouped(plans)) plans", limit,
                    measured: result(command, plans: plans)?.memoryRatio, unit: Self.ratio)
        }
    }

    private var growthTargets: [TargetCheck] {
        let pairs = tenfoldPairs
        let pair = pairs.first { $0.large == Self.targetPlans } ?? pairs.last
        return TimedCommand.allCases.map { command in
            guard let pair else {
                return .atMost("`\(command.name)` time ×10 plans", 12, measured: nil, unit: Self.ratio,
                               missingBecause: "no sizes ten times apart")
            }
            return .atMost("`\(command.name)` time at \(Format.short(pair.large)) ÷ \(Format.short(pair.small)) plans", 12,
                           measured: growth(command.name, from: pair.small, to: pair.large), unit: Self.ratio)
        }
    }
}
