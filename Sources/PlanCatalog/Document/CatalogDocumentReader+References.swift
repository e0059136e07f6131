/// The references between records, checked once every record is read (a plan lists prices that come
/// after it in the file). A dangling id would make `diff` compare against nothing and `import` write a
/// catalog that does not compile, so it is refused here, at the path of the reference.
///
/// Beyond resolving, a reference must name the right kind of record, as the compiler's checks ensure
/// for a built catalog: a plan lists its own prices and a quote its own override price; a credit applies
/// to a component of a price of its own plan; a trial's parent is not itself a trial.
///
/// The records are looked up through the positions by id that reading them made (to refuse a repeated
/// id), not through new dictionaries.
extension CatalogDocumentReader {
    /// The records of the kinds that others refer to, by id.
    struct References {
        let metrics: RecordLookup<CatalogDocument.Metric>
        let features: RecordLookup<CatalogDocument.Feature>
        let plans: RecordLookup<CatalogDocument.Plan>
        let prices: RecordLookup<CatalogDocument.Price>
    }

    static func checkReferences(in document: CatalogDocument, lookup: References) throws(CatalogDocumentError) {
        let metrics = lookup.metrics

        for (featureIndex, feature) in document.features.enumerated() {
            for (index, metricID) in feature.metricIDs.enumerated() {
                _ = try resolve(metricID, among: metrics, kind: "metric",
                                at: "$.\(CatalogKey.features)[\(featureIndex)].\(CatalogKey.metricIds)[\(index)]")
            }
        }
        // A price's own plan first: when it is wrong, the plan listing the price is wrong only through it.
        for (priceIndex, price) in document.prices.enumerated() {
            func path() -> String { "$.\(CatalogKey.prices)[\(priceIndex)]" }
            _ = try resolve(price.planID, among: lookup.plans, kind: "plan", at: "\(path()).\(CatalogKey.planId)")
            for (index, component) in price.components.enumerated() {
                guard case .usage(let metricID, _) = component.charge else { continue }
                _ = try resolve(metricID, among: metrics, kind: "metric",
                                at: "\(path()).\(CatalogKey.pricingData).\(CatalogKey.components)[\(index)].\(CatalogKey.metric_id)")
            }
        }
        // By index, so that each record is read in place rather than copied out of its array.
        for index in document.plans.indices {
            try checkReferences(of: document.plans[index], at: "$.\(CatalogKey.plans)[\(index)]", lookup: lookup)
        }
        for index in document.creditDefinitions.indices {
            try checkReferences(of: document.creditDefinitions[index], at: "$.\(CatalogKey.creditDefinitions)[\(index)]",
                                lookup: lookup)
        }
        for (tableIndex, table) in document.pricingTables.enumerated() {
            for (index, row) in table.planConfigs.enumerated() {
                _ = try resolve(row.planID, among: lookup.plans, kind: "plan",
                                at: "$.\(CatalogKey.pricingTables)[\(tableIndex)].\(CatalogKey.planConfigs)[\(index)]."
                                    + "\(CatalogKey.planId)")
            }
        }
        try checkQuotes(of: document, lookup: lookup)
    }

    /// A plan's prices are its own and not a quote's; its trial parent is another plan, not a trial.
    private static func checkReferences(of plan: CatalogDocument.Plan, at planPath: @autoclosure () -> String,
                                        lookup: References) throws(CatalogDocumentError) {
        for (index, priceID) in plan.priceIDs.enumerated() {
            func path() -> String { "\(planPath()).\(CatalogKey.priceIds)[\(index)]" }
            let price = try resolve(priceID, among: lookup.prices, kind: "price", at: path())
            guard lookup.prices.records[price].planID == plan.id else {
                throw CatalogDocumentError(path: path(), message: "price \(JSONText.shown(priceID)) belongs to "
                                           + "plan \(JSONText.shown(lookup.prices.records[price].planID)), not to this one")
            }
            guard !lookup.prices.records[price].isOverridePrice else {
                throw CatalogDocumentError(path: path(), message: "price \(JSONText.shown(priceID)) is an override "
                                           + "price (a quote's); a plan lists only its own prices")
            }
        }
        guard let parentID = plan.trialParentPlanID else { return }
        func path() -> String { "\(planPath()).\(CatalogKey.trialParentPlanId)" }
        let parent = lookup.plans.records[try resolve(parentID, among: lookup.plans, kind: "plan", at: path())]
        guard parent.id != plan.id else {
            throw CatalogDocumentError(path: path(), message: "a plan cannot be a trial of itself")
        }
        if let grandparentID = parent.trialParentPlanID {
            throw CatalogDocumentError(
                path: path(), message: "plan \(JSONText.shown(parentID)) is itself a trial (of "
                    + "\(JSONText.shown(grandparentID))); a trial's parent is a plan that is not a trial")
        }
    }

