import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogLanguageServer

/// publishDiagnostics: what is published, where, in which positions, and when it is cleared.
@Suite struct DiagnosticsTests {
    static let valid = "currency USD\nfeature bbb { name \"x\"; type boolean }\n"
    /// E0201 at `bogus`, after an emoji and a CJK name on the same line.
    static let wideLine = "currency USD\nfeature ccc { name \"😀 名前\"; type boolean; bogus 1 }\n"

    /// The expected column, counted by Swift's own UTF-16 view of the line rather than by the server.
    static func utf16Column(of needle: String, in text: String) -> (line: Int, character: Int) {
        let lines = text.components(separatedBy: "\n")
        let line = lines.firstIndex { $0.contains(needle) }!
        let prefix = lines[line][..<lines[line].range(of: needle)!.lowerBound]
        return (line, prefix.utf16.count)
    }

    @Test func rangesCountUTF16UnitsAfterAnEmojiAndACJKName() throws {
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:w", Self.wideLine)] + Client.stop)
        let diagnostic = try #require(run.published("untitled:w").last?.first { $0["code"] == "E0201" })
        let expected = Self.utf16Column(of: "bogus", in: Self.wideLine)
        #expect(diagnostic["range"]?["start"]?["line"]?.int == expected.line)
        #expect(diagnostic["range"]?["start"]?["character"]?.int == expected.character)
        #expect(diagnostic["range"]?["end"]?["character"]?.int == expected.character + 5)
        // Not the byte count, nor the count of characters: the emoji is two units, each CJK one.
        let line = Self.wideLine.components(separatedBy: "\n")[1]
        let prefix = line[..<line.range(of: "bogus")!.lowerBound]
        #expect(expected.character != prefix.utf8.count && expected.character != prefix.count)
    }

