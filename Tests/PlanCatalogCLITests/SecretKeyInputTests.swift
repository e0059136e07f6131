import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// A secret API key never reaches a terminal: not from a deployed catalog.json given to `diff --against`
/// or `import` (refused with exit 65, the key masked), nor from the revision `diff --against-ref` builds
/// (its `.plancat` files go through the compiler's E1001, masked in every diagnostic format).
@Suite struct SecretKeyInputTests {
    static let key = "sk_live_51HqLyjWDarjtT1zdp7dcQ"

    /// A directory holding `pro.plancat` (the diff tests' base catalog) and `deployed/catalog.json`, its
    /// build with the key pasted into the Pro plan's name.
    static func directoryWithLeakyDeployment() throws -> TemporaryDirectory {
        let directory = try DiffCommandTests.deployedDirectory(source: DiffCommandTests.base)
        let path = directory.path + "/deployed/catalog.json"
        let built = try String(contentsOfFile: path, encoding: .utf8)
        let leaky = built.replacing(#""planName": "Pro","#, with: #""planName": "Pro \#(key)","#)
        #expect(leaky != built, "the Pro plan's name is where the key is planted")
        try Data(leaky.utf8).write(to: URL(fileURLWithPath: path))
        return directory
    }

    /// What every refusal of the planted key says after `is not a valid catalog.json: `.
    static let refusal = "$.plans[1].planName: holds what looks like a secret API key, `sk_live_••••`"

    static func expectNoKey(in terminal: RecordingTerminal) {
        #expect(!terminal.standardOutput.contains(key), "standard output shows the key")
        #expect(!terminal.standardError.contains(key), "standard error shows the key")
        #expect(!terminal.standardOutput.contains("51HqLyj") && !terminal.standardError.contains("51HqLyj"),
                "part of the key is shown")
    }

