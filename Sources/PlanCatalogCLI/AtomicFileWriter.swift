#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PlanCatalog

/// The one way the CLI puts bytes into a file a reader may be watching: `plancat build`
/// (`OutputDirectoryWriter`, many files at once), `plancat fmt` and `plancat import -o` (one file each).
///
/// An editor, a language server, a deploy step or `git` may read the file at any moment, and the write may
/// fail half way (a full disk, Ctrl-C). So the new bytes go first, completely and synced, to a temporary
/// dot-file beside the file — `.NAME.plancat-<pid>-<random>.tmp` (Docs/CLI.md § Atomicity), in the same
/// directory so that the rename stays on one file system, dot-prefixed so that globs and catalog discovery
/// skip it — and are then renamed over the file: a reader sees the old bytes or the new ones, never half
/// of either. A failure removes the temporary file and leaves the file exactly as it was; so does SIGINT,
/// SIGTERM or any other terminating signal, because every temporary file is registered with
/// `InterruptHandler` from the moment it is created until it is renamed or removed.
///
/// `replace` keeps an existing file's permission bits and follows a symbolic link to a regular file,
/// replacing its target so that the link stays a link. (Ownership, extended attributes and hard links to
/// the old file are not carried over: the file is a new inode, as with every editor that saves atomically.)
/// It replaces only a regular file, or creates one where there is nothing: a rename over a device node, a
/// FIFO or a socket would swap the node for a plain file — run as root, `-o /dev/null` would replace
/// /dev/null for the whole machine — so anything else at the path, or at the end of its links, is refused,
/// and so is a link that leads nowhere (`Target`).
enum AtomicFileWriter {
    /// Why a file could not be written: one line naming it, as the user would, and the system's reason.
    struct Failure: Error, Equatable, Sendable {
        /// "cannot write `pro.plancat`: Permission denied".
        let message: String
    }

    /// Replaces the regular file at the absolute `path` (shown in messages as `shownPath`) with `bytes`,
    /// or creates it when there is none. A new file gets the usual mode (0666 less the umask), as `>`
    /// would give it. Anything but a regular file at `path` is refused (`Target`), and checked again just
    /// before the rename, so that only a change made in that instant could slip through.
    static func replace(_ path: String, with bytes: [UInt8], shownAs shownPath: String) throws(Failure) {
        let target = resolved(path)
        let permissions = try Target(at: target, shownAs: shownPath).permissions
        let temporary = try writeTemporaryFile(bytes, beside: target, permissions: permissions, shownAs: shownPath)
        do throws(Failure) {
            _ = try Target(at: target, shownAs: shownPath)
        } catch {
            temporary.discard()
            throw error
        }
        guard temporary.renameOver(target) else {
            let failure = Failure(message: "cannot replace `\(shownPath)`: \(reason())")
            temporary.discard()
            throw failure
        }
    }

    /// What a write may replace: a regular file (whose permission bits the new one keeps), or nothing.
    struct Target {
        /// The permission bits of the regular file there; nil when there is none.
        let permissions: mode_t?

        /// Looks at `path`, whose symbolic links are already resolved (a link still there leads
        /// nowhere), without following a link.
        init(at path: String, shownAs shownPath: String) throws(Failure) {
            var information = stat()
            guard lstat(path, &information) == 0 else {
                guard errno == ENOENT else { throw Failure(message: "cannot write `\(shownPath)`: \(reason())") }
                permissions = nil
                return
            }
            guard var kind = Self.refusedKind(information.st_mode) else {
                permissions = information.st_mode & 0o7777
                return
            }
            // Links are resolved before: one still here leads nowhere (or round in a loop).
            if kind == "a symbolic link" { kind += " that leads nowhere" }
            throw Failure(message: "cannot write `\(shownPath)`: it is \(kind), not a regular file; "
                          + "plancat replaces only regular files")
        }

