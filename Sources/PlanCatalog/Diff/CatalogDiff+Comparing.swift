/// Computing a diff: match the records of the two documents, compare each matched pair field by field,
/// classify what differs, and order the result (Docs/Diff.md, "Matching and classification").
extension CatalogDiff {
    /// The changes and Lumen operations that take `deployed` (a deployed catalog.json) to `source` (the
    /// source's build). The catalog's own `name` and `defaultCurrency` are not compared: they are not Lumen
    /// objects, and nothing is deployed for them.
    public init(deployed: CatalogDocument, source: CatalogDocument) {
        let records = Self.compare(deployed: deployed, source: source)
        self.init(changes: records.map(\.change), operations: Self.operations(for: records))
    }

    /// Every changed record, ordered as `changes` is: kinds in dependency order and ids in byte order,
    /// then archives in reverse dependency order.
    static func compare(deployed: CatalogDocument, source: CatalogDocument) -> [ComparedRecord] {
        var pairs: [Kind: [RecordPair]] = [:]
        for kind in Kind.allCases {
            pairs[kind] = RecordPair.match(deployed: records(of: kind, in: deployed), source: records(of: kind, in: source))
        }
        // Prices first: what happens to them decides some plans and quotes, and nothing decides a price.
        let prices = (pairs[.price] ?? []).compactMap { classify($0, kind: .price, priceEvents: PriceEvents()) }
        let priceEvents = PriceEvents(prices: prices)

        var changed: [ComparedRecord] = []
        var archived: [ComparedRecord] = []
        for kind in Kind.allCases {
            let records = kind == .price ? prices
                : (pairs[kind] ?? []).compactMap { classify($0, kind: kind, priceEvents: priceEvents) }
            for record in records {
                if record.action == .archive { archived.append(record) } else { changed.append(record) }
            }
        }
        // Archives are collected kind by kind, ids in byte order; reversing the kinds keeps the ids' order.
        let archivesInReverseDependencyOrder = Kind.allCases.reversed().flatMap { kind in
            archived.filter { $0.kind == kind }
        }
        return changed + archivesInReverseDependencyOrder
    }

    /// The record of one pair, or nil when the two sides are the same.
    private static func classify(_ pair: RecordPair, kind: Kind, priceEvents: PriceEvents) -> ComparedRecord? {
        switch (pair.deployed, pair.source) {
        case (nil, let source?):
            return ComparedRecord(kind: kind, id: pair.id, deployed: nil, source: source,
                                  fields: FieldComparison.leaves(of: source, identityKey: identityKey(of: kind)),
                                  action: .create, decidingFields: [])
        case (let deployed?, nil):
            return ComparedRecord(kind: kind, id: pair.id, deployed: deployed, source: nil, fields: [],
                                  action: .archive, decidingFields: [])
        case (let deployed?, let source?):
            var record = ComparedRecord(kind: kind, id: pair.id, deployed: deployed, source: source,
                                        fields: FieldComparison.changes(from: deployed, to: source),
                                        action: .update, decidingFields: [])
            switch kind {
            case .plan: record.priceEvents = priceEvents.versioning(planID: pair.id)
            case .quote: record.priceEvents = priceEvents.replacingOverride(ofQuote: deployed, source)
            default: break
            }
            let fieldActions = record.changedTopLevelFields.map { ($0, ChangeClassification.action(for: $0, of: kind)) }
            let eventAction: Action? = record.priceEvents.isEmpty ? nil : (kind == .plan ? .newVersion : .replace)
            guard let action = ChangeClassification.mostSevere(fieldActions.map(\.1) + (eventAction.map { [$0] } ?? []))
            else { return nil }
            record.action = action
            record.decidingFields = fieldActions.filter { $0.1 == action }.map(\.0)
            return record
        case (nil, nil):
            return nil
        }
    }

    /// The key that names a record of a kind: `slug` for features and pricing tables, `id` otherwise.
    static func identityKey(of kind: Kind) -> String {
        switch kind {
        case .feature, .pricingTable: "slug"
        default: "id"
        }
    }

