import PlanCatalog

/// A JSON-RPC error answered instead of a result, with the codes of JSON-RPC 2.0 and LSP 3.17.
struct ResponseError: Error, Equatable {
    let code: Int
    let message: String

    /// The body is not JSON.
    static let parseErrorCode = -32700
    /// Valid JSON, not a valid message; also a request after `shutdown`, and a second `initialize`.
    static let invalidRequestCode = -32600
    static let methodNotFoundCode = -32601
    static let invalidParamsCode = -32602
    static let internalErrorCode = -32603
    /// A request before `initialize`.
    static let serverNotInitializedCode = -32002
    /// A request the client cancelled with `$/cancelRequest` before it was handled.
    static let requestCancelledCode = -32800
    /// LSP 3.17's RequestFailed: a well-formed request the server declines, with the reason (a rename to an
    /// id that exists).
    static let requestFailedCode = -32803

    static func parseError(_ message: String) -> ResponseError { ResponseError(code: parseErrorCode, message: message) }
    static func invalidRequest(_ message: String) -> ResponseError { ResponseError(code: invalidRequestCode, message: message) }
    static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: invalidParamsCode, message: message) }
    static func requestFailed(_ message: String) -> ResponseError { ResponseError(code: requestFailedCode, message: message) }

    var json: JSONValue {
        .object([JSONValue.Member("code", .number(code)), JSONValue.Member("message", .string(message))])
    }
}

/// The response messages the server sends.
enum Response {
    static func result(_ result: JSONValue, id: RequestID) -> JSONValue {
        .object([.init("jsonrpc", "2.0"), .init("id", id.json), .init("result", result)])
    }

    /// An error; `id` is nil (JSON `null`) when the request's id could not be read.
    static func error(_ error: ResponseError, id: RequestID?) -> JSONValue {
        .object([.init("jsonrpc", "2.0"), .init("id", id?.json ?? .null), .init("error", error.json)])
    }

    static func notification(_ method: String, params: JSONValue) -> JSONValue {
        .object([.init("jsonrpc", "2.0"), .init("method", .string(method)), .init("params", params)])
    }
}
