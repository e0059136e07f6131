/// Plans with what they hold: the `features` block, prices with their components, and credits.
extension ImportComposer {
    func writePlan(at index: Int, into writer: inout SourceWriter) {
        let plan = document.plans[index]
        func path() -> String { "$.\(CatalogKey.plans)[\(index)]" }
        writer.block("plan", plan.id, path: path()) { writer in
            writer.statement("name", .text(plan.planName), path: path() + ".\(CatalogKey.planName)")
            if let description = plan.planDescription {
                writer.statement("description", .text(description), path: path() + ".\(CatalogKey.planDescription)")
            }
            if !plan.isVisibleInPricingTable {
                writer.statement("hidden", path: path() + ".\(CatalogKey.isVisibleInPricingTable)")
            }
            if let parentID = plan.trialParentPlanID {
                writer.statement("trial-of", .word(parentID), path: path() + ".\(CatalogKey.trialParentPlanId)")
            }
            if let days = plan.trialDays {
                writer.statement("trial-days", .integer(days), path: path() + ".\(CatalogKey.trialDays)")
            }
            if writesFeaturesBlock(of: plan, at: index) {
                writeFeatures(of: plan, at: path() + ".\(CatalogKey.features)", into: &writer)
            }
            for priceIndex in pricesByPlan[index] {
                writePrice(at: priceIndex, into: &writer)
            }
            for creditIndex in creditsByPlan[firstPlanIndex[index]] {
                write(document.creditDefinitions[creditIndex], at: "$.\(CatalogKey.creditDefinitions)[\(creditIndex)]", into: &writer)
            }
        }
    }

    /// A plan lists what it grants unless a plan without a `features` block would grant the same
    /// (`Plan.grants(own:trialParent:)`): nothing, or for a trial, exactly its parent's features.
    private func writesFeaturesBlock(of plan: CatalogDocument.Plan, at index: Int) -> Bool {
        let parent = trialParents[index].map { document.plans[$0] }
        return plan.features != Plan.grants(own: nil, trialParent: parent.map { ($0.features, $0.isTrialPlan) })
    }

    private func writeFeatures(of plan: CatalogDocument.Plan, at path: @autoclosure () -> String,
                               into writer: inout SourceWriter) {
        writer.block("features", path: path()) { writer in
            for (index, granted) in plan.features.enumerated() {
                switch granted.value {
                case .enabled, .usageBased:
                    writer.statement(granted.slug, path: path() + "[\(index)]")
                case .limit(let limit):
                    writer.statement(granted.slug, .decimal(limit), path: path() + "[\(index)]")
                case .unlimited:
                    writer.statement(granted.slug, .word("unlimited"), path: path() + "[\(index)]")
                case .text(let text):
                    writer.statement(granted.slug, .text(text), path: path() + "[\(index)]")
                }
            }
        }
    }

    // MARK: Prices

    /// A price inside its plan or quote. Its `interval` is the period most of its components share (the
    /// first such, on a tie); a component on another period says its own.
    func writePrice(at index: Int, into writer: inout SourceWriter) {
        let price = document.prices[index]
        func path() -> String { "$.\(CatalogKey.prices)[\(index)]" }
        func componentsPath() -> String { path() + ".\(CatalogKey.pricingData).\(CatalogKey.components)" }
        let period = Self.commonestPeriod(of: price)
        let exponent = price.currency == document.defaultCurrency ? defaultCurrencyExponent
            : SourceWords.minorUnitExponent(of: price.currency)
        writer.block("price", price.id, path: path()) { writer in
            if price.currency != document.defaultCurrency {
                writer.statement("currency", .word(price.currency), path: path() + ".\(CatalogKey.currency)")
            }
            if let period {
                writer.statement("interval", .word(period.interval.rawValue),
                                 path: componentsPath() + "[0].\(CatalogKey.recurrence_rule)")
                if period.count != 1 {
                    writer.statement("interval-count", .integer(period.count),
                                     path: componentsPath() + "[0].\(CatalogKey.recurrence_rule)")
                }
            }
            for (position, component) in price.components.enumerated() {
                writer.compactBlock("component", component.id, path: componentsPath() + "[\(position)]") {
                    Self.appendStatements(of: component, minorUnitExponent: exponent, pricePeriod: period, to: &$0)
                }
            }
        }
    }

