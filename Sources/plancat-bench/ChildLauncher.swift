#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The launcher every timed command runs through: `plancat-bench --measure-child …` is started once per
/// command and size, spawns the command `warm-ups + runs` times, and prints one line per timed run:
/// `STATUS NANOSECONDS MAXRSS_KB`.
///
/// Why a separate process: on Linux a child's `ru_maxrss` is at least the peak RSS of the process that
/// spawned it — exec records the high-water mark of the address space it replaces, which for posix_spawn
/// (vfork) is the parent's own, and for fork a copy of it. The benchmark holds a 50 MB catalog and a
/// whole pipeline's data in memory, so `plancat check`'s peak RSS measured from it would be the
/// benchmark's. This launcher is a fresh process that allocates next to nothing, so the floor it leaves
/// is small, and the benchmark reports it (`/bin/true` run through it) beside the results.
///
/// It uses no Foundation, so that it stays small, and it times from just before the spawn to just after
/// wait4 returns: the whole life of the process, start-up and exit included.
enum ChildLauncher {
    static let flag = "--measure-child"

    /// `ARGUMENTS`: `EXPECTED_STATUS WARMUPS RUNS STDERR_FILE -- PROGRAM [ARGUMENT…]`. Returns the exit
    /// status: 0 when every run exited with the expected status; 1 after the first that did not, which is
    /// then the last line (`unexpected STATUS`), its standard error left in STDERR_FILE.
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 6, arguments[4] == "--",
              let expected = Int32(arguments[0]), let warmups = Int(arguments[1]), let runs = Int(arguments[2]) else {
            writeError("plancat-bench: \(flag) EXPECTED_STATUS WARMUPS RUNS STDERR_FILE -- PROGRAM [ARGUMENT…]\n")
            return 64
        }
        let errorPath = arguments[3]
        let command = Array(arguments[5...])
        for index in 0..<(warmups + runs) {
            guard let run = spawnAndWait(command, errorPath: errorPath) else {
                print("unexpected spawn-failed")
                return 1
            }
            guard run.status == expected else {
                print("unexpected \(run.status)")
                return 1
            }
            if index >= warmups { print("\(run.status) \(run.nanoseconds) \(run.maximumResidentKilobytes)") }
        }
        return 0
    }

    private struct Run {
        /// The exit status, or 128 + the signal for a process a signal ended, as a shell shows it.
        var status: Int32
        var nanoseconds: Int64
        var maximumResidentKilobytes: Int
    }

    /// Spawns the command with standard output to /dev/null and standard error to `errorPath`, and waits.
    private static func spawnAndWait(_ command: [String], errorPath: String) -> Run? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let clock = ContinuousClock()
        let start = clock.now
        guard posix_spawn(&pid, command[0], &actions, nil, argv, environ) == 0 else { return nil }
        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) == -1 {
            guard errno == EINTR else { return nil }
        }
        let elapsed = clock.now - start
        let (seconds, attoseconds) = elapsed.components
        // The wait status macros do not reach Swift: the low 7 bits are the signal, 0 when it exited.
        let signal = waitStatus & 0x7f
        let status = signal == 0 ? (waitStatus >> 8) & 0xff : 128 + signal
        return Run(status: status, nanoseconds: seconds * 1_000_000_000 + attoseconds / 1_000_000_000,
                   maximumResidentKilobytes: Int(usage.ru_maxrss))
    }

    private static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
