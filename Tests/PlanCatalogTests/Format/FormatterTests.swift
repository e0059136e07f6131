import Testing
@testable import PlanCatalog

/// Small layout cases of the canonical formatter that fixture files cannot hold reliably (line ends,
/// byte order marks) or that are clearest inline.
@Suite struct FormatterTests {
    private func format(_ text: String) -> String? { Formatter.format(text, path: "inline.plancat") }

    @Test func crlfLineEndsBecomeLF() {
        #expect(format("catalog \"A\"\r\nplan p {\r\n  name \"P\" # note  \r\n}\r\n")
            == "catalog \"A\"\n\nplan p {\n  name \"P\" # note\n}\n")
    }

    @Test func aByteOrderMarkIsDropped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("currency USD\n".utf8)
        let result = Formatter.format(SourceFile(path: "bom.plancat", bytes: bytes))
        #expect(result.formatted == Array("currency USD\n".utf8))
        #expect(result.isChanged)
    }

    @Test func exactlyOneTrailingNewline() {
        #expect(format("currency USD") == "currency USD\n")
        #expect(format("currency USD\n\n\n") == "currency USD\n")
        #expect(format("\n\n# only a comment") == "# only a comment\n")
    }

    @Test func anEmptyFileStaysEmpty() {
        #expect(format("") == "")
        #expect(format("\n \n\t\n") == "")
        #expect(Formatter.format(SourceFile(path: "empty.plancat", bytes: [])).isChanged == false)
    }

    @Test func aFormattedFileIsUnchanged() {
        let text = "catalog \"A\"\n\nplan p {\n  name \"P\"\n}\n"
        #expect(Formatter.format(SourceFile(path: "a.plancat", text: text)).isChanged == false)
    }

    @Test func commentsLoseTrailingSpacesAndStrayCarriageReturns() {
        #expect(format("# a \t\nplan p { name \"P\" } # b\r\r\n") == "# a\nplan p {\n  name \"P\"\n} # b\n")
    }

    @Test func aCarriageReturnInsideACommentIsKept() {
        #expect(format("# a\rb\ncurrency USD\n") == "# a\rb\ncurrency USD\n")
    }

    @Test func statementsAfterASemicolonKeepTheirTrailingComment() {
        #expect(format("catalog \"A\"; currency USD # the default\n") == "catalog \"A\"\ncurrency USD # the default\n")
    }

    @Test func topLevelBlocksAreSetApartAboveTheirComments() {
        #expect(format("metric a { name \"A\" }\n# about b\nmetric b { name \"B\" }\ncurrency USD\n")
            == "metric a {\n  name \"A\"\n}\n\n# about b\nmetric b {\n  name \"B\"\n}\n\ncurrency USD\n")
    }

    @Test func nestedBlocksKeepTheUsersSpacing() {
        #expect(format("plan p {\n  price a { interval month }\n  price b { interval year }\n}\n")
            == "plan p {\n  price a {\n    interval month\n  }\n  price b {\n    interval year\n  }\n}\n")
    }

    @Test func aBraceCommentOfAnOtherwiseEmptyBlockStaysOnTheBraceLine() {
        let text = "plan p { # nothing yet\n}\n"
        #expect(format(text) == text)
        #expect(format("plan p {\n\n}\n") == "plan p {}\n")
    }

    @Test func syntaxErrorsGiveNoText() {
        #expect(format("plan p {\n") == nil)
        #expect(format("plan p\n{\n}\n") == nil)
        #expect(format("currency \"USD\n") == nil)
    }
}
