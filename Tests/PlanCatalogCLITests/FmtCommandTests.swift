import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat fmt` driven end to end with an in-memory terminal, in a temporary directory.
@Suite struct FmtCommandTests {
    /// The package's root, from this file's place in it.
    private static let packageRoot = PackageRoot.url

    private static let messy = "catalog \"Acme\"; currency USD\nplan pro {\n\tname \"Pro\"   # the plan\n}\n"
    private static let tidy = "catalog \"Acme\"\ncurrency USD\n\nplan pro {\n  name \"Pro\" # the plan\n}\n"
    private static let broken = "plan pro {\n  name \"Pro\n"

    private func contents(_ directory: TemporaryDirectory, _ name: String) throws -> String {
        try String(contentsOfFile: directory.path + "/" + name, encoding: .utf8)
    }

    // MARK: Rewriting

    @Test func rewritesAFileInPlace() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(try contents(directory, "pro.plancat") == Self.tidy)
        #expect(terminal.standardOutput == "")
        #expect(terminal.standardError == "formatted 1 file: 1 rewritten\n")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pro.plancat"])
    }

    @Test func anUnchangedFileIsNotRewritten() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.tidy])
        let path = directory.path + "/pro.plancat"
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        let (status, terminal) = directory.run(["fmt", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == "formatted 1 file: already formatted\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == past)
    }

    @Test func aRewrittenFileKeepsItsPermissionsAndItsSymbolicLink() throws {
        let directory = try TemporaryDirectory(["real/pro.plancat": Self.messy])
        let real = directory.path + "/real/pro.plancat"
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real)
        try FileManager.default.createDirectory(atPath: directory.path + "/linked", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/linked/pro.plancat", withDestinationPath: real)
        #expect(directory.run(["fmt", "linked/pro.plancat"]).status == ExitStatus.success)
        #expect(try contents(directory, "real/pro.plancat") == Self.tidy)
        #expect(try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int == 0o640)
        let link = try FileManager.default.attributesOfItem(atPath: directory.path + "/linked/pro.plancat")
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink)
    }

    @Test func everyFileOfACatalogDirectoryIsFormattedOnItsOwn() throws {
        let directory = try TemporaryDirectory([
            "acme/catalog.plancat": Self.messy, "acme/plans/more.plancat": "plan team { name \"Team\" }\n",
        ])
        let (status, terminal) = directory.run(["fmt"], configure: { _ in })
        #expect(status == ExitStatus.missingInput, "no catalogs/ here")
        #expect(terminal.standardError.contains("plancat formats `catalogs/`"))
        #expect(directory.run(["fmt", "acme"]).status == ExitStatus.success)
        #expect(try contents(directory, "acme/catalog.plancat") == Self.tidy)
        #expect(try contents(directory, "acme/plans/more.plancat") == "plan team {\n  name \"Team\"\n}\n")
    }

    // MARK: --check and --diff

    @Test func checkListsTheFilesThatWouldChangeAndWritesNothing() throws {
        let directory = try TemporaryDirectory(["cats/a.plancat": Self.tidy, "cats/b.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "--check", "cats"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput == "cats/b.plancat\n")
        #expect(terminal.standardError == "checked 2 files: 1 not formatted (run `plancat fmt` to rewrite them)\n")
        #expect(try contents(directory, "cats/b.plancat") == Self.messy)
    }

    @Test func checkSucceedsWhenEveryFileIsFormatted() throws {
        let directory = try TemporaryDirectory(["cats/a.plancat": Self.tidy, "cats/b.plancat": Self.tidy])
        let (status, terminal) = directory.run(["fmt", "--check", "cats"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == "")
        #expect(terminal.standardError == "checked 2 files: all formatted\n")
    }

    @Test func diffPrintsAUnifiedDiffAndWritesNothing() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "--diff", "pro.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput == """
            --- a/pro.plancat
            +++ b/pro.plancat
            @@ -1,4 +1,6 @@
            -catalog "Acme"; currency USD
            +catalog "Acme"
            +currency USD
            +
             plan pro {
            -\tname "Pro"   # the plan
            +  name "Pro" # the plan
             }

            """)
        #expect(try contents(directory, "pro.plancat") == Self.messy)
        // Colour on a terminal only.
        let coloured = directory.run(["fmt", "--diff", "pro.plancat"]) { $0.interactiveStreams = [.standardOutput] }
        #expect(coloured.terminal.standardOutput.contains("\u{1B}[31m-catalog"))
        let plain = directory.run(["fmt", "--diff", "pro.plancat"]) {
            $0.interactiveStreams = [.standardOutput]
            $0.environment = ["NO_COLOR": "1"]
        }
        #expect(!plain.terminal.standardOutput.contains("\u{1B}"))
    }

    @Test func checkAndDiffTogetherPrintTheDiff() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "--check", "--diff", "pro.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.hasPrefix("--- a/pro.plancat\n+++ b/pro.plancat\n@@ "))
    }

    // MARK: Standard input

    @Test func standardInputIsFormattedToStandardOutput() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["fmt", "-"]) { $0.standardInput = Array(Self.messy.utf8) }
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == Self.tidy)
        #expect(terminal.standardError == "")
        let check = directory.run(["fmt", "--check", "-"]) { $0.standardInput = Array(Self.messy.utf8) }
        #expect(check.status == ExitStatus.failure)
        #expect(check.terminal.standardOutput == "<stdin>\n")
    }

    @Test func standardInputWithSyntaxErrorsPrintsNothingOnStandardOutput() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["fmt", "-"]) { $0.standardInput = Array(Self.broken.utf8) }
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput == "")
        #expect(terminal.standardError.contains("<stdin>:2:8: error[E0101]"))
        // Standard input never gets a summary line: standard error is the buffer's diagnostics alone.
        #expect(!terminal.standardError.contains("formatted"))
        #expect(terminal.standardError.hasSuffix("\n\n"), "the last diagnostic's blank line ends it")
    }

    @Test func standardInputTakesTheNameOfStdinFilename() throws {
        let directory = try TemporaryDirectory()
        let broken = directory.run(["fmt", "--stdin-filename", "catalogs/pro.plancat", "-"]) {
            $0.standardInput = Array(Self.broken.utf8)
        }
        #expect(broken.status == ExitStatus.failure)
        #expect(broken.terminal.standardError.hasPrefix("catalogs/pro.plancat:2:8: error[E0101]"))
        #expect(!broken.terminal.standardError.contains("<stdin>"))
        #expect(!broken.terminal.standardError.contains("formatted"))

        let check = directory.run(["fmt", "--check", "--stdin-filename=catalogs/pro.plancat", "-"]) {
            $0.standardInput = Array(Self.messy.utf8)
        }
        #expect(check.status == ExitStatus.failure)
        #expect(check.terminal.standardOutput == "catalogs/pro.plancat\n")

        let diff = directory.run(["fmt", "--diff", "--stdin-filename", "pro.plancat", "-"]) {
            $0.standardInput = Array(Self.messy.utf8)
        }
        #expect(diff.terminal.standardOutput.hasPrefix("--- a/pro.plancat\n+++ b/pro.plancat\n"))

        let formatted = directory.run(["fmt", "--stdin-filename", "pro.plancat", "-"]) {
            $0.standardInput = Array(Self.messy.utf8)
        }
        #expect(formatted.status == ExitStatus.success)
        #expect(formatted.terminal.standardOutput == Self.tidy)
        #expect(formatted.terminal.standardError == "")
        // Nothing is written to PATH: standard input goes to standard output.
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/pro.plancat"))
    }

    @Test func stdinFilenameWithoutStandardInputIsAUsageError() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "--stdin-filename", "pro.plancat", "pro.plancat"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix(
            "plancat: error: `--stdin-filename` names the file that standard input stands for, but no PATH is `-`\n"))
        #expect(try contents(directory, "pro.plancat") == Self.messy)
    }

    // MARK: Failures

    @Test func aFileWithSyntaxErrorsIsLeftAsItWasWhileOthersAreFormatted() throws {
        let directory = try TemporaryDirectory(["cats/a.plancat": Self.broken, "cats/b.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "cats"])
        #expect(status == ExitStatus.failure)
        #expect(try contents(directory, "cats/a.plancat") == Self.broken)
        #expect(try contents(directory, "cats/b.plancat") == Self.tidy)
        #expect(terminal.standardError.contains("cats/a.plancat:2:8: error[E0101]"))
        #expect(terminal.standardError.hasSuffix("formatted 2 files: 1 rewritten, 1 with syntax errors\n"))
        #expect(terminal.standardOutput == "")
    }

    @Test func syntaxErrorsAsJSONGoToStandardError() throws {
        let directory = try TemporaryDirectory(["a.plancat": Self.broken])
        let (status, terminal) = directory.run(["fmt", "--diagnostics", "json", "a.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput == "")
        #expect(terminal.standardError.hasPrefix("[\n"))
        #expect(terminal.standardError.contains("\"code\": \"E0101\""))
    }

    @Test func aMissingPathExits66AndTheOthersAreStillFormatted() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.messy])
        let (status, terminal) = directory.run(["fmt", "missing.plancat", "pro.plancat"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.hasPrefix("plancat: error: `missing.plancat` does not exist\n"))
        #expect(try contents(directory, "pro.plancat") == Self.tidy)
    }

    @Test func anUnwritableDirectoryExits73AndLeavesTheFileIntact() throws {
        let directory = try TemporaryDirectory(["locked/pro.plancat": Self.messy])
        let locked = directory.path + "/locked"
        try Self.makeUnwritable(locked)
        defer { Self.makeWritable(locked) }
        let (status, terminal) = directory.run(["fmt", "locked/pro.plancat"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardError.hasPrefix("plancat: error: cannot write `locked/pro.plancat`: "))
        #expect(terminal.standardError.contains("; it is left as it was\n"))
        #expect(try contents(directory, "locked/pro.plancat") == Self.messy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked) == ["pro.plancat"])
    }

    @Test func unknownOptionsAreUsageErrors() throws {
        let directory = try TemporaryDirectory()
        #expect(directory.run(["fmt", "--chek"]).status == ExitStatus.usageError)
        #expect(directory.run(["fmt", "--warnings-as-errors"]).status == ExitStatus.usageError)
        let help = directory.run(["fmt", "--help"])
        #expect(help.status == ExitStatus.success)
        #expect(help.terminal.standardOutput.hasPrefix("usage: plancat fmt [--check] [--diff]"))
    }

    // MARK: The shipped catalogs

    @Test func everyShippedCatalogIsFormatted() {
        let terminal = RecordingTerminal(currentDirectory: Self.packageRoot.path)
        let status = PlanCatalogCLI.run(arguments: ["fmt", "--check", "catalogs/"], terminal: terminal)
        #expect(status == ExitStatus.success, "run `swift run plancat fmt catalogs/`: \(terminal.standardOutput)")
        #expect(terminal.standardOutput == "")
    }

    // MARK: Helpers

    /// Makes a directory refuse new files, even to root: permissions first, and where they are not
    /// enough (root ignores them) the immutable attribute. Fails the test when neither works, rather
    /// than letting it pass without testing anything. `check --fix` tests use it too.
    static func makeUnwritable(_ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path)
        if !canCreateFile(in: path) { return }
        _ = runTool("/usr/bin/chattr", ["+i", path]) || runTool("/bin/chattr", ["+i", path])
        if canCreateFile(in: path) {
            Issue.record("cannot make \(path) unwritable on this machine")
        }
    }

    static func makeWritable(_ path: String) {
        _ = runTool("/usr/bin/chattr", ["-i", path]) || runTool("/bin/chattr", ["-i", path])
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }

    private static func canCreateFile(in directory: String) -> Bool {
        let probe = directory + "/.probe"
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else { return false }
        try? FileManager.default.removeItem(atPath: probe)
        return true
    }

    private static func runTool(_ executable: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
