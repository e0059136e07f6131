/// The display lines of a pricing-table row that has no `bullet` lines, generated from what its plan
/// grants and what its shown price bills (LANGUAGE.md §3):
///
/// 1. a per-seat price's fixed fee: "Plus $29/month platform fee";
/// 2. one line per feature, in the order of the plan's `features` block: "Advanced reports",
///    "10 team members", "Unlimited team members", "Support: Priority email",
///    "10,000 API calls included each billing period" (none for a limit of 0 or a usage feature without
///    a credit);
/// 3. one line per usage component of the shown price: "$0.002 per API call".
///
/// A count of a feature's unit takes the unit's plural from the source where it gives one
/// (`unit "person" "people"`, by feature slug in `unitPlurals`), else `DisplayText.plural`. catalog.json
/// does not keep plurals, so `import` passes none and writes a row's bullets out when they differ.
enum GeneratedBullets {
    static func bullets(for row: PricingRow, lookup: CatalogDocumentIndex,
                        unitPlurals: [String: String] = [:]) -> [String] {
        guard let plan = row.plan else { return [] }
        var bullets: [String] = []
        if let price = row.shownPrice, let interval = row.shownInterval, let fee = PricingRow.platformFee(of: price) {
            bullets.append("Plus \(DisplayText.money(fee, currency: price.currency))/\(interval.rawValue) platform fee")
        }
        let seatUnit = lookup.prices(of: plan).lazy.compactMap(PricingRow.seatUnit(of:)).first
        for granted in plan.features {
            guard let feature = lookup.features[granted.slug] else { continue }
            if let bullet = featureBullet(feature, value: granted.value,
                                          allowance: allowance(of: feature, row: row, plan: plan, lookup: lookup),
                                          seatUnit: seatUnit, plural: unitPlurals[feature.slug]) {
                bullets.append(bullet)
            }
        }
        if let price = row.shownPrice {
            for component in price.components {
                guard case .usage(let metricID, let unitCost) = component.charge else { continue }
                let exponent = Currency.named(price.currency)?.minorUnitExponent ?? 0
                let rate = DisplayText.money(unitCost.shiftedDown(by: exponent), currency: price.currency)
                bullets.append("\(rate) per \(usageUnit(of: component, metricID: metricID, plan: plan, lookup: lookup))")
            }
        }
        return bullets
    }

    private static func featureBullet(_ feature: CatalogDocument.Feature, value: CatalogDocument.FeatureValue,
                                      allowance: ExactDecimal?, seatUnit: String?, plural: String?) -> String? {
        switch value {
        case .enabled:
            return feature.displayName
        case .limit(let limit):
            if limit.isZero { return nil }
            return feature.unitLabel.map { DisplayText.count(limit, $0, plural: plural) }
                ?? "\(DisplayText.number(limit)) \(feature.displayName)"
        case .unlimited:
            return "Unlimited " + (feature.unitLabel.map { plural ?? DisplayText.plural($0) } ?? feature.displayName)
        case .text(let text):
            return "\(feature.displayName): \(text)"
        case .usageBased:
            guard let allowance else { return nil }
            let quantity = feature.unitLabel.map { DisplayText.count(allowance, $0, plural: plural) }
                ?? "\(DisplayText.number(allowance)) \(feature.displayName)"
            return "\(quantity) included each billing period" + (seatUnit.map { " per \($0)" } ?? "")
        }
    }

    /// The plan's allowance of a usage feature as the row shows it: of the credits applied to components,
    /// only the shown price's count; a row without a shown price (an enterprise row) counts them all.
    private static func allowance(of feature: CatalogDocument.Feature, row: PricingRow, plan: CatalogDocument.Plan,
                                  lookup: CatalogDocumentIndex) -> ExactDecimal? {
        lookup.usageAllowance(of: plan.id, forFeature: feature.slug, metering: feature.metricIDs,
                              onlyOf: row.shownPrice?.id)?.total
    }

    /// What one unit of a usage component is called: the component's unit, else the unit of the plan's
    /// feature that measures the metric, else "unit".
    private static func usageUnit(of component: CatalogDocument.Component, metricID: String,
                                  plan: CatalogDocument.Plan, lookup: CatalogDocumentIndex) -> String {
        if let unit = component.unitLabel { return unit }
        for granted in plan.features {
            if let feature = lookup.features[granted.slug], feature.metricIDs.contains(metricID),
               let unit = feature.unitLabel {
                return unit
            }
        }
        return "unit"
    }
}
