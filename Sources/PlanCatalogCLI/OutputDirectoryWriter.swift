#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog

/// Writes a build's files into its output directory all at once or not at all (OUTPUT.md).
///
/// A deploy step or a web server may read the directory at any moment, and a build may fail half way
/// (a full disk, a directory where a file should be, Ctrl-C). So every file is first written, completely
/// and synced, to a temporary name beside its final one (`AtomicFileWriter.OpenTemporaryFile`:
/// `.catalog.json.plancat-<pid>-<random>.tmp`, a dot-file that globs and catalog discovery skip), and
/// only when every one is on disk is each renamed over its final name. `rename(2)` replaces a file
/// atomically, so a reader sees the old file or the new one, never half of either. Any failure before the
/// renames removes the temporary files (and the directories this run created) and leaves the previous
/// files exactly as they were. Everything that could make a rename fail (a directory in the way) is found
/// before the first rename; only a change made by another process in that instant can still split a build.
///
/// After the renames, files of pricing tables the catalog no longer has are removed: `*.json` directly in
/// `pricing-tables/` that this build did not produce and that plancat wrote (`+Cleanup`). Before the
/// first file, the temporary files that dead builds left behind are removed. Nothing else in the
/// directory is ever touched.
///
/// Symbolic links: the directory itself is followed, as the user named it (`-o public` where `public`
/// links to the web server's folder writes into that folder); inside it, nothing is ever written or
/// removed through a link. A link (or a FIFO, a device, a socket) where a file of the build goes, or a
/// `pricing-tables` that is a link, is refused before anything is written (exit 73): renaming over it would
/// silently replace the user's link, and following it would write, and remove stale tables, outside the
/// directory.
///
/// Two builds into one directory take turns (`OutputDirectoryLock`): the whole write, from the first
/// comparison to the last removal, holds an advisory lock on the directory.
///
/// Signals (`InterruptHandler`: SIGINT, SIGTERM, SIGHUP and every other one that would end the process):
/// until the renames, the temporary files and the directories this run created are registered, so an
/// interrupt removes them and the directory is as it was. The renames and the removals — the commit —
/// run with those signals deferred, so an interrupt during the commit stops the process only once the
/// directory is entirely new: never a mix of the two builds.
///
/// A file whose bytes are already what the build produces is left alone, so its modification time stays
/// put and tools that watch the directory (rsync, make, a CDN sync) see only what really changed.
///
/// A large catalog's files run to hundreds of megabytes, so none is ever held whole: each is compared a
/// chunk at a time, as it is made, with the file it replaces, and written into its temporary file from
/// the first difference on (`Lane`); and the files are made on two threads at once (`write(paths:)`).
struct OutputDirectoryWriter {
    /// The absolute path of the output directory.
    let directory: String
    /// How messages name the directory: as the user wrote it (`build/`), not made absolute.
    let shownDirectory: String
    /// How long a write waits for another build of the same directory to finish (`OutputDirectoryLock`).
    let lockWaitLimit: Duration

    /// `directory` must be absolute; `shownDirectory` is how messages name it (itself by default).
    init(directory: String, shownAs shownDirectory: String? = nil,
         lockWaitLimit: Duration = OutputDirectoryLock.defaultWaitLimit) {
        // `build/`, `a//b` and `a/./b` name the same directory; one spelling keeps the path arithmetic simple.
        self.directory = "/" + directory.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        self.shownDirectory = shownDirectory ?? directory
        self.lockWaitLimit = lockWaitLimit
    }

    /// What a write did, by paths relative to the output directory.
    struct Report: Equatable, Sendable {
        /// Files replaced or created, in the order of the build.
        var written: [String] = []
        /// Files whose bytes were already right, left untouched.
        var unchanged: [String] = []
        /// Stale pricing-table files removed, sorted.
        var removed: [String] = []
        /// Temporary files of dead processes removed before writing, sorted.
        var removedTemporaryFiles: [String] = []
    }

    /// Why the output could not be written: one line naming the path and the reason.
    struct Failure: Error, Equatable, Sendable {
        /// The path that failed, as shown to the user.
        let path: String
        /// "cannot write `build/catalog.json`: No space left on device".
        let message: String
    }

