import Foundation

/// Runs `git` as a child process and collects what it prints.
///
/// `plancat diff --against-ref` is the one place plancat talks to git, and it needs only plumbing
/// commands (`rev-parse`, `ls-tree`, `cat-file`), so a small runner does, rather than a library. Standard
/// input is written and standard error read on their own threads while standard output is read here: a
/// child blocked writing one pipe while the parent waits on another would otherwise hang both.
struct GitProcess {
    /// The directory git runs in, which decides the repository.
    let directory: String
    let environment: [String: String]

    /// What one git command did.
    struct Result {
        let status: Int32
        let output: Data
        let errorText: String

        var succeeded: Bool { status == 0 }
        /// Standard output as text without its trailing newline: a path, a commit id.
        var outputLine: String {
            var text = String(decoding: output, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// Why git could not be run at all (as opposed to git running and failing).
    struct LaunchError: Error {
        let message: String
    }

    /// Runs `git ARGUMENTS` with `input` on its standard input, and waits for it.
    func run(_ arguments: [String], input: Data? = nil) throws(LaunchError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var childEnvironment = environment
        // Plumbing output must not depend on the user's pager, language or prompts.
        childEnvironment["GIT_PAGER"] = "cat"
        childEnvironment["GIT_TERMINAL_PROMPT"] = "0"
        childEnvironment["LC_ALL"] = "C"
        // `env` finds git on PATH; an environment without one gets the usual places.
        if (childEnvironment["PATH"] ?? "").isEmpty { childEnvironment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        process.environment = childEnvironment

        let inputPipe = Pipe()
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        do {
            try process.run()
        } catch {
            throw LaunchError(message: "cannot run git: \(error.localizedDescription)")
        }

        let group = DispatchGroup()
        let writer = inputPipe.fileHandleForWriting
        let payload = input ?? Data()
        DispatchQueue.global().async(group: group) {
            if !payload.isEmpty { try? writer.write(contentsOf: payload) }
            try? writer.close()
        }
        let errorReader = errorPipe.fileHandleForReading
        let errorData = CollectedData()
        DispatchQueue.global().async(group: group) {
            errorData.value = (try? errorReader.readToEnd()) ?? Data()
        }
        let output = (try? outputPipe.fileHandleForReading.readToEnd()) ?? Data()
        group.wait()
        process.waitUntilExit()
        if process.terminationReason == .exit, process.terminationStatus == 127 {
            throw LaunchError(message: "cannot run git: it is not installed or not on PATH")
        }
        return Result(status: process.terminationStatus, output: output,
                      errorText: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Bytes filled in by one thread and read by another once a `DispatchGroup` says it is done; the group's
/// wait is the synchronisation, hence `@unchecked`.
private final class CollectedData: @unchecked Sendable {
    var value = Data()
}
