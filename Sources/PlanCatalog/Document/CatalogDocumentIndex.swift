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
        plans = Dictionary(keepingFirst: document.plans, by: \.id)
        prices = Dictionary(keepingFirst: document.prices, by: \.id)
        features = Dictionary(keepingFirst: document.features, by: \.slug)
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

extension Dictionary {
    /// Elements by key, the first one winning where a key repeats (duplicates are reported elsewhere).
    init(keepingFirst elements: some Sequence<Value>, by key: (Value) -> Key) {
        self.init()
        for element in elements where self[key(element)] == nil { self[key(element)] = element }
    }
}
