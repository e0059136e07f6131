#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Turns every signal that would end plancat and can be caught — Ctrl-C (SIGINT), `kill` (SIGTERM), a
/// closed terminal (SIGHUP), Ctrl-\ (SIGQUIT), SIGUSR1, SIGALRM and the rest of `signals` — into a clean
/// stop: no temporary file left behind, no build half committed, and exit status 128 + the signal's number
/// (130, 143, 129, 131…), as shells report it (CLI.md).
///
/// A write in progress keeps its new bytes in temporary dot-files until it renames them into place
/// (`AtomicFileWriter`). The default action of these signals ends the process on the spot, leaving those
/// files behind, or ending a build between two of its renames with a mix of old and new files. So:
///
/// - every temporary file, and every directory a build creates, is registered here while it exists, and
///   the handler removes what is registered, writes `plancat: interrupted` and exits;
/// - the parts that must not be cut in two — a build's renames and removals, and creating a temporary
///   file together with registering it — run with every one of these signals blocked
///   (`deferringInterrupts`); a signal that arrives meanwhile waits, and is handled as soon as they are
///   done.
///
/// SIGPIPE is not one of them: writing to a closed standard output is an error to report (exit 74), not
/// an interruption, so it is left to whoever decides what a broken pipe means — ignored, a write then
/// fails with EPIPE. SIGKILL and SIGSTOP cannot be caught; the crash signals (SIGSEGV, SIGABRT…) are
/// `CrashHandler`'s.
///
/// A signal handler may only call async-signal-safe functions: no allocation, no lock, nothing lazily
/// initialised. So the registry is C storage that the handler reads without a lock — strdup'ed paths in
/// a table allocated before the handler is armed — and the writers change it only with the signals
/// blocked, so the handler never sees an entry half written. The handler runs on the main thread only:
/// every other thread plancat starts — all of them by `Parallel` — starts with the signals blocked and
/// keeps them so, so blocking them on the main thread blocks them for the process. (A mutex still guards the table between threads: tests run commands in
/// process, several at a time, with no handler installed.)
///
/// A child process is not registered here: `GitProcess`, the one child plancat starts, runs git with these
/// signals blocked, watches for one pending, kills git and its process group itself, and only then lets
/// the signal through to this handler.
///
/// Like `CrashHandler`, it is installed by `PlanCatalogCLI.main()` only, never by `run`, and compiled out
/// when fuzzing, where libFuzzer handles SIGINT itself. A signal that was ignored when plancat started
/// stays ignored — a background job of a non-interactive shell ignores SIGINT, so that Ctrl-C stops only
/// the foreground; `nohup` ignores SIGHUP — as every Unix tool that catches signals does.
enum InterruptHandler {
    /// Every signal whose default action ends the process and that plancat can catch, but for SIGPIPE
    /// (see above) and the crash signals of `CrashHandler`; SIGINT and SIGTERM last, so that a test that
    /// sees those two caught knows every one is. On Linux, the real-time signals too: their default
    /// action also ends the process.
    static let signals: [Int32] = {
        var signals: [Int32] = [SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
                                SIGSYS]
        #if os(Linux)
        signals += [SIGSTKFLT, SIGPWR, SIGPOLL]
        #endif
        #if canImport(Glibc)
        signals += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        #endif
        return signals + [SIGINT, SIGTERM]
    }()

    /// `signals` as a set for sigprocmask(2), made once.
    private static let signalSet: sigset_t = {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }()

    /// Arms the handler for each signal that is not ignored. The registry is allocated first, so that
    /// the handler finds everything it reads already initialised.
    static func install() {
        #if !FUZZING
        _ = deferringInterrupts { withLockedRegistry { reserveSlot() } }
        for signal in signals {
            var current = sigaction()
            guard sigaction(signal, nil, &current) == 0, !isIgnored(current) else { continue }
            var action = signalAction(calling: removeLeftoversAndExit)
            // One signal at a time: a SIGTERM during the SIGINT handler waits for an exit that never comes.
            action.sa_mask = signalSet
            sigaction(signal, &action, nil)
        }
        #endif
    }

    /// Runs `body` with every one of `signals` blocked, then restores the previous mask, which delivers a
    /// signal that arrived meanwhile: the process then stops after `body`, never inside it. Nests.
    static func deferringInterrupts<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var interrupts = signalSet
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupts, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    // MARK: Registry

    /// Something the handler removes or stops, until `unregister` says it is no longer a leftover.
    struct Registration: Sendable {
        fileprivate let slot: Int
    }

    /// Registers a temporary file, which the handler unlinks. Call it with interrupts deferred, together
    /// with creating the file, so that no signal can fall between the two.
    static func register(temporaryFile path: String) -> Registration {
        register(Leftover(path: strdup(path), kind: .file))
    }

