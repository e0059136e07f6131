/// The checked model → catalog.json: Lumen's field names, money in Lumen's units, defaults resolved
/// (LANGUAGE.md §2 and §3), and the top-level arrays sorted by id so that the bytes do not depend on the
/// order of files or declarations.
extension CatalogDocument {
    /// Compiles a catalog that checked without errors. The checks guarantee what this relies on: every
    /// reference resolves, every price has a currency, and every amount fits in Lumen's units.
    public init(compiling catalog: Catalog) {
        let defaultCurrency = catalog.defaultCurrency?.value
        // The plans on one thread, their prices and credits on another: the two are independent, and
        // for a large catalog they are nearly all of the work.
        var (plans, (prices, credits)) = Parallel.both({ Self.plans(of: catalog) }, {
            Self.pricesAndCredits(of: catalog, defaultCurrency: defaultCurrency)
        })
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

    /// Every plan, in the catalog's order.
    private static func plans(of catalog: Catalog) -> [Plan] {
        // Where an id is defined twice (reported by the identity checks), the first definition wins.
        let plansByID = Dictionary(keepingFirst: catalog.plans, by: \.id.value)
        var featureTypes: [String: FeatureType?] = [:]
        for feature in catalog.features where featureTypes.index(forKey: feature.slug.value) == nil {
            featureTypes[feature.slug.value] = .some(feature.type?.value)
        }
        return catalog.plans.map { plan in
            let granted = plan.grantedFeatures { plansByID[$0] }.map { grant in
                let slug = grant.slug.value
                return GrantedFeature(slug: slug, value: featureValue(grant.value?.value, type: featureTypes[slug] ?? nil))
            }
            return Plan(id: plan.id.value, planName: plan.name, planDescription: plan.description, isFree: plan.isFree,
                        isTrialPlan: plan.isTrial, trialParentPlanID: plan.trialOf?.value,
                        trialDays: plan.trialDays?.value, isVisibleInPricingTable: !plan.isHidden,
                        features: granted, priceIDs: plan.prices.map(\.id.value))
        }
    }

    /// Every price — the plans' own, then the quotes' — and every credit, each sorted by id.
    private static func pricesAndCredits(of catalog: Catalog,
                                         defaultCurrency: String?) -> ([Price], [CreditDefinition]) {
        var prices: [Price] = []
        var credits: [CreditDefinition] = []
        for plan in catalog.plans {
            for price in plan.prices { prices.append(Self.price(price)) }
            for credit in plan.credits { credits.append(Self.creditDefinition(credit, defaultCurrency: defaultCurrency)) }
        }
        for quote in catalog.quotes {
            if let price = quote.price { prices.append(Self.price(price)) }
        }
        prices.sort { $0.id < $1.id }
        credits.sort { $0.id < $1.id }
        return (prices, credits)
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

    private static func price(_ price: PlanCatalog.Price) -> Price {
        let currency = checkedCurrency(price.resolvedCurrency)
        return Price(id: price.id.value, planID: price.planID ?? "", currency: currency.code,
                     isOverridePrice: price.isOverride,
                     components: price.components.map { component($0, of: price, currency: currency) })
    }

    private static func component(_ component: PriceComponent, of price: PlanCatalog.Price,
                                  currency: Currency) -> Component {
        let charge: Component.Charge
        var unitLabel = component.unit
        switch component.kind {
        case .perSeat(let amount):
            charge = .perUnit(amountCents: minorUnits(amount.value, in: currency), minSeats: component.minSeats?.value,
                              billImmediately: component.billImmediately?.value ?? CatalogDefaults.billsImmediately)
            unitLabel = unitLabel ?? CatalogDefaults.seatUnit
        case .usage(let metric):
            charge = .usage(metricID: metric.value,
                            unitCostCents: minorUnits(component.unitPrice?.value ?? ExactDecimal(0), in: currency))
        case .fixed(let amount):
            charge = .fixed(amountCents: minorUnits(amount.value, in: currency))
        case nil:
            preconditionFailure("the money checks give every component exactly one of fixed, per-seat, usage")
        }
        return Component(id: component.id.value, charge: charge, label: component.label, unitLabel: unitLabel,
                         period: price.period(of: component) ?? .monthly)
    }

    private static func creditDefinition(_ credit: PlanCatalog.CreditDefinition,
                                         defaultCurrency: String?) -> CreditDefinition {
        var priceID: String?
        var componentID: String?
        var featureSlug: String?
        switch credit.appliesTo?.value {
        case .component(let price, let component)?: (priceID, componentID) = (price, component)
        case .feature(let slug)?: featureSlug = slug
        case nil: break
        }
        let isMonetary = credit.applicationType == .monetary
        let currency = isMonetary ? checkedCurrency(credit.resolvedCurrency(defaultCurrency: defaultCurrency)) : nil
        func amount(_ value: ExactDecimal) -> ExactDecimal {
            currency.map { minorUnits(value, in: $0) } ?? value
        }
        let defaultAmount = amount(credit.amount?.value ?? ExactDecimal(0))
        let renews = credit.renewal != .never
        return CreditDefinition(
            id: credit.id.value, applicationType: credit.applicationType, planID: credit.planID,
            priceID: priceID, priceComponentID: componentID, featureSlug: featureSlug, name: credit.name,
            defaultAmount: defaultAmount,
            refillAmount: renews ? credit.refill.map { amount($0.value) } ?? defaultAmount : nil,
            renewOnBilling: credit.renewal.renewsOnBilling, refillPeriod: credit.renewal.refillPeriod,
            expiryDays: credit.expiresAfterDays?.value,
            billingVisible: credit.billingVisible?.value
                ?? CatalogDefaults.isBillingVisible(isMonetary: isMonetary, appliesToComponent: priceID != nil),
            billingDescription: credit.billingDescription, currency: currency?.code)
    }

    private static func pricingTable(_ table: PlanCatalog.PricingTable, defaultCurrency: String?,
                                     lookup: CatalogDocumentIndex, unitPlurals: [String: String]) -> PricingTable {
        let currency = checkedCurrency(table.resolvedCurrency(defaultCurrency: defaultCurrency))
        let rows = table.rows.enumerated().map { position, row in
            let planID = row.planID.value
            let buttonText = row.buttonText
                ?? CatalogDefaults.buttonText(isEnterprise: row.isEnterprise, hasTrial: lookup.trial(of: planID) != nil)
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
