#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog

/// Runs `git` as a child process and collects what it prints.
///
/// `plancat diff --against-ref` is the one place plancat talks to git, and it needs only plumbing
/// commands (`rev-parse`, `ls-tree`, `cat-file`), so a small runner does, rather than a library. Standard
/// input is written and standard output and error read on their own threads while this thread waits: a
/// child blocked writing one pipe while the parent waits on another would otherwise hang both.
///
/// The repository is input, like a catalog: anyone who can push to it, or hand over a clone, writes its
/// configuration. So git is run so that nothing configured there can run a program or reach the network
/// (`hardeningOptions`, `hardenedEnvironment`; Docs/Robustness.md § `diff --against-ref`): a partial
/// clone's missing object is an error, never a fetch through a configured `core.sshCommand`.
///
/// Git runs with SIGINT and SIGTERM (every signal `InterruptHandler` handles) deferred on this thread, and
/// the wait polls for one of them pending: then git is killed, with anything it started, before the
/// signal is let through and the handler ends plancat. Nothing outlives an interrupted `diff`.
struct GitProcess {
    /// The directory git runs in, which decides the repository.
    let directory: String
    let environment: [String: String]
    /// Whether to stop waiting and kill git; checked every few milliseconds. By default: a signal that
    /// ends plancat is pending. Tests pass their own.
    var shouldStop: @Sendable () -> Bool = { GitProcess.isInterruptPending() }

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

    /// `-c` options given before every command. Each turns off a way the repository's configuration could
    /// make git run a program or fetch:
    /// - `protocol.allow=never`: no transport (ssh, https, file), so a partial clone's lazy fetch of a
    ///   missing object fails at once instead of running `core.sshCommand` or a credential helper. A
    ///   repository's own `protocol.<name>.allow=always` would win over it (an `ext::` remote runs any
    ///   command), so `GIT_ALLOW_PROTOCOL` is set empty too, which overrides every such setting;
    ///   `core.sshCommand`, `core.askPass` and `credential.helper` are emptied as well;
    /// - `core.fsmonitor=false`, `core.hooksPath=/dev/null`: no file-system monitor or hook program;
    /// - `core.pager=cat` with `--no-pager`: no pager.
    static let hardeningOptions = [
        "--no-pager",
        "-c", "protocol.allow=never",
        "-c", "core.sshCommand=",
        "-c", "core.askPass=",
        "-c", "credential.helper=",
        "-c", "core.fsmonitor=false",
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.pager=cat",
    ]

    /// The environment git runs with: the caller's, with every variable that could start a program or a
    /// fetch overridden. `GIT_NO_LAZY_FETCH` (git 2.44 and later) refuses a partial clone's lazy fetch;
    /// older versions are stopped by the empty `GIT_ALLOW_PROTOCOL`: no protocol is allowed, whatever
    /// the configuration says.
    static func hardenedEnvironment(_ environment: [String: String]) -> [String: String] {
        var child = environment
        child["GIT_ALLOW_PROTOCOL"] = ""
        child["GIT_NO_LAZY_FETCH"] = "1"
        child["GIT_TERMINAL_PROMPT"] = "0"
        child["GIT_PAGER"] = "cat"
        child["PAGER"] = "cat"
        child["GIT_ASKPASS"] = ""
        child["SSH_ASKPASS"] = ""
        child["GIT_SSH_COMMAND"] = ""
        child["GIT_SSH"] = ""
        child["GIT_EXTERNAL_DIFF"] = nil
        child["GIT_PROTOCOL_FROM_USER"] = "0"
        child["GIT_OPTIONAL_LOCKS"] = "0"
        // Plumbing output must not depend on the user's language.
        child["LC_ALL"] = "C"
        // `env` finds git on PATH; an environment without one gets the usual places.
        if (child["PATH"] ?? "").isEmpty { child["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        return child
    }

    /// Runs `git ARGUMENTS` with `input` on its standard input, and waits for it (or kills it, when
    /// `shouldStop` says so: the result is then a failure).
    func run(_ arguments: [String], input: Data? = nil) throws(LaunchError) -> Result {
        try InterruptHandler.deferringInterrupts { () throws(LaunchError) -> Result in
            try runWithInterruptsDeferred(arguments, input: input)
        }
    }

    private func runWithInterruptsDeferred(_ arguments: [String], input: Data?) throws(LaunchError) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + Self.hardeningOptions + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = Self.hardenedEnvironment(environment)

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

        let writer = inputPipe.fileHandleForWriting
        let payload = input ?? Data()
        let writing = Parallel.start {
            if !payload.isEmpty { try? writer.write(contentsOf: payload) }
            try? writer.close()
        }
        let errorReader = errorPipe.fileHandleForReading
        let errorReading = Parallel.start { (try? errorReader.readToEnd()) ?? Data() }
        let outputReader = outputPipe.fileHandleForReading
        let outputReading = Parallel.start { (try? outputReader.readToEnd()) ?? Data() }
        var wasStopped = false
        while !(writing.isDone(waitingAtMost: 20) && errorReading.isDone(waitingAtMost: 20)
                && outputReading.isDone(waitingAtMost: 20)) {
            if !wasStopped, shouldStop() {
                wasStopped = true
                Self.terminate(process.processIdentifier)
            }
        }
        process.waitUntilExit()
        if wasStopped {
            return Result(status: -1, output: Data(), errorText: "git was stopped: plancat is interrupted")
        }
        if process.terminationReason == .exit, process.terminationStatus == 127 {
            throw LaunchError(message: "cannot run git: it is not installed or not on PATH")
        }
        return Result(status: process.terminationStatus, output: outputReading.value,
                      errorText: String(decoding: errorReading.value, as: UTF8.self))
    }

    /// Kills git, and its process group when it leads one (a program git started stays in git's group).
    private static func terminate(_ identifier: Int32) {
        guard identifier > 0 else { return }
        _ = killpg(identifier, SIGKILL)
        _ = kill(identifier, SIGKILL)
    }

    /// Whether a signal `InterruptHandler` handles is pending (it is blocked while git runs) and is not
    /// ignored: one that is ignored would be dropped when unblocked, and must not stop git.
    static func isInterruptPending() -> Bool {
        var pending = sigset_t()
        sigemptyset(&pending)
        guard sigpending(&pending) == 0 else { return false }
        for signal in InterruptHandler.signals where sigismember(&pending, signal) == 1 {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0 else { return true }
            if unsafeBitCast(signalHandler(of: current), to: Int.self) != 1 { return true }
        }
        return false
    }
}
