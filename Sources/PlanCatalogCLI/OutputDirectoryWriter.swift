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
/// and synced, to a temporary name beside its final one (`AtomicFileWriter.writeTemporaryFile`:
/// `.catalog.json.plancat-<pid>-<random>.tmp`, a dot-file that globs and catalog discovery skip), and
/// only when every one is on disk is each renamed over its final name. `rename(2)` replaces a file
/// atomically, so a reader sees the old file or the new one, never half of either. Any failure before the
/// renames removes the temporary files (and the directories this run created) and leaves the previous
/// files exactly as they were. Everything that could make a rename fail (a directory in the way) is found
/// before the first rename; only a change made by another process in that instant can still split a build.
///
/// After the renames, files of pricing tables the catalog no longer has are removed: `*.json` directly in
/// `pricing-tables/` that this build did not produce. Nothing else in the directory is ever touched.
///
/// SIGINT and SIGTERM (`InterruptHandler`): until the renames, the temporary files and the directories
/// this run created are registered, so an interrupt removes them and the directory is as it was. The
/// renames and the removals — the commit — run with both signals deferred, so an interrupt during the
/// commit stops the process only once the directory is entirely new: never a mix of the two builds.
///
/// A file whose bytes are already what the build produces is left alone, so its modification time stays
/// put and tools that watch the directory (rsync, make, a CDN sync) see only what really changed.
struct OutputDirectoryWriter {
    /// The absolute path of the output directory.
    let directory: String
    /// How messages name the directory: as the user wrote it (`build/`), not made absolute.
    let shownDirectory: String

    /// `directory` must be absolute; `shownDirectory` is how messages name it (itself by default).
    init(directory: String, shownAs shownDirectory: String? = nil) {
        // `build/`, `a//b` and `a/./b` name the same directory; one spelling keeps the path arithmetic simple.
        self.directory = "/" + directory.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        self.shownDirectory = shownDirectory ?? directory
    }

    /// What a write did, by paths relative to the output directory.
    struct Report: Equatable, Sendable {
        /// Files replaced or created, in the order of the build.
        var written: [String] = []
        /// Files whose bytes were already right, left untouched.
        var unchanged: [String] = []
        /// Stale pricing-table files removed, sorted.
        var removed: [String] = []
    }

    /// Why the output could not be written: one line naming the path and the reason.
    struct Failure: Error, Equatable, Sendable {
        /// The path that failed, as shown to the user.
        let path: String
        /// "cannot write `build/catalog.json`: No space left on device".
        let message: String
    }

    /// Writes every file (paths relative to the output directory), then removes stale pricing tables.
    func write(_ files: [OutputFile]) throws(Failure) -> Report {
        var transaction = Transaction()
        var report = Report()
        var pending: [(temporary: AtomicFileWriter.TemporaryFile, final: String, relative: String)] = []
        do throws(Failure) {
            try makeDirectory(directory, transaction: &transaction)
            for file in files {
                let final = Self.join(directory, file.path)
                try makeDirectory(FileEntry.parent(of: final), transaction: &transaction)
                switch FileEntry(at: final) {
                case .directory:
                    throw Failure(path: shown(file.path), message: "`\(shown(file.path))` is a directory, "
                                  + "where the build writes a file; move it away and build again")
                case .regularFile where FileManager.default.contents(atPath: final).map(Array.init) == file.bytes:
                    report.unchanged.append(file.path)
                    continue
                default:
                    break
                }
                let temporary: AtomicFileWriter.TemporaryFile
                do {
                    temporary = try AtomicFileWriter.writeTemporaryFile(file.bytes, beside: final,
                                                                        shownAs: shown(file.path))
                } catch {
                    throw Failure(path: shown(file.path), message: error.message)
                }
                transaction.temporaryFiles.append(temporary)
                pending.append((temporary, final, file.path))
            }
        } catch {
            transaction.rollBack()
            throw error
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

            report.removed = try removeStalePricingTables(keeping: Set(files.map(\.path)))
            return report
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

    /// Creates a directory and any missing parents, recording what it made so a failure can undo it.
    private func makeDirectory(_ path: String, transaction: inout Transaction) throws(Failure) {
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

    /// Removes `pricing-tables/*.json` files that the build did not produce: the public files of tables
    /// taken out of the catalog, which would otherwise stay online. Only plain `.json` names directly in
    /// that directory go; dot-files, subdirectories and anything else are the user's.
    private func removeStalePricingTables(keeping produced: Set<String>) throws(Failure) -> [String] {
        let tables = Self.join(directory, BuildOutput.pricingTablesDirectory)
        guard FileEntry(at: tables) == .directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: tables) else { return [] }
        var removed: [String] = []
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let relative = BuildOutput.pricingTablesDirectory + "/" + name
            guard !produced.contains(relative) else { continue }
            let entry = FileEntry(at: Self.join(tables, name), followingLinks: false)
            guard entry == .regularFile || entry == .other else { continue }
            guard unlink(Self.join(tables, name)) == 0 else {
                throw Failure(path: shown(relative),
                              message: "cannot remove `\(shown(relative))`, a pricing table no longer in the "
                                  + "catalog: \(AtomicFileWriter.reason())")
            }
            removed.append(relative)
        }
        return removed
    }

    // MARK: Paths

    /// A path relative to the output directory, as messages show it: `build/pricing-tables/main.json`.
    /// Parents of the output directory that had to be created are shown by cutting names off the
    /// directory as written (`out/a` for `/work/out/a` when it is `out/a/b`), or absolute when it does not
    /// spell them out.
    private func shown(_ path: String) -> String {
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

    private static func join(_ base: String, _ name: String) -> String {
        base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
