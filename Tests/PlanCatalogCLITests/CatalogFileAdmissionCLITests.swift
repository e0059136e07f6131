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

/// Issue 18, items 7 and 13, through the commands (Docs/Robustness.md § Which files a catalog reads):
/// `check`, `build`, `fmt` and `diff --against-ref` read the same files of a catalog, refuse the same
/// links and names, and say so with exit 66 — in the working tree and at a git revision alike.
@Suite struct CatalogFileAdmissionCLITests {
    static let marker = "PLANCAT_ADMISSION_MARKER=do-not-print"
    /// A plan in a file of its own, for a catalog directory holding `DiffCommandTests.base`.
    static let extraPlan = "plan plan_extra {\n  name \"Extra\"\n  price price_extra {\n    interval month\n"
        + "    component comp_base { fixed 5 }\n  }\n}\n"

    /// `cat/catalog.plancat` (the diff tests' base catalog) and whatever else is given.
    private static func catalog(_ files: [String: String] = [:]) throws -> TemporaryDirectory {
        try TemporaryDirectory(files.merging(["cat/catalog.plancat": DiffCommandTests.base]) { $1 })
    }

    private static func link(_ path: String, to target: String, in directory: TemporaryDirectory) throws {
        try #require(symlink(target, directory.path + "/" + path) == 0, "symlink \(path)")
    }

