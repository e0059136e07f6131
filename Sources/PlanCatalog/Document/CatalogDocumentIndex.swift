/// Lookups by id over a catalog document, built once, so that deriving entitlements and pricing tables
/// stays linear in the size of the catalog. Where a document repeats an id (the reader refuses that), the
/// first one wins.
struct CatalogDocumentIndex {
    let document: CatalogDocument
    let plans: [String: CatalogDocument.Plan]
    let prices: [String: CatalogDocument.Price]
    let features: [String: CatalogDocument.Feature]
    /// Each plan's credit definitions, in id order.
    let creditsByPlan: [String: [CatalogDocument.CreditDefinition]]
    /// The trial plan of each parent (the first by id, should a document list several).
    let trialsByParent: [String: CatalogDocument.Plan]

    init(_ document: CatalogDocument) {
        self.document = document
        plans = Self.firstByID(document.plans, \.id)
        prices = Self.firstByID(document.prices, \.id)
        features = Self.firstByID(document.features, \.slug)
        creditsByPlan = Dictionary(grouping: document.creditDefinitions, by: \.planID)
        var trials: [String: CatalogDocument.Plan] = [:]
        for plan in document.plans {
            if let parent = plan.trialParentPlanID, trials[parent] == nil { trials[parent] = plan }
        }
        trialsByParent = trials
    }

    /// The trial plan whose parent is `planID`.
    func trial(of planID: String) -> CatalogDocument.Plan? { trialsByParent[planID] }

    /// A plan's own prices, in its `priceIds` order.
    func prices(of plan: CatalogDocument.Plan) -> [CatalogDocument.Price] {
        plan.priceIDs.compactMap { prices[$0] }
    }

    /// A plan's credit definitions.
    func credits(of planID: String) -> [CatalogDocument.CreditDefinition] { creditsByPlan[planID] ?? [] }

    private static func firstByID<Element>(_ elements: [Element], _ id: (Element) -> String) -> [String: Element] {
        var result: [String: Element] = [:]
        for element in elements where result[id(element)] == nil { result[id(element)] = element }
        return result
    }
}
