/// Warnings a pricing reviewer wants: catalogs that are valid, and that Lumen accepts, but that very
/// likely do not say what their author meant.
///
/// - W0801: a plan's yearly price above 12× or below 5× its monthly price in the same currency — cents
///   typed as dollars (`fixed 2900`), or a yearly amount written on a monthly price.
/// - W0802: a monetary credit in a currency that none of its plan's prices bill in: Lumen applies a
///   credit only to invoices in its own currency, so it would never be used.
/// - W0601: a trial of a plan whose metered features come with usage credits, when the trial grants the
///   feature but no credit for it: a trial does not inherit its parent's credits, so trial users would
///   have an allowance of nothing.
///
/// None of these is an error: a yearly price may be a deliberate bargain, a credit may wait for a
/// price that is not yet added. They are a family of their own because each reads across families'
/// objects (prices against prices, credits against prices, a trial against its parent) and none of
/// them stops a build.
enum ReviewWarnings {
    /// The yearly price may be at most this many monthly prices: more than a year of monthly billing is
    /// never a discount.
    static let largestYearlyMultiple: UInt64 = 12
    /// The yearly price should be at least this many monthly prices: below it, the discount is more than
    /// seven months free, which is rarely meant.
    static let smallestYearlyMultiple: UInt64 = 5

    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        for (position, plan) in index.catalog.plans.enumerated() {
            checkYearlyAgainstMonthly(plan, into: &diagnostics)
            checkMonetaryCreditCurrencies(PlanID(position), in: index, into: &diagnostics)
            if plan.isTrial { checkTrialAllowance(PlanID(position), in: index, into: &diagnostics) }
        }
    }

    // MARK: W0801 yearly against monthly

    /// The recurring amounts of one price, in minor units of its currency: fixed fees and per-seat fees
    /// apart, since a seat's price is compared with a seat's price. Usage is left out: it bills what is
    /// used, so a yearly and a monthly unit price are alike by design.
    private struct RecurringAmounts {
        var fixed: UInt64 = 0
        var perSeat: UInt64 = 0
        /// The component each total was written in, when there is exactly one: the warning points at its
        /// amount. Nil when there are none or several (then it points at the price). Kept as one optional
        /// rather than a list, so a plan's check allocates nothing.
        var fixedComponent: PriceComponent?
        var perSeatComponent: PriceComponent?
        var fixedCount = 0
        var perSeatCount = 0
    }

    private static func checkYearlyAgainstMonthly(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
        // A plan has one price per currency and period (E0806); where it has two, the first of each is
        // compared. Plans have a handful of prices, so a scan beats building a dictionary per plan.
        let prices = plan.prices
        // A yearly price and a monthly one are two prices; a plan with fewer has nothing to compare.
        guard prices.count > 1 else { return }
        for (position, yearlyPrice) in prices.enumerated() where yearlyPrice.period == .yearly {
            guard let currencyCode = yearlyPrice.resolvedCurrency,
                  !prices[..<position].contains(where: { $0.period == .yearly && $0.resolvedCurrency == currencyCode }),
                  let monthlyPrice = prices.first(where: { $0.period == .monthly && $0.resolvedCurrency == currencyCode }),
                  let currency = Currency.named(currencyCode),
                  let yearlyAmounts = recurringAmounts(of: yearlyPrice, in: currency),
                  let monthlyAmounts = recurringAmounts(of: monthlyPrice, in: currency) else { continue }
            compare(yearlyAmounts.fixed, monthlyAmounts.fixed, perSeat: false, yearly: yearlyPrice,
                    component: yearlyAmounts.fixedCount == 1 ? yearlyAmounts.fixedComponent : nil, monthly: monthlyPrice, currency: currency,
                    into: &diagnostics)
            compare(yearlyAmounts.perSeat, monthlyAmounts.perSeat, perSeat: true, yearly: yearlyPrice,
                    component: yearlyAmounts.perSeatCount == 1 ? yearlyAmounts.perSeatComponent : nil, monthly: monthlyPrice, currency: currency,
                    into: &diagnostics)
        }
    }

    /// The price's fixed and per-seat totals in minor units; nil when an amount is invalid (negative,
    /// too precise, too large: already an error) so that no warning is piled on it.
    private static func recurringAmounts(of price: Price, in currency: Currency) -> RecurringAmounts? {
        var amounts = RecurringAmounts()
        for component in price.components {
            switch component.kind {
            case .fixed(let amount):
                guard let minor = minorUnits(amount.value, in: currency) else { return nil }
                amounts.fixed += minor
                amounts.fixedComponent = component
                amounts.fixedCount += 1
            case .perSeat(let amount):
                guard let minor = minorUnits(amount.value, in: currency) else { return nil }
                amounts.perSeat += minor
                amounts.perSeatComponent = component
                amounts.perSeatCount += 1
            case .usage, nil:
                continue
            }
        }
        return amounts
    }

    private static func minorUnits(_ amount: ExactDecimal, in currency: Currency) -> UInt64? {
        guard !amount.isNegative, let shifted = amount.shifted(by: currency.minorUnitExponent), shifted.isInteger,
              !shifted.magnitudeExceeds(ExactTotal.limit) else { return nil }
        return shifted.significand
    }

    /// Warns when `yearly` is outside 5 to 12 times `monthly`. Both must be above 0: a free price, or a
    /// price with only the other kind of fee, has nothing to compare. Exact: amounts are at most 2^53 − 1
    /// minor units, so 12 times one still fits.
    private static func compare(_ yearly: UInt64, _ monthly: UInt64, perSeat: Bool, yearly yearlyPrice: Price,
                                component: PriceComponent?, monthly monthlyPrice: Price, currency: Currency,
                                into diagnostics: inout [Diagnostic]) {
        guard yearly > 0, monthly > 0 else { return }
        let isTooHigh = yearly > largestYearlyMultiple * monthly
        let isTooLow = yearly < smallestYearlyMultiple * monthly
        guard isTooHigh || isTooLow else { return }
        let perUnit = perSeat ? " per seat" : ""
        let yearlyText = money(yearly, in: currency), monthlyText = money(monthly, in: currency)
        let ratio = ratioText(yearly, monthly, isTooHigh: isTooHigh)
        let message = "\(yearlyText)/year\(perUnit) is \(ratio) the monthly \(monthlyText)\(perUnit): "
            + (isTooHigh ? "cents typed as dollars, or the wrong interval?" : "a monthly amount on the yearly price, or the wrong interval?")
        let kind = perSeat ? "per-seat" : "fixed"
        // The amount itself when one component holds it, else the price.
        var location = yearlyPrice.location
        if let component {
            switch component.kind {
            case .fixed(let amount), .perSeat(let amount): location = amount.location
            default: break
            }
        }
        diagnostics.append(Diagnostic(
            .yearlyPriceOutOfProportion, message, at: location,
            label: isTooHigh ? "more than 12 months of the monthly price" : "less than 5 months of the monthly price",
            notes: [Diagnostic.Note("the monthly price, `\(monthlyPrice.id.value)`, bills \(monthlyText)\(perUnit) in \(kind) fees",
                                    at: monthlyPrice.location)],
            help: isTooHigh && currency.minorUnitExponent > 0
                ? "amounts are in major units (`fixed 29` is 29 \(currency.code), not 29 cents); a yearly price is "
                    + "usually 10 to 12 times the monthly one"
                : "a yearly price is usually 10 to 12 times the monthly one; check the amount and each price's `interval`"))
    }

    /// `$2,900`: minor units shown in major units, as a price reads.
    private static func money(_ minorUnits: UInt64, in currency: Currency) -> String {
        let amount = ExactDecimal(isNegative: false, significand: minorUnits, scale: 0)
            .shiftedDown(by: currency.minorUnitExponent)
        return DisplayText.money(amount, currency: currency.code)
    }

    /// `100×`, `4.5×`, `12.01×`: the ratio to two decimals at most. Where rounding would show the very
    /// bound crossed (12.001 as `12×`), it says `more than 12×` / `less than 5×` instead.
    private static func ratioText(_ yearly: UInt64, _ monthly: UInt64, isTooHigh: Bool) -> String {
        // In whole hundredths, rounded half up, in integers: amounts are at most 2^53 − 1, so a hundred
        // times one still fits in 64 bits.
        let hundredths = (yearly * 100 + monthly / 2) / monthly
        let bound = isTooHigh ? largestYearlyMultiple : smallestYearlyMultiple
        if hundredths == bound * 100 { return (isTooHigh ? "more than " : "less than ") + "\(bound)×" }
        let whole = Int(hundredths / 100), fraction = Int(hundredths % 100)
        if fraction == 0 { return "\(DisplayText.number(whole))×" }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
        return "\(DisplayText.number(whole)).\(digits)×"
    }

    // MARK: W0802 monetary credit currency

    private static func checkMonetaryCreditCurrencies(_ planID: PlanID, in index: CatalogIndex,
                                                      into diagnostics: inout [Diagnostic]) {
        let plan = index.plans[planID]
        let isMonetary = { (credit: CreditDefinition) in !credit.hasRefusedType && credit.applicationType == .monetary }
        guard plan.credits.contains(where: isMonetary) else { return }
        let monetary = plan.credits.filter(isMonetary)
        // A trial bills nothing itself: its credits meet the prices its subscription moves to.
        var prices = index.pricesBilled(under: planID)
        var billingPlan = plan
        if prices.isEmpty, let parentID = index.trialParents[planID.index] {
            prices = index.pricesBilled(under: parentID)
            billingPlan = index.plans[parentID]
        }
        var billed: [String] = []
        for price in prices.map({ index.prices[$0] }) {
            if let currency = price.resolvedCurrency, Currency.named(currency) != nil, !billed.contains(currency) {
                billed.append(currency)
            }
        }
        // With no price in a known currency there is nothing to compare with.
        guard !billed.isEmpty else { return }
        let defaultCurrency = index.catalog.defaultCurrency?.value
        for credit in monetary {
            guard let code = credit.resolvedCurrency(defaultCurrency: defaultCurrency),
                  Currency.named(code) != nil, !billed.contains(code) else { continue }
            let billedList = billed.sorted()
            let billedText = billedList.count == 1 ? billedList[0]
                : billedList.dropLast().joined(separator: ", ") + " and " + billedList[billedList.count - 1]
            let origin = credit.currency == nil ? " (the catalog's currency)" : ""
            let biller = billingPlan === plan ? "plan `\(plan.id.value)` bills"
                : "trial `\(plan.id.value)` moves to `\(billingPlan.id.value)`, which bills"
            diagnostics.append(Diagnostic(
                .creditCurrencyNotBilled,
                "monetary credit `\(credit.id.value)` is in \(code)\(origin), but \(biller) only in \(billedText)",
                at: credit.currency?.location ?? credit.location,
                label: "no price of `\(billingPlan.id.value)` bills in \(code)",
                help: "a monetary credit is used only on invoices in its currency: write `currency \(billedList[0])` "
                    + "in the credit, or give `\(billingPlan.id.value)` a \(code) price"))
        }
    }

    // MARK: W0601 trial allowance

    private static func checkTrialAllowance(_ trialID: PlanID, in index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let trial = index.plans[trialID]
        guard let parentID = index.trialParents[trialID.index], parentID != trialID,
              !index.plans[parentID].isTrial else { return }
        let parent = index.plans[parentID]
        let parentAllowances = meteredAllowances(of: parentID, in: index)
        guard !parentAllowances.isEmpty else { return }
        let granted = index.grantedFeatures(of: trialID)
        let covered = meteredAllowances(of: trialID, in: index)
        var reported: [FeatureID] = []
        for allowance in parentAllowances {
            let feature = index.features[allowance.feature]
            let slug = feature.slug.value
            guard granted.contains(allowance.feature), !covered.contains(where: { $0.feature == allowance.feature }),
                  !reported.contains(allowance.feature) else { continue }
            reported.append(allowance.feature)
            let amount = allowance.credit.amount.map { " of " + amountText($0.value, unit: feature.unit) } ?? ""
            diagnostics.append(Diagnostic(
                .trialWithoutAllowance,
                "trial `\(trial.id.value)` grants `\(slug)` but no credit for it, so trial users have no allowance",
                at: trial.trialOf?.location ?? trial.location,
                label: "a trial does not inherit `\(parent.id.value)`'s credits",
                notes: [Diagnostic.Note("`\(parent.id.value)` includes an allowance\(amount) with credit `\(allowance.credit.id.value)`",
                                        at: allowance.credit.location)],
                help: "give `\(trial.id.value)` a usage credit of its own: `applies-to \(slug)`, "
                    + "an `amount` for the trial, and `renew never`"))
        }
    }

    /// A usage credit and a usage feature whose allowance it grants.
    private struct MeteredAllowance {
        let credit: CreditDefinition
        let feature: FeatureID
    }

    /// The usage features a plan's usage credits grant an allowance of, in the credits' order: a credit
    /// applied to a usage feature grants it; one applied to a usage component of the plan's own price
    /// grants the usage features the plan grants on that component's metric.
    private static func meteredAllowances(of planID: PlanID, in index: CatalogIndex) -> [MeteredAllowance] {
        var result: [MeteredAllowance] = []
        let plan = index.plans[planID]
        for (credit, target) in zip(plan.credits, index.creditTargets[planID.index])
        where !credit.hasRefusedType && credit.applicationType == .usage {
            switch target {
            case .feature(let featureID?):
                if index.features[featureID].type?.value == .usage {
                    result.append(MeteredAllowance(credit: credit, feature: featureID))
                }
            case .component(let priceID?, let component?):
                guard index.priceOwners[priceID.index] == index.plans.resolvedID(at: planID.index),
                      let metricName = index.prices[priceID].components[Int(component)].usageMetric?.value else { continue }
                let metric = index.componentMetrics.member(Int(component), of: priceID.index)
                for case let featureID? in index.grantedFeatures(of: planID) {
                    guard index.features[featureID].type?.value == .usage else { continue }
                    // A metric that does not exist (reported by the reference checks) still matches by name.
                    let meters = metric.map { index.featureMetrics[featureID.index].contains($0) }
                        ?? index.features[featureID].metricIDs.contains { $0.value == metricName }
                    guard meters else { continue }
                    result.append(MeteredAllowance(credit: credit, feature: featureID))
                }
            default:
                continue
            }
        }
        return result
    }

    /// `10,000 API calls`, or `10,000` for a feature without a unit.
    private static func amountText(_ amount: ExactDecimal, unit: String?) -> String {
        guard let unit else { return DisplayText.number(amount) }
        return DisplayText.count(amount, unit)
    }
}
