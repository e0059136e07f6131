import Foundation
import PlanCatalog
import Testing

/// `plancat lsp` as an editor runs it: the real process, its standard input a conversation written in
/// advance, its standard output nothing but the server's frames.
@Suite struct LspProcessTests {
    private static func frame(_ json: String) -> String {
        "Content-Length: \(json.utf8.count)\r\n\r\n" + json
    }

    @Test func initializeShutdownExitEndsWithZero() throws {
        let directory = try TemporaryDirectory()
        let messages = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:é","languageId":"plancat","version":1,"text":"currency USD\nfeature bbb { name \"😀\"; type boolean; bogus 1 }\n"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ]
        let input = directory.path + "/input"
        let output = directory.path + "/output"
        try Data(messages.map(Self.frame).joined().utf8).write(to: URL(fileURLWithPath: input))
        try Data().write(to: URL(fileURLWithPath: output))
        let process = try PlancatProcess(["lsp"], standardError: directory.path + "/stderr.txt", standardInput: input,
                                         standardOutput: .path(output))
        #expect(process.wait() == .exited(0))
        // Standard output holds exactly three frames — initialize's result, the diagnostics, shutdown's
        // result — each as long as its Content-Length says.
        var rest = Array(try Data(contentsOf: URL(fileURLWithPath: output)))
        var bodies: [JSONValue] = []
        while !rest.isEmpty {
            let header = try #require(String(decoding: rest, as: UTF8.self).components(separatedBy: "\r\n\r\n").first)
            let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")))
            let start = header.utf8.count + 4
            try #require(rest.count >= start + length)
            bodies.append(try JSONParser.parse(Array(rest[start..<(start + length)])))
            rest.removeFirst(start + length)
        }
        #expect(bodies.count == 3)
        #expect(bodies.first?["result"]?["capabilities"]?["positionEncoding"] == "utf-16")
        #expect(bodies.dropFirst().first?["params"]?["diagnostics"]?.firstElement?["code"] == "E0201")
        #expect(bodies.last?["id"] == .number("2"))
        let log = try String(contentsOfFile: directory.path + "/stderr.txt", encoding: .utf8)
        #expect(log.contains("plancat lsp: "))
    }

    /// The editor sends the files: a PATH is a usage error, before any protocol starts.
    @Test func takesNoPath() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["lsp", "catalogs"])
        #expect(status == 64)
        #expect(terminal.standardError.contains("lsp takes no PATH"))
        #expect(directory.run(["lsp", "--help"]).terminal.standardOutput.contains("usage: plancat lsp"))
    }
}

extension JSONValue {
    fileprivate var firstElement: JSONValue? {
        guard case .array(let elements) = self else { return nil }
        return elements.first
    }
}
