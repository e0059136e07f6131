#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import PlanCatalog

/// What a build removes from its output directory, and how it makes sure it removes only what plancat
/// wrote there: the pricing tables the catalog no longer has, and the temporary files of builds that
/// died before they could remove their own.
///
/// Removing is where a mistake loses someone's file, so both run inside the directory's lock
/// (`OutputDirectoryLock`), never follow a symbolic link — the pricing-tables directory is opened with
/// O_NOFOLLOW and every file is removed relative to it with unlinkat(2) — and each file must prove that
/// plancat wrote it:
///
/// - a stale pricing table is a regular file `pricing-tables/SLUG.json` whose bytes begin as plancat
///   writes a pricing table, `{ "pricingTable": { "slug": "SLUG"`, with the slug of its own name
///   (`isPricingTable`): a `{}`, a user's `notes.json`, a copy `main-backup.json` of `main.json`, a link
///   or a FIFO stays;
/// - a stale temporary file is a regular file named as `AtomicFileWriter` names them,
///   `.NAME.plancat-PID-RANDOM.tmp`, in the directory or its pricing-tables directory, whose process PID
///   no longer exists (`AtomicFileWriter.temporaryFileOwner`). A live process's file stays — its own build holds the lock,
///   so a live one is an import or a fmt at work, or a reused process number — and so does every file of
///   this process.
extension OutputDirectoryWriter {
    /// How many bytes of a `.json` file are read to recognise a pricing table: its opening and slug.
    private static let recognisedPrefixLength = 4096

    /// Removes `pricing-tables/*.json` files that the build did not produce and that plancat wrote: the
    /// public files of tables taken out of the catalog, which would otherwise stay online. Returns what
    /// it removed, by paths relative to the directory, sorted.
    func removeStalePricingTables(keeping produced: Set<String>) throws(Failure) -> [String] {
        let tables = Self.join(directory, BuildOutput.pricingTablesDirectory)
        let descriptor = open(tables, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var removed: [String] = []
        for name in Self.names(in: descriptor) where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let relative = BuildOutput.pricingTablesDirectory + "/" + name
            guard !produced.contains(relative),
                  Self.isPricingTableFile(named: name, in: descriptor, slug: String(name.dropLast(".json".count)))
            else { continue }
            guard unlinkat(descriptor, name, 0) == 0 else {
                throw Failure(path: shown(relative),
                              message: "cannot remove `\(shown(relative))`, a pricing table no longer in the "
                                  + "catalog: \(AtomicFileWriter.reason())")
            }
            removed.append(relative)
        }
        return removed
    }

    /// Removes the temporary files that dead processes left in the directory and in its pricing-tables
    /// directory (a build killed with SIGKILL, a machine that stopped). Returns them by paths relative to
    /// the directory, sorted; a file that cannot be removed is left, silently: it is in no one's way.
    func removeStaleTemporaryFiles() -> [String] {
        var removed: [String] = []
        for relative in ["", BuildOutput.pricingTablesDirectory] {
            // The directory as the user named it, links followed; pricing-tables only if it is a real one.
            let path = relative.isEmpty ? directory : Self.join(directory, relative)
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (relative.isEmpty ? 0 : O_NOFOLLOW))
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            for name in Self.names(in: descriptor) {
                guard let owner = AtomicFileWriter.temporaryFileOwner(name), owner != getpid(),
                      kill(owner, 0) != 0, errno == ESRCH else { continue }
                var information = stat()
                guard fstatat(descriptor, name, &information, AT_SYMLINK_NOFOLLOW) == 0,
                      information.st_mode & S_IFMT == S_IFREG,
                      unlinkat(descriptor, name, 0) == 0 else { continue }
                removed.append(relative.isEmpty ? name : relative + "/" + name)
            }
        }
        return removed
    }

    /// Whether `bytes` begin as plancat writes the pricing table `slug`: `{`, `"pricingTable"`, `:`,
    /// `{`, `"slug"`, `:`, `"SLUG"`, with any JSON whitespace between them.
    static func isPricingTable(_ bytes: [UInt8], slug: String) -> Bool {
        let tokens = ["{", "\"pricingTable\"", ":", "{", "\"slug\"", ":", "\"" + slug + "\""].map { Array($0.utf8) }
        var index = 0
        for token in tokens {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            guard bytes.count - index >= token.count, bytes[index..<(index + token.count)].elementsEqual(token) else {
                return false
            }
            index += token.count
        }
        return true
    }

    /// Whether the entry `name` of the open directory is a regular file (a link is not followed, a FIFO
    /// not waited on) that begins as the pricing table `slug`.
    private static func isPricingTableFile(named name: String, in directory: Int32, slug: String) -> Bool {
        let descriptor = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var information = stat()
        guard fstat(descriptor, &information) == 0, information.st_mode & S_IFMT == S_IFREG else { return false }
        var prefix = [UInt8](repeating: 0, count: recognisedPrefixLength)
        var count = 0
        while count < prefix.count {
            let read = prefix.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + count, $0.count - count,
                                                             off_t(count)) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { break }
            count += read
        }
        return isPricingTable(Array(prefix[..<count]), slug: slug)
    }

    /// The names in the open directory, sorted by their bytes; names that are not UTF-8 are left out
    /// (plancat writes none).
    private static func names(in directory: Int32) -> [String] {
        let copy = dup(directory)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        // The copy shares the original's position, which an earlier listing may have moved.
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(validatingCString: $0)
                }
            }
            if let name, name != ".", name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
