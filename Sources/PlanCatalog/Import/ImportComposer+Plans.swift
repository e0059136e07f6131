/// Plans with what they hold: the `features` block, prices with their components, and credits.
extension ImportComposer {
    func writePlan(at index: Int, into writer: inout SourceWriter) {
        let plan = document.plans[index]
        let path = "$.plans[\(index)]"
        writer.block("plan \(plan.id)", path: path) { writer in
            writer.statement("name", SourceWords.quoted(plan.planName), path: "\(path).planName")
            if let description = plan.planDescription {
                writer.statement("description", SourceWords.quoted(description), path: "\(path).planDescription")
            }
            if !plan.isVisibleInPricingTable {
                writer.statement("hidden", path: "\(path).isVisibleInPricingTable")
            }
            if let parentID = plan.trialParentPlanID {
                writer.statement("trial-of", parentID, path: "\(path).trialParentPlanId")
            }
            if let days = plan.trialDays {
                writer.statement("trial-days", String(days), path: "\(path).trialDays")
            }
            if writesFeaturesBlock(of: plan) {
                writeFeatures(of: plan, at: "\(path).features", into: &writer)
            }
            for priceID in plan.priceIDs {
                guard let price = lookup.prices[priceID] else { continue }
                write(price, into: &writer)
            }
            for (creditIndex, credit) in document.creditDefinitions.enumerated() where credit.planID == plan.id {
                write(credit, at: "$.creditDefinitions[\(creditIndex)]", into: &writer)
            }
        }
    }

    /// A plan lists what it grants, unless it grants nothing; a trial lists it only when it is not
    /// exactly its parent's (a trial without a `features` block grants its parent's features).
    private func writesFeaturesBlock(of plan: CatalogDocument.Plan) -> Bool {
        guard let parentID = plan.trialParentPlanID, let parent = lookup.plans[parentID] else {
            return !plan.features.isEmpty
        }
        return plan.features != parent.features
    }

    private func writeFeatures(of plan: CatalogDocument.Plan, at path: String, into writer: inout SourceWriter) {
        writer.block("features", path: path) { writer in
            for (index, granted) in plan.features.enumerated() {
                let grantPath = "\(path)[\(index)]"
                switch granted.value {
                case .enabled, .usageBased:
                    writer.statement(granted.slug, path: grantPath)
                case .limit(let limit):
                    writer.statement(granted.slug, limit.description, path: grantPath)
                case .unlimited:
                    writer.statement(granted.slug, "unlimited", path: grantPath)
                case .text(let text):
                    writer.statement(granted.slug, SourceWords.quoted(text), path: grantPath)
                }
            }
        }
    }

    // MARK: Prices

    /// A price inside its plan or quote. Its `interval` is the period most of its components share (the
    /// first such, on a tie); a component on another period says its own.
    func write(_ price: CatalogDocument.Price, into writer: inout SourceWriter) {
        let index = priceIndices[price.id] ?? 0
        let path = "$.prices[\(index)]"
        let componentsPath = "\(path).pricingData.components"
        let period = Self.commonestPeriod(of: price)
        writer.block("price \(price.id)", path: path) { writer in
            if price.currency != document.defaultCurrency {
                writer.statement("currency", price.currency, path: "\(path).currency")
            }
            if let period {
                writer.statement("interval", period.interval.rawValue, path: "\(componentsPath)[0].recurrence_rule")
                if period.count != 1 {
                    writer.statement("interval-count", String(period.count), path: "\(componentsPath)[0].recurrence_rule")
                }
            }
            for (position, component) in price.components.enumerated() {
                let componentPath = "\(componentsPath)[\(position)]"
                writer.compactBlock("component \(component.id)", path: componentPath,
                                    statements: statements(of: component, in: price, pricePeriod: period,
                                                           at: componentPath))
            }
        }
    }