    /// Writes a build's files as it makes them, a chunk of about `chunkSize` bytes at a time, then
    /// removes stale pricing tables.
    func write(_ output: BuildOutput, chunkSize: Int = BuildOutput.defaultChunkSize) throws(Failure) -> Report {
        try write(paths: output.paths) { paths, lane throws(Failure) in
            try output.write(paths, to: &lane, chunkSize: chunkSize)
        }
    }

    /// Writes files given whole (paths relative to the output directory), then removes stale pricing
    /// tables.
    func write(_ files: [OutputFile]) throws(Failure) -> Report {
        try write(paths: files.map(\.path)) { paths, lane throws(Failure) in
            for file in files where paths.contains(file.path) {
                try lane.beginFile(at: file.path)
                try lane.write(file.bytes)
                try lane.endFile()
            }
        }
    }

    /// The write itself, in three steps, with the directory locked throughout:
    ///
    /// 1. on the main thread, the directory is made and locked, dead builds' temporary files are removed,
    ///    the directories are made and every file's temporary file is created, empty, and registered with
    ///    `InterruptHandler` (a directory, a link or a device in the way is found here, before any
    ///    writing);
    /// 2. `produce` gives the files' bytes, each set of `paths` it is called with going into their
    ///    temporary files: catalog.json (by far the largest) and the pricing tables on a second thread,
    ///    entitlements.json (smaller, but slower to make) meanwhile on this one — two cores make the
    ///    build's files in about half the time;
    /// 3. on the main thread again, once every file is written and synced, the commit renames them all
    ///    into place; a failure anywhere before it removes every temporary file instead.
    ///
    /// Only the main thread ever changes the registry of `InterruptHandler`, and the second thread starts
    /// with the handled signals blocked and keeps them blocked, so the handler always runs on the main
    /// thread and the commit's deferral of those signals still holds for the whole process.
    private func write(
        paths: [String], producing produce: @escaping @Sendable ([String], inout Lane) throws(Failure) -> Void
    ) throws(Failure) -> Report {
        var transaction = Transaction()
        var staged: [StagedFile] = []
        var lock: OutputDirectoryLock?
        defer { lock?.release() }
        var report = Report()
        do throws(Failure) {
            try makeDirectory(directory, transaction: &transaction)
            lock = try OutputDirectoryLock(on: directory, shownAs: shownDirectory, waitingAtMost: lockWaitLimit)
            try refuseLink(at: BuildOutput.pricingTablesDirectory)
            report.removedTemporaryFiles = removeStaleTemporaryFiles()
            for path in paths { staged.append(try stage(path, transaction: &transaction)) }
        } catch {
            for file in staged { file.temporary.discard() }
            transaction.rollBack()
            throw error
        }

        let byPath = Dictionary(staged.map { ($0.relative, $0) }, uniquingKeysWith: { first, _ in first })
        // entitlements.json takes about as long to make as everything else does.
        let onMainThread = paths.filter { $0 == BuildOutput.entitlementsPath }
        let onSecondThread = paths.filter { $0 != BuildOutput.entitlementsPath }
        _ = Parallel.both({ Lane(files: byPath).run(onMainThread, produce) },
                          { Lane(files: byPath).run(onSecondThread, produce) })
        // The failure of the earliest file, whichever thread met it first.
        if let failure = staged.lazy.compactMap(\.failure).first {
            for file in staged { file.temporary.discard() }
            transaction.rollBack()
            throw failure
        }

        var pending: [(temporary: AtomicFileWriter.TemporaryFile, final: String, relative: String)] = []
        for file in staged {
            if file.isUnchanged {
                file.temporary.discard()
                report.unchanged.append(file.relative)
            } else {
                transaction.temporaryFiles.append(file.temporary)
                pending.append((file.temporary, file.final, file.relative))
            }
        }
        return try InterruptHandler.deferringInterrupts { () throws(Failure) -> Report in
            // From here on the directories this run created are the build's, whatever happens.
            defer { transaction.keepCreatedDirectories() }
            for (index, entry) in pending.enumerated() {
                guard !entry.temporary.renameOver(entry.final) else { continue }
                let reason = AtomicFileWriter.reason()
                // Only a concurrent change can bring us here; do not leave the rest of the temporaries behind.
                for later in pending[index...] { later.temporary.discard() }
                throw Failure(path: shown(entry.relative),
                              message: "cannot replace `\(shown(entry.relative))`: \(reason)")
            }
            report.written = pending.map(\.relative)

            report.removed = try removeStalePricingTables(keeping: Set(paths))
            return report
        }
    }