    @Test func rangesCountBytesWhenUTF8IsNegotiated() throws {
        let run = ServerRun(Client.start(encodings: ["utf-8"]) + [Client.didOpen("untitled:w", Self.wideLine)] + Client.stop)
        let diagnostic = try #require(run.published("untitled:w").last?.first { $0["code"] == "E0201" })
        let line = Self.wideLine.components(separatedBy: "\n")[1]
        #expect(diagnostic["range"]?["start"]?["character"]?.int == line.utf8.distance(
            from: line.utf8.startIndex, to: line.range(of: "bogus")!.lowerBound.samePosition(in: line.utf8)!))
    }

    /// CRLF and LF files give the same positions.
    @Test func crlfEndsALineAsLFDoes() throws {
        let crlf = Self.wideLine.replacingOccurrences(of: "\n", with: "\r\n")
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:lf", Self.wideLine), Client.didOpen("untitled:crlf", crlf)]
                            + Client.stop)
        let lf = try #require(run.published("untitled:lf").last)
        let windows = try #require(run.published("untitled:crlf").last)
        #expect(!lf.isEmpty)
        #expect(lf.map { $0["range"] } == windows.map { $0["range"] })
    }

    /// The published diagnostic carries everything: code, severity, source, the explanation's link, and
    /// a note with a place as related information pointing at the first definition.
    @Test func diagnosticsCarryCodeSeverityLinkAndNotes() throws {
        let text = "currency USD\nfeature aaa { name \"a\"; type boolean }\nfeature aaa { name \"b\"; type boolean }\n"
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:d", text)] + Client.stop)
        let duplicate = try #require(run.published("untitled:d").last?.first { $0["code"] == "E0301" })
        #expect(duplicate["severity"]?.int == 1)
        #expect(duplicate["source"] == "plancat")
        #expect(duplicate["codeDescription"]?["href"] == .string(LanguageServer.diagnosticsDocumentation + "#e0301"))
        #expect(duplicate["range"]?["start"]?["line"]?.int == 2)
        guard case .array(let related)? = duplicate["relatedInformation"] else {
            Issue.record("no relatedInformation")
            return
        }
        #expect(related.first?["location"]?["uri"] == "untitled:d")
        #expect(related.first?["location"]?["range"]?["start"]?["line"]?.int == 1)
        #expect(related.first?["message"] == "first defined here")
    }

    /// An edit that breaks the file publishes its error; the edit that repairs it publishes an empty list.
    @Test func anEditThatBreaksThenRepairsAFile() {
        let uri = "untitled:edit"
        let run = ServerRun(Client.start() + [
            Client.didOpen(uri, Self.valid),
            Client.didChange(uri, Self.valid.replacingOccurrences(of: "boolean", with: "boolean; bogus 1"), version: 2),
            Client.didChange(uri, Self.valid, version: 3),
        ] + Client.stop)
        let published = run.published(uri)
        #expect(published.count == 3)
        #expect(published[0].isEmpty)
        #expect(published[1].map { $0["code"] } == ["E0201"])
        #expect(published[2].isEmpty)
        let versions = run.messages.filter { $0["params"]?["uri"] == .string(uri) }.map { $0["params"]?["version"]?.int }
        #expect(versions == [1, 2, 3])
    }

    @Test func closingClearsTheDiagnostics() {
        let uri = "untitled:close"
        let run = ServerRun(Client.start() + [Client.didOpen(uri, "bogus\n"), Client.didClose(uri)] + Client.stop)
        #expect(run.published(uri).count == 2)
        #expect(run.published(uri).first?.isEmpty == false)
        #expect(run.published(uri).last?.isEmpty == true)
    }

    /// A catalog directory: the open buffer wins over its file on disk, the error in it is reported
    /// against it, and every file of the catalog gets its list. Closing the last open file clears them all.
    @Test func aCatalogDirectoryReportsEachErrorAgainstItsFile() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("catalog.plancat", Array("catalog \"D\"\ncurrency USD\n".utf8))
        try directory.write("a.plancat", Array("feature aaa { name \"x\"; type boolean }\n".utf8))
        try directory.write("b.plancat", Array("feature bbb { name \"y\"; type boolean }\n".utf8))
        let broken = "feature bbb { name \"y\"; type boolean; bogus 1 }\n"
        let run = ServerRun(Client.start() + [
            Client.didOpen(directory.uri("b.plancat"), broken),
            Client.didClose(directory.uri("b.plancat")),
        ] + Client.stop)
        let b = run.published(directory.uri("b.plancat"))
        #expect(b.first?.map { $0["code"] } == ["E0201"])
        #expect(b.first?.first?["range"]?["start"]?["character"]?.int == 38)
        #expect(run.published(directory.uri("a.plancat")).first?.isEmpty == true)
        #expect(run.published(directory.uri("catalog.plancat")).first?.isEmpty == true)
        // Closing the only open file clears every file of the catalog.
        #expect(b.last?.isEmpty == true)
        #expect(run.published(directory.uri("a.plancat")).count == 2)
        #expect(run.publishCount == 6)
    }

    /// Two open files of one catalog: an id defined in both is reported in the catalog as a whole, and
    /// closing one checks the catalog again with that file as it is on disk, for the one still open.
    @Test func openBuffersOfOneCatalogAreCheckedTogether() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("catalog.plancat", Array("catalog \"D\"\ncurrency USD\n".utf8))
        try directory.write("a.plancat", Array("feature aaa { name \"x\"; type boolean }\n".utf8))
        try directory.write("b.plancat", Array("feature bbb { name \"y\"; type boolean }\n".utf8))
        let run = ServerRun(Client.start() + [
            Client.didOpen(directory.uri("a.plancat"), "feature aaa { name \"x\"; type boolean }\n"),
            Client.didOpen(directory.uri("b.plancat"), "feature aaa { name \"y\"; type boolean }\n"),
            Client.didClose(directory.uri("b.plancat")),
        ] + Client.stop)
        let b = run.published(directory.uri("b.plancat"))
        // b's buffer redefines a's feature: the duplicate is reported at b, the later file.
        #expect(b.count == 3)
        #expect(b[1].map { $0["code"] } == ["E0301"])
        #expect(b[2].isEmpty)
        // After the close, a is checked with b from disk: no problem any more.
        #expect(run.published(directory.uri("a.plancat")).last?.isEmpty == true)
        #expect(run.published(directory.uri("a.plancat")).count == 3)
    }

    /// A file of the catalog with invalid UTF-8 on disk is reported as the compiler reports it (E0108),
    /// against that file, when another file of the catalog is opened.
    @Test func invalidUTF8OnDiskIsReportedAsTheCompilerReportsIt() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("catalog.plancat", Array("catalog \"D\"\ncurrency USD\n".utf8))
        try directory.write("c.plancat", Array("feature ccc { name \"".utf8) + [0xFF] + Array("\"; type boolean }\n".utf8))
        let run = ServerRun(Client.start() + [Client.didOpen(directory.uri("catalog.plancat"), "catalog \"D\"\ncurrency USD\n")]
                            + Client.stop)
        let c = try #require(run.published(directory.uri("c.plancat")).first)
        #expect(c.map { $0["code"] } == ["E0108"])
        #expect(c.first?["range"]?["start"]?["character"]?.int == 20)
        #expect(run.published(directory.uri("catalog.plancat")).first?.isEmpty == true)
    }

    /// Changes and closes of documents that are not open, and requests about them, are answered or
    /// ignored; nothing stops the server.
    @Test func unknownDocumentsAreIgnored() {
        let run = ServerRun(Client.start() + [
            Client.didChange("untitled:nowhere", "x", version: 2),
            Client.didClose("untitled:nowhere"),
            // A directory is checked as the (empty) text the editor sent, never walked.
            Client.didOpen("file:///", ""),
            Client.didClose("file:///"),
            Client.notification("textDocument/didOpen", .object([.init("textDocument", .object([.init("uri", 3)]))])),
            Client.request(2, "textDocument/hover", .object([
                .init("textDocument", .object([.init("uri", "untitled:nowhere")])),
                .init("position", .object([.init("line", 99_999), .init("character", 99_999)])),
            ])),
        ] + Client.stop)
        #expect(run.published("file:///").count == 2)
        #expect(run.publishCount == 2)
        // A hover of a document that is not open, at a place past any end: no hover, no error.
        #expect(run.response(2)?["result"] == .null)
        #expect(run.errorCode(2) == nil)
        #expect(run.status == 0)
    }
}
