import Foundation
import PlanCatalog
import Testing
import PlanCatalogTestSupport
@testable import PlanCatalogLanguageServer

/// `textDocument/completion`: items by context, each replacing the word being typed, with its range in
/// the negotiated encoding.
@Suite struct CompletionTests {
    static func completion(_ id: Int, _ uri: String, line: Int, character: Int) -> [UInt8] {
        Client.request(id, "textDocument/completion", .object([
            .init("textDocument", .object([.init("uri", .string(uri))])),
            .init("position", .object([.init("line", .number(line)), .init("character", .number(character))])),
        ]))
    }

    /// The items of a completion result, whether a list or an array.
    static func items(_ result: JSONValue?) -> [JSONValue] {
        if case .array(let items)? = result?["items"] { return items }
        if case .array(let items)? = result { return items }
        return []
    }

    static func labels(_ result: JSONValue?) -> [String] {
        items(result).compactMap { item in
            guard case .string(let label)? = item["label"] else { return nil }
            return label
        }
    }

    /// The `[line, start, end]` of an item's textEdit.
    static func editRange(_ item: JSONValue?) -> [Int?] {
        let range = item?["textEdit"]?["range"]
        return [range?["start"]?["line"]?.int, range?["start"]?["character"]?.int, range?["end"]?["character"]?.int]
    }

    @Test func declaresIt() {
        let run = ServerRun(Client.start() + Client.stop)
        let provider = run.response(1)?["result"]?["capabilities"]?["completionProvider"]
        #expect(provider?["triggerCharacters"] == .strings([" ", "."]))
    }

    @Test func theSeedCatalogOffersItsPlansAfterTrialOf() throws {
        let text = try String(contentsOf: PackageRoot.url(of: "catalogs/freemium-to-enterprise.plancat"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "  trial-of plan_pro" })
        let uri = "untitled:acme.plancat"
        let run = ServerRun(Client.start() + [Client.didOpen(uri, text),
                                              Self.completion(2, uri, line: line, character: 19),
                                              Self.completion(3, uri, line: line, character: 11)] + Client.stop)
        let items = Self.items(run.response(2)?["result"])
        // Every plan but the trial itself, each a Class with its name.
        #expect(Self.labels(run.response(2)?["result"]) == ["plan_free", "plan_pro", "plan_enterprise"])
        let pro = try #require(items.first { $0["label"] == "plan_pro" })
        #expect(pro["kind"]?.int == 7)
        #expect(pro["detail"] == "Pro")
        #expect(pro["textEdit"]?["newText"] == "plan_pro")
        #expect(Self.editRange(pro) == [line, 11, 19])
        // With the cursor before the word, the whole word is still the one replaced.
        #expect(Self.editRange(Self.items(run.response(3)?["result"]).first) == [line, 11, 19])
    }

    @Test(arguments: [("utf-16", 23), ("utf-8", 29)])
    func columnsAfterAnEmojiAndACJKNameAreInTheNegotiatedEncoding(_ encoding: String, _ wordStart: Int) {
        // `  label "😀 漢字"; usage ` is 23 UTF-16 units and 29 bytes.
        let text = "metric api { name \"API\" }\nplan p {\n  price m {\n    component c {\n"
            + "  label \"😀 漢字\"; usage ap\n    }\n  }\n}\n"
        let uri = "untitled:emoji.plancat"
        let run = ServerRun(Client.start(encodings: [encoding]) + [
            Client.didOpen(uri, text), Self.completion(2, uri, line: 4, character: wordStart + 2),
        ] + Client.stop)
        let items = Self.items(run.response(2)?["result"])
        #expect(Self.labels(run.response(2)?["result"]) == ["api"])
        #expect(items.first?["kind"]?.int == 23)
        #expect(Self.editRange(items.first) == [4, wordStart, wordStart + 2])
    }

    @Test func aCRLFFileCompletesAsItsLFTwin() {
        let lf = "plan p {\n  name \"P\"\n  price m {\n    interval \n  }\n}\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let run = ServerRun(Client.start() + [
            Client.didOpen("untitled:lf.plancat", lf), Client.didOpen("untitled:crlf.plancat", crlf),
            Self.completion(2, "untitled:lf.plancat", line: 3, character: 13),
            Self.completion(3, "untitled:crlf.plancat", line: 3, character: 13),
        ] + Client.stop)
        #expect(Self.labels(run.response(2)?["result"]) == ["day", "week", "month", "year"])
        #expect(run.response(2)?["result"] == run.response(3)?["result"])
        #expect(Self.editRange(Self.items(run.response(3)?["result"]).first) == [3, 13, 13])
    }

    @Test func aFileBeingTypedCompletesInTheBlockItsBracesLeaveOpen() {
        let uri = "untitled:typing.plancat"
        let complete = "feature sso { name \"SSO\"; type boolean }\nfeature seats { name \"Seats\"; type number }\n"
        let typing = complete + "plan p {\n  name \"P\"\n  features {\n    sso\n    s"
        let run = ServerRun(Client.start() + [
            Client.didOpen(uri, complete, version: 1), Client.didChange(uri, typing, version: 2),
            Self.completion(2, uri, line: 6, character: 5),
            Self.completion(3, uri, line: 5, character: 7),
        ] + Client.stop)
        // In the features block, the features not listed yet.
        #expect(Self.labels(run.response(2)?["result"]) == ["seats"])
        #expect(Self.items(run.response(2)?["result"]).first?["kind"]?.int == 5)
        #expect(Self.labels(run.response(3)?["result"]) == ["sso", "seats"])
    }

    @Test func aPositionPastTheEndAUnopenedDocumentOrNoPositionNeverFail() {
        let uri = "untitled:a.plancat"
        let run = ServerRun(Client.start() + [
            Client.didOpen(uri, "plan p {\n"),
            Self.completion(2, uri, line: 40, character: 0),
            Self.completion(3, uri, line: 0, character: 400),
            Self.completion(4, "untitled:never-opened.plancat", line: 0, character: 0),
            Client.request(5, "textDocument/completion", .object([
                .init("textDocument", .object([.init("uri", .string(uri))])),
            ])),
            Self.completion(6, uri, line: -1, character: -3),
        ] + Client.stop)
        #expect(Self.items(run.response(2)?["result"]).isEmpty && run.response(2)?["result"] != nil)
        // A character past the line's end is its end (LSP 3.17): after `{`, a plan's statements.
        let pastTheLine = Self.labels(run.response(3)?["result"])
        #expect(pastTheLine.contains("name"))
        let name = Self.items(run.response(3)?["result"]).first { $0["label"] == "name" }
        #expect(name?["kind"]?.int == 14)
        #expect(name?["documentation"]?["kind"] == "markdown")
        #expect(run.response(4)?["result"] == .array([]))
        #expect(run.errorCode(5) == ResponseError.invalidParamsCode)
        #expect(Self.items(run.response(6)?["result"]).isEmpty && run.response(6)?["result"] != nil)
        #expect(run.status == 0)
    }
}