    /// Makes the file's directory, refuses anything but a regular file in its place, and creates its
    /// temporary file (empty, and closed until its thread writes it).
    private func stage(_ relative: String, transaction: inout Transaction) throws(Failure) -> StagedFile {
        let final = Self.join(directory, relative)
        try makeDirectory(FileEntry.parent(of: final), transaction: &transaction)
        let hasPrevious: Bool
        var information = stat()
        if lstat(final, &information) != 0 {
            hasPrevious = false
        } else if information.st_mode & S_IFMT == S_IFDIR {
            throw Failure(path: shown(relative), message: "`\(shown(relative))` is a directory, "
                          + "where the build writes a file; move it away and build again")
        } else if let kind = AtomicFileWriter.Target.refusedKind(information.st_mode) {
            throw Failure(path: shown(relative), message: "`\(shown(relative))` is \(kind), where "
                          + "the build writes a regular file; a build never writes through a link nor replaces "
                          + "anything but a regular file: move it away and build again")
        } else {
            hasPrevious = true
        }
        do {
            let temporary = try AtomicFileWriter.OpenTemporaryFile(beside: final, shownAs: shown(relative)).close()
            return StagedFile(relative: relative, final: final, shownPath: shown(relative), temporary: temporary,
                              hasPrevious: hasPrevious)
        } catch {
            throw Failure(path: shown(relative), message: error.message)
        }
    }

    /// One file between its staging and the commit: its temporary file, whether a previous file is
    /// there to compare with, and what writing it came to. Written by one thread, then read by the main
    /// thread once that one is done.
    fileprivate final class StagedFile: @unchecked Sendable {
        let relative: String
        let final: String
        let shownPath: String
        let temporary: AtomicFileWriter.TemporaryFile
        let hasPrevious: Bool
        var failure: Failure?
        /// The new bytes are the previous file's: the temporary file is dropped, empty.
        var isUnchanged = false

        init(relative: String, final: String, shownPath: String, temporary: AtomicFileWriter.TemporaryFile,
             hasPrevious: Bool) {
            self.relative = relative
            self.final = final
            self.shownPath = shownPath
            self.temporary = temporary
            self.hasPrevious = hasPrevious
        }
    }

    /// Where one thread's files go as they are made, one file at a time.
    ///
    /// While a file's new bytes are the same as the previous file's, nothing is written: the chunks are
    /// only compared, so that rebuilding an unchanged catalog writes nothing at all (for a large one,
    /// copying hundreds of megabytes into the page cache only to drop them cost more than making them).
    /// At the first difference, the part that matched is copied from the previous file (still open, the
    /// same file that was compared) into the temporary file, and from then on every chunk is written.
    /// At the file's end it is unchanged, or synced for the commit. The first failure stops the lane
    /// and is kept with its file.
    fileprivate struct Lane: BuildOutputSink {
        private let files: [String: StagedFile]
        /// The file being written, and what is open for it.
        private var current: (file: StagedFile, temporary: AtomicFileWriter.OpenTemporaryFile,
                              previous: PreviousFile?, isWriting: Bool)?

        init(files: [String: StagedFile]) {
            self.files = files
        }

        /// Gives the files at `paths` to `produce`, keeping a failure with the file it happened to.
        consuming func run(_ paths: [String], _ produce: ([String], inout Lane) throws(Failure) -> Void) {
            guard !paths.isEmpty else { return }
            do throws(Failure) {
                try produce(paths, &self)
            } catch {
                (current?.file ?? files[paths[0]])?.failure = error
                _ = current?.temporary.close()
            }
        }

        mutating func beginFile(at relative: String) throws(Failure) {
            guard let file = files[relative] else { preconditionFailure("`\(relative)` was not staged") }
            let previous = file.hasPrevious ? PreviousFile(at: file.final) : nil
            do {
                let temporary = try AtomicFileWriter.OpenTemporaryFile(reopening: file.temporary,
                                                                       shownAs: file.shownPath)
                current = (file, temporary, previous, isWriting: previous == nil)
            } catch {
                throw Failure(path: file.shownPath, message: error.message)
            }
        }

        mutating func write(_ chunk: UnsafeRawBufferPointer) throws(Failure) {
            guard let (file, temporary, previous, isWriting) = current else {
                preconditionFailure("a chunk outside a file")
            }
            if !isWriting, previous?.compare(chunk) == true { return }
            do throws(AtomicFileWriter.Failure) {
                if !isWriting {
                    try previous?.copyMatched(into: temporary, shownAs: file.shownPath)
                    current?.isWriting = true
                }
                try temporary.write(chunk)
            } catch {
                throw Failure(path: file.shownPath, message: error.message)
            }
        }

        /// A whole file's bytes as one chunk.
        mutating func write(_ bytes: [UInt8]) throws(Failure) {
            var failure: Failure?
            bytes.withUnsafeBytes { buffer in
                do throws(Failure) { try write(buffer) } catch { failure = error }
            }
            if let failure { throw failure }
        }

        mutating func endFile() throws(Failure) {
            guard let (file, temporary, previous, isWriting) = current else {
                preconditionFailure("the end of a file never begun")
            }
            do throws(AtomicFileWriter.Failure) {
                if !isWriting {
                    if let previous, previous.isIdenticalToTheEnd() {
                        file.isUnchanged = true
                    } else {
                        // The previous file goes on past the new one, which is then all of what matched.
                        try previous?.copyMatched(into: temporary, shownAs: file.shownPath)
                    }
                }
                if !file.isUnchanged { try temporary.sync() }
            } catch {
                throw Failure(path: file.shownPath, message: error.message)
            }
            _ = temporary.close()
            current = nil
        }
    }

