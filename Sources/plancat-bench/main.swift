import Foundation

// The benchmark program (Docs/Performance.md): `.ci/bench` builds it in release and runs it from the
// repository root. Started with ChildLauncher.flag, the same executable is the launcher of the timed
// processes instead (ChildLauncher.swift says why).
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == ChildLauncher.flag {
    exit(ChildLauncher.run(Array(arguments.dropFirst())))
}

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("plancat-bench: \(message)\n".utf8))
    exit(status)
}

do {
    let options = try BenchmarkOptions(arguments: arguments)
    if options.showsHelp {
        print(BenchmarkOptions.usage)
        exit(0)
    }
    let results = try Benchmark(options: options).run()
    let section = PerformanceReport(results: results).markdown
    switch options.output {
    case .standardOutput:
        print(section, terminator: "")
    case .file(let path):
        try ReportFile.write(section: section, to: path)
        Progress.note("wrote \(path)")
    }
} catch let error as BenchmarkOptions.UsageError {
    fail("\(error.message)\n\(BenchmarkOptions.usage)", status: 64)
} catch let failure as BenchmarkFailure {
    fail(failure.message, status: 1)
} catch {
    fail("\(error)", status: 1)
}