    /// A component's statements in the order of the language's table: what it charges, then its texts,
    /// seats, and its own period when it differs from the price's.
    private static func appendStatements(of component: CatalogDocument.Component, minorUnitExponent: Int,
                                         pricePeriod: BillingPeriod?, to statements: inout [SourceWriter.Statement]) {
        func amount(_ minorUnits: ExactDecimal) -> SourceWriter.Argument {
            .decimal(minorUnits.shiftedDown(by: minorUnitExponent))
        }
        var defaultUnit: String?
        switch component.charge {
        case .fixed(let amountCents):
            statements.append(.init("fixed", amount(amountCents), field: CatalogKey.amount_cents))
        case .perUnit(let amountCents, _, _):
            statements.append(.init("per-seat", amount(amountCents), field: CatalogKey.amount_cents))
            defaultUnit = CatalogDefaults.seatUnit
        case .usage(let metricID, let unitCostCents):
            statements.append(.init("usage", .word(metricID), field: CatalogKey.metric_id))
            statements.append(.init("unit-price", amount(unitCostCents), field: CatalogKey.unit_cost_cents))
        }
        if let label = component.label {
            statements.append(.init("label", .text(label), field: CatalogKey.label))
        }
        if let unit = component.unitLabel, unit != defaultUnit {
            statements.append(.init("unit", .text(unit), field: CatalogKey.unit_label))
        }
        if case .perUnit(_, let minSeats, let billImmediately) = component.charge {
            if let minSeats { statements.append(.init("min-seats", .integer(minSeats), field: CatalogKey.min_seats)) }
            if billImmediately != CatalogDefaults.billsImmediately {
                statements.append(.init("bill-immediately", .word("false"), field: CatalogKey.bill_immediately))
            }
        }
        // The fewest statements from which `BillingPeriod.ofComponent` gives the component its period
        // within this price: none, an `interval-count` alone, or an `interval` with its count unless 1.
        let own = component.period
        func period(interval: BillingInterval?, count: Int?) -> BillingPeriod? {
            BillingPeriod.ofComponent(interval: interval, count: count,
                                      priceInterval: pricePeriod?.interval, priceCount: pricePeriod?.count)
        }
        if period(interval: nil, count: nil) == own { return }
        if period(interval: nil, count: own.count) == own {
            statements.append(.init("interval-count", .integer(own.count), field: CatalogKey.recurrence_rule))
            return
        }
        statements.append(.init("interval", .word(own.interval.rawValue), field: CatalogKey.recurrence_rule))
        if period(interval: own.interval, count: nil) != own {
            statements.append(.init("interval-count", .integer(own.count), field: CatalogKey.recurrence_rule))
        }
    }

    /// The period most components of a price bill on; the earliest of them on a tie.
    static func commonestPeriod(of price: CatalogDocument.Price) -> BillingPeriod? {
        let components = price.components
        // A price has a handful of components: counting each one's period among them all is quicker
        // than making a dictionary for every price.
        var counts: [BillingPeriod: Int] = [:]
        if components.count > 16 {
            for component in components { counts[component.period, default: 0] += 1 }
        }
        var best: (period: BillingPeriod, count: Int)?
        for component in components {
            let period = component.period
            let count = counts[period] ?? components.count { $0.period == period }
            if count > (best?.count ?? 0) { best = (period, count) }
        }
        return best?.period
    }

    // MARK: Credits

    private func write(_ credit: CatalogDocument.CreditDefinition, at path: @autoclosure () -> String,
                       into writer: inout SourceWriter) {
        let isMonetary = credit.applicationType == .monetary
        let exponent = credit.currency.map { $0 == document.defaultCurrency ? defaultCurrencyExponent
                                                                           : SourceWords.minorUnitExponent(of: $0) }
        func amount(_ value: ExactDecimal) -> SourceWriter.Argument {
            guard isMonetary, let exponent else { return .decimal(value) }
            return .decimal(value.shiftedDown(by: exponent))
        }
        writer.block("credit", credit.id, path: path()) { writer in
            writer.statement("name", .text(credit.name), path: path() + ".\(CatalogKey.name)")
            if isMonetary {
                writer.statement("type", .word(CreditType.monetary.rawValue), path: path() + ".\(CatalogKey.applicationType)")
            }
            if let priceID = credit.priceID, let componentID = credit.priceComponentID {
                writer.statement("applies-to", .qualified(priceID, componentID), path: path() + ".\(CatalogKey.priceComponentId)")
            } else if let slug = credit.featureSlug {
                writer.statement("applies-to", .word(slug), path: path() + ".\(CatalogKey.featureSlug)")
            }
            writer.statement("amount", amount(credit.defaultAmount), path: path() + ".\(CatalogKey.defaultAmount)")
            // `checkRenewals` refused the fields no renewal writes.
            let renewal = CreditRenewal(renewsOnBilling: credit.renewOnBilling, refillPeriod: credit.refillPeriod) ?? .never
            if let refill = credit.refillAmount, refill != credit.defaultAmount, renewal != .never {
                writer.statement("refill", amount(refill), path: path() + ".\(CatalogKey.refillAmount)")
            }
            if renewal != .onBilling {
                writer.statement("renew", .word(renewal.rawValue), path: path() + ".\(CatalogKey.renewOnBilling)")
            }
            if let days = credit.expiryDays {
                writer.statement("expires-after-days", .integer(days), path: path() + ".\(CatalogKey.expiryDays)")
            }
            if credit.billingVisible
                != CatalogDefaults.isBillingVisible(isMonetary: isMonetary, appliesToComponent: credit.priceID != nil) {
                writer.statement("billing-visible", .word(String(credit.billingVisible)),
                                 path: path() + ".\(CatalogKey.billingVisible)")
            }
            if let description = credit.billingDescription {
                writer.statement("billing-description", .text(description), path: path() + ".\(CatalogKey.billingDescription)")
            }
            if isMonetary, let currency = credit.currency, currency != document.defaultCurrency {
                writer.statement("currency", .word(currency), path: path() + ".\(CatalogKey.currency)")
            }
        }
    }
}
