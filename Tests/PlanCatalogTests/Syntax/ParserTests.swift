import Testing
@testable import PlanCatalog

/// The statement shape of LANGUAGE.md section 1 and the parser's recovery from every syntax error, with the
/// expected spans marked in the source.
@Suite struct ParserTests {
    // MARK: The one shape

    @Test func aStatementIsAKeywordArgumentsAndABlock() throws {
        let source = MarkedSource("⟨⟨plan⟩ ⟨pro⟩ ⟨{⟩\n  ⟨name \"Pro\"⟩\n  ⟨hidden⟩\n⟨}⟩⟩\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.isEmpty)
        try #require(tree.keywords == ["plan"])
        let plan = try #require(tree.statements[checked: 0])
        #expect(plan.span == source.spans[0])
        #expect(plan.keyword.span == source.spans[1])
        #expect(plan.arguments.map(\.span) == [source.spans[2]])
        #expect(plan.argumentSummaries == ["word:pro"])
        #expect(plan.block?.openBrace == source.spans[3])
        #expect(plan.block?.closeBrace == source.spans[6])
        #expect(plan.childKeywords == ["name", "hidden"])
        #expect(plan.block?.statements.map(\.span) == [source.spans[4], source.spans[5]])
        #expect(plan.child("name")?.argumentSummaries == ["string:Pro"])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func argumentsOfEveryKind() throws {
        let source = MarkedSource(
            #"⟨x ⟨word⟩ ⟨"a \"b\"\n"⟩ ⟨10_000⟩ ⟨-0.5⟩ ⟨price_pro.comp_api⟩ ⟨24x7-support⟩ ⟨24x7.a-b⟩⟩"#)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.isEmpty)
        let statement = try #require(tree.statements[checked: 0])
        #expect(statement.argumentSummaries == [
            "word:word", "string:a \"b\"\n", "number:10_000", "number:-0.5", "reference:price_pro.comp_api",
            "word:24x7-support", "reference:24x7.a-b",
        ])
        #expect(statement.arguments.map(\.span) == Array(source.spans[1...]))
        #expect(statement.span == source.spans[0])
        #expect(statement.arguments.map(\.kindDescription)
            == ["a word", "a string", "a number", "a number", "a reference", "a word", "a reference"])
    }

    @Test func aFlagHasNoArgumentsAndNoBlock() throws {
        let (tree, diagnostics) = MarkedSource("row pro {\n  outline\n  popular\n  hidden true\n}").parse()
        #expect(diagnostics.isEmpty)
        let row = try #require(tree.statements[checked: 0])
        #expect(row.childKeywords == ["outline", "popular", "hidden"])
        #expect(row.child("outline")?.arguments.isEmpty == true)
        #expect(row.child("outline")?.block == nil)
        #expect(row.child("hidden")?.argumentSummaries == ["word:true"])
    }

    @Test func semicolonsSeparateStatementsOnOneLine() throws {
        let source = MarkedSource("component base { ⟨fixed 29⟩ }\ncomponent api { ⟨usage api-calls⟩; ⟨unit-price 0.002⟩ }\na; b;; c;\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.isEmpty)
        try #require(tree.keywords == ["component", "component", "a", "b", "c"])
        #expect(tree.statements[checked: 0]?.block?.statements.map(\.span) == [source.spans[0]])
        #expect(tree.statements[checked: 1]?.block?.statements.map(\.span) == [source.spans[1], source.spans[2]])
    }

    @Test func aStatementMayEndRightBeforeTheClosingBraceOrTheEndOfTheFile() throws {
        let (tree, diagnostics) = MarkedSource("a { b 1 }\nc { d { e } }\nf 2").parse()
        #expect(diagnostics.isEmpty)
        try #require(tree.keywords == ["a", "c", "f"])
        #expect(tree.statements[checked: 1]?.child("d")?.childKeywords == ["e"])
    }

    @Test func anEmptyFileAndAFileOfTriviaHaveNoStatements() {
        for text in ["", "\n\n", "# only a comment\n", "  \t\n", ";;\n"] {
            let (tree, diagnostics) = MarkedSource(text).parse()
            #expect(diagnostics.isEmpty)
            #expect(tree.statements.isEmpty)
        }
    }

    // MARK: References

    @Test func aReferenceIsOneArgument() {
        let source = MarkedSource("applies-to ⟨price_pro_monthly.comp_usage_api⟩\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.isEmpty)
        #expect(tree.statements[checked: 0]?.argumentSummaries == ["reference:price_pro_monthly.comp_usage_api"])
        #expect(tree.statements[checked: 0]?.arguments[checked: 0]?.span == source.span)
    }

    @Test func aReferenceWithoutItsComponentIsMalformed() throws {
        let source = MarkedSource("applies-to ⟨price_pro.⟩\nnext")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.malformedReference])
        #expect(diagnostics.first?.location.span == source.span)
        #expect(tree.statements[checked: 0]?.argumentSummaries == ["reference:price_pro."])
        try #require(tree.keywords == ["applies-to", "next"])
    }

    @Test func aReferenceWithASpaceAfterTheDotIsMalformed() {
        let source = MarkedSource("applies-to ⟨price_pro.⟩ comp\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.malformedReference])
        #expect(diagnostics.first?.location.span == source.span)
        #expect(tree.statements[checked: 0]?.argumentSummaries == ["reference:price_pro.", "word:comp"])
    }

    @Test(arguments: ["price ⟨.⟩ comp", "price ⟨.⟩comp", "price.comp⟨.⟩x"])
    func aDotThatIsNotPartOfAReferenceEndsTheStatementWithAnError(_ text: String) throws {
        let source = MarkedSource("applies-to \(text)\nnext\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.expectedEndOfStatement])
        #expect(diagnostics.first?.location.span == source.span)
        #expect(diagnostics.first?.help == "a reference is written `price.component`, with no spaces")
        try #require(tree.keywords == ["applies-to", "next"])
    }

    // MARK: Regions

    /// Statements with and without blocks, trailing comments that arrive after a statement is complete,
    /// and trivia between and after them: a region boundary may fall anywhere among them.
    static let regionSource = """
        # a catalog
        catalog "Acme"
        currency USD # trailing on currency
        plan free { name "Free" } # after free
        plan pro {
          name "Pro"
          price monthly { interval month }
          # end of pro
        } # after pro

        # before team
        plan team { name "Team"; description "For teams" }
        # end of file

        """

    /// The streaming parse hands over every top-level statement once, in order, as the whole-file parse
    /// reads it; each region but the last holds at least `regionSize` statements, and would not without
    /// its last top-level statement.
    @Test(arguments: [1, 2, 3, 5, 100])
    func regionsHandOverTheFileInOrder(regionSize: Int) {
        let file = SourceFile(path: "regions.plancat", bytes: Array(Self.regionSource.utf8))
        let whole = Parser.parse(file)
        var outlines: [String] = []
        var regionCounts: [[Int]] = []
        let (trailingTrivia, diagnostics) = Parser.parse(file, regionSize: regionSize) { region in
            outlines += region.map(\.outline)
            regionCounts.append(region.map(\.statementCount))
        }
        #expect(whole.diagnostics.isEmpty && diagnostics.isEmpty)
        #expect(outlines == whole.tree.statements.map(\.outline))
        #expect(trailingTrivia.map(\.summary) == whole.tree.trailingTrivia.map(\.summary))
        #expect(regionCounts.count > 1 || regionSize >= 10)
        for counts in regionCounts.dropLast() {
            #expect(counts.reduce(0, +) >= regionSize)
            #expect(counts.dropLast().reduce(0, +) < regionSize)
        }
    }

    /// A region's storage is cleared for the next one only when nothing kept a view of it: statements
    /// kept past their region still read their own text.
    @Test func statementsKeptPastTheirRegionStillReadTheirOwn() {
        let file = SourceFile(path: "regions.plancat", bytes: Array(Self.regionSource.utf8))
        var kept: [Statement] = []
        _ = Parser.parse(file) { region in kept += region }
        #expect(kept.map(\.outline) == Parser.parse(file).tree.statements.map(\.outline))
    }

    // MARK: Comments and blank lines

    @Test func commentsAndBlankLinesAreKeptAsTrivia() throws {
        let source = MarkedSource("""
            # Catalog of Acme


            # Currency first
            currency USD # trailing

            plan pro { # after the brace
              # before name
              name "Pro" # on name
              # end of block

            } # after the block
            # end of file

            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.isEmpty)
        try #require(tree.keywords == ["currency", "plan"])
        let currency = try #require(tree.statements[checked: 0])
        #expect(currency.leadingTrivia.map(\.summary) == ["# Catalog of Acme", "blank", "# Currency first"])
        #expect(currency.trailingComment?.text == "# trailing")
        let plan = try #require(tree.statements[checked: 1])
        #expect(plan.leadingTrivia.map(\.summary) == ["blank"])
        #expect(plan.trailingComment?.text == "# after the block")
        let name = plan.block?.statements[checked: 0]
        #expect(name?.leadingTrivia.map(\.summary) == ["# after the brace", "# before name"])
        #expect(name?.trailingComment?.text == "# on name")
        #expect(plan.block?.trailingTrivia.map(\.summary) == ["# end of block", "blank"])
        #expect(tree.trailingTrivia.map(\.summary) == ["# end of file"])
        #expect(tree.comments.map(\.text) == [
            "# Catalog of Acme", "# Currency first", "# trailing", "# after the block", "# after the brace",
            "# before name", "# on name", "# end of block", "# end of file",
        ])
    }

    @Test func aCommentSpanExcludesTheLineEnd() {
        let source = MarkedSource("plan pro ⟨# note⟩\r\n")
        let (tree, _) = source.parse()
        #expect(tree.statements[checked: 0]?.trailingComment?.span == source.span)
        #expect(tree.statements[checked: 0]?.trailingComment?.text == "# note")
    }

    @Test func aCommentAfterASemicolonBelongsToTheLastStatementOfTheLine() {
        let (tree, diagnostics) = MarkedSource("a 1; b 2 # about b\nc").parse()
        #expect(diagnostics.isEmpty)
        #expect(tree.statements[checked: 0].map { $0.trailingComment == nil } == true)
        #expect(tree.statements[checked: 1]?.trailingComment?.text == "# about b")
        #expect(tree.statements[checked: 2]?.leadingTrivia.isEmpty == true)
    }

    @Test func severalBlankLinesAreOne() {
        let (tree, _) = MarkedSource("a\n\n\n\n  \n\t\nb\nc").parse()
        #expect(tree.statements[checked: 1]?.leadingTrivia.map(\.summary) == ["blank"])
        #expect(tree.statements[checked: 2]?.leadingTrivia.isEmpty == true)
    }

    // MARK: A `{` on a line of its own

    @Test func aBraceOnItsOwnLineIsAnErrorWithAFixItAndTheBlockStaysAttached() throws {
        let source = MarkedSource("plan pro⟨\n⟨{⟩⟩\n  name \"Pro\"\n}\nplan free {\n}\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.braceOnOwnLine])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.span == source.spans[1])
        #expect(source.start(of: diagnostic.location) == LineColumn(line: 2, column: 1))
        let edit = try #require(diagnostic.fixes.first?.edits.first)
        #expect(diagnostic.fixes.count == 1)
        #expect(edit.location.span == Span(start: source.spans[0].start, end: source.spans[1].start))
        #expect(edit.replacement == " ")
        #expect(applying(edit, to: source.text) == "plan pro {\n  name \"Pro\"\n}\nplan free {\n}\n")
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name"])
        #expect(tree.statements[checked: 0]?.block?.openBrace == source.spans[1])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func aBraceOnALaterLineAfterBlankLinesAndCRLFIsStillAttached() throws {
        let source = MarkedSource("plan pro⟨\r\n\r\n    ⟩⟨{⟩\r\n  name \"Pro\"\r\n}\r\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.braceOnOwnLine])
        #expect(diagnostics.first?.location.span == source.spans[1])
        #expect(diagnostics.first.map { source.start(of: $0.location) } == LineColumn(line: 3, column: 5))
        let edit = try #require(diagnostics.first?.fixes.first?.edits.first)
        #expect(edit.location.span == source.spans[0])
        #expect(applying(edit, to: source.text) == "plan pro {\r\n  name \"Pro\"\r\n}\r\n")
        #expect(tree.statements[checked: 0]?.childKeywords == ["name"])
    }

    @Test func aNestedBraceOnItsOwnLineIsReportedToo() {
        let source = MarkedSource("plan pro {\n  features\n  ⟨{⟩\n    reports\n  }\n}\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.braceOnOwnLine])
        #expect(diagnostics.spans == source.spans)
        #expect(tree.statements[checked: 0]?.child("features")?.childKeywords == ["reports"])
    }

    @Test func aBraceAfterACommentLineIsNotABlock() throws {
        let source = MarkedSource("plan pro\n# note\n⟨{⟩ x }\nnext")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.expectedStatement])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first?.help == "a block's `{` stands at the end of the line of its statement")
        try #require(tree.keywords == ["plan", "next"])
    }

    // MARK: Unbalanced braces

    @Test func anUnclosedBraceIsReportedAtThatBrace() throws {
        let source = MarkedSource("plan pro ⟨{⟩\n  ⟨name \"Pro\"⟩\n  hidden\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.first?.location.span == source.spans[0])
        #expect(diagnostics.first.map { source.start(of: $0.location) } == LineColumn(line: 1, column: 10))
        let plan = try #require(tree.statements[checked: 0])
        #expect(plan.block?.closeBrace == nil)
        #expect(plan.childKeywords == ["name", "hidden"])
        // The statement ends with its last statement, not with the line end after it.
        #expect(plan.span.end == plan.block?.statements.last?.span.end)
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func anUnclosedEmptyBlockEndsAtItsBrace() {
        let source = MarkedSource("⟨plan pro {⟩\n\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(tree.statements[checked: 0]?.span == source.span)
    }

    @Test func anUnmatchedClosingBraceIsReportedAndParsingGoesOn() throws {
        let source = MarkedSource("plan a {\n}\n⟨}⟩\nplan b { name \"B\" } ⟨}⟩\n⟨}⟩⟨}⟩")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unmatchedClosingBrace, .unmatchedClosingBrace, .unmatchedClosingBrace,
                                      .unmatchedClosingBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 1]?.childKeywords == ["name"])
    }

    // MARK: Recovery of a missing `}` by indentation

    @Test func aLineBackAtTheOwnersIndentationEndsABlockWhoseBraceIsMissing() throws {
        let source = MarkedSource("""
            plan a ⟨{⟩
              name "A"
              hidden

            ⟨plan⟩ b {
              name "B"
            }
            feature f {
              name "F"
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.span == source.spans[0])
        #expect(diagnostic.notes.first?.location?.span == source.spans[1])
        #expect(diagnostic.notes.first?.message.contains("line 5") == true)
        try #require(tree.keywords == ["plan", "plan", "feature"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "hidden"])
        #expect(tree.statements[checked: 1]?.childKeywords == ["name"])
        #expect(tree.statements[checked: 2]?.childKeywords == ["name"])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func severalLevelsOfMissingBracesRecoverAtOnce() throws {
        let source = MarkedSource("""
            plan a ⟨{⟩
              price p ⟨{⟩
                interval month
                component c { fixed 1 }
            plan b {
              name "B"
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace, .unclosedBrace])
        #expect(Set(diagnostics.spans) == Set(source.spans))
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["price"])
        #expect(tree.statements[checked: 0]?.child("price")?.childKeywords == ["interval", "component"])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func aClosingBraceIndentedLikeAnOuterStatementClosesThatOne() throws {
        let source = MarkedSource("""
            plan a {
              price p ⟨{⟩
                interval month
            }
            plan b {
              name "B"
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["price"])
        #expect(tree.statements[checked: 0]?.block?.closeBrace != nil)
        #expect(tree.statements[checked: 1]?.childKeywords == ["name"])
    }

    @Test func aOneLineBlockMissingItsBraceEndsAtTheNextLine() throws {
        let source = MarkedSource("""
            price p {
              component base ⟨{⟩ fixed 29
              component api { usage api-calls; unit-price 0.002 }
              interval month
            }
            plan b {
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["price", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["component", "component", "interval"])
        #expect(tree.statements[checked: 0]?.block?.statements[checked: 0]?.childKeywords == ["fixed"])
    }

    @Test func anEmptyBlockMissingItsBraceEndsAtTheNextSibling() {
        let source = MarkedSource("""
            plan a {
              features ⟨{⟩
              price p {
                interval month
              }
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        #expect(tree.statements[checked: 0]?.childKeywords == ["features", "price"])
    }

    /// Indentation is trusted only when a `}` is missing: in a file whose braces balance, they are right.
    @Test func aBalancedButOddlyIndentedFileHasNoErrors() throws {
        let source = MarkedSource("""
            plan a {
              name "A"
            features {
                reports
              }
                price p {
            interval month
            }
                }
              plan b {
            name "B"
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.isEmpty)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "features", "price"])
    }

    @Test func aTopLevelOneLineBlockMissingItsBraceEndsAtTheNextLine() throws {
        let source = MarkedSource("plan a ⟨{⟩ name \"A\"; hidden\nplan b { name \"B\" }")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "hidden"])
    }

    /// An extra `}` before a missing one does not hide the missing one from the recovery.
    @Test func anUnmatchedBraceEarlierDoesNotStopTheRecovery() throws {
        let source = MarkedSource("⟨}⟩\nplan a ⟨{⟩\n  name \"A\"\nplan b {\n}\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unmatchedClosingBrace, .unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
    }

    /// Issue 14: a block whose body is not indented, but whose `}` is there, keeps that `}`; the one
    /// missing is the last plan's, at the end of the file, and it is the only problem.
    @Test func anUnindentedBodyWithItsBraceKeepsItAndTheMissingBraceIsReportedWhereItIs() throws {
        let source = MarkedSource("""
            catalog "R"
            currency USD

            plan plan_a {
              name "A"
              price price_a {
              interval month
              component comp_base { fixed 5 }
              }
            }

            plan plan_b ⟨{⟩
              name "B"
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first.map { source.start(of: $0.location) } == LineColumn(line: 12, column: 13))
        #expect(diagnostics.first?.notes.isEmpty == true)
        try #require(tree.keywords == ["catalog", "currency", "plan", "plan"])
        let planA = try #require(tree.statements[checked: 2])
        #expect(planA.childKeywords == ["name", "price"])
        #expect(planA.child("price")?.childKeywords == ["interval", "component"])
        #expect(planA.child("price")?.block?.closeBrace != nil)
        #expect(tree.statements[checked: 3]?.childKeywords == ["name"])
        #expect(tree.structuralProblems().isEmpty)
    }

    /// The same unindented body, with the plan's `}` missing in the middle of the file: the next
    /// top-level statement at column 1 ends the plan, which is reported, and the rest parses normally.
    @Test func aTopLevelStatementAtColumnOneEndsAnUnclosedPlanInTheMiddleOfAFile() throws {
        let source = MarkedSource("""
            plan plan_a ⟨{⟩
              name "A"
              price price_a {
              interval month
              component comp_base { fixed 5 }
              }

            ⟨plan⟩ plan_b {
              name "B"
            }
            feature f {
              name "F"
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.location.span == source.spans[0])
        #expect(diagnostic.notes.first?.location?.span == source.spans[1])
        #expect(diagnostic.notes.first?.message.contains("line 8") == true)
        try #require(tree.keywords == ["plan", "plan", "feature"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "price"])
        #expect(tree.statements[checked: 0]?.child("price")?.childKeywords == ["interval", "component"])
        #expect(tree.statements[checked: 1]?.childKeywords == ["name"])
        #expect(tree.statements[checked: 2]?.childKeywords == ["name"])
        #expect(tree.structuralProblems().isEmpty)
    }

    /// An inner block missing its `}` in the middle of a file, its body indented: the `}` at column 1
    /// closes the plan, and the next plan parses normally.
    @Test func anInnerBlockMissingItsBraceInTheMiddleOfAFileIsTheOneReported() throws {
        let source = MarkedSource("""
            plan plan_a {
              name "A"
              price price_a ⟨{⟩
                interval month
                component comp_base { fixed 5 }
            }
            plan plan_b {
              name "B"
              price price_b {
                interval year
                component comp_base { fixed 50 }
              }
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.block?.closeBrace != nil)
        #expect(tree.statements[checked: 0]?.child("price")?.childKeywords == ["interval", "component"])
        #expect(tree.statements[checked: 1]?.child("price")?.childKeywords == ["interval", "component"])
        #expect(tree.structuralProblems().isEmpty)
    }

    /// An unindented body whose own `}` is missing: the block keeps its body and ends at the `}` that
    /// closes the plan, rather than at its first line, so its statements are not misplaced in the plan.
    @Test func anUnindentedBodyMissingItsBraceEndsAtTheEnclosingBlocksBrace() throws {
        let source = MarkedSource("""
            plan plan_a {
              name "A"
              price price_a ⟨{⟩
              interval month
              component comp_base { fixed 5 }
            }

            plan plan_b {
              name "B"
            }
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "price"])
        #expect(tree.statements[checked: 0]?.child("price")?.childKeywords == ["interval", "component"])
        #expect(tree.statements[checked: 0]?.block?.closeBrace != nil)
        #expect(tree.statements[checked: 1]?.childKeywords == ["name"])
    }

    /// In a file with no indentation at all, a missing `}` at the end is the last block's, and its body
    /// stays in it.
    @Test func anUnindentedFileMissingItsLastBraceKeepsTheLastBody() throws {
        let source = MarkedSource("plan a {\nname \"A\"\n}\nplan b ⟨{⟩\nname \"B\"\nhidden\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 1]?.childKeywords == ["name", "hidden"])
    }

    /// Two plans each missing their `}`, the second at the end of the file: both are reported, each at
    /// its own `{`, and each keeps its body.
    @Test func twoMissingBracesAreEachReportedAtTheirOwnBlock() throws {
        let source = MarkedSource("""
            plan plan_a ⟨{⟩
              name "A"
              price price_a {
              interval month
              component comp_base { fixed 5 }
              }
            plan plan_b ⟨{⟩
              name "B"
            """)
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unclosedBrace, .unclosedBrace])
        #expect(Set(diagnostics.spans) == Set(source.spans))
        try #require(tree.keywords == ["plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "price"])
        #expect(tree.statements[checked: 1]?.childKeywords == ["name"])
    }

    /// Braces and indentation that disagree without a `}` missing: the braces win, wherever they are.
    @Test func anExtraClosingBraceIsOnlyUnmatched() throws {
        let source = MarkedSource("plan a {\n  name \"A\"\n}\n⟨}⟩\nplan b {\n  price p {\n  }\n}\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.unmatchedClosingBrace])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan"])
    }

    // MARK: Unexpected tokens

    @Test(arguments: ["⟨\"Pro\"⟩ name", "⟨42⟩ x", "⟨.⟩x", "⟨-1⟩"])
    func aStatementMustStartWithAWord(_ text: String) throws {
        let source = MarkedSource("plan a {\n  \(text)\n  name \"A\"\n}\nnext\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.expectedStatement])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["plan", "next"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name"])
    }

    @Test func aStrayBlockIsReportedOnceAndItsContentsSkipped() throws {
        let source = MarkedSource("⟨{⟩ a { b }\n  c\n}\nnext\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.expectedStatement])
        #expect(diagnostics.spans == source.spans)
        try #require(tree.keywords == ["next"])
    }

    @Test func somethingAfterABlockOnTheSameLineIsAnError() throws {
        let source = MarkedSource("plan a { hidden } ⟨name⟩ \"x\" { y }\nnext\n")
        let (tree, diagnostics) = source.parse()
        #expect(diagnostics.codes == [.expectedEndOfStatement])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first?.message == "expected the end of the statement `plan`, found a word")
        try #require(tree.keywords == ["plan", "next"])
        #expect(tree.structuralProblems().isEmpty)
    }

    // MARK: Nesting depth

    private func nested(_ depth: Int) -> String {
        String(repeating: "a {", count: depth) + String(repeating: "}", count: depth) + "\nafter\n"
    }

    @Test func blocksMayNestUpToTheMaximumDepth() throws {
        let (tree, diagnostics) = MarkedSource(nested(Parser.maximumNestingDepth)).parse()
        #expect(diagnostics.isEmpty)
        try #require(tree.keywords == ["a", "after"])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func oneLevelDeeperIsReportedAtItsBrace() throws {
        let depth = Parser.maximumNestingDepth + 1
        let text = nested(depth)
        let (tree, diagnostics) = MarkedSource(text).parse()
        #expect(diagnostics.codes == [.nestingTooDeep])
        #expect(diagnostics.first?.location.span == Span(start: 3 * depth - 1, end: 3 * depth))
        try #require(tree.keywords == ["a", "after"])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func veryDeepNestingIsReportedWithoutOverflowingTheStack() throws {
        let depth = 100_000
        let (tree, diagnostics) = SourceFile(path: "deep", text: nested(depth)).parseTree()
        // One line of 100,000 blocks is also over the line limit (E0114).
        #expect(diagnostics.codes == [.lineTooLong, .nestingTooDeep])
        try #require(tree.keywords == ["a", "after"])

        // The same, with every `{` unclosed; on lines of their own at one indentation they are siblings.
        let unclosed = String(repeating: "a {", count: depth)
        let (_, unclosedDiagnostics) = SourceFile(path: "deep", text: unclosed).parseTree()
        #expect(unclosedDiagnostics.codes.filter { $0 == .nestingTooDeep }.count == 1)
        #expect(unclosedDiagnostics.codes.filter { $0 == .unclosedBrace }.count == Parser.maximumNestingDepth + 1)
        let unclosedLines = String(repeating: "a {\n", count: depth)
        let (siblings, siblingDiagnostics) = SourceFile(path: "deep", text: unclosedLines).parseTree()
        #expect(siblings.statements.count == depth)
        // A thousand are reported, then one E0116 says the rest are not (InputLimits.maximumDiagnostics).
        #expect(siblingDiagnostics.codes == Array(repeating: .unclosedBrace, count: InputLimits.maximumDiagnostics)
                + [.tooManyProblems])

        // Then only `{`, only `}`, and lines indented one more each time.

        let braces = String(repeating: "{", count: depth)
        let (_, braceDiagnostics) = SourceFile(path: "deep", text: braces).parseTree()
        #expect(braceDiagnostics.codes.contains(.nestingTooDeep))

        let closers = String(repeating: "}", count: depth)
        let (_, closerDiagnostics) = SourceFile(path: "deep", text: closers).parseTree()
        #expect(closerDiagnostics.count == InputLimits.maximumDiagnostics + 1)

        var indented = ""
        for level in 0..<2_000 { indented += String(repeating: " ", count: level) + "a {\n" }
        let (indentedTree, _) = SourceFile(path: "deep", text: indented).parseTree()
        #expect(indentedTree.structuralProblems().isEmpty)
    }

    // MARK: Everything in one file

    @Test func everyErrorInAFileIsReportedAndParsingResumesAfterEach() throws {
        let source = MarkedSource("""
            plan a {
              name ⟨"A⟩
              price ⟨@⟩ p {
                amount ⟨1__0⟩
              }
              credit c ⟨.⟩ x
              ⟨"stray"⟩
              applies-to ⟨p.⟩
              features
              ⟨{⟩
                reports
              }
            }
            ⟨}⟩
            plan b { name "B" }
            plan c ⟨{⟩
              name "C"
            plan d { name "D" }
            """)
        let (tree, diagnostics) = source.parse()
        let sorted = diagnostics.sorted(by: Diagnostic.reportOrder(in: FileTable(source.file)))
        #expect(sorted.codes == [.unterminatedString, .unexpectedCharacter, .malformedNumber,
                                 .expectedEndOfStatement, .expectedStatement, .malformedReference,
                                 .braceOnOwnLine, .unmatchedClosingBrace, .unclosedBrace])
        #expect(sorted.spans == source.spans)
        try #require(tree.keywords == ["plan", "plan", "plan", "plan"])
        #expect(tree.statements[checked: 0]?.childKeywords == ["name", "price", "credit", "applies-to", "features"])
        #expect(tree.statements[checked: 0]?.child("features")?.childKeywords == ["reports"])
        #expect(tree.structuralProblems().isEmpty)
    }

    @Test func diagnosticsOfACRLFFileHaveTheRightLinesAndColumns() {
        let source = MarkedSource("plan a {\r\n  name \"é\" ⟨@⟩\r\n  amount ⟨1.⟩\r\n}\r\n⟨}⟩\r\n")
        let (_, diagnostics) = source.parse()
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.map { source.start(of: $0.location) } == [
            LineColumn(line: 2, column: 12), LineColumn(line: 3, column: 10), LineColumn(line: 5, column: 1),
        ])
    }

    /// Every sequence of up to four tokens from a small alphabet parses, with a well-formed tree.
    @Test func everyShortSequenceOfTokensParses() {
        let alphabet = ["a", "1", "\"s\"", ".", "{", "}", ";", "\n", "#c\n", "  ", "b.c", "\"", "@"]
        var count = 0
        func visit(_ prefix: String, _ length: Int) {
            let (tree, _) = SourceFile(path: "t", text: prefix).parseTree()
            #expect(tree.structuralProblems().isEmpty, "\(prefix.debugDescription)")
            count += 1
            guard length < 4 else { return }
            for piece in alphabet { visit(prefix + piece, length + 1) }
        }
        visit("", 0)
        #expect(count > 30_000)
    }

    private func applying(_ edit: Diagnostic.Edit, to text: String) -> String {
        let bytes = Array(text.utf8)
        let span = edit.location.span
        return String(decoding: bytes[..<span.start] + Array(edit.replacement.utf8) + bytes[span.end...],
                      as: UTF8.self)
    }
}

extension SourceFile {
    fileprivate func parseTree() -> (tree: SyntaxTree, diagnostics: [Diagnostic]) { Parser.parse(self) }
}