    /// A component's statements in the order of the language's table: what it charges, then its texts,
    /// seats, and its own period when it differs from the price's.
    private func statements(of component: CatalogDocument.Component, in price: CatalogDocument.Price,
                            pricePeriod: BillingPeriod?, at path: String) -> [(text: String, path: String)] {
        var statements: [(text: String, path: String)] = []
        func amount(_ minorUnits: ExactDecimal) -> String {
            SourceWords.majorUnits(minorUnits, currency: price.currency)
        }
        var defaultUnit: String?
        switch component.charge {
        case .fixed(let amountCents):
            statements.append(("fixed " + amount(amountCents), "\(path).amount_cents"))
        case .perUnit(let amountCents, _, _):
            statements.append(("per-seat " + amount(amountCents), "\(path).amount_cents"))
            defaultUnit = "seat"
        case .usage(let metricID, let unitCostCents):
            statements.append(("usage " + metricID, "\(path).metric_id"))
            statements.append(("unit-price " + amount(unitCostCents), "\(path).unit_cost_cents"))
        }
        if let label = component.label {
            statements.append(("label " + SourceWords.quoted(label), "\(path).label"))
        }
        if let unit = component.unitLabel, unit != defaultUnit {
            statements.append(("unit " + SourceWords.quoted(unit), "\(path).unit_label"))
        }
        if case .perUnit(_, let minSeats, let billImmediately) = component.charge {
            if let minSeats { statements.append(("min-seats \(minSeats)", "\(path).min_seats")) }
            if !billImmediately { statements.append(("bill-immediately false", "\(path).bill_immediately")) }
        }
        let own = component.period
        if own != pricePeriod {
            // A component naming its own interval counts from 1; one naming only a count keeps the price's.
            if own.interval != pricePeriod?.interval {
                statements.append(("interval " + own.interval.rawValue, "\(path).recurrence_rule"))
                if own.count != 1 { statements.append(("interval-count \(own.count)", "\(path).recurrence_rule")) }
            } else {
                statements.append(("interval-count \(own.count)", "\(path).recurrence_rule"))
            }
        }
        return statements
    }

    /// The period most components of a price bill on; the earliest of them on a tie.
    static func commonestPeriod(of price: CatalogDocument.Price) -> BillingPeriod? {
        var counts: [BillingPeriod: Int] = [:]
        for component in price.components { counts[component.period, default: 0] += 1 }
        var best: BillingPeriod?
        for component in price.components where counts[component.period]! > (best.map { counts[$0]! } ?? 0) {
            best = component.period
        }
        return best
    }

    // MARK: Credits

    private func write(_ credit: CatalogDocument.CreditDefinition, at path: String, into writer: inout SourceWriter) {
        let isMonetary = credit.applicationType == .monetary
        func amount(_ value: ExactDecimal) -> String {
            guard isMonetary, let currency = credit.currency else { return value.description }
            return SourceWords.majorUnits(value, currency: currency)
        }
        writer.block("credit \(credit.id)", path: path) { writer in
            writer.statement("name", SourceWords.quoted(credit.name), path: "\(path).name")
            if isMonetary {
                writer.statement("type", CreditType.monetary.rawValue, path: "\(path).applicationType")
            }
            if let priceID = credit.priceID, let componentID = credit.priceComponentID {
                writer.statement("applies-to", "\(priceID).\(componentID)", path: "\(path).priceComponentId")
            } else if let slug = credit.featureSlug {
                writer.statement("applies-to", slug, path: "\(path).featureSlug")
            }
            writer.statement("amount", amount(credit.defaultAmount), path: "\(path).defaultAmount")
            let renewal = Self.renewal(of: credit)
            if let refill = credit.refillAmount, refill != credit.defaultAmount, renewal != .never {
                writer.statement("refill", amount(refill), path: "\(path).refillAmount")
            }
            if renewal != .onBilling {
                writer.statement("renew", renewal.rawValue, path: "\(path).renewOnBilling")
            }
            if let days = credit.expiryDays {
                writer.statement("expires-after-days", String(days), path: "\(path).expiryDays")
            }
            // LANGUAGE.md: visible by default for monetary credits and usage credits applied to a component.
            if credit.billingVisible != (isMonetary || credit.priceID != nil) {
                writer.statement("billing-visible", String(credit.billingVisible), path: "\(path).billingVisible")
            }
            if let description = credit.billingDescription {
                writer.statement("billing-description", SourceWords.quoted(description),
                                 path: "\(path).billingDescription")
            }
            if isMonetary, let currency = credit.currency, currency != document.defaultCurrency {
                writer.statement("currency", currency, path: "\(path).currency")
            }
        }
    }

    /// The `renew` a credit's fields say (`checkRenewals` refused the combinations it cannot).
    private static func renewal(of credit: CatalogDocument.CreditDefinition) -> CreditRenewal {
        if credit.renewOnBilling { return .onBilling }
        switch credit.refillPeriod {
        case .monthly?: return .monthly
        case .yearly?: return .yearly
        default: return .never
        }
    }
}
