/// Writes one catalog document as source, record by record, in a readable order: the catalog's name and
/// currency, metrics, features, plans (each trial right after its parent, prices and credits inside their
/// plan), pricing tables, then quotes (each with its override price). Within a kind, records keep the
/// input's order: sorted by id in a built catalog.json, the team's own order in one assembled by hand.
///
/// What the compiler would derive on its own is left out: a metric's event name equal to its id, the
/// default aggregation and value type, a price's or credit's or table's currency equal to the catalog's,
/// `interval-count 1`, a per-seat unit of "seat", `bill-immediately true`, a credit's default refill,
/// renewal and visibility, a table's name equal to its slug, the default popular and button texts, and
/// bullets equal to the generated ones. Every line records the JSON path it comes from.
final class ImportComposer: Sendable {
    let document: CatalogDocument
    /// The first plan and the first price with each id, as indices into the document.
    let planIndices: [String: Int]
    let priceIndices: [String: Int]
    /// For each plan and each price, the index of the first with its id (a plan's credits and trials go
    /// under the first plan with the plan's id).
    let firstPlanIndex: [Int]
    let firstPriceIndex: [Int]
    /// Each plan's prices in its `priceIds` order, those that exist; each plan's credits and trials in the
    /// input's order, under the first plan with the `planId` or parent id they name.
    let pricesByPlan: IndexGroups
    let creditsByPlan: IndexGroups
    let trialsByParent: IndexGroups
    /// The parent each plan names, as `trialsByParent` groups it; nil for a plan that is no trial, or
    /// whose parent no plan is.
    let trialParents: [Int?]
    /// The catalog's currency's minor-unit exponent, which most amounts are shifted by.
    let defaultCurrencyExponent: Int
    /// A guess of the source's size in bytes (`estimatedSize(of:)`).
    let estimatedSize: Int
    /// Lookups for the pricing-table rows (default buttons, generated bullets), over the records that
    /// rows can reach (`rowLookup(for:)`).
    let rowLookup: CatalogDocumentIndex
    /// Plurals of features' units that the rows' bullets show, by feature slug (`unit "index"
    /// "indices"`): catalog.json keeps only the singular (`ImportComposer+UnitPlurals`).
    let unitPlurals: [String: String]

    /// Refuses, before anything is written, the records the language has no way to say: first any id
    /// that is not a word (`CatalogImporter.checkWords`), then the records below.
    ///
    /// Every id is hashed once here, and the lookups after are by index: at a hundred thousand plans,
    /// hashing ids again for each check and line was most of import's own time. The plans' and the
    /// prices' lookups are made at once, then the references between them resolved at once.
    init(_ document: CatalogDocument) throws(ImportError) {
        self.document = document
        defaultCurrencyExponent = document.defaultCurrency.map(SourceWords.minorUnitExponent(of:)) ?? 0
        estimatedSize = Self.estimatedSize(of: document)
        // The two lookups by id at once: the plans' (with the credits' and trials' plans found in it, and
        // the word check) beside the prices', which are two or three times as many.
        let ((plans, creditOwners, trialParents, words), prices) = Parallel.both({
            let plans = Self.firstIndices(count: document.plans.count) { document.plans[$0].id }
            let creditOwners = document.creditDefinitions.indices.map { plans.byID[document.creditDefinitions[$0].planID] }
            let trialParents = document.plans.indices.map { index in
                document.plans[index].trialParentPlanID.flatMap { plans.byID[$0] }
            }
            let words = Result { () throws(ImportError) in try CatalogImporter.checkWords(in: document) }
            return (plans, creditOwners, trialParents, words)
        }, {
            Self.firstIndices(count: document.prices.count) { document.prices[$0].id }
        })
        try words.get()
        (planIndices, firstPlanIndex) = (plans.byID, plans.first)
        (priceIndices, firstPriceIndex) = (prices.byID, prices.first)
        self.trialParents = trialParents
        // Then the plans' prices, half of the plans on each core (the rows' lookups beside the first half).
        let middle = document.plans.count / 2
        let (firstPrices, (otherPrices, rowLookup)) = Parallel.both({
            Self.prices(ofPlans: 0..<middle, in: document, by: prices)
        }, {
            (Self.prices(ofPlans: middle..<document.plans.count, in: document, by: prices),
             Self.rowLookup(for: document, plans: plans, prices: prices, creditOwners: creditOwners))
        })
        pricesByPlan = IndexGroups.joined([firstPrices, otherPrices])
        self.rowLookup = rowLookup
        unitPlurals = Self.inferredUnitPlurals(in: document, lookup: rowLookup)
        creditsByPlan = IndexGroups(owners: creditOwners, ownerCount: document.plans.count)
        trialsByParent = IndexGroups(owners: trialParents, ownerCount: document.plans.count)
        try checkPricesAreListed()
        try checkFreePlans()
        try checkRenewals()
        try checkRowBullets()
    }

