/// What an id means, resolved against its catalog, in Markdown: what an editor shows when the pointer
/// rests on an id (hover). Each kind says what a pricing engineer asks of it: a plan its prices, features,
/// trial and the tables that show it; a price what it charges; a feature its type, unit, metrics and the
/// plans granting it; a metric how it is aggregated and what uses it; a credit its balance and what it
/// applies to; a scenario its invoice.
public struct SymbolSummary {
    let catalog: Catalog
    /// Each scenario's invoice, or why there is none (`ScenarioInvoices`).
    let invoices: ScenarioInvoices

    public init(catalog: Catalog, invoices: ScenarioInvoices) {
        self.catalog = catalog
        self.invoices = invoices
    }

    /// The Markdown for `symbol`; nil for an id defined nowhere.
    public func markdown(of symbol: SymbolIndex.Symbol) -> String? {
        let described: [String]? = switch symbol.kind {
        case .plan: catalog.plans.first(where: { $0.id.value == symbol.name }).map { lines(of: $0) }
        case .price: catalog.allPrices.first(where: { $0.id.value == symbol.name }).map { lines(of: $0) }
        case .component: component(named: symbol.name).map { lines(of: $0.component, in: $0.price) }
        case .feature: catalog.features.first(where: { $0.slug.value == symbol.name }).map { lines(of: $0) }
        case .metric: catalog.metrics.first(where: { $0.id.value == symbol.name }).map { lines(of: $0) }
        case .credit: catalog.plans.lazy.flatMap(\.credits).first(where: { $0.id.value == symbol.name }).map { lines(of: $0) }
        case .pricingTable: catalog.pricingTables.first(where: { $0.slug.value == symbol.name }).map { lines(of: $0) }
        case .quote: catalog.quotes.first(where: { $0.id.value == symbol.name }).map { lines(of: $0) }
        case .scenario: catalog.scenarios.first(where: { $0.id.value == symbol.name }).map { lines(of: $0) }
        }
        return described?.joined(separator: "\n")
    }

    /// The Markdown for a statement's keyword: its forms (`Schema.Rule.form`, as completion shows them)
    /// and what it means in its block; nil for a keyword the schema does not know there.
    static func markdown(of role: StatementRole) -> String? {
        guard let keyword = role.rules.first?.keyword,
              let meaning = Schema.meaning(of: keyword, in: role.context) else { return nil }
        let forms = role.rules.map { "`\($0.form)`" }.joined(separator: " or ")
        return "**\(keyword.rawValue)** \(role.context.description): \(forms)\n\n\(meaning)"
    }

    // MARK: - Each kind

    private func lines(of plan: Plan) -> [String] {
        var lines = ["**plan** `\(plan.id.value)` — \(plan.name)" + (plan.isHidden ? " (hidden)" : "")]
        if let description = plan.description { lines += ["", description] }
        lines.append("")
        if plan.prices.isEmpty {
            lines.append("No price: a placeholder plan.")
        } else {
            for price in plan.prices { lines.append("- `\(price.id.value)`: " + charge(of: price)) }
        }
        if let parent = plan.trialOf {
            let days = plan.trialDays.map { "\($0.value)-day " } ?? ""
            lines += ["", "A \(days)trial of `\(parent.value)`."]
        }
        let trials = catalog.plans.filter { $0.trialOf?.value == plan.id.value }
        if !trials.isEmpty {
            lines += ["", "Trials: " + trials.map { "`\($0.id.value)`" + ($0.trialDays.map { " (\($0.value) days)" } ?? "") }
                .joined(separator: ", ")]
        }
        let grants = plan.grantedFeatures { id in catalog.plans.first { $0.id.value == id } }
        if !grants.isEmpty {
            lines += ["", "Features: " + grants.map { grant in
                "`\(grant.slug.value)`" + (grant.value.flatMap { Self.words(for: $0.value) }.map { " \($0)" } ?? "")
            }.joined(separator: ", ")]
        }
        if !plan.credits.isEmpty {
            lines += ["", "Credits: " + plan.credits.map { "`\($0.id.value)`" }.joined(separator: ", ")]
        }
        let rows = catalog.pricingTables.compactMap { table -> String? in
            guard let position = table.rows.firstIndex(where: { $0.planID.value == plan.id.value }) else { return nil }
            return "`\(table.slug.value)` (column \(position + 1) of \(table.rows.count))"
        }
        lines += ["", rows.isEmpty ? "Shown in no pricing table." : "Shown in " + rows.joined(separator: ", ") + "."]
        return lines
    }

