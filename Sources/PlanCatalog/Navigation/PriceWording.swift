/// How an editor words what a price charges: `$29/month`, `$12/seat/month`, `$0.002 per API call`, and
/// what a longer period comes to each month (`≈ $24.17/month` for `$290/year`). Amounts are in the
/// currency's format, as pricing pages show them (`DisplayText.money`).
public enum PriceWording {
    /// What one component charges, with its period: `$29/month`, `$12/seat/month`, `$99/3 months`,
    /// `$0.002 per API call`. A usage rate is per the component's `unit`, else per `unitOfMetric`'s for its
    /// metric (the unit of the feature measuring it), else per the metric's id.
    public static func charge(of component: PriceComponent, in price: Price,
                              unitOfMetric: (String) -> String? = { _ in nil }) -> String {
        let currency = price.resolvedCurrency ?? "USD"
        let period = self.period(of: component, in: price).map { "/" + words(for: $0) } ?? ""
        switch component.kind {
        case .fixed(let amount):
            return DisplayText.money(amount.value, currency: currency) + period
        case .perSeat(let amount):
            return DisplayText.money(amount.value, currency: currency) + "/" + (component.unit ?? "seat") + period
        case .usage(let metric):
            guard let unitPrice = component.unitPrice else { return "usage of `\(metric.value)`" }
            let unit = component.unit ?? unitOfMetric(metric.value) ?? metric.value
            return DisplayText.money(unitPrice.value, currency: currency) + " per " + unit
        case nil:
            return "nothing"
        }
    }

    /// What a whole price charges: its components' charges joined with `+` (`$29/month + $0.002 per API
    /// call`), or `free` when none charges anything.
    public static func charge(of price: Price, unitOfMetric: (String) -> String? = { _ in nil }) -> String {
        price.chargesNothing ? "free"
            : price.components.map { charge(of: $0, in: price, unitOfMetric: unitOfMetric) }.joined(separator: " + ")
    }

    /// A component's fixed or per-seat amount over one month, when it bills over more than a month (a
    /// year, a quarter): `≈ $24.17/month` for `$290/year`, `≈ $10/seat/month` for `$120/seat/year`. Nil
    /// for a monthly, weekly or daily component, a usage rate, a zero amount and an amount too large to
    /// divide here.
    /// Rounded half away from zero to the currency's minor unit.
    public static func monthlyEquivalent(of component: PriceComponent, in price: Price) -> String? {
        guard let period = period(of: component, in: price) else { return nil }
        let (months, overflow) = switch period.interval {
        case .year: period.count.multipliedReportingOverflow(by: 12)
        case .month: (period.count, false)
        case .week, .day: (0, true)
        }
        guard !overflow, months > 1 else { return nil }
        let currency = price.resolvedCurrency ?? "USD"
        let perSeat: String
        let amount: ExactDecimal
        switch component.kind {
        case .fixed(let fixed): (amount, perSeat) = (fixed.value, "")
        case .perSeat(let seat): (amount, perSeat) = (seat.value, "/" + (component.unit ?? "seat"))
        case .usage, nil: return nil
        }
        guard !amount.isZero else { return nil }
        let exponent = Currency.named(currency)?.minorUnitExponent ?? 2
        guard let perMonth = dividing(amount, by: months, toPlaces: exponent) else { return nil }
        return "≈ " + DisplayText.money(perMonth, currency: currency) + perSeat + "/month"
    }

    /// `amount ÷ divisor`, rounded half away from zero to `places` decimals; nil when the intermediate
    /// product does not fit 64 bits.
    static func dividing(_ amount: ExactDecimal, by divisor: Int, toPlaces places: Int) -> ExactDecimal? {
        guard divisor > 0, places >= 0, places <= 18, amount.scale <= 18 else { return nil }
        var numerator = amount.significand
        var denominator = UInt64(divisor)
        if amount.scale <= places {
            for _ in 0..<(places - amount.scale) {
                let (product, overflow) = numerator.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                numerator = product
            }
        } else {
            for _ in 0..<(amount.scale - places) {
                let (product, overflow) = denominator.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                denominator = product
            }
        }
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        let rounded = remainder >= denominator - remainder ? quotient + 1 : quotient
        return ExactDecimal(isNegative: amount.isNegative && rounded != 0, significand: rounded, scale: places)
    }

    /// A component's billing period (`BillingPeriod.ofComponent`, the language's one rule).
    static func period(of component: PriceComponent, in price: Price) -> BillingPeriod? {
        BillingPeriod.ofComponent(interval: component.interval?.value, count: component.intervalCount?.value,
                                  priceInterval: price.interval?.value, priceCount: price.intervalCount?.value)
    }

    /// A period as a price says it after a slash: `month`, `3 months`.
    static func words(for period: BillingPeriod) -> String {
        period.count == 1 ? period.interval.rawValue : "\(period.count) \(period.interval.rawValue)s"
    }
}
