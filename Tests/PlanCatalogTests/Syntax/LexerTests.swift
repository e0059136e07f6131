import Testing
@testable import PlanCatalog

/// The lexical rules of LANGUAGE.md section 1, one rule at a time, with the spans marked in the source.
@Suite struct LexerTests {
    // MARK: Words

    @Test func wordsAreKeywordsIdsAndEnumValuesAlike() throws {
        let source = MarkedSource("⟨plan⟩ ⟨plan_pro-2⟩ ⟨on-billing⟩ ⟨_private⟩ ⟨USD⟩")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .word, .word, .word, .word])
        #expect(tokens.dropLast().map(\.span) == source.spans)
    }

    @Test(arguments: ["24x7-support", "1e5", "3d", "5-3", "10_000-seats", "0x1F", "2024-01-01"])
    func aRunStartingWithADigitIsAWordWhenItHoldsALetterOrDash(_ text: String) throws {
        let source = MarkedSource("unit ⟨\(text)⟩ x")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .word, .word])
        #expect(tokens[1].span == source.span)
    }

    // MARK: Numbers

    @Test(arguments: ["0", "29", "10_000", "1_000_000", "0.002", "29.00", "1_000.000_1", "-5", "-0.5", "-10_000.25"])
    func wellFormedNumbers(_ text: String) throws {
        let source = MarkedSource("amount ⟨\(text)⟩\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .number, .newline])
        #expect(tokens[1].span == source.span)
    }

    /// Each malformed form is one E0106 over the whole malformed run, and lexing goes on after it.
    @Test(arguments: [
        ("10_", "`_` may stand only between digits"),
        ("1__0", "`_` may stand only between digits"),
        ("_1", "`_` may stand only between digits"),
        ("1_.5", "`_` may stand only between digits"),
        ("1._5", "`_` may stand only between digits"),
        ("1.5_", "`_` may stand only between digits"),
        ("1.", "a decimal point must be followed by digits"),
        ("1.2.3", "a number has at most one decimal point"),
        ("1.5x", "a number holds only digits"),
        ("-5x", "a number holds only digits"),
        ("-1__0", "`_` may stand only between digits"),
        ("-2.", "a decimal point must be followed by digits"),
    ])
    func malformedNumbers(_ text: String, _ label: String) throws {
        let source = MarkedSource("amount ⟨\(text)⟩ next\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.malformedNumber])
        #expect(diagnostics.first?.location.span == source.span)
        #expect(diagnostics.first?.label == label)
        #expect(diagnostics.first?.message == "malformed number `\(text)`")
        try #require(tokens.kinds == [.word, .number, .word, .newline])
        #expect(tokens[2].text(in: source.file) == "next")
    }

    @Test func aMinusSignNotBeforeADigitIsAStrayCharacter() throws {
        let source = MarkedSource("amount ⟨-⟩ 5 ⟨-⟩x")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter, .unexpectedCharacter])
        #expect(diagnostics.spans == source.spans)
        try #require(tokens.kinds == [.word, .number, .word])
    }

    @Test func aDecimalPointBeforeAWordIsMalformedAndTheWordStillLexes() throws {
        let source = MarkedSource("amount ⟨5.⟩x")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.malformedNumber])
        #expect(diagnostics.spans == source.spans)
        try #require(tokens.kinds == [.word, .number, .word])
    }

    @Test func underscoresAloneAreWords() throws {
        let (tokens, diagnostics) = MarkedSource("_ __ _a1").tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .word, .word])
    }

    // MARK: Strings

    @Test func everyEscapeIsDecoded() throws {
        let source = MarkedSource(#"name ⟨"q\" b\\ n\n t\t e\u{1F600} a\u{41} max\u{10FFFF}"⟩"#)
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .string])
        #expect(tokens[1].span == source.span)
        #expect(tokens[1].stringValue == "q\" b\\ n\n t\t e\u{1F600} aA max\u{10FFFF}")
    }

    @Test func rawMultiByteTextAndTabsAreKept() throws {
        let (tokens, diagnostics) = MarkedSource("name \"Café\t😀 €\"").tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .string])
        #expect(tokens[1].stringValue == "Café\t😀 €")
    }

    @Test func anEmptyStringIsAString() throws {
        let (tokens, diagnostics) = MarkedSource(#"name """#).tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .string])
        #expect(tokens[1].stringValue == "")
    }

    /// A bad escape is reported over exactly the escape; the string goes on and closes normally.
    @Test(arguments: [
        #"⟨\q⟩"#, #"⟨\'⟩"#, #"⟨\u{}⟩"#, #"⟨\u{1234567}⟩"#, #"⟨\u{D800}⟩"#, #"⟨\u{110000}⟩"#,
        #"⟨\u⟩41"#, #"⟨\u{12⟩ more"#, #"⟨\u{⟩zz}"#, #"⟨\é⟩"#, #"⟨\😀⟩"#,
    ])
    func badEscapes(_ escape: String) throws {
        let source = MarkedSource("name \"a\(escape)b\" next")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.invalidEscape])
        #expect(diagnostics.first?.location.span == source.span)
        try #require(tokens.kinds == [.word, .string, .word])
        #expect(tokens[1].stringValue?.hasPrefix("a") == true)
        #expect(tokens[1].stringValue?.hasSuffix("b") == true)
    }

    @Test func aBadEscapeOfAControlCharacterNamesItByCodePoint() {
        let source = MarkedSource("name \"⟨\\\u{1}⟩\"")
        let (_, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.invalidEscape])
        #expect(diagnostics.first?.location.span == source.span)
        #expect(diagnostics.first?.message == "invalid escape sequence `\\U+0001`")
    }

    @Test func severalBadEscapesInOneStringAreAllReported() throws {
        let source = MarkedSource(#"name "⟨\q⟩ ok\n ⟨\x⟩ ⟨\u{FFFFFF}⟩""#)
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.invalidEscape, .invalidEscape, .invalidEscape])
        #expect(diagnostics.spans == source.spans)
        try #require(tokens.kinds == [.word, .string])
    }

    /// An unterminated string ends at the line end, which is left for the next token; the next line lexes.
    @Test func anUnterminatedStringStopsAtTheRawNewline() throws {
        let source = MarkedSource("name ⟨\"Pro plan⟩\nhidden\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unterminatedString])
        #expect(diagnostics.first?.location.span == source.span)
        try #require(tokens.kinds == [.word, .string, .newline, .word, .newline])
        #expect(tokens[1].stringValue == "Pro plan")
    }

    @Test func anUnterminatedStringBeforeACRLFExcludesTheCarriageReturn() throws {
        let source = MarkedSource("name ⟨\"Pro⟩\r\nhidden")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unterminatedString])
        #expect(diagnostics.first?.location.span == source.span)
        try #require(tokens.kinds == [.word, .string, .newline, .word])
    }

    @Test func anUnterminatedStringAtTheEndOfTheFile() throws {
        let source = MarkedSource("name ⟨\"Pro⟩")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unterminatedString])
        #expect(diagnostics.first?.location.span == source.span)
        try #require(tokens.kinds == [.word, .string])
    }

    @Test func aBackslashAtTheEndOfALineIsABadEscapeAndTheStringIsUnterminated() throws {
        let source = MarkedSource("name ⟨\"Pro ⟨\\⟩⟩\nhidden")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.invalidEscape, .unterminatedString])
        #expect(diagnostics.spans == [source.spans[1], source.spans[0]])
        try #require(tokens.kinds == [.word, .string, .newline, .word])
    }

    @Test func aQuotedQuoteDoesNotCloseTheString() throws {
        let source = MarkedSource(#"name ⟨"say \"hi\""⟩ x"#)
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .string, .word])
        #expect(tokens[1].span == source.span)
        #expect(tokens[1].stringValue == #"say "hi""#)
    }

    @Test func controlCharactersInAStringAreReportedOneByOne() throws {
        let source = MarkedSource("name \"a⟨\u{1}⟩b⟨\r⟩c⟨\u{7F}⟩\" x")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter, .unexpectedCharacter, .unexpectedCharacter])
        #expect(diagnostics.spans == source.spans)
        try #require(tokens.kinds == [.word, .string, .word])
        #expect(tokens[1].stringValue == "abc")
    }

    // MARK: Punctuation, references and comments

    @Test func punctuation() throws {
        let (tokens, diagnostics) = MarkedSource("a { b; c.d }").tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .leftBrace, .word, .semicolon, .word, .dot, .word, .rightBrace])
    }

    @Test func aReferenceIsWordDotWordWithNoSpaces() throws {
        let source = MarkedSource("applies-to ⟨price_pro_monthly⟩⟨.⟩⟨comp_usage_api⟩")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .word, .dot, .word])
        #expect(Array(tokens[1...3].map(\.span)) == source.spans)
    }

    @Test func aCommentRunsToTheEndOfTheLineWithoutTheLineEnd() throws {
        let source = MarkedSource("plan pro ⟨# the paid plan { \"not a string⟩\r\n⟨# é 😀⟩\n⟨#⟩")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .word, .comment, .newline, .comment, .newline, .comment])
        #expect(tokens.filter { $0.kind == .comment }.map(\.span) == source.spans)
    }

    @Test func aNulByteInACommentIsReported() throws {
        let source = MarkedSource("# a ⟨\u{0}⟩ b\nplan")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter])
        #expect(diagnostics.spans == source.spans)
        try #require(tokens.kinds == [.comment, .newline, .word])
    }

    // MARK: Line ends and byte order marks

    @Test func crlfIsOneNewlineToken() throws {
        let source = MarkedSource("a⟨\r\n⟩b⟨\n⟩")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .newline, .word, .newline])
        #expect(tokens.filter { $0.kind == .newline }.map(\.span) == source.spans)
    }

    @Test func aLoneCarriageReturnIsAStrayCharacter() throws {
        let source = MarkedSource("a⟨\r⟩b")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter])
        #expect(diagnostics.first?.message == "unexpected character U+000D")
        #expect(diagnostics.spans == source.spans)
        try #require(tokens.kinds == [.word, .word])
    }

    @Test func aLeadingByteOrderMarkIsIgnored() throws {
        let file = SourceFile.bytes([0xEF, 0xBB, 0xBF] + Array("plan pro".utf8))
        let (tokens, diagnostics) = Lexer.tokenize(file)
        #expect(diagnostics.isEmpty)
        try #require(tokens.kinds == [.word, .word])
        #expect(tokens[0].span == Span(start: 3, end: 7))
    }

    @Test func aByteOrderMarkElsewhereIsAStrayCharacter() {
        let source = MarkedSource("plan ⟨\u{FEFF}⟩pro")
        let (_, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first?.message == "unexpected character U+FEFF")
    }

    @Test func aFileOfOnlyAByteOrderMarkIsEmpty() throws {
        let (tokens, diagnostics) = Lexer.tokenize(.bytes([0xEF, 0xBB, 0xBF]))
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.endOfFile])
        #expect(tokens[0].span == .point(3))
    }

    // MARK: Stray characters and invalid UTF-8

    @Test(arguments: ["@", "=", ":", "'", "/", "(", "€", "😀", "“", "\u{0}", "\u{7}", "\u{A0}", "\u{301}"])
    func strayCharactersAreReportedOverTheirWholeScalar(_ character: String) throws {
        let source = MarkedSource("plan ⟨\(character)⟩pro\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter])
        #expect(diagnostics.first?.location.span == source.span)
        #expect(diagnostics.first?.location.span.length == character.utf8.count)
        try #require(tokens.kinds == [.word, .word, .newline])
    }

    // MARK: Words with letters outside ASCII (issue 14)

    @Test(arguments: [("plan_pró", "plan_pro"), ("épro", "epro"), ("plan_ñó_x", "plan_no_x"), ("日本", nil)])
    func aWordWithLettersOutsideASCIIIsOneProblemOverTheWholeWord(_ word: String, _ ascii: String?) throws {
        let source = MarkedSource("plan ⟨\(word)⟩ {\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.nonASCIIWord])
        #expect(diagnostics.spans == source.spans)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.message.hasPrefix("`\(word)` is not an ASCII word"))
        #expect(diagnostic.help?.contains("ASCII letters, digits, `_` and `-`") == true)
        #expect(diagnostic.fixes.first?.edits.first?.replacement == ascii)
        try #require(tokens.kinds == [.word, .word, .leftBrace, .newline])
        #expect(tokens[1].text(in: source.file) == word)
    }

    // MARK: Common slips (issue 14)

    @Test(arguments: ["$", "€", "£"])
    func aCurrencySymbolBeforeAnAmountSaysToDropIt(_ symbol: String) throws {
        let source = MarkedSource("fixed ⟨\(symbol)⟩290\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first?.help?.contains("without a currency symbol") == true)
        let edit = try #require(diagnostics.first?.fixes.first?.edits.first)
        #expect(edit.location.span == source.span)
        #expect(edit.replacement == "")
        try #require(tokens.kinds == [.word, .number, .newline])
    }

    @Test func aPercentSignSaysPercentagesAreNotModelled() throws {
        let source = MarkedSource("amount 20⟨%⟩\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unexpectedCharacter])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first?.help?.contains("percentages are not modelled") == true)
        #expect(diagnostics.first?.help?.contains("Docs/Language.md#what-plancat-does-not-model") == true)
        try #require(tokens.kinds == [.word, .number, .newline])
    }

    @Test(arguments: [("1.5k", "1_500"), ("1,000", "1_000"), ("12,500,000", "12_500_000"), ("2.25M", "2_250_000")])
    func aShorthandOrCommaGroupedNumberIsOneMalformedNumberThatSaysWhatToWrite(_ text: String, _ written: String) throws {
        let source = MarkedSource("amount ⟨\(text)⟩\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.malformedNumber])
        #expect(diagnostics.spans == source.spans)
        #expect(diagnostics.first?.help?.contains("`\(written)`") == true)
        #expect(diagnostics.first?.fixes.first?.edits.first?.replacement == written)
        try #require(tokens.kinds == [.word, .number, .newline])
    }

    @Test func numberShorthandsExpand() {
        #expect(NumberShorthand.expansion(of: "10k") == "10_000")
        #expect(NumberShorthand.expansion(of: "10K") == "10_000")
        #expect(NumberShorthand.expansion(of: "1.5k") == "1_500")
        #expect(NumberShorthand.expansion(of: "2M") == "2_000_000")
        #expect(NumberShorthand.expansion(of: "3bn") == "3_000_000_000")
        #expect(NumberShorthand.expansion(of: "0.5k") == "500")
        #expect(NumberShorthand.expansion(of: "1.2345k") == nil)
        #expect(NumberShorthand.expansion(of: "k") == nil)
        #expect(NumberShorthand.expansion(of: "1.k") == nil)
        #expect(NumberShorthand.expansion(of: "month") == nil)
    }

    @Test func invisibleStrayCharactersAreNamedByCodePoint() {
        let (_, diagnostics) = MarkedSource("a \u{0} \u{A0} \u{200B} @").tokens()
        #expect(diagnostics.map(\.message) == [
            "unexpected character U+0000", "unexpected character U+00A0", "unexpected character U+200B",
            "unexpected character `@`",
        ])
    }

    @Test func strayCharactersGetAHelpWhereOneIsKnown() {
        let (_, diagnostics) = MarkedSource("name 'Pro'\nname = 1\n// c\nname “Pro”").tokens()
        let helps = diagnostics.map { $0.help ?? "" }
        #expect(helps.filter { $0.contains("double quotes") }.count == 4)
        #expect(helps.contains { $0.contains("after a space") })
        #expect(helps.filter { $0.contains("comments start with `#`") }.count == 2)
    }

    @Test func invalidUTF8IsReportedWithItsByteOffset() throws {
        let bytes = Array("plan ".utf8) + [0xFF] + Array(" pro".utf8)
        let (tokens, diagnostics) = Lexer.tokenize(.bytes(bytes))
        #expect(diagnostics.codes == [.invalidUTF8])
        #expect(diagnostics.first?.location.span == Span(start: 5, end: 6))
        #expect(diagnostics.first?.message == "invalid UTF-8 byte 0xFF at byte offset 5")
        try #require(tokens.kinds == [.word, .word])
    }

    /// Overlong forms, surrogates, values above U+10FFFF, lone continuation bytes and truncated sequences.
    @Test(arguments: [
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x80, 0x80, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF, 0xBF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        [0xFE], [0xFF, 0xFE],
    ] as [[UInt8]])
    func everyKindOfInvalidUTF8IsOneDiagnosticOverItsRun(_ invalid: [UInt8]) {
        for (prefix, suffix) in [("plan ", " pro"), ("name \"a", "b\" x"), ("# c ", " d\nx")] {
            let bytes = Array(prefix.utf8) + invalid + Array(suffix.utf8)
            let (tokens, diagnostics) = Lexer.tokenize(.bytes(bytes))
            #expect(diagnostics.codes == [.invalidUTF8], "in \(prefix)…\(suffix)")
            #expect(diagnostics.first?.location.span == Span(start: prefix.utf8.count,
                                                             end: prefix.utf8.count + invalid.count))
            #expect(diagnostics.first?.message.hasSuffix("at byte offset \(prefix.utf8.count)") == true)
            #expect(tokens.last?.kind == .endOfFile)
            #expect(tokens.dropLast().last?.kind == .word, "lexing resumes after the invalid bytes")
        }
    }

    @Test func validSequencesAroundInvalidBytesAreKept() throws {
        let bytes = Array("name \"é".utf8) + [0xFF] + Array("😀\"".utf8)
        let (tokens, diagnostics) = Lexer.tokenize(.bytes(bytes))
        #expect(diagnostics.codes == [.invalidUTF8])
        #expect(diagnostics.first?.location.span == Span(start: 8, end: 9))
        try #require(tokens.kinds == [.word, .string])
        #expect(tokens[1].stringValue == "é😀")
    }

    @Test func aLongRunOfInvalidBytesIsShownShortened() {
        let bytes = Array("a ".utf8) + [UInt8](repeating: 0xFF, count: 1000)
        let (_, diagnostics) = Lexer.tokenize(.bytes(bytes))
        #expect(diagnostics.codes == [.invalidUTF8])
        #expect(diagnostics.first?.message == "invalid UTF-8 bytes 0xFF 0xFF 0xFF 0xFF … at byte offset 2")
        #expect(diagnostics.first?.location.span == Span(start: 2, end: 1002))
    }

    // MARK: The whole token stream

    @Test func theLastTokenIsAlwaysTheEndOfFile() {
        for text in ["", " ", "\n", "a", "\"", "#", "{", "-", "1.", "\\"] {
            let file = SourceFile(path: "t", text: text)
            let (tokens, _) = Lexer.tokenize(file)
            #expect(tokens.last?.kind == .endOfFile)
            #expect(tokens.last?.span == .point(file.bytes.count))
            #expect(tokens.dropLast().allSatisfy { $0.kind != .endOfFile })
        }
    }

    @Test func tokensAreInOrderAndDoNotOverlap() {
        let source = MarkedSource("plan pro { name \"Pro\" # c\r\n  price p { component c { fixed 29.00 }; x -1 }\n}\n")
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
        for (before, after) in zip(tokens, tokens.dropFirst()) {
            #expect(before.span.end <= after.span.start)
        }
    }

    @Test func severalProblemsInOneFileAreAllReported() {
        let source = MarkedSource("""
            name ⟨"unterminated⟩
            amount ⟨1__0⟩
            price ⟨@⟩ p
            name "⟨\\q⟩"
            x ⟨"again⟩
            """)
        let (tokens, diagnostics) = source.tokens()
        #expect(diagnostics.codes == [.unterminatedString, .malformedNumber, .unexpectedCharacter,
                                      .invalidEscape, .unterminatedString])
        #expect(diagnostics.spans == source.spans)
        #expect(tokens.filter { $0.kind == .word }.count == 6)
    }

    // MARK: Lines and columns

    @Test func linesAndColumnsAreOneBasedAndCountScalars() {
        let source = MarkedSource("plan é😀 { ⟨name⟩ \"Café\" ⟨x⟩\n  ⟨hidden⟩\n")
        let file = source.file
        #expect(file.location(of: 0) == LineColumn(line: 1, column: 1))
        #expect(file.location(of: source.spans[0].start) == LineColumn(line: 1, column: 11))
        #expect(file.location(of: source.spans[1].start) == LineColumn(line: 1, column: 23))
        #expect(file.location(of: source.spans[2].start) == LineColumn(line: 2, column: 3))
        // The end of the file is a position too: after the last newline, on a line of its own.
        #expect(file.location(of: file.bytes.count) == LineColumn(line: 3, column: 1))
    }

    @Test func crlfLinesHaveTheRightColumns() {
        let source = MarkedSource("plan a {\r\n  ⟨name⟩ \"x\"\r\n\r\n⟨}⟩\r\n")
        #expect(source.file.location(of: source.spans[0].start) == LineColumn(line: 2, column: 3))
        #expect(source.file.location(of: source.spans[1].start) == LineColumn(line: 4, column: 1))
        let (_, diagnostics) = source.tokens()
        #expect(diagnostics.isEmpty)
    }

    @Test func aDiagnosticAfterMultiByteTextIsAtTheRightColumn() {
        let source = MarkedSource("name \"日本語\" ⟨@⟩")
        let (_, diagnostics) = source.tokens()
        #expect(diagnostics.first.map { source.start(of: $0.location) } == LineColumn(line: 1, column: 12))
    }

    /// The byte order mark is ignored, so it does not count as a column either.
    @Test func aByteOrderMarkDoesNotCountAsAColumn() {
        let file = SourceFile.bytes([0xEF, 0xBB, 0xBF] + Array("plan @".utf8))
        let (_, diagnostics) = Lexer.tokenize(file)
        #expect(diagnostics.first?.location.span == Span(start: 8, end: 9))
        #expect(diagnostics.first.map { FileTable(file).start(of: $0.location) } == LineColumn(line: 1, column: 6))
    }
}