    private func lines(of price: Price) -> [String] {
        let owner = price.planID.map { "plan `\($0)`" } ?? "a quote"
        var lines = ["**price** `\(price.id.value)` of \(owner) — " + (price.chargesNothing ? "free" : "paid"),
                     "", charge(of: price)]
        for component in price.components {
            lines.append("- `\(component.id.value)`: " + PriceWording.charge(of: component, in: price, unitOfMetric: unit(ofMetric:))
                         + (component.minSeats.map { ", at least \($0.value) seats" } ?? ""))
        }
        if let currency = price.resolvedCurrency { lines += ["", "Currency: \(currency)"] }
        return lines
    }

    private func lines(of component: PriceComponent, in price: Price) -> [String] {
        var lines = ["**component** `\(component.id.value)` of price `\(price.id.value)`" + (component.kind.map { " — \($0.name)" } ?? ""),
                     "", PriceWording.charge(of: component, in: price, unitOfMetric: unit(ofMetric:))]
        if let monthly = PriceWording.monthlyEquivalent(of: component, in: price) { lines[2] += " (\(monthly))" }
        if let label = component.label { lines += ["", "Label: \(label)"] }
        return lines
    }

    private func lines(of feature: Feature) -> [String] {
        var lines = ["**feature** `\(feature.slug.value)` — \(feature.name)"]
        if let description = feature.description { lines += ["", description] }
        var facts: [String] = []
        if let type = feature.type { facts.append("Type: \(type.value.rawValue)") }
        if let unit = feature.unit { facts.append("Unit: \(unit)" + (feature.unitPlural.map { " / \($0)" } ?? "")) }
        if !feature.metricIDs.isEmpty { facts.append("Metrics: " + feature.metricIDs.map { "`\($0.value)`" }.joined(separator: ", ")) }
        if !facts.isEmpty { lines += [""] + facts.map { "- " + $0 } }
        let granting = catalog.plans.compactMap { plan -> String? in
            guard let grant = plan.grants?.first(where: { $0.slug.value == feature.slug.value }) else { return nil }
            return "`\(plan.id.value)`" + (grant.value.flatMap { Self.words(for: $0.value) }.map { " (\($0))" } ?? "")
        }
        lines += ["", granting.isEmpty ? "Granted by no plan." : "Granted by " + granting.joined(separator: ", ") + "."]
        return lines
    }

    private func lines(of metric: Metric) -> [String] {
        var lines = ["**metric** `\(metric.id.value)` — \(metric.name)"]
        if let description = metric.description { lines += ["", description] }
        lines += ["", "- Event: `\(metric.eventName)`", "- Aggregate: \(metric.aggregation.rawValue)",
                  "- Value: \(metric.valueType.rawValue)"]
        let features = catalog.features.filter { $0.metricIDs.contains { $0.value == metric.id.value } }
        let components = catalog.allPrices.flatMap { price in
            price.components.filter { $0.usageMetric?.value == metric.id.value }.map { "`\(price.id.value).\($0.id.value)`" }
        }
        if !features.isEmpty { lines += ["", "Measured by " + features.map { "`\($0.slug.value)`" }.joined(separator: ", ") + "."] }
        if !components.isEmpty { lines += ["", "Billed by " + components.joined(separator: ", ") + "."] }
        return lines
    }

    private func lines(of credit: CreditDefinition) -> [String] {
        var lines = ["**credit** `\(credit.id.value)` of plan `\(credit.planID)` — \(credit.name)", ""]
        let type = credit.applicationType
        if let amount = credit.amount {
            let balance = type == .monetary
                ? DisplayText.money(amount.value, currency: credit.currency?.value ?? catalog.defaultCurrency?.value ?? "USD")
                : DisplayText.count(amount.value, unit(of: credit) ?? "unit")
            lines.append("- Balance: \(balance), \(type.rawValue) credit")
        }
        lines.append("- Renews: \(credit.renewal.rawValue)")
        switch credit.appliesTo?.value {
        case .component(let price, let component)?: lines.append("- Applies to `\(price).\(component)`")
        case .feature(let feature)?: lines.append("- Applies to feature `\(feature)`")
        case nil: lines.append("- Applies to the invoice")
        }
        if let days = credit.expiresAfterDays { lines.append("- Expires after \(days.value) days") }
        return lines
    }

