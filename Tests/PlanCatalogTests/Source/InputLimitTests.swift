import Testing
@testable import PlanCatalog

/// Every limit of `InputLimits` (Docs/Robustness.md § Limits), tried just below and just above: at the
/// limit the input is accepted as usual, one past it gives exactly the limit's diagnostic.
@Suite struct InputLimitTests {
    static func check(_ text: String) -> [Diagnostic] {
        CatalogCompiler.check([SourceFile(path: "limit.plancat", text: text)]).diagnostics
    }

    static func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.code.rawValue) }

    static let validCatalog = """
        currency USD
        plan plan_pro {
          name "Pro"
          price price_pro {
            interval month
            component comp_base { fixed 29 }
          }
        }

        """

    /// A valid catalog followed by comment lines, exactly `size` bytes long.
    static func paddedCatalog(size: Int) -> SourceFile {
        var bytes = Array(validCatalog.utf8)
        let line = Array(("#" + String(repeating: " padding", count: 12) + "\n").utf8)
        while bytes.count + line.count <= size { bytes += line }
        bytes += [UInt8(ascii: "#")] + [UInt8](repeating: UInt8(ascii: " "), count: size - bytes.count - 1)
        return SourceFile(path: "large.plancat", bytes: bytes)
    }

    // MARK: File size

    /// At the limit the file goes on to the lexer. (Lexing all 128 MiB in a debug build takes a minute,
    /// so the test stops at the gate; `.ci/fuzz` and the benchmark run large files through the rest.)
    @Test func aFileAtTheSizeLimitIsLetThrough() {
        let file = Self.paddedCatalog(size: InputLimits.maximumSourceFileBytes)
        #expect(file.bytes.count == InputLimits.maximumSourceFileBytes)
        #expect(!file.exceedsSizeLimit)
        #expect(Parser.fileTooLarge(file, id: .first) == nil)
        let small = Self.paddedCatalog(size: 1 << 20)
        #expect(CatalogCompiler.check([small]).diagnostics.isEmpty, "the padding itself is clean")
    }

    @Test func aFileOneBytePastTheSizeLimitIsReportedAndNotRead() {
        let diagnostics = CatalogCompiler.check([Self.fileTooLarge]).diagnostics
        #expect(Self.codes(diagnostics) == ["E0113"])
        #expect(diagnostics.first?.message == "file is larger than 128 MiB")
        #expect(diagnostics.first?.location.span == .point(0))
    }

    /// The generated fixture of E0113 (a file cannot be committed at this size): one byte past the limit,
    /// a catalog whose every problem would otherwise be reported.
    static let fileTooLarge: SourceFile = {
        var bytes = Array("plan broken { price }\n# sk_live_abcdefghijklmnop1234\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: " "), count: InputLimits.maximumSourceFileBytes + 1 - bytes.count)
        return SourceFile(path: "limit-file-size.plancat", bytes: bytes)
    }()

    @Test func aFileTooLargeIsRefusedByTheFormatter() {
        let result = Formatter.format(Self.fileTooLarge)
        #expect(result.formatted == nil)
        #expect(Self.codes(result.syntaxErrors) == ["E0113"])
    }

    // MARK: Line length

    @Test func aLineAtTheLengthLimitPassesAndOneBytePastIsReported() {
        func catalog(descriptionLine length: Int, lineEnd: String) -> String {
            let prefix = "  description \""
            let line = prefix + String(repeating: "a", count: length - prefix.count - 1) + "\""
            return Self.validCatalog.replacingOccurrences(of: "  name \"Pro\"\n", with: "  name \"Pro\"\n" + line + lineEnd)
        }
        for lineEnd in ["\n", "\r\n"] {
            #expect(Self.check(catalog(descriptionLine: InputLimits.maximumLineBytes, lineEnd: lineEnd)).isEmpty)
            let over = Self.check(catalog(descriptionLine: InputLimits.maximumLineBytes + 1, lineEnd: lineEnd))
            #expect(Self.codes(over) == ["E0114"])
            #expect(over.first?.message == "line 4 is 65,537 bytes long; lines hold at most 65,536")
            #expect(over.first.map { $0.location.span.end - $0.location.span.start } == 1)
        }
    }

    /// A line over the limit is still checked, so its problems quote what they found: never more than
    /// `Diagnostic.maximumQuoteLength` characters of it.
    @Test func aMegabyteWordIsQuotedByItsStartOnly() {
        let word = String(repeating: "x", count: 1_000_000)
        let diagnostics = Self.check(Self.validCatalog.replacingOccurrences(of: "  name \"Pro\"\n",
                                                                             with: "  name \"Pro\"\n  \(word) 1\n"))
        #expect(Self.codes(diagnostics) == ["E0201", "E0114"])
        #expect(diagnostics.first?.message == "unknown statement `" + String(repeating: "x", count: 63) + "…` in a plan")
        #expect(diagnostics.allSatisfy { $0.message.count < 200 && ($0.help?.count ?? 0) < 200 })
    }

    @Test func quotesUpToTheLimitAreKeptWhole() {
        let atLimit = "`" + String(repeating: "a", count: Diagnostic.maximumQuoteLength) + "`"
        #expect(Diagnostic.shorteningQuotes("unknown plan " + atLimit) == "unknown plan " + atLimit)
        let over = "`" + String(repeating: "a", count: Diagnostic.maximumQuoteLength + 1) + "`"
        #expect(Diagnostic.shorteningQuotes("unknown plan " + over + " here")
                == "unknown plan `" + String(repeating: "a", count: Diagnostic.maximumQuoteLength - 1) + "…` here")
        let unclosed = "a stray ` and " + String(repeating: "b", count: 100)
        #expect(Diagnostic.shorteningQuotes(unclosed) == unclosed)
    }

    // MARK: Number digits

    @Test func aNumberAtTheDigitLimitPassesAndOneDigitMoreIsReported() {
        func catalog(digits: Int) -> String {
            Self.validCatalog.replacingOccurrences(
                of: "fixed 29", with: "fixed " + String(repeating: "0", count: digits - 2) + "29")
        }
        #expect(Self.check(catalog(digits: InputLimits.maximumNumberDigits)).isEmpty)
        let over = Self.check(catalog(digits: InputLimits.maximumNumberDigits + 1))
        #expect(Self.codes(over) == ["E0115"])
        #expect(over.first?.message == "number `00000000000000000000…` has 41 digits")
    }

    @Test func aMegabyteNumberIsOneShortDiagnostic() {
        let number = "1." + String(repeating: "5", count: 1_000_000)
        let diagnostics = Self.check(Self.validCatalog.replacingOccurrences(of: "fixed 29", with: "fixed " + number))
        // The number's line is over the line limit too; both messages stay short.
        #expect(Self.codes(diagnostics) == ["E0115", "E0114"])
        #expect(diagnostics.allSatisfy { $0.message.utf8.count < 100 })
    }

    @Test func underscoresDoNotCountAsDigits() {
        let number = String(repeating: "0_", count: InputLimits.maximumNumberDigits - 2) + "29"
        #expect(Self.check(Self.validCatalog.replacingOccurrences(of: "fixed 29", with: "fixed " + number)).isEmpty)
    }

    // MARK: Amounts

    @Test func anAmountAtTwoToTheFiftyThreeMinusOneMinorUnitsPassesAndOneMorIsReported() {
        let atLimit = Self.validCatalog.replacingOccurrences(of: "fixed 29", with: "fixed 90071992547409.91")
        #expect(Self.check(atLimit).isEmpty)
        let over = Self.check(Self.validCatalog.replacingOccurrences(of: "fixed 29", with: "fixed 90071992547409.92"))
        #expect(Self.codes(over) == ["E0804"])
        let yen = Self.validCatalog.replacingOccurrences(of: "currency USD", with: "currency JPY")
        #expect(Self.check(yen.replacingOccurrences(of: "fixed 29", with: "fixed 9007199254740991")).isEmpty)
        #expect(Self.codes(Self.check(yen.replacingOccurrences(of: "fixed 29", with: "fixed 9007199254740992")))
                == ["E0804"])
    }

    // MARK: Nesting

    @Test func blocksAtTheDepthLimitParseAndOneLevelDeeperIsReported() {
        func nested(_ depth: Int) -> String {
            String(repeating: "x {\n", count: depth) + String(repeating: "}\n", count: depth)
        }
        let atLimit = Parser.parse(SourceFile(path: "deep.plancat", text: nested(InputLimits.maximumNestingDepth)))
        #expect(!Self.codes(atLimit.diagnostics).contains("E0112"))
        let over = Parser.parse(SourceFile(path: "deep.plancat", text: nested(InputLimits.maximumNestingDepth + 1)))
        #expect(Self.codes(over.diagnostics) == ["E0112"])
    }

    // MARK: Diagnostics

    /// A file of `count` stray characters: `count` problems.
    static func strays(_ count: Int) -> SourceFile {
        SourceFile(path: "limit-too-many-problems.plancat", text: String(repeating: "@ ", count: count))
    }

    @Test func aThousandProblemsAreAllReportedAndOneMoreEndsInE0116() {
        func strays(_ count: Int) -> [Diagnostic] { Parser.parse(Self.strays(count)).diagnostics }
        let atLimit = strays(InputLimits.maximumDiagnostics)
        #expect(atLimit.count == InputLimits.maximumDiagnostics)
        #expect(!Self.codes(atLimit).contains("E0116"))
        let over = strays(InputLimits.maximumDiagnostics + 1)
        #expect(over.count == InputLimits.maximumDiagnostics + 1)
        #expect(over.last?.code == .tooManyProblems)
        #expect(over.last?.message == "too many problems in this file: the rest are not reported")
        #expect(over.last?.location.span == Span(start: 2 * InputLimits.maximumDiagnostics,
                                                 end: 2 * InputLimits.maximumDiagnostics + 1))
    }

    @Test func aMillionStrayCharactersKeepAThousandDiagnostics() {
        let diagnostics = Self.check(String(repeating: "}@", count: 1_000_000))
        #expect(diagnostics.count <= InputLimits.maximumDiagnostics + 1)
        #expect(diagnostics.last?.code == .tooManyProblems)
    }

    /// The collector's view of `warnings` placeholder plans followed by `errors` duplicate ids, one per byte:
    /// the warnings come first in the file, so keeping the first thousand by position would drop errors.
    static func collected(errors: Int, warnings: Int) -> [Diagnostic] {
        let file = SourceFile(path: "many.plancat", text: String(repeating: "x", count: 4_000))
        var collector = DiagnosticCollector()
        for offset in 0..<warnings + errors {
            let code: DiagnosticCode = offset < warnings ? .unusedPlaceholderPlan : .duplicateID
            collector.report(Diagnostic(code, "problem \(offset)", at: SourceLocation(file: .first, span: .point(offset))))
        }
        return collector.report(in: FileTable(file)).diagnostics
    }

    @Test func theCollectorShowsAThousandAndCountsTheRest() {
        #expect(Self.collected(errors: 600, warnings: 400).count == InputLimits.maximumDiagnostics)
        let over = Self.collected(errors: 1_005, warnings: 0)
        #expect(over.count == InputLimits.maximumDiagnostics + 1)
        #expect(over.last?.code == .tooManyProblems)
        #expect(over.last?.message == "too many problems: 5 more not shown")
        #expect(over.last?.location.span == .point(InputLimits.maximumDiagnostics))
    }

    @Test func errorsAreKeptBeforeWarningsAndLeftOutWarningsOnlyWarn() {
        let mixed = Self.collected(errors: 999, warnings: 10)
        #expect(mixed.count == InputLimits.maximumDiagnostics + 1)
        #expect(mixed.filter { $0.severity == .error }.count == 999)
        #expect(mixed.last?.code == .tooManyWarnings)
        #expect(mixed.last?.message == "too many warnings: 9 more not shown")
        let warningsOnly = Self.collected(errors: 0, warnings: 1_001)
        #expect(warningsOnly.allSatisfy { $0.severity == .warning }, "a flood of warnings alone never fails a run")
        #expect(warningsOnly.last?.code == .tooManyWarnings)
        let errorsLeftOut = Self.collected(errors: 1_001, warnings: 50)
        #expect(errorsLeftOut.dropLast().allSatisfy { $0.severity == .error })
        #expect(errorsLeftOut.last?.message == "too many problems: 51 more not shown")
    }

    /// A catalog of `count` placeholder plans: `count` warnings (W0501), no error.
    static func placeholderPlans(_ count: Int) -> SourceFile {
        let plans = (0..<count).map { "plan plan_\($0) {\n  name \"Plan \($0)\"\n}\n" }.joined()
        return SourceFile(path: "limit-too-many-warnings.plancat", text: plans)
    }

    @Test func aCatalogOfThousandsOfWarningsStillPasses() {
        let result = CatalogCompiler.check([Self.placeholderPlans(InputLimits.maximumDiagnostics + 1)])
        #expect(!result.hasErrors)
        #expect(result.diagnostics.count == InputLimits.maximumDiagnostics + 1)
        #expect(result.diagnostics.last?.message == "too many warnings: 1 more not shown")
    }

    // MARK: Repetition

    /// Each suggestion compares a name with every id of its kind; past the first hundred unknown names none
    /// is searched for, so thousands of broken references against thousands of ids stay linear.
    @Test func didYouMeanIsOfferedForTheFirstHundredUnknownNames() {
        let count = ReferenceChecks.maximumSuggestions + 50
        let features = (0..<count).map { "feature feat-\($0) {\n  name \"F\"\n  type boolean\n}\n" }.joined()
        let plans = (0..<count).map { "plan plan_\($0) {\n  name \"P\"\n  features {\n    fet-\($0)\n  }\n}\n" }
        let diagnostics = Self.check(features + plans.joined()).filter { $0.code == .unknownFeature }
        #expect(diagnostics.count == count)
        let suggested = diagnostics.filter { $0.help?.hasPrefix("did you mean") == true }
        #expect(suggested.count == ReferenceChecks.maximumSuggestions)
        #expect(diagnostics.first?.help == "did you mean `feat-0`?")
    }

    // MARK: Bytes that are not text

    @Test func invalidUTF8IsReportedWithItsByteOffset() {
        let bytes = Array("currency USD\nplan p {\n  name \"P".utf8) + [0xC3, 0x28] + Array("\"\n}\n".utf8)
        let diagnostics = CatalogCompiler.check([SourceFile(path: "latin1.plancat", bytes: bytes)]).diagnostics
        let invalid = diagnostics.filter { $0.code == .invalidUTF8 }
        #expect(invalid.map(\.message) == ["invalid UTF-8 byte 0xC3 at byte offset 31"])
    }

    @Test func nulBytesAreReportedWhereverTheyAre() {
        let expectedMessage = ["code": "unexpected character U+0000", "string": "control character U+0000 in a string",
                               "comment": "NUL byte in a comment"]
        for (place, text) in [("code", "currency USD\0\n"), ("string", "catalog \"A\0B\"\n"),
                              ("comment", "# a\0b\n")] {
            let diagnostics = Self.check(text)
            #expect(Self.codes(diagnostics) == ["E0103"], "a NUL byte in \(place)")
            #expect(diagnostics.first?.message == expectedMessage[place], "a NUL byte in \(place)")
        }
    }
}