    /// A credit's plan, and what it applies to: a component of a price of that plan (not a quote's), or a
    /// feature. Which of these a credit sets is checked with the credit itself (`+Consistency`).
    private static func checkReferences(of credit: CatalogDocument.CreditDefinition, at path: @autoclosure () -> String,
                                        lookup: References) throws(CatalogDocumentError) {
        _ = try resolve(credit.planID, among: lookup.plans, kind: "plan", at: "\(path()).\(CatalogKey.planId)")
        if let priceID = credit.priceID, let componentID = credit.priceComponentID {
            let price = lookup.prices.records[try resolve(priceID, among: lookup.prices, kind: "price",
                                                          at: "\(path()).\(CatalogKey.priceId)")]
            guard price.planID == credit.planID else {
                throw CatalogDocumentError(
                    path: "\(path()).\(CatalogKey.priceId)", message: "price \(JSONText.shown(priceID)) belongs to plan "
                        + "\(JSONText.shown(price.planID)), not to the credit's plan "
                        + JSONText.shown(credit.planID))
            }
            guard !price.isOverridePrice else {
                throw CatalogDocumentError(path: "\(path()).\(CatalogKey.priceId)", message: "price \(JSONText.shown(priceID)) is an "
                                           + "override price (a quote's); a credit applies to a price of its plan")
            }
            guard price.components.contains(where: { $0.id == componentID }) else {
                let componentIDs = price.components.map(\.id)
                throw CatalogDocumentError(
                    path: "\(path()).\(CatalogKey.priceComponentId)",
                    message: "price \(JSONText.shown(priceID)) has no component \(JSONText.shown(componentID))"
                        + suggestion(for: componentID, among: componentIDs))
            }
        }
        if let slug = credit.featureSlug {
            _ = try resolve(slug, among: lookup.features, kind: "feature", key: CatalogKey.slug,
                            at: "\(path()).\(CatalogKey.featureSlug)")
        }
    }

    /// A quote names a plan and an override price of that plan, which no other quote names; and every
    /// override price is some quote's, since only a quote brings one into the catalog.
    private static func checkQuotes(of document: CatalogDocument,
                                    lookup: References) throws(CatalogDocumentError) {
        var quoteIndexByPriceID: [String: Int] = [:]
        for (index, quote) in document.quotes.enumerated() {
            _ = try resolve(quote.planID, among: lookup.plans, kind: "plan",
                            at: "$.\(CatalogKey.quotes)[\(index)].\(CatalogKey.planId)")
            let path = "$.\(CatalogKey.quotes)[\(index)].\(CatalogKey.priceId)"
            let price = lookup.prices.records[try resolve(quote.priceID, among: lookup.prices, kind: "price", at: path)]
            guard price.isOverridePrice else {
                throw CatalogDocumentError(path: path, message: "price \(JSONText.shown(quote.priceID)) is not an "
                                           + "override price (its isOverridePrice is false)")
            }
            guard price.planID == quote.planID else {
                throw CatalogDocumentError(
                    path: path, message: "price \(JSONText.shown(quote.priceID)) belongs to plan "
                        + "\(JSONText.shown(price.planID)), not to the quote's plan \(JSONText.shown(quote.planID))")
            }
            if let first = quoteIndexByPriceID[price.id] {
                throw CatalogDocumentError(path: path, message: "price \(JSONText.shown(quote.priceID)) is already "
                                           + "the price of another quote (first at $.\(CatalogKey.quotes)[\(first)])")
            }
            quoteIndexByPriceID[price.id] = index
        }
        for (index, price) in document.prices.enumerated() where price.isOverridePrice {
            guard quoteIndexByPriceID[price.id] == nil else { continue }
            throw CatalogDocumentError(path: "$.\(CatalogKey.prices)[\(index)].\(CatalogKey.isOverridePrice)",
                                       message: "override price \(JSONText.shown(price.id)) is the price of no quote")
        }
    }

    /// The position of the record `id` names, or `no plan with id "plan_fre"; did you mean "plan_free"?`
    /// at `path`.
    private static func resolve<Record>(
        _ id: String, among records: RecordLookup<Record>, kind: String, key: StaticString = CatalogKey.id,
        at path: @autoclosure () -> String
    ) throws(CatalogDocumentError) -> Int {
        guard let record = records.positions[id] else {
            throw CatalogDocumentError(path: path(), message: "no \(kind) with \(key) \(JSONText.shown(id))"
                                       + suggestion(for: id, among: records.ids.sorted()))
        }
        return record
    }
}
