import Foundation
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// The `check --fix` run that Docs/CLI.md shows is the tool's real output. It rewrites the file it fixes,
/// so it cannot run against the repository as the page's other transcripts do (`DocumentationTests`): the
/// page fences it `console checked-by=CLIDocumentationSampleTests`, and this suite makes a copy of the
/// shipped catalogs with one typo, runs the command and looks for its output after the `$ plancat …` line.
@Suite struct CLIDocumentationSampleTests {
    private static let packageRoot = PackageRoot.url

    private static func page() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Docs/CLI.md"), encoding: .utf8)
    }

    /// The lines of a shown run: the command after `$ `, then what it printed.
    private static func expectShown(_ commandLine: String, printed: String) throws {
        let sample = "$ " + commandLine + "\n" + printed
        #expect(try page().contains(sample), "Docs/CLI.md should show:\n\(sample)")
    }

    @Test func theFixShown() throws {
        // The shipped catalogs, with one typo that has one did-you-mean.
        let directory = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: Self.packageRoot.appendingPathComponent("catalogs").path,
                                         toPath: directory.path + "/catalogs")
        let plans = directory.path + "/catalogs/teamspace/plans.plancat"
        let text = try String(contentsOfFile: plans, encoding: .utf8)
        try text.replacingOccurrences(of: "    projects 3\n", with: "    projetcs 3\n")
            .write(toFile: plans, atomically: true, encoding: .utf8)
        let (status, terminal) = directory.run(["check", "--fix", "catalogs/"])
        #expect(status == ExitStatus.success)
        #expect(try String(contentsOfFile: plans, encoding: .utf8) == text)
        try Self.expectShown("plancat check --fix catalogs/", printed: terminal.standardError)
    }
}
