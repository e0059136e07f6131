#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// What a build may touch in its output directory, and what it must leave alone (Docs/CLI.md
/// § Symbolic links and special files, § Stale pricing tables, § Concurrent builds):
///
/// - DIR itself is followed through a link, as the user named it; inside DIR nothing is written or removed
///   through a link, and a link, a FIFO or a device where a build's file goes is refused with exit 73
///   before anything is written;
/// - only stale pricing tables that plancat wrote are removed, recognised by their bytes;
/// - the temporary files of dead builds are removed, those of live processes kept;
/// - a build waits for another build of the same directory, and gives up after a bounded wait.
@Suite struct OutputDirectorySafetyTests {
    /// The shipped seed guide, whose one pricing table is `main`.
    private static let catalog: String = {
        let root = PackageRoot.url
        let url = root.appendingPathComponent("catalogs/freemium-to-enterprise.plancat")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// The bytes plancat writes for the pricing table `main`.
    private static let mainTable: [UInt8] = {
        let output = CatalogCompiler.build([SourceFile(path: "pro.plancat", text: catalog)]).output
        return output?.file(at: "pricing-tables/main.json")?.bytes ?? []
    }()

    /// `mainTable` as plancat would have written it for the table `slug`.
    private static func table(slug: String) -> String {
        String(decoding: mainTable, as: UTF8.self).replacingOccurrences(of: "\"slug\": \"main\"",
                                                                        with: "\"slug\": \"\(slug)\"")
    }

    // MARK: Links

    /// The reproduction of issue 18: `DIR/pricing-tables` links outside DIR. Before, the build removed
    /// `outside/precious.json`, wrote its table there and exited 0.
    @Test func aLinkedPricingTablesDirectoryIsRefusedAndWhatItLeadsToIsKept() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog, "outside/precious.json": "{}\n"])
        try FileManager.default.createDirectory(atPath: directory.path + "/o2", withIntermediateDirectories: false)
        try #require(symlink("../outside", directory.path + "/o2/pricing-tables") == 0)
        let (status, terminal) = directory.run(["build", "pro.plancat", "-o", "o2"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasSuffix("plancat: error: `o2/pricing-tables` is a symbolic link; a build "
            + "writes and removes files only in real directories inside `o2`, never through a link: replace it "
            + "with a directory, or build into the link's target with `-o`\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/outside") == ["precious.json"])
        #expect(try String(contentsOfFile: directory.path + "/outside/precious.json", encoding: .utf8) == "{}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/o2") == ["pricing-tables"])
    }

    /// Without a pricing table in the build, a linked pricing-tables is refused all the same: its stale
    /// tables would be removed through it.
    @Test func aLinkedPricingTablesDirectoryIsRefusedWhenTheBuildHasNoTable() throws {
        let directory = try TemporaryDirectory(["outside/old.json": Self.table(slug: "old")])
        try FileManager.default.createDirectory(atPath: directory.path + "/out", withIntermediateDirectories: false)
        try #require(symlink("../outside", directory.path + "/out/pricing-tables") == 0)
        let writer = OutputDirectoryWriter(directory: directory.path + "/out", shownAs: "out")
        #expect(throws: OutputDirectoryWriter.Failure.self) {
            try writer.write([OutputFile(path: "catalog.json", bytes: Array("{}\n".utf8))])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/outside") == ["old.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out") == ["pricing-tables"])
    }

    /// A link, a FIFO (and, as root, a device node) where a file of the build goes: refused before anything
    /// is written, and still there as it was.
    @Test(arguments: ["a link to a file", "a link to /dev/null", "a FIFO", "a device"])
    func somethingOtherThanARegularFileWhereAFileGoesIsRefused(kind: String) throws {
        if kind == "a device", geteuid() != 0 { return } // making a device node needs root
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog, "elsewhere.json": "mine\n",
                                                "build/catalog.json": "old\n"])
        let path = directory.path + "/build/entitlements.json"
        let expectedKind: mode_t
        let described: String
        switch kind {
        case "a link to a file":
            try #require(symlink("../elsewhere.json", path) == 0)
            (expectedKind, described) = (S_IFLNK, "a symbolic link")
        case "a link to /dev/null":
            try #require(symlink("/dev/null", path) == 0)
            (expectedKind, described) = (S_IFLNK, "a symbolic link")
        case "a FIFO":
            try #require(mkfifo(path, 0o600) == 0)
            (expectedKind, described) = (S_IFIFO, "a FIFO")
        default:
            try #require(mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
            (expectedKind, described) = (S_IFCHR, "a character device")
        }
        let (status, terminal) = directory.run(["build", "pro.plancat"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardError.hasSuffix("plancat: error: `build/entitlements.json` is \(described), "
            + "where the build writes a regular file; a build never writes through a link nor replaces anything "
            + "but a regular file: move it away and build again\n"))
        var information = stat()
        #expect(lstat(path, &information) == 0 && information.st_mode & S_IFMT == expectedKind)
        #expect(try String(contentsOfFile: directory.path + "/elsewhere.json", encoding: .utf8) == "mine\n")
        #expect(try String(contentsOfFile: directory.path + "/build/catalog.json", encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/build").sorted()
            == ["catalog.json", "entitlements.json"])
    }

    /// DIR itself may be a link to a directory: it is followed, as the user named it, and stays a link.
    @Test func aLinkedOutputDirectoryIsFollowed() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog, "site/.keep": ""])
        try #require(symlink("site", directory.path + "/public") == 0)
        let (status, terminal) = directory.run(["build", "pro.plancat", "-o", "public"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        var information = stat()
        #expect(lstat(directory.path + "/public", &information) == 0 && information.st_mode & S_IFMT == S_IFLNK)
        #expect(FileManager.default.contents(atPath: directory.path + "/site/pricing-tables/main.json")
            == Data(Self.mainTable))
    }

    // MARK: Stale pricing tables

    /// Only a `.json` whose bytes begin as plancat writes that very table goes; `{}`, a copy under another
    /// name, a link to a table and a FIFO stay. (Before, every `*.json` regular file or link went.)
    @Test func onlyStalePricingTablesThatPlancatWroteAreRemoved() throws {
        let directory = try TemporaryDirectory([
            "pro.plancat": Self.catalog,
            "build/pricing-tables/old.json": Self.table(slug: "old"),
            "build/pricing-tables/precious.json": "{}\n",
            "build/pricing-tables/main-backup.json": Self.table(slug: "main"),
            "build/pricing-tables/mine.json": "{\"pricingTable\": {\"name\": \"mine\"}}\n",
            "elsewhere/linked.json": Self.table(slug: "linked"),
        ])
        let tables = directory.path + "/build/pricing-tables"
        try #require(symlink("../../elsewhere/linked.json", tables + "/linked.json") == 0)
        try #require(mkfifo(tables + "/fifo.json", 0o600) == 0)
        let (status, terminal) = directory.run(["build", "pro.plancat"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardOutput.hasSuffix("; removed pricing-tables/old.json\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tables).sorted()
            == ["fifo.json", "linked.json", "main-backup.json", "main.json", "mine.json", "precious.json"])
        #expect(FileManager.default.fileExists(atPath: directory.path + "/elsewhere/linked.json"))
    }

    @Test func aPricingTableIsRecognisedByItsOpeningAndItsOwnSlug() {
        #expect(OutputDirectoryWriter.isPricingTable(Self.mainTable, slug: "main"))
        #expect(!Self.mainTable.isEmpty)
        #expect(OutputDirectoryWriter.isPricingTable(Array("{\"pricingTable\":{\"slug\":\"a-b\",".utf8), slug: "a-b"))
        #expect(OutputDirectoryWriter.isPricingTable(Array(" {\r\n\t\"pricingTable\" :\n{ \"slug\" : \"x\"".utf8),
                                                     slug: "x"))
        #expect(!OutputDirectoryWriter.isPricingTable(Self.mainTable, slug: "mai"))
        #expect(!OutputDirectoryWriter.isPricingTable(Self.mainTable, slug: "main-backup"))
        #expect(!OutputDirectoryWriter.isPricingTable(Array("{}\n".utf8), slug: "main"))
        #expect(!OutputDirectoryWriter.isPricingTable([], slug: "main"))
        #expect(!OutputDirectoryWriter.isPricingTable(Array("{\"slug\": \"main\", \"pricingTable\": {".utf8),
                                                      slug: "main"))
        #expect(!OutputDirectoryWriter.isPricingTable(Array("{\"pricingTable\": {\"slug\": \"main\"".utf8).dropLast(1)
            .map { $0 }, slug: "main"))
    }

    // MARK: Stale temporary files

    @Test func temporaryFileNamesAreReadAsAtomicFileWriterWritesThem() {
        #expect(AtomicFileWriter.temporaryFileOwner(".catalog.json.plancat-4242-k3x9.tmp") == 4242)
        #expect(AtomicFileWriter.temporaryFileOwner(".main.json.plancat-7-0.tmp") == 7)
        #expect(AtomicFileWriter.temporaryFileOwner(".x.plancat-12-3kz91ab2c.tmp") == 12)
        for name in ["catalog.json.plancat-4242-k3x9.tmp", ".catalog.json.plancat-4242-k3x9", ".plancat-4242-k3x9.tmp",
                     ".catalog.json.plancat--k3x9.tmp", ".catalog.json.plancat-4242-.tmp",
                     ".catalog.json.plancat-4242-K3X9.tmp", ".catalog.json.plancat-0-a.tmp",
                     ".catalog.json.plancat-12345678901-a.tmp", ".catalog.json.plancat-42x-a.tmp",
                     ".catalog.json-4242-a.tmp", ".notes.tmp", "."] {
            #expect(AtomicFileWriter.temporaryFileOwner(name) == nil, "\(name)")
        }
    }

    /// What SIGKILL leaves — temporary files of a process that is gone — is removed by the next build, in
    /// DIR and in pricing-tables; a live process's and anything not named as plancat names them stay.
    @Test func theNextBuildRemovesTheTemporaryFilesOfDeadProcessesOnly() throws {
        let dead = try Self.deadProcess()
        let live = getppid()
        let directory = try TemporaryDirectory([
            "pro.plancat": Self.catalog,
            "build/.catalog.json.plancat-\(dead)-k3x9.tmp": "half a catalog",
            "build/pricing-tables/.main.json.plancat-\(dead)-a1.tmp": "half a table",
            "build/.entitlements.json.plancat-\(live)-k3x9.tmp": "a live process's",
            "build/.catalog.json.plancat-\(getpid())-zz.tmp": "this process's",
            "build/.notes.plancat-\(dead).tmp": "not a name plancat makes",
            "build/pricing-tables/keep.tmp": "the user's",
        ])
        try FileManager.default.createDirectory(atPath: directory.path + "/build/.old.json.plancat-\(dead)-b2.tmp",
                                                withIntermediateDirectories: false)
        let writer = OutputDirectoryWriter(directory: directory.path + "/build", shownAs: "build")
        let output = try #require(CatalogCompiler.build([SourceFile(path: "pro.plancat", text: Self.catalog)]).output)
        let report = try writer.write(output)
        #expect(report.removedTemporaryFiles == [".catalog.json.plancat-\(dead)-k3x9.tmp",
                                                 "pricing-tables/.main.json.plancat-\(dead)-a1.tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/build").sorted() == [
            ".catalog.json.plancat-\(getpid())-zz.tmp", ".entitlements.json.plancat-\(live)-k3x9.tmp",
            ".notes.plancat-\(dead).tmp", ".old.json.plancat-\(dead)-b2.tmp", "catalog.json", "entitlements.json",
            "pricing-tables",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/build/pricing-tables").sorted()
            == ["keep.tmp", "main.json"])
    }

    // MARK: The lock

    /// While another holds the directory's lock, a build waits; past its limit it gives up, writing nothing.
    @Test func aBuildGivesUpAfterWaitingForAnotherAndWritesNothing() throws {
        let directory = try TemporaryDirectory(["out/catalog.json": "the other build's\n"])
        let holder = try Self.lock(directory.path + "/out")
        defer { close(holder) }
        let writer = OutputDirectoryWriter(directory: directory.path + "/out", shownAs: "out",
                                           lockWaitLimit: .milliseconds(300))
        let start = ContinuousClock.now
        #expect {
            try writer.write([OutputFile(path: "catalog.json", bytes: Array("mine\n".utf8))])
        } throws: { error in
            (error as? OutputDirectoryWriter.Failure)?.message == "cannot write `out`: another plancat build is "
                + "writing into it and did not finish within 0.3 seconds; nothing was written: build again once "
                + "it is done"
        }
        #expect(ContinuousClock.now - start >= .milliseconds(300))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out") == ["catalog.json"])
        #expect(try String(contentsOfFile: directory.path + "/out/catalog.json", encoding: .utf8)
            == "the other build's\n")
    }

    /// Once the other lets go, the waiting build goes on.
    @Test func aBuildWaitsForAnotherToFinish() throws {
        let directory = try TemporaryDirectory(["out/catalog.json": "the other build's\n"])
        let holder = try Self.lock(directory.path + "/out")
        let released = DispatchSemaphore(value: 0)
        Thread {
            usleep(300_000)
            close(holder)
            released.signal()
        }.start()
        let writer = OutputDirectoryWriter(directory: directory.path + "/out", shownAs: "out",
                                           lockWaitLimit: .seconds(30))
        let start = ContinuousClock.now
        let report = try writer.write([OutputFile(path: "catalog.json", bytes: Array("mine\n".utf8))])
        #expect(ContinuousClock.now - start >= .milliseconds(250))
        #expect(report.written == ["catalog.json"])
        #expect(try String(contentsOfFile: directory.path + "/out/catalog.json", encoding: .utf8) == "mine\n")
        released.wait()
    }

    // MARK: Helpers

    /// Takes the lock a build takes on `directory`, as another build would; returns the descriptor holding it.
    private static func lock(_ directory: String) throws -> Int32 {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        return descriptor
    }

    /// The number of a process that has ended and been waited for: `/bin/sh -c true`'s.
    private static func deadProcess() throws -> pid_t {
        var process: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup("true"), nil]
        defer { argv.forEach { free($0) } }
        try #require(posix_spawn(&process, "/bin/sh", nil, nil, argv, nil) == 0)
        var status: Int32 = 0
        try #require(waitpid(process, &status, 0) == process)
        try #require(kill(process, 0) != 0 && errno == ESRCH)
        return process
    }
}
