import Testing
@testable import PlanCatalogCLI

/// The rules every command's options follow.
@Suite struct ArgumentScannerTests {
    private let scanner = ArgumentScanner(definitions: DiagnosticOptions.definitions + [.help],
                                          commandName: "plancat check")

    @Test func optionsAndOperandsInAnyOrder() throws {
        let scanned = try scanner.scan(["a", "--diagnostics", "json", "b", "--color=never", "--warnings-as-errors", "-"])
        #expect(scanned.operands == ["a", "b", "-"])
        #expect(scanned.value(of: "--diagnostics") == "json")
        #expect(scanned.value(of: "--color") == "never")
        #expect(scanned.has("--warnings-as-errors"))
        #expect(!scanned.has("--help"))
    }

    @Test func doubleDashEndsOptions() throws {
        let scanned = try scanner.scan(["--color", "always", "--", "--help", "-x", "--diagnostics"])
        #expect(scanned.operands == ["--help", "-x", "--diagnostics"])
        #expect(!scanned.has("--help"))
    }

    @Test func theLastValueWins() throws {
        #expect(try scanner.scan(["--diagnostics", "json", "--diagnostics", "github"]).value(of: "--diagnostics") == "github")
    }

    @Test func shortAlias() throws {
        #expect(try scanner.scan(["-h"]).has("--help"))
    }

    @Test(arguments: [
        (["--diagnostic", "json"], "unknown option `--diagnostic` for `plancat check`", "did you mean `--diagnostics`?"),
        (["--colour", "never"], "unknown option `--colour` for `plancat check`", "did you mean `--color`?"),
        (["-x"], "unknown option `-x` for `plancat check`", nil),
        (["--diagnostics"], "`--diagnostics` needs a value: --diagnostics FORMAT", "use one of: text, json, github"),
        (["--diagnostics", "--color", "never"], "`--diagnostics` needs a value: --diagnostics FORMAT",
         "use one of: text, json, github"),
        (["--diagnostics", "xml"], "invalid value `xml` for `--diagnostics`", "use one of: text, json, github"),
        (["--diagnostics=JSON"], "invalid value `JSON` for `--diagnostics`", "did you mean `json`?"),
        (["--color", "sometimes"], "invalid value `sometimes` for `--color`", "use one of: auto, always, never"),
        (["--warnings-as-errors=yes"], "`--warnings-as-errors` takes no value", nil),
    ] as [([String], String, String?)])
    func refusesWhatItDoesNotKnow(arguments: [String], message: String, hint: String?) {
        #expect {
            try scanner.scan(arguments)
        } throws: { error in
            guard let error = error as? UsageError else { return false }
            return error.message == message && error.hint == hint
        }
    }
}
