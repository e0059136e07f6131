import PlanCatalog

extension LanguageServer {
    /// `textDocument/hover`: on an id, what it resolves to in its catalog (`SymbolSummary`: a plan's
    /// prices, features, trial and columns; a price's charge; a scenario's invoice; …); on a statement's
    /// keyword, what the statement means in its block (`KeywordHover`). Markdown, with the range of the id
    /// or keyword; null anywhere else.
    func hover(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let place = try documentPosition(in: params, for: "textDocument/hover") else { return .null }
        let analysis = place.analysis
        let markdown: String
        let span: Span
        if let occurrence = analysis.index.occurrence(at: place.offset, in: place.file),
           let summary = SymbolSummary(catalog: analysis.result.catalog, invoices: analysis.invoices)
            .markdown(of: occurrence.symbol) {
            (markdown, span) = (summary, occurrence.location.span)
        } else if let keyword = KeywordHover.keyword(at: place.offset, in: analysis.syntaxTree(of: place.file)) {
            (markdown, span) = (keyword.markdown, keyword.span)
        } else {
            return .null
        }
        return .object([
            .init("contents", .object([.init("kind", "markdown"), .init("value", .string(markdown))])),
            .init("range", positionEncoding.range(of: span, in: place.source)),
        ])
    }
}
