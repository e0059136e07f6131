import PlanCatalog
import Testing
@testable import PlanCatalogLanguageServer

/// `textDocument/formatting`: the same canonical layout as `plancat fmt`, as one edit of the whole
/// document, in the negotiated position encoding.
@Suite struct FormattingTests {
    private static func formatting(_ id: Int, _ uri: String) -> [UInt8] {
        Client.request(id, "textDocument/formatting", .object([
            .init("textDocument", .object([.init("uri", .string(uri))])),
            .init("options", .object([.init("tabSize", 4), .init("insertSpaces", true)])),
        ]))
    }

    @Test func declaresIt() {
        let run = ServerRun(Client.start() + Client.stop)
        #expect(run.response(1)?["result"]?["capabilities"]?["documentFormattingProvider"] == .bool(true))
    }

    @Test func anUnformattedDocumentIsReplacedByWhatFmtPrints() throws {
        // The last line holds an emoji, so the end of the range counts UTF-16 units (2 for 😀).
        let text = "catalog \"Acme\"\n\nmetric api-calls {\nname \"API calls\"\n}\n# 😀"
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:a.plancat", text),
                                              Self.formatting(2, "untitled:a.plancat")] + Client.stop)
        let edits = try #require(run.response(2)?["result"])
        guard case .array(let list) = edits else { Issue.record("no edit list: \(edits)"); return }
        #expect(list.count == 1)
        #expect(list.first?["newText"] == .string(try #require(Formatter.format(text))))
        #expect(list.first?["range"]?["start"]?["line"]?.int == 0)
        #expect(list.first?["range"]?["end"]?["line"]?.int == 5)
        #expect(list.first?["range"]?["end"]?["character"]?.int == 4, "`# ` and 😀's two UTF-16 units")
        #expect(Formatter.format(text) != text)
    }

    @Test func aCanonicalDocumentGetsNoEdits() throws {
        let text = try #require(Formatter.format("catalog \"Acme\"\nmetric api-calls { name \"API calls\" }\n"))
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:a.plancat", text),
                                              Self.formatting(2, "untitled:a.plancat")] + Client.stop)
        #expect(run.response(2)?["result"] == .array([]))
    }

    @Test func aDocumentWithSyntaxErrorsOrNotOpenGetsNoEdits() {
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:a.plancat", "plan p {\n  name \"x\n"),
                                              Self.formatting(2, "untitled:a.plancat"),
                                              Self.formatting(3, "untitled:never-opened.plancat"),
                                              Client.request(4, "textDocument/formatting", .object([]))]
                            + Client.stop)
        #expect(run.response(2)?["result"] == .array([]))
        #expect(run.response(3)?["result"] == .array([]))
        #expect(run.errorCode(4) == ResponseError.invalidParamsCode)
        #expect(run.status == 0)
    }
}
