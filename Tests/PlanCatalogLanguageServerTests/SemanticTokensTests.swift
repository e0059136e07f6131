import Foundation
import PlanCatalog
import Testing
import PlanCatalogTestSupport
@testable import PlanCatalogLanguageServer

/// `textDocument/semanticTokens/full`: the library's tokens, encoded relative to each other, with starts
/// and lengths in the negotiated encoding.
@Suite struct SemanticTokensTests {
    static func semanticTokens(_ id: Int, _ uri: String) -> [UInt8] {
        Client.request(id, "textDocument/semanticTokens/full", .object([
            .init("textDocument", .object([.init("uri", .string(uri))])),
        ]))
    }

    /// One decoded token: absolute line and start, length, the legend's type name, and the modifiers' bits.
    struct Decoded: Equatable, CustomStringConvertible {
        let line: Int, start: Int, length: Int, type: String, modifiers: Int
        var description: String { "\(line):\(start)+\(length) \(type)\(modifiers == 1 ? "+" : "")" }
    }

    /// Decodes `data` as a client does, by the server's legend.
    static func decode(_ result: JSONValue?) -> [Decoded] {
        guard case .array(let data)? = result?["data"] else { return [] }
        let numbers = data.compactMap(\.int)
        let types = SemanticTokenType.allCases.map(\.standardName)
        var decoded: [Decoded] = []
        var line = 0, start = 0
        for index in stride(from: 0, to: numbers.count - 4, by: 5) {
            line += numbers[index]
            start = numbers[index] == 0 ? start + numbers[index + 1] : numbers[index + 1]
            let type = numbers[index + 3] < types.count ? types[numbers[index + 3]] : "?"
            decoded.append(Decoded(line: line, start: start, length: numbers[index + 2], type: type,
                                   modifiers: numbers[index + 4]))
        }
        return decoded
    }

    @Test func declaresTheLegend() {
        let run = ServerRun(Client.start() + Client.stop)
        let provider = run.response(1)?["result"]?["capabilities"]?["semanticTokensProvider"]
        #expect(provider?["full"] == .bool(true))
        #expect(provider?["legend"]?["tokenTypes"] == .strings(SemanticTokenType.allCases.map(\.standardName)))
        #expect(provider?["legend"]?["tokenModifiers"] == .strings(["declaration"]))
    }

    /// `  name "😀 漢字"; description "x"`: the string is 7 UTF-16 units and 13 bytes.
    @Test(arguments: [
        ("utf-16", [(2, 4), (7, 7), (16, 11), (28, 3)]),
        ("utf-8", [(2, 4), (7, 13), (22, 11), (34, 3)]),
    ])
    func startsAndLengthsAfterAnEmojiAndACJKNameAreInTheNegotiatedEncoding(_ encoding: String, _ pieces: [(Int, Int)]) {
        let text = "plan p {\n  name \"😀 漢字\"; description \"x\"\n}\n"
        let run = ServerRun(Client.start(encodings: [encoding]) + [Client.didOpen("untitled:e.plancat", text),
                                                                   Self.semanticTokens(2, "untitled:e.plancat")]
                            + Client.stop)
        let types = ["keyword", "string", "keyword", "string"]
        #expect(Self.decode(run.response(2)?["result"]) == [
            Decoded(line: 0, start: 0, length: 4, type: "keyword", modifiers: 0),
            Decoded(line: 0, start: 5, length: 1, type: "class", modifiers: 1),
        ] + zip(pieces, types).map { Decoded(line: 1, start: $0.0, length: $0.1, type: $1, modifiers: 0) })
    }

    @Test func aCRLFFileHasTheTokensOfItsLFTwin() throws {
        let lf = try String(contentsOf: PackageRoot.url(of: "catalogs/teamspace/plans.plancat"), encoding: .utf8)
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let run = ServerRun(Client.start() + [
            Client.didOpen("untitled:lf.plancat", lf), Client.didOpen("untitled:crlf.plancat", crlf),
            Self.semanticTokens(2, "untitled:lf.plancat"), Self.semanticTokens(3, "untitled:crlf.plancat"),
        ] + Client.stop)
        let decoded = Self.decode(run.response(2)?["result"])
        #expect(!decoded.isEmpty)
        #expect(run.response(2)?["result"] == run.response(3)?["result"])
    }

    @Test func theSeedCatalogsTokensDecodeToTheLibrarysTokens() throws {
        let text = try String(contentsOf: PackageRoot.url(of: "catalogs/freemium-to-enterprise.plancat"), encoding: .utf8)
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:acme.plancat", text),
                                              Self.semanticTokens(2, "untitled:acme.plancat")] + Client.stop)
        let decoded = Self.decode(run.response(2)?["result"])
        let file = SourceFile(path: "acme.plancat", text: text)
        let expected = SemanticTokens.tokens(in: Parser.parse(file).tree).map { token in
            let line = file.lineTable.lineIndex(of: token.span.start)
            let lineStart = file.lineTable.lineStarts[line]
            return Decoded(line: line, start: file.text(of: Span(start: lineStart, end: token.span.start)).utf16.count,
                           length: file.text(of: token.span).utf16.count, type: token.type.standardName,
                           modifiers: token.isDeclaration ? 1 : 0)
        }
        #expect(decoded.count > 300)
        #expect(decoded == expected)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let planLine = try #require(lines.firstIndex { $0 == "plan plan_pro {" })
        #expect(decoded.filter { $0.line == planLine } == [
            Decoded(line: planLine, start: 0, length: 4, type: "keyword", modifiers: 0),
            Decoded(line: planLine, start: 5, length: 8, type: "class", modifiers: 1),
        ])
    }

    @Test func aBrokenOrUnopenedDocumentNeverFails() {
        let run = ServerRun(Client.start() + [
            Client.didOpen("untitled:a.plancat", "plan p {\n  price \"x\n  name \u{1F600}\n"),
            Self.semanticTokens(2, "untitled:a.plancat"),
            Self.semanticTokens(3, "untitled:never-opened.plancat"),
            Client.request(4, "textDocument/semanticTokens/full", .object([])),
        ] + Client.stop)
        let broken = Self.decode(run.response(2)?["result"])
        #expect(!broken.isEmpty)
        #expect(run.response(3)?["result"]?["data"] == .array([]))
        #expect(run.errorCode(4) == ResponseError.invalidParamsCode)
        #expect(run.status == 0)
    }
}
