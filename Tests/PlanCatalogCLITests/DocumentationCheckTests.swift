import Foundation
import Testing

/// The machinery of `DocumentationTests` on small pages of its own: it must catch every kind of drift, and
/// what it rewrites must then pass, or the documentation's checks would be worth nothing.
@Suite struct DocumentationCheckTests {
    static let clean = "Tests/PlanCatalogCLITests/Fixtures/Docs/diff/deployed.plancat"

    static func check(_ markdown: String) throws -> PageCheck {
        let page = MarkdownPage(path: "Test.md", text: markdown)
        var check = PageCheck(page: page, sandbox: try DocumentationSandbox(repository: DocumentationTests.repository.path))
        check.run()
        return check
    }

    /// Checks the page, rewrites it as `PLANCAT_UPDATE_GOLDENS=1` would, and returns the rewritten page.
    static func rewritten(_ markdown: String) throws -> (problems: [String], page: String) {
        let check = try check(markdown)
        return (check.problems, check.page.replacing(check.replacements))
    }

    @Test func aTrueTranscriptPasses() throws {
        let check = try Self.check("""
            Some text.

            ```console
            $ plancat check \(Self.clean)
            checked 1 catalog: no problems
            $ plancat check \(Self.clean) --diagnostics json
            []
            ```

            """)
        #expect(check.problems.isEmpty)
        #expect(check.replacements.isEmpty)
    }

