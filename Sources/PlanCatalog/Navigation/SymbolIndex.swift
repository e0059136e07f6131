/// Every place a checked catalog names an id: where each id is defined and every reference to it, across
/// the files of the catalog. What an editor's navigation reads — go to definition, find references,
/// rename, workspace symbols — and what says which id a position of a file is on.
///
/// Built from the lowered model, which keeps a location for every id it read: a statement the checks
/// refused is not in the model, so an id it names is not indexed until it is repaired. The references
/// are the language's (LANGUAGE.md § 2): `trial-of`, a `features` block's lines, a feature's `metric`, a
/// component's `usage`, a credit's `applies-to` (a feature, or a price and its component), a row, a
/// quote's `plan`, and a scenario's `price` and `usage`.
public struct SymbolIndex: Sendable {
    /// What an id names: its kind, and its name within the kind. Component ids are unique within their
    /// price only, so a component is named `price.component`; every other id is unique across the catalog.
    public struct Symbol: Hashable, Sendable {
        public let kind: EntityKind
        public let name: String

        public init(_ kind: EntityKind, _ name: String) {
            self.kind = kind
            self.name = name
        }

        /// The id as written where it is defined: a component's own id, without its price.
        public var id: String {
            guard kind == .component, let dot = name.firstIndex(of: ".") else { return name }
            return String(name[name.index(after: dot)...])
        }

        /// A component's price; nil for any other kind.
        public var price: String? {
            guard kind == .component, let dot = name.firstIndex(of: ".") else { return nil }
            return String(name[..<dot])
        }

        /// The same kind of thing with the id `id`: a component stays in its price.
        public func renamed(to id: String) -> Symbol {
            Symbol(kind, price.map { $0 + "." + id } ?? id)
        }
    }

    /// One place an id is written.
    public struct Occurrence: Sendable {
        public let symbol: Symbol
        /// The id's own bytes, nothing around them.
        public let location: SourceLocation
        public let isDefinition: Bool
    }

    /// In the order of the model: definitions and references as lowering met them.
    public let occurrences: [Occurrence]

    public init(_ catalog: Catalog) {
        var builder = Builder()
        for metric in catalog.metrics { builder.define(.metric, metric.id) }
        for feature in catalog.features {
            builder.define(.feature, feature.slug)
            for metric in feature.metricIDs { builder.refer(.metric, metric) }
        }
        for plan in catalog.plans {
            builder.define(.plan, plan.id)
            if let parent = plan.trialOf { builder.refer(.plan, parent) }
            for grant in plan.grants ?? [] { builder.refer(.feature, grant.slug) }
            for price in plan.prices { builder.add(price) }
            for credit in plan.credits {
                builder.define(.credit, credit.id)
                if let target = credit.appliesTo { builder.refer(to: target) }
            }
        }
        for table in catalog.pricingTables {
            builder.define(.pricingTable, table.slug)
            for row in table.rows { builder.refer(.plan, row.planID) }
        }
        for quote in catalog.quotes {
            builder.define(.quote, quote.id)
            if let plan = quote.planID { builder.refer(.plan, plan) }
            if let price = quote.price { builder.add(price) }
        }
        for scenario in catalog.scenarios {
            builder.define(.scenario, scenario.id)
            if let price = scenario.priceID { builder.refer(.price, price) }
            for usage in scenario.usage { builder.refer(.metric, usage.metricID) }
        }
        occurrences = builder.occurrences
    }

    /// The id written at byte `offset` of `file`: the occurrence whose bytes contain it, or end right
    /// before it (the cursor just after a word is on the word).
    public func occurrence(at offset: Int, in file: FileID) -> Occurrence? {
        occurrences.first { $0.location.file == file && $0.location.span.start <= offset && offset <= $0.location.span.end }
    }

    /// Where `symbol` is defined; nil for an id defined nowhere (an unknown reference, already an error).
    /// An id defined twice (an error too) is at its first definition.
    public func definition(of symbol: Symbol) -> Occurrence? {
        occurrences.first { $0.isDefinition && $0.symbol == symbol }
    }

    /// Every place `symbol` is written, its definition first, then by file and position.
    public func occurrences(of symbol: Symbol) -> [Occurrence] {
        occurrences.filter { $0.symbol == symbol }.sorted { first, second in
            if first.isDefinition != second.isDefinition { return first.isDefinition }
            if first.location.file != second.location.file { return first.location.file < second.location.file }
            return first.location.span.start < second.location.span.start
        }
    }

    /// Whether `text` can be an id: one word of the language (LANGUAGE.md § 1), as the lexer reads it — not
    /// a number, a string, a reference or two words.
    public static func isValidID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 1_000 else { return false }
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "", bytes: bytes))
        let words = tokens.filter { $0.kind != .endOfFile }
        return diagnostics.isEmpty && words.count == 1 && words[0].kind == .word
            && words[0].span == Span(start: 0, end: bytes.count)
    }

    /// Every definition, in the order of the model.
    public var definitions: [Occurrence] { occurrences.filter(\.isDefinition) }

    /// Gathers the occurrences while the model is walked.
    private struct Builder {
        var occurrences: [Occurrence] = []

        mutating func define(_ kind: EntityKind, _ id: Located<String>) {
            occurrences.append(Occurrence(symbol: Symbol(kind, id.value), location: id.location, isDefinition: true))
        }

        mutating func refer(_ kind: EntityKind, _ id: Located<String>) {
            occurrences.append(Occurrence(symbol: Symbol(kind, id.value), location: id.location, isDefinition: false))
        }

        mutating func add(_ price: Price) {
            define(.price, price.id)
            for component in price.components {
                occurrences.append(Occurrence(symbol: Symbol(.component, price.id.value + "." + component.id.value),
                                              location: component.id.location, isDefinition: true))
                if let metric = component.usageMetric { refer(.metric, metric) }
            }
        }

        /// A credit's `applies-to`: a feature id, or `price.component`, whose two ids are two references,
        /// each at its own bytes of the argument.
        mutating func refer(to target: Located<CreditTarget>) {
            let location = target.location
            switch target.value {
            case .feature(let feature):
                refer(.feature, Located(feature, at: location))
            case .component(let price, let component):
                let words = Argument.wordSpans(ofReference: location.span, first: price, second: component)
                refer(.price, Located(price, at: SourceLocation(file: location.file, span: words.first)))
                occurrences.append(Occurrence(symbol: Symbol(.component, price + "." + component),
                                              location: SourceLocation(file: location.file, span: words.second),
                                              isDefinition: false))
            }
        }
    }
}
