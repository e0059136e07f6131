import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat diff catalogs/ --against-ref REV` on a folder of several catalogs: one section per catalog,
/// in one report, with one exit status for all.
@Suite struct DiffFolderTests {
    /// A repository whose first commit holds three catalogs — `catalogs/pro.plancat`, the catalog
    /// directory `catalogs/team/` (two files) and `catalogs/old.plancat` — whose working tree then reprices
    /// Pro, removes `old.plancat` and adds `new.plancat`.
    static func repository() throws -> TemporaryDirectory {
        let base = DiffCommandTests.base
        let plansStart = base.range(of: "plan plan_free {")!.lowerBound
        let tableStart = base.range(of: "pricing-table main")!.lowerBound
        let directory = try TemporaryDirectory([
            "catalogs/pro.plancat": base,
            "catalogs/team/catalog.plancat": String(base[..<plansStart]) + String(base[tableStart...]),
            "catalogs/team/plans.plancat": String(base[plansStart..<tableStart]),
            "catalogs/old.plancat": base,
        ])
        try DiffAgainstRefTests.git(["init", "--quiet"], in: directory)
        try DiffAgainstRefTests.git(["add", "."], in: directory)
        try DiffAgainstRefTests.git(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid",
                                     "commit", "--quiet", "-m", "Three catalogs"], in: directory)
        try Data(base.replacing("fixed 29", with: "fixed 39").utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/catalogs/pro.plancat"))
        try FileManager.default.removeItem(atPath: directory.path + "/catalogs/old.plancat")
        try Data(base.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalogs/new.plancat"))
        return directory
    }

    @Test func eachCatalogOfAFolderIsASectionOfOneComment() throws {
        let directory = try Self.repository()
        let (status, terminal) = directory.run(["diff", "catalogs/", "--against-ref", "HEAD", "--format", "markdown",
                                                "--detailed-exitcode"])
        #expect(status == ExitStatus.changesFound, "\(terminal.standardError)")
        let markdown = terminal.standardOutput
        #expect(markdown.components(separatedBy: "<!-- plancat-diff -->").count == 2)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("### ") }
        #expect(headings == ["### plancat diff: `catalogs/new.plancat`", "### plancat diff: `catalogs/old.plancat`",
                             "### plancat diff: `catalogs/pro.plancat`", "### plancat diff: `catalogs/team`"],
                "\(markdown)")
        // Added since HEAD: all creates; removed since: all archives; the directory catalog: no changes.
        let sections = markdown.components(separatedBy: "### plancat diff: ")
        #expect(sections[1].contains("to create, 0 to update, 0 new versions, 0 to replace, 0 to archive**"))
        #expect(!sections[1].contains("🔴"))
        #expect(sections[2].contains("**0 to create, 0 to update, 0 new versions, 0 to replace,"))
        #expect(sections[2].contains("| deployed only | archive |"))
        #expect(sections[3].contains("| `price_pro_monthly` | `catalogs/pro.plancat:"))
        #expect(sections[3].contains("$29.00 per month"))
        #expect(sections[4].contains("**No changes.**"))
        #expect(terminal.standardError.contains("`catalogs/new.plancat` does not exist at HEAD; comparing with an empty catalog"))
        #expect(terminal.standardError.contains("`catalogs/old.plancat` no longer exists; comparing an empty catalog"))
    }

    @Test func textHasAReportPerCatalogAndATotal() throws {
        let directory = try Self.repository()
        let (status, terminal) = directory.run(["diff", "--against-ref", "HEAD", "--fail-on-breaking"])
        // Without a PATH, catalogs/; the archives of old.plancat are breaking, and 1 wins over 2.
        #expect(status == ExitStatus.failure, "\(terminal.standardError)")
        let text = terminal.standardOutput
        for catalog in ["new.plancat", "old.plancat", "pro.plancat", "team"] {
            #expect(text.contains("Comparing catalogs/\(catalog) (source) with HEAD (deployed)\n"), "\(text)")
        }
        #expect(text.contains("\n4 catalogs: "), "\(text)")
    }

    @Test func aCatalogWithErrorsIsNotComparedAndTheOthersAre() throws {
        let directory = try Self.repository()
        try Data(DiffCommandTests.base.replacing("metric api-calls\n", with: "metric api-call\n").utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/catalogs/new.plancat"))
        let (status, terminal) = directory.run(["diff", "catalogs", "--against-ref", "HEAD", "--format", "markdown"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.contains("**Not compared:** the source has errors; see its diagnostics"))
        #expect(terminal.standardOutput.contains("### plancat diff: `catalogs/pro.plancat`"))
        #expect(terminal.standardError.contains("catalogs/new.plancat:"), "\(terminal.standardError)")
    }

    @Test func jsonOfSeveralCatalogsIsAUsageErrorNamingEach() throws {
        let directory = try Self.repository()
        let (status, terminal) = directory.run(["diff", "catalogs/", "--against-ref", "HEAD", "--format", "json"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("`--format json` prints one catalog's diff document"))
        #expect(terminal.standardError.contains("plancat diff catalogs/team --against-ref HEAD --format json"),
                "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
    }

    @Test func aFolderAgainstOneFileStaysAUsageError() throws {
        let directory = try Self.repository()
        let (status, terminal) = directory.run(["diff", "catalogs/", "--against", "catalog.json"])
        #expect(status == ExitStatus.usageError, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("holds 3 catalogs"), "\(terminal.standardError)")
    }
}
