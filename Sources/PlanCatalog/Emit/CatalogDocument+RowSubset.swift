/// The part of a document that pricing-table rows read, so that an index for them costs what the rows
/// cost rather than what the whole catalog does.
///
/// A row reads its plan, the plan's trial, prices and credits, the prices its credits apply to, and the
/// features (`PricingRow`, `GeneratedBullets`, a row's button text). A catalog of 100,000 plans has a
/// table of a handful of rows; indexing all its plans and prices for them took most of a second.
extension CatalogDocument {
    /// The document with only the records the rows of plans `planIDs` read: those plans, the trials of
    /// them, their credits, the prices of these plans and credits, and every feature and metric. Records
    /// keep their order, so that where an id repeats, the one an index keeps is the same as in the whole
    /// document.
    func rowSubset(planIDs: Set<String>) -> CatalogDocument {
        let rowPlans = plans.filter { plan in
            planIDs.contains(plan.id) || plan.trialParentPlanID.map(planIDs.contains) == true
        }
        let credits = creditDefinitions.filter { planIDs.contains($0.planID) }
        let priceIDs = Set(rowPlans.flatMap(\.priceIDs) + credits.compactMap(\.priceID))
        return CatalogDocument(name: name, defaultCurrency: defaultCurrency, metrics: metrics, features: features,
                               plans: rowPlans, prices: prices.filter { priceIDs.contains($0.id) },
                               creditDefinitions: credits, pricingTables: pricingTables, quotes: [])
    }
}
