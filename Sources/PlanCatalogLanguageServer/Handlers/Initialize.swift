import PlanCatalog

extension LanguageServer {
    /// `initialize`: takes the position encoding the client offers (`utf-8` if among
    /// `capabilities.general.positionEncodings`, else UTF-16) and answers the capabilities. Only once:
    /// a second `initialize` is an invalid request.
    func initialize(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard phase == .uninitialized else { throw .invalidRequest("`initialize` was already received") }
        guard case .object = params else { throw .invalidParams("`initialize` takes an InitializeParams object") }
        if case .array(let offered)? = params?["capabilities"]?["general"]?["positionEncodings"],
           offered.contains(.string(PositionEncoding.utf8.rawValue)) {
            positionEncoding = .utf8
        }
        phase = .running
        log("initialized; positions in \(positionEncoding.rawValue)")
        return .object([
            .init("capabilities", capabilities()),
            .init("serverInfo", .object([.init("name", "plancat"), .init("version", .string(serverVersion))])),
        ])
    }
}
