import PlanCatalog

extension LanguageServer {
    /// `textDocument/definition`: from any id — a reference (`trial-of`, a `features` line, `usage`,
    /// `applies-to`'s price or component, `row`, a quote's `plan`, a scenario's `price` or `usage`) or a
    /// definition itself — to where it is defined, in whichever file of the catalog. Null off an id, or for
    /// an id defined nowhere (an error `check` reports).
    func definition(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let place = try documentPosition(in: params, for: "textDocument/definition"),
              let occurrence = place.analysis.index.occurrence(at: place.offset, in: place.file),
              let definition = place.analysis.index.definition(of: occurrence.symbol) else { return .null }
        return location(of: definition.location, in: place.analysis.result.files)
    }
}
