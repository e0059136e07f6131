import Foundation
import Testing
@testable import PlanCatalog

/// How PATH arguments become catalogs, on real directory trees in a temporary directory.
@Suite struct CatalogDiscoveryTests {
    /// A fresh directory tree for one test, removed when the test ends.
    private final class TemporaryTree {
        let root: String

        init(_ files: [String]) throws {
            root = NSTemporaryDirectory() + "plancat-discovery-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for file in files {
                let path = root + "/" + file
                if file.hasSuffix("/") {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    continue
                }
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data("# \(file)\n".utf8).write(to: URL(fileURLWithPath: path))
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func discover(_ paths: [String], from directory: String = "",
                      standardInput: @escaping () throws -> [UInt8] = { [] }) -> CatalogDiscovery.Outcome {
            let current = directory.isEmpty ? root : root + "/" + directory
            return CatalogDiscovery(currentDirectory: current, readStandardInput: standardInput).discover(paths)
        }
    }

    /// Each catalog as "path: file, file".
    private func summary(_ outcome: CatalogDiscovery.Outcome) -> [String] {
        outcome.catalogs.map { "\($0.path): " + $0.files.map(\.path).joined(separator: ", ") }
    }

    @Test func aFileIsACatalogOfItsOwn() throws {
        let tree = try TemporaryTree(["solo.plancat"])
        let outcome = tree.discover(["solo.plancat"])
        #expect(summary(outcome) == ["solo.plancat: solo.plancat"])
        #expect(outcome.failures.isEmpty)
        #expect(outcome.catalogs[0].files[0].bytes == Array("# solo.plancat\n".utf8))
    }

