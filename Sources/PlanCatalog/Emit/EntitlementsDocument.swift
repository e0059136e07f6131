/// entitlements.json: every feature once with its type and its default (not entitled), then for every
/// plan the features it grants, resolved — what an app needs to gate features offline (OUTPUT.md).
///
/// A usage feature also says how much its plan includes and how the rest is billed: `creditAllowance`
/// (the plan's usage credits for it), `creditsPerSeat`, `renewOnBilling` and `overage`.
struct EntitlementsDocument {
    let document: CatalogDocument

    init(_ document: CatalogDocument) {
        self.document = document
    }

    var jsonValue: JSONValue {
        let lookup = CatalogDocumentIndex(document)
        let features = document.features.map { feature in
            JSONValue.Member(feature.slug, .object([
                .init("featureType", .string(feature.featureType.rawValue)),
                .init("default", .object([.init("entitled", .bool(false)), .init("value", .null)])),
            ]))
        }
        let plans = document.plans.map { plan in
            JSONValue.Member(plan.id, .object(plan.features.compactMap { granted in
                lookup.features[granted.slug].map { .init(granted.slug, entitlement($0, granted.value, plan, lookup)) }
            }))
        }
        return .object([
            .init("schemaVersion", .number(CatalogDocument.schemaVersion)),
            .init("features", .object(features)),
            .init("plans", .object(plans)),
        ])
    }

    private func entitlement(_ feature: CatalogDocument.Feature, _ value: CatalogDocument.FeatureValue,
                             _ plan: CatalogDocument.Plan, _ lookup: CatalogDocumentIndex) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("featureType", .string(feature.featureType.rawValue)),
            .init("entitled", .bool(true)),
            .init("value", value.jsonValue),
        ]
        guard feature.featureType == .usage else { return .object(members) }

        let credits = lookup.usageCredits(of: plan, for: feature)
        let components = lookup.prices(of: plan).flatMap(\.components)
        let isPerSeat = components.contains { if case .perUnit = $0.charge { true } else { false } }
        let hasOverage = components.contains { component in
            if case .usage(let metricID, let unitCost) = component.charge {
                return feature.metricIDs.contains(metricID) && !unitCost.isZero
            }
            return false
        }
        members += [
            .init("metricIds", .strings(feature.metricIDs)),
            .init("creditAllowance", .number(Self.sum(credits.map(\.defaultAmount)))),
            .init("creditsPerSeat", .bool(isPerSeat)),
            // Some of the allowance is refilled at each billing; null without credits.
            .init("renewOnBilling", .bool(credits.isEmpty ? nil : credits.contains(where: \.renewOnBilling))),
            .init("overage", .bool(hasOverage)),
        ]
        return .object(members)
    }

    /// The exact sum of credit amounts, or nil for none. The checks keep a plan's credits for one feature
    /// within 2^53 − 1 units, so the sum always fits.
    static func sum(_ amounts: [ExactDecimal]) -> ExactDecimal? {
        guard var total = amounts.first else { return nil }
        for amount in amounts.dropFirst() {
            guard let sum = total.adding(amount) else {
                preconditionFailure("the credit checks keep a plan's allowance within 2^53 − 1 units")
            }
            total = sum
        }
        return total
    }
}
