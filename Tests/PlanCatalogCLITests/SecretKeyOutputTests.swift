import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// No secret key leaves the process, whoever quotes it (issue 18, item 6): diagnostic messages in every
/// format, file paths, echoed arguments, `fmt --diff` and `fmt -`, and the positions of a diagnostic.
@Suite struct SecretKeyOutputTests {
    /// The secret parts of the keys planted below: none of them may be printed.
    static let secrets = ["CUR1234", "AGG1234", "FEA1234", "MET1234", "PLA1234", "PATH999", "ARG777"]

    /// A catalog that uses keys where ids and values go, so that E0803, E0208, E0402, E0401 and E0403
    /// each quote one in their messages.
    static let leakyCatalog = """
        catalog "Leak"
        currency sk_live_CUR1234

        metric calls {
          name "Calls"
          event "calls"
          aggregate sk_live_AGG1234
        }

        plan plan_a {
          name "A"
          features {
            sk_live_FEA1234
          }
          price price_a {
            interval month
            component c { usage sk_live_MET1234; unit-price 1 }
          }
        }

        pricing-table main {
          currency USD
          row sk_live_PLA1234
        }

        """

    static func expectNoSecret(in terminal: RecordingTerminal, _ comment: String = "") {
        for secret in secrets {
            let shown = terminal.standardOutput.contains(secret) || terminal.standardError.contains(secret)
            #expect(!shown, "\(secret) is printed \(comment)")
        }
    }

    @Test(arguments: ["text", "json", "github"])
    func messagesThatQuoteAKeyMaskIt(format: String) throws {
        let directory = try TemporaryDirectory(["leak.plancat": Self.leakyCatalog])
        let (status, terminal) = directory.run(["check", "--diagnostics", format, "leak.plancat"])
        #expect(status == ExitStatus.failure)
        Self.expectNoSecret(in: terminal)
        let output = terminal.standardOutput + terminal.standardError
        for code in ["E0803", "E0208", "E0402", "E0401", "E0403"] {
            #expect(output.contains(code), "\(code) is reported")
        }
        #expect(output.contains("unknown metric `sk_live_••••`"))
        #expect(output.contains("unknown plan `sk_live_••••`"))
    }

    /// The library's diagnostics hold no key either, so a client other than the CLI cannot print one.
    @Test func diagnosticsNeverHoldAKey() {
        let result = CatalogCompiler.check([SourceFile(path: "leak.plancat", text: Self.leakyCatalog)])
        #expect(result.diagnostics.count >= 10)
        for diagnostic in result.diagnostics {
            let texts = [diagnostic.message, diagnostic.label ?? "", diagnostic.help ?? ""]
                + diagnostic.notes.map(\.message) + diagnostic.fixes.map(\.message)
            for text in texts {
                #expect(!Self.secrets.contains { text.contains($0) }, "\(diagnostic.code): \(text)")
            }
        }
    }

    @Test(arguments: ["text", "json", "github"])
    func aFileNamedWithAKeyIsShownMasked(format: String) throws {
        let directory = try TemporaryDirectory(["sk_live_PATH999/broken.plancat": "catalog \"A\"\nplan {\n"])
        let (status, terminal) = directory.run(["check", "--diagnostics", format, "sk_live_PATH999"])
        #expect(status == ExitStatus.failure)
        let output = terminal.standardOutput + terminal.standardError
        #expect(output.contains("sk_live_••••/broken.plancat"), "\(output)")
        Self.expectNoSecret(in: terminal)
    }

    @Test(arguments: [
        ["build", "catalogs/", "--print", "sk_live_ARG777"],
        ["explain", "sk_live_ARG777"],
        ["diff", "catalogs/pro.plancat", "--against-ref", "sk_live_ARG777"],
        ["check", "--sk_live_ARG777"],
        ["check", "--diagnostics", "sk_live_ARG777"],
        ["sk_live_ARG777"],
        ["check", "sk_live_ARG777.plancat"],
        ["help", "sk_live_ARG777"],
    ])
    func echoedArgumentsAreMasked(arguments: [String]) throws {
        // A repository, so that `--against-ref` gets as far as naming the revision it cannot find.
        let directory = try DiffAgainstRefTests.repository()
        let (status, terminal) = directory.run(arguments)
        #expect(status != ExitStatus.success)
        #expect(terminal.standardError.contains("sk_live_••••"), "\(terminal.standardError)")
        Self.expectNoSecret(in: terminal)
    }