    /// The index of the first record with each id, and for each record the index of the first with its id.
    private static func firstIndices(count: Int, id: (Int) -> String) -> IDIndices {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(count)
        var first: [Int] = []
        first.reserveCapacity(count)
        for index in 0..<count {
            // One hash per record: the subscript with a default stores `index` only where the id is new.
            first.append(value(of: &byID[id(index), default: index]))
        }
        return IDIndices(byID: byID, first: first)
    }

    private static func value(of entry: inout Int) -> Int { entry }

    /// The prices each of `plans` lists, those that exist, in its `priceIds` order.
    private static func prices(ofPlans plans: Range<Int>, in document: CatalogDocument,
                               by prices: IDIndices) -> IndexGroups {
        IndexGroups(owners: plans) { plan, members in
            for priceID in document.plans[plan].priceIDs {
                if let price = prices.byID[priceID] { members.append(price) }
            }
        }
    }

    // MARK: Composing

    /// The source, laid out in two parts at once, one per core, then joined: the catalog's name and
    /// currency, metrics, features and the first half of the plans; the other half of the plans, the
    /// pricing tables and the quotes. Each part is written as the whole source would write it there.
    func compose() -> [UInt8] {
        let order = plansInWritingOrder()
        let middle = Self.middle(of: order, tailWeight: document.quotes.count) { 1 + self.pricesByPlan[$0].count }
        // The first part's array has room for the whole source, so that the second is copied into it
        // without moving the first; room not written is never touched.
        var (bytes, rest) = Parallel.both({
            SourceWriter.layOut(capacity: self.estimatedSize) { writer in
                self.write(head: true, plans: order[..<middle], tail: false, into: &writer)
            }.bytes
        }, {
            SourceWriter.layOut(capacity: self.estimatedSize, isContinuing: true) { writer in
                self.write(head: false, plans: order[middle...], tail: true, into: &writer)
            }.bytes
        })
        // The second part begins with the blank line between top-level blocks, unless nothing came first.
        bytes.append(contentsOf: bytes.isEmpty ? rest.drop { $0 == UInt8(ascii: "\n") } : rest[...])
        return bytes
    }

    /// Where to split the writing order so that the two parts are about as large: by the `weight` of each
    /// plan (a plan and each of its prices count one), with `tailWeight` (the quotes, which are priced
    /// too) in the second part.
    private static func middle(of order: [Int], tailWeight: Int, weight: (Int) -> Int) -> Int {
        var plansWeight = order.reduce(0) { $0 + weight($1) }
        let half = (plansWeight + tailWeight) / 2
        var middle = 0
        plansWeight = 0
        while middle < order.count && plansWeight < half {
            plansWeight += weight(order[middle])
            middle += 1
        }
        return middle
    }

    /// The JSON path of a line (1-based) of the source, found by laying it out again, keeping only that
    /// line's path.
    func path(ofLine line: Int) -> String {
        composeInOnePart(tracing: line).tracedPath ?? "$"
    }

    /// The source laid out in one part, as `compose()` gives it, and the path of line `tracedLine`.
    func composeInOnePart(tracing tracedLine: Int? = nil) -> (bytes: [UInt8], tracedPath: String?) {
        SourceWriter.layOut(capacity: estimatedSize, tracing: tracedLine) { writer in
            write(head: true, plans: plansInWritingOrder()[...], tail: true, into: &writer)
        }
    }