    @Test(arguments: ["text", "json", "markdown"])
    func diffAgainstADeployedFileWithAKeyExits65(format: String) throws {
        let directory = try Self.directoryWithLeakyDeployment()
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                                "--format", format])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains(
            "plancat: error: `deployed/catalog.json` is not a valid catalog.json: " + Self.refusal),
                "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
        Self.expectNoKey(in: terminal)
    }

    @Test func diffAgainstStandardInputWithAKeyExits65() throws {
        let directory = try Self.directoryWithLeakyDeployment()
        let json = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/deployed/catalog.json"))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "-"]) {
            $0.standardInput = Array(json)
        }
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains("`<stdin>` is not a valid catalog.json: " + Self.refusal))
        Self.expectNoKey(in: terminal)
    }

    @Test func importOfAFileWithAKeyExits65AndWritesNothing() throws {
        let directory = try Self.directoryWithLeakyDeployment()
        let (status, terminal) = directory.run(["import", "deployed/catalog.json", "-o", "imported.plancat"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains(
            "plancat: error: `deployed/catalog.json` is not a valid catalog.json: " + Self.refusal),
                "\(terminal.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/imported.plancat"))
        Self.expectNoKey(in: terminal)

        let (stdoutStatus, stdoutTerminal) = directory.run(["import", "deployed/catalog.json"])
        #expect(stdoutStatus == ExitStatus.invalidInputData)
        #expect(stdoutTerminal.standardOutput.isEmpty)
        Self.expectNoKey(in: stdoutTerminal)
    }

    @Test func importOfAFileThatIsNotJSONMasksTheKeyItQuotes() throws {
        // The JSON parser quotes a duplicate key; the message that reaches the terminal must not.
        let directory = try TemporaryDirectory(["leak.json": "{\"\(Self.key)\": 1, \"\(Self.key)\": 2}"])
        let (status, terminal) = directory.run(["import", "leak.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains("duplicate key `sk_live_••••`"), "\(terminal.standardError)")
        Self.expectNoKey(in: terminal)
    }

    /// `--against-ref`: the revision's source holds the key (in a comment and a name); the working tree's
    /// does not. The revision's E1001 errors stop the diff, and no format prints the key.
    @Test(arguments: ["text", "json", "github"])
    func diffAgainstARevisionWithAKeyMasksIt(diagnostics: String) throws {
        let leaky = DiffCommandTests.base
            .replacing("name \"Pro\"", with: "name \"Pro \(Self.key)\" # deploy with \(Self.key)")
        let directory = try TemporaryDirectory(["catalogs/pro.plancat": leaky])
        try DiffAgainstRefTests.git(["init", "--quiet"], in: directory)
        try DiffAgainstRefTests.git(["add", "."], in: directory)
        try DiffAgainstRefTests.git(["-c", "user.name=plancat tests", "-c", "user.email=tests@plancat.invalid",
                                     "commit", "--quiet", "-m", "Leaky pricing"], in: directory)
        try Data(DiffCommandTests.base.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalogs/pro.plancat"))

        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD",
                                                "--diagnostics", diagnostics])
        #expect(status == ExitStatus.failure, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("E1001"), "\(terminal.standardError)")
        #expect(terminal.standardError.contains("sk_live_••••"), "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
        Self.expectNoKey(in: terminal)
    }

    // MARK: Keys spelled with escapes

    /// `key` with its underscores, or its first letter and underscores, written as Unicode escapes.
    static let escapedSpellings = [
        #"sk\u{5f}live_51HqLyjWDarjtT1zdp7dcQ"#,
        #"\u{73}k_live_51HqLyjWDarjtT1zdp7dcQ"#,
        #"\u{73}\u{6B}\u{5f}live\u{5F}51HqLyjWDarjtT1zdp7dcQ"#,
    ]

    /// `build` refuses a key that only escapes spell (E1001, exit 1), writes nothing, and shows the key
    /// nowhere — not in the message, not in the source line of the snippet.
    @Test(arguments: escapedSpellings)
    func buildOfAKeySpelledWithEscapesExits1(spelling: String) throws {
        let source = DiffCommandTests.base.replacing("name \"Pro\"", with: "name \"\(spelling)\"")
        let directory = try TemporaryDirectory(["pro.plancat": source])
        for format in ["text", "json", "github"] {
            let (status, terminal) = directory.run(["build", "pro.plancat", "-o", "out", "--diagnostics", format])
            #expect(status == ExitStatus.failure, "\(terminal.standardError)")
            #expect(terminal.standardError.contains("E1001"), "\(terminal.standardError)")
            #expect(terminal.standardError.contains("sk_live_••••"), "\(terminal.standardError)")
            Self.expectNoKey(in: terminal)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }

    /// `diff` of a source whose escapes spell a key stops at E1001 rather than showing the key as the
    /// Pro plan's new name.
    @Test func diffOfASourceThatSpellsAKeyWithEscapesExits1() throws {
        let source = DiffCommandTests.base.replacing("name \"Pro\"", with: "name \"\(Self.escapedSpellings[0])\"")
        let directory = try DiffCommandTests.deployedDirectory(source: source)
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.failure, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("secret API key `sk_live_••••`"), "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
        Self.expectNoKey(in: terminal)
    }

    /// A deployed catalog.json that spells the key with a JSON escape (`\u005f`) is refused like one that
    /// spells it plainly: exit 65, the key masked.
    @Test func diffAgainstADeployedFileWithAnEscapedKeyExits65() throws {
        let directory = try Self.directoryWithLeakyDeployment()
        let path = directory.path + "/deployed/catalog.json"
        let plain = try String(contentsOfFile: path, encoding: .utf8)
        let escaped = plain.replacing("sk_live_", with: #"sk\u005flive_"#)
        #expect(escaped != plain)
        try Data(escaped.utf8).write(to: URL(fileURLWithPath: path))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains(Self.refusal), "\(terminal.standardError)")
        Self.expectNoKey(in: terminal)
    }
}
