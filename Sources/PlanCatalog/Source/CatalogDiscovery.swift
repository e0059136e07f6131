import Foundation

/// Turns the PATH arguments of a command into catalogs, each the source files the compiler checks
/// together (LANGUAGE.md, at the top):
///
/// - a file is a catalog of its own — unless it lies inside a catalog directory, which is then the catalog
///   (the nearest ancestor directory holding a `catalog.plancat`), because a file of a catalog directory
///   means nothing without the others;
/// - a catalog directory (one holding `catalog.plancat`) is one catalog of every `*.plancat` under it;
/// - any other directory is a folder of catalogs: each `.plancat` directly in it is a catalog, and each
///   subdirectory is looked at by the same rule (a directory inside a catalog directory is, like a file,
///   its whole catalog);
/// - `-` is standard input, a single-file catalog named `<stdin>`.
///
/// Files and directories whose names start with `.` are skipped while walking (`.git`, editors' backups);
/// a path named explicitly is always used. The result never depends on the order of a directory listing:
/// catalogs and the files of each are sorted by path. A catalog reached twice is kept once.
///
/// Only regular files are read. A walk skips anything else named `*.plancat` — a FIFO, a socket, a device —
/// without opening it (opening a FIFO waits for a writer, which hung `check` and `fmt` for good), and
/// lists it in `Outcome.skipped` for the CLI to warn about. A PATH that names one is a `Failure`
/// (`notRegularFile`): a stream is read with `-`. Files of the kernel (`/proc`, `/sys`) are never read
/// (`kernelFile`): `x.plancat -> /proc/self/environ` printed the environment in diagnostics.
///
/// A walk takes only what lies inside the directory it walks: it judges each entry before following it
/// (`entries(ofDirectory:root:rootShown:)`, CatalogDiscovery+Entries.swift), and a link that leads out, a
/// name that is not UTF-8 or an entry it cannot look at is a `Failure` naming it, never a file silently
/// left out; the catalog holding it is then not read at all (Docs/Robustness.md § Which files a catalog
/// reads). A PATH named on the command line is read wherever its links lead: the user asked for it.
///
/// Paths are shown as the user wrote them, joined with the names found below them (`catalogs/pro.plancat`),
/// never made absolute, so diagnostics point where the user looks. A missing or unreadable path is a
/// `Failure`: the environment's problem, not the catalog's, which the CLI reports with exit status 66.
public struct CatalogDiscovery {
    /// The directory relative paths start from.
    public let currentDirectory: String
    private let readStandardInput: () throws -> [UInt8]

    /// The name standard input's catalog and file go by.
    public static let standardInputName = "<stdin>"
    /// The root file that makes a directory a catalog directory.
    public static let rootFileName = "catalog.plancat"
    /// What makes a file part of a catalog when a directory is walked (a file named explicitly may be
    /// called anything).
    public static let fileExtension = ".plancat"

    public init(currentDirectory: String, readStandardInput: @escaping () throws -> [UInt8] = { [] }) {
        self.currentDirectory = currentDirectory
        self.readStandardInput = readStandardInput
    }

    /// The source files of one catalog.
    public struct CatalogFiles: Sendable {
        /// The catalog as shown: the file of a single-file catalog, or the catalog directory.
        public let path: String
        /// Sorted by path.
        public let files: [SourceFile]
    }

