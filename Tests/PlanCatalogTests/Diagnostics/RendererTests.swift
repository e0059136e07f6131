import Testing
@testable import PlanCatalog

/// Goldens for the three diagnostic renderers on small inline sources: exact strings, so that every
/// change of wording or layout is seen in review.
@Suite struct RendererTests {
    // MARK: Helpers

    /// The location of the `occurrence`-th (1-based) `needle` in the file, whose id is `id` (a file on its
    /// own is the first of `FileTable(file)`).
    private func location(of needle: String, in file: SourceFile, id: FileID = .first,
                          occurrence: Int = 1) -> PlanCatalog.SourceLocation {
        let bytes = file.bytes
        let target = Array(needle.utf8)
        var found = 0
        for start in 0...(bytes.count - target.count) where Array(bytes[start..<start + target.count]) == target {
            found += 1
            if found == occurrence {
                return PlanCatalog.SourceLocation(file: id, span: Span(start: start, end: start + target.count))
            }
        }
        Issue.record("`\(needle)` not found")
        return PlanCatalog.SourceLocation(file: id, span: .point(0))
    }

    private func point(_ offset: Int, in file: SourceFile) -> PlanCatalog.SourceLocation {
        PlanCatalog.SourceLocation(file: .first, span: .point(offset))
    }

    // MARK: Text

