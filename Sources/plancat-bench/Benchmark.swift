import Foundation

/// One benchmark run: the shipped catalogs, then per size the synthetic catalogs, every command as whole
/// processes and the pipeline's stages in process; the results go into a report.
struct Benchmark {
    let options: BenchmarkOptions
    /// The plancat under test.
    let plancat: String
    /// This executable: the launcher of every timed process.
    let executable: String

    init(options: BenchmarkOptions) throws {
        self.options = options
        executable = try Self.executablePath()
        if let path = options.plancatPath {
            plancat = URL(fileURLWithPath: path).standardizedFileURL.path
        } else {
            plancat = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("plancat").path
        }
        guard FileManager.default.isExecutableFile(atPath: plancat) else {
            throw BenchmarkFailure("no plancat executable at \(plancat): build it "
                                   + "(`swift build -c release --product plancat`) or name one with --plancat")
        }
    }

    func run() throws -> BenchmarkResults {
        let (workDirectory, isTemporary) = try makeWorkDirectory()
        defer {
            if isTemporary { try? FileManager.default.removeItem(at: workDirectory) }
        }
        Progress.note("timing \(plancat) in \(workDirectory.path)")
        let timer = ProcessTimer(launcherPath: executable, workDirectory: workDirectory)
        let machine = MachineDescription.current()
        let floor = try? timer.measure("/bin/true", [], runs: 1).peakResidentBytes

        let shipped = try ShippedCatalogResult.measureAll(with: timer, plancat: plancat, runs: options.seedCatalogRuns)
        let languageServer = try LanguageServerLatency.measure(runs: options.seedCatalogRuns)
        var commands: [CommandResult] = []
        var stages: [StageTimings] = []
        var floors: [CommandResult] = []
        var missingFloors: [String] = []
        for plans in options.sizes {
            Progress.note("\(Format.grouped(plans)) plans: writing the catalogs and building the deployed catalog.json")
            let workspace = try SyntheticWorkspace.prepare(plans: plans, seed: options.seed, in: workDirectory,
                                                           plancat: plancat)
            for command in TimedCommand.allCases {
                Progress.note("\(Format.grouped(plans)) plans: \(command.name), \(Format.count(options.runs, "run"))")
                let measurement = try timer.measure(plancat, command.arguments(for: workspace), runs: options.runs)
                commands.append(CommandResult(command: command.name, plans: plans,
                                              inputBytes: command.inputBytes(of: workspace), samples: measurement.samples,
                                              peakResidentBytes: measurement.peakResidentBytes))
                Progress.note("  median \(Format.duration(measurement.samples.median)), "
                              + "peak RSS \(Format.megabytes(measurement.peakResidentBytes))")
            }
            for floor in Floor.allCases {
                guard let (program, arguments) = floor.command(for: workspace) else {
                    if !missingFloors.contains(floor.name) { missingFloors.append(floor.name) }
                    continue
                }
                Progress.note("\(Format.grouped(plans)) plans: floor \(floor.name), \(Format.count(options.runs, "run"))")
                let measurement = try timer.measure(program, arguments, runs: options.runs)
                floors.append(CommandResult(command: floor.name, plans: plans, inputBytes: workspace.deployedBytes,
                                            samples: measurement.samples,
                                            peakResidentBytes: measurement.peakResidentBytes))
                Progress.note("  median \(Format.duration(measurement.samples.median))")
            }
            Progress.note("\(Format.grouped(plans)) plans: pipeline stages in process, \(Format.count(options.runs, "run"))")
            stages.append(try StageTimings.measure(workspace, runs: options.runs))
        }
        return BenchmarkResults(machine: machine, plancat: plancat, sizes: options.sizes, runs: options.runs,
                                shippedRuns: options.seedCatalogRuns, residentFloorBytes: floor, commands: commands,
                                shipped: shipped, languageServer: languageServer, stages: stages, floors: floors, missingFloors: missingFloors)
    }

    /// `--work DIR`, created if missing and kept; otherwise a fresh temporary directory, removed at the end.
    private func makeWorkDirectory() throws -> (URL, isTemporary: Bool) {
        if let path = options.workDirectory {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return (url, false)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plancat-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return (url, true)
    }

    /// The running executable's own path, whatever directory or symlink it was started through.
    private static func executablePath() throws -> String {
        guard let url = Bundle.main.executableURL else {
            throw BenchmarkFailure("cannot find plancat-bench's own executable")
        }
        return url.resolvingSymlinksInPath().path
    }
}