        /// How a message names what is at a path when it is not a regular file: "a FIFO"; nil for a
        /// regular file.
        static func refusedKind(_ mode: mode_t) -> String? {
            mode & S_IFMT == S_IFREG ? nil : FileKind.name(ofMode: mode)
        }
    }

    /// A temporary file that holds the new bytes, complete and synced, until it is renamed over its final
    /// name or discarded. Until then an interrupt removes it (`InterruptHandler`); each of the two ends
    /// unregisters it, so the handler never removes a path that has become the real file's.
    struct TemporaryFile {
        /// The absolute path of the dot-file: `/work/build/.catalog.json.plancat-4242-k3x9.tmp`.
        let path: String
        fileprivate let registration: InterruptHandler.Registration

        /// Renames the file over the absolute path `final`. On failure it returns false, leaves `errno`
        /// as rename(2) set it (for `reason()`) and the temporary file in place, for `discard()`.
        func renameOver(_ final: String) -> Bool {
            guard rename(path, final) == 0 else { return false }
            InterruptHandler.unregister(registration)
            return true
        }

        /// Removes the file: the write it was for failed or was given up.
        func discard() {
            unlink(path)
            InterruptHandler.unregister(registration)
        }
    }

    /// Writes `bytes` to a new temporary file beside the absolute path `final`, syncs and closes it, and
    /// returns it; the caller renames it over `final` (or discards it). Syncing before the rename is what
    /// keeps a crash just after it from leaving an empty file under the final name.
    ///
    /// `permissions` are set exactly (the mode given to open(2) is reduced by the umask, the file's own is
    /// not); without them the file gets 0666 less the umask, like any new file. On failure nothing is left
    /// behind.
    static func writeTemporaryFile(_ bytes: [UInt8], beside final: String, permissions: mode_t? = nil,
                                   shownAs shownPath: String) throws(Failure) -> TemporaryFile {
        let file = try OpenTemporaryFile(beside: final, permissions: permissions, shownAs: shownPath)
        do throws(Failure) {
            try file.write(bytes)
        } catch {
            file.abandon()
            throw error
        }
        return try file.finish()
    }

    /// A temporary file still being written, for bytes that come in chunks (`plancat build` streams files
    /// of hundreds of megabytes): created beside its final name and registered with `InterruptHandler`
    /// at once, then written as often as needed, then either finished — synced and closed, ready for its
    /// rename — or abandoned. Exactly one of `finish` and `abandon` must end it.
    struct OpenTemporaryFile {
        private let file: TemporaryFile
        private let descriptor: Int32
        private let permissions: mode_t?
        /// How messages name the final file.
        private let shownPath: String

        /// Creates the file: `.NAME.plancat-<pid>-<random>.tmp` beside the absolute path `final`, with
        /// `permissions` as `writeTemporaryFile` explains.
        init(beside final: String, permissions: mode_t? = nil, shownAs shownPath: String) throws(Failure) {
            let path = temporaryPath(for: final)
            // Created and registered with interrupts deferred: a signal between the two would leave the file.
            let (descriptor, registration) = try InterruptHandler.deferringInterrupts {
                () throws(Failure) -> (Int32, InterruptHandler.Registration) in
                let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                                      permissions == nil ? 0o666 : 0o600)
                guard descriptor >= 0 else {
                    throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
                }
                return (descriptor, InterruptHandler.register(temporaryFile: path))
            }
            file = TemporaryFile(path: path, registration: registration)
            self.descriptor = descriptor
            self.permissions = permissions
            self.shownPath = shownPath
        }

        /// Opens a temporary file made (and closed) before, to write it: a build makes every file's
        /// temporary file first, on the main thread, and opens each only while it writes it, so that a
        /// build of many pricing tables never holds many files open. On failure the file is left for the
        /// caller to discard.
        init(reopening file: TemporaryFile, shownAs shownPath: String) throws(Failure) {
            let descriptor = open(file.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
            }
            self.file = file
            self.descriptor = descriptor
            permissions = nil
            self.shownPath = shownPath
        }

