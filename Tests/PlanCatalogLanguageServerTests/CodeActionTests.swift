import Foundation
import PlanCatalog
import Testing
import PlanCatalogTestSupport
@testable import PlanCatalogLanguageServer

/// `textDocument/codeAction`: a quick fix for every fix-it of a diagnostic in the range, and
/// `source.fixAll` applying a document's fix-its as `plancat check --fix` does.
@Suite struct CodeActionTests {
    /// Two problems with one fix each: `usd` (upper case) and `api-cals` (did you mean `api-calls`),
    /// the second after an emoji and a CJK name on its line.
    static let text = """
        currency usd
        metric api-calls { name "API" }
        plan p {
          name "P"
          price m { interval month; component c { label "漢字 😀"; usage api-cals; unit-price 1 } }
        }

        """
    static let fixed = text.replacingOccurrences(of: "usd", with: "USD").replacingOccurrences(of: "api-cals", with: "api-calls")

    static func codeAction(_ id: Int, _ uri: String, lines: ClosedRange<Int>, only: [String]? = nil) -> [UInt8] {
        var context: [JSONValue.Member] = [.init("diagnostics", .array([]))]
        if let only { context.append(.init("only", .strings(only))) }
        return Client.request(id, "textDocument/codeAction", .object([
            .init("textDocument", .object([.init("uri", .string(uri))])),
            .init("range", .object([
                .init("start", .object([.init("line", .number(lines.lowerBound)), .init("character", 0)])),
                .init("end", .object([.init("line", .number(lines.upperBound)), .init("character", 200)])),
            ])),
            .init("context", .object(context)),
        ]))
    }

    static func actions(_ result: JSONValue?) -> [JSONValue] {
        guard case .array(let actions)? = result else { return [] }
        return actions
    }

    /// The TextEdits of an action for `uri`.
    static func edits(_ action: JSONValue?, _ uri: String) -> [JSONValue] {
        guard case .array(let edits)? = action?["edit"]?["changes"]?[uri] else { return [] }
        return edits
    }

