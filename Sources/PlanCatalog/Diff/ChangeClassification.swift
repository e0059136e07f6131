/// What each field of each kind means to Lumen when it changes (OUTPUT.md's table): edited in place
/// (`update`), a new plan version (`newVersion`), or a new object in place of the old (`replace`).
///
/// The tables name every field catalog.json writes. A field not in a table — a key a later schema adds
/// before this table learns it — counts as a replace: the differ never calls a change harmless that it
/// does not understand.
enum ChangeClassification {
    /// The action a changed top-level field of a kind calls for.
    static func action(for field: String, of kind: CatalogDiff.Kind) -> CatalogDiff.Action {
        switch kind {
        case .price:
            // Lumen never edits a price: anything in pricingData, its currency, plan or override flag.
            return .replace
        case .pricingTable:
            // Layout and rows alike are edited in place.
            return .update
        default:
            return tables[kind]?[field] ?? .replace
        }
    }

    /// The most severe action of several: replace > new-version > update.
    static func mostSevere(_ actions: [CatalogDiff.Action]) -> CatalogDiff.Action? {
        actions.max { severity($0) < severity($1) }
    }

    /// The order of `mostSevere`; create and archive never compete with the others.
    static func severity(_ action: CatalogDiff.Action) -> Int {
        switch action {
        case .update: 0
        case .newVersion: 1
        case .replace: 2
        case .create: 3
        case .archive: 4
        }
    }

    private static let tables: [CatalogDiff.Kind: [String: CatalogDiff.Action]] = [
        .metric: [
            "name": .update, "description": .update,
            "eventName": .replace, "queryType": .replace, "aggregationType": .replace, "valueType": .replace,
        ],
        .feature: [
            "displayName": .update, "description": .update, "unitLabel": .update, "metricIds": .update,
            "featureType": .replace,
        ],
        .plan: [
            "planName": .update, "planDescription": .update, "isFree": .update, "isVisibleInPricingTable": .update,
            "isTrialPlan": .newVersion, "trialParentPlanId": .newVersion, "trialDays": .newVersion,
            "features": .newVersion, "priceIds": .newVersion,
        ],
        .creditDefinition: [
            "name": .update, "defaultAmount": .update, "refillAmount": .update, "billingVisible": .update,
            "billingDescription": .update,
            "scope": .replace, "applicationType": .replace, "planId": .replace, "priceId": .replace,
            "priceComponentId": .replace, "featureSlug": .replace, "renewOnBilling": .replace,
            "refillRrule": .replace, "expiryDays": .replace, "currency": .replace,
        ],
        .quote: [
            "customer": .update, "stableSubscriptionId": .update, "effective": .update,
            "planId": .replace, "priceId": .replace,
        ],
    ]
}
