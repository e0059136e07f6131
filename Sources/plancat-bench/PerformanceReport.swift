/// The section of Docs/Performance.md that the benchmark writes, between its markers: the machine, the
/// targets, then every measurement in tables. Markdown, so that it reads well both rendered and as text.
struct PerformanceReport {
    let results: BenchmarkResults

    var markdown: String {
        [note, machine, targets, commands, floors, growth, shipped, languageServer, stages].joined(separator: "\n")
    }

    private var note: String {
        "<!-- Written by plancat-bench (Sources/plancat-bench): run `.ci/bench` rather than editing it. -->\n"
    }

    private var machine: String {
        let machine = results.machine
        let sizes = results.sizes.map(Format.grouped).joined(separator: ", ")
        var rows = [
            ["Date", machine.date],
            ["plancat commit", machine.commit],
            ["plancat executable", "`\(results.plancat)`"],
            ["Processor", "\(machine.processor), \(machine.cores) cores"],
            ["Memory", machine.memory],
            ["Kernel", machine.kernel],
            ["Swift", machine.swift],
            ["Catalog sizes", "\(sizes) plans"],
            ["Runs", "\(results.runs) timed runs after 1 warm-up; shipped catalogs \(results.shippedRuns)"],
        ]
        if let floor = results.residentFloorBytes {
            rows.append(["Peak RSS floor", "\(Format.megabytes(floor)) (`/bin/true` through the launcher)"])
        }
        return "### Machine\n\n" + rows.map { "- \($0[0]): \($0[1])\n" }.joined()
    }

    private var targets: String {
        let rows = results.targetChecks.map { [$0.target, $0.goal, $0.measured, $0.result] }
        return "### Targets\n\n" + Self.table(["Target", "Goal", "Measured", "Result"], rows, rightAligned: [2])
    }

    private var commands: String {
        let rows = results.commands.map { result in
            [Format.grouped(result.plans), "`\(result.command)`", Format.megabytes(result.inputBytes),
             Format.duration(result.samples.median), Format.duration(result.samples.minimum), result.throughput,
             Format.megabytes(result.peakResidentBytes), Format.fixed(result.memoryRatio, digits: 2)]
        }
        return """
            ### Whole commands

            Each command as a process, from spawn to exit; input is the source (for `diff` the repriced \
            source, for `import` catalog.json); MB/s is input ÷ median; peak RSS is the largest of the runs.


            """ + Self.table(["Plans", "Command", "Input", "Median", "Min", "MB/s", "Peak RSS", "RSS ÷ input"],
                             rows, rightAligned: [0, 2, 3, 4, 5, 6, 7])
    }

    private var floors: String {
        let rows = results.floors.map { floor -> [String] in
            let check = results.result("check", plans: floor.plans)
            return [Format.grouped(floor.plans), "`\(floor.command)`", Format.megabytes(floor.inputBytes),
                    Format.duration(floor.samples.median), floor.throughput, Format.megabytes(floor.peakResidentBytes),
                    check.map { Format.fixed($0.samples.median / floor.samples.median, digits: 2) } ?? "—"]
        }
        let missing = results.missingFloors.isEmpty ? ""
            : "\nNot installed here, so not timed: " + results.missingFloors.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
        return """
            ### Floors

            General JSON readers on each size's own catalog.json (the build of the catalog `check` reads), \
            timed in the same run as whole processes: what any program spends to read as much. \
            `check` ÷ floor is plancat's median over the reader's; below 1, `check` compiles the catalog \
            faster than the reader reads its JSON.


            """ + Self.table(["Plans", "Reader", "catalog.json", "Median", "MB/s", "Peak RSS", "`check` ÷ floor"],
                             rows, rightAligned: [0, 2, 3, 4, 5, 6]) + missing
    }

    private var growth: String {
        let pairs = results.tenfoldPairs
        guard !pairs.isEmpty else { return "### Growth\n\nNo two sizes ten times apart were run.\n" }
        let header = ["Command"] + pairs.map { "\(Format.short($0.large)) ÷ \(Format.short($0.small))" }
        let rows = TimedCommand.allCases.map { command in
            ["`\(command.name)`"] + pairs.map { pair in
                results.growth(command.name, from: pair.small, to: pair.large).map { Format.fixed($0, digits: 2) } ?? "—"
            }
        }
        return """
            ### Growth

            Median time at ten times the plans ÷ median time at the smaller size: 10 is linear.


            """ + Self.table(header, rows, rightAligned: Array(1...pairs.count))
    }

    private var shipped: String {
        let rows = results.shipped.map { catalog in
            [catalog.path] + [catalog.check, catalog.build].flatMap { samples in
                samples.map { [Format.milliseconds($0.median), Format.milliseconds($0.minimum)] } ?? ["not found", "—"]
            }
        }
        return """
            ### Shipped catalogs

            Whole processes, from spawn to exit: what a user waits for on a catalog of everyday size.


            """ + Self.table(["Catalog", "`check` median", "min", "`build` median", "min"], rows,
                             rightAligned: [1, 2, 3, 4])
    }

    private var languageServer: String {
        guard let latency = results.languageServer else { return "" }
        let rows = latency.methods.map { ["`\($0.name)`", Format.duration($0.samples.median), Format.duration($0.samples.minimum)] }
        return """
            ### Language server

            `plancat lsp` in process on \(LanguageServerLatency.catalogPath), each method timed from its message \
            to its answer, right after a change of the document (`didChange`: the check and every file's \
            diagnostics published).


            """ + Self.table(["Method", "Median", "Min"], rows, rightAligned: [1, 2])
    }

    private var stages: String {
        var rows: [[String]] = []
        for timings in results.stages {
            for stage in timings.stages {
                let throughput = stage.readsSource
                    ? Format.throughput(bytes: timings.sourceBytes, seconds: stage.samples.median) : "—"
                rows.append([Format.grouped(timings.plans), stage.name, Format.duration(stage.samples.median),
                             Format.duration(stage.samples.minimum), throughput])
            }
        }
        return """
            ### Pipeline stages

            In process, through `CompilerStages`: read is the file into a `SourceFile`, parse includes its \
            lexing, lower takes the parsed tree, validate the lowered model, emit the model to every output's \
            bytes (nothing written).


            """ + Self.table(["Plans", "Stage", "Median", "Min", "MB/s"], rows, rightAligned: [0, 2, 3, 4])
    }

    /// A Markdown table; columns in `rightAligned` are numbers.
    private static func table(_ header: [String], _ rows: [[String]], rightAligned: [Int]) -> String {
        let rule = header.indices.map { rightAligned.contains($0) ? "---:" : "---" }
        return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    }
}
