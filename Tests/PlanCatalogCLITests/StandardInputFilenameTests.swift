import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat check --stdin-filename PATH -`: standard input stands for the file PATH, as an editor sends an
/// unsaved buffer; inside a catalog directory it is checked with the rest of that catalog.
@Suite struct StandardInputFilenameTests {
    /// The package's root, from this file's place in it: the shipped catalogs are checked where they are.
    private static let packageRoot = PackageRoot.url.path
    private static let plansPath = "catalogs/teamspace/plans.plancat"

    private static func run(_ arguments: [String], input: [UInt8], in directory: String = packageRoot)
        -> (status: Int32, terminal: RecordingTerminal) {
        let terminal = RecordingTerminal(currentDirectory: directory)
        terminal.standardInput = input
        return (PlanCatalogCLI.run(arguments: arguments, terminal: terminal), terminal)
    }

    private static func plans() throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/" + plansPath)))
    }

    @Test func anUnsavedBufferIsCheckedWithTheRestOfItsCatalog() throws {
        // Alone, the file of a catalog directory lacks everything the other files define.
        let alone = Self.run(["check", "-"], input: try Self.plans())
        #expect(alone.status == ExitStatus.failure)

        let (status, terminal) = Self.run(["check", "--stdin-filename", Self.plansPath, "-"], input: try Self.plans())
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")
    }

    @Test func theBufferReplacesTheSavedFileAndItsDiagnosticsNamePath() throws {
        // The saved file is clean; the buffer has a typo, reported at PATH and not at <stdin>.
        let buffer = String(decoding: try Self.plans(), as: UTF8.self)
            .replacingOccurrences(of: "    projects 3\n", with: "    projetcs 3\n")
        let (status, terminal) = Self.run(["check", "--stdin-filename", Self.plansPath, "-"], input: Array(buffer.utf8))
        #expect(status == ExitStatus.failure)
        let line = buffer.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("projetcs 3") }.map { $0 + 1 }
        #expect(terminal.standardError.hasPrefix(
            "\(Self.plansPath):\(line ?? 0):5: error[E0402]: unknown feature `projetcs`\n"))
        #expect(!terminal.standardError.contains("<stdin>"))
        #expect(terminal.standardError.hasSuffix("checked 1 catalog: 1 error\n"))

        let json = Self.run(["check", "--diagnostics", "json", "--stdin-filename", Self.plansPath, "-"],
                            input: Array(buffer.utf8))
        #expect(json.terminal.standardOutput.contains("\"file\": \"\(Self.plansPath)\""))
    }

    @Test(arguments: ["./" + plansPath, packageRoot + "/" + plansPath, "catalogs/teamspace/quotes/../plans.plancat"])
    func pathsWrittenOtherwiseFindTheSameCatalog(path: String) throws {
        let (status, terminal) = Self.run(["check", "--stdin-filename", path, "-"], input: try Self.plans())
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")
    }

    @Test func aNewFileJoinsItsCatalog() throws {
        let directory = try TemporaryDirectory([
            "acme/catalog.plancat": "catalog \"Acme\"\ncurrency USD\n",
            "acme/features.plancat": "feature reports {\n  name \"Reports\"\n  type boolean\n}\n",
        ])
        let plan = "plan plan_pro {\n  name \"Pro\"\n  features {\n    reports\n  }\n"
            + "  price price_pro {\n    interval month\n    component comp_base { fixed 29 }\n  }\n}\n"
        // Not on disk, in a folder not yet made: the catalog is found above it.
        let (status, terminal) = Self.run(["check", "--stdin-filename", "acme/plans/pro.plancat", "-"],
                                          input: Array(plan.utf8), in: directory.path)
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")

        let typo = plan.replacingOccurrences(of: "    reports\n", with: "    reprots\n")
        let broken = Self.run(["check", "--stdin-filename", "acme/plans/pro.plancat", "-"],
                              input: Array(typo.utf8), in: directory.path)
        #expect(broken.status == ExitStatus.failure)
        #expect(broken.terminal.standardError.hasPrefix("acme/plans/pro.plancat:4:5: error[E0402]"))
    }

    @Test func outsideACatalogDirectoryTheBufferIsACatalogOfItsOwn() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = Self.run(["check", "--stdin-filename", "drafts/pro.plancat", "-"],
                                          input: Array("catalog \"Drafts\"\nplan pro {\n".utf8), in: directory.path)
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.contains("drafts/pro.plancat:2:10: error[E0104]"))
        #expect(!terminal.standardError.contains("<stdin>"))
    }

    @Test func withoutStandardInputItIsAUsageError() throws {
        let directory = try TemporaryDirectory(["pro.plancat": "# nothing\n"])
        let (status, terminal) = directory.run(["check", "--stdin-filename", "pro.plancat", "pro.plancat"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix("""
            plancat: error: `--stdin-filename` names the file that standard input stands for, but no PATH is `-`
            hint: add `-` to read standard input: plancat check --stdin-filename pro.plancat -

            """))
    }
}
