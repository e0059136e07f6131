/// The lowered catalog with its ids interned and its references resolved, built once per check so that
/// the families look things up by integer rather than by hashing id strings.
///
/// Each kind's definitions get `TypedID`s (`IDTable`); every reference the families follow — `trial-of`,
/// a `features` line, a feature's `metric`, a `usage` component, `applies-to`, a pricing-table row, a
/// quote's `plan` — is resolved here once, to the first definition of the id it names (where an id is
/// defined twice, reported by the identity checks, the first definition wins). From then on a lookup is
/// an array index and a comparison of two references an integer comparison. Per-plan lists are arrays
/// indexed by a plan's place (`IDGroups`), not dictionaries keyed by its id.
struct CatalogIndex {
    let catalog: Catalog
    let metrics: IDTable<Metric>
    let features: IDTable<Feature>
    let plans: IDTable<Plan>
    /// Every price of the catalog, the plans' own then the quotes', gathered once for all the checks.
    let prices: IDTable<Price>
    /// The parent each plan's `trial-of` names, by plan; nil when it has none or names no plan.
    let trialParents: [PlanID?]
    /// Trial plans by the parent they name, in source order, and by name those whose parent does not
    /// exist (reported by the reference checks; a second trial of it is still a second trial).
    let trialsByParent: IDGroups<PlanID>
    let trialsOfUnknownParents: [String: [Plan]]
    /// The feature each line of a plan's own `features` block names, by plan; nil where none.
    let ownGrantFeatures: IDGroups<FeatureID?>
    /// The metrics each feature's `metric` lines name, by feature; nil where none.
    let featureMetrics: IDGroups<MetricID?>
    /// The metric each component's `usage` names, by price, one entry per component; nil where the
    /// component is not a usage component or names no metric.
    let componentMetrics: IDGroups<MetricID?>
    /// The plan each price belongs to (its owner's id resolved), by price; nil for a quote's price.
    let priceOwners: [PlanID?]
    /// Where each plan's own prices start in `prices.elements`; one more entry than there are plans.
    private let planPriceStarts: [Int32]
    /// The quote prices billed under each plan, by the plan its id resolves to.
    let quotePrices: IDGroups<PriceID>
    /// What each of a plan's credits applies to, resolved, by plan, one entry per credit.
    let creditTargets: IDGroups<AppliesTo>
    /// The plan each row of each pricing table names, by table, one entry per row; nil where none.
    let rowPlans: IDGroups<PlanID?>
    /// The plan each quote names, by quote; nil where it names none or an unknown one.
    let quotePlans: [PlanID?]
    /// Whether two credits share an id (reported by the identity checks). Nothing looks a credit up by
    /// id, so credits have no `IDTable`; the prices' half finds this out as it goes through them.
    let hasRepeatedCreditIDs: Bool
    /// Whether every reference written resolved (`trial-of`, a `features` line, a feature's `metric`, a
    /// `usage` component, `applies-to`, a row, a quote's `plan`): then the reference checks have nothing
    /// to report, and need not go through the catalog to find that out.
    let everyReferenceResolves: Bool
    /// Whether every plan a pricing-table row or a quote names is known: all resolve, and no `row` or
    /// quote `plan` statement was refused. Otherwise any plan may be the one meant (`+Unknowns`).
    let planReferencesAreKnown: Bool

    /// What a credit's `applies-to` names, resolved.
    enum AppliesTo: Sendable {
        /// No `applies-to`.
        case none
        /// A feature by slug: nil when no feature has it.
        case feature(FeatureID?)
        /// `PRICE.COMPONENT`: the price (nil when unknown) and the component's place in it (nil when the
        /// price has no component with that id).
        case component(PriceID?, component: Int32?)
    }

    /// The index of `catalog`, built on two threads when it has enough plans to be worth a second one
    /// (as the families are run, `CatalogChecks.plansWorthASecondThread`).
    init(_ catalog: Catalog) {
        self.init(catalog, onTwoThreads: catalog.plans.count >= CatalogChecks.plansWorthASecondThread)
    }