    /// `text` with LSP TextEdits applied, their positions in UTF-16 (LF or CRLF line ends).
    static func apply(_ edits: [JSONValue], to text: String) -> String {
        var units = Array(text.utf16)
        var lineStarts = [0]
        for (index, unit) in units.enumerated() where unit == 10 { lineStarts.append(index + 1) }
        func offset(_ position: JSONValue?) -> Int {
            (lineStarts[position?["line"]?.int ?? 0]) + (position?["character"]?.int ?? 0)
        }
        let ranges = edits.map { edit -> (Range<Int>, [UInt16]) in
            guard case .string(let newText)? = edit["newText"] else { return (0..<0, []) }
            return (offset(edit["range"]?["start"])..<offset(edit["range"]?["end"]), Array(newText.utf16))
        }
        for (range, replacement) in ranges.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            units.replaceSubrange(range, with: replacement)
        }
        return String(decoding: units, as: UTF16.self)
    }

    @Test func declaresItsKinds() {
        let run = ServerRun(Client.start() + Client.stop)
        let provider = run.response(1)?["result"]?["capabilities"]?["codeActionProvider"]
        #expect(provider?["codeActionKinds"] == .strings(["quickfix", "source.fixAll"]))
    }

    @Test func aQuickFixForTheDiagnosticInTheRange() throws {
        let uri = "untitled:fix.plancat"
        let run = ServerRun(Client.start() + [Client.didOpen(uri, Self.text),
                                              Self.codeAction(2, uri, lines: 0...0, only: ["quickfix"])] + Client.stop)
        let actions = Self.actions(run.response(2)?["result"])
        try #require(actions.count == 1)
        let action = actions[0]
        #expect(action["title"] == "replace with `USD`")
        #expect(action["kind"] == "quickfix")
        #expect(action["isPreferred"] == .bool(true))
        // The diagnostic it fixes, as it was published.
        let published = try #require(run.published(uri).last)
        let usd = try #require(published.first { $0["range"]?["start"]?["line"]?.int == 0 })
        #expect(action["diagnostics"] == .array([usd]))
        #expect(Self.edits(action, uri) == [.object([
            .init("range", .object([.init("start", .object([.init("line", 0), .init("character", 9)])),
                                    .init("end", .object([.init("line", 0), .init("character", 12)]))])),
            .init("newText", "USD"),
        ])])
    }

    @Test(arguments: ["utf-16", "utf-8"])
    func aQuickFixAfterAnEmojiAndACJKNameIsInTheNegotiatedEncoding(_ encoding: String) throws {
        let uri = "untitled:fix.plancat"
        let run = ServerRun(Client.start(encodings: [encoding]) + [
            Client.didOpen(uri, Self.text), Self.codeAction(2, uri, lines: 4...4),
        ] + Client.stop)
        let quickFixes = Self.actions(run.response(2)?["result"]).filter { $0["kind"] == "quickfix" }
        try #require(quickFixes.count == 1)
        let line = String(Self.text.split(separator: "\n")[4])
        let prefix = String(line[..<line.range(of: "api-cals")!.lowerBound])
        let start = encoding == "utf-8" ? prefix.utf8.count : prefix.utf16.count
        let edit = try #require(Self.edits(quickFixes[0], uri).first)
        #expect(edit["range"]?["start"]?["line"]?.int == 4)
        #expect(edit["range"]?["start"]?["character"]?.int == start)
        #expect(edit["range"]?["end"]?["character"]?.int == start + 8)
        #expect(edit["newText"] == "api-calls")
    }

    @Test func fixAllAppliesEveryFixOfTheDocumentAsCheckFixDoes() throws {
        let uri = "untitled:fix.plancat"
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let run = ServerRun(Client.start() + [
            Client.didOpen(uri, Self.text), Self.codeAction(2, uri, lines: 0...0, only: ["source.fixAll"]),
            Client.didOpen("untitled:crlf.plancat", crlf),
            Self.codeAction(3, "untitled:crlf.plancat", lines: 0...0, only: ["source"]),
        ] + Client.stop)
        let actions = Self.actions(run.response(2)?["result"])
        try #require(actions.count == 1)
        #expect(actions[0]["kind"] == "source.fixAll")
        #expect(actions[0]["title"] == "Fix all 2 problems")
        let edits = Self.edits(actions[0], uri)
        #expect(edits.count == 2)
        #expect(Self.apply(edits, to: Self.text) == Self.fixed)
        // The same edits as the CLI's `--fix`, which the library's FixPlan makes.
        let file = SourceFile(path: uri, text: Self.text)
        let check = CatalogCompiler.check([file])
        #expect(FixPlan(check.diagnostics, in: check.files).changes.map { String(decoding: $0.bytes, as: UTF8.self) }
                == [Self.fixed])
        // A CRLF file gets the same ranges (`source` takes `source.fixAll`).
        let crlfActions = Self.actions(run.response(3)?["result"])
        try #require(crlfActions.count == 1)
        #expect(Self.edits(crlfActions[0], "untitled:crlf.plancat") == edits)
        #expect(Self.apply(edits, to: crlf) == Self.fixed.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test func onlyNarrowsTheKinds() {
        let uri = "untitled:fix.plancat"
        let run = ServerRun(Client.start() + [
            Client.didOpen(uri, Self.text),
            Self.codeAction(2, uri, lines: 0...5),
            Self.codeAction(3, uri, lines: 0...5, only: ["quickfix"]),
            Self.codeAction(4, uri, lines: 0...5, only: ["refactor"]),
            Self.codeAction(5, uri, lines: 1...3),
        ] + Client.stop)
        func kinds(_ id: Int) -> [JSONValue?] { Self.actions(run.response(id)?["result"]).map { $0["kind"] } }
        #expect(kinds(2) == ["quickfix", "quickfix", "source.fixAll"])
        #expect(kinds(3) == ["quickfix", "quickfix"])
        #expect(kinds(4).isEmpty)
        // No diagnostic on lines 1 to 3: only the document's fix-all.
        #expect(kinds(5) == ["source.fixAll"])
    }

    @Test func aFileOfACatalogDirectoryIsFixedUnderItsOwnURIAndOnlyItsOwnProblems() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("catalog.plancat", Array("catalog \"Teamspace\"\ncurrency USD\n".utf8))
        try directory.write("metrics.plancat", Array("metric api-calls { name \"API\"; aggregate summ }\n".utf8))
        let plans = "plan p {\n  name \"P\"\n  price m { interval month; component c { usage api-cals; unit-price 1 } }\n}\n"
        try directory.write("plans.plancat", Array(plans.utf8))
        let uri = directory.uri("plans.plancat")
        let run = ServerRun(Client.start() + [Client.didOpen(uri, plans), Self.codeAction(2, uri, lines: 0...3)]
                            + Client.stop)
        let actions = Self.actions(run.response(2)?["result"])
        #expect(actions.map { $0["kind"] } == ["quickfix", "source.fixAll"])
        for action in actions {
            guard case .object(let changes)? = action["edit"]?["changes"] else {
                Issue.record("no changes in \(action)")
                continue
            }
            // metrics.plancat's own fix (`summ` → `sum`) is not this document's.
            #expect(changes.map(\.key) == [uri])
            #expect(Self.apply(Self.edits(action, uri), to: plans) == plans.replacingOccurrences(of: "api-cals", with: "api-calls"))
        }
    }

    @Test func aCleanBrokenOrUnopenedDocumentNeverFails() {
        let run = ServerRun(Client.start() + [
            Client.didOpen("untitled:clean.plancat", "metric m { name \"M\" }\n"),
            Client.didOpen("untitled:broken.plancat", "plan p {\n  price \"x\n"),
            Self.codeAction(2, "untitled:clean.plancat", lines: 0...0),
            Self.codeAction(3, "untitled:broken.plancat", lines: 0...40),
            Self.codeAction(4, "untitled:never-opened.plancat", lines: 0...0),
            Client.request(5, "textDocument/codeAction", .object([
                .init("textDocument", .object([.init("uri", "untitled:clean.plancat")])),
            ])),
        ] + Client.stop)
        #expect(run.response(2)?["result"] == .array([]))
        #expect(run.response(3)?["result"] != nil)
        #expect(run.response(4)?["result"] == .array([]))
        #expect(run.errorCode(5) == ResponseError.invalidParamsCode)
        #expect(run.status == 0)
    }
}
