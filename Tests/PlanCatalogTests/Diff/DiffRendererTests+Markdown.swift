import Testing
@testable import PlanCatalog

/// The Markdown comment shows whatever a catalog holds exactly as it is: no table broken by a pipe, no
/// HTML or Markdown of a catalog rendered, no code block closed early.
extension DiffRendererTests {
    @Test func noChangesIsAShortComment() {
        #expect(DiffMarkdownRenderer().render(Self.empty.diff, source: "catalogs/acme", deployed: "build/catalog.json") == """
            <!-- plancat-diff -->
            ### plancat diff

            Comparing `catalogs/acme` (source) with `build/catalog.json` (deployed).

            **No changes.** The deployed catalog already matches the source.

            """)
    }

    @Test func warningOnlyWhenSomethingBreaks() {
        let markdown = { (sample: Sample) in DiffMarkdownRenderer().render(sample.diff, source: "s", deployed: "d") }
        #expect(markdown(Self.everyAction).contains("> [!WARNING]\n> **4 breaking changes.**"))
        #expect(!markdown(Self.nonBreaking).contains("[!WARNING]"))
    }

    @Test("every table row has exactly its seven cell borders", arguments: samples)
    func tableRowsKeepTheirCells(_ sample: Sample) {
        let markdown = DiffMarkdownRenderer().render(sample.diff, source: sample.source, deployed: sample.deployed)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(rows.count == (sample.diff.isEmpty ? 0 : sample.diff.changes.count + 2))
        for row in rows {
            #expect(Self.unescapedPipes(in: String(row)) == 7, "\(row)")
        }
    }

    @Test func catalogTextOutsideCodeBlocksIsEscaped() {
        let markdown = DiffMarkdownRenderer().render(Self.hostileStrings.diff, source: Self.hostileStrings.source,
                                                     deployed: Self.hostileStrings.deployed)
        let outsideBlocks = Self.linesOutsideFencedBlocks(markdown)
        #expect(!outsideBlocks.contains("<script>"))
        // The deployed name's tags are shown literally, in a code span, and nowhere else.
        #expect(outsideBlocks.contains("`<b>deployed</b>.json`"))
        #expect(!outsideBlocks.replacingOccurrences(of: "`<b>deployed</b>.json`", with: "").contains("<b>"))
        #expect(outsideBlocks.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(outsideBlocks.contains("\\$5 or \\$6 \\#1 \\~x\\~ \\\\ end<br>second line"))
        #expect(outsideBlocks.contains("<code>odd`id|x</code>"))
        #expect(outsideBlocks.contains("``odd`id\\|x``"))
    }

    @Test func fencesAreLongerThanAnyBacktickRunInside() {
        let markdown = DiffMarkdownRenderer().render(Self.hostileStrings.diff, source: "s", deployed: "d")
        #expect(markdown.contains("\n`````\n1. MANUAL copy ```` the `odd` text\u{FFFD}by hand <b>now</b>\n"))
        #expect(markdown.contains("\n````diff\n- displayName:"))
    }

    @Test func inlineTextEscapesMarkdownAndHTML() {
        #expect(DiffMarkdownRenderer.inlineText("a|b *c* _d_ `e` [f](g) <h> & $1 #2 ~i~ \\ !j\r\nk\rl")
                == "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) &lt;h&gt; &amp; \\$1 \\#2 \\~i\\~ \\\\ \\!j<br>k<br>l")
        #expect(DiffMarkdownRenderer.inlineText("café 🤝 日本") == "café 🤝 日本")
    }

    @Test func codeSpansHoldBackticksAndPipes() {
        #expect(DiffMarkdownRenderer.codeSpan("plan_pro") == "`plan_pro`")
        #expect(DiffMarkdownRenderer.codeSpan("a`b") == "``a`b``")
        #expect(DiffMarkdownRenderer.codeSpan("`x``") == "``` `x`` ```")
        #expect(DiffMarkdownRenderer.codeSpan("a|b", inTable: true) == "`a\\|b`")
        #expect(DiffMarkdownRenderer.codeSpan("a|b") == "`a|b`")
    }

    @Test func htmlTextEscapesEntities() {
        #expect(DiffMarkdownRenderer.html("<a href=\"x\">&</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
    }

    /// The pipes of a line that are not escaped with a backslash.
    static func unescapedPipes(in line: String) -> Int {
        var count = 0
        var isEscaped = false
        for character in line {
            if isEscaped { isEscaped = false; continue }
            if character == "\\" { isEscaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    /// The lines of `markdown` outside its fenced code blocks, joined with newlines.
    static func linesOutsideFencedBlocks(_ markdown: String) -> String {
        var fence: Substring?
        var kept: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let run = line.prefix { $0 == "`" }
            if let open = fence {
                if run.count >= open.count, line.dropFirst(run.count).allSatisfy(\.isWhitespace) { fence = nil }
            } else if run.count >= 3 {
                fence = run
            } else {
                kept.append(line)
            }
        }
        return kept.joined(separator: "\n")
    }
}
