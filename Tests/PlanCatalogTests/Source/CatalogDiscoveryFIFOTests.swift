import Foundation
import Testing
@testable import PlanCatalog

/// Issue 18, item 12: a FIFO inside a catalog directory or a folder of catalogs made `check` and `fmt`
/// wait for a writer for ever. Walks now skip what is not a regular file, without opening it, and list it
/// in `Outcome.skipped`; a PATH that names one is a failure. (The CLI's own runs, which would hang rather
/// than fail before the fix, are in PlanCatalogCLITests' `NonRegularFileTests`.)
@Suite struct CatalogDiscoveryFIFOTests {
    private final class Tree {
        let root = NSTemporaryDirectory() + "plancat-fifo-" + UUID().uuidString

        init(files: [String], fifos: [String]) throws {
            for path in files + fifos {
                try FileManager.default.createDirectory(atPath: ((root + "/" + path) as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
            }
            for file in files { try Data("currency USD\n".utf8).write(to: URL(fileURLWithPath: root + "/" + file)) }
            for fifo in fifos { try #require(mkfifo(root + "/" + fifo, 0o600) == 0, "mkfifo \(fifo)") }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func discover(_ paths: [String]) -> CatalogDiscovery.Outcome {
            CatalogDiscovery(currentDirectory: root).discover(paths)
        }
    }

    @Test func aFIFOInACatalogDirectoryIsSkipped() throws {
        let tree = try Tree(files: ["acme/catalog.plancat", "acme/plans/pro.plancat"], fifos: ["acme/plans/pipe.plancat"])
        let outcome = tree.discover(["acme"])
        #expect(outcome.catalogs.map { $0.files.map(\.path) } == [["acme/catalog.plancat", "acme/plans/pro.plancat"]])
        #expect(outcome.failures.isEmpty)
        #expect(outcome.skipped == [CatalogDiscovery.Skipped(path: "acme/plans/pipe.plancat", kind: "a FIFO")])
        #expect(outcome.skipped[0].message == "skipped `acme/plans/pipe.plancat`: it is a FIFO, not a regular file")
    }

    @Test func aFIFOInAFolderOfCatalogsIsSkipped() throws {
        let tree = try Tree(files: ["catalogs/a.plancat"], fifos: ["catalogs/b.plancat", "catalogs/notes.txt"])
        let outcome = tree.discover(["catalogs"])
        #expect(outcome.catalogs.map(\.path) == ["catalogs/a.plancat"])
        // A FIFO that would not have been read anyway (not `*.plancat`) is not worth a word.
        #expect(outcome.skipped.map(\.path) == ["catalogs/b.plancat"])
    }

    @Test func aFolderOfOnlyAFIFOHoldsNoCatalogs() throws {
        let tree = try Tree(files: [], fifos: ["catalogs/b.plancat"])
        let outcome = tree.discover(["catalogs"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures == [CatalogDiscovery.Failure(path: "catalogs", reason: .noCatalogs)])
        #expect(outcome.skipped.map(\.path) == ["catalogs/b.plancat"])
    }

    @Test func aFIFONamedAsAPathIsRefused() throws {
        let tree = try Tree(files: [], fifos: ["pipe.plancat"])
        let outcome = tree.discover(["pipe.plancat"])
        #expect(outcome.catalogs.isEmpty)
        #expect(outcome.failures == [CatalogDiscovery.Failure(path: "pipe.plancat", reason: .notRegularFile(kind: "a FIFO"))])
        #expect(outcome.failures[0].message.hasPrefix("`pipe.plancat` is a FIFO, not a regular file"))
    }

    @Test func aDeviceNamedAsAPathIsRefused() {
        let outcome = CatalogDiscovery(currentDirectory: "/").discover(["/dev/null"])
        #expect(outcome.failures == [CatalogDiscovery.Failure(path: "/dev/null", reason: .notRegularFile(kind: "a character device"))])
    }

    @Test func theReaderRefusesAFIFOWithoutWaiting() throws {
        let tree = try Tree(files: [], fifos: ["pipe"])
        #expect(BoundedFileReader.contents(ofRegularFile: tree.root + "/pipe", limit: 10) == .failure(.notRegularFile(kind: "a FIFO")))
    }
}
