import PlanCatalog

extension LanguageServer {
    /// `textDocument/references`: every place the id at the position is written, across the files of its
    /// catalog, its definition first unless `context.includeDeclaration` is false. An empty list off an id.
    func references(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let place = try documentPosition(in: params, for: "textDocument/references"),
              let occurrence = place.analysis.index.occurrence(at: place.offset, in: place.file) else { return .array([]) }
        let includesDeclaration = params?["context"]?["includeDeclaration"] != .bool(false)
        let files = place.analysis.result.files
        return .array(place.analysis.index.occurrences(of: occurrence.symbol)
            .filter { includesDeclaration || !$0.isDefinition }
            .map { location(of: $0.location, in: files) })
    }
}
