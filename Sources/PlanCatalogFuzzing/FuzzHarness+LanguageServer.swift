import PlanCatalog
import PlanCatalogLanguageServer

extension FuzzHarness {
    /// The language server's message handling, two ways over one input:
    /// - the input as the raw stream on the server's standard input, framing and all;
    /// - the input cut at NUL bytes into message bodies, each framed with its `Content-Length` and sent
    ///   after a well-formed `initialize`, so that the bodies reach the dispatch and the handlers (an
    ///   `untitled:` document opened with fuzzed text is checked like a file, without the disk).
    ///
    /// Either way the server must return, and write nothing but well-framed JSON-RPC 2.0 messages.
    static func languageServer(_ bytes: [UInt8], _ problems: inout FuzzProblems) {
        requireWellFramedOutput(ofServerReading: bytes, "the raw stream", &problems)
        let initialize = Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#.utf8)
        let initialized = Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8)
        let bodies = [initialize, initialized] + bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        requireWellFramedOutput(ofServerReading: bodies.flatMap(framed), "the framed bodies", &problems)
    }

    /// A message body with its header, as a client sends it.
    private static func framed(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    private static func requireWellFramedOutput(ofServerReading input: [UInt8], _ what: String,
                                                _ problems: inout FuzzProblems) {
        var output: [UInt8] = []
        let server = LanguageServer(serverVersion: "fuzz", output: { output += $0 }, log: { _ in })
        let status = server.run(input: BytesInput(input, chunkSize: 4_096))
        problems.require(status == 0 || status == 1, "\(what): the server ended with \(status), not 0 or 1")
        var rest = output[...]
        while !rest.isEmpty {
            let header = Array("Content-Length: ".utf8)
            guard rest.starts(with: header), let end = rest.firstRange(of: Array("\r\n\r\n".utf8)),
                  let length = Int(String(decoding: rest[rest.startIndex + header.count..<end.lowerBound],
                                          as: UTF8.self)),
                  rest.distance(from: end.upperBound, to: rest.endIndex) >= length
            else {
                problems.require(false, "\(what): the server wrote something that is not a framed message")
                return
            }
            let body = Array(rest[end.upperBound..<end.upperBound + length])
            let message = try? JSONParser.parse(body)
            problems.require(message?["jsonrpc"] == .string("2.0"), "\(what): a message is not JSON-RPC 2.0")
            rest = rest[(end.upperBound + length)...]
        }
    }
}
