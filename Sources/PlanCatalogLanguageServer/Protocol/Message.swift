import PlanCatalog

/// The id of a request: a number (its literal text, as JSON holds it) or a string, echoed in the response.
enum RequestID: Hashable {
    case number(String)
    case string(String)

    init?(_ value: JSONValue?) {
        switch value {
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    var json: JSONValue {
        switch self {
        case .number(let text): .number(text)
        case .string(let text): .string(text)
        }
    }
}

/// One JSON-RPC 2.0 message from the client, as the server dispatches it.
enum IncomingMessage {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    /// The client's answer to a request of the server's (the server sends none yet): ignored.
    case response
    /// Valid JSON that is no JSON-RPC message; answered -32600 with the id, if one could be read.
    case invalid(id: RequestID?, reason: String)

    /// Decodes a body: nil when it is not JSON at all (the caller answers -32700).
    init?(body: [UInt8]) {
        guard let value = try? JSONParser.parse(body) else { return nil }
        self.init(value)
    }

    init(_ value: JSONValue) {
        guard case .object = value else {
            self = .invalid(id: nil, reason: "a message is a JSON object, not \(value.typeDescription)")
            return
        }
        let id = RequestID(value["id"])
        guard value["jsonrpc"] == .string("2.0") else {
            self = .invalid(id: id, reason: "`jsonrpc` must be \"2.0\"")
            return
        }
        // `null` is taken as no params, as some clients send it with `shutdown`.
        let params = value["params"] == .null ? nil : value["params"]
        if let params, !Self.isStructured(params) {
            self = .invalid(id: id, reason: "`params` must be an object or an array")
            return
        }
        switch (value["method"], value["id"]) {
        case (.string(let method)?, nil):
            self = .notification(method: method, params: params)
        case (.string(let method)?, _?):
            guard let id else {
                self = .invalid(id: nil, reason: "a request's `id` is a number or a string")
                return
            }
            self = .request(id: id, method: method, params: params)
        case (nil, _?) where value["result"] != nil || value["error"] != nil:
            self = .response
        default:
            self = .invalid(id: id, reason: "a message needs a `method` string")
        }
    }

    private static func isStructured(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: true
        default: false
        }
    }
}
