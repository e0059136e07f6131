import Foundation

/// The untimed commands of a benchmark: the build that makes the deployed catalog.json, and the few that
/// describe the machine (`swift --version`, `git rev-parse`). None of them is measured, so Foundation's
/// Process is enough.
enum CommandOutput {
    /// Runs a command that must succeed; its standard output is discarded.
    static func require(_ program: String, _ arguments: [String], in directory: URL) throws {
        let result = try run(program, arguments, in: directory)
        guard result.status == 0 else {
            let shown = ([URL(fileURLWithPath: program).lastPathComponent] + arguments).joined(separator: " ")
            throw BenchmarkFailure("`\(shown)` exited with status \(result.status); its standard error:\n"
                                   + result.errors.trimmingCharacters(in: .newlines))
        }
    }

    /// The standard output of a command found on PATH, trimmed; nil when it cannot be run or fails.
    static func text(_ arguments: [String]) -> String? {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let result = try? run("/usr/bin/env", arguments, in: current), result.status == 0 else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func run(_ program: String, _ arguments: [String],
                            in directory: URL) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Standard error goes to a file rather than a second pipe: reading two pipes one after the other
        // can deadlock when the unread one fills.
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("plancat-bench-\(UUID().uuidString).stderr")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw BenchmarkFailure("cannot create \(errorFile.path)")
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer { try? errorHandle.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors)
    }
}
