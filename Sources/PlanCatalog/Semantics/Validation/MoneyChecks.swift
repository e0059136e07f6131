/// LANGUAGE.md §4.8: money is exact and well-formed. Currency codes are ISO 4217 (upper case); amounts
/// are non-negative, no more precise than the currency's minor unit (usage unit prices may go 6 places
/// further), and at most 2^53 − 1 minor units; every price has a currency, a period and components, each
/// component exactly one type with only the statements that type allows; and a plan has one price per
/// currency and period.
enum MoneyChecks {
    /// How far below the minor unit a usage unit price may go.
    static let unitPriceExtraPlaces = 6

    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let catalog = index.catalog
        // Every currency code written, in this order: the catalog's, the prices', the credits', the
        // pricing tables'.
        if let currency = catalog.defaultCurrency { checkCurrencyCode(currency, into: &diagnostics) }
        for case let currency? in index.allPrices.lazy.map({ $0.currency }) {
            checkCurrencyCode(currency, into: &diagnostics)
        }
        for plan in catalog.plans {
            for case let currency? in plan.credits.lazy.map({ $0.currency }) {
                checkCurrencyCode(currency, into: &diagnostics)
            }
        }
        for case let currency? in catalog.pricingTables.lazy.map({ $0.currency }) {
            checkCurrencyCode(currency, into: &diagnostics)
        }

