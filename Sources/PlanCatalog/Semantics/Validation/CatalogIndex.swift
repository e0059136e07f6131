/// Lookups by id over a lowered catalog, built once so that every check resolves names in constant time.
/// Where an id is defined twice (reported by the identity checks), the first definition wins.
struct CatalogIndex {
    let catalog: Catalog
    let metrics: [String: Metric]
    let features: [String: Feature]
    let plans: [String: Plan]
    let prices: [String: Price]
    /// Every price of the catalog, the plans' own then the quotes', gathered once for all the checks.
    let allPrices: [Price]
    /// Trial plans by the id of the plan they are a trial of, in source order.
    let trialsByParent: [String: [Plan]]
    /// Quote prices by the id of the plan they are quoted for.
    let quotePricesByPlan: [String: [Price]]
    /// Whether every plan a pricing-table row or a quote names is known: all resolve, and no `row` or
    /// quote `plan` statement was refused. Otherwise any plan may be the one meant (`+Unknowns`).
    let planReferencesAreKnown: Bool

    init(_ catalog: Catalog) {
        self.catalog = catalog
        metrics = Dictionary(keepingFirst: catalog.metrics, by: \.id.value)
        features = Dictionary(keepingFirst: catalog.features, by: \.slug.value)
        plans = Dictionary(keepingFirst: catalog.plans, by: \.id.value)
        allPrices = catalog.allPrices
        prices = Dictionary(keepingFirst: allPrices, by: \.id.value)
        var trials: [String: [Plan]] = [:]
        for plan in Self.inSourceOrder(catalog.plans, by: \.location) {
            if let parent = plan.trialOf?.value { trials[parent, default: []].append(plan) }
        }
        trialsByParent = trials
        var quotePrices: [String: [Price]] = [:]
        for quote in catalog.quotes {
            if let planID = quote.planID?.value, let price = quote.price { quotePrices[planID, default: []].append(price) }
        }
        quotePricesByPlan = quotePrices
        planReferencesAreKnown = Self.planReferencesResolve(in: catalog, plans: plans)
    }

    private static func planReferencesResolve(in catalog: Catalog, plans: [String: Plan]) -> Bool {
        let refused = catalog.refusedStatements
        return catalog.pricingTables.allSatisfy { table in
            !refused.contains("row", in: table.location) && table.rows.allSatisfy { plans[$0.planID.value] != nil }
        } && catalog.quotes.allSatisfy { quote in
            !refused.contains("plan", in: quote.location) && quote.planID.map { plans[$0.value] != nil } ?? true
        }
    }

    /// The features a plan grants: its own `features` block, or for a trial without one, its parent's.
    func grants(of plan: Plan) -> [FeatureGrant] {
        plan.grantedFeatures { plans[$0] }
    }

    /// The prices that bill under a plan: its own and those of quotes for it.
    func pricesBilled(under plan: Plan) -> [Price] {
        guard let quotePrices = quotePricesByPlan[plan.id.value] else { return plan.prices }
        return plan.prices + quotePrices
    }

    /// Whether some quote bills a price under `plan`.
    func hasQuotePrices(for plan: Plan) -> Bool {
        !quotePricesByPlan.isEmpty && quotePricesByPlan[plan.id.value] != nil
    }

    /// Earlier file (by path), then earlier offset: "the later occurrence" of a duplicate across files.
    /// The compiler numbers a catalog's files in path order (`FileTable`), so the ids decide.
    static func sourceOrder(_ lhs: SourceLocation, _ rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        return lhs.span < rhs.span
    }

    /// The elements in source order. Lowering produces most lists in that order already, so a linear
    /// check usually spares the sort.
    static func inSourceOrder<Element>(_ elements: [Element], by location: (Element) -> SourceLocation) -> [Element] {
        let isSorted = zip(elements, elements.dropFirst()).allSatisfy { !sourceOrder(location($1), location($0)) }
        return isSorted ? elements : elements.sorted { sourceOrder(location($0), location($1)) }
    }
}
