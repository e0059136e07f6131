import PlanCatalog

extension LanguageServer {
    /// `textDocument/prepareRename`: the id at the position and its range, which the editor offers to
    /// rename; null off an id, and for an id defined nowhere (renaming it would rename a mistake).
    func prepareRename(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let place = try documentPosition(in: params, for: "textDocument/prepareRename"),
              let occurrence = place.analysis.index.occurrence(at: place.offset, in: place.file),
              place.analysis.index.definition(of: occurrence.symbol) != nil else { return .null }
        return .object([.init("range", positionEncoding.range(of: occurrence.location.span, in: place.source)),
                        .init("placeholder", .string(occurrence.symbol.id))])
    }

    /// `textDocument/rename`: the id at the position, renamed at its definition and every reference, in
    /// every file of its catalog, as one WorkspaceEdit. Refused, with the reason (RequestFailed), for a
    /// new name that is not an id, one another id of the same kind already has (a component's: in the same
    /// price), and an id defined nowhere. The same name is no edit.
    func rename(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard case .string(let newName)? = params?["newName"] else { throw .invalidParams("textDocument/rename needs `newName`") }
        guard let place = try documentPosition(in: params, for: "textDocument/rename") else { return .null }
        let index = place.analysis.index
        guard let occurrence = index.occurrence(at: place.offset, in: place.file) else {
            throw .requestFailed("there is no id here to rename")
        }
        let symbol = occurrence.symbol
        let kind = symbol.kind.rawValue
        guard index.definition(of: symbol) != nil else {
            throw .requestFailed("`\(symbol.id)` is not defined: no \(kind) has this id, so there is nothing to rename")
        }
        guard SymbolIndex.isValidID(newName) else {
            throw .requestFailed("`\(newName)` is not an id: an id is one word of letters, digits, `_` and `-`, "
                                 + "not starting with `-`, and not a number")
        }
        guard newName != symbol.id else { return .object([.init("changes", .object([]))]) }
        if index.definition(of: symbol.renamed(to: newName)) != nil {
            let scope = symbol.kind == .component ? " in this price" : ""
            throw .requestFailed("a \(kind) `\(newName)` already exists\(scope): ids of a \(kind) must be unique")
        }
        let edits = index.occurrences(of: symbol).map { (location: $0.location, replacement: newName) }
        return workspaceEdit(edits, in: place.analysis.result.files)
    }
}
