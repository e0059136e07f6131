import PlanCatalog

extension LanguageServer {
    /// `workspace/symbol`: the definitions of every catalog an open document belongs to whose id matches
    /// the query — its characters in order, whatever their case (`prom` finds `price_pro_monthly`),
    /// as editors filter symbols — at most `workspaceSymbolLimit`, each catalog once. An empty query lists
    /// them all. The catalogs of files no editor has open are not searched: the server learns of files
    /// through the documents it is given.
    func workspaceSymbol(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard case .string(let query)? = params?["query"] else { throw .invalidParams("workspace/symbol needs `query`") }
        var seen = Set<String>()
        var symbols: [JSONValue] = []
        for document in documents.documents.values.sorted(by: { $0.uri < $1.uri }) {
            let analysis = analysis(of: document)
            guard seen.insert(analysis.catalog.key).inserted else { continue }
            let files = analysis.result.files
            for definition in analysis.index.definitions where Self.matches(query, definition.symbol.id) {
                guard symbols.count < Self.workspaceSymbolLimit else { break }
                var members: [JSONValue.Member] = [
                    .init("name", .string(definition.symbol.id)),
                    .init("kind", .number(SymbolKind(definition.symbol.kind).rawValue)),
                    .init("location", location(of: definition.location, in: files)),
                ]
                let container = definition.symbol.price.map { "price " + $0 } ?? definition.symbol.kind.rawValue
                members.append(.init("containerName", .string(container)))
                symbols.append(.object(members))
            }
        }
        return .array(symbols)
    }

    /// How many symbols one answer lists at most: enough to scroll, few enough to answer at once on a
    /// catalog of 100,000 plans.
    static let workspaceSymbolLimit = 1_000

    /// Whether the characters of `query` appear in `name` in order, ignoring ASCII case.
    static func matches(_ query: String, _ name: String) -> Bool {
        var remaining = query.lowercased().unicodeScalars.makeIterator()
        var wanted = remaining.next()
        for scalar in name.lowercased().unicodeScalars where scalar == wanted {
            wanted = remaining.next()
        }
        return wanted == nil
    }
}
