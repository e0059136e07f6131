import PlanCatalog

extension LanguageServer {
    /// `textDocument/completion`: what may be written at the position, by context (`Completion.items`):
    /// the statements the enclosing block allows, the ids of the right kind where a statement takes one
    /// (plans after `trial-of`, metrics after `usage`, the features a `features` block does not list
    /// yet…), the words of a choice. Each item replaces the word being typed. The ids are those of the
    /// document's catalog as last checked (`analysis(of:)`), the open buffers included.
    ///
    /// A document that is not open, a position past the last line, a comment or a string get no items; a
    /// keyword comes with what the statement means in its block (`Schema.meaning`) as its documentation.
    func completion(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let place = try documentPosition(in: params, for: "textDocument/completion") else { return .array([]) }
        let file = place.source
        // A line before the first or past the last is no place to write (a character past a line's end
        // is the line's end, as LSP 3.17 says).
        guard let line = Self.integer(params?["position"]?["line"]), line >= 0, line < file.lineTable.lineCount else {
            return .array([])
        }
        let items = Completion.items(in: place.analysis.syntaxTree(of: place.file), at: place.offset,
                                     catalog: place.analysis.result.catalog).map { item -> JSONValue in
            var members: [JSONValue.Member] = [
                .init("label", .string(item.label)),
                .init("kind", .number(Self.completionItemKind(of: item.kind))),
            ]
            if let detail = item.detail { members.append(.init("detail", .string(detail))) }
            if let documentation = item.documentation {
                members.append(.init("documentation", .object([.init("kind", "markdown"),
                                                                .init("value", .string(documentation))])))
            }
            members.append(.init("textEdit", .object([
                .init("range", positionEncoding.range(of: item.replacing, in: file)),
                .init("newText", .string(item.label)),
            ])))
            return .object(members)
        }
        return .object([.init("isIncomplete", false), .init("items", .array(items))])
    }

    /// LSP's `CompletionItemKind` of an item: the kinds the outline (`SymbolKind`) gives the same things.
    private static func completionItemKind(of kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .keyword: 14  // Keyword
        case .value: 20  // EnumMember
        case .currency: 21  // Constant
        case .reference(let entity):
            switch entity {
            case .plan: 7  // Class
            case .price: 2  // Method
            case .component: 10  // Property
            case .feature: 5  // Field
            case .metric: 23  // Event
            case .credit, .pricingTable, .quote, .scenario: 18  // Reference
            }
        }
    }
}