    /// Creates `cat/caf\xFF.plancat` holding `extraPlan`; the caller removes it (`removeUnnamed`).
    private static func createUnnamed(in directory: TemporaryDirectory) throws {
        let path = Array((directory.path + "/cat/caf").utf8) + [0xFF] + Array(".plancat".utf8) + [0]
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        }
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let bytes = Array(extraPlan.utf8)
        try #require(write(descriptor, bytes, bytes.count) == bytes.count)
    }

    private static func removeUnnamed(in directory: TemporaryDirectory) {
        let path = Array((directory.path + "/cat/caf").utf8) + [0xFF] + Array(".plancat".utf8) + [0]
        _ = path.withUnsafeBufferPointer { buffer in buffer.withMemoryRebound(to: CChar.self) { unlink($0.baseAddress!) } }
    }

    private static func commit(_ directory: TemporaryDirectory) throws {
        try DiffAgainstRefTests.git(["init", "--quiet"], in: directory)
        try DiffAgainstRefTests.git(["add", "."], in: directory)
        try DiffAgainstRefTests.git(["-c", "user.name=plancat tests", "-c", "user.email=tests@plancat.invalid",
                                     "commit", "--quiet", "-m", "Pricing"], in: directory)
    }

    // MARK: Item 7: links out of the catalog

    static let leavingMessage = "plancat: error: `cat/x.plancat` is a symbolic link that leads outside `cat`, so it "
        + "was not opened: a walk reads only files inside the directory it walks\n"

    /// Before, `check` read `/proc/self/environ` and quoted the environment in its diagnostics.
    @Test func checkRefusesALinkOutOfTheCatalogWithoutReadingIt() throws {
        let directory = try Self.catalog(["outside.txt": Self.marker])
        try Self.link("cat/x.plancat", to: "../outside.txt", in: directory)
        let (status, terminal) = directory.run(["check", "cat"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError == Self.leavingMessage + "checked 0 catalogs (1 path could not be read)\n")
        #expect(!terminal.standardError.contains(Self.marker))
    }

    #if os(Linux)
    @Test func checkNeverQuotesTheEnvironment() throws {
        let directory = try Self.catalog()
        try Self.link("cat/x.plancat", to: "/proc/self/environ", in: directory)
        try Self.link("env.plancat", to: "/proc/self/environ", in: directory)
        let inCatalog = directory.run(["check", "cat"])
        #expect(inCatalog.status == ExitStatus.missingInput)
        #expect(inCatalog.terminal.standardError == Self.leavingMessage + "checked 0 catalogs (1 path could not be read)\n")
        let named = directory.run(["check", "env.plancat"])
        #expect(named.status == ExitStatus.missingInput)
        #expect(named.terminal.standardError == "plancat: error: `env.plancat` is a file of the kernel (/proc, /sys), "
            + "not a catalog; plancat does not read it\nchecked 0 catalogs (1 path could not be read)\n")
        let build = directory.run(["build", "env.plancat", "-o", "out"])
        #expect(build.status == ExitStatus.missingInput)
        #expect(!build.terminal.standardError.contains("PATH="))
    }
    #endif

    @Test func buildRefusesALinkOutOfTheCatalog() throws {
        let directory = try Self.catalog(["outside.plancat": Self.extraPlan])
        try Self.link("cat/x.plancat", to: "../outside.plancat", in: directory)
        let (status, terminal) = directory.run(["build", "cat", "-o", "out"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError == Self.leavingMessage)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    /// `fmt` writes back what it read: it never reads, so never rewrites, a file a link out of the
    /// catalog leads to.
    @Test func fmtNeverWritesThroughALinkOutOfTheCatalog() throws {
        let messy = "plan plan_extra { name \"Extra\" }\n"
        let directory = try Self.catalog(["outside.plancat": messy])
        try Self.link("cat/x.plancat", to: "../outside.plancat", in: directory)
        let (status, terminal) = directory.run(["fmt", "cat"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.hasPrefix(Self.leavingMessage))
        #expect(try String(contentsOfFile: directory.path + "/outside.plancat", encoding: .utf8) == messy)
    }

    /// A link inside the catalog directory is followed, and `fmt` rewrites the file it leads to, which is
    /// inside the catalog too.
    @Test func aLinkInsideTheCatalogIsReadAndFormatted() throws {
        let directory = try Self.catalog(["cat/notes/extra.txt": "plan plan_extra { name \"Extra\" }\n"])
        try Self.link("cat/extra.plancat", to: "notes/extra.txt", in: directory)
        let check = directory.run(["check", "cat"])
        #expect(check.terminal.standardError.contains("cat/extra.plancat:1:1: warning[W0501]"), "\(check.terminal.standardError)")
        #expect(directory.run(["fmt", "cat"]).status == ExitStatus.success)
        #expect(try String(contentsOfFile: directory.path + "/cat/notes/extra.txt", encoding: .utf8)
            == "plan plan_extra {\n  name \"Extra\"\n}\n")
    }

    // MARK: Item 13: names that are not UTF-8, deep trees

    static let unnamedMessage = "plancat: error: `cat/caf\\xFF.plancat` has a name that is not valid UTF-8, so it "
        + "cannot be read as part of a catalog; rename it"

    /// Before, `check` said "no problems" and `build` left the file's plans out.
    @Test func checkAndBuildRefuseAFileWhoseNameIsNotUTF8() throws {
        let directory = try Self.catalog()
        try Self.createUnnamed(in: directory)
        defer { Self.removeUnnamed(in: directory) }
        let check = directory.run(["check", "cat"])
        #expect(check.status == ExitStatus.missingInput)
        #expect(check.terminal.standardError == Self.unnamedMessage + "\nchecked 0 catalogs (1 path could not be read)\n")
        let build = directory.run(["build", "cat", "-o", "out"])
        #expect(build.status == ExitStatus.missingInput)
        #expect(build.terminal.standardError == Self.unnamedMessage + "\n")
    }

    /// Before, git's listing was decoded with replacement characters: the revision held the file under
    /// another name, the working tree did not hold it at all, and an unchanged tree showed its plan
    /// archived. Both sides now refuse it.
    @Test func diffAgainstRefRefusesANameThatIsNotUTF8() throws {
        let directory = try Self.catalog()
        try Self.createUnnamed(in: directory)
        defer { Self.removeUnnamed(in: directory) }
        try Self.commit(directory)
        #expect(throws: GitRevisionFiles.Failure(message: String(Self.unnamedMessage.dropFirst("plancat: error: ".count))
                                                    + " (at `HEAD`)")) {
            try GitRevisionFiles.checkOut(revision: "HEAD", path: "cat", workingDirectory: directory.path,
                                          environment: ProcessInfo.processInfo.environment).remove()
        }
        let (status, terminal) = directory.run(["diff", "cat", "--against-ref", "HEAD"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError == Self.unnamedMessage + " (at `HEAD`)\n")
        #expect(!terminal.standardOutput.contains("archive"))
    }

    /// The revision's links are links in its temporary tree, judged by the same rules: one inside the
    /// catalog is read (an unchanged tree has no changes), one leading out of it is refused.
    @Test func diffAgainstRefJudgesTheRevisionsLinksAsTheWorkingTrees() throws {
        let directory = try Self.catalog(["cat/notes/extra.txt": Self.extraPlan, "outside.plancat": Self.extraPlan,
                                          "elsewhere/more.plancat": Self.extraPlan])
        try Self.link("cat/extra.plancat", to: "notes/extra.txt", in: directory)
        try Self.link("cat/alias", to: "notes", in: directory)
        try Self.commit(directory)
        let unchanged = directory.run(["diff", "cat", "--against-ref", "HEAD", "--detailed-exitcode"])
        #expect(unchanged.status == ExitStatus.success, "\(unchanged.terminal.standardError)")
        #expect(unchanged.terminal.standardOutput.contains("No changes."))

        try Self.link("cat/x.plancat", to: "../outside.plancat", in: directory)
        try Self.link("cat/shared", to: "../elsewhere", in: directory)
        try DiffAgainstRefTests.git(["add", "."], in: directory)
        try DiffAgainstRefTests.git(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit", "--quiet",
                                     "-m", "Links out"], in: directory)
        try FileManager.default.removeItem(atPath: directory.path + "/cat/x.plancat")
        try FileManager.default.removeItem(atPath: directory.path + "/cat/shared")
        let (status, terminal) = directory.run(["diff", "cat", "--against-ref", "HEAD"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.contains("plancat: error: `cat/shared` is a symbolic link that leads outside "
                                                + "`cat`, so it was not opened: a walk reads only files inside the "
                                                + "directory it walks at HEAD\n"), "\(terminal.standardError)")
        #expect(terminal.standardError.hasSuffix(String(Self.leavingMessage.dropLast()) + " at HEAD\n"),
                "\(terminal.standardError)")
    }

    /// Before, a file about 500 directories down was left out of `check` and `build` without a word.
    @Test func aFileSixHundredDirectoriesDownIsReadInTheWorkingTreeAndAtARevision() throws {
        let directory = try Self.catalog()
        var descriptor = open(directory.path + "/cat", O_RDONLY | O_DIRECTORY)
        try #require(descriptor >= 0)
        for _ in 0..<600 {
            try #require(mkdirat(descriptor, "d", 0o755) == 0)
            let next = openat(descriptor, "d", O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
            try #require(descriptor >= 0)
        }
        let file = openat(descriptor, "extra.plancat", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        close(descriptor)
        try #require(file >= 0)
        let bytes = Array("plan plan_deep { name \"Deep\" }\n".utf8)
        #expect(write(file, bytes, bytes.count) == bytes.count)
        close(file)

        let check = directory.run(["check", "cat"])
        let deep = "cat/" + String(repeating: "d/", count: 600) + "extra.plancat"
        #expect(check.terminal.standardError.contains(deep + ":1:1: warning[W0501]"))
        try Self.commit(directory)
        let diff = directory.run(["diff", "cat", "--against-ref", "HEAD", "--detailed-exitcode"])
        #expect(diff.status == ExitStatus.success, "\(diff.terminal.standardError.suffix(300))")
        #expect(diff.terminal.standardOutput.contains("No changes."))
    }
}