    @Test func aWrongTranscriptFailsAndIsRewrittenToTheRealOutput() throws {
        let page = """
            ```console
            $ plancat check \(Self.clean)
            checked 1 catalog: 2 errors
            $ plancat check \(Self.clean) --diagnostics json
            ```
            """
        let (problems, rewritten) = try Self.rewritten(page)
        #expect(problems.count == 2)
        #expect(problems.first?.contains("Test.md:1: `$ plancat check \(Self.clean)`: the page does not show what it prints") == true)
        #expect(rewritten == """
            ```console
            $ plancat check \(Self.clean)
            checked 1 catalog: no problems
            $ plancat check \(Self.clean) --diagnostics json
            []
            ```
            """)
        #expect(try Self.check(rewritten).problems.isEmpty)
    }

    @Test func standardErrorAndStandardOutputAreInterleavedInOrder() throws {
        let check = try Self.check("""
            ```console
            $ plancat build \(Self.clean) --print pricing-table:mian
            checked \(Self.clean): no problems
            plancat: error: no pricing table `mian` in `\(Self.clean)`
            hint: did you mean `main`?
            usage: plancat build [-o DIR | --print DOCUMENT] [--diagnostics text|json|github] [--color auto|always|never] [--warnings-as-errors] [PATH]
            Run `plancat build --help` for more information.
            ```
            """)
        #expect(check.problems.isEmpty)
    }

    @Test func commandsOfAPageRunInOrderFromTheirOwnBuildDirectory() throws {
        let check = try Self.check("""
            ```console
            $ plancat build \(Self.clean) -o build/deployed
            checked \(Self.clean): no problems
            built \(Self.clean) → build/deployed: catalog.json, entitlements.json, pricing-tables/main.json
            $ plancat diff \(Self.clean) --against build/deployed/catalog.json
            checked \(Self.clean): no problems
            Comparing \(Self.clean) (source) with build/deployed/catalog.json (deployed)

            No changes. The deployed catalog already matches the source.

            0 to create, 0 to update, 0 new versions, 0 to replace, 0 to archive
            0 breaking changes
            ```
            """)
        #expect(check.problems.isEmpty)
    }

    @Test func aCommandThatIsNotPlancatOrUsesTheShellIsRefused() throws {
        let check = try Self.check("""
            ```text
            $ swift run plancat check
            $ plancat check | head
            ```
            """)
        #expect(check.problems.count == 2)
        #expect(check.problems.allSatisfy { $0.contains("cannot be run") })
    }

    @Test func aBlockWithCommandsMustStartWithOne() throws {
        let check = try Self.check("```text\noutput first\n$ plancat --help\n```\n")
        #expect(check.problems == ["Test.md:1: a block with `$ ` commands must start with one"])
    }

    @Test func anExampleMustCheckClean() throws {
        let check = try Self.check("```plancat\ncatalog \"X\"\nplan plan_a {\n  name \"A\"\n  price p {\n}\n```\n")
        #expect(check.problems.count == 1)
        #expect(check.problems.first?.contains("does not check clean") == true)
        #expect(check.replacements.isEmpty, "a broken example is not rewritten: it needs a person")
    }

    @Test func aCleanExampleMustBeCanonicalAndIsReformatted() throws {
        let page = "```plancat\ncatalog \"X\"   # a comment\ncurrency USD\n```\n"
        let (problems, rewritten) = try Self.rewritten(page)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("not in the canonical layout") == true)
        #expect(rewritten == "```plancat\ncatalog \"X\" # a comment\ncurrency USD\n```\n")
        #expect(try Self.check(rewritten).problems.isEmpty)
    }

    @Test func aShownFileIsTheFileAndMustBeRun() throws {
        let path = "Tests/PlanCatalogCLITests/Fixtures/Docs/layout.plancat"
        let contents = try String(contentsOfFile: DocumentationTests.repository.path + "/" + path, encoding: .utf8)
        let notRun = try Self.check("```plancat \(path)\n\(contents)```\n")
        #expect(notRun.problems.count == 1)
        #expect(notRun.problems.first?.contains("runs no `$ plancat …` on it") == true)

        let drifted = "```plancat \(path)\nsomething else\n```\n\n```console\n$ plancat fmt --check \(path)\n```\n"
        let (problems, rewritten) = try Self.rewritten(drifted)
        #expect(problems.count == 2, "the file's content and the command's output")
        #expect(rewritten.hasPrefix("```plancat \(path)\n\(contents)```\n"))
        #expect(try Self.check(rewritten).problems.isEmpty)
    }

    @Test func aTranscriptLeftToAnotherSuiteMustNameOneThatChecksThePage() throws {
        let transcript = "$ plancat check --fix catalogs/\nfixed 9 problems in nowhere.plancat\n```\n"
        let unknown = try Self.check("```console checked-by=NoSuchSuite\n" + transcript)
        #expect(unknown.problems.count == 1)
        #expect(unknown.problems.first?.contains("names no suite") == true)
        // The suite exists but checks Docs/CLI.md, not this page.
        let elsewhere = try Self.check("```console checked-by=CLIDocumentationSampleTests\n" + transcript)
        #expect(elsewhere.problems.count == 1)
        // Left to that suite, the transcript itself is not run here.
        let page = MarkdownPage(path: "Docs/CLI.md", text: "```console checked-by=CLIDocumentationSampleTests\n" + transcript)
        var check = PageCheck(page: page, sandbox: try DocumentationSandbox(repository: DocumentationTests.repository.path))
        check.run()
        #expect(check.problems.isEmpty)
    }

    @Test func aSynopsisIsTheUsageLineWrapped() throws {
        let drifted = "```text\nplancat import [FILE]\n```\n"
        let (problems, rewritten) = try Self.rewritten(drifted)
        #expect(problems.count == 1)
        #expect(rewritten == """
            ```text
            plancat import [-o OUT] FILE
            ```

            """)
        #expect(try Self.check(rewritten).problems.isEmpty)
    }

    @Test func wrappingBreaksOnlyBetweenBracketsAndLinesUpAfterTheCommand() {
        let usage = "plancat diff (--against FILE | --against-ref GIT_REF) [--format text|json|markdown] "
            + "[--detailed-exitcode] [--fail-on-breaking] [--diagnostics text|json|github] [--color auto|always|never] "
            + "[--warnings-as-errors] [PATH]"
        let lines = PageCheck.wrapped(usage, indentation: "plancat diff ".count)
        #expect(lines == [
            "plancat diff (--against FILE | --against-ref GIT_REF) [--format text|json|markdown] [--detailed-exitcode]",
            "             [--fail-on-breaking] [--diagnostics text|json|github] [--color auto|always|never]",
            "             [--warnings-as-errors] [PATH]",
        ])
    }
}

/// How the documentation tests read Markdown and the command lines it shows.
@Suite struct MarkdownPageTests {
    @Test func fencesAreFoundWithTheirInfoLineAndContent() {
        let page = MarkdownPage(path: "p.md", text: """
            Text with ``` inline ``` backticks.

            ````console
            $ plancat diff --format markdown
            ```diff
            - a
            ```
            ````

            - an item:

              ```text
              indented
                more
              ```
            """)
        #expect(page.blocks.map(\.info) == ["console", "text"])
        #expect(page.blocks.map(\.line) == [3, 12])
        #expect(page.blocks[0].lines == ["$ plancat diff --format markdown", "```diff", "- a", "```"])
        #expect(page.blocks[1].lines == ["indented", "  more"])
        #expect(page.replacing([(page.blocks[1], ["new", "", "  lines"])]).hasSuffix("""
              ```text
              new

                lines
              ```
            """))
    }

    @Test func theInfoStringsFirstWordIsTheLanguageAndTheRestAnAttribute() {
        let page = MarkdownPage(path: "p.md", text: "```plancat Tests/x.plancat\n```\n```plancat\n```\n")
        #expect(page.blocks.map(\.language) == ["plancat", "plancat"])
        #expect(page.blocks.map(\.attribute) == ["Tests/x.plancat", nil])
    }

    @Test func aCommandIsReadAsAShellWouldReadIt() throws {
        let redirected = try ShownCommand("plancat fmt - < pro.plancat")
        #expect(redirected.arguments == ["fmt", "-"])
        #expect(redirected.standardInput == "pro.plancat")
        #expect(try ShownCommand("plancat check 'my catalogs/' --color=never \"a b\"").arguments
                == ["check", "my catalogs/", "--color=never", "a b"])
        for line in ["plancat diff > out.md", "plancat check | head", "plancat check $HOME", "swift run plancat check",
                     "plancat check 'unclosed", "plancat fmt - <", "plancat check *.plancat"] {
            #expect(throws: ShownCommand.Refusal.self, "\(line)") { try ShownCommand(line) }
        }
    }
}
