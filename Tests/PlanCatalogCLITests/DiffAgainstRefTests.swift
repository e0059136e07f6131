import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat diff --against-ref GIT_REF` in a real, throwaway git repository: the deployed side is the same
/// PATH built at a revision, read from git's objects without touching the working tree.
@Suite struct DiffAgainstRefTests {
    /// A repository whose first commit holds `catalogs/pro.plancat` (the diff tests' base catalog) and a
    /// `README`, with the working tree then changed by `edit`.
    static func repository(editing edit: (String) -> String = { $0 }) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(["catalogs/pro.plancat": DiffCommandTests.base, "README": "pricing\n"])
        try git(["init", "--quiet"], in: directory)
        try git(["add", "."], in: directory)
        try git(["-c", "user.name=plancat tests", "-c", "user.email=tests@plancat.invalid",
                 "commit", "--quiet", "-m", "Base pricing"], in: directory)
        let edited = edit(DiffCommandTests.base)
        try Data(edited.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalogs/pro.plancat"))
        return directory
    }

    /// Runs git in the directory and fails the test if it fails.
    static func git(_ arguments: [String], in directory: TemporaryDirectory) throws {
        let result = try GitProcess(directory: directory.path, environment: ProcessInfo.processInfo.environment)
            .run(arguments)
        #expect(result.succeeded, "git \(arguments.joined(separator: " ")): \(result.errorText)")
    }

    @Test func anUnchangedWorkingTreeHasNoChanges() throws {
        let directory = try Self.repository()
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD",
                                                "--detailed-exitcode"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("checked HEAD:catalogs/pro.plancat: no problems"))
    }

    @Test func aChangeOfTheWorkingTreeIsDiffedAgainstTheRevision() throws {
        let directory = try Self.repository { $0.replacing("fixed 29", with: "fixed 39") }
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD",
                                                "--format", "json", "--detailed-exitcode"])
        #expect(status == ExitStatus.changesFound, "\(terminal.standardError)")
        #expect(try DiffCommandTests.changes(inJSON: terminal.standardOutput)
            == ["plan plan_pro new-version", "price price_pro_monthly replace"])
    }

    @Test func theDefaultPathAndASubdirectoryWork() throws {
        let directory = try Self.repository { $0.replacing("name \"Pro\"", with: "name \"Pro+\"") }
        // No PATH: catalogs/, which holds one catalog.
        let (status, terminal) = directory.run(["diff", "--against-ref", "HEAD", "--format", "json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(try DiffCommandTests.changes(inJSON: terminal.standardOutput) == ["plan plan_pro update"])
        // From inside catalogs/, with a relative PATH.
        let inside = RecordingTerminal(currentDirectory: directory.path + "/catalogs")
        let insideStatus = PlanCatalogCLI.run(arguments: ["diff", "pro.plancat", "--against-ref", "HEAD",
                                                          "--format", "json"], terminal: inside)
        #expect(insideStatus == ExitStatus.success, "\(inside.standardError)")
        #expect(try DiffCommandTests.changes(inJSON: inside.standardOutput) == ["plan plan_pro update"])
        // An absolute PATH.
        let (absoluteStatus, absolute) = directory.run(["diff", directory.path + "/catalogs/pro.plancat",
                                                        "--against-ref", "HEAD", "--format", "json"])
        #expect(absoluteStatus == ExitStatus.success, "\(absolute.standardError)")
        #expect(try DiffCommandTests.changes(inJSON: absolute.standardOutput) == ["plan plan_pro update"])
    }

    @Test func aCatalogNewSinceTheRevisionIsComparedWithAnEmptyOne() throws {
        let directory = try Self.repository()
        try Data(DiffCommandTests.base.utf8).write(to: URL(fileURLWithPath: directory.path + "/new.plancat"))
        let (status, terminal) = directory.run(["diff", "new.plancat", "--against-ref", "HEAD", "--format", "json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("`new.plancat` does not exist at HEAD; comparing with an empty catalog"))
        let changes = try DiffCommandTests.changes(inJSON: terminal.standardOutput)
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.hasSuffix(" create") })
    }

    @Test func anUnknownRevisionExits66() throws {
        let directory = try Self.repository()
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "no-such-branch"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.contains("unknown git revision `no-such-branch`"), "\(terminal.standardError)")
    }

    @Test func outsideARepositoryExits66() throws {
        let directory = try TemporaryDirectory(["pro.plancat": DiffCommandTests.base])
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against-ref", "HEAD"]) {
            $0.environment = ["GIT_CEILING_DIRECTORIES": (directory.path as NSString).deletingLastPathComponent]
        }
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.contains("needs a git repository"), "\(terminal.standardError)")
    }

    @Test func aRevisionWithErrorsIsReportedAsThatRevisions() throws {
        let directory = try Self.repository()
        try Data(DiffCommandTests.base.replacing("metric api-calls\n", with: "metric api-call\n").utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/catalogs/pro.plancat"))
        try Self.git(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit", "--quiet", "-am", "Break"],
                     in: directory)
        try Data(DiffCommandTests.base.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalogs/pro.plancat"))
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD"])
        #expect(status == ExitStatus.failure)
        // Named as git names a file of a revision, so that no line can be taken for the working tree's.
        #expect(terminal.standardError.contains("HEAD:catalogs/pro.plancat:12:10: error[E0401]"), "\(terminal.standardError)")
        #expect(terminal.standardError.hasSuffix("checked HEAD:catalogs/pro.plancat: 1 error; nothing compared\n"),
                "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
    }

    @Test func theWorkingTreeAndIndexAreLeftAlone() throws {
        let directory = try Self.repository { $0.replacing("fixed 29", with: "fixed 39") }
        _ = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD"])
        let source = try String(contentsOfFile: directory.path + "/catalogs/pro.plancat", encoding: .utf8)
        #expect(source.contains("fixed 39"))
        let status = try GitProcess(directory: directory.path, environment: ProcessInfo.processInfo.environment)
            .run(["status", "--porcelain"])
        #expect(status.outputLine == " M catalogs/pro.plancat")
    }

    @Test func aFileOfACatalogDirectoryIsDiffedWithItsWholeCatalogAtTheRevision() throws {
        // The base catalog split in two files of a catalog directory: plans in their own file.
        let base = DiffCommandTests.base
        let plansStart = base.range(of: "plan plan_free {")!.lowerBound
        let tableStart = base.range(of: "pricing-table main")!.lowerBound
        let directory = try TemporaryDirectory([
            "pricing/catalog.plancat": String(base[..<plansStart]) + String(base[tableStart...]),
            "pricing/plans.plancat": String(base[plansStart..<tableStart]),
        ])
        try Self.git(["init", "--quiet"], in: directory)
        try Self.git(["add", "."], in: directory)
        try Self.git(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit", "--quiet", "-m", "Split"],
                     in: directory)
        let plans = directory.path + "/pricing/plans.plancat"
        let edited = try String(contentsOfFile: plans, encoding: .utf8).replacing("fixed 99", with: "fixed 89")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: plans))

        // Naming one file of the directory means its whole catalog, on both sides.
        let (status, terminal) = directory.run(["diff", "pricing/plans.plancat", "--against-ref", "HEAD",
                                                "--format", "json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(try DiffCommandTests.changes(inJSON: terminal.standardOutput)
            == ["plan plan_team new-version", "price price_team_monthly replace"])
        #expect(terminal.standardError == "checked pricing: no problems\nchecked HEAD:pricing: no problems\n")
    }
}
