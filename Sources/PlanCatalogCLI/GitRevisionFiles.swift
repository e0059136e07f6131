#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog

/// The `.plancat` files of a git revision that the catalog at PATH is made of, written into a private
/// temporary directory laid out like the repository, so that the catalog at that revision is found and
/// built exactly as the working tree's is (`CatalogDiscovery` reads files, so the revision's must be files).
///
/// Only the files PATH's catalogs can be made of are read: those under PATH, and, when PATH lies inside a
/// catalog directory (a `catalog.plancat` in PATH or above it), every file under that directory, because a
/// file inside a catalog directory is checked with its whole catalog (LANGUAGE.md), and the files its
/// symbolic links lead to inside that directory; the links themselves stay links, so that discovery judges
/// them as it judges the working tree's, and a path that is not UTF-8 is refused as the working tree's walk
/// refuses it (Docs/Robustness.md § Which files a catalog reads). A huge blob elsewhere
/// in the repository is never read. Sizes come first (`cat-file --batch-check`): a blob over
/// `InputLimits.maximumSourceFileBytes` is not read but stands in the directory as a sparse file one byte
/// over the limit, so the build reports it exactly as a too-large working-tree file (E0113). Only blobs
/// are read — no checkout, no index, no change to the user's repository — so this is safe to run in a
/// dirty working tree and in CI.
///
/// The directory holds quotes and hidden plans, so it is created 0700 and its files 0600, every file and
/// directory is registered with `InterruptHandler` as it is created (a signal removes them), and the
/// caller removes it on every other way out (`remove`).
struct GitRevisionFiles {
    /// The temporary directory standing for the repository's root at the revision.
    let root: String
    /// The directory in `root` that stands for the current directory, so relative PATHs and the paths
    /// diagnostics show read as they do in the working tree.
    let currentDirectory: String
    /// The commit the revision names (full id).
    let commit: String
    /// The repository's root in the working tree, as git names it.
    let repositoryRoot: String
    /// Where the current directory is in the repository: empty at its root, else ending in `/`.
    let prefix: String
    /// What `InterruptHandler` removes on a signal, forgotten by `remove`.
    private let registrations: Registrations

    /// Why the revision's files cannot be had; every case is the environment's problem (exit 66).
    struct Failure: Error, Equatable {
        let message: String
    }

    /// Writes out the `.plancat` files of `revision` that the catalogs at `path` (a working tree's PATH,
    /// nil for none) can be made of, from the repository holding `workingDirectory`.
    static func checkOut(revision: String, path: String?, workingDirectory: String,
                         environment: [String: String],
                         gitStop: (@Sendable () -> Bool)? = nil) throws(Failure) -> GitRevisionFiles {
        var git = GitProcess(directory: workingDirectory, environment: environment)
        if let gitStop { git.shouldStop = gitStop }
        let topLevel = try run(git, ["rev-parse", "--show-toplevel"]) { _ in
            "`--against-ref` needs a git repository, and `\(workingDirectory)` is not inside one"
        }.outputLine
        let prefix = try run(git, ["rev-parse", "--show-prefix"]) { result in
            "cannot find where `\(workingDirectory)` is in its repository: \(firstLine(of: result.errorText))"
        }.outputLine
        let commit = try run(git, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]) { _ in
            "unknown git revision `\(revision)` in \(topLevel)"
        }.outputLine
        var atTop = GitProcess(directory: topLevel, environment: environment)
        if let gitStop { atTop.shouldStop = gitStop }
        // Names and ids only (no `-l`): a size would need the object, which a partial clone may not have.
        let listing = try run(atTop, ["ls-tree", "-r", "-z", "--full-tree", commit]) { result in
            "cannot list the files of `\(revision)`: \(firstLine(of: result.errorText))"
        }
        let scope = path.flatMap { repositoryPath(of: $0, prefix: prefix, repositoryRoot: topLevel) }
        let selection = try scope.map { scope throws(Failure) in
            try catalogSelection(in: listing.output, scope: scope, prefix: prefix, revision: revision)
        }
        var blobs = selection?.blobs ?? []
        var sizes = try self.sizes(of: blobs, git: atTop, revision: revision)
        let limit = InputLimits.maximumSourceFileBytes
        var readable = blobs.indices.filter { sizes[$0] <= limit }
        var contents = try read(readable.map { blobs[$0] }, git: atTop, revision: revision)
        // What the links lead to inside the catalog: the files and directories the working tree's walk
        // would reach through them, so that the revision's tree is walked alike (`linkTargets`).
        var linkDirectories: [String] = [], placeholders: [String] = []
        if let selection {
            let links = zip(readable, contents).filter { blobs[$0.0].isLink }.map { (blobs[$0.0], $0.1) }
            let targets = selection.linkTargets(of: links)
            linkDirectories = targets.directories
            placeholders = targets.placeholders
            let extraSizes = try self.sizes(of: targets.files, git: atTop, revision: revision)
            let extraReadable = targets.files.indices.filter { extraSizes[$0] <= limit }
            let extraContents = try read(extraReadable.map { targets.files[$0] }, git: atTop, revision: revision)
            readable += extraReadable.map { $0 + blobs.count }
            contents += extraContents
            blobs += targets.files
            sizes += extraSizes
        }