    /// A kind's records as catalog.json values, by their id or slug.
    private static func records(of kind: Kind, in document: CatalogDocument) -> [(id: String, value: JSONValue)] {
        switch kind {
        case .metric: document.metrics.map { ($0.id, $0.jsonValue) }
        case .feature: document.features.map { ($0.slug, $0.jsonValue) }
        case .plan: document.plans.map { ($0.id, $0.jsonValue) }
        case .price: document.prices.map { ($0.id, $0.jsonValue) }
        case .creditDefinition: document.creditDefinitions.map { ($0.id, $0.jsonValue) }
        case .pricingTable: document.pricingTables.map { ($0.slug, $0.jsonValue) }
        case .quote: document.quotes.map { ($0.id, $0.jsonValue) }
        }
    }

    /// Whether `lhs` sorts before `rhs` by the bytes of their UTF-8 text, as catalog.json sorts ids.
    static func precedesInByteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

/// A record of one kind under one id, from either side or both; matching is by id alone, so a renamed
/// id is one pair on each side (an archive and a create), never guessed to be the same object.
struct RecordPair {
    let id: String
    let deployed: JSONValue?
    let source: JSONValue?

    /// Pairs for every id of either side, ids in byte order. A repeated id (which the reader and the
    /// compiler refuse) keeps its first record.
    static func match(deployed: [(id: String, value: JSONValue)], source: [(id: String, value: JSONValue)]) -> [RecordPair] {
        let deployedByID = Dictionary(deployed.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let sourceByID = Dictionary(source.map { ($0.id, $0.value) }, uniquingKeysWith: { first, _ in first })
        let ids = Set(deployedByID.keys).union(sourceByID.keys).sorted(by: CatalogDiff.precedesInByteOrder)
        return ids.map { RecordPair(id: $0, deployed: deployedByID[$0], source: sourceByID[$0]) }
    }
}

/// The prices created, replaced or archived, found before plans and quotes are classified: a plan whose
/// price changes is a new version even when its `priceIds` read the same, and a quote whose override
/// price is replaced must be applied again.
struct PriceEvents {
    /// Per plan id, its own (non-override) prices that change, in price id order.
    private var byPlan: [String: [ComparedRecord.PriceEvent]] = [:]
    /// Ids of prices replaced in place of a deployed price with the same id.
    private var replacedPriceIDs: Set<String> = []

    /// No events: what classifying the prices themselves needs.
    init() {}

    /// The events of the prices' own changes (every change of a price is a create, replace or archive).
    init(prices: [ComparedRecord]) {
        for price in prices {
            if price.action == .replace { replacedPriceIDs.insert(price.id) }
            add(price.action, priceID: price.id, sides: [price.deployed, price.source].compactMap { $0 })
        }
    }

    /// Records the event for the plan of each side's price, unless that side is a quote's override price.
    private mutating func add(_ action: CatalogDiff.Action, priceID: String, sides: [JSONValue]) {
        var planIDs: [String] = []
        for price in sides where price["isOverridePrice"] != .bool(true) {
            if case .string(let planID)? = price["planId"], !planIDs.contains(planID) { planIDs.append(planID) }
        }
        for planID in planIDs {
            byPlan[planID, default: []].append(.init(priceID: priceID, action: action))
        }
    }

    /// The price events that make a matched plan a new version.
    func versioning(planID: String) -> [ComparedRecord.PriceEvent] { byPlan[planID] ?? [] }

    /// The replaced override price of a matched quote whose `priceId` stays the same (a changed `priceId`
    /// is a replace by itself).
    func replacingOverride(ofQuote deployed: JSONValue, _ source: JSONValue) -> [ComparedRecord.PriceEvent] {
        guard case .string(let priceID)? = source["priceId"], deployed["priceId"] == source["priceId"],
              replacedPriceIDs.contains(priceID) else { return [] }
        return [.init(priceID: priceID, action: .replace)]
    }
}
