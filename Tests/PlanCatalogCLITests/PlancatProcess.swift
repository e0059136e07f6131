#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import Testing

/// The `plancat` executable built beside this test bundle, run as a child process with every signal it
/// handles at its default action and unblocked, standard input (unless told otherwise) and output on
/// /dev/null and standard error in a file.
final class PlancatProcess {
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .signaled(let signal): "killed by signal \(signal)"
            }
        }
    }

    let identifier: pid_t
    private var termination: Termination?

    /// What `run` reports: how it ended, its standard error, and how long it took once its handler was in.
    struct Run {
        let termination: Termination
        let standardError: String
        let duration: Duration
    }

    /// The signals a test sends, which the child starts with at their default action, whatever the test
    /// runner does with them.
    static let testedSignals: [Int32] = {
        var signals = [SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2,
                       SIGPIPE, SIGALRM, SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS]
        #if os(Linux)
        signals += [SIGSTKFLT, SIGPWR, SIGPOLL]
        #endif
        return signals
    }()

    /// Where the child's standard output goes: a file opened for writing (`/dev/full`), or a descriptor
    /// of this process (the write end of a pipe whose read end is closed).
    enum StandardOutput {
        case path(String)
        case descriptor(Int32)
    }

    /// `environment` is added to this process's own; `standardInput` is the file the child reads. With a
    /// `directory`, plancat starts there, through `/bin/sh -c 'cd … && exec …'`, so that the process
    /// signalled is still plancat itself.
    init(_ arguments: [String], standardError: String, standardInput: String = "/dev/null",
         environment extra: [String: String] = [:], standardOutput: StandardOutput = .path("/dev/null"),
         directory: String? = nil) throws {
        let executable = try Self.executable()
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, standardInput, O_RDONLY, 0)
        switch standardOutput {
        case .path(let path): posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, path, O_WRONLY, 0)
        case .descriptor(let descriptor): posix_spawn_file_actions_adddup2(&actions, descriptor, STDOUT_FILENO)
        }
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A test runner started in the background ignores SIGINT, and plancat keeps an ignored signal ignored.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        // SIGPIPE is among them, as a shell leaves it, so that a run writing to a closed pipe meets it as it
        // would there.
        for signal in Self.testedSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(truncatingIfNeeded: POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let command = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
            .map { strdup($0.key + "=" + $0.value) } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var identifier: pid_t = 0
        let status = posix_spawn(&identifier, command[0], &actions, &attributes, argv, environment)
        guard status == 0 else {
            throw SpawnFailure(description: "cannot run \(command[0]): \(String(cString: strerror(status)))")
        }
        self.identifier = identifier
    }

    deinit {
        if termination == nil {
            kill(identifier, SIGKILL)
            var status: Int32 = 0
            waitpid(identifier, &status, 0)
        }
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `plancat arguments` to its end.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    standardOutput: StandardOutput = .path("/dev/null")) throws -> Run {
        let process = try PlancatProcess(arguments, standardError: directory + "/stderr.txt", environment: environment,
                                         standardOutput: standardOutput)
        process.waitUntilCatchingInterrupts()
        let start = ContinuousClock.now
        let termination = process.wait()
        let duration = ContinuousClock.now - start
        return Run(termination: termination,
                   standardError: (try? String(contentsOfFile: directory + "/stderr.txt", encoding: .utf8)) ?? "",
                   duration: duration)
    }

    /// Waits until the child catches SIGINT and SIGTERM, which plancat's handler takes last of all its
    /// signals. On Linux it reads the mask of caught signals in /proc; elsewhere it gives the child a
    /// generous moment to start.
    func waitUntilCatchingInterrupts() {
        #if os(Linux)
        let wanted = (UInt64(1) << UInt64(SIGINT - 1)) | (UInt64(1) << UInt64(SIGTERM - 1))
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if poll() != nil { return }
            let status = (try? String(contentsOfFile: "/proc/\(identifier)/status", encoding: .utf8)) ?? ""
            let caught = status.split(separator: "\n").first { $0.hasPrefix("SigCgt:") }
                .flatMap { UInt64($0.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16) }
            if let caught, caught & wanted == wanted { return }
            usleep(200)
        }
        Issue.record("plancat never caught SIGINT and SIGTERM: is InterruptHandler installed by main()?")
        #else
        usleep(100_000)
        #endif
    }

    func send(_ signal: Int32) {
        if termination == nil { kill(identifier, signal) }
    }

    /// How the child ended, if it has; never blocks.
    func poll() -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        guard waitpid(identifier, &status, WNOHANG) == identifier else { return nil }
        termination = Self.termination(status)
        return termination
    }

    /// Waits for the child to end; one that hangs for a minute is killed and reported.
    func wait() -> Termination {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let termination = poll() { return termination }
            usleep(2_000)
        }
        Issue.record("plancat did not end within a minute; killed")
        kill(identifier, SIGKILL)
        while poll() == nil { usleep(10_000) }
        return termination ?? .signaled(SIGKILL)
    }

    private static func termination(_ status: Int32) -> Termination {
        status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
    }

    /// The `plancat` that `swift build` and `swift test` put beside the test bundle: in the directory of
    /// the running test executable on Linux, beside the `.xctest` bundle on macOS.
    private static func executable() throws -> String {
        var directories = [Bundle.main.bundleURL,
                           URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        directories += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }
            .map { $0.bundleURL.deletingLastPathComponent() }
        for directory in directories {
            let path = directory.appendingPathComponent("plancat").path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
        }
        throw SpawnFailure(description: "no `plancat` executable beside the test bundle (looked in "
                           + directories.map(\.path).joined(separator: ", ") + "); run `swift build` first")
    }
}
