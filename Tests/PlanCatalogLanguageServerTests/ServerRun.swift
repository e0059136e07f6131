import Foundation
import PlanCatalog
@testable import PlanCatalogLanguageServer

/// A whole conversation with an in-process server: the messages a test writes, framed into one byte
/// stream (handed over in chunks of `chunkSize`), and what the server answered, read back frame by frame
/// from its output bytes — independently of the server's own reader.
struct ServerRun {
    let status: Int32
    /// Every message the server wrote, in order.
    let messages: [JSONValue]
    /// The raw output, for tests of the framing itself.
    let output: [UInt8]
    let log: [String]

    init(_ frames: [[UInt8]], chunkSize: Int = 65_536) {
        var output: [UInt8] = []
        var log: [String] = []
        let server = LanguageServer(serverVersion: "test", output: { output += $0 }, log: { log.append($0) })
        status = server.run(input: BytesInput(frames.flatMap { $0 }, chunkSize: chunkSize))
        self.output = output
        self.log = log
        messages = Self.parseFrames(output)
    }

    /// Splits the server's output at its Content-Length headers; a frame that does not parse fails the
    /// test through an `.null` in its place.
    static func parseFrames(_ output: [UInt8]) -> [JSONValue] {
        var messages: [JSONValue] = []
        var index = 0
        let prefix = Array("Content-Length: ".utf8)
        while index < output.count {
            guard Array(output[index..<min(output.count, index + prefix.count)]) == prefix,
                  let lineEnd = (index..<output.count).first(where: { output[$0] == 13 }),
                  let length = Int(String(decoding: output[(index + prefix.count)..<lineEnd], as: UTF8.self)),
                  lineEnd + 4 + length <= output.count else {
                messages.append(.null)
                return messages
            }
            let body = Array(output[(lineEnd + 4)..<(lineEnd + 4 + length)])
            messages.append((try? JSONParser.parse(body)) ?? .null)
            index = lineEnd + 4 + length
        }
        return messages
    }

    /// The response to the request `id`.
    func response(_ id: Int) -> JSONValue? {
        messages.first { $0["id"] == .number(id) && $0["method"] == nil }
    }

    /// The error code answered to `id`.
    func errorCode(_ id: Int) -> Int? {
        guard case .number(let text)? = response(id)?["error"]?["code"] else { return nil }
        return Int(text)
    }

    /// Every publishDiagnostics notification for `uri`, in order: each its list of diagnostics.
    func published(_ uri: String) -> [[JSONValue]] {
        messages.compactMap { message in
            guard message["method"] == "textDocument/publishDiagnostics", message["params"]?["uri"] == .string(uri),
                  case .array(let diagnostics)? = message["params"]?["diagnostics"] else { return nil }
            return diagnostics
        }
    }

    var publishCount: Int { messages.filter { $0["method"] == "textDocument/publishDiagnostics" }.count }
}

/// The messages tests send.
enum Client {
    /// A body framed as the base protocol says, with any extra header lines before Content-Length.
    static func frame(_ body: [UInt8], extraHeaders: [String] = []) -> [UInt8] {
        Array((extraHeaders.map { $0 + "\r\n" }.joined() + "Content-Length: \(body.count)\r\n\r\n").utf8) + body
    }

    static func frame(_ message: JSONValue) -> [UInt8] { frame(Array(JSONWriter.compactText(of: message).utf8)) }

    static func request(_ id: Int, _ method: String, _ params: JSONValue = .object([])) -> [UInt8] {
        frame(.object([.init("jsonrpc", "2.0"), .init("id", .number(id)), .init("method", .string(method)),
                       .init("params", params)]))
    }

    static func notification(_ method: String, _ params: JSONValue = .object([])) -> [UInt8] {
        frame(.object([.init("jsonrpc", "2.0"), .init("method", .string(method)), .init("params", params)]))
    }

    /// `initialize` (id 1) offering `encodings`, then `initialized`.
    static func start(encodings: [String]? = nil) -> [[UInt8]] {
        var capabilities: [JSONValue.Member] = []
        if let encodings { capabilities.append(.init("general", .object([.init("positionEncodings", .strings(encodings))]))) }
        return [request(1, "initialize", .object([.init("processId", .null), .init("capabilities", .object(capabilities))])),
                notification("initialized")]
    }

    /// `shutdown` (id 999) then `exit`.
    static let stop: [[UInt8]] = [request(999, "shutdown", .null), notification("exit")]

    static func didOpen(_ uri: String, _ text: String, version: Int = 1) -> [UInt8] {
        notification("textDocument/didOpen", .object([.init("textDocument", .object([
            .init("uri", .string(uri)), .init("languageId", "plancat"), .init("version", .number(version)),
            .init("text", .string(text)),
        ]))]))
    }

    static func didChange(_ uri: String, _ text: String, version: Int) -> [UInt8] {
        notification("textDocument/didChange", .object([
            .init("textDocument", .object([.init("uri", .string(uri)), .init("version", .number(version))])),
            .init("contentChanges", .array([.object([.init("text", .string(text))])])),
        ]))
    }

    static func didClose(_ uri: String) -> [UInt8] {
        notification("textDocument/didClose", .object([.init("textDocument", .object([.init("uri", .string(uri))]))]))
    }
}

extension JSONValue {
    /// A number member read as an `Int`.
    var int: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "plancat-lsp-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func uri(_ name: String) -> String { URL(fileURLWithPath: path + "/" + name).absoluteString }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
