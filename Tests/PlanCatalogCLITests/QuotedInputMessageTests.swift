import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// What a message quotes from the input stays short and harmless: a catalog.json key or id of a megabyte
/// is cut to its start and `…` as the compiler's messages cut a long word (`Diagnostic.maximumQuoteLength`),
/// and a file name holding an escape sequence, a newline or a right-to-left override is printed with those
/// characters replaced, as source lines are, so it can neither drive the terminal nor forge a line.
@Suite struct QuotedInputMessageTests {
    static let long = "k" + String(repeating: "x", count: 999_999)

    @Test func aMegabyteUnknownKeyGivesAShortMessage() throws {
        let text = HostileInputCLITests.validJSON.replacing("{", with: "{\"\(Self.long)\": 1, ", maxReplacements: 1)
        try expectShortRefusal(text, naming: "unknown key `kxxxx")
    }

    @Test func aMegabytePlanIDReferenceGivesAShortMessage() throws {
        let valid = HostileInputCLITests.validJSON
        #expect(valid.contains("\"planId\": \"plan_pro\""))
        // An id has at most 200 bytes (a longer one is refused by its length), so the longest that is
        // looked up: its message quotes 64 characters of it.
        let id = "k" + String(repeating: "x", count: 199)
        let text = valid.replacing("\"planId\": \"plan_pro\"", with: "\"planId\": \"\(id)\"")
        try expectShortRefusal(text, naming: "no plan with id \"kxxxx", under: 260)
    }

    // MARK: Keys in JSON paths, and what the reader quotes

    /// A member of the document's top object whose value is a secret key: the reader reports it at the
    /// member's path, so the path holds the member's key (`$.key` or `$["key"]`).
    private static func withSecret(underKey key: String) -> String {
        HostileInputCLITests.validJSON.replacing("{", with: "{\(key): \"sk_live_notarealkey0000\", ", maxReplacements: 1)
    }

    @Test func aMegabyteKeyInAJSONPathIsCut() throws {
        // A plain key (letters only) is written `.key` when short; a megabyte of it is cut all the same.
        let text = Self.withSecret(underKey: "\"\(Self.long)\"")
        try expectShortRefusal(text, naming: "$[\"kxxxx")
        try expectShortRefusal(text, naming: "$[\"kxxxx", command: .diffAgainst)
    }