    private func lines(of table: PricingTable) -> [String] {
        ["**pricing table** `\(table.slug.value)`" + ((table.heading ?? table.name).map { " — \($0)" } ?? ""), "",
         "Columns: " + table.rows.map { "`\($0.planID.value)`" }.joined(separator: ", ")]
    }

    private func lines(of quote: Quote) -> [String] {
        var lines = ["**quote** `\(quote.id.value)`" + (quote.customer.map { " for \($0)" } ?? "")]
        if let plan = quote.planID { lines += ["", "On plan `\(plan.value)`, effective \(quote.effective.rawValue)."] }
        if let price = quote.price { lines += ["", "`\(price.id.value)`: " + charge(of: price)] }
        return lines
    }

    private func lines(of scenario: Scenario) -> [String] {
        var lines = ["**scenario** `\(scenario.id.value)`" + (scenario.description.map { " — \($0.value)" } ?? "")]
        if let price = scenario.priceID { lines += ["", "On price `\(price.value)`."] }
        switch invoices.invoice(of: scenario.id.value) {
        case .success(let invoice)?:
            lines += ["", "| | |", "| --- | ---: |"]
            for line in invoice.lines {
                lines.append("| \(InvoiceRendererWording.description(of: line)) | \(InvoiceRendererWording.money(line.amount, currency: invoice.currency)) |")
            }
            lines.append("| Subtotal | \(InvoiceRendererWording.money(invoice.subtotal, currency: invoice.currency)) |")
            if invoice.creditsMinor != 0 {
                lines.append("| Credits | \(InvoiceRendererWording.money(invoice.credits, currency: invoice.currency)) |")
            }
            lines.append("| **Total** | **\(InvoiceRendererWording.money(invoice.total, currency: invoice.currency))** |")
        case .failure(let error)?:
            lines += ["", "No invoice: \(error.message)."]
        case nil:
            lines += ["", invoices.reasonForNone ?? "No invoice."]
        }
        return lines
    }

    // MARK: - Wording

    private func charge(of price: Price) -> String {
        let monthly = price.components.compactMap { PriceWording.monthlyEquivalent(of: $0, in: price) }
        return PriceWording.charge(of: price, unitOfMetric: unit(ofMetric:)) + (monthly.isEmpty ? "" : " (" + monthly.joined(separator: " + ") + ")")
    }

    /// A grant's value as a plan lists it: `10,000`, `unlimited`, `"Priority"`; nil for a plain flag.
    private static func words(for value: GrantValue) -> String? {
        switch value {
        case .limit(let limit): DisplayText.number(limit)
        case .unlimited: "unlimited"
        case .text(let text): "\"\(text)\""
        case .unreadableNumber(let text), .invalid(let text): text
        }
    }

    /// The unit a usage credit counts: its feature's, or its component's (or that component's metric's
    /// feature's); nil when the catalog does not say.
    private func unit(of credit: CreditDefinition) -> String? {
        switch credit.appliesTo?.value {
        case .feature(let slug)?:
            return catalog.features.first { $0.slug.value == slug }?.unit
        case .component(let price, let component)?:
            guard let found = self.component(named: price + "." + component) else { return nil }
            if let unit = found.component.unit { return unit }
            return found.component.usageMetric.flatMap { unit(ofMetric: $0.value) }
        case nil:
            return nil
        }
    }

    /// The unit of the feature measuring a metric, which is what its usage counts.
    private func unit(ofMetric metric: String) -> String? {
        catalog.features.first { $0.metricIDs.contains { $0.value == metric } }?.unit
    }

    private func component(named name: String) -> (component: PriceComponent, price: Price)? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let priceID = String(name[..<dot]), componentID = String(name[name.index(after: dot)...])
        guard let price = catalog.allPrices.first(where: { $0.id.value == priceID }),
              let component = price.components.first(where: { $0.id.value == componentID }) else { return nil }
        return (component, price)
    }
}
