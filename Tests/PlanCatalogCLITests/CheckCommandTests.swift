import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat check` driven end to end with an in-memory terminal and catalogs in a temporary directory.
///
/// The catalogs here hold a syntax error (whose report is settled) or nothing at all, and the tests look
/// for that report among any others, so they do not change as semantic checks are added.
@Suite struct CheckCommandTests {
    /// A catalog with no statements: nothing to complain about.
    private static let empty = "# nothing here yet\n"
    /// A syntax error that is reported the same way whatever checks follow parsing.
    private static let unclosed = "plan pro {\n"

    @Test func aCleanCatalogExitsZeroAndSaysSo() throws {
        let directory = try TemporaryDirectory(["ok.plancat": Self.empty])
        let (status, terminal) = directory.run(["check", "ok.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")
    }

    @Test func errorsExitOneWithTextOnStandardError() throws {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed, "ok.plancat": Self.empty])
        let (status, terminal) = directory.run(["check", "bad.plancat", "ok.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("""
            bad.plancat:1:10: error[E0104]: this `{` is never closed
              |
            1 | plan pro {
              |          ^
            """))
        let lastLine = terminal.standardError.split(separator: "\n").last ?? ""
        #expect(lastLine.hasPrefix("checked 2 catalogs: "))
        #expect(lastLine.contains("error"))
    }

    @Test func theDefaultPathIsCatalogs() throws {
        let directory = try TemporaryDirectory(["catalogs/bad.plancat": Self.unclosed, "catalogs/acme/catalog.plancat": Self.empty])
        let (status, terminal) = directory.run(["check"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.contains("catalogs/bad.plancat:1:10: error[E0104]"))
        #expect(terminal.standardError.contains("checked 2 catalogs: "))
    }

    @Test func anEmptyFolderHoldsNoCatalogsRatherThanBeingUnreadable() throws {
        let directory = try TemporaryDirectory(["ok.plancat": Self.empty])
        try FileManager.default.createDirectory(atPath: directory.path + "/empty", withIntermediateDirectories: true)
        let (status, terminal) = directory.run(["check", "empty"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError == """
            plancat: error: `empty` holds no catalogs (no .plancat files)
            checked 0 catalogs (1 path holds no .plancat file)

            """)
        let mixed = directory.run(["check", "empty", "missing", "ok.plancat"])
        #expect(mixed.status == ExitStatus.missingInput)
        #expect(mixed.terminal.standardError.hasSuffix(
            "checked 1 catalog (1 path could not be read, 1 holds no .plancat file): no problems\n"))
    }

    @Test func aMissingDefaultPathExplainsItself() throws {
        let (status, terminal) = try TemporaryDirectory().run(["check"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError == """
            plancat: error: `catalogs/` does not exist
            plancat: note: without a PATH, plancat checks `catalogs/`; run `plancat check --help` for the forms a PATH takes
            checked 0 catalogs (1 path could not be read)

            """)
    }

    @Test func aMissingPathWinsOverErrorsButTheOthersAreStillChecked() throws {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed])
        let (status, terminal) = directory.run(["check", "nope.plancat", "bad.plancat"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.hasPrefix("plancat: error: `nope.plancat` does not exist\n"))
        #expect(terminal.standardError.contains("bad.plancat:1:10: error[E0104]"))
        #expect(terminal.standardError.contains("checked 1 catalog (1 path could not be read): "))
    }

    @Test func jsonGoesToStandardOutputAsOneArray() throws {
        let directory = try TemporaryDirectory(["b.plancat": Self.unclosed, "a.plancat": "plan x {\n", "ok.plancat": Self.empty])
        let (status, terminal) = directory.run(["check", "--diagnostics", "json", "b.plancat", "ok.plancat", "a.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.isEmpty)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(terminal.standardOutput.utf8)) as? [[String: Any]])
        let unclosed = array.filter { $0["code"] as? String == "E0104" }
        // One array across catalogs, sorted by file.
        #expect(unclosed.map { $0["file"] as? String } == ["a.plancat", "b.plancat"])
        #expect(unclosed.first?["line"] as? Int == 1)
        #expect(unclosed.first?["column"] as? Int == 8)
        #expect(terminal.standardOutput.hasPrefix("[\n  {\n    \"code\": "))
        #expect(terminal.standardOutput.hasSuffix("\n]\n"))
    }

    @Test func jsonOfACleanRunIsAnEmptyArray() throws {
        let directory = try TemporaryDirectory(["ok.plancat": Self.empty])
        let (status, terminal) = directory.run(["check", "ok.plancat", "--diagnostics=json"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == "[]\n")
        #expect(terminal.standardError.isEmpty)
    }

    @Test func jsonWithAMissingPathStillPrintsTheArray() throws {
        let directory = try TemporaryDirectory(["ok.plancat": Self.empty])
        let (status, terminal) = directory.run(["check", "--diagnostics", "json", "ok.plancat", "gone"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardOutput == "[]\n")
        #expect(terminal.standardError == "plancat: error: `gone` does not exist\n")
    }

    @Test func githubGoesToStandardOutput() throws {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed])
        let (status, terminal) = directory.run(["check", "--diagnostics", "github", "bad.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.isEmpty)
        #expect(terminal.standardOutput.contains(
            "::error file=bad.plancat,line=1,col=10,endLine=1,endColumn=11,title=E0104::this `{` is never closed"))
        #expect(terminal.standardOutput.split(separator: "\n").allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
    }

    @Test func standardInputIsTheCatalogNamedDash() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["check", "-"]) { $0.standardInput = Array(Self.unclosed.utf8) }
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.contains("<stdin>:1:10: error[E0104]: this `{` is never closed\n"))
    }

    @Test func doubleDashAllowsPathsThatLookLikeOptions() throws {
        let directory = try TemporaryDirectory(["--odd.plancat": Self.empty])
        let (status, terminal) = directory.run(["check", "--", "--odd.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")
    }

    @Test func usageErrorsExit64WithAHint() throws {
        let (status, terminal) = try TemporaryDirectory().run(["check", "--diagnostic", "json"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == """
            plancat: error: unknown option `--diagnostic` for `plancat check`
            hint: did you mean `--diagnostics`?
            usage: \(CheckCommand.usage)
            Run `plancat check --help` for more information.

            """)
    }

    @Test func secretKeysNeverReachTheOutput() throws {
        let directory = try TemporaryDirectory(["s.plancat": "plan pro { # sk_live_abc123XYZ\n"])
        for format in ["text", "json", "github"] {
            let (status, terminal) = directory.run(["check", "--diagnostics", format, "s.plancat"])
            #expect(status == ExitStatus.failure)
            #expect(!terminal.standardOutput.contains("abc123XYZ"))
            #expect(!terminal.standardError.contains("abc123XYZ"))
        }
        let (_, terminal) = directory.run(["check", "s.plancat"])
        #expect(terminal.standardError.contains("1 | plan pro { # sk_live_••••\n"))
    }

    // MARK: Colour

    private func coloured(_ arguments: [String], interactive: Bool, environment: [String: String]) throws -> Bool {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed])
        let (_, terminal) = directory.run(["check", "bad.plancat"] + arguments) {
            $0.interactiveStreams = interactive ? [.standardError] : []
            $0.environment = environment
        }
        return terminal.standardError.contains("\u{1B}[")
    }

    @Test func colourFollowsTheTerminalAndNoColor() throws {
        #expect(try coloured([], interactive: true, environment: [:]))
        #expect(try !coloured([], interactive: false, environment: [:]))
        #expect(try !coloured([], interactive: true, environment: ["NO_COLOR": "1"]))
        #expect(try coloured([], interactive: true, environment: ["NO_COLOR": ""]))
        #expect(try !coloured([], interactive: true, environment: ["TERM": "dumb"]))
        #expect(try !coloured(["--color", "never"], interactive: true, environment: [:]))
        #expect(try coloured(["--color", "always"], interactive: false, environment: ["NO_COLOR": "1"]))
        #expect(try coloured(["--color=auto"], interactive: true, environment: [:]))
    }

    @Test func jsonIsNeverColoured() throws {
        let directory = try TemporaryDirectory(["bad.plancat": Self.unclosed])
        let (_, terminal) = directory.run(["check", "--color", "always", "--diagnostics", "json", "bad.plancat"])
        #expect(!terminal.standardOutput.contains("\u{1B}"))
    }

    // MARK: Warnings

    @Test func warningsFailOnlyWhenAsked() {
        let lenient = DiagnosticOptions(ScannedArguments())
        var strict = ScannedArguments()
        strict.flags.insert("--warnings-as-errors")
        #expect(!lenient.fails(errorCount: 0, warningCount: 2))
        #expect(lenient.fails(errorCount: 1, warningCount: 0))
        #expect(DiagnosticOptions(strict).fails(errorCount: 0, warningCount: 1))
        #expect(!DiagnosticOptions(strict).fails(errorCount: 0, warningCount: 0))
    }
}
