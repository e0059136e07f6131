/// The checked model → catalog.json: Lumen's field names, money in Lumen's units, defaults resolved
/// (LANGUAGE.md §2 and §3), and the top-level arrays sorted by id so that the bytes do not depend on the
/// order of files or declarations.
///
/// The model's plans, prices, components and credits are read in place, by pointer (`Array+InPlace`):
/// each holds many strings and source locations, and copying them all cost more than compiling them.
extension CatalogDocument {
    /// Compiles a catalog that checked without errors. The checks guarantee what this relies on: every
    /// reference resolves, every price has a currency, and every amount fits in Lumen's units.
    public init(compiling catalog: Catalog) {
        let defaultCurrency = catalog.defaultCurrency?.value
        // The plans on one thread, their prices and credits on another: the two are independent, and
        // for a large catalog they are nearly all of the work. Each plan's `isFree` is read off its
        // compiled prices once both are done.
        var (plans, (prices, credits, isFree)) = Parallel.both({ Self.plans(of: catalog) }, {
            Self.pricesAndCredits(of: catalog, defaultCurrency: defaultCurrency)
        })
        for position in plans.indices { plans[position].isFree = isFree[position] }
        plans.sort { $0.id < $1.id }
        // Sorted in place: `sorted` would copy every record first.
        var metrics = catalog.metrics.map(Self.metric)
        metrics.sort { $0.id < $1.id }
        var features = catalog.features.map(Self.feature)
        features.sort { $0.slug < $1.slug }
        var quotes = catalog.quotes.map(Self.quote)
        quotes.sort { $0.id < $1.id }
        self.init(name: catalog.name?.value, defaultCurrency: defaultCurrency, metrics: metrics, features: features,
                  plans: plans, prices: prices, creditDefinitions: credits, pricingTables: [], quotes: quotes)
        // Rows' generated bullets and button texts read the finished plans, prices and credits: those of
        // the rows' plans, which is all an index needs to hold.
        let lookup = CatalogDocumentIndex(rowSubset(planIDs: Set(catalog.pricingTables.flatMap { table in
            table.rows.map(\.planID.value)
        })))
        // Units' plurals are the source's alone (catalog.json keeps the singular `unitLabel`): generated
        // bullets read them here, and a bullet that uses one is stored in the row like any other.
        var unitPlurals: [String: String] = [:]
        for feature in catalog.features where unitPlurals[feature.slug.value] == nil {
            if let plural = feature.unitPlural { unitPlurals[feature.slug.value] = plural }
        }
        pricingTables = catalog.pricingTables.map { table in
            Self.pricingTable(table, defaultCurrency: defaultCurrency, lookup: lookup, unitPlurals: unitPlurals)
        }
        pricingTables.sort { $0.slug < $1.slug }
    }

    /// Every plan, in the catalog's order, with `isFree` still to be set.
    private static func plans(of catalog: Catalog) -> [Plan] {
        let grants = GrantLookup(catalog)
        return catalog.plans.mapInPlace { plan($0, grants: grants) }
    }

    /// Every price — the plans' own, then the quotes' — and every credit, each sorted by id; and for
    /// each plan in the catalog's order, whether it is free as the model's `Plan.isFree` has it: some
    /// prices, none charging anything (a compiled component charges nothing exactly when its source one
    /// does).
    private static func pricesAndCredits(of catalog: Catalog,
                                         defaultCurrency: String?) -> ([Price], [CreditDefinition], [Bool]) {
        var prices: [Price] = []
        var credits: [CreditDefinition] = []
        var isFree: [Bool] = []
        isFree.reserveCapacity(catalog.plans.count)
        catalog.plans.forEachInPlace { plan in
            let firstPrice = prices.count
            plan.pointee.prices.forEachInPlace { prices.append(Self.price($0)) }
            isFree.append(prices.count > firstPrice
                          && prices[firstPrice...].allSatisfy { $0.components.allSatisfy(\.chargesNothing) })
            plan.pointee.credits.forEachInPlace { credits.append(Self.creditDefinition($0, defaultCurrency: defaultCurrency)) }
        }
        catalog.quotes.forEachInPlace { quote in
            if let price = quote.pointee.price { prices.append(withUnsafePointer(to: price, Self.price)) }
        }
        prices.sort { $0.id < $1.id }
        credits.sort { $0.id < $1.id }
        return (prices, credits, isFree)
    }

    private static func metric(_ metric: PlanCatalog.Metric) -> Metric {
        Metric(id: metric.id.value, name: metric.name, description: metric.description, eventName: metric.eventName,
               aggregation: metric.aggregation, valueType: metric.valueType)
    }

    private static func feature(_ feature: PlanCatalog.Feature) -> Feature {
        Feature(slug: feature.slug.value, displayName: feature.name, description: feature.description,
                featureType: feature.type?.value ?? .boolean, unitLabel: feature.unit,
                metricIDs: feature.metricIDs.map(\.value))
    }

