import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat preview` driven end to end with an in-memory terminal, in a temporary directory: every option,
/// each format on PREVIEW.md's worked example (golden files under `Fixtures/Preview/`), and each way a
/// command line or a catalog is refused, with the exit status CLI.md gives it.
///
/// The catalog is `Fixtures/Preview/team.plancat` (the worked example, and a scenario without dates),
/// copied into the temporary directory as `team.plancat`, so that paths in messages are short and stable.
@Suite struct PreviewCommandTests {
    static let fixtures = PackageRoot.url.appendingPathComponent("Tests/PlanCatalogCLITests/Fixtures/Preview")

    static func fixture(_ name: String) -> String {
        (try? String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    static let team = fixture("team.plancat")

    /// Runs `plancat preview ARGUMENTS` on the team catalog.
    static func preview(_ arguments: [String], files: [String: String] = ["team.plancat": team],
                        configure: (RecordingTerminal) -> Void = { _ in }) throws
        -> (status: Int32, terminal: RecordingTerminal) {
        try TemporaryDirectory(files).run(["preview"] + arguments, configure: configure)
    }

    // MARK: Scenarios, in each format

    @Test("every scenario, in declaration order, in each format", arguments: ["text", "json", "markdown"])
    func everyScenario(format: String) throws {
        #expect(!Self.team.isEmpty, "Fixtures/Preview/team.plancat could not be read")
        let (status, terminal) = try Self.preview(["team.plancat", "--format", format])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == "checked team.plancat: no problems\n")
        let suffix = ["text": "txt", "json": "json", "markdown": "md"][format] ?? format
        Golden.expect(terminal.standardOutput, matchesFile: Self.fixtures.appendingPathComponent("team.\(suffix)"))
        let acme = try #require(terminal.standardOutput.range(of: "acme_march"))
        let small = try #require(terminal.standardOutput.range(of: "small_team"))
        #expect(acme.lowerBound < small.lowerBound, "declaration order")
    }

    @Test func textIsTheDefaultFormat() throws {
        let (status, terminal) = try Self.preview(["team.plancat"])
        #expect(status == ExitStatus.success)
        Golden.expect(terminal.standardOutput, matchesFile: Self.fixtures.appendingPathComponent("team.txt"))
    }

    @Test("--scenario picks scenarios, in the order given, each once")
    func scenarioPicks() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--scenario", "small_team", "--scenario=acme_march",
                                                   "--scenario", "small_team", "--format", "json"])
        #expect(status == ExitStatus.success)
        let document = try JSONParser.parse(Array(terminal.standardOutput.utf8))
        guard case .array(let scenarios)? = document["scenarios"] else {
            Issue.record("no scenarios")
            return
        }
        #expect(scenarios.map { $0["id"] } == [.string("small_team"), .string("acme_march")])
        let (_, one) = try Self.preview(["team.plancat", "--scenario", "acme_march"])
        #expect(one.standardOutput.hasPrefix("Scenario acme_march: "))
        #expect(!one.standardOutput.contains("small_team"))
    }

    @Test func unknownScenarioIsAUsageErrorWithASuggestion() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--scenario", "acme_marhc"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasPrefix("""
            checked team.plancat: no problems
            plancat: error: no scenario `acme_marhc` in `team.plancat`
            hint: did you mean `acme_march`?
            usage: plancat preview [--scenario ID]…
            """))
        let (_, far) = try Self.preview(["team.plancat", "--scenario", "globex"])
        #expect(far.standardError.contains("hint: its scenarios: `acme_march`, `small_team`\n"))
    }

    @Test func aCatalogWithoutScenariosPreviewsNothingAndSaysSo() throws {
        let catalog = Self.team.components(separatedBy: "scenario acme_march")[0]
        for format in ["text", "json"] {
            let (status, terminal) = try Self.preview(["team.plancat", "--format", format],
                                                      files: ["team.plancat": catalog])
            #expect(status == ExitStatus.success)
            #expect(terminal.standardError.hasSuffix(
                "plancat: note: `team.plancat` has no scenarios to preview; write a `scenario` block "
                + "(Docs/Preview.md), or preview one subscription with `--price ID`\n"))
            #expect(terminal.standardOutput == (format == "json" ? "{\n  \"schemaVersion\": 1,\n  \"scenarios\": []\n}\n" : ""))
        }
        let (status, terminal) = try Self.preview(["team.plancat", "--scenario", "x"], files: ["team.plancat": catalog])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("hint: it has no scenarios\n"))
    }

    // MARK: Ad hoc

    @Test("an ad-hoc preview equals the same scenario written in the catalog")
    func adHocEqualsTheScenario() throws {
        let (scenarioStatus, scenario) = try Self.preview(["team.plancat", "--scenario", "small_team", "--format", "json"])
        let (adHocStatus, adHoc) = try Self.preview(["team.plancat", "--price", "price_team_monthly", "--seats", "2",
                                                     "--usage", "api-calls=3_500", "--format", "json"])
        #expect(scenarioStatus == ExitStatus.success && adHocStatus == ExitStatus.success)
        #expect(adHoc.standardError == "checked team.plancat: no problems\n")
        let written = scenario.standardOutput
            .replacingOccurrences(of: "\"id\": \"small_team\"", with: "\"id\": null")
            .replacingOccurrences(of: "\"description\": \"Two seats, within the included calls\"",
                                  with: "\"description\": null")
        #expect(written != scenario.standardOutput)
        #expect(adHoc.standardOutput == written)
    }

    @Test("an ad-hoc preview with dates, seats and usage; text headed as ad hoc")
    func adHocWithStart() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--price", "price_team_monthly", "--start",
                                                   "2026-02-01", "--seats", "3", "--usage", "api-calls=10000"])
        #expect(status == ExitStatus.success)
        let text = terminal.standardOutput
        #expect(text.hasPrefix("Ad-hoc preview\nplan plan_team, price price_team_monthly, USD\n"
                               + "period 2026-02-01 to 2026-02-28, every month\n"))
        // 49 + 3 × 12 + 10,000 × 0.0015 − 6,000 covered × 0.0015 = 49 + 36 + 15 − 9 = 91; − 25 = 66.
        #expect(text.contains("Total   $66.00") || text.range(of: #"Total +\$66\.00"#, options: .regularExpression) != nil)
    }

    @Test func unknownPriceIsAUsageErrorWithASuggestion() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--price", "price_team_montly"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("""
            plancat: error: no price `price_team_montly` in `team.plancat`
            hint: did you mean `price_team_monthly`?

            """))
        let (_, far) = try Self.preview(["team.plancat", "--price", "enterprise"])
        #expect(far.standardError.contains("hint: its prices: `price_team_monthly`\n"))
    }

    @Test func unknownMetricIsAUsageErrorWithASuggestion() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--price", "price_team_monthly",
                                                   "--usage", "api-call=5"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("""
            plancat: error: no metric `api-call` in `team.plancat`
            hint: did you mean `api-calls`?

            """))
    }

    /// A bad value, and the first line of what it is refused with.
    struct BadValue: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badValues: [BadValue] = [
        BadValue(arguments: ["--start", "2026-02-30"], message: "`--start 2026-02-30` is not a day: February 2026 has 28 days"),
        BadValue(arguments: ["--start", "2028-02-30"], message: "`--start 2028-02-30` is not a day: February 2028 has 29 days"),
        BadValue(arguments: ["--start", "2026-13-01"], message: "`--start 2026-13-01` is not a day: there is no month 13"),
        BadValue(arguments: ["--start", "0000-01-01"], message: "`--start 0000-01-01` is not a day: there is no year 0000"),
        BadValue(arguments: ["--start", "26-3-1"], message: "`--start` takes a date written YYYY-MM-DD, not `26-3-1`"),
        BadValue(arguments: ["--start", "2026-03-01T00:00"],
                 message: "`--start` takes a date written YYYY-MM-DD, not `2026-03-01T00:00`"),
        BadValue(arguments: ["--seats", "many"], message: "`--seats` takes a whole number of seats, 0 or more, not `many`"),
        BadValue(arguments: ["--seats", "-1"], message: "`--seats` takes a whole number of seats, 0 or more, not `-1`"),
        BadValue(arguments: ["--seats", "2.5"], message: "`--seats` takes a whole number of seats, 0 or more, not `2.5`"),
        BadValue(arguments: ["--seats", "99999999999999999999"],
                 message: "`--seats 99999999999999999999` is more seats than plancat can count (at most 9223372036854775807)"),
        BadValue(arguments: ["--usage", "api-calls"], message: "`--usage` takes METRIC=QUANTITY, not `api-calls`"),
        BadValue(arguments: ["--usage", "=5"], message: "`--usage =5` names no metric before `=`"),
        BadValue(arguments: ["--usage", "api-calls="], message: "`--usage api-calls=` gives no quantity after `=`"),
        BadValue(arguments: ["--usage", "api-calls=lots"],
                 message: "`--usage api-calls=lots`: `lots` is not a number plancat reads"),
        BadValue(arguments: ["--usage", "api-calls=-5"], message: "`--usage api-calls=-5`: a quantity is 0 or more"),
        BadValue(arguments: ["--usage", "api-calls=1", "--usage", "api-calls=2"],
                 message: "`--usage` gives the quantity of `api-calls` twice"),
        BadValue(arguments: ["--price="], message: "`--price` needs a price id"),
    ]

    @Test("a bad ad-hoc value is a usage error saying what is wrong, before the catalog is checked",
          arguments: badValues)
    func badValue(_ bad: BadValue) throws {
        let price = bad.arguments.contains { $0.hasPrefix("--price") } ? [] : ["--price", "price_team_monthly"]
        let (status, terminal) = try Self.preview(["team.plancat"] + price + bad.arguments)
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasPrefix("plancat: error: \(bad.message)\nhint: "), "\(terminal.standardError)")
        #expect(!terminal.standardError.contains("checked team.plancat"))
    }

    @Test(arguments: ["--start", "--seats", "--usage"])
    func adHocOptionsNeedAPrice(option: String) throws {
        let value = ["--start": "2026-03-01", "--seats": "2", "--usage": "api-calls=1"][option] ?? ""
        let (status, terminal) = try Self.preview(["team.plancat", option, value])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix(
            "plancat: error: `\(option)` describes an ad-hoc subscription, which needs `--price ID`\n"))
    }

    @Test func scenarioAndPriceCannotBeUsedTogether() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--scenario", "acme_march", "--price",
                                                   "price_team_monthly"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix("plancat: error: `--scenario` and `--price` cannot be used together\n"))
    }

    @Test("usage or seats that the price does not bill are warnings, and the preview goes on")
    func unbilledUsageAndSeatsWarn() throws {
        let catalog = Self.team.replacingOccurrences(of: "scenario acme_march", with: """
            metric exports {
              name "Exports"
            }

            plan plan_flat {
              name "Flat"
              price price_flat {
                interval month
                component comp_fee { fixed 10 }
              }
            }

            scenario acme_march
            """)
        let (status, terminal) = try Self.preview(["team.plancat", "--price", "price_flat", "--seats", "3",
                                                   "--usage", "exports=4"], files: ["team.plancat": catalog])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.contains(
            "plancat: warning: price `price_flat` bills no usage of `exports`: `--usage exports=…` changes nothing\n"))
        #expect(terminal.standardError.contains(
            "plancat: warning: price `price_flat` has no per-seat component: `--seats` changes nothing\n"))
        #expect(terminal.standardOutput.contains("$10.00"))
    }

    @Test("an ad-hoc subscription the preview refuses is a usage error that says why, never a crash")
    func adHocPreviewErrors() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--price", "price_team_monthly",
                                                   "--usage", "api-calls=9000000000000000000"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("plancat: error: cannot preview price `price_team_monthly`: the usage "
                                                + "line of component `comp_api` comes to more than 9007199254740991 "
                                                + "(2^53 − 1) minor units"))
        let (seatsStatus, seats) = try Self.preview(["team.plancat", "--price", "price_team_monthly",
                                                     "--seats", "9223372036854775807"])
        #expect(seatsStatus == ExitStatus.usageError)
        #expect(seats.standardError.contains("cannot preview price `price_team_monthly`: the seats line"))
    }

    @Test("a price whose components bill on different periods cannot be previewed ad hoc")
    func mixedPeriods() throws {
        let catalog = Self.team.replacingOccurrences(of: "scenario acme_march", with: """
            plan plan_mixed {
              name "Mixed"
              price price_mixed {
                interval month
                component comp_fee { fixed 10 }
                component comp_setup { fixed 100; interval year }
              }
            }

            scenario acme_march
            """)
        let (status, terminal) = try Self.preview(["team.plancat", "--price", "price_mixed"],
                                                  files: ["team.plancat": catalog])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("plancat: error: price `price_mixed` cannot be previewed: its "
                                                + "components bill on different periods (every month, every year)"))
    }

    @Test("yen and dinars in their own formats, through the command")
    func currencies() throws {
        let yen = """
            currency JPY

            plan plan_chat {
              name "Chat"
              price price_chat_monthly {
                interval month
                component comp_base { fixed 500 }
              }
            }

            """
        let (status, terminal) = try Self.preview(["chat.plancat", "--price", "price_chat_monthly"],
                                                  files: ["chat.plancat": yen])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.range(of: #"Total +¥500\n"#, options: .regularExpression) != nil)
        let dinar = yen.replacingOccurrences(of: "JPY", with: "KWD").replacingOccurrences(of: "fixed 500", with: "fixed 1.25")
        let (_, kuwait) = try Self.preview(["chat.plancat", "--price", "price_chat_monthly", "--format", "json"],
                                           files: ["chat.plancat": dinar])
        #expect(kuwait.standardOutput.contains("\"total\": 1.25,"))
        #expect(kuwait.standardOutput.contains("\"totalMinor\": 1250,"))
        let (_, markdown) = try Self.preview(["chat.plancat", "--price", "price_chat_monthly", "--format", "markdown"],
                                             files: ["chat.plancat": dinar])
        #expect(markdown.standardOutput.contains("| **Total** | | | **KWD 1.250** |"))
    }

    // MARK: The catalog

    @Test func aCatalogWithErrorsPreviewsNothing() throws {
        let broken = Self.team.replacingOccurrences(of: "usage api-calls 48_213", with: "usage api-call 48_213")
        let (status, terminal) = try Self.preview(["team.plancat"], files: ["team.plancat": broken])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("team.plancat:43:9: error[E0401]: unknown metric `api-call`"))
        #expect(terminal.standardError.hasSuffix("checked team.plancat: 1 error; nothing previewed\n"))
        let (jsonStatus, json) = try Self.preview(["team.plancat", "--diagnostics", "json"], files: ["team.plancat": broken])
        #expect(jsonStatus == ExitStatus.failure)
        #expect(json.standardOutput.isEmpty)
        #expect(json.standardError.hasPrefix("[\n  {\n    \"code\": \"E0401\""))
    }

    @Test func warningsFailOnlyWithWarningsAsErrors() throws {
        // W1101: a usage line for a metric the price does not bill.
        let warned = Self.team.replacingOccurrences(of: "scenario small_team {", with: """
            metric exports {
              name "Exports"
            }

            scenario small_team {
              usage exports 3
            """)
        let (status, terminal) = try Self.preview(["team.plancat"], files: ["team.plancat": warned])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.contains("warning[W1101]"))
        #expect(!terminal.standardOutput.isEmpty)
        let (strictStatus, strict) = try Self.preview(["team.plancat", "--warnings-as-errors"],
                                                      files: ["team.plancat": warned])
        #expect(strictStatus == ExitStatus.failure)
        #expect(strict.standardOutput.isEmpty)
    }

    @Test("a scenario the preview cannot compute fails the run and prints no invoice")
    func scenarioPreviewError() throws {
        let huge = Self.team.replacingOccurrences(of: "usage api-calls 3_500", with: "usage api-calls 9_000_000_000_000_000_000")
            .replacingOccurrences(of: "  expect total 48\n", with: "")
        let (status, terminal) = try Self.preview(["team.plancat"], files: ["team.plancat": huge])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("2^53 − 1"))
    }

    @Test func aMissingPathIsExit66() throws {
        let (status, terminal) = try Self.preview(["nope.plancat"])
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardOutput.isEmpty)
    }

    @Test func severalCatalogsAreAUsageError() throws {
        let (status, terminal) = try Self.preview(["."], files: ["a.plancat": Self.team, "b.plancat": Self.team])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("but `plancat preview` previews one"))
        #expect(terminal.standardError.contains("plancat preview a.plancat"))
    }

    @Test func aCatalogOnStandardInput() throws {
        let (status, terminal) = try Self.preview(["-", "--scenario", "small_team"], files: [:]) {
            $0.standardInput = Array(Self.team.utf8)
        }
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("Scenario small_team: Two seats, within the included calls\n"))
    }

    // MARK: Options

    @Test func unknownFormatIsAUsageError() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--format", "html"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix("plancat: error: invalid value `html` for `--format`\n"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let (status, terminal) = try Self.preview(["team.plancat", "--senario", "acme_march"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("hint: did you mean `--scenario`?"))
    }

    @Test("colour only when asked for or on a terminal, and never with NO_COLOR")
    func colour() throws {
        let (_, always) = try Self.preview(["team.plancat", "--color", "always"])
        #expect(always.standardOutput.contains("\u{1B}[1mScenario acme_march"))
        let (_, terminal) = try Self.preview(["team.plancat"]) { $0.interactiveStreams = [.standardOutput] }
        #expect(terminal.standardOutput.contains("\u{1B}[1m"))
        let (_, noColor) = try Self.preview(["team.plancat"]) {
            $0.interactiveStreams = [.standardOutput]
            $0.environment = ["NO_COLOR": "1"]
        }
        #expect(!noColor.standardOutput.contains("\u{1B}"))
        let (_, never) = try Self.preview(["team.plancat", "--color", "never"]) { $0.interactiveStreams = [.standardOutput] }
        #expect(!never.standardOutput.contains("\u{1B}"))
    }

    @Test func helpDescribesBothFormsAndTheExitStatuses() throws {
        let (status, terminal) = try Self.preview(["--help"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == PreviewCommand.help)
        #expect(terminal.standardOutput.hasPrefix("usage: plancat preview [--scenario ID]… [--price ID "))
        #expect(terminal.standardOutput.contains("Exit status:"))
        let (_, global) = try TemporaryDirectory().run(["--help"])
        #expect(global.standardOutput.contains("  preview  show the invoice of one billing period"))
    }
}