        /// Appends every byte of `chunk`, however many calls `write(2)` needs and however often a signal
        /// interrupts it. On failure the file is left for `abandon`.
        func write(_ chunk: UnsafeRawBufferPointer) throws(Failure) {
            var offset = 0
            while offset < chunk.count {
                let count = systemWrite(descriptor, chunk.baseAddress! + offset, chunk.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
                }
                offset += count
            }
        }

        /// Appends every byte of `bytes`, as `write(_:)` of a chunk does.
        func write(_ bytes: [UInt8]) throws(Failure) {
            // `withUnsafeBytes` rethrows untyped; the one error `write` can throw is carried out by hand.
            var failure: Failure?
            bytes.withUnsafeBytes { buffer in
                do throws(Failure) { try write(buffer) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        /// Sets the permissions, syncs and closes the file, ready to be renamed; on failure removes it.
        func finish() throws(Failure) -> TemporaryFile {
            do throws(Failure) {
                try sync()
            } catch {
                abandon()
                throw error
            }
            return close()
        }

        /// Sets the permissions and syncs the file; on failure it is left for `abandon`. Unlike `finish`
        /// and `abandon`, it does not touch `InterruptHandler`'s registry, so any thread may call it.
        func sync() throws(Failure) {
            if let permissions, fchmod(descriptor, permissions) != 0 {
                throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
            }
            if fsync(descriptor) != 0 {
                throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
            }
        }

        /// Closes the file — synced, it is ready to be renamed.
        func close() -> TemporaryFile {
            // The bytes are synced; a late error from close(2) could not lose them.
            systemClose(descriptor)
            return file
        }

        /// Closes and removes the file: the write failed or turned out not to be needed.
        func abandon() {
            systemClose(descriptor)
            file.discard()
        }
    }

    /// The path with symbolic links resolved; the path itself when it cannot be resolved (it does not exist).
    private static func resolved(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return path }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A name beside `path` that no other run, and no other process, can pick.
    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return directory + ".\(name)\(temporaryMarker)\(getpid())-\(random)\(temporarySuffix)"
    }

    /// What every temporary name holds after `.NAME` and ends with, for `temporaryPath(for:)`, which makes
    /// the names, and `temporaryFileOwner(_:)`, which reads them back.
    private static let temporaryMarker = ".plancat-", temporarySuffix = ".tmp"

    /// The process that made a temporary file named `.NAME.plancat-PID-RANDOM.tmp`, as `temporaryPath(for:)`
    /// names them (RANDOM in base 36); nil for any other name. A build removes those of dead processes.
    static func temporaryFileOwner(_ name: String) -> pid_t? {
        let bytes = Array(name.utf8)
        let suffix = Array(temporarySuffix.utf8), marker = Array(temporaryMarker.utf8)
        guard bytes.first == UInt8(ascii: "."), bytes.count > 1 + marker.count + suffix.count + 3,
              bytes.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        let stem = bytes.dropLast(suffix.count)
        guard let dash = stem.lastIndex(of: UInt8(ascii: "-")), dash < stem.endIndex - 1,
              stem[(dash + 1)...].allSatisfy({ isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else { return nil }
        let front = stem[..<dash]
        guard let digitsStart = front.lastIndex(where: { !isDigit($0) }).map({ $0 + 1 }),
              digitsStart < front.endIndex, front.endIndex - digitsStart <= 10,
              digitsStart - marker.count > 1, front[(digitsStart - marker.count)..<digitsStart].elementsEqual(marker),
              let process = pid_t(String(decoding: front[digitsStart...], as: UTF8.self)), process > 0
        else { return nil }
        return process
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The text of the last system error: "Permission denied". Shared, so that every file-system message
    /// of the CLI words the reason alike; call it before anything else can change `errno`.
    static func reason() -> String {
        String(cString: strerror(errno))
    }
}

/// write(2), under a name that the `write` methods above do not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// close(2), under a name that the `close` method above does not hide.
private func systemClose(_ descriptor: Int32) {
    close(descriptor)
}