    private static func plan(_ plan: UnsafePointer<PlanCatalog.Plan>, grants: GrantLookup) -> Plan {
        let granted = grants.grants(of: plan).mapInPlace { grant in
            let slug = grant.pointee.slug.value
            return GrantedFeature(slug: slug, value: featureValue(grant.pointee.value?.value,
                                                                  type: grants.featureType(of: slug)))
        }
        return Plan(id: plan.pointee.id.value, planName: plan.pointee.name, planDescription: plan.pointee.description,
                    isFree: false, isTrialPlan: plan.pointee.isTrial, trialParentPlanID: plan.pointee.trialOf?.value,
                    trialDays: plan.pointee.trialDays?.value, isVisibleInPricingTable: !plan.pointee.isHidden,
                    features: granted, priceIDs: plan.pointee.prices.mapInPlace { $0.pointee.id.value })
    }

    /// A grant's `featureValue`, by the feature's type (the checks made value and type agree).
    private static func featureValue(_ value: GrantValue?, type: FeatureType?) -> FeatureValue {
        switch (type, value) {
        case (.number, .limit(let limit)?): .limit(limit)
        case (.number, .unlimited?): .unlimited
        case (.text, .text(let text)?): .text(text)
        case (.usage, _): .usageBased
        default: .enabled
        }
    }

    private static func price(_ price: UnsafePointer<PlanCatalog.Price>) -> Price {
        let currency = checkedCurrency(price.pointee.resolvedCurrency)
        return Price(id: price.pointee.id.value, planID: price.pointee.planID ?? "", currency: currency.code,
                     isOverridePrice: price.pointee.isOverride,
                     components: price.pointee.components.mapInPlace { component($0, of: price, currency: currency) })
    }

    private static func component(_ component: UnsafePointer<PriceComponent>, of price: UnsafePointer<PlanCatalog.Price>,
                                  currency: Currency) -> Component {
        let charge: Component.Charge
        var unitLabel = component.pointee.unit
        switch component.pointee.kind {
        case .perSeat(let amount):
            charge = .perUnit(amountCents: minorUnits(amount.value, in: currency),
                              minSeats: component.pointee.minSeats?.value,
                              billImmediately: component.pointee.billImmediately?.value ?? true)
            unitLabel = unitLabel ?? "seat"
        case .usage(let metric):
            charge = .usage(metricID: metric.value,
                            unitCostCents: minorUnits(component.pointee.unitPrice?.value ?? ExactDecimal(0), in: currency))
        case .fixed(let amount):
            charge = .fixed(amountCents: minorUnits(amount.value, in: currency))
        case nil:
            preconditionFailure("the money checks give every component exactly one of fixed, per-seat, usage")
        }
        return Component(id: component.pointee.id.value, charge: charge, label: component.pointee.label,
                         unitLabel: unitLabel, period: period(of: component, in: price) ?? .monthly)
    }

    /// The model's `Price.period(of:)` — the component's own interval, else the price's — for a
    /// component read in place: the model's function takes a copy of the component, whose every source
    /// location retains the same source file, which two threads compiling at once then fight over.
    private static func period(of component: UnsafePointer<PriceComponent>,
                               in price: UnsafePointer<PlanCatalog.Price>) -> BillingPeriod? {
        if let ownInterval = component.pointee.interval?.value {
            return BillingPeriod(interval: ownInterval, count: component.pointee.intervalCount?.value ?? 1)
        }
        guard let interval = price.pointee.interval?.value else { return nil }
        return BillingPeriod(interval: interval,
                             count: component.pointee.intervalCount?.value ?? price.pointee.intervalCount?.value ?? 1)
    }

    private static func creditDefinition(_ credit: UnsafePointer<PlanCatalog.CreditDefinition>,
                                         defaultCurrency: String?) -> CreditDefinition {
        var priceID: String?
        var componentID: String?
        var featureSlug: String?
        switch credit.pointee.appliesTo?.value {
        case .component(let price, let component)?: (priceID, componentID) = (price, component)
        case .feature(let slug)?: featureSlug = slug
        case nil: break
        }
        let isMonetary = credit.pointee.applicationType == .monetary
        let currency = isMonetary ? checkedCurrency(credit.pointee.currency?.value ?? defaultCurrency) : nil
        func amount(_ value: ExactDecimal) -> ExactDecimal {
            currency.map { minorUnits(value, in: $0) } ?? value
        }
        let defaultAmount = amount(credit.pointee.amount?.value ?? ExactDecimal(0))
        let renews = credit.pointee.renewal != .never
        let refillPeriod: BillingPeriod? = switch credit.pointee.renewal {
        case .monthly: .monthly
        case .yearly: .yearly
        case .onBilling, .never: nil
        }
        // LANGUAGE.md: billing-visible by default for monetary credits and for usage credits applied to a
        // component; a usage credit applied to a feature is not shown on invoices.
        let defaultVisibility = isMonetary || priceID != nil
        return CreditDefinition(
            id: credit.pointee.id.value, applicationType: credit.pointee.applicationType, planID: credit.pointee.planID,
            priceID: priceID, priceComponentID: componentID, featureSlug: featureSlug, name: credit.pointee.name,
            defaultAmount: defaultAmount,
            refillAmount: renews ? credit.pointee.refill.map { amount($0.value) } ?? defaultAmount : nil,
            renewOnBilling: credit.pointee.renewal == .onBilling, refillPeriod: refillPeriod,
            expiryDays: credit.pointee.expiresAfterDays?.value,
            billingVisible: credit.pointee.billingVisible?.value ?? defaultVisibility,
            billingDescription: credit.pointee.billingDescription, currency: currency?.code)
    }

