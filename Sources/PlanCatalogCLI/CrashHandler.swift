#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Turns a crash into the one-line report and exit status 70 of CLI.md.
///
/// Swift traps (a failed precondition, an index out of range) cannot be caught: they raise SIGILL or
/// SIGTRAP, and memory faults SIGSEGV or SIGBUS; `abort()` in C code raises SIGABRT, and an arithmetic
/// fault SIGFPE. A handler for those six writes `plancat: internal error (signal N); please report this
/// bug` and exits 70, instead of a stack trace that means nothing to a user. The handler does only what is
/// safe in a signal handler — `write(2)` of static text and `_exit(2)` — and runs on an alternate stack,
/// so that a stack overflow is reported too.
///
/// These are also the signals the Swift runtime's backtracer catches on Linux (with SIGQUIT, which
/// `InterruptHandler` takes): it prints pages of stack for each and, for SIGQUIT and SIGABRT sent by
/// `kill`, lets the process go on and exit 0. It reads `SWIFT_BACKTRACE` when the runtime starts, before
/// any of plancat's code runs, so it cannot be turned off from here; installing these handlers replaces
/// its own, which is as good: it never runs.
///
/// It is installed by `PlanCatalogCLI.main()` only, never by `run`, so tests keep their own crash
/// reporting; and it is compiled out when fuzzing (`-D FUZZING`), where the fuzzer must see the crash.
enum CrashHandler {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGSEGV, SIGBUS]

    static func install() {
        #if !FUZZING
        let stackSize = 64 * 1024
        var alternateStack = stack_t()
        alternateStack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: stackSize, alignment: 16)
        alternateStack.ss_size = stackSize
        alternateStack.ss_flags = 0
        // Never freed: the stack serves the process until it ends.
        sigaltstack(&alternateStack, nil)

        for signal in signals {
            var action = signalAction(calling: reportCrash)
            action.sa_flags = .init(truncatingIfNeeded: SA_ONSTACK) | .init(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signal, &action, nil)
        }
        #endif
    }
}

#if !FUZZING
/// The signal handler: static text and the signal's number, written without allocating, then `_exit(70)`.
private func reportCrash(_ signal: Int32) {
    let prefix: StaticString = "plancat: internal error (signal "
    let suffix: StaticString = "); please report this bug\n"
    _ = write(STDERR_FILENO, prefix.utf8Start, prefix.utf8CodeUnitCount)
    var digits: (UInt8, UInt8, UInt8) = (0, 0, 0)
    let value = Int(signal)
    let count = value >= 100 ? 3 : (value >= 10 ? 2 : 1)
    withUnsafeMutableBytes(of: &digits) { buffer in
        var remaining = value
        for index in stride(from: count - 1, through: 0, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        _ = write(STDERR_FILENO, buffer.baseAddress, count)
    }
    _ = write(STDERR_FILENO, suffix.utf8Start, suffix.utf8CodeUnitCount)
    _exit(70) // ExitStatus.internalError, written as a literal: nothing lazily initialised in a handler
}
#endif
