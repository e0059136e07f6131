/// What an error already reported leaves unknown: the one place checks consult before they report
/// something as absent, so that one mistake gives one diagnostic.
///
/// Two kinds of error leave a fact unknown. A statement the schema checks refused (`interval monthly`)
/// says nothing the model can hold, so the price's interval is unknown rather than missing. A reference
/// that does not resolve (a misspelled feature in a `features` block, E0402) names something, but not
/// what: the plan's grants are then unknown, and "this plan does not grant `api-calls`" may be false —
/// the misspelling may be that very feature. Checks that would report an absence skip it when the fact
/// is unknown; the first error is reported where it stands, by the schema or reference checks.
extension CatalogIndex {
    /// Whether a `keyword` statement of the element at `owner` was written and refused (nil: the top level).
    func wasRefused(_ keyword: String, in owner: SourceLocation?) -> Bool {
        catalog.refusedStatements.contains(keyword, in: owner)
    }

    /// Whether the price's billing interval is unknown: an `interval` of the price, or of one of its
    /// components, was refused.
    func intervalIsUnknown(of price: Price) -> Bool {
        guard !catalog.refusedStatements.isEmpty else { return false }
        return wasRefused("interval", in: price.location) || wasRefused("interval-count", in: price.location)
            || price.components.contains {
                wasRefused("interval", in: $0.location) || wasRefused("interval-count", in: $0.location)
            }
    }

    /// Whether the price's currency is unknown: its own `currency` was refused, or it has none and the
    /// catalog's was refused.
    func currencyIsUnknown(of price: Price) -> Bool {
        guard !catalog.refusedStatements.isEmpty else { return false }
        return wasRefused("currency", in: price.location) || price.currency == nil && wasRefused("currency", in: nil)
    }

    /// Whether what the price charges is known: none of its components, and no statement that says what
    /// a component charges (`fixed 1.5k`), was refused.
    func amountsAreKnown(of price: Price) -> Bool {
        guard !catalog.refusedStatements.isEmpty else { return true }
        return !wasRefused("component", in: price.location) && !price.components.contains { component in
            Self.chargeKeywords.contains { wasRefused($0, in: component.location) }
        }
    }

    private static let chargeKeywords = ["fixed", "per-seat", "usage", "unit-price"]

    /// Whether everything about the plan's own prices is known: none of its `price` statements was
    /// refused, and each price's period, currency and amounts are known. Whether the plan is free or a
    /// placeholder, and which periods it bills, are known only then.
    func pricesAreKnown(of plan: Plan) -> Bool {
        guard !catalog.refusedStatements.isEmpty else { return true }
        return !wasRefused("price", in: plan.location) && !plan.prices.contains {
            intervalIsUnknown(of: $0) || currencyIsUnknown(of: $0) || !amountsAreKnown(of: $0)
        }
    }

    /// Whether the features the plan grants are known: its `features` block (or, for a trial without
    /// one, its parent's) was accepted and names only features that exist, each with a known type.
    func grantsAreKnown(of planID: PlanID) -> Bool {
        let plan = plans[planID]
        if wasRefused("features", in: plan.location) { return false }
        if plan.grants == nil {
            guard !wasRefused("trial-of", in: plan.location) else { return false }
            guard plan.trialOf != nil else { return true }
            guard let parent = trialParents[planID.index] else { return false }
            // A trial of a trial inherits nothing (E0601): nothing unknown comes from it.
            if plans[parent].trialOf != nil { return true }
            return grantsAreKnown(of: parent)
        }
        return grantedFeatures(of: planID).allSatisfy { feature in
            guard let feature else { return false }
            return features[feature].type != nil
        }
    }

    /// Whether the metrics the plan gates are known: its grants are, and each usage feature among them
    /// names only metrics that exist, with no `metric` statement refused.
    func gatedMetricsAreKnown(of plan: PlanID) -> Bool {
        guard grantsAreKnown(of: plan) else { return false }
        return grantedFeatures(of: plan).allSatisfy { featureID in
            guard let featureID, features[featureID].type?.value == .usage else { return true }
            return !wasRefused("metric", in: features[featureID].location) && !featureMetrics[featureID.index].contains(nil)
        }
    }
}