    @Test func aKeyWithControlAndBidiCharactersInAJSONPathIsEscaped() throws {
        // ESC, a newline and a right-to-left override, spelt with escapes in the file (raw control
        // characters are not JSON) and decoded by the parser.
        let text = Self.withSecret(underKey: #""a\u202eb\u001b[31m\nc""#)
        for command in [ShortRefusalCommand.importFile, .diffAgainst] {
            let message = try refusal(text, command: command).message
            let isEscaped = message.contains(#"$["a\u202eb\u001b[31m\nc"]: holds what looks like a secret API key"#)
            let isOneLine = message.split(separator: "\n").count == 1
            #expect(isEscaped, "\(message)")
            #expect(isOneLine, "\(message)")
            #expect(!message.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" }, "\(message)")
        }
    }

    @Test func anUnknownKeyWithABidiOverrideIsEscaped() throws {
        let text = HostileInputCLITests.validJSON.replacing("\"isFree\": false", with: "\"isFree\": false, \"is\u{202E}Free\": 1")
        let message = try refusal(text, command: .importFile).message
        #expect(message.contains(#"$.plans[0]: unknown key "is\u202eFree"; did you mean `isFree`?"#), "\(message)")
        #expect(!message.unicodeScalars.contains("\u{202E}"), "\(message)")
    }

    @Test func aKeyOfAMillionCombiningMarksIsCut() throws {
        // One character, as Swift counts them (a letter and its marks are one grapheme): cut all the same.
        // The quote keeps at most `Diagnostic.maximumQuoteScalars` of them: 256 scalars of two bytes each.
        let key = "k" + String(repeating: "\u{301}", count: 300_000)
        let text = HostileInputCLITests.validJSON.replacing("\"isFree\": false", with: "\"isFree\": false, \"\(key)\": 1")
        try expectShortRefusal(text, naming: "unknown key `k\u{301}\u{301}", under: 700)
    }

    @Test func aStrayBidiOverrideInJSONIsNamedNotPrinted() throws {
        let text = HostileInputCLITests.validJSON.replacing("\"isFree\": false", with: "\"isFree\": false, \u{202E}")
        let message = try refusal(text, command: .importFile).message
        #expect(message.contains("expected a string key after `,`, found U+202E"), "\(message)")
        #expect(!message.unicodeScalars.contains("\u{202E}"), "\(message)")
    }

    @Test func aValueWithBidiAndC1CharactersIsQuotedEscaped() throws {
        let text = HostileInputCLITests.validJSON.replacing("\"currency\": \"USD\"", with: #""currency": "US\u202eD\u009b31m""#)
        let message = try refusal(text, command: .importFile).message
        #expect(message.contains(#"currency code, found "US\u202eD\u009b31m""#), "\(message)")
        #expect(!message.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{9B}" }, "\(message)")
    }

    @Test func aMegabyteValueImportCannotWriteIsCut() throws {
        // A popular text on a plan that is not popular: the source cannot say it, and import says what the
        // input holds there.
        let fixture = Self.packageRoot.appendingPathComponent(
            "Tests/PlanCatalogTests/Fixtures/Import/Refused/popular-text-without-popular.json")
        let original = try String(contentsOf: fixture, encoding: .utf8)
        #expect(original.contains("\"Best value\""))
        let text = original.replacing("\"Best value\"", with: "\"\(Self.long)\"")
        try expectShortRefusal(text, naming: "builds null here, not \"kxxxx")
    }

    private static let packageRoot = PackageRoot.url

    enum ShortRefusalCommand { case importFile, diffAgainst }

    /// The refusal of `text` as a catalog.json by `import FILE` or `diff SOURCE --against FILE`.
    private func refusal(_ text: String, command: ShortRefusalCommand) throws -> (status: Int32, message: String) {
        let directory = try TemporaryDirectory(["catalog.json": text, "pro.plancat": Self.proSource])
        let arguments = switch command {
        case .importFile: ["import", "catalog.json"]
        case .diffAgainst: ["diff", "pro.plancat", "--against", "catalog.json"]
        }
        let (status, terminal) = directory.run(arguments)
        // `diff` says first that the source has no problems, on standard error too.
        let message = terminal.standardError.split(separator: "\n").filter { $0.hasPrefix("plancat: error:") }
            .joined(separator: "\n")
        return (status, message)
    }

    private static let proSource = "currency USD\nplan plan_pro {\n  name \"Pro\"\n}\n"

    private func expectShortRefusal(_ text: String, naming start: String, under limit: Int = 400,
                                    command: ShortRefusalCommand = .importFile) throws {
        let (status, message) = try refusal(text, command: command)
        // Booleans, not the expressions: a failure must not print the megabyte it is about.
        let head = message.prefix(300)
        // Compared as bytes: a letter and its combining marks are one character, which a string of the
        // letter and fewer marks does not contain.
        let namesTheStart = Array(message.utf8).firstRange(of: Array(start.utf8)) != nil
        let isCut = message.contains("…")
        let length = message.utf8.count
        #expect(status == ExitStatus.invalidInputData, "\(head)")
        #expect(namesTheStart, "\(head)")
        #expect(isCut, "\(head)")
        #expect(length < limit, "\(head)")
    }

    @Test func aHostileFileNameIsPrintedNeutralised() throws {
        let name = "evil\u{1B}[31m\nname\u{202E}txt.plancat"
        let source = "currency USD\nplan plan_a {\n  name \"A\"\n}\nplan plan_a {\n  name \"B\"\n}\n"
        let directory = try TemporaryDirectory([name: source])
        let (status, terminal) = directory.run(["check", name])
        let output = terminal.standardOutput + terminal.standardError
        #expect(status == ExitStatus.failure, "\(output)")
        #expect(!output.unicodeScalars.contains("\u{1B}"), "\(output)")
        #expect(!output.unicodeScalars.contains("\u{202E}"), "\(output)")
        #expect(output.contains("evil\u{FFFD}[31m\u{FFFD}name\u{FFFD}txt.plancat:5:"), "\(output)")
        #expect(output.contains("--> evil\u{FFFD}[31m\u{FFFD}name\u{FFFD}txt.plancat:2:"), "\(output)")
        for line in output.split(separator: "\n") {
            #expect(!line.hasPrefix("name"), "no line starts with the name's second half: \(output)")
        }
    }

    /// The command line's own messages (`plancat: error: …`, usage errors) quote paths and arguments
    /// neutralised too: a missing file, an unknown option and an unknown command.
    @Test(arguments: [
        ["check", "missing\u{1B}[2J\nforged\u{202E}.plancat"],
        ["check", "--bogus\u{1B}[2J\nforged\u{202E}"],
        ["bogus\u{1B}[2J\nforged\u{202E}"],
        ["diff", "missing.plancat", "--against", "gone\u{1B}[2J\nforged\u{202E}.json"],
    ])
    func theCommandLinesOwnMessagesNeutraliseWhatTheyQuote(arguments: [String]) throws {
        let directory = try TemporaryDirectory(["missing.plancat": "catalog \"A\"\ncurrency USD\n"])
        let (status, terminal) = directory.run(arguments)
        let output = terminal.standardOutput + terminal.standardError
        #expect(status != ExitStatus.success)
        #expect(!output.unicodeScalars.contains("\u{1B}") && !output.unicodeScalars.contains("\u{202E}"), "\(output)")
        #expect(output.contains("\u{FFFD}[2J\u{FFFD}forged\u{FFFD}"), "\(output)")
        for line in output.split(separator: "\n") {
            #expect(!line.hasPrefix("forged"), "no line starts with the argument's second half: \(output)")
        }
    }

    // MARK: import's source

    @Test func importWritesInvisibleCharactersAsEscapes() throws {
        // A plan name with a right-to-left override, a zero-width joiner, a line separator and an ESC:
        // the source says each with an escape, so it reads as what it builds, and builds back the same.
        let text = HostileInputCLITests.validJSON.replacing("\"planName\": \"Pro\"",
                                                           with: #""planName": "P\u202er\u200do\u2028!\u001b""#)
        let directory = try TemporaryDirectory(["catalog.json": text])
        let (status, terminal) = directory.run(["import", "catalog.json"])
        let output = terminal.standardOutput
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(output.contains(#"name "P\u{202E}r\u{200D}o\u{2028}!\u{1B}""#), "\(output)")
        #expect(!output.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{200D}" || $0 == "\u{2028}" }, "\(output)")
    }

    // MARK: GitHub and JSON diagnostics

    static let hostileName = "evil\u{1B}[31m\nname\u{202E}txt\u{9B}\u{200F}.plancat"
    static let duplicatePlans = "currency USD\nplan plan_a {\n  name \"A\"\n}\nplan plan_a {\n  name \"B\"\n}\n"

    @Test func aHostileFileNameIsNeutralisedInGitHubAnnotations() throws {
        let directory = try TemporaryDirectory([Self.hostileName: Self.duplicatePlans])
        let (status, terminal) = directory.run(["check", "--diagnostics", "github", Self.hostileName])
        let output = terminal.standardOutput
        #expect(status == ExitStatus.failure, "\(output)")
        let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{202E}", "\u{9B}", "\u{200F}"]
        #expect(!output.unicodeScalars.contains(where: unsafe.contains), "\(output)")
        // A command a line (the duplicate plan, and a warning for each placeholder plan): the name's
        // newline neither ends one nor starts another.
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.dropLast().allSatisfy { $0.hasPrefix("::") } && lines[3].isEmpty, "\(output)")
        let shown = "evil\u{FFFD}[31m\u{FFFD}name\u{FFFD}txt\u{FFFD}\u{FFFD}.plancat"
        #expect(output.contains("\n::error file=\(shown),line=5,"), "\(output)")
        #expect(output.contains("(\(shown):2:6)"), "\(output)")
    }

    @Test func aHostileFileNameIsEscapedInJSONDiagnostics() throws {
        let directory = try TemporaryDirectory([Self.hostileName: Self.duplicatePlans])
        let (status, terminal) = directory.run(["check", "--diagnostics", "json", Self.hostileName])
        let output = terminal.standardOutput
        #expect(status == ExitStatus.failure, "\(output)")
        // Every character that could drive a terminal is escaped; the real name is what the JSON says.
        let isASCIIOrPrintable = !output.unicodeScalars.contains {
            $0.properties.generalCategory == .control && $0 != "\n" || $0.properties.generalCategory == .format
        }
        #expect(isASCIIOrPrintable, "\(output)")
        #expect(output.contains(#""file": "evil\u001b[31m\nname\u202etxt\u009b\u200f.plancat""#), "\(output)")
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        let files = Set(decoded?.map { $0["file"] as? String } ?? [])
        #expect(files == [Self.hostileName], "\(output)")
    }

    // MARK: diff's report

    @Test func diffShowsHostileDeployedValuesWholeAndNeutralised() throws {
        // A deployed catalog.json whose plan has a name of a megabyte, with ESC, BEL and a right-to-left
        // override, and whose other plan has an id with ESC, an override and a C1 control.
        let name = "P\\u001b]0;t\\u0007\\u202e" + String(repeating: "y", count: 1_000_000)
        let deployed = HostileInputCLITests.validJSON
            .replacing("\"planName\": \"Pro\"", with: "\"planName\": \"\(name)\"")
        let hostileID = #"plan_\u001b[31m\u202eevil\u0085x"#
        let withSecondPlan = deployed.replacing("\"plans\": [", with: #""plans": [{"id": "\#(hostileID)", "planName": "X", "#
            + #""planDescription": null, "isFree": false, "isTrialPlan": false, "trialParentPlanId": null, "#
            + #""trialDays": null, "isVisibleInPricingTable": false, "features": [], "priceIds": []}, "#)
        let source = "currency USD\nplan plan_pro {\n  name \"Pro\"\n  price price_pro {\n    interval month\n"
            + "    component comp_base { fixed 29 }\n  }\n}\n"
        let directory = try TemporaryDirectory(["deployed.json": withSecondPlan, "pro.plancat": source])
        for format in ["text", "markdown"] {
            let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed.json", "--format", format])
            let output = terminal.standardOutput
            let head = output.prefix(2_000)
            #expect(status == ExitStatus.success, "\(format): \(head) \(terminal.standardError.prefix(2_000))")
            let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{7}", "\u{202E}", "\u{85}"]
            let isNeutral = !output.unicodeScalars.contains(where: unsafe.contains)
            // The report shows values whole (escaped as JSON) and ids with `�`; a pull-request comment
            // leaves out the field blocks that do not fit GitHub's limit, and says so.
            let showsTheWholeName = output.contains("\"\(name)\"")
            let showsTheID = output.contains("plan_\u{FFFD}[31m\u{FFFD}evil\u{FFFD}x")
            #expect(isNeutral, "\(format): \(head)")
            #expect(showsTheWholeName == (format == "text"), "\(format): \(head)")
            #expect(showsTheID, "\(format): \(head)")
        }
    }
}
