/// The references between records, checked once every record is read (a plan lists prices that come
/// after it in the file). A dangling id would make `diff` compare against nothing and `import` write a
/// catalog that does not compile, so it is refused here, at the path of the reference.
extension CatalogDocumentReader {
    static func checkReferences(in document: CatalogDocument) throws(CatalogDocumentError) {
        let planIDs = Set(document.plans.map(\.id))
        var pricesByID: [String: CatalogDocument.Price] = [:]
        for price in document.prices { pricesByID[price.id] = price }

        // A price's own plan first: when it is wrong, the plan listing the price is wrong only through it.
        for (index, price) in document.prices.enumerated() {
            try checkPlan(price.planID, at: "$.prices[\(index)].planId", in: planIDs)
        }
        for (planIndex, plan) in document.plans.enumerated() {
            for (index, priceID) in plan.priceIDs.enumerated() {
                let path = "$.plans[\(planIndex)].priceIds[\(index)]"
                let price = try price(priceID, at: path, in: pricesByID)
                guard price.planID == plan.id else {
                    throw CatalogDocumentError(path: path, message: "price \(JSONText.quoted(priceID)) belongs to "
                                               + "plan \(JSONText.quoted(price.planID)), not to this one")
                }
                guard !price.isOverridePrice else {
                    throw CatalogDocumentError(path: path, message: "price \(JSONText.quoted(priceID)) is an override "
                                               + "price (a quote's); a plan lists only its own prices")
                }
            }
        }
        for (index, credit) in document.creditDefinitions.enumerated() {
            try checkPlan(credit.planID, at: "$.creditDefinitions[\(index)].planId", in: planIDs)
        }
        for (tableIndex, table) in document.pricingTables.enumerated() {
            for (index, row) in table.planConfigs.enumerated() {
                try checkPlan(row.planID, at: "$.pricingTables[\(tableIndex)].planConfigs[\(index)].planId", in: planIDs)
            }
        }
        for (index, quote) in document.quotes.enumerated() {
            let path = "$.quotes[\(index)].priceId"
            let price = try price(quote.priceID, at: path, in: pricesByID)
            guard price.isOverridePrice else {
                throw CatalogDocumentError(path: path, message: "price \(JSONText.quoted(quote.priceID)) is not an "
                                           + "override price (its isOverridePrice is false)")
            }
        }
    }

    private static func checkPlan(_ planID: String, at path: String, in planIDs: Set<String>) throws(CatalogDocumentError) {
        guard planIDs.contains(planID) else {
            throw CatalogDocumentError(path: path, message: "no plan with id \(JSONText.quoted(planID))"
                                       + suggestion(for: planID, among: planIDs.sorted()))
        }
    }

    private static func price(
        _ priceID: String, at path: String, in pricesByID: [String: CatalogDocument.Price]
    ) throws(CatalogDocumentError) -> CatalogDocument.Price {
        guard let price = pricesByID[priceID] else {
            throw CatalogDocumentError(path: path, message: "no price with id \(JSONText.quoted(priceID))"
                                       + suggestion(for: priceID, among: pricesByID.keys.sorted()))
        }
        return price
    }
}
