/// What a pricing-table row shows about money, derived as LANGUAGE.md §3 says: the plan's monthly and
/// yearly prices in the table's currency, the amount each shows, the interval, minimum seats and trial.
///
/// Both the generated bullets (the platform fee, usage rates) and the public table read it, so the two
/// can never disagree about which price a row shows.
struct PricingRow {
    let table: CatalogDocument.PricingTable
    let config: CatalogDocument.PlanConfig
    let plan: CatalogDocument.Plan?
    /// The plan's price whose period is one month, in the table's currency.
    let monthlyPrice: CatalogDocument.Price?
    /// The plan's price whose period is one year, in the table's currency.
    let yearlyPrice: CatalogDocument.Price?
    /// The trial plan of the row's plan.
    let trial: CatalogDocument.Plan?

    init(_ config: CatalogDocument.PlanConfig, in table: CatalogDocument.PricingTable, lookup: CatalogDocumentIndex) {
        self.table = table
        self.config = config
        plan = lookup.plans[config.planID]
        let prices = plan.map { lookup.prices(of: $0) } ?? []
        func price(period: BillingPeriod) -> CatalogDocument.Price? {
            prices.first { $0.currency == table.currency && !$0.isOverridePrice && $0.period == period }
        }
        // An enterprise row shows no price (OUTPUT.md): "Contact sales" stands in its place.
        monthlyPrice = config.isEnterprisePlan ? nil : price(period: .monthly)
        yearlyPrice = config.isEnterprisePlan ? nil : price(period: .yearly)
        trial = lookup.trial(of: config.planID)
    }

    /// The price the row's `price` shows: the monthly one where there is one, else the yearly.
    var shownPrice: CatalogDocument.Price? { monthlyPrice ?? yearlyPrice }

    /// The interval word of the shown price (`month`, `year`).
    var shownInterval: BillingInterval? {
        monthlyPrice != nil ? .month : yearlyPrice != nil ? .year : nil
    }

    /// The amount a price shows, in major units: the sum of its per-seat amounts where it has any, else
    /// the sum of its fixed amounts; 0 for a price of usage alone (a pay-as-you-go row).
    static func amount(of price: CatalogDocument.Price) -> ExactDecimal {
        let seatAmounts = price.components.compactMap { component -> ExactDecimal? in
            if case .perUnit(let amount, _, _) = component.charge { return amount }
            return nil
        }
        return majorUnits(seatAmounts.isEmpty ? fixedAmounts(of: price) : seatAmounts, currency: price.currency)
    }

    /// The fixed fee that goes with a per-seat price ("Plus $29/month platform fee"), in major units; nil
    /// for a price without per-seat components or without a fixed amount above 0.
    static func platformFee(of price: CatalogDocument.Price) -> ExactDecimal? {
        guard seatUnit(of: price) != nil else { return nil }
        let fee = majorUnits(fixedAmounts(of: price), currency: price.currency)
        return fee.isZero ? nil : fee
    }

    /// The unit of a price's first per-seat component (`seat` unless it says otherwise), or nil.
    static func seatUnit(of price: CatalogDocument.Price) -> String? {
        for component in price.components {
            if case .perUnit = component.charge { return component.unitLabel ?? CatalogDefaults.seatUnit }
        }
        return nil
    }

    /// The minimum seats of a price's per-seat component, if one sets it.
    static func minimumSeats(of price: CatalogDocument.Price) -> Int? {
        for component in price.components {
            if case .perUnit(_, let minSeats?, _) = component.charge { return minSeats }
        }
        return nil
    }

    /// The interval text of the shown price: `month`, `year`, `month per seat`, `month per user`.
    var intervalText: String? {
        guard let price = shownPrice, let interval = shownInterval else { return nil }
        return Self.seatUnit(of: price).map { "\(interval.rawValue) per \($0)" } ?? interval.rawValue
    }

    private static func fixedAmounts(of price: CatalogDocument.Price) -> [ExactDecimal] {
        price.components.compactMap { component in
            if case .fixed(let amount) = component.charge { return amount }
            return nil
        }
    }

    /// Minor units summed, then back in major units. The pricing-table checks keep every row's sum within
    /// 2^53 − 1 minor units, so the sum always fits.
    private static func majorUnits(_ minorAmounts: [ExactDecimal], currency: String) -> ExactDecimal {
        var total = ExactDecimal(0)
        for amount in minorAmounts {
            guard let sum = total.adding(amount) else {
                preconditionFailure("the pricing-table checks keep a row's amount within 2^53 − 1 minor units")
            }
            total = sum
        }
        return total.shiftedDown(by: Currency.named(currency)?.minorUnitExponent ?? 0)
    }
}
