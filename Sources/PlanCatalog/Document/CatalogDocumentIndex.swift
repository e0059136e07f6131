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
    /// Each plan's credit definitions in document order, as a chain of positions: the first by plan id,
    /// then each one's next. A catalog of 100,000 plans has as many small groups, which an array each
    /// would cost more to make than the chain does.
    private let firstCredits: [String: Int]
    private let nextCredits: [Int?]
    /// The position of the trial plan of each parent (the first by id, should a document list several).
    private let trialsByParent: [String: Int]

    init(_ document: CatalogDocument) {
        self.document = document
        plans = RecordLookup(document.plans, by: \.id)
        prices = RecordLookup(document.prices, by: \.id)
        features = RecordLookup(document.features, by: \.slug)
        var first: [String: Int] = [:]
        first.reserveCapacity(document.plans.count)
        var next = [Int?](repeating: nil, count: document.creditDefinitions.count)
        // Linked from the last credit back, so that each plan's chain runs in document order.
        for position in document.creditDefinitions.indices.reversed() {
            next[position] = first.updateValue(position, forKey: document.creditDefinitions[position].planID)
        }
        firstCredits = first
        nextCredits = next
        var trials: [String: Int] = [:]
        // By position, reading the one field: entitlements.json indexes every plan of the catalog.
        for index in document.plans.indices {
            if let parent = document.plans[index].trialParentPlanID, trials[parent] == nil { trials[parent] = index }
        }
        trialsByParent = trials
    }

    /// The trial plan whose parent is `planID`.
    func trial(of planID: String) -> CatalogDocument.Plan? { trialsByParent[planID].map { document.plans[$0] } }

    /// A plan's own prices, in its `priceIds` order.
    func prices(of plan: CatalogDocument.Plan) -> [CatalogDocument.Price] {
        plan.priceIDs.compactMap { prices[$0] }
    }

    /// The positions in `document.creditDefinitions` of a plan's credit definitions, in document order.
    func creditPositions(of planID: String) -> some Sequence<Int> {
        // The chain alone is captured: capturing `self` would copy the whole index for every plan asked.
        sequence(state: firstCredits[planID]) { [nextCredits] next in
            guard let position = next else { return nil }
            next = nextCredits[position]
            return position
        }
    }

    /// A plan's allowance of a usage feature, or nil when no credit grants one (LANGUAGE.md §2): the
    /// amounts of its usage credits applied to the feature, and of those applied to a component that
    /// bills one of the feature's metrics — only components of price `priceID`, when one is given — added
    /// up; and whether any of them is refilled at each billing.
    ///
    /// The one statement of the rule: entitlements.json's `creditAllowance` and a pricing-table row's
    /// generated bullet ("10,000 API calls included each billing period") are both this. A row shows one
    /// price, so of the credits applied to components it counts only the shown price's (a yearly price's
    /// own quota is not added to the monthly one's).
    ///
    /// The credits and prices are read by position, field by field: entitlements.json asks this for
    /// every usage feature of every plan, and a copy of a record retains each of its strings.
    func usageAllowance(of planID: String, forFeature slug: String, metering metricIDs: [String],
                        onlyOf priceID: String? = nil) -> UsageAllowance? {
        let credits = document.creditDefinitions
        var allowance: UsageAllowance?
        for position in creditPositions(of: planID) where credits[position].applicationType == .usage {
            if credits[position].featureSlug != slug {
                guard let creditPriceID = credits[position].priceID, priceID == nil || priceID == creditPriceID,
                      let price = prices.positions[creditPriceID],
                      let component = document.prices[price].components.firstIndex(where: {
                          $0.id == credits[position].priceComponentID
                      }),
                      case .usage(let metricID, _) = document.prices[price].components[component].charge,
                      metricIDs.contains(metricID) else { continue }
            }
            let (amount, renews) = (credits[position].defaultAmount, credits[position].renewOnBilling)
            guard let previous = allowance else {
                allowance = UsageAllowance(total: amount, renewsOnBilling: renews)
                continue
            }
            guard let total = previous.total.adding(amount) else {
                preconditionFailure("the credit checks keep a plan's usage credits within 2^53 − 1 units")
            }
            allowance = UsageAllowance(total: total, renewsOnBilling: previous.renewsOnBilling || renews)
        }
        return allowance
    }
}

/// How much of a usage feature a plan includes (`CatalogDocumentIndex.usageAllowance`).
struct UsageAllowance: Equatable, Sendable {
    /// The credits' amounts added up, in units of the feature.
    let total: ExactDecimal
    /// Whether some of it is refilled at each billing.
    let renewsOnBilling: Bool
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
