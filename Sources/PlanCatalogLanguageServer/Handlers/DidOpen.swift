import PlanCatalog

extension LanguageServer {
    /// `textDocument/didOpen`: the buffer now wins over the disk; its catalog is checked.
    func didOpen(_ params: JSONValue?) {
        guard let item = params?["textDocument"], case .string(let uri)? = item["uri"],
              case .string(let text)? = item["text"] else {
            log("didOpen without a textDocument's uri and text: ignored")
            return
        }
        documents.open(uri: uri, version: Self.integer(item["version"]), text: text)
        publishDiagnostics(forCatalogOf: uri)
    }

    /// A JSON integer that fits an `Int`.
    static func integer(_ value: JSONValue?) -> Int? {
        guard case .number(let text)? = value else { return nil }
        return Int(text)
    }
}
