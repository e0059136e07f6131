import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat build` driven end to end with an in-memory terminal, in a temporary directory, and its
/// all-or-nothing writer on its own.
///
/// The catalog built is the shipped `catalogs/freemium-to-enterprise.plancat` (one pricing table, `main`),
/// copied into the temporary directory as `pro.plancat`, so that paths in messages are short and stable.
@Suite struct BuildCommandTests {
    /// The package's root, from this file's place in it.
    private static let packageRoot = PackageRoot.url
    /// The shipped catalog, read once.
    private static let catalog: String = {
        let url = packageRoot.appendingPathComponent("catalogs/freemium-to-enterprise.plancat")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    /// A syntax error, reported the same way whatever checks follow parsing.
    private static let unclosed = "plan pro {\n"
    /// A catalog whose only problem is warning W0501: a placeholder plan nobody can subscribe to.
    private static let placeholderOnly = "plan plan_internal { name \"Internal placeholder\" }\n"

    private static let builtFiles = ["catalog.json", "entitlements.json", "pricing-tables/main.json"]

    /// The opening of a pricing table as plancat writes it, for `slug`: what a stale table must begin with
    /// to be removed (`OutputDirectoryWriter.isPricingTable`).
    private static func pricingTable(slug: String) -> String {
        "{\n  \"pricingTable\": {\n    \"slug\": \"\(slug)\",\n    \"heading\": \"Old\"\n  }\n}\n"
    }

    // MARK: Writing

    @Test func buildWritesCatalogEntitlementsAndPricingTables() throws {
        #expect(!Self.catalog.isEmpty, "catalogs/freemium-to-enterprise.plancat could not be read")
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        let (status, terminal) = directory.run(["build", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput
            == "built pro.plancat → build/: catalog.json, entitlements.json, pricing-tables/main.json\n")
        #expect(terminal.standardError == "checked pro.plancat: no problems\n")

        let expected = try #require(CatalogCompiler.build([SourceFile(path: "pro.plancat", text: Self.catalog)]).output)
        #expect(expected.files.map(\.path) == Self.builtFiles)
        for file in expected.files {
            #expect(try bytes(directory, "build/" + file.path) == file.bytes, "\(file.path)")
        }
        #expect(try snapshot(directory.path + "/build").keys.sorted()
            == ["catalog.json", "entitlements.json", "pricing-tables", "pricing-tables/main.json"])
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        #expect(directory.run(["build", "pro.plancat", "-o", "first"]).status == ExitStatus.success)
        #expect(directory.run(["build", "pro.plancat", "--output=second/"]).status == ExitStatus.success)
        let first = try snapshot(directory.path + "/first")
        #expect(first.count == 4)
        #expect(first == (try snapshot(directory.path + "/second")))
        // And again over the first: the same bytes, nothing added.
        #expect(directory.run(["build", "pro.plancat", "-o", "first"]).status == ExitStatus.success)
        #expect(first == (try snapshot(directory.path + "/first")))
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        #expect(directory.run(["build", "pro.plancat"]).status == ExitStatus.success)
        let catalogPath = directory.path + "/build/catalog.json"
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: catalogPath)
        #expect(directory.run(["build", "pro.plancat"]).status == ExitStatus.success)
        let attributes = try FileManager.default.attributesOfItem(atPath: catalogPath)
        #expect(attributes[.modificationDate] as? Date == past)
    }

    @Test func outputDirectoryAndItsParentsAreCreated() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        let (status, terminal) = directory.run(["build", "-o", "site/public/pricing", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("built pro.plancat → site/public/pricing: catalog.json, "))
        let table = directory.path + "/site/public/pricing/pricing-tables/main.json"
        #expect(FileManager.default.fileExists(atPath: table))
    }

    @Test func anAbsoluteOutputDirectory() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        let output = directory.path + "/absolute"
        let (status, terminal) = directory.run(["build", "pro.plancat", "-o", output])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("built pro.plancat → \(output): "))
        #expect(FileManager.default.fileExists(atPath: output + "/catalog.json"))
    }

    @Test func stalePricingTablesAreRemovedAndNothingElse() throws {
        let directory = try TemporaryDirectory([
            "pro.plancat": Self.catalog,
            "build/pricing-tables/old.json": Self.pricingTable(slug: "old"),
            "build/pricing-tables/notes.json": "{}\n",
            "build/pricing-tables/notes.txt": "keep me\n",
            "build/pricing-tables/.hidden.json": "{}\n",
            "build/pricing-tables/archive/older.json": "{}\n",
            "build/other.json": "{}\n",
            "build/README": "keep me\n",
        ])
        let (status, terminal) = directory.run(["build", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == "built pro.plancat → build/: catalog.json, entitlements.json, "
            + "pricing-tables/main.json; removed pricing-tables/old.json\n")
        #expect(try snapshot(directory.path + "/build").keys.sorted() == [
            "README", "catalog.json", "entitlements.json", "other.json", "pricing-tables",
            "pricing-tables/.hidden.json", "pricing-tables/archive", "pricing-tables/archive/older.json",
            "pricing-tables/main.json", "pricing-tables/notes.json", "pricing-tables/notes.txt",
        ])
    }

    // MARK: Nothing written on failure

    @Test func errorsExitOneAndLeaveThePreviousBuildUntouched() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        #expect(directory.run(["build", "pro.plancat"]).status == ExitStatus.success)
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: directory.path + "/build/pricing-tables/old.json"))
        let before = try snapshot(directory.path + "/build")

        try Data(Self.unclosed.utf8).write(to: URL(fileURLWithPath: directory.path + "/pro.plancat"))
        let (status, terminal) = directory.run(["build", "pro.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("pro.plancat:1:10: error[E0104]: this `{` is never closed"))
        let lastLine = terminal.standardError.split(separator: "\n").last ?? ""
        #expect(lastLine.hasPrefix("checked pro.plancat: "))
        #expect(lastLine.hasSuffix("; nothing written"))
        // Byte for byte, the stale table included, and no temporary file anywhere.
        #expect(try snapshot(directory.path + "/build") == before)
    }

    @Test func errorsDoNotCreateTheOutputDirectory() throws {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed])
        #expect(directory.run(["build", "bad.plancat"]).status == ExitStatus.failure)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/build"))
    }

    @Test func warningsFailOnlyWithWarningsAsErrors() throws {
        let directory = try TemporaryDirectory(["placeholder.plancat": Self.placeholderOnly])
        let (strictStatus, strict) = directory.run(["build", "--warnings-as-errors", "placeholder.plancat"])
        #expect(strictStatus == ExitStatus.failure)
        #expect(strict.standardOutput.isEmpty)
        #expect(strict.standardError.contains("warning[W0501]"))
        #expect(strict.standardError.hasSuffix(
            "checked placeholder.plancat: 1 warning (treated as an error); nothing written\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/build"))

        let (status, lenient) = directory.run(["build", "placeholder.plancat"])
        #expect(status == ExitStatus.success)
        #expect(lenient.standardError.hasSuffix("checked placeholder.plancat: 1 warning\n"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/build/catalog.json"))
    }

    @Test func anOutputThatIsARegularFileExits73() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog, "out": "not a directory\n"])
        let (status, terminal) = directory.run(["build", "pro.plancat", "-o", "out"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == """
            checked pro.plancat: no problems
            plancat: error: `out` exists and is not a directory

            """)
        #expect(try bytes(directory, "out") == Array("not a directory\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["out", "pro.plancat"])
    }

    @Test func aParentThatIsARegularFileIsNamedAsWritten() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog, "out": "not a directory\n"])
        let (status, terminal) = directory.run(["build", "pro.plancat", "-o", "out/site"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardError.hasSuffix("plancat: error: `out` exists and is not a directory\n"))
    }

    @Test func aDirectoryWhereAFileGoesExits73AndChangesNothing() throws {
        let directory = try TemporaryDirectory([
            "pro.plancat": Self.catalog,
            "build/catalog.json": "old catalog\n",
            "build/pricing-tables/main.json/keep": "in the way\n",
        ])
        let before = try snapshot(directory.path + "/build")
        let (status, terminal) = directory.run(["build", "pro.plancat"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasSuffix("plancat: error: `build/pricing-tables/main.json` is a directory, "
            + "where the build writes a file; move it away and build again\n"))
        #expect(try snapshot(directory.path + "/build") == before)
    }

    // MARK: --print

    @Test(arguments: [
        ("catalog", "catalog.json"),
        ("entitlements", "entitlements.json"),
        ("pricing-table:main", "pricing-tables/main.json"),
    ])
    func printWritesOneDocumentToStandardOutput(document: String, file: String) throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        #expect(directory.run(["build", "pro.plancat", "-o", "written"]).status == ExitStatus.success)
        let (status, terminal) = directory.run(["build", "pro.plancat", "--print", document])
        #expect(status == ExitStatus.success)
        #expect(Array(terminal.standardOutput.utf8) == (try bytes(directory, "written/" + file)))
        #expect(terminal.standardError == "checked pro.plancat: no problems\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/build"))
    }

    @Test(arguments: [
        (["--print", "pricing-table:mian"], "no pricing table `mian` in `pro.plancat`", "did you mean `main`?"),
        (["--print", "pricing-table:enterprise"], "no pricing table `enterprise` in `pro.plancat`",
         "its pricing tables: `main`"),
        (["--print", "pricing-table"], "`--print pricing-table` needs a slug: --print pricing-table:SLUG",
         "its pricing tables: `main`"),
        (["--print", "bogus"], "unknown document `bogus` for `--print`",
         "use one of: catalog, entitlements, pricing-table:SLUG"),
        (["--print", "catalogs"], "unknown document `catalogs` for `--print`", "did you mean `catalog`?"),
        (["--print", "pricing-tables:main"], "unknown document `pricing-tables:main` for `--print`",
         "did you mean `pricing-table:main`?"),
        (["--print", "catalog", "-o", "x"], "`--print` and `--output` cannot be used together",
         "`--print` writes one document to standard output and no file; drop one of them"),
        (["--output", ""], "`--output` needs a directory", "leave it out to write into build/"),
        (["--ouput", "x"], "unknown option `--ouput` for `plancat build`", "did you mean `--output`?"),
        (["other.plancat"],
         "`plancat build` builds one catalog, but 2 PATHs were given: `pro.plancat`, `other.plancat`",
         "run `plancat build` once for each catalog, with its own `-o DIR`"),
    ] as [([String], String, String)])
    func usageErrorsExit64(arguments: [String], message: String, hint: String) throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog, "other.plancat": Self.catalog])
        let (status, terminal) = directory.run(["build", "pro.plancat"] + arguments)
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasSuffix("""
            plancat: error: \(message)
            hint: \(hint)
            usage: \(BuildCommand.usage)
            Run `plancat build --help` for more information.

            """))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == ["other.plancat", "pro.plancat"])
    }

    // MARK: Which catalog

    @Test func theDefaultPathMustHoldOneCatalog() throws {
        let directory = try TemporaryDirectory([
            "catalogs/pro.plancat": Self.catalog,
            "catalogs/acme/catalog.plancat": "# nothing here yet\n",
            "catalogs/basic.plancat": "# nothing here yet\n",
        ])
        let (status, terminal) = directory.run(["build"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == """
            plancat: error: `catalogs/` holds 3 catalogs, but `plancat build` builds one
            hint: name the one to build:
              plancat build catalogs/acme
              plancat build catalogs/basic.plancat
              plancat build catalogs/pro.plancat
            usage: \(BuildCommand.usage)
            Run `plancat build --help` for more information.

            """)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/build"))
    }

    @Test func theDefaultPathWithOneCatalogIsBuilt() throws {
        let directory = try TemporaryDirectory(["catalogs/pro.plancat": Self.catalog])
        let (status, terminal) = directory.run(["build"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("built catalogs/pro.plancat → build/: "))
    }

    @Test func aCatalogDirectoryIsOneCatalog() throws {
        let directory = try TemporaryDirectory(["acme/catalog.plancat": Self.catalog, "acme/extra.plancat": "# more\n"])
        let (status, terminal) = directory.run(["build", "acme", "-o", "out"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("built acme → out: "))
    }

    @Test func aMissingPathExits66() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["build", "nope.plancat"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == "plancat: error: `nope.plancat` does not exist\n")
    }

    @Test func aMissingDefaultPathExplainsItself() throws {
        let (status, terminal) = try TemporaryDirectory().run(["build"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError == """
            plancat: error: `catalogs/` does not exist
            plancat: note: without a PATH, plancat builds `catalogs/`; run `plancat build --help` for the forms a PATH takes

            """)
    }

    @Test func standardInputIsACatalog() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        #expect(directory.run(["build", "pro.plancat", "-o", "fromfile"]).status == ExitStatus.success)

        let (printStatus, printed) = directory.run(["build", "--print", "catalog", "-"]) {
            $0.standardInput = Array(Self.catalog.utf8)
        }
        #expect(printStatus == ExitStatus.success)
        #expect(Array(printed.standardOutput.utf8) == (try bytes(directory, "fromfile/catalog.json")))

        let (status, terminal) = directory.run(["build", "-", "-o", "fromstdin"]) {
            $0.standardInput = Array(Self.catalog.utf8)
        }
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("built <stdin> → fromstdin: "))
        #expect(try snapshot(directory.path + "/fromstdin") == (try snapshot(directory.path + "/fromfile")))
    }

    // MARK: Diagnostics and help

    @Test(arguments: ["json", "github"])
    func machineDiagnosticsGoToStandardError(format: String) throws {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed])
        let (status, terminal) = directory.run(["build", "--diagnostics", format, "bad.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        if format == "json" {
            let parsed = try JSONSerialization.jsonObject(with: Data(terminal.standardError.utf8))
            let array = try #require(parsed as? [[String: Any]])
            #expect(array.contains { $0["code"] as? String == "E0104" })
        } else {
            #expect(terminal.standardError.contains("::error file=bad.plancat,line=1,col=10,"))
        }
    }

    @Test(arguments: [["build", "--help"], ["build", "-h"], ["help", "build"]])
    func helpPrintsUsage(arguments: [String]) throws {
        let (status, terminal) = try TemporaryDirectory().run(arguments)
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == BuildCommand.help)
        #expect(terminal.standardOutput.hasPrefix("usage: plancat build "))
        #expect(terminal.standardError.isEmpty)
    }

    @Test func theTopLevelHelpListsBuild() throws {
        let (_, terminal) = try TemporaryDirectory().run(["--help"])
        #expect(terminal.standardOutput.contains("  build    check one catalog"))
        #expect(terminal.standardOutput.contains("73  an output file or directory cannot be created or written"))
    }

    // MARK: The writer on its own

    @Test func theWriterChangesNothingWhenOneFileCannotBeWritten() throws {
        let directory = try TemporaryDirectory([
            "out/catalog.json": "old catalog\n",
            "out/entitlements.json": "old entitlements\n",
            "out/pricing-tables/old.json": "{}\n",
            "out/pricing-tables/main.json/keep": "a directory where a file goes\n",
        ])
        let before = try snapshot(directory.path + "/out")
        let writer = OutputDirectoryWriter(directory: directory.path + "/out", shownAs: "out")
        let files = [
            OutputFile(path: "catalog.json", bytes: Array("new catalog\n".utf8)),
            OutputFile(path: "entitlements.json", bytes: Array("new entitlements\n".utf8)),
            OutputFile(path: "pricing-tables/basic.json", bytes: Array("{}\n".utf8)),
            OutputFile(path: "pricing-tables/main.json", bytes: Array("{}\n".utf8)),
        ]
        #expect {
            try writer.write(files)
        } throws: { error in
            (error as? OutputDirectoryWriter.Failure)?.path == "out/pricing-tables/main.json"
        }
        #expect(try snapshot(directory.path + "/out") == before)
    }

    @Test func theWriterRemovesTheDirectoriesItCreatedWhenItFails() throws {
        let directory = try TemporaryDirectory()
        let writer = OutputDirectoryWriter(directory: directory.path + "/new/out/", shownAs: "new/out/")
        // No file system takes a name of 300 bytes, so the second file fails after the first is written.
        let tooLong = String(repeating: "x", count: 300) + ".json"
        let files = [
            OutputFile(path: "catalog.json", bytes: Array("{}\n".utf8)),
            OutputFile(path: "pricing-tables/" + tooLong, bytes: Array("{}\n".utf8)),
        ]
        #expect {
            try writer.write(files)
        } throws: { error in
            guard let failure = error as? OutputDirectoryWriter.Failure else { return false }
            return failure.message == "cannot write `new/out/pricing-tables/\(tooLong)`: File name too long"
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func theWriterReportsWhatItDid() throws {
        let directory = try TemporaryDirectory([
            "out/catalog.json": "same\n",
            "out/pricing-tables/gone.json": Self.pricingTable(slug: "gone"),
            "out/pricing-tables/also-gone.json": Self.pricingTable(slug: "also-gone"),
        ])
        let writer = OutputDirectoryWriter(directory: directory.path + "/out")
        let report = try writer.write([
            OutputFile(path: "catalog.json", bytes: Array("same\n".utf8)),
            OutputFile(path: "entitlements.json", bytes: Array("new\n".utf8)),
            OutputFile(path: "pricing-tables/main.json", bytes: Array("{}\n".utf8)),
        ])
        #expect(report == OutputDirectoryWriter.Report(
            written: ["entitlements.json", "pricing-tables/main.json"], unchanged: ["catalog.json"],
            removed: ["pricing-tables/also-gone.json", "pricing-tables/gone.json"]))
        #expect(try snapshot(directory.path + "/out").keys.sorted()
            == ["catalog.json", "entitlements.json", "pricing-tables", "pricing-tables/main.json"])
    }

    // MARK: Helpers

    private func bytes(_ directory: TemporaryDirectory, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: directory.path + "/" + path)))
    }

    /// Every entry under a directory, hidden ones included, with the bytes of each file (empty for a
    /// directory): equal snapshots mean nothing was written, removed or left behind.
    private func snapshot(_ path: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: path))
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? []
                : Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + relative)))
        }
        return result
    }
}
