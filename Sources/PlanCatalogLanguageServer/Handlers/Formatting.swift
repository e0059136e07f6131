import PlanCatalog

extension LanguageServer {
    /// `textDocument/formatting`: the canonical layout, by the same printer as `plancat fmt`. The answer is
    /// one edit replacing the whole document, or none when it is already canonical; a document with
    /// syntax errors is not formatted (`plancat fmt` refuses it too) and gets no edits, its errors being
    /// among its diagnostics. The client's `options` (tab size, spaces) are not read: the layout is the
    /// language's, two spaces, whatever the editor prefers.
    func formatting(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = try openDocument(in: params, for: "textDocument/formatting") else { return .array([]) }
        let file = SourceFile(path: document.path ?? document.uri, bytes: document.bytes)
        guard let formatted = Formatter.format(file).formatted else { return .array([]) }
        guard formatted != document.bytes else { return .array([]) }
        let whole = positionEncoding.range(of: Span(start: 0, end: document.bytes.count), in: file)
        return .array([.object([.init("range", whole),
                                .init("newText", .string(String(decoding: formatted, as: UTF8.self)))])])
    }
}
