import PlanCatalog

extension LanguageServer {
    /// The code action kinds the server offers, as `codeActionProvider` declares them.
    static let codeActionKinds = ["quickfix", "source.fixAll"]

    /// `textDocument/codeAction`: the compiler's fix-its as edits the editor applies.
    ///
    /// - A `quickfix` for every fix-it of every diagnostic of the document that touches the requested
    ///   range, with that diagnostic (as published) and preferred when it is the diagnostic's only fix;
    /// - one `source.fixAll` applying every fix-it of the document's diagnostics exactly as
    ///   `plancat check --fix` does (`FixPlan`: only a diagnostic's single fix, none overlapping another).
    ///
    /// A fix-it may edit other files of the catalog: each edit goes under its file's URI, the open
    /// document's own or a `file:` URI. `context.only` narrows the kinds (`source` takes `source.fixAll`).
    /// The diagnostics are those of the catalog's last check (`analysis(of:)`), not those the client sends.
    func codeAction(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = try openDocument(in: params, for: "textDocument/codeAction") else { return .array([]) }
        let analysis = analysis(of: document)
        guard let fileID = analysis.fileID(of: document) else { return .array([]) }
        let files = analysis.result.files, file = files[fileID]
        let requested = try byteRange(of: params?["range"], in: file, for: "textDocument/codeAction")
        let only: [String]? = {
            guard case .array(let kinds)? = params?["context"]?["only"] else { return nil }
            return kinds.compactMap { kind in
                guard case .string(let text) = kind else { return nil }
                return text
            }
        }()
        func isWanted(_ kind: String) -> Bool {
            only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } ?? true
        }
        let diagnostics = analysis.result.diagnostics.filter { $0.location.file == fileID }
        var actions: [JSONValue] = []
        if isWanted("quickfix") {
            for diagnostic in diagnostics where !diagnostic.fixes.isEmpty {
                let span = diagnostic.location.span
                guard span.start <= requested.upperBound, requested.lowerBound <= span.end else { continue }
                for fix in diagnostic.fixes {
                    let edits = fix.edits.map { (location: $0.location, replacement: $0.replacement) }
                    actions.append(.object([
                        .init("title", .string(fix.message)),
                        .init("kind", "quickfix"),
                        .init("diagnostics", .array([json(of: diagnostic, in: files)])),
                        .init("isPreferred", .bool(diagnostic.fixes.count == 1)),
                        .init("edit", workspaceEdit(edits, in: files)),
                    ]))
                }
            }
        }
        if isWanted("source.fixAll") {
            let plan = FixPlan(diagnostics, in: files)
            let edits = plan.changes.flatMap { change in
                let id = files.ids.first { files[$0].path == change.file.path } ?? fileID
                return change.edits.map {
                    (location: SourceLocation(file: id, span: Span(start: $0.start, end: $0.end)), replacement: $0.replacement)
                }
            }
            if !edits.isEmpty {
                let count = plan.changes.reduce(0) { $0 + $1.fixCount }
                actions.append(.object([
                    .init("title", .string(count == 1 ? "Fix 1 problem" : "Fix all \(count) problems")),
                    .init("kind", "source.fixAll"),
                    .init("edit", workspaceEdit(edits, in: files)),
                ]))
            }
        }
        return .array(actions)
    }
}