    /// The index of `catalog`; with `onTwoThreads`, the half that comes from the plans' lists and the
    /// half that comes from the prices' (`PlanHalf`, `PriceHalf`) are built at once. Neither reads the
    /// other, so the index is the same either way.
    init(_ catalog: Catalog, onTwoThreads: Bool) {
        self.catalog = catalog
        let metrics = IDTable(catalog.metrics) { $0.id.value }
        let features = IDTable(catalog.features) { $0.slug.value }
        let planHalf = { @Sendable in PlanHalf(catalog, metrics: metrics, features: features) }
        let priceHalf = { @Sendable in PriceHalf(catalog, features: features) }
        let (plans, prices) = onTwoThreads ? Parallel.both(planHalf, priceHalf) : (planHalf(), priceHalf())
        (self.metrics, self.features, self.plans, self.prices) = (metrics, features, plans.table, prices.table)
        (trialParents, ownGrantFeatures, planPriceStarts) = (plans.trialParents, plans.ownGrantFeatures, plans.priceStarts)
        (trialsByParent, trialsOfUnknownParents) = (plans.trialsByParent, plans.trialsOfUnknownParents)
        (componentMetrics, creditTargets) = (plans.componentMetrics, prices.creditTargets)
        hasRepeatedCreditIDs = prices.hasRepeatedCreditIDs
        // A quote's price has no plan of its own.
        priceOwners = plans.priceOwners + repeatElement(nil, count: prices.table.elements.count - plans.priceOwners.count)

        // Counted as each reference resolves, for `everyReferenceResolves`.
        var unresolved = UnresolvedReferences()
        func counted<Element>(_ id: TypedID<Element>?) -> TypedID<Element>? { unresolved.counted(id) }

        var featureMetrics = IDGroups<MetricID?>(reservingOwners: catalog.features.count)
        for feature in catalog.features {
            for metric in feature.metricIDs { featureMetrics.append(counted(metrics.id(named: metric.value))) }
            featureMetrics.closeOwner()
        }
        self.featureMetrics = featureMetrics

        var quotePlans: [PlanID?] = []
        var quotePricePairs: [(owner: Int, member: PriceID)] = []
        var quotePricePosition = Int(plans.priceStarts[catalog.plans.count])
        for quote in catalog.quotes {
            let plan = quote.planID.flatMap { counted(plans.table.id(named: $0.value)) }
            quotePlans.append(plan)
            guard quote.price != nil else { continue }
            if let plan { quotePricePairs.append((plan.index, PriceID(quotePricePosition))) }
            quotePricePosition += 1
        }
        self.quotePlans = quotePlans
        quotePrices = IDGroups(quotePricePairs, ownerCount: catalog.plans.count)

        var rowPlans = IDGroups<PlanID?>(reservingOwners: catalog.pricingTables.count)
        for table in catalog.pricingTables {
            for row in table.rows { rowPlans.append(counted(plans.table.id(named: row.planID.value))) }
            rowPlans.closeOwner()
        }
        self.rowPlans = rowPlans

        everyReferenceResolves = plans.unresolvedReferences + prices.unresolvedReferences + unresolved.count == 0

        let refused = catalog.refusedStatements
        planReferencesAreKnown = catalog.pricingTables.indices.allSatisfy { table in
            !refused.contains("row", in: catalog.pricingTables[table].location) && !rowPlans[table].contains(nil)
        } && catalog.quotes.indices.allSatisfy { quote in
            !refused.contains("plan", in: catalog.quotes[quote].location)
                && (catalog.quotes[quote].planID == nil || quotePlans[quote] != nil)
        }
    }

    /// Every price of the catalog, the plans' own then the quotes'.
    var allPrices: [Price] { prices.elements }

    /// The prices of the plan's own `price` blocks, by their ids.
    func ownPrices(of plan: PlanID) -> Range<Int> {
        Int(planPriceStarts[plan.index])..<Int(planPriceStarts[plan.index + 1])
    }

    /// The plan whose `features` block `plan` grants: its own, or for a trial without one, its parent's
    /// (`Plan.grants(own:trialParent:)`, asked which block rather than for the block's lines); nil when
    /// it grants none.
    private func grantingPlan(of plan: PlanID) -> PlanID? {
        if plans[plan].grants != nil { return plan }
        let parent = trialParents[plan.index].map { parent in
            (grants: plans[parent].grants.map { _ in [parent] }, isTrial: plans[parent].isTrial)
        }
        return Plan.grants(own: nil, trialParent: parent).first
    }

    /// The features a plan grants (by id, nil for a line naming no feature), from the block
    /// `grantingPlan(of:)` finds.
    func grantedFeatures(of plan: PlanID) -> ArraySlice<FeatureID?> {
        grantingPlan(of: plan).map { ownGrantFeatures[$0.index] } ?? []
    }

    /// The lines a plan grants, from the same block as `grantedFeatures(of:)`.
    func grants(of plan: PlanID) -> [FeatureGrant] {
        grantingPlan(of: plan).flatMap { plans[$0].grants } ?? []
    }

    /// The prices that bill under a plan: its own and those of quotes for its id, by their ids.
    func pricesBilled(under plan: PlanID) -> [PriceID] {
        ownPrices(of: plan).map { PriceID($0) } + quotePrices(billedUnder: plan)
    }

    /// The prices of quotes for the plan's id: those `pricesBilled(under:)` lists after its own.
    func quotePrices(billedUnder plan: PlanID) -> ArraySlice<PriceID> {
        quotePrices[plans.resolvedID(at: plan.index).index]
    }

    /// Whether some quote bills a price under `plan`'s id.
    func hasQuotePrices(for plan: PlanID) -> Bool {
        !quotePrices.isEmpty && !quotePrices[plans.resolvedID(at: plan.index).index].isEmpty
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