    @Test func aCatalogDirectoryIsEveryPlancatFileUnderIt() throws {
        let tree = try TemporaryTree([
            "acme/catalog.plancat", "acme/plans/pro.plancat", "acme/plans/free.plancat",
            "acme/features.plancat", "acme/notes.txt", "acme/.hidden/x.plancat", "acme/deep/er/z.plancat",
        ])
        let expected = ["acme: acme/catalog.plancat, acme/deep/er/z.plancat, acme/features.plancat, "
            + "acme/plans/free.plancat, acme/plans/pro.plancat"]
        #expect(summary(tree.discover(["acme"])) == expected)
        #expect(summary(tree.discover(["acme/"])) == ["acme/: acme/catalog.plancat, acme/deep/er/z.plancat, "
            + "acme/features.plancat, acme/plans/free.plancat, acme/plans/pro.plancat"])
        #expect(summary(tree.discover(["."], from: "acme")) == [".: catalog.plancat, deep/er/z.plancat, "
            + "features.plancat, plans/free.plancat, plans/pro.plancat"])
    }

    @Test func aFolderOfCatalogsLooksAtEachEntryBySameRule() throws {
        let tree = try TemporaryTree([
            "catalogs/solo.plancat", "catalogs/beta.plancat", "catalogs/readme.md",
            "catalogs/acme/catalog.plancat", "catalogs/acme/plans/pro.plancat",
            "catalogs/more/one.plancat", "catalogs/more/two/catalog.plancat", "catalogs/.git/x.plancat",
        ])
        #expect(summary(tree.discover(["catalogs"])) == [
            "catalogs/acme: catalogs/acme/catalog.plancat, catalogs/acme/plans/pro.plancat",
            "catalogs/beta.plancat: catalogs/beta.plancat",
            "catalogs/more/one.plancat: catalogs/more/one.plancat",
            "catalogs/more/two: catalogs/more/two/catalog.plancat",
            "catalogs/solo.plancat: catalogs/solo.plancat",
        ])
    }

    @Test func aFileInsideACatalogDirectoryBringsItsWholeCatalog() throws {
        let tree = try TemporaryTree(["acme/catalog.plancat", "acme/plans/pro.plancat", "acme/plans/free.plancat"])
        #expect(summary(tree.discover(["acme/plans/pro.plancat"])) ==
            ["acme: acme/catalog.plancat, acme/plans/free.plancat, acme/plans/pro.plancat"])
        #expect(summary(tree.discover(["acme/plans"])) ==
            ["acme: acme/catalog.plancat, acme/plans/free.plancat, acme/plans/pro.plancat"])
        // Named from inside the catalog, the paths are relative to the current directory.
        #expect(summary(tree.discover(["pro.plancat"], from: "acme/plans")) ==
            ["..: ../catalog.plancat, free.plancat, pro.plancat"])
        #expect(summary(tree.discover(["catalog.plancat"], from: "acme")) ==
            [".: catalog.plancat, plans/free.plancat, plans/pro.plancat"])
    }

    @Test func aMissingPathFailsAndTheOthersAreStillFound() throws {
        let tree = try TemporaryTree(["solo.plancat"])
        let outcome = tree.discover(["nope.plancat", "solo.plancat", "gone/"])
        #expect(summary(outcome) == ["solo.plancat: solo.plancat"])
        #expect(outcome.failures == [
            CatalogDiscovery.Failure(path: "nope.plancat", reason: .notFound),
            CatalogDiscovery.Failure(path: "gone/", reason: .notFound),
        ])
        #expect(outcome.failures[0].message == "`nope.plancat` does not exist")
    }

    @Test func aDirectoryWithoutCatalogsFails() throws {
        let tree = try TemporaryTree(["empty/", "other/readme.md"])
        let outcome = tree.discover(["empty", "other"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures.map(\.reason) == [.noCatalogs, .noCatalogs])
        #expect(outcome.failures[0].message == "`empty` holds no catalogs (no .plancat files)")
    }

    @Test func anUnreadableFileFails() throws {
        // The superuser reads everything, so there is nothing to test as root.
        guard getuid() != 0 else { return }
        let tree = try TemporaryTree(["locked.plancat", "fine.plancat"])
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: tree.root + "/locked.plancat")
        let outcome = tree.discover(["locked.plancat", "fine.plancat"])
        #expect(summary(outcome) == ["fine.plancat: fine.plancat"])
        #expect(outcome.failures == [CatalogDiscovery.Failure(path: "locked.plancat", reason: .unreadable)])
    }

    @Test func aCatalogNamedTwiceIsFoundOnce() throws {
        let tree = try TemporaryTree(["acme/catalog.plancat", "acme/plans/pro.plancat", "solo.plancat"])
        let outcome = tree.discover(["acme", "solo.plancat", "acme/plans/pro.plancat", "./acme/", "solo.plancat"])
        #expect(summary(outcome) == [
            "acme: acme/catalog.plancat, acme/plans/pro.plancat",
            "solo.plancat: solo.plancat",
        ])
    }

    @Test func theOrderNeverDependsOnTheDirectoryListing() throws {
        let names = (0..<20).map { "catalogs/c\(($0 * 7) % 20).plancat" }
        let tree = try TemporaryTree(names)
        let paths = summary(tree.discover(["catalogs"])).map { $0.split(separator: ":")[0] }
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.count == 20)
        // Path arguments keep the order they were given in.
        #expect(summary(tree.discover(["catalogs/c9.plancat", "catalogs/c1.plancat"])).map { $0.prefix(19) } ==
            ["catalogs/c9.plancat", "catalogs/c1.plancat"])
    }

    @Test func aSymbolicLinkToACatalogIsTheSameCatalog() throws {
        let tree = try TemporaryTree(["acme/catalog.plancat"])
        try FileManager.default.createSymbolicLink(atPath: tree.root + "/alias", withDestinationPath: tree.root + "/acme")
        #expect(summary(tree.discover(["acme", "alias"])) == ["acme: acme/catalog.plancat"])
    }

    @Test func absolutePathsStayAbsolute() throws {
        let tree = try TemporaryTree(["acme/catalog.plancat"])
        #expect(summary(tree.discover([tree.root + "/acme"])) ==
            ["\(tree.root)/acme: \(tree.root)/acme/catalog.plancat"])
    }

    @Test func standardInputIsASingleFileCatalogReadOnce() throws {
        let tree = try TemporaryTree([])
        var reads = 0
        let outcome = tree.discover(["-", "-"], standardInput: {
            reads += 1
            return Array("plan p {}\n".utf8)
        })
        #expect(summary(outcome) == ["<stdin>: <stdin>"])
        #expect(outcome.catalogs[0].files[0].bytes == Array("plan p {}\n".utf8))
        #expect(reads == 1)
    }

    @Test func unreadableStandardInputFails() throws {
        struct Broken: Error {}
        let tree = try TemporaryTree([])
        let outcome = tree.discover(["-"], standardInput: { throw Broken() })
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures.map(\.message) == ["cannot read standard input"])
    }
}