    /// The file a build is about to replace, read along as the new bytes come, to tell whether they are
    /// the same; a chunk at a time, rather than whole, which keeps a large build's memory flat.
    fileprivate final class PreviousFile: @unchecked Sendable {
        private let descriptor: Int32
        /// How many bytes, from the start, were found the same as the new ones.
        private var matched = 0
        /// Where a chunk read from the file goes, to be compared or copied.
        private var buffer: [UInt8] = []

        /// Nil when the file cannot be opened: it then counts as different.
        init?(at path: String) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
        }

        deinit { close(descriptor) }

        /// Reads as many bytes as `chunk` holds and compares them: whether the file is still the same.
        /// After a difference, it is not asked again.
        func compare(_ chunk: UnsafeRawBufferPointer) -> Bool {
            let isSame = withBuffer(of: chunk.count) { buffer in
                readFully(into: buffer, at: matched) == chunk.count
                    && memcmp(buffer.baseAddress!, chunk.baseAddress!, chunk.count) == 0
            }
            if isSame { matched += chunk.count }
            return isSame
        }

        /// Whether the file ends where the matched part ends.
        func isIdenticalToTheEnd() -> Bool {
            var byte: UInt8 = 0
            return withUnsafeMutableBytes(of: &byte) { readFully(into: $0, at: matched) } == 0
        }

        /// Copies the part found the same into `temporary`, read again from this file (`shownPath` names
        /// the final file): the new file's beginning, which was never written.
        func copyMatched(into temporary: AtomicFileWriter.OpenTemporaryFile,
                         shownAs shownPath: String) throws(AtomicFileWriter.Failure) {
            var offset = 0
            while offset < matched {
                let count = min(matched - offset, 1 << 20)
                let failure = withBuffer(of: count) { buffer -> AtomicFileWriter.Failure? in
                    let read = readFully(into: buffer, at: offset)
                    guard read == count else {
                        let reason = read < 0 ? AtomicFileWriter.reason() : "it was cut short meanwhile"
                        return AtomicFileWriter.Failure(
                            message: "cannot write `\(shownPath)`: cannot read the previous file again: \(reason)")
                    }
                    do throws(AtomicFileWriter.Failure) {
                        try temporary.write(UnsafeRawBufferPointer(buffer))
                    } catch {
                        return error
                    }
                    return nil
                }
                if let failure { throw failure }
                offset += count
            }
        }

        /// `buffer`, at least `count` bytes long, lent as exactly `count` bytes.
        private func withBuffer<Result>(of count: Int, _ body: (UnsafeMutableRawBufferPointer) -> Result) -> Result {
            if buffer.count < count { buffer = [UInt8](repeating: 0, count: count) }
            return buffer.withUnsafeMutableBytes { body(UnsafeMutableRawBufferPointer(rebasing: $0[..<count])) }
        }

