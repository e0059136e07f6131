/// The two halves of the index that take most of its time, each read from its own lists of the catalog
/// and the small tables of metrics and features, so that on a large catalog they are built at once
/// (`CatalogIndex.init(_:onTwoThreads:)`): neither reads the other.
extension CatalogIndex {
    /// What comes from the plans' lists in one pass over them: the plans' ids, their `trial-of` and
    /// `features` lines, where their own prices start, the trials by parent, and the metric each
    /// component's `usage` names (the quotes' prices' components after the plans'). The two halves are
    /// about even at 100,000 plans.
    struct PlanHalf: Sendable {
        let table: IDTable<Plan>
        let trialParents: [PlanID?]
        let ownGrantFeatures: IDGroups<FeatureID?>
        /// `CatalogIndex.planPriceStarts`: one more entry than there are plans.
        let priceStarts: [Int32]
        /// The owner of each of the plans' own prices; the quotes' prices come after them.
        let priceOwners: [PlanID?]
        let trialsByParent: IDGroups<PlanID>
        let trialsOfUnknownParents: [String: [Plan]]
        let componentMetrics: IDGroups<MetricID?>
        /// References named here that resolve to nothing.
        let unresolvedReferences: Int

        init(_ catalog: Catalog, metrics: IDTable<Metric>, features: IDTable<Feature>) {
            let plans = IDTable(catalog.plans) { $0.id.value }
            table = plans
            var unresolved = UnresolvedReferences()
            func counted<Element>(_ id: TypedID<Element>?) -> TypedID<Element>? { unresolved.counted(id) }

            var trialParents: [PlanID?] = []
            trialParents.reserveCapacity(catalog.plans.count)
            var grants = IDGroups<FeatureID?>(reservingOwners: catalog.plans.count, members: catalog.plans.count * 4)
            var priceStarts: [Int32] = [0]
            priceStarts.reserveCapacity(catalog.plans.count + 1)
            var priceOwners: [PlanID?] = []
            priceOwners.reserveCapacity(catalog.plans.count * 2)
            // By price, in the order of `CatalogIndex.allPrices`: the plans' own, then the quotes'.
            var componentMetrics = IDGroups<MetricID?>(reservingOwners: catalog.plans.count * 2 + catalog.quotes.count)
            func addComponentMetrics(of price: Price) {
                for component in price.components {
                    componentMetrics.append(component.usageMetric.flatMap { counted(metrics.id(named: $0.value)) })
                }
                componentMetrics.closeOwner()
            }
            for (position, plan) in catalog.plans.enumerated() {
                trialParents.append(plan.trialOf.flatMap { counted(plans.id(named: $0.value)) })
                for grant in plan.grants ?? [] { grants.append(counted(features.id(named: grant.slug.value))) }
                grants.closeOwner()
                priceStarts.append(priceStarts[position] + Int32(plan.prices.count))
                priceOwners += repeatElement(PlanID?.some(plans.resolvedID(at: position)), count: plan.prices.count)
                for price in plan.prices { addComponentMetrics(of: price) }
            }
            for quote in catalog.quotes {
                if let price = quote.price { addComponentMetrics(of: price) }
            }
            self.trialParents = trialParents
            ownGrantFeatures = grants
            self.priceStarts = priceStarts
            self.priceOwners = priceOwners
            self.componentMetrics = componentMetrics

            var trials: [(owner: Int, member: PlanID)] = []
            var trialsOfUnknownParents: [String: [Plan]] = [:]
            for position in CatalogIndex.inSourceOrder(Array(catalog.plans.indices), by: { catalog.plans[$0].location }) {
                guard let parentName = catalog.plans[position].trialOf?.value else { continue }
                if let parent = trialParents[position] {
                    trials.append((parent.index, PlanID(position)))
                } else {
                    trialsOfUnknownParents[parentName, default: []].append(catalog.plans[position])
                }
            }
            trialsByParent = IDGroups(trials, ownerCount: catalog.plans.count)
            self.trialsOfUnknownParents = trialsOfUnknownParents
            unresolvedReferences = unresolved.count
        }
    }

    /// What needs every price's id: the prices' table, and what each credit's `applies-to` names (a
    /// price's component, or a feature); and on the way through the credits, whether two share an id.
    struct PriceHalf: Sendable {
        let table: IDTable<Price>
        let creditTargets: IDGroups<AppliesTo>
        let hasRepeatedCreditIDs: Bool
        /// References named here that resolve to nothing.
        let unresolvedReferences: Int

        init(_ catalog: Catalog, features: IDTable<Feature>) {
            let prices = IDTable(catalog.allPrices) { $0.id.value }
            table = prices
            var unresolvedReferences = 0

            var creditTargets = IDGroups<AppliesTo>(reservingOwners: catalog.plans.count)
            let creditCount = catalog.plans.reduce(0) { $0 + $1.credits.count }
            var creditIDs = IDNameTable(capacity: creditCount)
            var hasRepeatedCreditIDs = false
            for plan in catalog.plans {
                for credit in plan.credits {
                    // Where the first credit of a repeated id stands is not asked: the identity checks
                    // look again in source order.
                    if creditIDs.insert(credit.id.value, at: 0) != nil { hasRepeatedCreditIDs = true }
                    let target = Self.resolve(credit.appliesTo?.value, features: features, prices: prices)
                    switch target {
                    case .none, .feature(_?), .component(_?, component: _?): break
                    case .feature(nil), .component(nil, _), .component(_?, component: nil): unresolvedReferences += 1
                    }
                    creditTargets.append(target)
                }
                creditTargets.closeOwner()
            }
            self.creditTargets = creditTargets
            self.hasRepeatedCreditIDs = hasRepeatedCreditIDs
            self.unresolvedReferences = unresolvedReferences
        }

        private static func resolve(_ target: CreditTarget?, features: IDTable<Feature>,
                                    prices: IDTable<Price>) -> AppliesTo {
            switch target {
            case nil:
                return .none
            case .feature(let slug)?:
                return .feature(features.id(named: slug))
            case .component(let priceID, let componentID)?:
                guard let price = prices.id(named: priceID) else { return .component(nil, component: nil) }
                let component = prices[price].components.firstIndex { $0.id.value == componentID }
                return .component(price, component: component.map(Int32.init))
            }
        }
    }

    /// How many references resolved to nothing, counted as each is resolved (`everyReferenceResolves`).
    struct UnresolvedReferences {
        private(set) var count = 0

        /// `id`, counting it when it is nil.
        mutating func counted<Element>(_ id: TypedID<Element>?) -> TypedID<Element>? {
            if id == nil { count += 1 }
            return id
        }
    }
}
