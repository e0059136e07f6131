import Foundation
import Testing
@testable import PlanCatalog

/// Issue 18, items 7 and 13: which files a walk reads (Docs/Robustness.md § Which files a catalog reads).
///
/// - A symbolic link found while walking is followed only when it leads inside the walked directory: a
///   `x.plancat -> /proc/self/environ` printed the environment in diagnostics.
/// - Files of the kernel (/proc, /sys) are never read, even when named as a PATH.
/// - A file whose name is not UTF-8 was left out without a word; it is now an error that names it.
/// - A file 600 directories down was left out without a word; it is now read.
@Suite struct CatalogFileAdmissionTests {
    /// A temporary directory, removed with `rm -rf` (names that are not UTF-8 and deep trees included).
    final class Tree {
        let root = NSTemporaryDirectory() + "plancat-admission-" + UUID().uuidString

        init(_ files: [String: String] = [:]) throws {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for (path, contents) in files { try put(path, contents) }
        }

        deinit {
            let remover = Process()
            remover.executableURL = URL(fileURLWithPath: "/bin/rm")
            remover.arguments = ["-rf", root]
            try? remover.run()
            remover.waitUntilExit()
        }

        func put(_ path: String, _ contents: String) throws {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: full))
        }

        func link(_ path: String, to target: String) throws {
            try #require(symlink(target, root + "/" + path) == 0, "symlink \(path)")
        }

        /// Creates a file or directory whose last name is `name`'s bytes, in `directory` (relative).
        func create(rawName name: [UInt8], in directory: String, directory isDirectory: Bool = false,
                    contents: String = "plan hidden_plan {\n  name \"Hidden\"\n}\n") throws {
            let path = Array((root + "/" + directory).utf8) + [UInt8(ascii: "/")] + name + [0]
            try path.withUnsafeBufferPointer { buffer in
                try buffer.withMemoryRebound(to: CChar.self) { name in
                    if isDirectory {
                        try #require(mkdir(name.baseAddress!, 0o755) == 0)
                        return
                    }
                    let descriptor = open(name.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                    try #require(descriptor >= 0)
                    defer { close(descriptor) }
                    let bytes = Array(contents.utf8)
                    try #require(write(descriptor, bytes, bytes.count) == bytes.count)
                }
            }
        }

        /// Makes `levels` nested directories named `name` under `directory`, with `file` holding
        /// `contents` at the bottom, through descriptors (mkdirat, openat), since the path may be longer
        /// than the system takes.
        func nest(_ levels: Int, named name: String, under directory: String, file: String, contents: String) throws {
            var descriptor = open(root + "/" + directory, O_RDONLY | O_DIRECTORY)
            try #require(descriptor >= 0)
            for _ in 0..<levels {
                try #require(mkdirat(descriptor, name, 0o755) == 0)
                let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
                close(descriptor)
                try #require(next >= 0)
                descriptor = next
            }
            defer { close(descriptor) }
            let fileDescriptor = openat(descriptor, file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            try #require(fileDescriptor >= 0)
            defer { close(fileDescriptor) }
            let bytes = Array(contents.utf8)
            try #require(write(fileDescriptor, bytes, bytes.count) == bytes.count)
        }

        func discover(_ paths: [String]) -> CatalogDiscovery.Outcome {
            CatalogDiscovery(currentDirectory: root).discover(paths)
        }
    }

    static let marker = "PLANCAT_ADMISSION_MARKER=do-not-print"
    static let catalog = "currency USD\n"

    private func files(_ outcome: CatalogDiscovery.Outcome) -> [[String]] {
        outcome.catalogs.map { $0.files.map(\.path) }
    }

    private func read(_ outcome: CatalogDiscovery.Outcome) -> String {
        outcome.catalogs.flatMap(\.files).map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
    }

    // MARK: Symbolic links (item 7)

    @Test func aLinkLeadingOutOfACatalogDirectoryIsRefusedUnread() throws {
        let tree = try Tree(["cat/catalog.plancat": Self.catalog, "outside.txt": Self.marker])
        try tree.link("cat/x.plancat", to: "../outside.txt")
        let outcome = tree.discover(["cat"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures == [.init(path: "cat/x.plancat", reason: .linkLeavesDirectory(directory: "cat"))])
        #expect(outcome.failures[0].message == "`cat/x.plancat` is a symbolic link that leads outside `cat`, so it "
            + "was not opened: a walk reads only files inside the directory it walks")
        // Named through a file of the catalog, the catalog directory is walked alike.
        #expect(tree.discover(["cat/catalog.plancat"]).failures.map(\.path) == ["cat/x.plancat"])
    }

    @Test func aLinkToTheEnvironmentInACatalogDirectoryIsRefused() throws {
        let tree = try Tree(["cat/catalog.plancat": Self.catalog])
        try tree.link("cat/x.plancat", to: "/proc/self/environ")
        let outcome = tree.discover(["cat"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures.map(\.reason) == [.linkLeavesDirectory(directory: "cat")])
    }

    @Test func aLinkLeadingOutOfAFolderOfCatalogsIsRefused() throws {
        let tree = try Tree(["catalogs/a.plancat": Self.catalog, "elsewhere/b.plancat": Self.marker,
                             "elsewhere/more/c.plancat": Self.marker])
        try tree.link("catalogs/b.plancat", to: "../elsewhere/b.plancat")
        try tree.link("catalogs/more", to: "../elsewhere/more")
        let outcome = tree.discover(["catalogs"])
        #expect(files(outcome) == [["catalogs/a.plancat"]])
        #expect(outcome.failures == [.init(path: "catalogs/b.plancat", reason: .linkLeavesDirectory(directory: "catalogs")),
                                     .init(path: "catalogs/more", reason: .linkLeavesDirectory(directory: "catalogs"))])
        #expect(!read(outcome).contains(Self.marker))
    }

    @Test func aLinkInsideTheCatalogDirectoryIsFollowedAndAFileIsReadOnce() throws {
        let tree = try Tree(["cat/catalog.plancat": Self.catalog, "cat/notes/extra.txt": "plan extra {}\n",
                             "cat/plans/pro.plancat": "plan pro {}\n"])
        try tree.link("cat/extra.plancat", to: "notes/extra.txt")
        try tree.link("cat/again.plancat", to: "plans/pro.plancat")
        try tree.link("cat/alias", to: "plans")
        let outcome = tree.discover(["cat"])
        #expect(outcome.failures.isEmpty)
        // `again.plancat` and `alias/pro.plancat` lead to `plans/pro.plancat`, read once under its own name.
        #expect(files(outcome) == [["cat/catalog.plancat", "cat/extra.plancat", "cat/plans/pro.plancat"]])
        #expect(outcome.catalogs[0].files[1].bytes == Array("plan extra {}\n".utf8))
    }

    @Test func aLinkThatLeadsNowhereIsRefusedWhenItIsACatalogFile() throws {
        let tree = try Tree(["cat/catalog.plancat": Self.catalog])
        try tree.link("cat/gone.plancat", to: "missing.plancat")
        try tree.link("cat/README", to: "missing")
        let outcome = tree.discover(["cat"])
        #expect(outcome.failures == [.init(path: "cat/gone.plancat", reason: .linkLeadsNowhere)])
    }

    @Test func aPathNamingALinkOutsideIsReadAsTheUserAskedForIt() throws {
        let tree = try Tree(["real/pro.plancat": "plan pro {}\n", "here/readme.txt": ""])
        try tree.link("here/pro.plancat", to: "../real/pro.plancat")
        let outcome = tree.discover(["here/pro.plancat"])
        #expect(outcome.failures.isEmpty)
        #expect(files(outcome) == [["here/pro.plancat"]])
    }

    #if os(Linux)
    @Test func filesOfTheKernelAreNeverRead() throws {
        let tree = try Tree()
        try tree.link("environ.plancat", to: "/proc/self/environ")
        let outcome = tree.discover(["environ.plancat", "/proc/self/environ", "/proc/self/cmdline"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures == [.init(path: "environ.plancat", reason: .kernelFile),
                                     .init(path: "/proc/self/environ", reason: .kernelFile),
                                     .init(path: "/proc/self/cmdline", reason: .kernelFile)])
        #expect(outcome.failures[0].message
            == "`environ.plancat` is a file of the kernel (/proc, /sys), not a catalog; plancat does not read it")
        #expect(BoundedFileReader.contents(ofRegularFile: "/proc/self/status", limit: 100) == .failure(.kernelFile))
    }
    #endif

    // MARK: Names that are not UTF-8 (item 13)

    @Test func aCatalogFileWhoseNameIsNotUTF8IsAnError() throws {
        let tree = try Tree(["cat/catalog.plancat": Self.catalog])
        try tree.create(rawName: Array("caf".utf8) + [0xFF] + Array(".plancat".utf8), in: "cat")
        let outcome = tree.discover(["cat"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures == [.init(path: "cat/caf\\xFF.plancat", reason: .nameNotUTF8)])
        #expect(outcome.failures[0].message
            == "`cat/caf\\xFF.plancat` has a name that is not valid UTF-8, so it cannot be read as part of a catalog; rename it")
    }

    @Test func aNameThatIsNotUTF8InAFolderOfCatalogsIsAnError() throws {
        let tree = try Tree(["catalogs/a.plancat": Self.catalog])
        try tree.create(rawName: [0xC3, 0x28] + Array(".plancat".utf8), in: "catalogs")
        try tree.create(rawName: Array("notes".utf8) + [0xFE], in: "catalogs")
        try tree.create(rawName: Array("dir".utf8) + [0xFE], in: "catalogs", directory: true)
        let outcome = tree.discover(["catalogs"])
        #expect(files(outcome) == [["catalogs/a.plancat"]])
        // A file that could not be part of a catalog (`notes\xFE`) is not worth a word; a directory could hold one.
        #expect(outcome.failures.map(\.path).sorted() == ["catalogs/\\xC3(.plancat", "catalogs/dir\\xFE"])
        #expect(outcome.failures.allSatisfy { $0.reason == .nameNotUTF8 })
    }

    @Test func aNameIsShownWithItsInvalidBytesEscaped() {
        #expect(CatalogDiscovery.displayName(ofBytes: Array("café".utf8) + [0x80, 0x0A]) == "café\\x80\n")
        #expect(CatalogDiscovery.displayName(ofBytes: [0xE2, 0x82]) == "\\xE2\\x82")
    }

    // MARK: Deep trees (item 13)

    @Test func aFileSixHundredDirectoriesDownIsRead() throws {
        let tree = try Tree(["cat/catalog.plancat": Self.catalog])
        try tree.nest(600, named: "d", under: "cat", file: "deep.plancat", contents: "plan deep {}\n")
        let outcome = tree.discover(["cat"])
        #expect(outcome.failures.isEmpty)
        let deep = "cat/" + String(repeating: "d/", count: 600) + "deep.plancat"
        #expect(files(outcome) == [["cat/catalog.plancat", deep]])
    }

    @Test func aFileBeyondTheSystemsPathLimitIsAnError() throws {
        let tree = try Tree(["catalogs/a.plancat": Self.catalog])
        let name = String(repeating: "n", count: 100)
        try tree.nest(60, named: name, under: "catalogs", file: "deep.plancat", contents: "plan deep {}\n")
        let outcome = tree.discover(["catalogs"])
        #expect(files(outcome) == [["catalogs/a.plancat"]])
        try #require(outcome.failures.count == 1)
        #expect(outcome.failures[0].reason == .cannotRead(reason: String(cString: strerror(ENAMETOOLONG))))
        #expect(outcome.failures[0].path.hasPrefix("catalogs/" + name + "/" + name + "/"))
    }
}
