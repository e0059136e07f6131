import PlanCatalog

extension LanguageServer {
    /// `textDocument/didChange`, with full sync (the capability declares it): the last change without a
    /// range is the document's whole new text. A change of a document that is not open is ignored.
    func didChange(_ params: JSONValue?) {
        guard case .string(let uri)? = params?["textDocument"]?["uri"],
              case .array(let changes)? = params?["contentChanges"] else {
            log("didChange without a textDocument's uri and contentChanges: ignored")
            return
        }
        guard let whole = changes.last(where: { $0["range"] == nil }), case .string(let text)? = whole["text"] else {
            log("didChange of \(uri) without a whole text (the server asks for full sync): ignored")
            return
        }
        guard documents.change(uri: uri, version: Self.integer(params?["textDocument"]?["version"]), text: text) else {
            log("didChange of \(uri), which is not open: ignored")
            return
        }
        publishDiagnostics(forCatalogOf: uri)
    }
}