    private static func pricingTable(_ table: PlanCatalog.PricingTable, defaultCurrency: String?,
                                     lookup: CatalogDocumentIndex, unitPlurals: [String: String]) -> PricingTable {
        let currency = checkedCurrency(table.currency?.value ?? defaultCurrency)
        let rows = table.rows.enumerated().map { position, row in
            let planID = row.planID.value
            let buttonText = row.buttonText
                ?? (row.isEnterprise ? "Contact sales" : lookup.trial(of: planID) != nil ? "Start free trial" : "Get started")
            return PlanConfig(planID: planID, displayOrder: position + 1, isPopular: row.popular != nil,
                              popularText: row.popular?.value, buttonText: buttonText, buttonOutline: row.isOutlined,
                              isEnterprisePlan: row.isEnterprise, enterpriseRedirectURL: row.enterpriseURL?.value,
                              bullets: row.bullets)
        }
        var compiled = PricingTable(slug: table.slug.value, name: table.name ?? table.slug.value, heading: table.heading,
                                    subheading: table.subheading, description: table.description,
                                    currency: currency.code, planConfigs: rows)
        for (position, row) in compiled.planConfigs.enumerated() where row.bullets.isEmpty {
            let pricing = PricingRow(row, in: compiled, lookup: lookup)
            compiled.planConfigs[position].bullets = GeneratedBullets.bullets(for: pricing, lookup: lookup,
                                                                              unitPlurals: unitPlurals)
        }
        return compiled
    }

    private static func quote(_ quote: PlanCatalog.Quote) -> Quote {
        Quote(id: quote.id.value, planID: quote.planID?.value ?? "", customer: quote.customer ?? "",
              stableSubscriptionID: quote.subscription, effective: quote.effective, priceID: quote.price?.id.value ?? "")
    }

    /// The currency a checked catalog names; the money checks refuse a price, credit or table without one.
    private static func checkedCurrency(_ code: String?) -> Currency {
        guard let code, let currency = Currency.named(code) else {
            preconditionFailure("the money checks guarantee a valid currency for every price, credit and table")
        }
        return currency
    }

    /// An amount in the currency's minor units (29 USD → 2900; 0.002 USD → 0.2), exactly.
    private static func minorUnits(_ amount: ExactDecimal, in currency: Currency) -> ExactDecimal {
        guard let minor = amount.shifted(by: currency.minorUnitExponent) else {
            preconditionFailure("the money checks keep every amount within 2^53 − 1 minor units")
        }
        return minor
    }
}

/// What compiling a plan looks up: the type of each feature it grants, and for a trial without a
/// `features` block, its parent.
///
/// The checks' `CatalogIndex` answers the same questions, but holds a copy of every plan and price by
/// id; for a catalog of 100,000 plans building it again took longer than compiling the plans. This keeps
/// positions only.
private struct GrantLookup {
    let plans: [PlanCatalog.Plan]
    /// Where each plan id is first defined (a repeated id is reported by the identity checks).
    let planPositions: [String: Int]
    /// The type of the first feature defined with each slug, nil where it says none.
    let featureTypes: [String: FeatureType?]

    init(_ catalog: Catalog) {
        plans = catalog.plans
        var positions: [String: Int] = [:]
        positions.reserveCapacity(catalog.plans.count)
        var position = catalog.plans.count
        // From the last back, so that the first position of a repeated id is the one left.
        for plan in catalog.plans.mapInPlace({ $0.pointee.id.value }).reversed() {
            position -= 1
            positions[plan] = position
        }
        planPositions = positions
        var types: [String: FeatureType?] = [:]
        for feature in catalog.features where types.index(forKey: feature.slug.value) == nil {
            types[feature.slug.value] = .some(feature.type?.value)
        }
        featureTypes = types
    }

    /// The type of the feature first defined with `slug`, when it says one.
    func featureType(of slug: String) -> FeatureType? { featureTypes[slug] ?? nil }

    /// The features a plan grants: its own `features` block, or for a trial without one, its parent's
    /// (LANGUAGE.md), as `CatalogIndex.grants(of:)` has it for the checks.
    func grants(of plan: UnsafePointer<PlanCatalog.Plan>) -> [FeatureGrant] {
        if let grants = plan.pointee.grants { return grants }
        guard let parentID = plan.pointee.trialOf?.value, let position = planPositions[parentID] else { return [] }
        // Through the buffer, which reads the parent's fields where they are (`plans[i]` copies the plan).
        return plans.withUnsafeBufferPointer { plans in
            plans[position].trialOf == nil ? plans[position].grants ?? [] : []
        }
    }
}
