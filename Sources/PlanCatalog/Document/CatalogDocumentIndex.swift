/// Lookups by id over a catalog document, built once, so that deriving entitlements and pricing tables
/// stays linear in the size of the catalog. Where a document repeats an id (the reader refuses that), the
/// first one wins.
///
/// The lookups hold positions in the document's arrays rather than copies of the records: a catalog of
/// 100,000 plans would otherwise copy every plan and price into a dictionary, retaining each of their
/// strings and arrays once more.
struct CatalogDocumentIndex: Sendable {
    let document: CatalogDocument
    let plans: RecordLookup<CatalogDocument.Plan>
    let prices: RecordLookup<CatalogDocument.Price>
    let features: RecordLookup<CatalogDocument.Feature>
    /// The positions of each plan's credit definitions, in id order.
    private let creditsByPlan: [String: [Int]]
    /// The position of the trial plan of each parent (the first by id, should a document list several).
    private let trialsByParent: [String: Int]

    init(_ document: CatalogDocument) {
        self.document = document
        plans = RecordLookup(document.plans, by: \.id)
        prices = RecordLookup(document.prices, by: \.id)
        features = RecordLookup(document.features, by: \.slug)
        var creditsByPlan: [String: [Int]] = [:]
        for (index, credit) in document.creditDefinitions.enumerated() {
            creditsByPlan[credit.planID, default: []].append(index)
        }
        self.creditsByPlan = creditsByPlan
        var trials: [String: Int] = [:]
        for (index, plan) in document.plans.enumerated() {
            if let parent = plan.trialParentPlanID, trials[parent] == nil { trials[parent] = index }
        }
        trialsByParent = trials
    }

    /// The trial plan whose parent is `planID`.
    func trial(of planID: String) -> CatalogDocument.Plan? { trialsByParent[planID].map { document.plans[$0] } }

    /// A plan's own prices, in its `priceIds` order.
    func prices(of plan: CatalogDocument.Plan) -> [CatalogDocument.Price] {
        plan.priceIDs.compactMap { prices[$0] }
    }

    /// A plan's credit definitions.
    func credits(of planID: String) -> [CatalogDocument.CreditDefinition] {
        creditsByPlan[planID]?.map { document.creditDefinitions[$0] } ?? []
    }

    /// The plan's usage credits for a feature: those applied to the feature, and those applied to a
    /// component that bills one of its metrics — only components of `price`, when one is given.
    func usageCredits(of plan: CatalogDocument.Plan, for feature: CatalogDocument.Feature,
                      onlyOf price: CatalogDocument.Price? = nil) -> [CatalogDocument.CreditDefinition] {
        credits(of: plan.id).filter { credit in
            guard credit.applicationType == .usage else { return false }
            if credit.featureSlug == feature.slug { return true }
            guard let priceID = credit.priceID, let componentID = credit.priceComponentID,
                  price == nil || price?.id == priceID,
                  let component = prices[priceID]?.components.first(where: { $0.id == componentID }),
                  case .usage(let metricID, _) = component.charge else { return false }
            return feature.metricIDs.contains(metricID)
        }
    }
}

/// The records of one kind by id: a dictionary from id to position, over the document's array.
struct RecordLookup<Record: Sendable>: Sendable {
    let records: [Record]
    /// The position of the first record with each id.
    let positions: [String: Int]

    init(_ records: [Record], by id: (Record) -> String) {
        self.records = records
        var positions: [String: Int] = [:]
        positions.reserveCapacity(records.count)
        // Backwards, so that the first record with an id is the one kept, with one hash per record.
        for index in records.indices.reversed() { positions[id(records[index])] = index }
        self.positions = positions
    }

    /// Records whose positions by id are known already.
    init(_ records: [Record], positions: [String: Int]) {
        self.records = records
        self.positions = positions
    }

    /// The record with this id.
    subscript(id: String) -> Record? { positions[id].map { records[$0] } }

    /// The ids, in no particular order.
    var ids: Dictionary<String, Int>.Keys { positions.keys }
}

extension Dictionary {
    /// Elements by key, the first one winning where a key repeats (duplicates are reported elsewhere).
    /// One hash per element, into a dictionary sized once.
    init(keepingFirst elements: some Sequence<Value>, by key: (Value) -> Key) {
        self = withoutActuallyEscaping(key) { key in
            Dictionary(elements.lazy.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