    @Test func textMatchesTheContractExample() {
        let source = String(repeating: "#\n", count: 13) + "    usage api-call\n"
        let file = SourceFile(path: "catalogs/pro.plancat", text: source)
        let diagnostic = Diagnostic(.unknownMetric, "unknown metric `api-call`", at: location(of: "api-call", in: file),
                                    label: "no metric with this id", help: "did you mean `api-calls`?")
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)) == """
            catalogs/pro.plancat:14:11: error[E0401]: unknown metric `api-call`
               |
            14 |     usage api-call
               |           ^^^^^^^^ no metric with this id
               = help: did you mean `api-calls`?

            """)
    }

    @Test func textWithoutLabelOrHelpAndSeveralDiagnostics() {
        let file = SourceFile(path: "a.plancat", text: "plan pro {\n")
        let first = Diagnostic(.unclosedBrace, "this `{` is never closed", at: location(of: "{", in: file))
        let second = Diagnostic(.unusedPlaceholderPlan, "plan `pro` has no price", at: location(of: "pro", in: file))
        #expect(TextDiagnosticRenderer().render([first, second], in: FileTable(file)) == """
            a.plancat:1:10: error[E0104]: this `{` is never closed
              |
            1 | plan pro {
              |          ^

            a.plancat:1:6: warning[W0501]: plan `pro` has no price
              |
            1 | plan pro {
              |      ^^^


            """)
    }

    @Test func textKeepsTabsInTheCaretPadding() {
        let file = SourceFile(path: "t.plancat", text: "plan pro {\n\tname\t\"Pro\" x\n}\n")
        let diagnostic = Diagnostic(.expectedEndOfStatement, "unexpected word", at: location(of: "x", in: file),
                                    label: "here")
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)) == """
            t.plancat:2:13: error[E0110]: unexpected word
              |
            2 | \tname\t"Pro" x
              | \t    \t      ^ here

            """)
    }

    @Test func textAlignsCaretsAfterMultiByteAndWideCharacters() {
        let file = SourceFile(path: "u.plancat", text: "name \"Prö 日本\" x\n")
        let diagnostic = Diagnostic(.expectedEndOfStatement, "unexpected word", at: location(of: "x", in: file))
        // The column counts scalars (ö and each ideograph are one); the padding counts terminal cells
        // (each ideograph takes two).
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)) == """
            u.plancat:1:15: error[E0110]: unexpected word
              |
            1 | name "Prö 日本" x
              |                 ^

            """)
    }

    @Test func textUnderlinesWideCharactersWithTwoCaretsEach() {
        let file = SourceFile(path: "u.plancat", text: "name 日本\n")
        let diagnostic = Diagnostic(.unexpectedCharacter, "unexpected", at: location(of: "日本", in: file))
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)).contains("\n  |      ^^^^\n"))
    }

    @Test func textPointsOneCaretAtAnEmptySpanAndTheLineEnd() {
        let file = SourceFile(path: "e.plancat", text: "plan pro\r\nname\n")
        let inside = Diagnostic(.missingBlock, "missing block", at: point(5, in: file))
        let atLineEnd = Diagnostic(.missingBlock, "missing block", at: PlanCatalog.SourceLocation(file: .first, span: Span(start: 8, end: 10)))
        #expect(TextDiagnosticRenderer().render(inside, in: FileTable(file)).hasSuffix("1 | plan pro\n  |      ^\n"))
        #expect(TextDiagnosticRenderer().render(atLineEnd, in: FileTable(file)).hasSuffix("1 | plan pro\n  |         ^\n"))
    }

    @Test func textUnderlinesAMultiLineSpanToTheEndOfItsFirstLine() {
        let file = SourceFile(path: "m.plancat", text: "plan pro {\n  name \"Pro\"\n}\n")
        let span = Span(start: 0, end: file.bytes.count - 1)
        let diagnostic = Diagnostic(.missingRequiredStatement, "plan `pro` has no price",
                                    at: PlanCatalog.SourceLocation(file: .first, span: span), label: "this plan")
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)) == """
            m.plancat:1:1: error[E0204]: plan `pro` has no price
              |
            1 | plan pro {
              | ^^^^^^^^^^ this plan

            """)
    }

    @Test func textShowsNotesWithTheirOwnSnippetAndAlignsTheGutter() {
        let first = SourceFile(path: "a.plancat", text: "plan pro {\n}\n")
        let second = SourceFile(path: "b.plancat", text: String(repeating: "\n", count: 11) + "plan pro {\n}\n")
        let diagnostic = Diagnostic(
            .duplicateID, "duplicate plan id `pro`", at: location(of: "pro", in: second, id: FileID(1)),
            label: "defined again here",
            notes: [
                Diagnostic.Note("first defined here", at: location(of: "pro", in: first)),
                Diagnostic.Note("plan ids are unique across the catalog"),
            ],
            help: "rename one of them\nor merge the two plans")
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable([first, second])) == """
            b.plancat:12:6: error[E0301]: duplicate plan id `pro`
               |
            12 | plan pro {
               |      ^^^ defined again here
               = note: first defined here
              --> a.plancat:1:6
               |
            1  | plan pro {
               |      ---
               = note: plan ids are unique across the catalog
               = help: rename one of them
                       or merge the two plans

            """)
    }

    @Test func textShowsAFixItAsHelpWhenThereIsNoHelp() {
        let file = SourceFile(path: "f.plancat", text: "plan pro\n{\n")
        let brace = location(of: "{", in: file)
        let fix = Diagnostic.FixIt("move `{` to the end of the previous line", edits: [Diagnostic.Edit(brace, replacement: "")])
        let diagnostic = Diagnostic(.braceOnOwnLine, "`{` on a line of its own", at: brace, fixes: [fix])
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)).hasSuffix("  = help: move `{` to the end of the previous line\n"))
    }

    @Test func textMasksSecretKeysWithCaretsOnTheMaskedText() {
        let file = SourceFile(path: "s.plancat", text: "name \"sk_test_abc123XYZ\" # sk_live_Q\n")
        let keyDiagnostics = SecretScanner.diagnostics(in: file)
        let after = Diagnostic(.expectedEndOfStatement, "unexpected comment", at: location(of: "#", in: file))
        let output = TextDiagnosticRenderer().render(keyDiagnostics + [after], in: FileTable(file))
        #expect(!output.contains("abc123XYZ"))
        #expect(!output.contains("sk_live_Q"))
        #expect(output == """
            s.plancat:1:7: error[E1001]: secret API key `sk_test_••••` in the catalog
              |
            1 | name "sk_test_••••" # sk_live_••••
              |       ^^^^^^^^^^^^ this looks like a secret API key
              = help: remove the key from the catalog and rotate it with your payment provider: it has been committed, so treat it as leaked

            s.plancat:1:23: error[E1001]: secret API key `sk_live_••••` in the catalog
              |
            1 | name "sk_test_••••" # sk_live_••••
              |                       ^^^^^^^^^^^^ this looks like a secret API key
              = help: remove the key from the catalog and rotate it with your payment provider: it has been committed, so treat it as leaked

            s.plancat:1:21: error[E0110]: unexpected comment
              |
            1 | name "sk_test_••••" # sk_live_••••
              |                     ^


            """)
    }

    @Test func textReplacesControlCharactersSoTheTerminalIsSafe() {
        let file = SourceFile(path: "c.plancat", text: "name \u{1B}[31m \u{202E}x\n")
        let diagnostic = Diagnostic(.unexpectedCharacter, "unexpected character U+001B", at: location(of: "x", in: file))
        let output = TextDiagnosticRenderer().render(diagnostic, in: FileTable(file))
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("\u{202E}"))
        #expect(output.hasSuffix("1 | name \u{FFFD}[31m \u{FFFD}x\n  |             ^\n"))
    }

    @Test func textShowsInvalidUTF8AsReplacementCharacters() {
        let file = SourceFile(path: "i.plancat", bytes: Array("name ".utf8) + [0xFF, 0xC3] + Array(" x\n".utf8))
        let diagnostic = Diagnostic(.invalidUTF8, "invalid", at: PlanCatalog.SourceLocation(file: .first, span: Span(start: 5, end: 6)))
        #expect(TextDiagnosticRenderer().render(diagnostic, in: FileTable(file)).hasSuffix("1 | name \u{FFFD}\u{FFFD} x\n  |      ^\n"))
    }

    @Test func textInColour() {
        let file = SourceFile(path: "a.plancat", text: "x\n")
        let diagnostic = Diagnostic(.unknownPlan, "unknown plan `x`", at: location(of: "x", in: file),
                                    label: "no plan", help: "declare it")
        let bold = "\u{1B}[1m", red = "\u{1B}[1;31m", blue = "\u{1B}[1;34m", reset = "\u{1B}[0m"
        #expect(TextDiagnosticRenderer(usesColor: true).render(diagnostic, in: FileTable(file)) == """
            \(bold)a.plancat:1:1:\(reset) \(red)error[E0403]\(reset)\(bold): unknown plan `x`\(reset)
            \(blue)  |\(reset)
            \(blue)1 |\(reset) x
            \(blue)  |\(reset) \(red)^\(reset) \(red)no plan\(reset)
            \(blue)  =\(reset) \(bold)help\(reset): declare it

            """)
    }

    @Test func summaryCountsErrorsAndWarnings() {
        let renderer = TextDiagnosticRenderer()
        #expect(renderer.summary(errorCount: 2, warningCount: 1) == "2 errors, 1 warning")
        #expect(renderer.summary(errorCount: 1, warningCount: 0) == "1 error")
        #expect(renderer.summary(errorCount: 0, warningCount: 3) == "3 warnings")
        #expect(renderer.summary(errorCount: 0, warningCount: 0) == "no problems")
        #expect(TextDiagnosticRenderer(usesColor: true).summary(errorCount: 1, warningCount: 1)
            == "\u{1B}[1;31m1 error\u{1B}[0m, \u{1B}[1;33m1 warning\u{1B}[0m")
        #expect(TextDiagnosticRenderer.count(1, "catalog") == "1 catalog")
        #expect(TextDiagnosticRenderer.count(0, "catalog") == "0 catalogs")
    }

    // MARK: JSON

    @Test func jsonOfNothingIsAnEmptyArray() {
        #expect(JSONDiagnosticRenderer().render([], in: FileTable()) == "[]\n")
    }

    @Test func jsonHasEveryKeyInContractOrder() {
        let first = SourceFile(path: "a.plancat", text: "plan pro {\n}\n")
        let second = SourceFile(path: "b.plancat", text: "plan pro {\n}\n")
        let pro = location(of: "pro", in: second, id: FileID(1))
        let diagnostic = Diagnostic(
            .duplicateID, "duplicate plan id `pro`", at: pro, label: "ignored by JSON",
            notes: [Diagnostic.Note("first defined here", at: location(of: "pro", in: first)),
                    Diagnostic.Note("ids are unique")],
            help: "rename one",
            fixes: [Diagnostic.FixIt("rename it", edits: [Diagnostic.Edit(pro, replacement: "pro-2")])])
        #expect(JSONDiagnosticRenderer().render([diagnostic], in: FileTable([first, second])) == """
            [
              {
                "code": "E0301",
                "severity": "error",
                "message": "duplicate plan id `pro`",
                "file": "b.plancat",
                "line": 1,
                "column": 6,
                "endLine": 1,
                "endColumn": 9,
                "notes": [
                  {
                    "message": "first defined here",
                    "file": "a.plancat",
                    "line": 1,
                    "column": 6
                  },
                  {
                    "message": "ids are unique",
                    "file": null,
                    "line": null,
                    "column": null
                  }
                ],
                "help": "rename one",
                "fixes": [
                  {
                    "message": "rename it",
                    "edits": [
                      {
                        "line": 1,
                        "column": 6,
                        "endLine": 1,
                        "endColumn": 9,
                        "replacement": "pro-2"
                      }
                    ]
                  }
                ]
              }
            ]

            """)
    }

    @Test func jsonSortsByFileThenPositionThenCodeWithNullHelp() {
        let a = SourceFile(path: "a.plancat", text: "x y\nz\n")
        let b = SourceFile(path: "b.plancat", text: "x\n")
        let diagnostics = [
            Diagnostic(.unknownPlan, "b", at: location(of: "x", in: b, id: FileID(1))),
            Diagnostic(.unknownPlan, "a3", at: location(of: "z", in: a)),
            Diagnostic(.unknownPlan, "a2", at: location(of: "y", in: a)),
            Diagnostic(.unknownMetric, "a1", at: location(of: "y", in: a)),
        ]
        let output = JSONDiagnosticRenderer().render(diagnostics, in: FileTable([a, b]))
        let messages = output.split(separator: "\n").filter { $0.contains("\"message\"") }
        #expect(messages.map { $0.trimmingPrefix(while: { $0 == " " }) } == [
            "\"message\": \"a1\",", "\"message\": \"a2\",", "\"message\": \"a3\",", "\"message\": \"b\",",
        ])
        #expect(output.contains("\"help\": null,"))
        #expect(output.contains("\"endLine\": 2,\n    \"endColumn\": 2,"))
    }

    /// Diagnostics of several checks (`plancat check` of several catalogs) form one list, sorted by path
    /// across them, though each check numbers its own files from the first.
    @Test func jsonAndGitHubSortTheDiagnosticsOfSeveralChecksByPath() {
        let b = SourceFile(path: "b.plancat", text: "x\n")
        let a = SourceFile(path: "a.plancat", text: "y\n")
        let checks = [
            (diagnostics: [Diagnostic(.unknownPlan, "in b", at: location(of: "x", in: b))], files: FileTable(b)),
            (diagnostics: [Diagnostic(.unknownPlan, "in a", at: location(of: "y", in: a))], files: FileTable(a)),
        ]
        let output = JSONDiagnosticRenderer().render(checks)
        let files = output.split(separator: "\n").filter { $0.contains("\"file\"") }
        #expect(files.map { $0.trimmingPrefix(while: { $0 == " " }) } == ["\"file\": \"a.plancat\",", "\"file\": \"b.plancat\","])
        #expect(GitHubDiagnosticRenderer().render(checks) == """
            ::error file=a.plancat,line=1,col=1,endLine=1,endColumn=2,title=E0403::in a
            ::error file=b.plancat,line=1,col=1,endLine=1,endColumn=2,title=E0403::in b

            """)
    }

    @Test func jsonEscapesOnlyQuotesBackslashesAndControlCharacters() {
        let file = SourceFile(path: "dir \"q\"\\x.plancat", text: "x\n")
        let message = "quote \" backslash \\ newline \n tab \t return \r bell \u{07} unit \u{1F} del \u{7F} csi \u{9B} é 日本 😀 /"
        let output = JSONDiagnosticRenderer().render([Diagnostic(.unknownPlan, message, at: location(of: "x", in: file))], in: FileTable(file))
        // DEL and the C1 controls are control characters too (Unicode category Cc).
        #expect(output.contains(#""message": "quote \" backslash \\ newline \n tab \t return \r bell \u0007 unit \u001f del \u007f csi \u009b "#
            + "é 日本 😀 /\","))
        #expect(output.contains(#""file": "dir \"q\"\\x.plancat","#))
    }

    @Test func jsonCountsColumnsInScalars() {
        let file = SourceFile(path: "u.plancat", text: "name \"日本\" x\n")
        let output = JSONDiagnosticRenderer().render([Diagnostic(.unknownPlan, "m", at: location(of: "x", in: file))], in: FileTable(file))
        #expect(output.contains("\"column\": 11,"))
        #expect(output.contains("\"endColumn\": 12,"))
    }

    // MARK: GitHub

    @Test func githubWorkflowCommands() {
        let file = SourceFile(path: "catalogs/pro.plancat", text: "plan pro {\n  usage api-call\n}\n")
        let error = Diagnostic(.unknownMetric, "unknown metric `api-call`", at: location(of: "api-call", in: file),
                               label: "no metric with this id", help: "did you mean `api-calls`?")
        let warning = Diagnostic(.unusedPlaceholderPlan, "plan `pro` has no price", at: location(of: "pro", in: file),
                                 notes: [Diagnostic.Note("declared here", at: location(of: "plan", in: file)),
                                         Diagnostic.Note("no location")])
        #expect(GitHubDiagnosticRenderer().render([error, warning], in: FileTable(file)) == """
            ::warning file=catalogs/pro.plancat,line=1,col=6,endLine=1,endColumn=9,title=W0501::plan `pro` has no price%0Anote: declared here (catalogs/pro.plancat:1:1)%0Anote: no location
            ::error file=catalogs/pro.plancat,line=2,col=9,endLine=2,endColumn=17,title=E0401::unknown metric `api-call`%0Ahelp: did you mean `api-calls`?

            """)
    }

    @Test func githubEscapesDataAndProperties() {
        let file = SourceFile(path: "odd: name, 100%.plancat", text: "x\n")
        let diagnostic = Diagnostic(.unknownPlan, "50% off\r\nnext: a, b", at: location(of: "x", in: file))
        #expect(GitHubDiagnosticRenderer().render([diagnostic], in: FileTable(file)) ==
            "::error file=odd%3A name%2C 100%25.plancat,line=1,col=1,endLine=1,endColumn=2,title=E0403::"
            + "50%25 off%0D%0Anext: a, b\n")
        #expect(GitHubDiagnosticRenderer().render([], in: FileTable()) == "")
    }
}

/// A long line is shown as a window around the span, so rendering stays cheap and keys stay masked.
@Suite struct LongLineRenderingTests {
    @Test("a diagnostic far into a long line shows a window with the caret under its span")
    func windowAroundSpan() {
        let source = "plan " + String(repeating: "x", count: 5_000) + " @ " + String(repeating: "y", count: 5_000)
        let result = CatalogCompiler.check([SourceFile(path: "long.plancat", text: source)])
        let stray = result.diagnostics.first { $0.code == .unexpectedCharacter }!
        let text = TextDiagnosticRenderer().render(stray, in: result.files)
        let lines = text.split(separator: "\n").map(String.init)
        let sourceLine = lines.first { $0.hasPrefix("1 |") }!
        #expect(sourceLine.hasPrefix("1 | …"))
        #expect(sourceLine.hasSuffix("…"))
        #expect(sourceLine.count < 300)
        let caretLine = lines[lines.firstIndex(of: sourceLine)! + 1]
        let caretColumn = caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        let atColumn = sourceLine.firstIndex(of: "@").map { sourceLine.distance(from: sourceLine.startIndex, to: $0) }
        #expect(caretColumn == atColumn)
    }

    @Test("a window that would start inside a secret key still masks it")
    func windowKeepsKeysMasked() {
        let key = "sk_live_" + String(repeating: "A", count: 60)
        let source = "# " + String(repeating: "z ", count: 200) + key + String(repeating: " ", count: 30) + "@"
            + String(repeating: " w", count: 200)
        let result = CatalogCompiler.check([SourceFile(path: "key.plancat", text: source)])
        let text = TextDiagnosticRenderer().render(result.diagnostics, in: result.files)
        #expect(!text.contains("AAAA"))
    }

    @Test("many diagnostics on one huge line render, each line of output short")
    func manyDiagnosticsOnOneLine() {
        let source = String(repeating: "} ", count: 5_000)
        let result = CatalogCompiler.check([SourceFile(path: "braces.plancat", text: source)])
        // 5,000 problems: the first thousand are shown, and one E0116 counts the rest.
        #expect(result.diagnostics.count == InputLimits.maximumDiagnostics + 1)
        let text = TextDiagnosticRenderer().render(result.diagnostics, in: result.files)
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 400 })
    }
}
