/// Computing a diff: match the records of the two documents, compare each matched pair field by field,
/// classify what differs, and order the result (Docs/Diff.md, "Matching and classification").
extension CatalogDiff {
    /// The changes and Lumen operations that take `deployed` (a deployed catalog.json) to `source` (the
    /// source's build). The catalog's own `name` and `defaultCurrency` are not compared: they are not Lumen
    /// objects, and nothing is deployed for them.
    public init(deployed: CatalogDocument, source: CatalogDocument) {
        let records = Self.compare(deployed: deployed, source: source)
        var changes = records.map(\.change)
        // A usage price's unit may be its metric's feature's, which only the documents know.
        if records.contains(where: { $0.kind == .price }) {
            let units = (deployed: Denominations.metricUnits(of: deployed), source: Denominations.metricUnits(of: source))
            for (index, record) in records.enumerated() where record.kind == .price {
                changes[index].denominations = .of(.price, deployed: record.deployed, source: record.source, units: units)
            }
        }
        self.init(changes: changes, operations: Self.operations(for: records))
    }

    /// Every changed record, ordered as `changes` is: kinds in dependency order and ids in byte order,
    /// then archives in reverse dependency order. The kinds are matched on two threads when the catalogs
    /// are large (`onTwoThreads` nil) or when told to.
    static func compare(deployed: CatalogDocument, source: CatalogDocument,
                        onTwoThreads: Bool? = nil) -> [ComparedRecord] {
        let isLarge = deployed.plans.count + source.plans.count >= plansWorthASecondThread
        let matches = matchedRecords(deployed: deployed, source: source, onTwoThreads: onTwoThreads ?? isLarge)
        // Prices first: what happens to them decides some plans and quotes, and nothing decides a price.
        let prices = changedRecords(deployed.prices, source.prices, matches[Kind.price.position],
                                    priceEvents: PriceEvents())
        let priceEvents = PriceEvents(prices: prices)

        var changed: [ComparedRecord] = []
        var archived: [ComparedRecord] = []
        for kind in Kind.allCases {
            let records = kind == .price ? prices
                : changedRecords(of: kind, deployed: deployed, source: source, matches[kind.position],
                                 priceEvents: priceEvents)
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

    /// Catalogs with this many plans or more (on both sides together) are matched on two threads.
    static let plansWorthASecondThread = 4_000

    /// Every kind's records matched by id and compared as typed records, by `Kind.position`.
    ///
    /// The kinds are independent of each other here (price events come later), so a large catalog's kinds
    /// are matched on two threads, the largest first: at 100,000 plans, comparing every matched pair is
    /// most of the diff's time.
    private static func matchedRecords(deployed: CatalogDocument, source: CatalogDocument,
                                       onTwoThreads: Bool) -> [[RecordMatch]] {
        let kinds: [Kind] = [.price, .plan, .creditDefinition, .quote, .feature, .metric, .pricingTable]
        var matches = [[RecordMatch]](repeating: [], count: Kind.allCases.count)
        guard onTwoThreads else {
            for kind in kinds { matches[kind.position] = matchedRecords(of: kind, deployed: deployed, source: source) }
            return matches
        }
        let kindMatches = Parallel.map(kinds.count) { iteration in
            matchedRecords(of: kinds[iteration], deployed: deployed, source: source)
        }
        for (kind, kindMatch) in zip(kinds, kindMatches) { matches[kind.position] = kindMatch }
        return matches
    }

    private static func matchedRecords(of kind: Kind, deployed: CatalogDocument, source: CatalogDocument) -> [RecordMatch] {
        switch kind {
        case .metric: RecordMatch.matches(deployed: deployed.metrics, source: source.metrics)
        case .feature: RecordMatch.matches(deployed: deployed.features, source: source.features)
        case .plan: RecordMatch.matches(deployed: deployed.plans, source: source.plans)
        case .price: RecordMatch.matches(deployed: deployed.prices, source: source.prices)
        case .creditDefinition: RecordMatch.matches(deployed: deployed.creditDefinitions, source: source.creditDefinitions)
        case .pricingTable: RecordMatch.matches(deployed: deployed.pricingTables, source: source.pricingTables)
        case .quote: RecordMatch.matches(deployed: deployed.quotes, source: source.quotes)
        }
    }

    /// The changed records of one kind, ids in byte order.
    private static func changedRecords(of kind: Kind, deployed: CatalogDocument, source: CatalogDocument,
                                       _ matches: [RecordMatch], priceEvents: PriceEvents) -> [ComparedRecord] {
        switch kind {
        case .metric: changedRecords(deployed.metrics, source.metrics, matches, priceEvents: priceEvents)
        case .feature: changedRecords(deployed.features, source.features, matches, priceEvents: priceEvents)
        case .plan: changedRecords(deployed.plans, source.plans, matches, priceEvents: priceEvents)
        case .price: changedRecords(deployed.prices, source.prices, matches, priceEvents: priceEvents)
        case .creditDefinition:
            changedRecords(deployed.creditDefinitions, source.creditDefinitions, matches, priceEvents: priceEvents)
        case .pricingTable:
            changedRecords(deployed.pricingTables, source.pricingTables, matches, priceEvents: priceEvents)
        case .quote: changedRecords(deployed.quotes, source.quotes, matches, priceEvents: priceEvents)
        }
    }

    /// Classifies each matched pair of one kind that differs.
    ///
    /// A catalog of 100,000 plans is compared with its deployed self after a change to a few prices: most
    /// pairs are equal as typed records, which says that their catalog.json values are the same, so
    /// only the pairs that differ (or whose prices changed) are turned into JSON and compared field by
    /// field.
    private static func changedRecords<Record: CatalogRecord>(
        _ deployed: [Record], _ source: [Record], _ matches: [RecordMatch], priceEvents: PriceEvents
    ) -> [ComparedRecord] {
        let kind = Record.kind
        var records: [ComparedRecord] = []
        for match in matches {
            if match.areEqual, let sourceIndex = match.source {
                let hasPriceEvents = switch kind {
                case .plan: !priceEvents.versioning(planID: source[sourceIndex].recordID).isEmpty
                case .quote: priceEvents.replacesOverride(priceID: source[sourceIndex].appliedPriceID)
                default: false
                }
                guard hasPriceEvents else { continue }
            }
            let deployedRecord = match.deployed.map { deployed[$0] }
            let sourceRecord = match.source.map { source[$0] }
            let id = sourceRecord?.recordID ?? deployedRecord?.recordID ?? ""
            let pair = RecordPair(id: id, deployed: deployedRecord?.jsonValue, source: sourceRecord?.jsonValue)
            if let record = classify(pair, kind: kind, priceEvents: priceEvents) { records.append(record) }
        }
        return records
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

    /// The key that names a record of a kind (its schema's identity): `slug` for features and pricing
    /// tables, `id` otherwise.
    static func identityKey(of kind: Kind) -> String { identityKeys[kind.position] }

    private static let identityKeys = Kind.allCases.map { $0.recordShape.identityKey ?? "\(CatalogKey.id)" }
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
        for price in sides where price[key: CatalogKey.isOverridePrice] != .bool(true) {
            if case .string(let planID)? = price[key: CatalogKey.planId], !planIDs.contains(planID) { planIDs.append(planID) }
        }
        for planID in planIDs {
            byPlan[planID, default: []].append(.init(priceID: priceID, action: action))
        }
    }

    /// The price events that make a matched plan a new version.
    func versioning(planID: String) -> [ComparedRecord.PriceEvent] { byPlan[planID] ?? [] }

    /// Whether the price `priceID` is replaced in place (nil: no price).
    func replacesOverride(priceID: String?) -> Bool { priceID.map(replacedPriceIDs.contains) ?? false }

    /// The replaced override price of a matched quote whose `priceId` stays the same (a changed `priceId`
    /// is a replace by itself).
    func replacingOverride(ofQuote deployed: JSONValue, _ source: JSONValue) -> [ComparedRecord.PriceEvent] {
        guard case .string(let priceID)? = source[key: CatalogKey.priceId],
              deployed[key: CatalogKey.priceId] == source[key: CatalogKey.priceId],
              replacedPriceIDs.contains(priceID) else { return [] }
        return [.init(priceID: priceID, action: .replace)]
    }
}