    /// `fmt --diff` shows context lines too, and those are masked as the changed ones.
    @Test func formatterDiffMasksContextLines() throws {
        let source = "catalog \"A\"\n# sk_test_CUR1234 in a comment\ncurrency  USD\n"
        let directory = try TemporaryDirectory(["a.plancat": source])
        let (status, terminal) = directory.run(["fmt", "--diff", "a.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.contains(" # sk_test_•••• in a comment\n"), "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains("+currency USD\n"))
        Self.expectNoSecret(in: terminal)
    }

    /// `fmt -` prints the whole source; a masked key would change the editor's buffer, so it refuses.
    @Test func formattingStandardInputThatHoldsAKeyPrintsNothing() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["fmt", "-"]) {
            $0.standardInput = Array("catalog \"A\"\nname \"sk_live_CUR1234\"\n".utf8)
        }
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("error[E1001]: secret API key `sk_live_••••` in the catalog"))
        Self.expectNoSecret(in: terminal)

        let (clean, cleanTerminal) = directory.run(["fmt", "-"]) { $0.standardInput = Array("catalog  \"A\"\n".utf8) }
        #expect(clean == ExitStatus.success)
        #expect(cleanTerminal.standardOutput == "catalog \"A\"\n")
    }

    /// The positions of a diagnostic count the key as shown, so that `endColumn − column` is the same for
    /// every key, and a diagnostic later on the line is at the same column whatever the key's length.
    @Test(arguments: ["json", "github"])
    func positionsDoNotTellAKeysLength(format: String) throws {
        var outputs: [String] = []
        for key in ["sk_live_ab", "sk_live_" + String(repeating: "Z", count: 90)] {
            let directory = try TemporaryDirectory(["a.plancat": "catalog \"A\"\ncurrency USD\nname \"\(key)\" extra\n"])
            let (status, terminal) = directory.run(["check", "--diagnostics", format, "a.plancat"])
            #expect(status == ExitStatus.failure)
            let output = terminal.standardOutput + terminal.standardError
            #expect(!output.contains("ZZZZ"))
            outputs.append(output)
        }
        #expect(outputs[0] == outputs[1], "the output differs with the key's length:\n\(outputs[0])\n\(outputs[1])")
        #expect(outputs[0].contains(format == "json" ? "\"endColumn\": 19" : "endColumn=19"), "\(outputs[0])")
    }

    /// The keys of other platforms are refused and masked as Stripe's and Lumen's are.
    @Test(arguments: ["rk_live_CUR1234", "rk_test_CUR1234", "whsec_CUR1234"])
    func otherPlatformsKeysAreRefused(key: String) throws {
        let directory = try TemporaryDirectory(["a.plancat": "catalog \"A\"\ncurrency USD\n# \(key)\n"])
        let (status, terminal) = directory.run(["build", "a.plancat", "-o", "out"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.contains("E1001"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/catalog.json"))
        Self.expectNoSecret(in: terminal)
    }

    /// A deployed catalog.json holding one of those keys is refused by the reader, whose fast path looks
    /// for every prefix's marker.
    @Test(arguments: ["whsec_CUR1234", "rk_live_CUR1234"])
    func aDeployedFileWithAnotherPlatformsKeyExits65(key: String) throws {
        let directory = try DiffCommandTests.deployedDirectory(source: DiffCommandTests.base)
        let path = directory.path + "/deployed/catalog.json"
        let built = try String(contentsOfFile: path, encoding: .utf8)
        let leaky = built.replacing(#""planName": "Pro","#, with: #""planName": "Pro \#(key)","#)
        #expect(leaky != built)
        try Data(leaky.utf8).write(to: URL(fileURLWithPath: path))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains("holds what looks like a secret API key"), "\(terminal.standardError)")
        Self.expectNoSecret(in: terminal)
    }

    /// A key split across two writes is still masked: the run of key characters that ends a write is held
    /// back until the next write or the end of the run.
    @Test func aKeySplitAcrossWritesIsMasked() {
        let recording = RecordingTerminal(currentDirectory: "/")
        let terminal = SecretMaskingTerminal(recording)
        terminal.write("name sk_li", to: .standardOutput)
        terminal.write("ve_CUR", to: .standardOutput)
        terminal.write("1234 and whsec_", to: .standardOutput)
        terminal.write("AGG1234", to: .standardError)
        terminal.write("PLA1234", to: .standardError)
        #expect(recording.standardOutput == "name sk_live_•••• and ")
        terminal.flush()
        #expect(recording.standardOutput == "name sk_live_•••• and whsec_")
        #expect(recording.standardError == "AGG1234PLA1234", "a stream is masked on its own")
    }
}