        /// How many bytes were read into `buffer` from `offset`: all of it, unless the file ends first;
        /// -1 when it cannot be read.
        private func readFully(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
            var total = 0
            while total < buffer.count {
                let count = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset + total))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count < 0 ? -1 : total }
                total += count
            }
            return total
        }
    }

    // MARK: Steps

    /// What to undo when the write fails before its renames. The directories are registered with
    /// `InterruptHandler` too, so that an interrupt undoes them as well.
    private struct Transaction {
        var temporaryFiles: [AtomicFileWriter.TemporaryFile] = []
        /// In the order they were made, parents first.
        var createdDirectories: [(path: String, registration: InterruptHandler.Registration)] = []

        func rollBack() {
            for file in temporaryFiles { file.discard() }
            for directory in createdDirectories.reversed() {
                rmdir(directory.path)
                InterruptHandler.unregister(directory.registration)
            }
        }

        /// The commit has begun: an interrupt must no longer remove the directories.
        func keepCreatedDirectories() {
            for directory in createdDirectories { InterruptHandler.unregister(directory.registration) }
        }
    }

    /// Refuses a symbolic link at `relative`, a path inside the directory: a build writes and removes
    /// only in the directory itself and in real directories inside it.
    private func refuseLink(at relative: String) throws(Failure) {
        var information = stat()
        guard lstat(Self.join(directory, relative), &information) == 0,
              information.st_mode & S_IFMT == S_IFLNK else { return }
        throw Failure(path: shown(relative),
                      message: "`\(shown(relative))` is a symbolic link; a build writes and removes files only "
                          + "in real directories inside `\(shownDirectory)`, never through a link: replace it with "
                          + "a directory, or build into the link's target with `-o`")
    }

    /// Creates a directory and any missing parents, recording what it made so a failure can undo it.
    /// The output directory and its parents are followed through links, as the user named them; a
    /// directory inside it must be a real one (`refuseLink`).
    private func makeDirectory(_ path: String, transaction: inout Transaction) throws(Failure) {
        if path.hasPrefix(directory + "/") { try refuseLink(at: String(path.dropFirst(directory.count + 1))) }
        switch FileEntry(at: path) {
        case .directory:
            return
        case .other, .regularFile:
            throw Failure(path: shown(path), message: "`\(shown(path))` exists and is not a directory")
        case .missing:
            let parent = FileEntry.parent(of: path)
            if parent != path { try makeDirectory(parent, transaction: &transaction) }
            // Made and registered with interrupts deferred, so that an interrupt removes what was made.
            let registration = try InterruptHandler.deferringInterrupts {
                () throws(Failure) -> InterruptHandler.Registration? in
                if mkdir(path, 0o777) != 0 {
                    // Another process may have made it in the meantime, which is as good.
                    if errno == EEXIST, FileEntry(at: path) == .directory { return nil }
                    throw Failure(path: shown(path),
                                  message: "cannot create directory `\(shown(path))`: \(AtomicFileWriter.reason())")
                }
                return InterruptHandler.register(createdDirectory: path)
            }
            if let registration { transaction.createdDirectories.append((path, registration)) }
        }
    }

    // MARK: Paths

    /// A path relative to the output directory, as messages show it: `build/pricing-tables/main.json`.
    /// Parents of the output directory that had to be created are shown by cutting names off the
    /// directory as written (`out/a` for `/work/out/a` when it is `out/a/b`), or absolute when it does not
    /// spell them out.
    func shown(_ path: String) -> String {
        if path == directory { return shownDirectory }
        if path.hasPrefix(directory + "/") {
            return Self.join(shownDirectory, String(path.dropFirst(directory.count + 1)))
        }
        if path.hasPrefix("/") {
            guard directory.hasPrefix(path == "/" ? "/" : path + "/") else { return path }
            let below = directory.dropFirst(path.count).split(separator: "/")
            let written = shownDirectory.split(separator: "/").filter { $0 != "." }
            guard written.count > below.count, Array(written.suffix(below.count)) == Array(below),
                  !below.contains("..") else { return path }
            return (shownDirectory.hasPrefix("/") ? "/" : "") + written.dropLast(below.count).joined(separator: "/")
        }
        return Self.join(shownDirectory, path)
    }

    static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
