/// The checked model → catalog.json: Lumen's field names, money in Lumen's units, defaults resolved
/// (LANGUAGE.md §2 and §3), and the top-level arrays sorted by id so that the bytes do not depend on the
/// order of files or declarations.
extension CatalogDocument {
    /// Compiles a catalog that checked without errors. The checks guarantee what this relies on: every
    /// reference resolves, every price has a currency, and every amount fits in Lumen's units.
    public init(compiling catalog: Catalog) {
        let index = CatalogIndex(catalog)
        let defaultCurrency = catalog.defaultCurrency?.value
        self.init(
            name: catalog.name?.value,
            defaultCurrency: defaultCurrency,
            metrics: catalog.metrics.map(Self.metric).sorted { $0.id < $1.id },
            features: catalog.features.map(Self.feature).sorted { $0.slug < $1.slug },
            plans: catalog.plans.map { Self.plan($0, index: index) }.sorted { $0.id < $1.id },
            prices: index.allPrices.map(Self.price).sorted { $0.id < $1.id },
            creditDefinitions: catalog.plans.flatMap { plan in
                plan.credits.map { Self.creditDefinition($0, defaultCurrency: defaultCurrency) }
            }.sorted { $0.id < $1.id },
            pricingTables: [],
            quotes: catalog.quotes.map(Self.quote).sorted { $0.id < $1.id })
        // Rows' generated bullets and button texts read the finished plans, prices and credits.
        let lookup = CatalogDocumentIndex(self)
        pricingTables = catalog.pricingTables.map { table in
            Self.pricingTable(table, defaultCurrency: defaultCurrency, lookup: lookup)
        }.sorted { $0.slug < $1.slug }
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

    private static func plan(_ plan: PlanCatalog.Plan, index: CatalogIndex) -> Plan {
        let granted = index.grants(of: plan).map { grant in
            GrantedFeature(slug: grant.slug.value,
                           value: featureValue(grant.value?.value, type: index.features[grant.slug.value]?.type?.value))
        }
        return Plan(id: plan.id.value, planName: plan.name, planDescription: plan.description, isFree: plan.isFree,
                    isTrialPlan: plan.isTrial, trialParentPlanID: plan.trialOf?.value,
                    trialDays: plan.trialDays?.value, isVisibleInPricingTable: !plan.isHidden,
                    features: granted, priceIDs: plan.prices.map(\.id.value))
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
                              billImmediately: component.billImmediately?.value ?? true)
            unitLabel = unitLabel ?? "seat"
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

    private static func creditDefinition(_ credit: PlanCatalog.CreditDefinition, defaultCurrency: String?) -> CreditDefinition {
        var priceID: String?
        var componentID: String?
        var featureSlug: String?
        switch credit.appliesTo?.value {
        case .component(let price, let component)?: (priceID, componentID) = (price, component)
        case .feature(let slug)?: featureSlug = slug
        case nil: break
        }
        let isMonetary = credit.applicationType == .monetary
        let currency = isMonetary ? checkedCurrency(credit.currency?.value ?? defaultCurrency) : nil
        func amount(_ value: ExactDecimal) -> ExactDecimal {
            currency.map { minorUnits(value, in: $0) } ?? value
        }
        let defaultAmount = amount(credit.amount?.value ?? ExactDecimal(0))
        let renews = credit.renewal != .never
        let refillPeriod: BillingPeriod? = switch credit.renewal {
        case .monthly: .monthly
        case .yearly: .yearly
        case .onBilling, .never: nil
        }
        // LANGUAGE.md: billing-visible by default for monetary credits and for usage credits applied to a
        // component; a usage credit applied to a feature is not shown on invoices.
        let defaultVisibility = isMonetary || priceID != nil
        return CreditDefinition(
            id: credit.id.value, applicationType: credit.applicationType, planID: credit.planID,
            priceID: priceID, priceComponentID: componentID, featureSlug: featureSlug, name: credit.name,
            defaultAmount: defaultAmount,
            refillAmount: renews ? credit.refill.map { amount($0.value) } ?? defaultAmount : nil,
            renewOnBilling: credit.renewal == .onBilling, refillPeriod: refillPeriod,
            expiryDays: credit.expiresAfterDays?.value,
            billingVisible: credit.billingVisible?.value ?? defaultVisibility,
            billingDescription: credit.billingDescription, currency: currency?.code)
    }

    private static func pricingTable(_ table: PlanCatalog.PricingTable, defaultCurrency: String?,
                                     lookup: CatalogDocumentIndex) -> PricingTable {
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
            compiled.planConfigs[position].bullets = GeneratedBullets.bullets(for: pricing, lookup: lookup)
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
