import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat diff` driven end to end: a small catalog is built into `deployed/catalog.json`, edited, and the
/// edit diffed through the command line — the table of edits of the issue, each with the action it must
/// give, then self-diffs, exit statuses and malformed deployed files. `--against-ref` has its own suite.
@Suite struct DiffCommandTests {
    /// The deployed catalog: two paid plans, a free one, a usage credit and a pricing table.
    static let base = """
        catalog "Diff base"
        currency USD

        metric api-calls {
          name "API calls"
          aggregate count
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
          unit "API call"
        }

        feature reports {
          name "Reports"
          type boolean
        }

        plan plan_free {
          name "Free"
          features {
            api-calls
          }
          price price_free_monthly {
            interval month
            component comp_base { fixed 0 }
          }
        }

        plan plan_pro {
          name "Pro"
          features {
            api-calls
            reports
          }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29 }
            component comp_usage_api { usage api-calls; unit-price 0.002 }
          }
          credit included_api_quota {
            name "Included API Quota"
            applies-to price_pro_monthly.comp_usage_api
            amount 10000
          }
        }

        plan plan_team {
          name "Team"
          features {
            reports
          }
          price price_team_monthly {
            interval month
            component comp_base { fixed 99 }
          }
        }

        pricing-table main {
          row plan_free
          row plan_pro { popular }
          row plan_team
        }

        """

    /// A quote for Pro, appended by the "quote added" edit.
    static let quote = """

        quote quote_acme {
          plan plan_pro
          customer "Acme Corp"
          subscription "sub_acme_1"
          price price_acme_monthly {
            interval month
            component comp_base { fixed 19 }
          }
        }

        """

    /// One edit of the source and what the diff must say about it.
    struct Edit: Sendable, CustomTestStringConvertible {
        let name: String
        let apply: @Sendable (String) -> String
        /// Every change, as `kind id action`, in the diff's order.
        let changes: [String]
        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "a fixed amount changes", apply: { $0.replacing("fixed 29", with: "fixed 39") },
             changes: ["plan plan_pro new-version", "price price_pro_monthly replace"]),
        Edit(name: "a plan is renamed", apply: { $0.replacing("name \"Pro\"", with: "name \"Professional\"") },
             changes: ["plan plan_pro update"]),
        Edit(name: "a feature is added to a plan",
             apply: { $0.replacing("  features {\n    api-calls\n  }\n  price price_free",
                                   with: "  features {\n    api-calls\n    reports\n  }\n  price price_free") },
             changes: ["plan plan_free new-version", "pricingTable main update"]),
        Edit(name: "a plan is removed",
             apply: { source in
                 let start = source.range(of: "plan plan_team {")!.lowerBound
                 let end = source.range(of: "pricing-table main")!.lowerBound
                 var edited = source
                 edited.removeSubrange(start..<end)
                 return edited.replacing("  row plan_team\n", with: "")
             },
             changes: ["pricingTable main update", "price price_team_monthly archive", "plan plan_team archive"]),
        Edit(name: "a metric's aggregation changes", apply: { $0.replacing("aggregate count", with: "aggregate sum") },
             changes: ["metric api-calls replace"]),
        Edit(name: "a credit's refill changes",
             apply: { $0.replacing("amount 10000\n", with: "amount 10000\n    refill 5000\n") },
             changes: ["creditDefinition included_api_quota update"]),
        Edit(name: "pricing-table rows are reordered",
             apply: { $0.replacing("  row plan_free\n  row plan_pro { popular }\n",
                                   with: "  row plan_pro { popular }\n  row plan_free\n") },
             changes: ["pricingTable main update"]),
        Edit(name: "a quote is added", apply: { $0 + quote },
             changes: ["price price_acme_monthly create", "quote quote_acme create"]),
    ]

    /// A directory holding `pro.plancat` (the edited source) and `deployed/catalog.json` (built from base).
    static func deployedDirectory(source: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(["pro.plancat": base])
        let (status, terminal) = directory.run(["build", "pro.plancat", "-o", "deployed"])
        #expect(status == ExitStatus.success, "the base catalog must build: \(terminal.standardError)")
        try Data(source.utf8).write(to: URL(fileURLWithPath: directory.path + "/pro.plancat"))
        return directory
    }

    /// The changes of a JSON diff document as `kind id action`.
    static func changes(inJSON text: String) throws -> [String] {
        let document = try JSONParser.parse(Array(text.utf8))
        guard case .array(let changes)? = document["changes"] else { return [] }
        return changes.map { change in
            ["kind", "id", "action"].map { key in
                if case .string(let value)? = change[key] { return value }
                return "?"
            }.joined(separator: " ")
        }
    }

    // MARK: The table of edits

    @Test(arguments: edits)
    func editGivesItsAction(_ edit: Edit) throws {
        let edited = edit.apply(Self.base)
        #expect(edited != Self.base, "the edit must change the source")
        let directory = try Self.deployedDirectory(source: edited)
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                                "--format", "json", "--detailed-exitcode"])
        #expect(status == ExitStatus.changesFound, "\(terminal.standardError)")
        #expect(try Self.changes(inJSON: terminal.standardOutput) == edit.changes)
    }

    @Test func aQuoteAddedIsAppliedAsAPriceOverride() throws {
        let directory = try Self.deployedDirectory(source: Self.base + Self.quote)
        let (_, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                           "--format", "json"])
        let document = try JSONParser.parse(Array(terminal.standardOutput.utf8))
        guard case .array(let operations)? = document["operations"] else {
            Issue.record("no operations in \(terminal.standardOutput)")
            return
        }
        let override = operations.first { $0["path"] == .string("/v1/subscriptions/price-override/sub_acme_1") }
        #expect(override?["method"] == .string("POST"))
        #expect(override?["body"] == .object([.init("priceId", .string("price_acme_monthly"))]))
    }

    @Test func textAndMarkdownShowMoneyAndWhereEachRecordIsDefined() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("fixed 29", with: "fixed 39")
            .replacing("unit-price 0.002", with: "unit-price 0.0025"))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        let text = terminal.standardOutput
        #expect(text.contains(" plan_pro (new-version, breaking)\n      # defined at pro.plancat:32\n"), "\(text)")
        #expect(text.contains(" price_pro_monthly (replace, breaking)\n      # defined at pro.plancat:38\n"), "\(text)")
        #expect(text.contains("pricingData.components[comp_base].amount_cents:         $29.00 → $39.00 per month\n"), "\(text)")
        #expect(text.contains("pricingData.components[comp_usage_api].unit_cost_cents: $0.002 → $0.0025 per API call\n"),
                "\(text)")
        let (_, markdown) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                           "--format", "markdown"])
        #expect(markdown.standardOutput.contains("| `price_pro_monthly` | `pro.plancat:38` | replace |"),
                "\(markdown.standardOutput)")
        #expect(markdown.standardOutput.contains("+ pricingData.components[comp_base].amount_cents: $39.00 per month\n"))
    }

    @Test func theFieldsOfAChangeShowOldAndNewValues() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("fixed 29", with: "fixed 39"))
        let (_, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                           "--format", "json"])
        let document = try JSONParser.parse(Array(terminal.standardOutput.utf8))
        guard case .array(let changes)? = document["changes"],
              let price = changes.first(where: { $0["kind"] == .string("price") }),
              case .array(let fields)? = price["fields"] else {
            Issue.record("no price change in \(terminal.standardOutput)")
            return
        }
        #expect(fields.contains { field in
            field["path"] == .string("pricingData.components[comp_base].amount_cents")
                && field["from"] == .number("2900") && field["to"] == .number("3900")
        })
        #expect(price["breaking"] == .bool(true))
    }

    // MARK: No changes

    @Test func aCatalogDiffedAgainstItsOwnBuildHasNoChanges() throws {
        let directory = try Self.deployedDirectory(source: Self.base)
        for format in ["text", "json", "markdown"] {
            let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                                    "--format", format, "--detailed-exitcode", "--fail-on-breaking"])
            #expect(status == ExitStatus.success, "\(format): \(terminal.standardOutput)")
        }
        let (_, json) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json", "--format", "json"])
        #expect(try Self.changes(inJSON: json.standardOutput).isEmpty)
        let (_, text) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(text.standardOutput.contains("0 to create, 0 to update, 0 new versions, 0 to replace, 0 to archive"))
    }

    @Test func theDeployedFileLayoutNeverShowsAsAChange() throws {
        let directory = try Self.deployedDirectory(source: Self.base)
        let path = directory.path + "/deployed/catalog.json"
        let value = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        // Keys in reverse order, no indentation, whole numbers spelled with a fraction.
        try Data(Self.reshuffled(value).utf8).write(to: URL(fileURLWithPath: path))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                                                "--detailed-exitcode"])
        #expect(status == ExitStatus.success, "\(terminal.standardOutput)\(terminal.standardError)")
    }

    /// The same JSON written differently: every object's keys reversed, on one line, `2900` as `2900.0`.
    static func reshuffled(_ value: JSONValue) -> String {
        switch value {
        case .object(let members):
            return "{" + members.reversed().map { reshuffled(.string($0.key)) + ":" + reshuffled($0.value) }
                .joined(separator: ",") + "}"
        case .array(let items):
            return "[ " + items.map(reshuffled).joined(separator: " , ") + " ]"
        case .number(let literal) where !literal.contains(".") && !literal.contains("e"):
            return literal + ".0"
        default:
            return String(decoding: JSONWriter.bytes(of: value), as: UTF8.self)
                .trimmingCharacters(in: .newlines)
        }
    }

    // MARK: Exit statuses

    @Test func changesExitZeroWithoutDetailedExitcodeAndTwoWithIt() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("name \"Pro\"", with: "name \"Pro+\""))
        #expect(directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"]).status
            == ExitStatus.success)
        #expect(directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                               "--detailed-exitcode"]).status == ExitStatus.changesFound)
        // An update is not breaking.
        #expect(directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                               "--fail-on-breaking"]).status == ExitStatus.success)
    }

    @Test func aBreakingChangeFailsWithFailOnBreakingAndOneWinsOverTwo() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("fixed 29", with: "fixed 39"))
        #expect(directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                               "--fail-on-breaking"]).status == ExitStatus.failure)
        #expect(directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json",
                               "--fail-on-breaking", "--detailed-exitcode"]).status == ExitStatus.failure)
    }

    @Test func aSourceWithErrorsIsNotCompared() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("metric api-calls\n", with: "metric api-call\n"))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("error[E0401]"))
        #expect(terminal.standardError.hasSuffix("checked pro.plancat: 1 error; nothing compared\n"))
    }

    @Test func textIsColouredOnlyWhenAskedOrOnATerminal() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("fixed 29", with: "fixed 39"))
        let plain = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"]).terminal
        #expect(!plain.standardOutput.contains("\u{1B}["))
        let forced = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json", "--color", "always"])
        #expect(forced.terminal.standardOutput.contains("\u{1B}["))
        let onTerminal = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"]) {
            $0.interactiveStreams = [.standardOutput]
        }
        #expect(onTerminal.terminal.standardOutput.contains("\u{1B}["))
        let noColor = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"]) {
            $0.interactiveStreams = [.standardOutput]
            $0.environment = ["NO_COLOR": "1"]
        }
        #expect(!noColor.terminal.standardOutput.contains("\u{1B}["))
    }

    // MARK: Malformed deployed files

    /// A deployed file and the exit status and message it must give.
    struct Malformed: Sendable, CustomTestStringConvertible {
        let name: String
        /// nil: the file does not exist.
        let contents: String?
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "missing", contents: nil, status: ExitStatus.missingInput,
                  message: "deployed/catalog.json"),
        Malformed(name: "empty", contents: "", status: ExitStatus.invalidInputData, message: "line 1, column 1"),
        Malformed(name: "not JSON", contents: "{\n  \"schemaVersion\": 1,\n  oops\n}\n",
                  status: ExitStatus.invalidInputData, message: "line 3, column 3"),
        Malformed(name: "truncated", contents: "{\n  \"schemaVersion\": 1,\n  \"metrics\": [",
                  status: ExitStatus.invalidInputData, message: "line 3"),
        Malformed(name: "an array", contents: "[]\n", status: ExitStatus.invalidInputData, message: "$"),
        Malformed(name: "unknown schemaVersion", contents: "{\"schemaVersion\": 2}\n",
                  status: ExitStatus.invalidInputData, message: "$.schemaVersion"),
        Malformed(name: "deep nesting", contents: String(repeating: "[", count: 100_000),
                  status: ExitStatus.invalidInputData, message: "nest"),
    ]

    @Test(arguments: malformed)
    func aMalformedDeployedFileIsRefusedWithWhereAndWhy(_ case_: Malformed) throws {
        let directory = try Self.deployedDirectory(source: Self.base)
        let path = directory.path + "/deployed/catalog.json"
        if let contents = case_.contents {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        } else {
            try FileManager.default.removeItem(atPath: path)
        }
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == case_.status, "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains(case_.message), "\(terminal.standardError)")
    }

    @Test func aDeployedFileWithAWrongTypeNamesTheField() throws {
        let directory = try Self.deployedDirectory(source: Self.base)
        let path = directory.path + "/deployed/catalog.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacing("\"isFree\": true", with: "\"isFree\": \"yes\"").utf8)
            .write(to: URL(fileURLWithPath: path))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains("$.plans[0].isFree"), "\(terminal.standardError)")
    }

    @Test func aDeployedFileMissingAFieldNamesIt() throws {
        let directory = try Self.deployedDirectory(source: Self.base)
        let path = directory.path + "/deployed/catalog.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacing("\"planName\": \"Free\",\n", with: "").utf8).write(to: URL(fileURLWithPath: path))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains("planName"), "\(terminal.standardError)")
    }

    // MARK: Usage

    @Test(arguments: [
        (["diff", "pro.plancat"], "needs the deployed catalog"),
        (["diff", "pro.plancat", "--against", "a.json", "--against-ref", "HEAD"], "cannot be used together"),
        (["diff", "pro.plancat", "--against", "deployed/catalog.json", "--format", "yaml"], "yaml"),
        (["diff", "pro.plancat", "other.plancat", "--against", "deployed/catalog.json"], "2 PATHs"),
        (["diff", "-", "--against-ref", "HEAD"], "standard input has no git revision"),
        (["diff", "pro.plancat", "--against="], "`--against` needs a file"),
    ])
    func usageErrorsExit64(_ arguments: [String], _ message: String) throws {
        let directory = try Self.deployedDirectory(source: Self.base)
        let (status, terminal) = directory.run(arguments)
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains(message), "\(terminal.standardError)")
    }

    @Test func theDeployedCatalogMayComeFromStandardInput() throws {
        let directory = try Self.deployedDirectory(source: Self.base.replacing("fixed 29", with: "fixed 39"))
        let deployed = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/deployed/catalog.json"))
        let (status, terminal) = directory.run(["diff", "pro.plancat", "--against", "-", "--detailed-exitcode"]) {
            $0.standardInput = Array(deployed)
        }
        #expect(status == ExitStatus.changesFound, "\(terminal.standardError)")
    }

    // MARK: Help

    @Test func helpIsPrintedAndDiffIsListed() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["diff", "--help"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == DiffCommand.help)
        let top = directory.run(["--help"]).terminal.standardOutput
        #expect(top.contains("  diff     show what the source would change in a deployed catalog, like terraform plan\n"))
        #expect(top.contains("  2   diff --detailed-exitcode: there are changes\n"))
    }
}