        var lastCurrency: Currency?
        for price in index.allPrices {
            let currency = currency(named: price.resolvedCurrency, last: &lastCurrency)
            checkPrice(price, currency: currency, in: index, into: &diagnostics)
            checkPriceTotal(price, currency: currency, into: &diagnostics)
        }
        for plan in catalog.plans {
            checkOnePricePerPeriod(plan, into: &diagnostics)
            checkUsageCreditTotal(plan, into: &diagnostics)
            for credit in plan.credits where !credit.hasRefusedType {
                checkCreditAmounts(credit, defaultCurrency: catalog.defaultCurrency?.value, in: index,
                                   into: &diagnostics)
            }
        }
    }

    // MARK: Currencies

    private static func checkCurrencyCode(_ code: Located<String>, into diagnostics: inout [Diagnostic]) {
        guard Currency.named(code.value) == nil else { return }
        let upper = code.value.uppercased()
        if Currency.named(upper) != nil {
            diagnostics.append(Diagnostic(
                .unknownCurrency, "currency code `\(code.value)` must be upper case", at: code.location,
                label: "ISO 4217 codes are upper case", help: "did you mean `\(upper)`?",
                fixes: Diagnostic.replacement(at: code.location, with: upper)))
            return
        }
        let suggestion = Suggestion.closest(to: upper, among: Currency.allCodes)
        diagnostics.append(Diagnostic(
            .unknownCurrency, "`\(code.value)` is not an ISO 4217 currency code", at: code.location,
            label: "unknown currency", help: Suggestion.help(suggestion) ?? "use a code such as `USD`, `EUR` or `GBP`",
            fixes: Diagnostic.replacement(at: code.location, with: suggestion)))
    }

    // MARK: Prices and components

    /// The currency with this code. A catalog bills in a currency or two, so the one looked up last
    /// (`last`) nearly always answers, without hashing the code.
    private static func currency(named code: String?, last: inout Currency?) -> Currency? {
        guard let code else { return nil }
        if let last, last.code == code { return last }
        last = Currency.named(code)
        return last
    }

    /// `currency`: the price's, looked up once for this and `checkPriceTotal`.
    private static func checkPrice(_ price: Price, currency: Currency?, in index: CatalogIndex,
                                   into diagnostics: inout [Diagnostic]) {
        if price.resolvedCurrency == nil, !index.currencyIsUnknown(of: price) {
            diagnostics.append(Diagnostic(
                .priceWithoutCurrency, "price `\(price.id.value)` has no currency", at: price.location,
                label: "neither the price nor the catalog names a currency",
                help: "add `currency USD` at the top of the catalog, or to the price"))
        }
        // A refused `component`, or a block never closed, may hold the components.
        if price.components.isEmpty, !index.wasRefused("component", in: price.location) {
            diagnostics.append(Diagnostic(
                .priceWithoutComponent, "price `\(price.id.value)` has no components", at: price.location,
                label: "nothing to bill", help: "add `component base { fixed 29 }`"))
        } else if price.interval == nil, price.components.contains(where: { $0.interval == nil }),
                  !index.intervalIsUnknown(of: price) {
            diagnostics.append(Diagnostic(
                .priceWithoutInterval, "price `\(price.id.value)` has no billing interval", at: price.location,
                label: "how often does it bill?",
                help: "add `interval month` (or `year`, `week`, `day`) to the price, or to every component"))
        }
        for component in price.components {
            checkComponent(component, of: price, currency: currency, in: index, into: &diagnostics)
        }
    }

    private static func checkComponent(_ component: PriceComponent, of price: Price, currency: Currency?,
                                       in index: CatalogIndex,
                                       into diagnostics: inout [Diagnostic]) {
        let id = component.id.value
        // Refused kinds are among `declaredKinds`; a component whose block is never closed may lack one.
        if component.declaredKinds.isEmpty, !index.wasRefused("fixed", in: component.location) {
            diagnostics.append(Diagnostic(
                .componentKindCount, "component `\(id)` has none of `fixed`, `per-seat` or `usage`",
                at: component.location, label: "what does this component bill?",
                help: "add `fixed AMOUNT`, `per-seat AMOUNT`, or `usage METRIC` with `unit-price AMOUNT`"))
        }
        for later in component.declaredKinds.dropFirst() {
            let first = component.declaredKinds[0]
            diagnostics.append(Diagnostic(
                .componentKindCount, "component `\(id)` is already a `\(first.value)` component",
                at: later.location, label: "a second type",
                notes: [Diagnostic.Note("its type is given here", at: first.location)],
                help: "a component bills one thing; split it into two components"))
        }
        // The kind is asked of the enum, and its name made only for a message: comparing names cost a
        // string comparison per component.
        if let kind = component.kind, component.usageMetric == nil, let unitPrice = component.unitPrice {
            reportNotAllowed("unit-price", at: unitPrice.location, in: component, kind: kind.name,
                             help: "a \(kind.name) component's amount is its `\(kind.name)` value", into: &diagnostics)
        }
        if let kind = component.kind, !component.isPerSeat {
            if let minSeats = component.minSeats {
                reportNotAllowed("min-seats", at: minSeats.location, in: component, kind: kind.name,
                                 help: "seat minimums apply to `per-seat` components", into: &diagnostics)
            }
            if let billImmediately = component.billImmediately {
                reportNotAllowed("bill-immediately", at: billImmediately.location, in: component, kind: kind.name,
                                 help: "proration of added seats applies to `per-seat` components", into: &diagnostics)
            }
        }
        switch component.kind {
        case .fixed(let amount), .perSeat(let amount):
            checkAmount(amount, currency: currency, extraPlaces: 0, into: &diagnostics)
        case .usage:
            if let unitPrice = component.unitPrice {
                checkAmount(unitPrice, currency: currency, extraPlaces: unitPriceExtraPlaces, into: &diagnostics)
            } else if !component.hasUnitPriceStatement, !index.wasRefused("unit-price", in: component.location) {
                diagnostics.append(Diagnostic(
                    .usageWithoutUnitPrice, "usage component `\(id)` has no `unit-price`", at: component.location,
                    label: "what does each unit cost?",
                    help: "add `unit-price 0.002` (or `unit-price 0` for usage that is only counted)"))
            }
        case nil:
            break
        }
    }

    private static func reportNotAllowed(_ keyword: String, at location: SourceLocation, in component: PriceComponent,
                                         kind: String, help: String, into diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(
            .statementNotAllowedForComponent, "`\(keyword)` is not allowed in the \(kind) component `\(component.id.value)`",
            at: location, label: "not for a \(kind) component", help: help))
    }

    /// Non-negative, within the currency's precision (plus `extraPlaces`), at most 2^53 − 1 minor units.
    static func checkAmount(_ amount: Located<ExactDecimal>, currency: Currency?, extraPlaces: Int,
                            into diagnostics: inout [Diagnostic]) {
        let value = amount.value
        if value.isNegative {
            diagnostics.append(Diagnostic(.negativeAmount, "amount `\(value)` is negative", at: amount.location,
                                          label: "amounts are 0 or more",
                                          help: "a discount is a monetary credit, not a negative price"))
            return
        }
        guard let currency else { return }
        let places = currency.minorUnitExponent + extraPlaces
        if value.scale > places {
            let what = extraPlaces == 0 ? "" : " for a unit price (\(extraPlaces) below the minor unit)"
            diagnostics.append(Diagnostic(
                .tooManyDecimalPlaces,
                "amount `\(value)` has \(describePlaces(value.scale)); \(currency.code) allows \(places)\(what)",
                at: amount.location, label: "too precise",
                help: places == 0 ? "\(currency.code) has no minor unit: write a whole number"
                    : "round it to \(places) decimal places"))
            return
        }
        if let minorUnits = value.shifted(by: currency.minorUnitExponent),
           !minorUnits.magnitudeExceeds(ExactTotal.limit) {
            return
        }
        diagnostics.append(Diagnostic(
            .amountTooLarge, "amount `\(value)` \(currency.code) is too large", at: amount.location,
            label: "more than 2^53 − 1 minor units",
            help: "JavaScript clients read amounts exactly only up to 9007199254740991 minor units"))
    }

    /// A price's fixed and per-seat amounts together fit in 2^53 − 1 minor units: a pricing-table row
    /// shows their sums. Amounts already reported as invalid are left out.
    private static func checkPriceTotal(_ price: Price, currency: Currency?, into diagnostics: inout [Diagnostic]) {
        guard let currency else { return }
        let amounts = price.components.lazy.compactMap { component -> ExactDecimal? in
            switch component.kind {
            case .fixed(let amount), .perSeat(let amount): amount.value.shifted(by: currency.minorUnitExponent)
            case .usage, nil: nil
            }
        }
        guard ExactTotal.exceedsLimit(amounts) else { return }
        diagnostics.append(Diagnostic(
            .totalTooLarge, "the amounts of price `\(price.id.value)` add up to more than 2^53 − 1 minor units",
            at: price.location, label: "its fixed and per-seat amounts are too large together",
            help: "JavaScript clients read a price's total exactly only up to 9007199254740991 minor units"))
    }

    /// A plan's usage credits together fit in 2^53 − 1 units: entitlements add them up as an allowance.
    private static func checkUsageCreditTotal(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
        // One amount alone never passes the limit (a larger one is refused on its own, and left out of
        // the total): most plans have one credit or none.
        guard plan.credits.count > 1 else { return }
        let amounts = plan.credits.lazy.filter { $0.applicationType == .usage && !$0.hasRefusedType }.compactMap { $0.amount?.value }
        guard ExactTotal.exceedsLimit(amounts) else { return }
        diagnostics.append(Diagnostic(
            .totalTooLarge, "the usage credits of plan `\(plan.id.value)` add up to more than 2^53 − 1 units",
            at: plan.location, label: "its credits' amounts are too large together",
            help: "an app reads a plan's allowance exactly only up to 9007199254740991 units"))
    }

    private static func describePlaces(_ count: Int) -> String {
        count == 1 ? "1 decimal place" : "\(count) decimal places"
    }

    /// A plan has at most one price per (currency, interval, interval-count); quote prices do not count.
    private static func checkOnePricePerPeriod(_ plan: Plan, into diagnostics: inout [Diagnostic]) {
        // A plan has a handful of prices: a scan of the earlier ones is cheaper than a dictionary, and
        // needs no list of its own. The first earlier price of the same currency and period is the first
        // of its kind, the one a second is reported against.
        let prices = plan.prices
        guard prices.count > 1 else { return }
        for (position, price) in prices.enumerated() {
            guard let currency = price.resolvedCurrency, let period = price.period,
                  let earlier = prices[..<position].first(where: { $0.period == period && $0.resolvedCurrency == currency })
            else { continue }
            diagnostics.append(Diagnostic(
                .duplicatePricePeriod,
                "plan `\(plan.id.value)` already has a \(currency) price billed \(period)", at: price.location,
                label: "second price for the same currency and period",
                notes: [Diagnostic.Note("`\(earlier.id.value)` is that price", at: earlier.location)],
                help: "a plan has one price per currency and period; a customer-specific price is a `quote`"))
        }
    }

    // MARK: Credits

    private static func checkCreditAmounts(_ credit: CreditDefinition, defaultCurrency: String?, in index: CatalogIndex,
                                           into diagnostics: inout [Diagnostic]) {
        // `amount`, then `refill`, where written. Gone through as optionals: a list of those written,
        // made per credit, cost more than the checks.
        let amounts = [credit.amount, credit.refill]
        switch credit.applicationType {
        case .usage:
            for case let amount? in amounts where !amount.value.isInteger || amount.value.isNegative || amount.value.isZero
                || amount.value.magnitudeExceeds(ExactTotal.limit) {
                diagnostics.append(Diagnostic(
                    .valueOutOfRange, "a usage credit's amount must be a whole number of units from 1, found `\(amount.value)`",
                    at: amount.location, label: "not a whole number of units ≥ 1",
                    help: "usage credits count units of the metered feature: `amount 10000`"))
            }
            if let currency = credit.currency {
                diagnostics.append(Diagnostic(
                    .statementNotAllowedForComponent, "`currency` is for monetary credits only",
                    at: currency.location, label: "a usage credit counts units, not money",
                    help: "remove `currency`, or make the credit `type monetary`"))
            }
        case .monetary:
            let code = credit.resolvedCurrency(defaultCurrency: defaultCurrency)
            let currency = code.flatMap(Currency.named)
            for case let amount? in amounts {
                checkAmount(amount, currency: currency, extraPlaces: 0, into: &diagnostics)
                if !amount.value.isNegative, amount.value.isZero {
                    diagnostics.append(Diagnostic(
                        .valueOutOfRange, "a monetary credit of 0 grants nothing", at: amount.location,
                        label: "must be more than 0", help: "give the credit's amount in major units: `amount 50`"))
                }
            }
            if code == nil, !index.wasRefused("currency", in: credit.location), !index.wasRefused("currency", in: nil) {
                diagnostics.append(Diagnostic(
                    .priceWithoutCurrency, "monetary credit `\(credit.id.value)` has no currency", at: credit.location,
                    label: "neither the credit nor the catalog names a currency",
                    help: "add `currency USD` to the credit or at the top of the catalog"))
            }
            if let visible = credit.billingVisible, !visible.value {
                diagnostics.append(Diagnostic(
                    .monetaryCreditNotVisible, "monetary credit `\(credit.id.value)` cannot be hidden from billing",
                    at: visible.location, label: "monetary credits are always billing-visible",
                    help: "remove `billing-visible false`; Lumen applies monetary credits as visible invoice lines"))
            }
        }
    }
}
