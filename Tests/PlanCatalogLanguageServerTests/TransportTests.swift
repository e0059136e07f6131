import PlanCatalog
import Testing
@testable import PlanCatalogLanguageServer

/// The base protocol: Content-Length counts bytes, both ways, however the stream is split; other headers
/// are tolerated; a frame or body that cannot be read is answered -32700 (id null) and reading goes on.
@Suite struct TransportTests {
    /// An initialize whose client name holds multi-byte UTF-8: its Content-Length is its byte count, far
    /// more than its character count, and the server reads it whether it arrives whole or byte by byte.
    @Test(arguments: [1, 7, 65_536])
    func readsBodiesByTheirByteCount(chunkSize: Int) {
        let params: JSONValue = .object([.init("clientInfo", .object([.init("name", "Édïtør 😀 編集器")])),
                                         .init("capabilities", .object([]))])
        let initialize = Client.request(1, "initialize", params)
        let run = ServerRun([initialize, Client.request(2, "shutdown", .null), Client.notification("exit")],
                            chunkSize: chunkSize)
        #expect(run.response(1)?["result"]?["capabilities"] != nil)
        #expect(run.response(2)?["result"] == .null)
        #expect(run.status == 0)
    }

    /// What the server writes is framed by byte count too: a diagnostic quoting a multi-byte id is read
    /// back exactly by a reader that trusts Content-Length alone.
    @Test func writesBodiesWithTheirByteCount() {
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:x", "currency USD\nfeature é😀 { name \"名\"; type boolean }\n")]
                            + Client.stop)
        #expect(!run.messages.contains(.null))
        #expect(run.published("untitled:x").count == 1)
        #expect(run.published("untitled:x").first?.isEmpty == false)
        #expect(run.output.count > run.messages.count * 20)
    }

    @Test func toleratesContentTypeAndHeaderCase() {
        let body = Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#.utf8)
        let framed = Array("content-length: \(body.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".utf8) + body
        let run = ServerRun([framed] + Client.stop)
        #expect(run.response(1)?["result"] != nil)
        #expect(run.status == 0)
    }

    /// Each broken frame gets a -32700 with id null, and the next good message is still served.
    @Test(arguments: [
        Array("Content-Type: text/plain\r\n\r\n".utf8),
        Array("Content-Length: twelve\r\n\r\n".utf8),
        Array("Content-Length: -3\r\n\r\n".utf8),
        Array("no colon here\r\n\r\n".utf8),
        Client.frame(Array("{not json".utf8)),
        Client.frame([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]),
        Client.frame(Array(#"{"jsonrpc":"2.0","id":5,"method":"initialize","params":{"capabilities":{"a":1,"a":2}}}"#.utf8)),
    ])
    func answersParseErrorsAndGoesOn(broken: [UInt8]) {
        let run = ServerRun([broken] + Client.start() + Client.stop)
        let first = run.messages.first
        #expect(first?["error"]?["code"]?.int == ResponseError.parseErrorCode)
        #expect(first?["id"] == .null)
        #expect(run.response(1)?["result"] != nil)
        #expect(run.status == 0)
    }

    /// Valid JSON that is not a request is an invalid request, with its id when it has one.
    @Test func answersInvalidRequests() {
        let run = ServerRun(Client.start() + [
            Client.frame(Array("[1,2]".utf8)),
            Client.frame(Array(#"{"jsonrpc":"2.0","id":7}"#.utf8)),
            Client.frame(Array(#"{"jsonrpc":"1.0","id":8,"method":"shutdown"}"#.utf8)),
            Client.frame(Array(#"{"jsonrpc":"2.0","id":9,"method":"shutdown","params":3}"#.utf8)),
            Client.frame(Array(#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#.utf8)),
        ] + Client.stop)
        let errors = run.messages.filter { $0["error"] != nil }
        #expect(errors.map { $0["error"]?["code"]?.int } == Array(repeating: ResponseError.invalidRequestCode, count: 5))
        #expect(errors.map { $0["id"] } == [.null, .number("7"), .number("8"), .number("9"), .null])
        #expect(run.status == 0)
    }

    /// A body longer than the limit is skipped as it arrives, never kept, and the stream goes on after it.
    @Test func skipsAnOversizedBody() {
        var reader = MessageReader(maximumBodyBytes: 100)
        reader.append(Array("Content-Length: 1000\r\n\r\nabc".utf8))
        #expect(reader.frames().count == 1)
        #expect(reader.hasPartialMessage)
        reader.append([UInt8](repeating: 0x20, count: 500))
        #expect(reader.frames().isEmpty)
        reader.append([UInt8](repeating: 0x20, count: 497))
        #expect(reader.frames().isEmpty)
        reader.append(Client.frame(Array("{}".utf8)))
        #expect(reader.frames() == [.body(Array("{}".utf8))])
        #expect(!reader.hasPartialMessage)
    }

    /// Nothing the server writes is anything but frames: every byte of its output belongs to one.
    @Test func writesOnlyFrames() {
        let run = ServerRun(Client.start() + [Client.request(2, "no/such"), Client.notification("no/such")] + Client.stop)
        #expect(!run.messages.isEmpty)
        #expect(!run.messages.contains(.null))
        let reframed = run.messages.flatMap { Client.frame($0) }
        #expect(reframed == run.output)
    }
}
