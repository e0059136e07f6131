import Foundation

/// Times whole processes through the launcher (ChildLauncher.swift), which runs them in the work
/// directory so that commands and their messages name files as a user would: `check catalog-1000.plancat`.
struct ProcessTimer {
    /// This executable, started again as the launcher.
    let launcherPath: String
    let workDirectory: URL

    /// What the timed runs of one command gave.
    struct Measurement {
        var samples: Samples
        /// The largest peak RSS of any timed run, in bytes.
        var peakResidentBytes: Int
    }

    /// Runs `program arguments` once untimed and then `runs` times timed; every run must exit with
    /// `expectedStatus`, or the benchmark stops with the command's standard error.
    func measure(_ program: String, _ arguments: [String], expectedStatus: Int32 = 0, runs: Int) throws -> Measurement {
        let errorFile = workDirectory.appendingPathComponent("stderr.txt")
        let launcher = Process()
        launcher.executableURL = URL(fileURLWithPath: launcherPath)
        launcher.arguments = [ChildLauncher.flag, String(expectedStatus), "1", String(runs), errorFile.path, "--",
                              program] + arguments
        launcher.currentDirectoryURL = workDirectory
        let output = Pipe()
        launcher.standardOutput = output
        try launcher.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        launcher.waitUntilExit()

        let lines = text.split(separator: "\n")
        let shown = ([URL(fileURLWithPath: program).lastPathComponent] + arguments).joined(separator: " ")
        if let last = lines.last, last.hasPrefix("unexpected ") {
            let status = last.dropFirst("unexpected ".count)
            let errors = ((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
            throw BenchmarkFailure("`\(shown)` exited with status \(status), expected \(expectedStatus)"
                                   + (errors.isEmpty ? "" : "; its standard error:\n" + errors))
        }
        guard launcher.terminationStatus == 0, lines.count == runs else {
            throw BenchmarkFailure("the launcher of `\(shown)` failed (status \(launcher.terminationStatus)): \(text)")
        }
        var seconds: [Double] = []
        var peakKilobytes = 0
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 3, let nanoseconds = Int64(fields[1]), let kilobytes = Int(fields[2]) else {
                throw BenchmarkFailure("the launcher of `\(shown)` printed an unreadable line: \(line)")
            }
            seconds.append(Double(nanoseconds) / 1e9)
            peakKilobytes = max(peakKilobytes, kilobytes)
        }
        // ru_maxrss is in kilobytes (KiB) on Linux.
        return Measurement(samples: Samples(seconds), peakResidentBytes: peakKilobytes * 1024)
    }
}
