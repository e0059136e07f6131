/// Prices with their components, credit definitions, pricing tables and quotes.
extension CatalogDocumentReader {
    // MARK: Prices

    static let priceKeys = CatalogDocument.Price.schema.readerKeys
    static let pricingDataKeys = CatalogDocument.Price.pricingDataSchema.readerKeys
    static let dslVersion = CatalogField.constant(CatalogDocument.Price.dslVersion)

    static func readPrice(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.Price {
        var object = try JSONObjectReader(node, keys: priceKeys)
        let id = try object.read(CatalogKey.id, CatalogField.identifier)
        let planID = try object.read(CatalogKey.planId, CatalogField.identifier)
        let currency = try object.read(CatalogKey.currency, CatalogField.currency)
        let isOverridePrice = try object.read(CatalogKey.isOverridePrice, CatalogField.bool)
        var pricingData = try JSONObjectReader(try object.value(CatalogKey.pricingData), keys: pricingDataKeys)
        _ = try pricingData.read(CatalogKey.dsl_version, dslVersion)
        let elements = try pricingData.array(CatalogKey.components)
        var components: [CatalogDocument.Component] = []
        components.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let component = try readComponent(element)
            // A price has a handful of components: a linear search beats a dictionary per price.
            if let first = components.firstIndex(where: { $0.id == component.id }) {
                let arrayPath = pricingData.path(of: CatalogKey.components)
                throw CatalogDocumentError(
                    path: "\(arrayPath)[\(index)].\(CatalogKey.component_id)",
                    message: "duplicate component_id \(JSONText.shown(component.id)) (first at \(arrayPath)[\(first)])")
            }
            components.append(component)
        }
        return CatalogDocument.Price(id: id, planID: planID, currency: currency, isOverridePrice: isOverridePrice,
                                     components: components)
    }

    private typealias ComponentKind = CatalogDocument.Component.Kind

    /// The keys a component of each type may have, as `componentKeys.mask(of:)` gives them.
    private static func allowedKeys(of kind: ComponentKind) -> UInt64 {
        switch kind {
        case .fixed: fixedComponentKeys
        case .perUnit: perUnitComponentKeys
        case .usage: usageComponentKeys
        }
    }

    private static let fixedComponentKeys = componentKeys.mask(of: ComponentKind.sharedKeys + ComponentKind.fixed.ownKeys)
    private static let perUnitComponentKeys = componentKeys.mask(of: ComponentKind.sharedKeys + ComponentKind.perUnit.ownKeys)
    private static let usageComponentKeys = componentKeys.mask(of: ComponentKind.sharedKeys + ComponentKind.usage.ownKeys)
    /// Every key of any component type, in the order the writer puts them.
    static let componentKeys = CatalogDocument.Component.schema.readerKeys
    private static let componentKinds = CatalogField.oneOf(ComponentKind.allCases.map { (name: $0.rawValue, value: $0) })