    /// Registers a directory the current run created, which the handler removes after the temporary files
    /// if it is then empty (a directory that already holds a committed file stays). A temporary tree is
    /// removed whole by registering each directory and each file in it as it is made: the handler removes
    /// the files first, then the directories, children before parents. (It cannot list a directory: no
    /// way of reading one is async-signal-safe.)
    static func register(createdDirectory path: String) -> Registration {
        register(Leftover(path: strdup(path), kind: .directory))
    }

    /// Forgets a registration: the file was renamed or removed, the directory now holds the build.
    static func unregister(_ registration: Registration) {
        deferringInterrupts {
            withLockedRegistry {
                guard let table = leftovers, registration.slot < leftoverCapacity else { return }
                let path = table[registration.slot].path
                table[registration.slot] = Leftover(path: nil, kind: .free)
                free(path)
            }
        }
    }

    private static func register(_ leftover: Leftover) -> Registration {
        deferringInterrupts {
            withLockedRegistry {
                let slot = reserveSlot()
                leftovers?[slot] = leftover
                return Registration(slot: slot)
            }
        }
    }

    /// The index of a free entry, growing the table when every entry is taken (a build registers one
    /// temporary file per pricing table, so there is no fixed bound). The old table is never freed: the
    /// handler may have read its address on another thread. Call it with the lock held and interrupts
    /// deferred.
    @discardableResult
    private static func reserveSlot() -> Int {
        if let table = leftovers {
            var slot = 0
            while slot < leftoverCapacity {
                if table[slot].kind == .free { return slot }
                slot += 1
            }
        }
        let oldCapacity = leftoverCapacity
        let newCapacity = max(16, oldCapacity * 2)
        let table = UnsafeMutablePointer<Leftover>.allocate(capacity: newCapacity)
        table.initialize(repeating: Leftover(path: nil, kind: .free), count: newCapacity)
        if let old = leftovers { table.update(from: old, count: oldCapacity) }
        // The address first, then the larger count: a reader never indexes past the table it holds.
        leftovers = table
        leftoverCapacity = newCapacity
        return oldCapacity
    }

    private static func withLockedRegistry<Result>(_ body: () -> Result) -> Result {
        pthread_mutex_lock(registryLock)
        defer { pthread_mutex_unlock(registryLock) }
        return body()
    }

    /// Whether `action` ignores its signal (SIG_IGN is the handler address 1 on every platform we build for).
    private static func isIgnored(_ action: sigaction) -> Bool {
        unsafeBitCast(signalHandler(of: action), to: Int.self) == 1
    }
}

/// One thing the handler removes or stops: a strdup'ed absolute path, unlinked, or for a directory removed
/// with rmdir(2).
private struct Leftover {
    enum Kind: UInt8 {
        /// An entry not in use.
        case free
        case file
        case directory
    }

    var path: UnsafeMutablePointer<CChar>?
    var kind: Kind
}

/// The registry the handler reads: `leftoverCapacity` entries at `leftovers`. Changed only under
/// `registryLock` with interrupts blocked.
nonisolated(unsafe) private var leftovers: UnsafeMutablePointer<Leftover>?
nonisolated(unsafe) private var leftoverCapacity = 0

/// Serialises changes to the registry between threads; the handler never takes it.
nonisolated(unsafe) private let registryLock: UnsafeMutablePointer<pthread_mutex_t> = {
    let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    lock.initialize(to: pthread_mutex_t())
    pthread_mutex_init(lock, nil)
    return lock
}()

#if !FUZZING
/// The signal handler: unlinks every registered temporary file, removes the
/// registered directories that are then empty (children before parents, whatever their order in the
/// table: a pass that removes none ends), writes static text and exits 128 + `signal`. Only
/// async-signal-safe calls — unlink(2), rmdir(2), write(2), _exit(2) — and plain loops over the
/// table, nothing generic that could allocate.
private func removeLeftoversAndExit(_ signal: Int32) {
    if let table = leftovers {
        let capacity = leftoverCapacity
        var slot = 0
        while slot < capacity {
            if table[slot].kind == .file, let path = table[slot].path { unlink(path) }
            slot += 1
        }
        var hasRemovedDirectory = true
        while hasRemovedDirectory {
            hasRemovedDirectory = false
            slot = 0
            while slot < capacity {
                if table[slot].kind == .directory, let path = table[slot].path, rmdir(path) == 0 {
                    table[slot].kind = .free // the process ends here; nothing to free
                    hasRemovedDirectory = true
                }
                slot += 1
            }
        }
    }
    let message: StaticString = "plancat: interrupted\n"
    _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
    _exit(128 + signal)
}
#endif
