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
        // Records are chosen by position, reading the one field that decides, and only the chosen are
        // copied: `filter` would copy every plan, price and credit of the catalog to test it.
        let rowPlans = plans.indices.filter { position in
            planIDs.contains(plans[position].id) || plans[position].trialParentPlanID.map(planIDs.contains) == true
        }.map { plans[$0] }
        let credits = creditDefinitions.indices.filter { planIDs.contains(creditDefinitions[$0].planID) }
            .map { creditDefinitions[$0] }
        let priceIDs = Set(rowPlans.flatMap(\.priceIDs) + credits.compactMap(\.priceID))
        let rowPrices = prices.indices.filter { priceIDs.contains(prices[$0].id) }.map { prices[$0] }
        return CatalogDocument(name: name, defaultCurrency: defaultCurrency, metrics: metrics, features: features,
                               plans: rowPlans, prices: rowPrices, creditDefinitions: credits,
                               pricingTables: pricingTables, quotes: [])
    }
}
