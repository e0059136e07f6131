import PlanCatalog

extension LanguageServer {
    /// Everything the server declares it does, in one place (the `capabilities` of `initialize`'s
    /// result). A handler added to the dispatch in LanguageServer.swift is declared here.
    func capabilities() -> JSONValue {
        .object([
            .init("positionEncoding", .string(positionEncoding.rawValue)),
            // Open and close, and the whole text on every change (TextDocumentSyncKind.Full = 1).
            .init("textDocumentSync", .object([.init("openClose", true), .init("change", 1)])),
            // The canonical layout of `plancat fmt`, as one edit of the whole document.
            .init("documentFormattingProvider", true),
            // The outline of a file: its plans with their prices and credits, and every other definition.
            .init("documentSymbolProvider", true),
        ])
    }
}
