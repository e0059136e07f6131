#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An exclusive advisory lock on a build's output directory, held from before the first file is compared
/// until the last rename and removal are done: two builds into one directory take turns, so that the
/// directory ends as one build or the other left it, never a mix of both.
///
/// Renaming one file after another is atomic per file only. Two builds committing into one directory at
/// once interleave their renames — and each decides which files are unchanged by comparing with what is
/// there while the other replaces it — so without a lock a pair of builds could leave some files of each
/// (a probe saw it in 17 of 350 pairs). The lock is flock(2) on the directory itself, opened as the user
/// named it (a symbolic link to a directory is followed): no lock file is left in a directory that a web
/// server may publish, and the kernel lets go of the lock when its process ends, however it ends, so a
/// build killed with SIGKILL never blocks the next one.
///
/// A second build waits for the first, polling, for at most `defaultWaitLimit`, then gives up with exit 73
/// and the directory as the first build leaves it. Where the file system has no flock (some network file
/// systems answer ENOLCK or EOPNOTSUPP), the build goes on unlocked, as it did before there was a lock.
struct OutputDirectoryLock {
    /// How long a build waits for another one writing the same directory: far longer than writing even
    /// the largest benchmark catalog's files takes, short enough that a stuck CI job says why.
    static let defaultWaitLimit: Duration = .seconds(120)

    /// The open directory the lock is on; -1 when it could not be opened for a lock.
    private let descriptor: Int32

    /// Takes the lock on the absolute `directory`, waiting at most `limit` for another holder to let go.
    /// `shownDirectory` names it in messages.
    init(on directory: String, shownAs shownDirectory: String,
         waitingAtMost limit: Duration) throws(OutputDirectoryWriter.Failure) {
        descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputDirectoryWriter.Failure(
                path: shownDirectory, message: "cannot open `\(shownDirectory)`: \(AtomicFileWriter.reason())")
        }
        let deadline = ContinuousClock.now + limit
        var pause: useconds_t = 1_000
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            switch errno {
            case EINTR:
                continue
            case EWOULDBLOCK:
                guard ContinuousClock.now < deadline else {
                    close(descriptor)
                    throw OutputDirectoryWriter.Failure(
                        path: shownDirectory,
                        message: "cannot write `\(shownDirectory)`: another plancat build is writing into it and "
                            + "did not finish within \(Self.describe(limit)); nothing was written: build again "
                            + "once it is done")
                }
                usleep(pause)
                pause = min(pause * 2, 50_000)
            default:
                // No locks on this file system: build as before there was one.
                return
            }
        }
    }

    /// Lets go of the lock (closing the directory does).
    func release() {
        if descriptor >= 0 { close(descriptor) }
    }

    /// "120 seconds", "0.2 seconds".
    private static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(seconds) second" + (seconds == 1 ? "" : "s") }
        return "\(Double(milliseconds) / 1000) seconds"
    }
}
