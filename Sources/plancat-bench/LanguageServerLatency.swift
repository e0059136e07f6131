import Foundation
import PlanCatalog
import PlanCatalogLanguageServer

/// How long `plancat lsp` takes to answer each method it serves, on the seed catalog: the server in
/// process, fed the messages an editor sends, each method timed from its message to its answer.
///
/// An editor asks after the user types, so every request is timed right after a `didChange` (not timed):
/// the check that the change published diagnostics from is ready, and what the request builds on top of
/// it (the index of ids, the scenarios' invoices) is built inside the timed request. `didChange` itself is
/// timed as the check and the publication of every file's diagnostics.
struct LanguageServerLatency {
    /// The seed catalog, relative to the repository root.
    static let catalogPath = "catalogs/freemium-to-enterprise.plancat"

    struct Method {
        let name: String
        let samples: Samples
    }

    let methods: [Method]

    /// Nil when the seed catalog is not there (the benchmark runs outside the repository).
    /// A method answered with an error is a failure of the benchmark: its time would not be an answer's.
    static func measure(runs: Int) throws -> LanguageServerLatency? {
        let url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(catalogPath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            Progress.note("language server: \(catalogPath) not found, skipped")
            return nil
        }
        Progress.note("language server: every method on \(catalogPath), \(Format.count(runs, "run"))")
        let session = Session(uri: url.absoluteString, text: text)
        return LanguageServerLatency(methods: try session.requests.map { name, params in
            Method(name: name, samples: Samples(try (0..<runs).map { _ in try session.time(name, params) }))
        })
    }

    /// One server and its open document.
    private final class Session {
        let server: LanguageServer
        /// The last message the server wrote.
        private let lastOutput = LastMessage()
        let uri: String
        let text: String
        private var version = 1
        private var nextID = 1

        init(uri: String, text: String) {
            self.uri = uri
            self.text = text
            let lastOutput = lastOutput
            server = LanguageServer(serverVersion: "bench", output: { lastOutput.bytes = $0 }, log: { _ in })
            send([message(request: "initialize", ["capabilities": [String: Any]()]),
                  message(notification: "initialized", [:]),
                  message(notification: "textDocument/didOpen", ["textDocument": [
                      "uri": uri, "languageId": "plancat", "version": 1, "text": text]])])
        }

        /// Each method with its parameters, at places of the seed catalog a user would point at.
        var requests: [(String, [String: Any])] {
            let document = ["uri": uri]
            let onPlan = position(of: "trial-of plan_pro", into: 10)
            let afterTrialOf = position(of: "trial-of plan_pro", into: 9)
            let onComponent = position(of: "applies-to price_pro_monthly.comp_usage_api", into: 30)
            let whole = ["start": ["line": 0, "character": 0], "end": ["line": 10_000, "character": 0]]
            return [
                ("textDocument/didChange", [:]),
                ("textDocument/hover", ["textDocument": document, "position": onPlan]),
                ("textDocument/definition", ["textDocument": document, "position": onComponent]),
                ("textDocument/references", ["textDocument": document, "position": onPlan,
                                             "context": ["includeDeclaration": true]]),
                ("textDocument/prepareRename", ["textDocument": document, "position": onPlan]),
                ("textDocument/rename", ["textDocument": document, "position": onPlan, "newName": "plan_pro_2"]),
                ("textDocument/documentSymbol", ["textDocument": document]),
                ("workspace/symbol", ["query": "pro"]),
                ("textDocument/inlayHint", ["textDocument": document, "range": whole]),
                ("textDocument/completion", ["textDocument": document, "position": afterTrialOf]),
                ("textDocument/semanticTokens/full", ["textDocument": document]),
                ("textDocument/codeAction", ["textDocument": document, "range": whole,
                                             "context": ["diagnostics": [Any](), "only": ["source.fixAll"]]]),
                ("textDocument/formatting", ["textDocument": document,
                                             "options": ["tabSize": 2, "insertSpaces": true]]),
            ]
        }

        /// Seconds from the method's message to its answer, after a change of the document (not timed).
        func time(_ method: String, _ params: [String: Any]) throws -> Double {
            let change = changeMessage()
            if method == "textDocument/didChange" {
                let started = ContinuousClock.now
                send([change])
                return (ContinuousClock.now - started).seconds
            }
            send([change])
            let request = message(request: method, params)
            let started = ContinuousClock.now
            send([request])
            let seconds = (ContinuousClock.now - started).seconds
            let output = lastOutput.bytes
            let body = output.firstRange(of: Array("\r\n\r\n".utf8)).map { Array(output[$0.upperBound...]) } ?? []
            guard let answer = try? JSONParser.parse(body), answer["result"] != nil else {
                throw BenchmarkFailure("plancat lsp answered \(method) with an error: "
                                       + String(decoding: body, as: UTF8.self))
            }
            return seconds
        }

        private func changeMessage() -> [UInt8] {
            version += 1
            return message(notification: "textDocument/didChange", [
                "textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
        }

        /// Hands framed messages to the server, which answers them before returning (its input then ends,
        /// which it logs; its state stays for the next call).
        private func send(_ messages: [[UInt8]]) {
            _ = server.run(input: BytesInput(messages.flatMap { $0 }))
        }

        private func message(request method: String, _ params: [String: Any]) -> [UInt8] {
            nextID += 1
            return frame(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params])
        }

        private func message(notification method: String, _ params: [String: Any]) -> [UInt8] {
            frame(["jsonrpc": "2.0", "method": method, "params": params])
        }

        private func frame(_ object: [String: Any]) -> [UInt8] {
            let body = (try? JSONSerialization.data(withJSONObject: object)).map { [UInt8]($0) } ?? []
            return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }

        /// The LSP position (UTF-16) `into` characters after the start of `needle`'s first occurrence.
        private func position(of needle: String, into: Int) -> [String: Int] {
            guard let range = text.range(of: needle) else { return ["line": 0, "character": 0] }
            let target = text.index(range.lowerBound, offsetBy: into)
            let before = text[..<target]
            let line = before.utf8.filter { $0 == UInt8(ascii: "\n") }.count
            let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            return ["line": line, "character": text[lineStart..<target].utf16.count]
        }
    }

    /// Where the server's output closure keeps the last message it wrote.
    private final class LastMessage {
        var bytes: [UInt8] = []
    }
}