    /// Top-level blocks: with `head`, the catalog's name and currency, the metrics and the features; the
    /// plans at `plans` of the writing order; with `tail`, the pricing tables and the quotes.
    private func write(head: Bool, plans: ArraySlice<Int>, tail: Bool, into writer: inout SourceWriter) {
        if head {
            if let name = document.name {
                writer.statement("catalog", .text(name), path: "$.\(CatalogKey.name)")
            }
            if let currency = document.defaultCurrency {
                writer.statement("currency", .word(currency), path: "$.\(CatalogKey.defaultCurrency)")
            }
            for (index, metric) in document.metrics.enumerated() {
                writer.blankLine()
                write(metric, at: "$.\(CatalogKey.metrics)[\(index)]", into: &writer)
            }
            for (index, feature) in document.features.enumerated() {
                writer.blankLine()
                write(feature, at: "$.\(CatalogKey.features)[\(index)]", into: &writer)
            }
        }
        for index in plans {
            writer.blankLine()
            writePlan(at: index, into: &writer)
        }
        if tail {
            for (index, table) in document.pricingTables.enumerated() {
                writer.blankLine()
                write(table, at: "$.\(CatalogKey.pricingTables)[\(index)]", into: &writer)
            }
            for (index, quote) in document.quotes.enumerated() {
                writer.blankLine()
                write(quote, at: "$.\(CatalogKey.quotes)[\(index)]", into: &writer)
            }
        }
    }

    /// A guess of a document's source's size in bytes, on the generous side, so that its array is made
    /// once: a plan with its features and a price with its components take about this much.
    private static func estimatedSize(of document: CatalogDocument) -> Int {
        4096 + 128 * (document.metrics.count + document.features.count) + 256 * document.plans.count
            + 160 * document.prices.count + 80 * document.prices.reduce(0) { $0 + $1.components.count }
            + 160 * document.creditDefinitions.count + 256 * document.quotes.count
    }

    // MARK: Metrics and features

    private func write(_ metric: CatalogDocument.Metric, at path: @autoclosure () -> String,
                       into writer: inout SourceWriter) {
        writer.block("metric", metric.id, path: path()) { writer in
            writer.statement("name", .text(metric.name), path: path() + ".\(CatalogKey.name)")
            if let description = metric.description {
                writer.statement("description", .text(description), path: path() + ".\(CatalogKey.description)")
            }
            if metric.eventName != PlanCatalog.Metric.defaultEventName(for: metric.id) {
                writer.statement("event", .text(metric.eventName), path: path() + ".\(CatalogKey.eventName)")
            }
            if metric.aggregation != PlanCatalog.Metric.defaultAggregation {
                writer.statement("aggregate", .word(metric.aggregation.rawValue), path: path() + ".\(CatalogKey.aggregationType)")
            }
            if metric.valueType != PlanCatalog.Metric.defaultValueType(for: metric.aggregation) {
                writer.statement("value", .word(metric.valueType.rawValue), path: path() + ".\(CatalogKey.valueType)")
            }
        }
    }

    private func write(_ feature: CatalogDocument.Feature, at path: @autoclosure () -> String,
                       into writer: inout SourceWriter) {
        writer.block("feature", feature.slug, path: path()) { writer in
            writer.statement("name", .text(feature.displayName), path: path() + ".\(CatalogKey.displayName)")
            if let description = feature.description {
                writer.statement("description", .text(description), path: path() + ".\(CatalogKey.description)")
            }
            writer.statement("type", .word(feature.featureType.rawValue), path: path() + ".\(CatalogKey.featureType)")
            for (index, metricID) in feature.metricIDs.enumerated() {
                writer.statement("metric", .word(metricID), path: path() + ".\(CatalogKey.metricIds)[\(index)]")
            }
            if let unit = feature.unitLabel {
                let plural = unitPlurals[feature.slug]
                writer.statement("unit", plural.map { .texts(unit, $0) } ?? .text(unit), path: path() + ".\(CatalogKey.unitLabel)")
            }
        }
    }

    // MARK: Order

    /// Plans in the input's order, each trial right after its parent rather than in its own place. (The reader makes
    /// every trial's parent a plan that is not a trial; any plan left over still comes last, never lost.)
    private func plansInWritingOrder() -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(document.plans.count)
        var isWritten = [Bool](repeating: false, count: document.plans.count)
        for (index, plan) in document.plans.enumerated() where plan.trialParentPlanID == nil {
            order.append(index)
            isWritten[index] = true
            for trialIndex in trialsByParent[firstPlanIndex[index]] {
                order.append(trialIndex)
                isWritten[trialIndex] = true
            }
        }
        return order + document.plans.indices.filter { !isWritten[$0] }
    }
}

/// The index of the first record with each id of one top-level array, and for each record the index of
/// the first with its id.
struct IDIndices {
    let byID: [String: Int]
    let first: [Int]
}
