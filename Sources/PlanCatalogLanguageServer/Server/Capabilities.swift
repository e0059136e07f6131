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
            // What an id resolves to (a plan's prices, a scenario's invoice), and what a keyword means.
            .init("hoverProvider", true),
            // From any reference to its definition, and every place an id is written, across a catalog's files.
            .init("definitionProvider", true),
            .init("referencesProvider", true),
            // Renaming an id everywhere, after the editor asks where the id under the cursor is.
            .init("renameProvider", .object([.init("prepareProvider", true)])),
            // The definitions of the catalogs of the open documents, by id.
            .init("workspaceSymbolProvider", true),
            // A longer period's monthly amount, and each scenario's total.
            .init("inlayHintProvider", true),
            // Statements, ids and choice words by context; a space or a reference's `.` asks again.
            .init("completionProvider", .object([.init("triggerCharacters", .strings([" ", "."]))])),
            // Keywords, ids (defined or referred to), strings, numbers, comments and choice words.
            .init("semanticTokensProvider", .object([.init("legend", Self.semanticTokensLegend), .init("full", true)])),
            // Each diagnostic's fix-its, and all of a document's unambiguous ones as `plancat check --fix`.
            .init("codeActionProvider", .object([.init("codeActionKinds", .strings(Self.codeActionKinds))])),
        ])
    }
}
