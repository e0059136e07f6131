/// What the fields of a record must say together, checked once every record is read and before the
/// references between records (a monetary credit naming a price is refused for naming one at all, not for
/// naming one that is missing).
///
/// These are the guarantees the compiler's checks give a built catalog (trial links, credit targets and
/// currencies, E0813's totals), so that whatever is derived from a document the reader accepted —
/// `PricingRow`'s sums, `EntitlementsDocument`'s allowances — is as well defined as for a built one, and
/// never traps on a sum that does not fit.
extension CatalogDocumentReader {
    static func checkConsistency(of document: CatalogDocument) throws(CatalogDocumentError) {
        // By index, so that each record is read in place rather than copied out of its array.
        for index in document.plans.indices {
            try checkTrial(of: document.plans[index], at: "$.\(CatalogKey.plans)[\(index)]")
        }
        for index in document.prices.indices {
            try checkTotal(of: document.prices[index], at: "$.\(CatalogKey.prices)[\(index)]")
        }
        for index in document.creditDefinitions.indices {
            try checkTarget(of: document.creditDefinitions[index], at: "$.\(CatalogKey.creditDefinitions)[\(index)]")
        }
        try checkUsageCreditTotals(of: document)
    }

    // MARK: Plans

    /// `isTrialPlan` is true exactly when `trialParentPlanId` is set, and `trialDays` is set exactly then
    /// (its range, 1 to 365, is checked as it is read).
    private static func checkTrial(of plan: CatalogDocument.Plan, at path: @autoclosure () -> String) throws(CatalogDocumentError) {
        switch (plan.isTrialPlan, plan.trialParentPlanID) {
        case (false, let parentID?):
            throw CatalogDocumentError(
                path: "\(path()).\(CatalogKey.isTrialPlan)",
                message: "expected true for a trial plan (trialParentPlanId \(JSONText.shown(parentID))), found false")
        case (true, nil):
            throw CatalogDocumentError(path: "\(path()).\(CatalogKey.isTrialPlan)",
                                       message: "expected false for a plan without a trialParentPlanId, found true")
        default:
            break
        }
        switch (plan.isTrialPlan, plan.trialDays) {
        case (true, nil):
            let range = TrialChecks.dayRange
            throw CatalogDocumentError(
                path: "\(path()).\(CatalogKey.trialDays)", message: "expected a whole number from \(range.lowerBound) to "
                    + "\(range.upperBound) for a trial plan, found null")
        case (false, let days?):
            throw CatalogDocumentError(path: "\(path()).\(CatalogKey.trialDays)",
                                       message: "expected null for a plan that is not a trial, found \(days)")
        default:
            break
        }
    }

    // MARK: Credits

    /// What a credit applies to, by its type: a monetary credit applies to the whole invoice (no price,
    /// component or feature) in its `currency`; a usage credit to one component (`priceId` and
    /// `priceComponentId` together) or one feature (`featureSlug`), and counts units, so has no currency.
    private static func checkTarget(of credit: CatalogDocument.CreditDefinition,
                                    at path: @autoclosure () -> String) throws(CatalogDocumentError) {
        func problem(at key: StaticString?, _ message: String) -> CatalogDocumentError {
            CatalogDocumentError(path: key.map { "\(path()).\($0)" } ?? path(), message: message)
        }
        switch credit.applicationType {
        case .monetary:
            if credit.priceID != nil || credit.priceComponentID != nil || credit.featureSlug != nil {
                let targets = [(CatalogKey.priceId, credit.priceID), (CatalogKey.priceComponentId, credit.priceComponentID),
                               (CatalogKey.featureSlug, credit.featureSlug)]
                if case (let key, let value?)? = targets.first(where: { $0.1 != nil }) {
                    throw problem(at: key, "expected null for a monetary credit, found \(JSONText.shown(value))")
                }
            }
            guard credit.currency != nil else {
                throw problem(at: CatalogKey.currency, "expected an upper-case ISO 4217 currency code for a monetary credit, "
                              + "found null")
            }
        case .usage:
            switch (credit.priceID, credit.priceComponentID, credit.featureSlug) {
            case (let priceID?, nil, _):
                throw problem(at: CatalogKey.priceComponentId,
                              "expected the id of a component of price \(JSONText.shown(priceID)), found null")
            case (nil, let componentID?, _):
                throw problem(at: CatalogKey.priceId,
                              "expected the id of the price of component \(JSONText.shown(componentID)), found null")
            case (_?, _?, let slug?):
                throw problem(at: CatalogKey.featureSlug,
                              "expected null for a usage credit applied to a component, found \(JSONText.shown(slug))")
            case (nil, nil, nil):
                throw problem(at: nil, "a usage credit applies to a component (priceId and priceComponentId) "
                              + "or to a feature (featureSlug); all three are null")
            default:
                break
            }
            if let currency = credit.currency {
                throw problem(at: CatalogKey.currency, "expected null for a usage credit, found \(JSONText.shown(currency))")
            }
        }
    }

    // MARK: Totals

    /// A price's fixed and per_unit amounts together fit in 2^53 − 1 minor units (the compiler's E0813):
    /// a pricing-table row shows their sums. Reported at the amount that takes the total past it.
    private static func checkTotal(of price: CatalogDocument.Price, at path: @autoclosure () -> String) throws(CatalogDocumentError) {
        var total = ExactTotal()
        for (index, component) in price.components.enumerated() {
            switch component.charge {
            case .fixed(let amount), .perUnit(let amount, _, _):
                guard total.add(amount) else {
                    throw CatalogDocumentError(
                        path: "\(path()).\(CatalogKey.pricingData).\(CatalogKey.components)[\(index)].\(CatalogKey.amount_cents)",
                        message: "the fixed and per_unit amounts of price \(JSONText.shown(price.id)) add up to "
                            + "more than \(largestExactValueText) minor units")
                }
            case .usage:
                continue
            }
        }
    }

    /// A plan's usage credits together fit in 2^53 − 1 units (the compiler's E0813): entitlements.json
    /// adds them up as the plan's allowance. Reported at the credit that takes its plan's total past it.
    private static func checkUsageCreditTotals(of document: CatalogDocument) throws(CatalogDocumentError) {
        var totalByPlan: [String: ExactTotal] = [:]
        totalByPlan.reserveCapacity(document.plans.count)
        for (index, credit) in document.creditDefinitions.enumerated() where credit.applicationType == .usage {
            guard totalByPlan[credit.planID, default: ExactTotal()].add(credit.defaultAmount) else {
                throw CatalogDocumentError(
                    path: "$.\(CatalogKey.creditDefinitions)[\(index)].\(CatalogKey.defaultAmount)",
                    message: "the usage credits of plan \(JSONText.shown(credit.planID)) add up to more than "
                        + "\(largestExactValueText) units")
            }
        }
    }

    private static let largestExactValueText = "\(ExactTotal.limit) (2^53 − 1)"
}