    /// A path that could not be used; the other paths are still discovered.
    public struct Failure: Error, Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// Nothing exists at the path (a dangling symbolic link included).
            case notFound
            /// It exists but cannot be read or listed: permissions, or standard input failed.
            case unreadable
            /// A directory with no `.plancat` file anywhere under it: most likely the wrong directory,
            /// which must not pass a CI run silently.
            case noCatalogs
            /// A FIFO, socket or device named as a PATH: never opened, since a FIFO would wait for a
            /// writer for ever. `kind` says which ("a FIFO").
            case notRegularFile(kind: String)
            /// Found while walking: a name that is not valid UTF-8 on an entry that could hold part of a
            /// catalog (a `*.plancat` name, a directory, a link).
            case nameNotUTF8
            /// Found while walking: a symbolic link named `*.plancat`, or leading to a directory, whose target
            /// lies outside `directory` (the walked directory, as shown); it is not followed.
            case linkLeavesDirectory(directory: String)
            /// Found while walking: a symbolic link named `*.plancat` that leads nowhere (or round in a loop).
            case linkLeadsNowhere
            /// A file of the kernel's pseudo file systems (`/proc`, `/sys`), which report as
            /// regular files but hold the machine's state (`/proc/self/environ`): never read.
            case kernelFile
            /// An entry or directory the system would not let a walk look at, with the system's reason
            /// ("File name too long").
            case cannotRead(reason: String)
        }

        /// The path as the user wrote it (or as it was found under a path the user wrote).
        public let path: String
        public let reason: Reason

        public init(path: String, reason: Reason) {
            self.path = path
            self.reason = reason
        }

        /// One line for a person: "`catalogs/pro.plancat` does not exist".
        public var message: String {
            switch reason {
            case .notFound: "`\(path)` does not exist"
            case .unreadable where path == CatalogDiscovery.standardInputName: "cannot read standard input"
            case .unreadable: "cannot read `\(path)` (check its permissions)"
            case .noCatalogs: "`\(path)` holds no catalogs (no \(CatalogDiscovery.fileExtension) files)"
            case .notRegularFile(let kind):
                "`\(path)` is \(kind), not a regular file; to read a stream, pass `-` and redirect it to standard input"
            case .nameNotUTF8:
                "`\(path)` has a name that is not valid UTF-8, so it cannot be read as part of a catalog; rename it"
            case .linkLeavesDirectory(let directory):
                "`\(path)` is a symbolic link that leads outside `\(directory)`, so it was not opened: "
                    + "a walk reads only files inside the directory it walks"
            case .linkLeadsNowhere: "`\(path)` is a symbolic link that leads nowhere"
            case .kernelFile:
                "`\(path)` is a file of the kernel (/proc, /sys), not a catalog; plancat does not read it"
            case .cannotRead(let reason): "cannot read `\(path)`: \(reason)"
            }
        }
    }

    /// Everything the paths name: catalogs in the order of the paths (sorted within each), each once,
    /// and a failure for each path (or catalog under it) that could not be read.
    public struct Outcome: Sendable {
        public var catalogs: [CatalogFiles] = []
        public var failures: [Failure] = []
        /// What a walk left out because it is not a regular file, sorted by path.
        public var skipped: [Skipped] = []
    }

    /// A `*.plancat` entry met while walking a directory that is not a regular file (nor a directory),
    /// and so was neither opened nor read.
    public struct Skipped: Sendable, Equatable {
        /// As shown: the walked path joined with the names below it.
        public let path: String
        /// "a FIFO", "a socket", "a character device", "a block device".
        public let kind: String

        /// One line for a person, after `warning: `.
        public var message: String { "skipped `\(path)`: it is \(kind), not a regular file" }
    }

    public func discover(_ paths: [String]) -> Outcome {
        var outcome = Outcome()
        var seen = Set<String>()
        for path in paths {
            // Standard input can be read only once; naming it again names the same catalog.
            if path == "-", seen.contains(Self.standardInputName) { continue }
            var skipped: [Skipped] = []
            let (catalogs, failures) = catalogs(at: path, skipped: &skipped)
            outcome.failures += failures
            for entry in skipped where !outcome.skipped.contains(entry) { outcome.skipped.append(entry) }
            for catalog in catalogs where seen.insert(catalog.identity).inserted {
                outcome.catalogs.append(catalog.files)
            }
        }
        return outcome
    }

    // MARK: One path

    /// A catalog with what identifies it however it was named: its resolved absolute path.
    private struct FoundCatalog {
        let identity: String
        let files: CatalogFiles
    }

    private func catalogs(at path: String, skipped: inout [Skipped]) -> (catalogs: [FoundCatalog], failures: [Failure]) {
        if path == "-" {
            do {
                let file = SourceFile(path: Self.standardInputName, bytes: try readStandardInput())
                let files = CatalogFiles(path: Self.standardInputName, files: [file])
                return ([FoundCatalog(identity: Self.standardInputName, files: files)], [])
            } catch {
                return ([], [Failure(path: Self.standardInputName, reason: .unreadable)])
            }
        }
        let absolute = absolutePath(of: path)
        guard let kind = FileKind(atPath: absolute) else {
            return ([], [Failure(path: path, reason: .notFound)])
        }
        switch kind {
        case .regularFile:
            if path.hasSuffix(Self.fileExtension),
               let root = enclosingCatalogDirectory(ofDirectory: Self.parent(of: absolute)) {
                let result = catalogDirectory(at: root, shownAs: display(of: root, reachedFrom: path, absolute: absolute),
                                              skipped: &skipped)
                return (result.catalog.map { [$0] } ?? [], result.failures)
            }
            return single(singleFileCatalog(at: absolute, shownAs: path))
        case .other(let name):
            return ([], [Failure(path: path, reason: .notRegularFile(kind: name))])
        case .directory:
            break
        }
        if let root = enclosingCatalogDirectory(ofDirectory: absolute) {
            let result = catalogDirectory(at: root, shownAs: display(of: root, reachedFrom: path, absolute: absolute),
                                          skipped: &skipped)
            return (result.catalog.map { [$0] } ?? [], result.failures)
        }
        let result = folderOfCatalogs(at: absolute, shownAs: path, skipped: &skipped)
        if result.catalogs.isEmpty, result.failures.isEmpty {
            return ([], [Failure(path: path, reason: .noCatalogs)])
        }
        return (result.catalogs.sorted { Self.precedes($0.files.path, $1.files.path) }, result.failures)
    }

    private func single(_ result: Result<FoundCatalog, Failure>) -> (catalogs: [FoundCatalog], failures: [Failure]) {
        switch result {
        case .success(let catalog): ([catalog], [])
        case .failure(let failure): ([], [failure])
        }
    }

    private func singleFileCatalog(at absolute: String, shownAs shown: String) -> Result<FoundCatalog, Failure> {
        read(absolute, shownAs: shown).map { file in
            FoundCatalog(identity: Self.resolved(absolute), files: CatalogFiles(path: shown, files: [file]))
        }
    }

    /// A catalog directory's files, or why it cannot be read (every problem found in it). `shown` is how
    /// to show the directory, its files' paths joined to it; nil shows the directory and every file
    /// relative to the current directory instead.
    ///
    /// The walk takes what `entries(ofDirectory:root:rootShown:)` admits, with the directory (links
    /// resolved) as the root no link may lead out of. It keeps a list of directories still to list rather
    /// than calling itself, so that a tree hundreds of directories deep is walked like any other. A file
    /// reached twice (through a link inside the directory) is read once, under its first path.
    private func catalogDirectory(at absolute: String, shownAs shown: String?,
                                  skipped: inout [Skipped]) -> (catalog: FoundCatalog?, failures: [Failure]) {
        let directoryShown = shown ?? relativePath(to: absolute)
        let root = Self.realPath(absolute) ?? absolute
        var found: [(absolute: String, shown: String, read: String, identity: FileIdentity)] = []
        var problems: [(absolute: String, shown: String, reason: Failure.Reason)] = []
        var skippedHere: [(absolute: String, shown: String, kind: String)] = []
        var visited = Set<FileIdentity>()
        if let identity = FileIdentity(ofPath: absolute) { visited.insert(identity) }
        Self.walk(absolute, shownAs: directoryShown, root: root) { directory, reason in
            problems.append((directory.absolute, directory.shown, reason))
        } visit: { entry, childAbsolute, childShown in
            switch entry.kind {
            case .catalogFile(let read, let identity): found.append((childAbsolute, childShown, read, identity))
            case .directory(let identity): return visited.insert(identity).inserted
            case .special(let kind): skippedHere.append((childAbsolute, childShown, kind))
            case .refused(let reason): problems.append((childAbsolute, childShown, reason))
            case .ignored: break
            }
            return false
        }
        func shownPath(_ absolute: String, _ shownPath: String) -> String {
            shown == nil ? relativePath(to: absolute) : shownPath
        }
        skipped += skippedHere.map { Skipped(path: shownPath($0.absolute, $0.shown), kind: $0.kind) }
            .sorted { Self.precedes($0.path, $1.path) }
        var failures = problems.map { Failure(path: shownPath($0.absolute, $0.shown), reason: $0.reason) }
            .sorted { Self.precedes($0.path, $1.path) }
        var files: [SourceFile] = []
        // A file reached through a link as well is read under its own name; one reached through links
        // only, under the first of them.
        var read = Set(found.filter { $0.read == $0.absolute }.map(\.identity))
        let sorted = found.map { (shown: shownPath($0.absolute, $0.shown), read: $0.read, identity: $0.identity,
                                  isLink: $0.read != $0.absolute) }
            .sorted { Self.precedes($0.shown, $1.shown) }
        for entry in sorted where !entry.isLink || read.insert(entry.identity).inserted {
            switch self.read(entry.read, shownAs: entry.shown) {
            case .success(let file): files.append(file)
            case .failure(let failure): failures.append(failure)
            }
        }
        guard failures.isEmpty else { return (nil, failures) }
        let catalog = CatalogFiles(path: directoryShown, files: files)
        return (FoundCatalog(identity: Self.resolved(absolute), files: catalog), [])
    }

    /// A directory without `catalog.plancat`: its `.plancat` files, and its subdirectories by the same rule,
    /// walked by the same rules as a catalog directory with the folder as the root.
    private func folderOfCatalogs(at absolute: String, shownAs shown: String,
                                  skipped: inout [Skipped]) -> (catalogs: [FoundCatalog], failures: [Failure]) {
        let root = Self.realPath(absolute) ?? absolute
        var catalogs: [FoundCatalog] = []
        var failures: [Failure] = []
        var visited = Set<FileIdentity>()
        if let identity = FileIdentity(ofPath: absolute) { visited.insert(identity) }
        Self.walk(absolute, shownAs: shown, root: root) { directory, reason in
            failures.append(Failure(path: directory.shown, reason: reason))
        } visit: { entry, _, childShown in
            switch entry.kind {
            case .catalogFile(let read, let identity):
                guard visited.insert(identity).inserted else { return false }
                switch self.read(read, shownAs: childShown) {
                case .success(let file):
                    catalogs.append(FoundCatalog(identity: Self.resolved(read),
                                                 files: CatalogFiles(path: childShown, files: [file])))
                case .failure(let failure): failures.append(failure)
                }
            case .directory(let identity):
                guard visited.insert(identity).inserted else { return false }
                guard FileManager.default.fileExists(atPath: Self.join(entry.path, Self.rootFileName)) else { return true }
                let result = catalogDirectory(at: entry.path, shownAs: childShown, skipped: &skipped)
                catalogs += result.catalog.map { [$0] } ?? []
                failures += result.failures
            case .special(let kind): skipped.append(Skipped(path: childShown, kind: kind))
            case .refused(let reason): failures.append(Failure(path: childShown, reason: reason))
            case .ignored: break
            }
            return false
        }
        return (catalogs, failures)
    }

    /// Walks the tree under `absolute` with a list of pending directories rather than by recursion, so
    /// that a tree hundreds of directories deep is walked like any other, in name order. `visit` sees
    /// each entry with its absolute and shown paths and says whether to walk into it (a directory);
    /// `unlisted` hears of each directory that cannot be listed, and why. A directory is walked into under
    /// the first name that reaches it, which is what callers' `visited` sets decide.
    private static func walk(_ absolute: String, shownAs shown: String, root: String,
                             unlisted: (_ directory: (absolute: String, shown: String), _ reason: Failure.Reason) -> Void,
                             visit: (_ entry: Entry, _ absolute: String, _ shown: String) -> Bool) {
        var pending: [(absolute: String, shown: String)] = [(absolute, shown)]
        while let directory = pending.popLast() {
            let listing: [Entry]
            switch Self.entries(ofDirectory: directory.absolute, root: root, rootShown: shown) {
            case .success(let listed): listing = listed
            case .failure(let failure):
                unlisted(directory, failure.reason)
                continue
            }
            var directories: [(absolute: String, shown: String)] = []
            for entry in listing {
                let childShown = join(directory.shown, entry.name)
                if visit(entry, join(directory.absolute, entry.name), childShown) {
                    directories.append((entry.path, childShown))
                }
            }
            pending += directories.reversed()
        }
    }

    private func read(_ absolute: String, shownAs shown: String) -> Result<SourceFile, Failure> {
        // One byte past the limit is enough for the parser to report the file as too large (E0113).
        switch BoundedFileReader.contents(ofRegularFile: absolute, limit: InputLimits.maximumSourceFileBytes) {
        case .success(let bytes): return .success(SourceFile(path: shown, bytes: bytes))
        case .failure(.notRegularFile(let kind)): return .failure(Failure(path: shown, reason: .notRegularFile(kind: kind)))
        case .failure(.kernelFile): return .failure(Failure(path: shown, reason: .kernelFile))
        case .failure(.unreadable): return .failure(Failure(path: shown, reason: .unreadable))
        }
    }

    // MARK: Paths

    /// The nearest of `directory` and its ancestors that holds a `catalog.plancat`.
    private func enclosingCatalogDirectory(ofDirectory directory: String) -> String? {
        var candidate = directory
        while true {
            if FileManager.default.fileExists(atPath: Self.join(candidate, Self.rootFileName)) { return candidate }
            let parent = Self.parent(of: candidate)
            if parent == candidate { return nil }
            candidate = parent
        }
    }

    /// How to show a catalog directory found above the path the user wrote: that path with the names
    /// below the directory taken off (`acme/plans/pro.plancat` → `acme`); nil when the path does not
    /// spell them out (`pro.plancat` inside `acme/plans`), so that the catalog is shown relative to the
    /// current directory (`../catalog.plancat`, `pro.plancat`).
    private func display(of root: String, reachedFrom path: String, absolute: String) -> String? {
        let below = Self.components(of: absolute).dropFirst(Self.components(of: root).count)
        var written = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        while written.last == "." { written.removeLast() }
        if below.isEmpty { return path }
        if written.count >= below.count, Array(written.suffix(below.count)) == Array(below),
           !below.contains("..") {
            let kept = written.dropLast(below.count)
            if kept.isEmpty { return path.hasPrefix("/") ? "/" : "." }
            return (path.hasPrefix("/") ? "/" : "") + kept.joined(separator: "/")
        }
        return nil
    }

    /// The path from the current directory to `absolute`, going up with `..` where needed; absolute when
    /// the two share nothing but the root.
    private func relativePath(to absolute: String) -> String {
        let current = Self.components(of: absolutePath(of: "."))
        let target = Self.components(of: absolute)
        var common = 0
        while common < current.count, common < target.count, current[common] == target[common] { common += 1 }
        if common == 0 { return absolute }
        let path = Array(repeating: "..", count: current.count - common) + target.dropFirst(common)
        return path.isEmpty ? "." : path.joined(separator: "/")
    }

    /// The path made absolute against `currentDirectory`, with `.` and `..` resolved by their names.
    private func absolutePath(of path: String) -> String {
        let full = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        return "/" + Self.components(of: full).joined(separator: "/")
    }

    private static func components(of absolute: String) -> [String] {
        var result: [String] = []
        for component in absolute.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(String(component))
            }
        }
        return result
    }

    private static func parent(of absolute: String) -> String {
        "/" + components(of: absolute).dropLast().joined(separator: "/")
    }

    /// `base` and `name` joined for display: `catalogs/` + `pro.plancat` is `catalogs/pro.plancat`, and
    /// the current directory `.` adds nothing (`pro.plancat`).
    static func join(_ base: String, _ name: String) -> String {
        if base == "." || base == "./" { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }

    /// Symbolic links resolved, so that one catalog named two ways is found once.
    private static func resolved(_ absolute: String) -> String {
        realPath(absolute) ?? absolute
    }

    /// Byte order of the UTF-8 path: the same on every platform and file system.
    private static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
