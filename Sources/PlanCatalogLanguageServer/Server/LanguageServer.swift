import PlanCatalog

/// The plancat language server: reads messages, keeps the lifecycle, dispatches each method to its
/// handler (Handlers/, one file per method) and writes what they answer.
///
/// Everything runs on the caller's thread, one message after the other, so handlers share the state
/// without locks; output and logs go through the closures given, so that tests drive the server with
/// bytes in memory and the process (`runOnStandardStreams`) with its standard streams. Nothing but
/// protocol is written to `output`; everything said about the run goes to `log`.
///
/// The target, folder by folder:
/// - Transport/: bytes in (`ByteInput`), frames out of them (`MessageReader`), frames written
///   (`MessageWriter`) — the base protocol and nothing else;
/// - Protocol/: JSON-RPC messages (`IncomingMessage`, `Response`), error codes (`ResponseError`) and the
///   one conversion between byte offsets and LSP positions (`PositionEncoding`);
/// - Server/: this loop and the lifecycle, the capabilities (Capabilities.swift), the process's streams;
/// - Documents/: the open buffers (`DocumentStore`) and the catalog a file belongs to (`CatalogResolver`);
/// - Handlers/: one file per LSP method, each an extension of this class.
public final class LanguageServer {
    /// Where the server is in the lifecycle of LSP 3.17.
    enum Phase {
        /// Before `initialize`: requests get -32002, notifications are dropped.
        case uninitialized
        case running
        /// After `shutdown`: requests get -32600, notifications but `exit` are dropped.
        case shutDown
    }

    let serverVersion: String
    let writer: MessageWriter
    let log: (String) -> Void
    var phase = Phase.uninitialized
    /// Chosen at `initialize`.
    var positionEncoding = PositionEncoding.utf16
    /// The open documents. Any change of them empties `analyses`.
    var documents = DocumentStore() {
        didSet { analyses = AnalysisCache() }
    }
    /// The files each catalog last had diagnostics published for, by catalog key (`CatalogResolver`).
    var publishedFiles: [String: Set<String>] = [:]
    /// The last check of each catalog, by catalog key (`analysis(of:)`).
    var analyses = AnalysisCache()
    /// The status `exit` asked for; the loop stops once it is set.
    private var exitStatus: Int32?

    /// `serverVersion` is what `initialize` reports in `serverInfo`.
    public init(serverVersion: String, output: @escaping ([UInt8]) -> Void, log: @escaping (String) -> Void) {
        self.serverVersion = serverVersion
        self.writer = MessageWriter(write: output)
        self.log = log
    }

    /// Serves until `exit` or the end of the input, and returns the process's exit status: 0 after
    /// `shutdown` then `exit`, 1 for an `exit` without `shutdown` or an input that just ends.
    public func run(input: some ByteInput) -> Int32 {
        var input = input
        var reader = MessageReader()
        while exitStatus == nil, let chunk = input.nextChunk() {
            reader.append(chunk)
            let messages = reader.frames().map(Self.decode)
            let cancelled = Self.cancelledRequests(in: messages)
            for (index, message) in messages.enumerated() where exitStatus == nil {
                handle(message, cancelled: cancelled.contains(index))
            }
        }
        if let exitStatus { return exitStatus }
        log(reader.hasPartialMessage ? "the input ended in the middle of a message" : "the input ended without `exit`")
        return 1
    }

    /// A frame as the loop handles it.
    enum Decoded {
        case message(IncomingMessage)
        /// The frame could not be read, or its body is not JSON: answered -32700.
        case unreadable(String)
    }

    private static func decode(_ frame: MessageReader.Frame) -> Decoded {
        switch frame {
        case .malformed(let reason): return .unreadable(reason)
        case .body(let body):
            guard let message = IncomingMessage(body: body) else { return .unreadable("the body is not valid JSON") }
            return .message(message)
        }
    }

    /// The places in `messages` of the requests a later `$/cancelRequest` among them cancels: those the
    /// server has not handled yet when the cancellation arrives. Each is answered -32800 and not run.
    private static func cancelledRequests(in messages: [Decoded]) -> Set<Int> {
        var cancelledIDs = Set<RequestID>()
        var cancelled = Set<Int>()
        for (index, message) in messages.enumerated().reversed() {
            switch message {
            case .message(.notification("$/cancelRequest", let params)):
                if let id = RequestID(params?["id"]) { cancelledIDs.insert(id) }
            case .message(.request(let id, _, _)) where cancelledIDs.contains(id):
                cancelled.insert(index)
            default:
                break
            }
        }
        return cancelled
    }

    private func handle(_ decoded: Decoded, cancelled: Bool) {
        switch decoded {
        case .unreadable(let reason):
            log("parse error: \(reason)")
            writer.send(Response.error(.parseError(reason), id: nil))
        case .message(.invalid(let id, let reason)):
            writer.send(Response.error(.invalidRequest(reason), id: id))
        case .message(.response):
            break
        case .message(.request(let id, let method, let params)):
            let answer: Result<JSONValue, ResponseError>
            if cancelled {
                answer = .failure(ResponseError(code: ResponseError.requestCancelledCode, message: "`\(method)` was cancelled"))
            } else {
                answer = Result(catching: { () throws(ResponseError) -> JSONValue in try request(method, params: params) })
            }
            switch answer {
            case .success(let result): writer.send(Response.result(result, id: id))
            case .failure(let error): writer.send(Response.error(error, id: id))
            }
        case .message(.notification(let method, let params)):
            notification(method, params: params)
        }
    }

    /// Answers a request by its method, after the lifecycle's rules.
    private func request(_ method: String, params: JSONValue?) throws(ResponseError) -> JSONValue {
        switch phase {
        case .uninitialized where method != "initialize":
            throw ResponseError(code: ResponseError.serverNotInitializedCode, message: "the server is not initialized yet")
        case .shutDown:
            throw .invalidRequest("the server is shut down: only `exit` is left")
        default:
            break
        }
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown": return shutdown()
        case "textDocument/formatting": return try formatting(params)
        case "textDocument/documentSymbol": return try documentSymbol(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/inlayHint": return try inlayHint(params)
        case "workspace/symbol": return try workspaceSymbol(params)
        case "textDocument/completion": return try completion(params)
        case "textDocument/semanticTokens/full": return try semanticTokensFull(params)
        case "textDocument/codeAction": return try codeAction(params)
        default:
            throw ResponseError(code: ResponseError.methodNotFoundCode, message: "unknown method `\(method)`")
        }
    }

    /// Handles a notification by its method; unknown ones, and those the lifecycle does not allow yet or
    /// any more, are dropped.
    private func notification(_ method: String, params: JSONValue?) {
        if method == "exit" {
            exitStatus = exit()
            return
        }
        guard phase == .running else { return }
        switch method {
        case "initialized": initialized()
        case "$/cancelRequest": break  // taken when it arrived (`run`)
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        default: break
        }
    }
}
