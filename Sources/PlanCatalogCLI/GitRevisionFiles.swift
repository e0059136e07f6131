import Foundation

/// Every `.plancat` file of a git revision, written into a temporary directory laid out like the
/// repository, so that the catalog at that revision is found and built exactly as the working tree's is.
///
/// All of the revision's `.plancat` files are written, not only those under PATH, because a file inside
/// a catalog directory is checked with its whole catalog (LANGUAGE.md) and discovery must be able to walk
/// up to it. Only blobs are read — no checkout, no index, no change to the user's repository — so this is
/// safe to run in a dirty working tree and in CI.
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

    /// Why the revision's files cannot be had; every case is the environment's problem (exit 66).
    struct Failure: Error, Equatable {
        let message: String
    }

    /// Writes out the `.plancat` files of `revision` of the repository holding `workingDirectory`.
    static func checkOut(revision: String, workingDirectory: String,
                         environment: [String: String]) throws(Failure) -> GitRevisionFiles {
        let git = GitProcess(directory: workingDirectory, environment: environment)
        let topLevel = try run(git, ["rev-parse", "--show-toplevel"]) { _ in
            "`--against-ref` needs a git repository, and `\(workingDirectory)` is not inside one"
        }.outputLine
        let prefix = try run(git, ["rev-parse", "--show-prefix"]) { result in
            "cannot find where `\(workingDirectory)` is in its repository: \(firstLine(of: result.errorText))"
        }.outputLine
        let commit = try run(git, ["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]) { _ in
            "unknown git revision `\(revision)` in \(topLevel)"
        }.outputLine
        let listing = try run(GitProcess(directory: topLevel, environment: environment),
                              ["ls-tree", "-r", "-z", "--full-tree", commit]) { result in
            "cannot list the files of `\(revision)`: \(firstLine(of: result.errorText))"
        }
        let blobs = catalogBlobs(in: listing.output)
        let contents = try read(blobs.map(\.object), git: GitProcess(directory: topLevel, environment: environment),
                                revision: revision)

        let root = NSTemporaryDirectory() + "plancat-ref-" + UUID().uuidString
        let files = GitRevisionFiles(root: root, currentDirectory: prefix.isEmpty ? root : root + "/" + prefix,
                                     commit: commit, repositoryRoot: topLevel)
        do {
            let manager = FileManager.default
            try manager.createDirectory(atPath: files.currentDirectory, withIntermediateDirectories: true)
            for (blob, bytes) in zip(blobs, contents) {
                let path = root + "/" + blob.path
                try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
        } catch {
            files.remove()
            throw Failure(message: "cannot write the files of `\(revision)` into \(root): \(error.localizedDescription)")
        }
        return files
    }

    /// Where a PATH of the working tree is among the revision's files: a relative PATH is unchanged (it is
    /// resolved against `currentDirectory`), an absolute one is moved from the repository's root to
    /// `root`; nil when it is outside the repository.
    func path(forWorkingTreePath path: String) -> String? {
        guard path.hasPrefix("/") else { return path }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let repository = URL(fileURLWithPath: repositoryRoot).resolvingSymlinksInPath().path
        if resolved == repository { return root }
        guard resolved.hasPrefix(repository + "/") else { return nil }
        return root + resolved.dropFirst(repository.count)
    }

    /// The working tree's name of a path among the revision's files: the inverse of
    /// `path(forWorkingTreePath:)` (a relative path is the same in both).
    func workingTreePath(forRevisionPath path: String) -> String {
        if path == root { return repositoryRoot }
        guard path.hasPrefix(root + "/") else { return path }
        return repositoryRoot + path.dropFirst(root.count)
    }

    /// Removes the temporary directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    // MARK: Plumbing

    /// A `.plancat` file in the revision's tree: its path from the repository's root and its blob id.
    private struct Blob {
        let path: String
        let object: String
    }

    /// The regular `.plancat` files of an `ls-tree -r -z` listing: `MODE TYPE OBJECT\tPATH\0` entries.
    /// Symbolic links (mode 120000) and submodules are left out: discovery would not follow them either.
    private static func catalogBlobs(in listing: Data) -> [Blob] {
        listing.split(separator: 0).compactMap { entry in
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let header = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard header.count == 3, header[1] == "blob", header[0] == "100644" || header[0] == "100755",
                  path.hasSuffix(".plancat") else { return nil }
            return Blob(path: path, object: String(header[2]))
        }
    }

    /// The bytes of each blob, through one `git cat-file --batch`: for each id on standard input it prints
    /// `OBJECT TYPE SIZE\n`, the bytes, and `\n`.
    private static func read(_ objects: [String], git: GitProcess, revision: String) throws(Failure) -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let request = Data(objects.map { $0 + "\n" }.joined().utf8)
        let result = try run(git, ["cat-file", "--batch"], input: request) { result in
            "cannot read the files of `\(revision)`: \(firstLine(of: result.errorText))"
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
