import PlanCatalog

extension LanguageServer {
    /// `textDocument/documentSymbol`: the outline of one file — its metrics, features, plans (with their
    /// prices, each price's components, and the plan's credits), pricing tables (with their rows), quotes
    /// and scenarios, in the order written. The document is checked with the rest of its catalog, as for
    /// diagnostics, and what the lowered model holds of this file is listed; a statement the checks refused
    /// may be missing until it is repaired.
    ///
    /// A record's range is its statement's keyword and id (where the model places it), which is also its
    /// selection range; a block's children are listed under it.
    func documentSymbol(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = try openDocument(in: params, for: "textDocument/documentSymbol") else {
            return .array([])
        }
        let result = analysis(of: document).result
        let files = result.files
        let path = document.path ?? document.uri
        func inThisFile(_ location: SourceLocation) -> Bool { files.path(of: location) == path }
        func symbol(_ name: String, _ kind: SymbolKind, _ location: SourceLocation, detail: String? = nil,
                    children: [JSONValue] = []) -> JSONValue {
            let range = positionEncoding.range(of: location.span, in: files[location.file])
            var members: [JSONValue.Member] = [.init("name", .string(name))]
            if let detail { members.append(.init("detail", .string(detail))) }
            members += [.init("kind", .number(kind.rawValue)), .init("range", range), .init("selectionRange", range)]
            if !children.isEmpty { members.append(.init("children", .array(children))) }
            return .object(members)
        }
        func symbol(of price: Price) -> JSONValue {
            symbol(price.id.value, SymbolKind(.price), price.location, detail: "price",
                   children: price.components.map { symbol($0.id.value, SymbolKind(.component), $0.location, detail: $0.kind?.name) })
        }

        let model = result.catalog
        var symbols: [(location: SourceLocation, symbol: JSONValue)] = []
        for metric in model.metrics where inThisFile(metric.id.location) {
            symbols.append((metric.id.location, symbol(metric.id.value, SymbolKind(.metric), metric.id.location, detail: "metric")))
        }
        for feature in model.features where inThisFile(feature.location) {
            symbols.append((feature.location, symbol(feature.slug.value, SymbolKind(.feature), feature.location,
                                                     detail: feature.type.map { "\($0.value.rawValue) feature" })))
        }
        for plan in model.plans where inThisFile(plan.location) {
            let children = plan.prices.map(symbol(of:))
                + plan.credits.map { symbol($0.id.value, SymbolKind(.credit), $0.location, detail: "credit") }
            symbols.append((plan.location, symbol(plan.id.value, SymbolKind(.plan), plan.location, detail: plan.name,
                                                  children: children)))
        }
        for table in model.pricingTables where inThisFile(table.location) {
            let rows = table.rows.map { symbol($0.planID.value, .enumMember, $0.location, detail: "row") }
            symbols.append((table.location, symbol(table.slug.value, SymbolKind(.pricingTable), table.location, detail: "pricing table",
                                                   children: rows)))
        }
        for quote in model.quotes where inThisFile(quote.location) {
            symbols.append((quote.location, symbol(quote.id.value, SymbolKind(.quote), quote.location, detail: quote.customer,
                                                   children: quote.price.map { [symbol(of: $0)] } ?? [])))
        }
        for scenario in model.scenarios where inThisFile(scenario.location) {
            symbols.append((scenario.location, symbol(scenario.id.value, SymbolKind(.scenario), scenario.location,
                                                      detail: scenario.description?.value ?? "scenario")))
        }
        return .array(symbols.sorted { $0.location.span.start < $1.location.span.start }.map(\.symbol))
    }
}

/// LSP's `SymbolKind`, the values plancat's outline uses.
enum SymbolKind: Int {
    case `class` = 5
    case method = 6
    case property = 7
    case field = 8
    case function = 12
    case constant = 14
    case object = 19
    case enumMember = 22
    case `struct` = 23
    case event = 24
}

extension SymbolKind {
    /// The kind of symbol an editor shows for each kind of id, in the outline and among workspace symbols alike.
    init(_ kind: EntityKind) {
        self = switch kind {
        case .metric: .event
        case .feature: .field
        case .plan: .class
        case .price: .method
        case .component: .property
        case .credit: .constant
        case .pricingTable: .struct
        case .quote: .object
        case .scenario: .function
        }
    }
}
