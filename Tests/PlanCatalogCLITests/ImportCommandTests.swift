import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat import` driven end to end with an in-memory terminal, in a temporary directory: standard
/// output or `-o`, the atomic write, and exit statuses 64, 65, 66 and 73.
///
/// The input is the catalog.json of the shipped seed guide, built in memory, so that it is exactly what
/// `plancat build` writes.
@Suite struct ImportCommandTests {
    private static let packageRoot = PackageRoot.url
    /// The seed guide's build.
    private static let guide: BuildOutput? = {
        let url = packageRoot.appendingPathComponent("catalogs/freemium-to-enterprise.plancat")
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return CatalogCompiler.build([SourceFile(path: "guide.plancat", bytes: Array(data))]).output
    }()

    private static func catalogJSON() throws -> String {
        let output = try #require(guide, "catalogs/freemium-to-enterprise.plancat does not build")
        return String(decoding: output.document.jsonBytes, as: UTF8.self)
    }

    private static func expectedSource() throws -> String {
        try CatalogImporter.source(for: try #require(guide).document)
    }

    // MARK: Output

    @Test func theSourceGoesToStandardOutput() throws {
        let directory = try TemporaryDirectory(["catalog.json": try Self.catalogJSON()])
        let (status, terminal) = directory.run(["import", "catalog.json"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.isEmpty)
        #expect(terminal.standardOutput == (try Self.expectedSource()))
        // And it builds back to the same catalog.json.
        let rebuilt = CatalogCompiler.build([SourceFile(path: "x.plancat", text: terminal.standardOutput)])
        #expect(rebuilt.output?.document.jsonBytes == Array(try Self.catalogJSON().utf8))
    }

    @Test func standardInputIsRead() throws {
        let directory = try TemporaryDirectory()
        let json = try Self.catalogJSON()
        let (status, terminal) = directory.run(["import", "-"]) { $0.standardInput = Array(json.utf8) }
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == (try Self.expectedSource()))
    }

    @Test func outputWritesTheFileAndSaysSo() throws {
        let directory = try TemporaryDirectory(["build/catalog.json": try Self.catalogJSON()])
        let (status, terminal) = directory.run(["import", "build/catalog.json", "-o", "acme.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == "imported build/catalog.json → acme.plancat\n")
        #expect(terminal.standardError.isEmpty)
        #expect(try contents(directory, "acme.plancat") == (try Self.expectedSource()))
    }

    @Test func anExistingFileIsReplacedAndNoTemporaryFileIsLeft() throws {
        let directory = try TemporaryDirectory(["catalog.json": try Self.catalogJSON(), "out/acme.plancat": "old\n"])
        let (status, _) = directory.run(["import", "--output=out/acme.plancat", "catalog.json"])
        #expect(status == ExitStatus.success)
        #expect(try contents(directory, "out/acme.plancat") == (try Self.expectedSource()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out") == ["acme.plancat"])
    }

    @Test func aDirectoryOutputGetsCatalogPlancat() throws {
        let directory = try TemporaryDirectory(["catalog.json": try Self.catalogJSON(), "acme/.keep": ""])
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", "acme"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == "imported catalog.json → acme/catalog.plancat\n")
        #expect(try contents(directory, "acme/catalog.plancat") == (try Self.expectedSource()))
    }

    // MARK: 73

    @Test func aMissingOutputDirectoryExits73AndCreatesNothing() throws {
        let directory = try TemporaryDirectory(["catalog.json": try Self.catalogJSON()])
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", "missing/acme.plancat"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == "plancat: error: cannot write `missing/acme.plancat`: its directory does "
            + "not exist (import does not create directories)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["catalog.json"])
    }

    @Test func aDirectoryInTheWayExits73AndChangesNothing() throws {
        let directory = try TemporaryDirectory([
            "catalog.json": try Self.catalogJSON(), "acme/catalog.plancat/keep": "in the way\n",
        ])
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", "acme/"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardError == "plancat: error: cannot write `acme/catalog.plancat`: it is a directory\n")
        #expect(try contents(directory, "acme/catalog.plancat/keep") == "in the way\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/acme") == ["catalog.plancat"])
    }

    // MARK: 65 and 66

    @Test func aMissingFileExits66() throws {
        let (status, terminal) = try TemporaryDirectory().run(["import", "deployed.json"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == "plancat: error: cannot read `deployed.json`: no such file\n")
    }

    @Test func aDirectoryExits66() throws {
        let (status, terminal) = try TemporaryDirectory(["build/catalog.json": "{}"]).run(["import", "build"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError
            == "plancat: error: cannot read `build`: it is a directory; name the catalog.json file in it\n")
    }

    @Test func invalidJSONExits65WithLineAndColumn() throws {
        let directory = try TemporaryDirectory(["bad.json": "{\n  \"schemaVersion\": 1\n  \"name\": null\n}\n"])
        let (status, terminal) = directory.run(["import", "bad.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == "plancat: error: `bad.json` is not a valid catalog.json: not JSON: line 3, "
            + "column 3: expected `,` or `}` after an object member, found `\"`\n")
    }

    @Test func jsonThatIsNotACatalogExits65WithAPath() throws {
        var json = try Self.catalogJSON()
        json = json.replacingOccurrences(of: "\"isFree\": true", with: "\"isFree\": \"yes\"")
        let directory = try TemporaryDirectory(["catalog.json": json])
        let (status, terminal) = directory.run(["import", "catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError == "plancat: error: `catalog.json` is not a valid catalog.json: "
            + "$.plans[1].isFree: expected true or false, found a string\n")
    }

    @Test func anIDThatIsNotAWordExits65AndWritesNothing() throws {
        let json = try Self.catalogJSON().replacingOccurrences(of: "\"plan_pro_trial\"", with: "\"plan pro trial\"")
        let directory = try TemporaryDirectory(["catalog.json": json, "acme.plancat": "old\n"])
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", "acme.plancat"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == "plancat: error: cannot import `catalog.json`: $.plans[3].id: plan id "
            + "\"plan pro trial\" cannot be written in .plancat: it holds a space; an id is a word of letters, "
            + "digits, `_` and `-` that does not start with `-`\n")
        #expect(try contents(directory, "acme.plancat") == "old\n")
    }

    // MARK: 64

    @Test(arguments: [
        (["import"], "plancat: error: `plancat import` needs a catalog.json FILE\nhint: use - to read standard input\n"),
        (["import", "a.json", "b.json"], "plancat: error: `plancat import` imports one catalog.json, but 2 FILEs "
            + "were given: `a.json`, `b.json`\nhint: run `plancat import` once for each, with its own `-o OUT`\n"),
        (["import", "a.json", "--print", "catalog"], "plancat: error: unknown option `--print` for `plancat import`\n"),
        (["import", "a.json", "-o", ""], "plancat: error: `--output` needs a file or directory\n"
            + "hint: leave it out to print the source\n"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ expectedStart: String) throws {
        let (status, terminal) = try TemporaryDirectory().run(arguments)
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasPrefix(expectedStart))
        #expect(terminal.standardError.hasSuffix("usage: \(ImportCommand.usage)\n"
            + "Run `plancat import --help` for more information.\n"))
    }

    // MARK: Help

    @Test func helpIsPrintedAndImportIsListed() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["import", "--help"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == ImportCommand.help)
        let top = directory.run(["--help"]).terminal.standardOutput
        #expect(top.contains("  import   turn a catalog.json into .plancat source that builds back to it\n"))
        #expect(top.contains("65  a catalog.json (diff --against, import) is not valid, or says what .plancat\n"))
    }

    private func contents(_ directory: TemporaryDirectory, _ path: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: directory.path + "/" + path))
        return String(decoding: data, as: UTF8.self)
    }
}
