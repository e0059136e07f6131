#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import Testing

/// Every signal that would end plancat ends it the same clean way: one line on standard error, never the
/// Swift runtime's pages of backtrace, and a documented exit status (Docs/CLI.md § Exit status).
///
/// - The signals another process sends to stop plancat (SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1…) are
///   interruptions: `plancat: interrupted` and 128 + the signal's number.
/// - The signals of a crash (SIGABRT, SIGSEGV, SIGILL…) are an internal error: the one-line report and 70.
///
/// Each signal goes to a real `plancat check -` whose standard input is a FIFO that the test holds open
/// and never writes, so the child waits, reading, for as long as the test needs; the signal goes once the
/// child has installed its handlers. (Before these were handled, SIGHUP and SIGUSR1 killed the process
/// outright, and SIGQUIT and SIGABRT printed some 70 lines of backtrace and then exited 0.)
@Suite struct TerminatingSignalTests {
    /// What the interrupt handler takes, by name for messages; the real-time signals are checked by one of
    /// them below.
    static let interruptions: [(Int32, String)] = {
        var signals: [(Int32, String)] = [
            (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT"), (SIGQUIT, "SIGQUIT"), (SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"),
            (SIGALRM, "SIGALRM"), (SIGTERM, "SIGTERM"), (SIGXCPU, "SIGXCPU"), (SIGXFSZ, "SIGXFSZ"),
            (SIGVTALRM, "SIGVTALRM"), (SIGPROF, "SIGPROF"), (SIGSYS, "SIGSYS"),
        ]
        #if os(Linux)
        signals += [(SIGSTKFLT, "SIGSTKFLT"), (SIGPWR, "SIGPWR"), (SIGPOLL, "SIGIO")]
        #endif
        return signals
    }()

    static let crashes: [(Int32, String)] = [
        (SIGABRT, "SIGABRT"), (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"), (SIGSEGV, "SIGSEGV"), (SIGBUS, "SIGBUS"),
        (SIGFPE, "SIGFPE"),
    ]

    @Test(arguments: interruptions)
    func aTerminatingSignalInterruptsCleanly(signal: Int32, name: String) throws {
        let (termination, standardError) = try send(signal)
        #expect(termination == .exited(128 + signal), "\(name): \(termination)")
        #expect(standardError == "plancat: interrupted\n", "\(name): standard error was \(standardError)")
    }

    #if os(Linux)
    /// A real-time signal's default action ends a process too: the third one, in the middle of the range.
    @Test func aRealTimeSignalInterruptsCleanly() throws {
        let signal = __libc_current_sigrtmin() + 3
        let (termination, standardError) = try send(signal)
        #expect(termination == .exited(128 + signal))
        #expect(standardError == "plancat: interrupted\n", "standard error was \(standardError)")
    }
    #endif

    @Test(arguments: crashes)
    func aCrashSignalIsOneLineAndExit70(signal: Int32, name: String) throws {
        let (termination, standardError) = try send(signal)
        #expect(termination == .exited(70), "\(name): \(termination)")
        #expect(standardError == "plancat: internal error (signal \(signal)); please report this bug\n",
                "\(name): standard error was \(standardError)")
    }

    /// Runs `plancat check -` on a FIFO nobody writes, sends it `signal` once its handlers are in, and
    /// returns how it ended and what it wrote on standard error.
    private func send(_ signal: Int32) throws -> (PlancatProcess.Termination, String) {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/input"
        try #require(mkfifo(fifo, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
        // Held open for writing (and reading, so that this open does not wait for a reader): the child's
        // read then waits for bytes that never come, rather than seeing the end of the file.
        let writer = open(fifo, O_RDWR | O_CLOEXEC)
        try #require(writer >= 0)
        defer { close(writer) }
        let process = try PlancatProcess(["check", "-"], standardError: directory.path + "/stderr.txt",
                                         standardInput: fifo)
        process.waitUntilCatchingInterrupts()
        // The child may still be on its way to its read; a signal meanwhile must end it the same way.
        usleep(50_000)
        process.send(signal)
        let termination = process.wait()
        let standardError = (try? String(contentsOfFile: directory.path + "/stderr.txt", encoding: .utf8)) ?? ""
        return (termination, standardError)
    }
}
