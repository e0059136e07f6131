/// What is refused before anything is written: records the language has no way to say, each reported
/// at its JSON path. (Ids that are not words are refused first, by `CatalogImporter.checkWords`.)
extension ImportComposer {
    /// A plan's own price is written inside the plan that lists it, and a quote's inside its quote (the
    /// reader made sure every override price has one); a price no plan lists would be lost.
    func checkPricesAreListed() throws(ImportError) {
        // Which prices the first plan with their `planId` lists, found from the plans' side: a price is
        // matched to the plans that list it by index, and its `planId` compared with their ids, rather
        // than every price's plan looked up by id.
        var isListedByItsPlan = [Bool](repeating: false, count: document.prices.count)
        for plan in document.plans.indices where firstPlanIndex[plan] == plan {
            for price in pricesByPlan[plan] where document.prices[price].planID == document.plans[plan].id {
                isListedByItsPlan[price] = true
            }
        }
        for index in document.prices.indices where !document.prices[index].isOverridePrice {
            if firstPriceIndex[index] == index {
                if isListedByItsPlan[index] { continue }
            } else if let plan = planIndices[document.prices[index].planID],
                      document.plans[plan].priceIDs.contains(document.prices[index].id) {
                // A second price with an id (the reader refuses those), asked the long way.
                continue
            }
            let price = document.prices[index]
            throw ImportError(path: "$.\(CatalogKey.prices)[\(index)].\(CatalogKey.planId)",
                              problem: .unlistedPrice(priceID: price.id, planID: price.planID))
        }
    }

    /// `isFree` is derived: at least one price of its own, every component of every one charging nothing.
    func checkFreePlans() throws(ImportError) {
        for index in document.plans.indices {
            let derived = Plan.isFree(prices: pricesByPlan[index]) { price in
                document.prices[price].components.allSatisfy(\.chargesNothing)
            }
            guard derived != document.plans[index].isFree else { continue }
            let plan = document.plans[index]
            throw ImportError(path: "$.\(CatalogKey.plans)[\(index)].\(CatalogKey.isFree)",
                              problem: .inconsistentFree(planID: plan.id, isFree: plan.isFree))
        }
    }

    /// `renew` says on-billing, monthly, yearly or never; any other refill schedule cannot be written.
    func checkRenewals() throws(ImportError) {
        for (index, credit) in document.creditDefinitions.enumerated() {
            guard let period = credit.refillPeriod else { continue }
            let path = "$.\(CatalogKey.creditDefinitions)[\(index)].\(CatalogKey.refillRrule)"
            if credit.renewOnBilling {
                throw ImportError(path: path, problem: .unsupportedRenewal(
                    "a credit that renews on billing (renewOnBilling true) has no refillRrule of its own, "
                        + "found \(JSONText.shown(period.recurrenceRule))"))
            }
            guard period != .monthly, period != .yearly else { continue }
            throw ImportError(path: path, problem: .unsupportedRenewal(
                "`renew monthly` and `renew yearly` refill every month or every year "
                    + "(\(BillingPeriod.monthly.recurrenceRule), \(BillingPeriod.yearly.recurrenceRule)), "
                    + "found \(JSONText.shown(period.recurrenceRule))"))
        }
    }

    /// A row without `bullet` lines always gets the generated bullets, so an empty list cannot be said
    /// when its plan generates some.
    func checkRowBullets() throws(ImportError) {
        for (tableIndex, table) in document.pricingTables.enumerated() {
            for (index, row) in table.planConfigs.enumerated() where row.bullets.isEmpty {
                let generated = generatedBullets(of: row, in: table)
                guard !generated.isEmpty else { continue }
                throw ImportError(path: "$.\(CatalogKey.pricingTables)[\(tableIndex)].\(CatalogKey.planConfigs)[\(index)]."
                                      + "\(CatalogKey.bullets)",
                                  problem: .emptyBullets(generated: generated))
            }
        }
    }
}