        let root = NSTemporaryDirectory() + "plancat-ref-" + UUID().uuidString
        let files = GitRevisionFiles(root: root, currentDirectory: prefix.isEmpty ? root : root + "/" + prefix,
                                     commit: commit, repositoryRoot: topLevel, prefix: prefix,
                                     registrations: Registrations())
        do {
            try files.makeDirectory(root)
            try files.makeDirectories(to: files.currentDirectory)
            var contentsByIndex: [Int: [UInt8]] = [:]
            for (index, bytes) in zip(readable, contents) { contentsByIndex[index] = bytes }
            for directory in linkDirectories { try files.makeDirectories(to: root + "/" + directory) }
            for placeholder in placeholders {
                let path = root + "/" + placeholder
                try files.makeDirectories(to: (path as NSString).deletingLastPathComponent)
                try files.writeFile(path, bytes: [], length: nil)
            }
            for (index, blob) in blobs.enumerated() {
                let path = root + "/" + blob.path
                try files.makeDirectories(to: (path as NSString).deletingLastPathComponent)
                if blob.isLink {
                    try files.makeLink(path, to: contentsByIndex[index] ?? [])
                    continue
                }
                // A blob over the limit: a sparse file one byte over it, which reads as zeros and is
                // reported as too large before a byte of it is looked at.
                try files.writeFile(path, bytes: contentsByIndex[index] ?? [], length: sizes[index] <= limit ? nil : limit + 1)
            }
        } catch {
            files.remove()
            throw Failure(message: "cannot write the files of `\(revision)` into \(root): \(error.message)")
        }
        return files
    }

    /// Where a PATH of the working tree is among the revision's files: a relative PATH is unchanged (it is
    /// resolved against `currentDirectory`), an absolute one is moved from the repository's root to
    /// `root`; nil when it is outside the repository (for a relative one: when its `..` lead out).
    func path(forWorkingTreePath path: String) -> String? {
        // A relative PATH whose `..` climb out of the repository would lead out of `root` as well.
        guard let inRepository = Self.repositoryPath(of: path, prefix: prefix, repositoryRoot: repositoryRoot) else {
            return nil
        }
        guard path.hasPrefix("/") else { return path }
        return inRepository.isEmpty ? root : root + "/" + inRepository
    }

    /// The working tree's name of a path among the revision's files: the inverse of
    /// `path(forWorkingTreePath:)` (a relative path is the same in both).
    func workingTreePath(forRevisionPath path: String) -> String {
        if path == root { return repositoryRoot }
        guard path.hasPrefix(root + "/") else { return path }
        return repositoryRoot + path.dropFirst(root.count)
    }

    /// Removes the temporary directory, then forgets its registrations.
    func remove() {
        try? FileManager.default.removeItem(atPath: root)
        for registration in registrations.take() { InterruptHandler.unregister(registration) }
    }

    // MARK: The temporary directory

    /// Why a file or directory of the temporary directory could not be made.
    private struct WriteError: Error {
        let message: String
    }

    /// The registrations of one temporary directory, added to as it is written.
    private final class Registrations: @unchecked Sendable {
        private var items: [InterruptHandler.Registration] = []
        private let lock = NSLock()

        func add(_ registration: InterruptHandler.Registration) {
            lock.withLock { items.append(registration) }
        }

        func take() -> [InterruptHandler.Registration] {
            lock.withLock {
                defer { items = [] }
                return items
            }
        }
    }

    /// Creates one directory 0700 (never following a link in its place) and registers it, together, with
    /// interrupts deferred; an existing directory of this tree is left as it is.
    private func makeDirectory(_ path: String) throws(WriteError) {
        try InterruptHandler.deferringInterrupts { () throws(WriteError) in
            if mkdir(path, 0o700) == 0 {
                registrations.add(InterruptHandler.register(createdDirectory: path))
            } else if !(errno == EEXIST && path != root && isDirectory(path)) {
                throw WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Creates every missing directory from `root` down to `path` (a path inside `root`).
    private func makeDirectories(to path: String) throws(WriteError) {
        guard path.hasPrefix(root + "/") else { return }
        var current = root
        for component in path.dropFirst(root.count + 1).split(separator: "/") {
            current += "/" + component
            try makeDirectory(current)
        }
    }

    /// Creates a symbolic link leading to `target` (the link blob's bytes, as git stores them), so that
    /// discovery judges it as it judges the working tree's link: followed only when it leads to a file or
    /// directory inside the walked directory.
    private func makeLink(_ path: String, to target: [UInt8]) throws(WriteError) {
        let made = InterruptHandler.deferringInterrupts { () -> Bool in
            let made = (target + [0]).withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { symlink($0.baseAddress!, path) == 0 }
            }
            if made { registrations.add(InterruptHandler.register(temporaryFile: path)) }
            return made
        }
        guard made else { throw WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
    }

    /// Creates a new file 0600 holding `bytes`, or `length` bytes (a hole) when given.
    private func writeFile(_ path: String, bytes: [UInt8], length: Int?) throws(WriteError) {
        let descriptor = InterruptHandler.deferringInterrupts { () -> Int32 in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if descriptor >= 0 { registrations.add(InterruptHandler.register(temporaryFile: path)) }
            return descriptor
        }
        guard descriptor >= 0 else {
            throw WriteError(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        if let length {
            guard ftruncate(descriptor, off_t(length)) == 0 else {
                throw WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            return
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw WriteError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private init(root: String, currentDirectory: String, commit: String, repositoryRoot: String, prefix: String,
                 registrations: Registrations) {
        self.prefix = prefix
        self.root = root
        self.currentDirectory = currentDirectory
        self.commit = commit
        self.repositoryRoot = repositoryRoot
        self.registrations = registrations
    }

    // MARK: Which files

    /// A file in the revision's tree: its path from the repository's root and its blob id.
    private struct Blob {
        let path: String
        let object: String
        /// A symbolic link (mode 120000): its blob holds the path it leads to.
        var isLink = false
    }

    /// The catalog's blobs of a revision, and what is needed to follow its links.
    private struct Selection {
        /// The regular files and symbolic links of the catalog, in listing order.
        let blobs: [Blob]
        /// The catalog directory holding the scope, else the scope: the root the walk judges links against.
        let base: String
        /// Every regular file of the revision, by path.
        let regularFiles: [String: String]
        /// Every directory of the revision.
        let directories: Set<String>

        /// What `links` (with their blobs' bytes) lead to in the revision, by the path written in the link,
        /// resolved by name from the link's directory, for the temporary tree to hold it too: the regular
        /// files inside `base` not already selected (`files`, read), the regular files outside it
        /// (`placeholders`, written empty: discovery refuses a link to them before opening them, as it
        /// refuses the working tree's) and the directories (`directories`, created empty: a link to one is
        /// followed by neither walk, or refused when it leads outside). A link leading out of the
        /// repository or to an absolute path gets nothing: on disk it leads outside the walked directory or
        /// nowhere, and is refused in both trees.
        func linkTargets(of links: [(Blob, [UInt8])]) -> (files: [Blob], placeholders: [String], directories: [String]) {
            var files: [Blob] = [], placeholders: [String] = [], linkedDirectories: [String] = []
            var selected = Set(blobs.map(\.path))
            for (link, bytes) in links {
                guard let target = CatalogDiscovery.validUTF8(bytes), !target.hasPrefix("/"),
                      let path = GitRevisionFiles.normalized(parent(of: link.path) + "/" + target),
                      selected.insert(path).inserted else { continue }
                if let object = regularFiles[path] {
                    if GitRevisionFiles.isUnder(path, base) {
                        files.append(Blob(path: path, object: object))
                    } else {
                        placeholders.append(path)
                    }
                } else if directories.contains(path) {
                    linkedDirectories.append(path)
                }
            }
            return (files, placeholders, linkedDirectories)
        }
    }

    /// PATH as a path from the repository's root, without `.` or `..` (empty: the root itself); nil when
    /// it leads outside the repository.
    static func repositoryPath(of path: String, prefix: String, repositoryRoot: String) -> String? {
        if path.hasPrefix("/") {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let repository = URL(fileURLWithPath: repositoryRoot).resolvingSymlinksInPath().path
            if resolved == repository { return "" }
            guard resolved.hasPrefix(repository + "/") else { return nil }
            return normalized(String(resolved.dropFirst(repository.count + 1)))
        }
        return normalized(prefix + path)
    }

    /// A relative path without `.` or `..`; nil when its `..` climb above where it starts.
    fileprivate static func normalized(_ relative: String) -> String? {
        var components: [Substring] = []
        for component in relative.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    fileprivate static func isUnder(_ path: String, _ directory: String) -> Bool {
        directory.isEmpty || path == directory || path.hasPrefix(directory + "/")
    }

    /// The files of an `ls-tree -r -z` listing (`MODE TYPE OBJECT\tPATH\0` entries) that the catalogs at
    /// `scope` (a path from the repository's root) can be made of: `.plancat` files under the nearest
    /// catalog directory holding `scope`, else under `scope`, and `scope` itself whatever its name (a file
    /// named explicitly may be called anything). Symbolic links (mode 120000) there are kept as links, for
    /// discovery to judge as in the working tree; submodules are left out.
    ///
    /// Paths are bytes to git. One that is not valid UTF-8 and could be part of the catalog (a `.plancat`
    /// name, in the catalog's directory) is refused, as the working tree's walk refuses it: decoded with
    /// replacement characters it would be written under another name, so that an unchanged tree showed a
    /// plan of it as archived.
    private static func catalogSelection(in listing: Data, scope: String, prefix: String,
                                         revision: String) throws(Failure) -> Selection {
        var all: [Blob] = []
        var unnamed: [(bytes: [UInt8], lossy: String)] = []
        var directories = Set<String>()
        for entry in listing.split(separator: 0) {
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let header = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let bytes = Array(entry[(tab + 1)...])
            guard header.count == 3, header[1] == "blob" else { continue }
            let isLink = header[0] == "120000"
            guard isLink || header[0] == "100644" || header[0] == "100755" else { continue }
            guard let path = CatalogDiscovery.validUTF8(bytes) else {
                if CatalogDiscovery.isCatalogFileName(bytes) || isLink {
                    unnamed.append((bytes, String(decoding: bytes, as: UTF8.self)))
                }
                continue
            }
            var directory = parent(of: path)
            while !directory.isEmpty, directories.insert(directory).inserted { directory = parent(of: directory) }
            all.append(Blob(path: path, object: String(header[2]), isLink: isLink))
        }
        let catalogFiles = all.filter { !$0.isLink && $0.path.hasSuffix(CatalogDiscovery.fileExtension) }
        let paths = Set(catalogFiles.map(\.path))
        let isDirectory = scope.isEmpty || catalogFiles.contains { isUnder($0.path, scope) && $0.path != scope }
        // The nearest directory, from scope (or its parent) up, that is a catalog directory.
        var candidate: String? = isDirectory ? scope : parent(of: scope)
        var catalogDirectory: String?
        while let directory = candidate {
            let rootFile = directory.isEmpty ? CatalogDiscovery.rootFileName
                : directory + "/" + CatalogDiscovery.rootFileName
            if paths.contains(rootFile) {
                catalogDirectory = directory
                break
            }
            candidate = directory.isEmpty ? nil : parent(of: directory)
        }
        let base = catalogDirectory ?? scope
        if let refused = unnamed.first(where: { $0.lossy == scope || isUnder($0.lossy, base) }) {
            var shown = CatalogDiscovery.displayName(ofBytes: refused.bytes)
            if !prefix.isEmpty, shown.hasPrefix(prefix) { shown.removeFirst(prefix.count) }
            let failure = CatalogDiscovery.Failure(path: shown, reason: .nameNotUTF8)
            throw Failure(message: failure.message + " (at `\(revision)`)")
        }
        let blobs = all.filter { blob in
            blob.path == scope || (isUnder(blob.path, base) && (blob.isLink || blob.path.hasSuffix(CatalogDiscovery.fileExtension)))
        }
        var regularFiles: [String: String] = [:]
        for blob in all where !blob.isLink { regularFiles[blob.path] = blob.object }
        return Selection(blobs: blobs, base: base, regularFiles: regularFiles, directories: directories)
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    // MARK: Plumbing

    /// The size of each blob, through one `git cat-file --batch-check`, which reads only objects' headers.
    private static func sizes(of blobs: [Blob], git: GitProcess, revision: String) throws(Failure) -> [Int] {
        guard !blobs.isEmpty else { return [] }
        let request = Data(blobs.map { $0.object + "\n" }.joined().utf8)
        let result = try run(git, ["cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)"],
                             input: request) { result in
            missingObjectMessage(result.errorText, blobs: blobs, revision: revision)
                ?? "cannot read the files of `\(revision)`: \(firstLine(of: result.errorText))"
        }
        let lines = result.outputLine.split(separator: "\n", omittingEmptySubsequences: false)
        var sizes: [Int] = []
        for (blob, line) in zip(blobs, lines) {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[1] == "missing" {
                throw Failure(message: missingMessage(blob.path, revision: revision))
            }
            guard fields.count == 3, fields[0] == blob.object, let size = Int(fields[2]) else { break }
            sizes.append(size)
        }
        guard sizes.count == blobs.count else {
            throw Failure(message: "cannot read the files of `\(revision)`: git answered in an unexpected form")
        }
        return sizes
    }

    /// The message for a partial clone's missing object, when git's error names one of `blobs`.
    private static func missingObjectMessage(_ errorText: String, blobs: [Blob], revision: String) -> String? {
        guard let blob = blobs.first(where: { errorText.contains($0.object) }) else { return nil }
        return missingMessage(blob.path, revision: revision)
    }

    private static func missingMessage(_ path: String, revision: String) -> String {
        "cannot read `\(path)` at `\(revision)`: its object is not in this repository (a partial or shallow "
            + "clone?), and plancat never lets git fetch; fetch it first, for example with `git fetch`"
    }

    /// The bytes of each blob, through one `git cat-file --batch`: for each id on standard input it prints
    /// `OBJECT TYPE SIZE\n`, the bytes, and `\n`.
    private static func read(_ blobs: [Blob], git: GitProcess, revision: String) throws(Failure) -> [[UInt8]] {
        guard !blobs.isEmpty else { return [] }
        let objects = blobs.map(\.object)
        let request = Data(objects.map { $0 + "\n" }.joined().utf8)
        let result = try run(git, ["cat-file", "--batch"], input: request) { result in
            missingObjectMessage(result.errorText, blobs: blobs, revision: revision)
                ?? "cannot read the files of `\(revision)`: \(firstLine(of: result.errorText))"
        }
        let output = [UInt8](result.output)
        var contents: [[UInt8]] = []
        var position = 0
        for object in objects {
            guard let lineEnd = output[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: output[position..<lineEnd], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[0] == object, let size = Int(header[2]),
                  lineEnd + 1 + size <= output.count else { break }
            contents.append(Array(output[(lineEnd + 1)..<(lineEnd + 1 + size)]))
            position = lineEnd + 1 + size + 1
        }
        guard contents.count == objects.count else {
            throw Failure(message: "cannot read the files of `\(revision)`: git answered in an unexpected form")
        }
        return contents
    }

    /// Runs one git command, turning a failure to launch or a non-zero exit into a `Failure` worded by
    /// `message` (which sees git's result).
    private static func run(_ git: GitProcess, _ arguments: [String], input: Data? = nil,
                            failure message: (GitProcess.Result) -> String) throws(Failure) -> GitProcess.Result {
        let result: GitProcess.Result
        do {
            result = try git.run(arguments, input: input)
        } catch {
            throw Failure(message: error.message)
        }
        guard result.succeeded else { throw Failure(message: message(result)) }
        return result
    }

    private static func firstLine(of text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "git failed without saying why" : line
    }
}