    /// A component omits the keys that are unset or belong to another type, so here, unlike elsewhere,
    /// optional keys may be absent (or `null`); a key of another type is refused by name.
    private static func readComponent(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.Component {
        var object = try JSONObjectReader(node, keys: componentKeys)
        let id = try object.read(CatalogKey.component_id, CatalogField.identifier)
        let kind = try object.read(CatalogKey.type, componentKinds)
        if let key = object.firstKey(notIn: allowedKeys(of: kind)) {
            throw CatalogDocumentError(
                path: object.path, message: "key `\(key)` does not apply to a \(JSONText.shown(kind.rawValue)) component")
        }
        let label = try object.readIfPresent(CatalogKey.label, CatalogField.string)
        let unitLabel = try object.readIfPresent(CatalogKey.unit_label, CatalogField.string)
        let charge: CatalogDocument.Component.Charge
        switch kind {
        case .fixed:
            charge = .fixed(amountCents: try object.read(CatalogKey.amount_cents, CatalogField.wholeAmount))
        case .perUnit:
            charge = .perUnit(amountCents: try object.read(CatalogKey.amount_cents, CatalogField.wholeAmount),
                              minSeats: try object.readIfPresent(CatalogKey.min_seats, CatalogField.positiveInteger),
                              billImmediately: try object.read(CatalogKey.bill_immediately, CatalogField.bool))
        case .usage:
            let unitCostCents = try object.read(CatalogKey.unit_cost_cents, CatalogField.nonNegativeNumber)
            charge = .usage(metricID: try object.read(CatalogKey.metric_id, CatalogField.identifier), unitCostCents: unitCostCents)
        }
        return CatalogDocument.Component(id: id, charge: charge, label: label, unitLabel: unitLabel,
                                         period: try object.read(CatalogKey.recurrence_rule, CatalogField.recurrenceRule))
    }

    // MARK: Credit definitions

    static let creditDefinitionKeys = CatalogDocument.CreditDefinition.schema.readerKeys
    static let creditTypes = CatalogField.oneOf(CreditType.allCases.map { (name: $0.rawValue, value: $0) })
    static let creditScope = CatalogField.constant(CatalogDocument.CreditDefinition.scope)

    static func readCreditDefinition(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.CreditDefinition {
        var object = try JSONObjectReader(node, keys: creditDefinitionKeys)
        let id = try object.read(CatalogKey.id, CatalogField.identifier)
        _ = try object.read(CatalogKey.scope, creditScope)
        return CatalogDocument.CreditDefinition(
            id: id,
            applicationType: try object.read(CatalogKey.applicationType, creditTypes),
            planID: try object.read(CatalogKey.planId, CatalogField.identifier),
            priceID: try object.readNullable(CatalogKey.priceId, CatalogField.identifier),
            priceComponentID: try object.readNullable(CatalogKey.priceComponentId, CatalogField.identifier),
            featureSlug: try object.readNullable(CatalogKey.featureSlug, CatalogField.identifier),
            name: try object.read(CatalogKey.name, CatalogField.string),
            defaultAmount: try object.read(CatalogKey.defaultAmount, CatalogField.positiveAmount),
            refillAmount: try object.readNullable(CatalogKey.refillAmount, CatalogField.positiveAmount),
            renewOnBilling: try object.read(CatalogKey.renewOnBilling, CatalogField.bool),
            refillPeriod: try object.readNullable(CatalogKey.refillRrule, CatalogField.recurrenceRule),
            expiryDays: try object.readNullable(CatalogKey.expiryDays, CatalogField.positiveInteger),
            billingVisible: try object.read(CatalogKey.billingVisible, CatalogField.bool),
            billingDescription: try object.readNullable(CatalogKey.billingDescription, CatalogField.string),
            currency: try object.readNullable(CatalogKey.currency, CatalogField.currency))
    }

    // MARK: Pricing tables

    static let pricingTableKeys = CatalogDocument.PricingTable.schema.readerKeys
    static let planConfigKeys = CatalogDocument.PlanConfig.schema.readerKeys

    static func readPricingTable(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.PricingTable {
        var object = try JSONObjectReader(node, keys: pricingTableKeys)
        let slug = try object.read(CatalogKey.slug, CatalogField.identifier)
        let name = try object.read(CatalogKey.name, CatalogField.string)
        let heading = try object.readNullable(CatalogKey.heading, CatalogField.string)
        let subheading = try object.readNullable(CatalogKey.subheading, CatalogField.string)
        let description = try object.readNullable(CatalogKey.description, CatalogField.string)
        let currency = try object.read(CatalogKey.currency, CatalogField.currency)
        let elements = try object.array(CatalogKey.planConfigs)
        var planConfigs: [CatalogDocument.PlanConfig] = []
        planConfigs.reserveCapacity(elements.count)
        for element in elements {
            planConfigs.append(try readPlanConfig(element))
        }
        return CatalogDocument.PricingTable(slug: slug, name: name, heading: heading, subheading: subheading,
                                            description: description, currency: currency, planConfigs: planConfigs)
    }

    private static func readPlanConfig(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.PlanConfig {
        var object = try JSONObjectReader(node, keys: planConfigKeys)
        return CatalogDocument.PlanConfig(
            planID: try object.read(CatalogKey.planId, CatalogField.identifier),
            displayOrder: try object.read(CatalogKey.displayOrder, CatalogField.positiveInteger),
            isPopular: try object.read(CatalogKey.isPopular, CatalogField.bool),
            popularText: try object.readNullable(CatalogKey.popularText, CatalogField.string),
            buttonText: try object.read(CatalogKey.buttonText, CatalogField.string),
            buttonOutline: try object.read(CatalogKey.buttonOutline, CatalogField.bool),
            isEnterprisePlan: try object.read(CatalogKey.isEnterprisePlan, CatalogField.bool),
            enterpriseRedirectURL: try object.readNullable(CatalogKey.enterpriseRedirectUrl, CatalogField.string),
            bullets: try object.strings(CatalogKey.bullets))
    }

    // MARK: Quotes

    static let quoteKeys = CatalogDocument.Quote.schema.readerKeys
    static let quoteEffectives = CatalogField.oneOf(QuoteEffective.allCases.map { (name: $0.lumenName, value: $0) })

    static func readQuote(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.Quote {
        var object = try JSONObjectReader(node, keys: quoteKeys)
        return CatalogDocument.Quote(
            id: try object.read(CatalogKey.id, CatalogField.identifier),
            planID: try object.read(CatalogKey.planId, CatalogField.identifier),
            customer: try object.read(CatalogKey.customer, CatalogField.string),
            stableSubscriptionID: try object.readNullable(CatalogKey.stableSubscriptionId, CatalogField.string),
            effective: try object.read(CatalogKey.effective, quoteEffectives),
            priceID: try object.read(CatalogKey.priceId, CatalogField.identifier))
    }
}
