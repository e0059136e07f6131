import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat diff` with the source's scenarios (PREVIEW.md § 5): the invoice impact after the changes in
/// text and Markdown and as `invoiceImpact` in JSON, against a file, a git revision and a folder of
/// catalogs; nothing of it without scenarios or without a change; and a deployed price the preview
/// cannot compute reported in a note rather than stopping the diff.
@Suite struct DiffInvoiceImpactTests {
    /// The diff suite's base catalog with two scenarios: Pro with usage over its quota, and Free.
    static let withScenarios = DiffCommandTests.base + """

        scenario pro_heavy {
          price price_pro_monthly
          usage api-calls 25_000
        }

        scenario free_user {
          price price_free_monthly
        }

        """

    /// Pro's fee raised from 29 to 39.
    static let repriced = withScenarios.replacing("fixed 29", with: "fixed 39")

    /// A directory with `catalog.plancat` built into `deployed/catalog.json`, then rewritten as `source`.
    static func deployed(_ deployed: String, source: String) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(["catalog.plancat": deployed])
        let (status, terminal) = directory.run(["build", "catalog.plancat", "-o", "deployed"])
        #expect(status == ExitStatus.success, "the deployed catalog must build: \(terminal.standardError)")
        try Data(source.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalog.plancat"))
        return directory
    }

    static let expectedTable = """
        Invoice impact:
          # each scenario's total for one billing period, before (deployed) and after (source); taxes not included
          scenario   before   after  change
          pro_heavy  $59.00  $69.00  +$10.00 (+16.9%)
          free_user   $0.00   $0.00  no change

        """

    @Test func textShowsTheImpactAfterTheChangesAndBeforeTheOperations() throws {
        let directory = try Self.deployed(Self.withScenarios, source: Self.repriced)
        let (status, terminal) = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        let text = terminal.standardOutput
        #expect(text.contains("$29.00 → $39.00 per month\n\n" + Self.expectedTable + "\nLumen operations:\n"), "\(text)")
    }

    @Test func markdownShowsTheImpactAfterTheTableOfChanges() throws {
        let directory = try Self.deployed(Self.withScenarios, source: Self.repriced)
        let (status, terminal) = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json",
                                                "--format", "markdown"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardOutput.contains("""
            #### Invoice impact

            Each scenario's total for one billing period, before (deployed) and after (source); taxes not included.

            | Scenario | Before | After | Change |
            | --- | ---: | ---: | --- |
            | `pro_heavy` | \\$59.00 | \\$69.00 | +\\$10.00 (+16.9%) |
            | `free_user` | \\$0.00 | \\$0.00 | no change |

            #### Changed fields
            """), "\(terminal.standardOutput)")
    }

    @Test func jsonAddsInvoiceImpactWithExactAmounts() throws {
        let directory = try Self.deployed(Self.withScenarios, source: Self.repriced)
        let (status, terminal) = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json",
                                                "--format", "json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardOutput.hasSuffix("""
              "invoiceImpact": [
                {
                  "scenario": "pro_heavy",
                  "before": {
                    "subtotal": 59,
                    "total": 59
                  },
                  "after": {
                    "subtotal": 69,
                    "total": 69
                  },
                  "change": 10
                },
                {
                  "scenario": "free_user",
                  "before": {
                    "subtotal": 0,
                    "total": 0
                  },
                  "after": {
                    "subtotal": 0,
                    "total": 0
                  },
                  "change": 0
                }
              ]
            }

            """), "\(terminal.standardOutput)")
    }

    @Test func withoutAChangeThereIsNoTableAndAnEmptyList() throws {
        let directory = try Self.deployed(Self.withScenarios, source: Self.withScenarios)
        let text = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json"]).terminal.standardOutput
        #expect(text.contains("No changes.") && !text.contains("Invoice impact"), "\(text)")
        let markdown = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json",
                                      "--format", "markdown"]).terminal.standardOutput
        #expect(markdown.contains("**No changes.**") && !markdown.contains("Invoice impact"), "\(markdown)")
        let json = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json", "--format", "json"])
            .terminal.standardOutput
        #expect(json.hasSuffix("  \"operations\": [],\n  \"invoiceImpact\": []\n}\n"), "\(json)")
    }

    @Test func withoutScenariosNothingIsAdded() throws {
        let directory = try Self.deployed(DiffCommandTests.base,
                                          source: DiffCommandTests.base.replacing("fixed 29", with: "fixed 39"))
        for format in ["text", "markdown", "json"] {
            let (status, terminal) = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json",
                                                    "--format", format])
            #expect(status == ExitStatus.success, "\(terminal.standardError)")
            #expect(!terminal.standardOutput.contains("Invoice impact") && !terminal.standardOutput.contains("invoiceImpact"))
        }
    }

    /// The deployed price bills on two periods, which one billing period of it cannot show: the deployed
    /// side is left out with a note, the source side is shown, and the diff goes on.
    @Test func aDeployedPriceThePreviewRefusesIsANote() throws {
        let mixed = DiffCommandTests.base.replacing(
            "  price price_team_monthly {\n    interval month\n    component comp_base { fixed 99 }\n",
            with: "  price price_team_monthly {\n    component comp_base { fixed 99; interval month }\n"
                + "    component comp_support { fixed 500; interval year }\n")
            // A price of two periods is no monthly or yearly price a pricing table can show.
            .replacing("  row plan_team\n", with: "")
        #expect(mixed != DiffCommandTests.base)
        let source = DiffCommandTests.base + """

            scenario team_month {
              price price_team_monthly
            }

            """
        let directory = try Self.deployed(mixed, source: source)
        let (status, terminal) = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardOutput.contains("""
              scenario    before   after  change
              team_month       —  $99.00  not compared
              # team_month: not computed on the deployed catalog: price `price_team_monthly` cannot be previewed: its components bill on different periods (every month, every year), so one billing period of it does not exist

            """), "\(terminal.standardOutput)")
        let json = directory.run(["diff", "catalog.plancat", "--against", "deployed/catalog.json", "--format", "json"])
            .terminal.standardOutput
        let impact = try JSONParser.parse(Array(json.utf8))["invoiceImpact"]
        #expect(impact == .array([.object([.init("scenario", "team_month"), .init("before", nil),
                                           .init("after", .object([.init("subtotal", .number("99")),
                                                                   .init("total", .number("99"))])),
                                           .init("change", nil)])]))
    }

    @Test func againstARevision() throws {
        let directory = try TemporaryDirectory(["catalogs/pro.plancat": Self.withScenarios])
        try Self.commit(directory)
        try Data(Self.repriced.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalogs/pro.plancat"))
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardOutput.contains(Self.expectedTable), "\(terminal.standardOutput)")
    }

    /// Each catalog of a folder has its own impact in its own section: one repriced with scenarios, one
    /// unchanged with scenarios, one repriced without.
    @Test func eachCatalogOfAFolderHasItsImpact() throws {
        let directory = try TemporaryDirectory([
            "catalogs/a.plancat": Self.withScenarios,
            "catalogs/b.plancat": Self.withScenarios,
            "catalogs/c.plancat": DiffCommandTests.base,
        ])
        try Self.commit(directory)
        try Data(Self.repriced.utf8).write(to: URL(fileURLWithPath: directory.path + "/catalogs/a.plancat"))
        try Data(DiffCommandTests.base.replacing("fixed 29", with: "fixed 39").utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/catalogs/c.plancat"))

        let text = directory.run(["diff", "catalogs", "--against-ref", "HEAD"]).terminal.standardOutput
        let textSections = text.components(separatedBy: "Comparing catalogs/")
        #expect(textSections.count == 4, "\(text)")
        #expect(textSections[1].contains(Self.expectedTable), "\(text)")
        #expect(!textSections[2].contains("Invoice impact") && textSections[2].contains("No changes."))
        #expect(!textSections[3].contains("Invoice impact") && textSections[3].contains("1 to replace"))

        let markdown = directory.run(["diff", "catalogs", "--against-ref", "HEAD", "--format", "markdown"])
            .terminal.standardOutput
        let markdownSections = markdown.components(separatedBy: "### plancat diff: ")
        #expect(markdownSections.count == 4, "\(markdown)")
        #expect(markdownSections[1].contains("#### Invoice impact\n")
                && markdownSections[1].contains("| `pro_heavy` | \\$59.00 | \\$69.00 | +\\$10.00 (+16.9%) |\n"))
        #expect(!markdownSections[2].contains("Invoice impact") && !markdownSections[3].contains("Invoice impact"))
    }

    static func commit(_ directory: TemporaryDirectory) throws {
        try DiffAgainstRefTests.git(["init", "--quiet"], in: directory)
        try DiffAgainstRefTests.git(["add", "."], in: directory)
        try DiffAgainstRefTests.git(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid",
                                     "commit", "--quiet", "-m", "Catalogs"], in: directory)
    }
}
