import Foundation
import Testing
@testable import PlanCatalog

/// The pieces that put text from the input into a message, one by one: a catalog.json key in a JSON
/// path, and the GitHub and JSON diagnostic renderers with a file name or message that holds control
/// characters and bidirectional overrides. `QuotedInputMessageTests` drives the same cases through the
/// command line.
@Suite struct QuotedInputRenderingTests {
    /// ESC, a C1 CSI, the right-to-left override and mark, an isolate, the Arabic letter mark, a zero-width
    /// joiner and the line separator: each can drive a terminal or make a line read other than it is.
    static let unsafe: [Unicode.Scalar] = ["\u{1B}", "\u{9B}", "\u{202E}", "\u{200F}", "\u{2067}", "\u{61C}",
                                           "\u{200D}", "\u{2028}"]
    static let hostile = "a" + String(String.UnicodeScalarView(unsafe)) + "b"

    // MARK: JSON paths

    @Test func aLongKeyInAPathIsCut() {
        let plain = "k" + String(repeating: "x", count: 999_999)
        let path = JSONTapeView.memberPath(plain)
        let isShort = path.count < 80
        #expect(isShort, "\(path.prefix(200))")
        #expect(path.hasPrefix("[\"kxxx") && path.hasSuffix("…\"]"), "\(path.prefix(200))")
        // A short plain key is still a member access.
        #expect(JSONTapeView.memberPath("planName") == ".planName")
    }

    @Test func aKeyWithUnsafeCharactersInAPathIsEscaped() {
        let path = JSONTapeView.memberPath(Self.hostile + "\n")
        #expect(path == #"["a\u001b\u009b\u202e\u200f\u2067\u061c\u200d\u2028b\n"]"#)
    }

    @Test func aPathThroughAHostileKeyIsShortAndEscaped() throws {
        let key = "k" + String(repeating: "\u{301}", count: 100_000) + "\u{202E}"
        let text = "{\"a\": {\"\(key)\": [1, 2]}}"
        let tape = try JSONParser.tape(of: Array(text.utf8))
        let path = tape.withView { $0.path(to: 6) }
        let isShort = path.unicodeScalars.count < 300
        #expect(isShort, "\(path.prefix(200))")
        // Compared as bytes: `k` and its marks are one character, which a prefix of fewer marks is not.
        let hasStartAndEnd = path.utf8.starts(with: "$.a[\"k\u{301}".utf8) && path.hasSuffix("…\"][1]")
        #expect(hasStartAndEnd, "\(path.prefix(200))")
        #expect(!path.unicodeScalars.contains("\u{202E}"))
    }

    // MARK: GitHub

    @Test func githubNeutralisesUnsafeCharactersInFileMessageAndNotes() {
        let file = SourceFile(path: "dir/\(Self.hostile).plancat", text: "x\n")
        let location = PlanCatalog.SourceLocation(file: .first, span: Span(start: 0, end: 1))
        let diagnostic = Diagnostic(.unknownPlan, "unknown plan `\(Self.hostile)`\nsecond line", at: location,
                                    notes: [Diagnostic.Note("defined \(Self.hostile)", at: location)],
                                    help: "help \(Self.hostile)")
        let output = GitHubDiagnosticRenderer().render([diagnostic], in: FileTable(file))
        let replaced = "a" + String(repeating: "\u{FFFD}", count: Self.unsafe.count) + "b"
        #expect(output == "::error file=dir/\(replaced).plancat,line=1,col=1,endLine=1,endColumn=2,title=E0403::"
            + "unknown plan `\(replaced)`%0Asecond line%0Anote: defined \(replaced) (dir/\(replaced).plancat:1:1)"
            + "%0Ahelp: help \(replaced)\n")
    }

    @Test func githubNeutralisesControlCharactersOfAFileNameThatAreEscapesOfAMessage() {
        // In a message a line break is the annotation's (percent-encoded); in a file name it is no line
        // break of anything, and is shown as in text diagnostics.
        let file = SourceFile(path: "a\nb\rc\td.plancat", text: "x\n")
        let location = PlanCatalog.SourceLocation(file: .first, span: Span(start: 0, end: 1))
        let output = GitHubDiagnosticRenderer().render([Diagnostic(.unknownPlan, "m", at: location)], in: FileTable(file))
        #expect(output.hasPrefix("::error file=a\u{FFFD}b\u{FFFD}c\u{FFFD}d.plancat,line=1,"))
    }

    // MARK: JSON

    @Test func jsonDiagnosticsEscapeUnsafeCharactersAndKeepTheText() throws {
        let file = SourceFile(path: "dir/\(Self.hostile).plancat", text: "x\n")
        let location = PlanCatalog.SourceLocation(file: .first, span: Span(start: 0, end: 1))
        let message = "unknown plan `\(Self.hostile)`"
        let diagnostic = Diagnostic(.unknownPlan, message, at: location,
                                    notes: [Diagnostic.Note("note \(Self.hostile)", at: location)],
                                    help: "help \(Self.hostile)",
                                    fixes: [Diagnostic.FixIt("fix \(Self.hostile)",
                                                             edits: [Diagnostic.Edit(location, replacement: Self.hostile)])])
        let output = JSONDiagnosticRenderer().render([diagnostic], in: FileTable(file))
        #expect(!output.unicodeScalars.contains(where: Self.unsafe.contains), "\(output)")
        let escaped = #"a\u001b\u009b\u202e\u200f\u2067\u061c\u200d\u2028b"#
        #expect(output.contains(#""file": "dir/\#(escaped).plancat""#), "\(output)")
        #expect(output.contains(#""replacement": "\#(escaped)""#), "\(output)")
        // The same strings, read back.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]).first
        #expect(object?["file"] as? String == file.path)
        #expect(object?["message"] as? String == message)
        #expect(object?["help"] as? String == "help \(Self.hostile)")
        let note = (object?["notes"] as? [[String: Any]])?.first
        #expect(note?["message"] as? String == "note \(Self.hostile)")
        #expect(note?["file"] as? String == file.path)
        let fix = (object?["fixes"] as? [[String: Any]])?.first
        #expect(fix?["message"] as? String == "fix \(Self.hostile)")
        #expect(((fix?["edits"] as? [[String: Any]])?.first?["replacement"]) as? String == Self.hostile)
    }
}
