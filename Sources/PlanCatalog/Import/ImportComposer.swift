/// Writes one catalog document as source, record by record, in a readable order: the catalog's name and
/// currency, metrics, features, plans (each trial right after its parent, prices and credits inside their
/// plan), pricing tables, then quotes (each with its override price). Within a kind, records keep the
/// input's order: sorted by id in a built catalog.json, the team's own order in one assembled by hand.
///
/// What the compiler would derive on its own is left out: a metric's event name equal to its id, the
/// default aggregation and value type, a price's or credit's or table's currency equal to the catalog's,
/// `interval-count 1`, a per-seat unit of "seat", `bill-immediately true`, a credit's default refill,
/// renewal and visibility, a table's name equal to its slug, the default popular and button texts, and
/// bullets equal to the generated ones. Every line records the JSON path it comes from.
struct ImportComposer {
    let document: CatalogDocument
    let lookup: CatalogDocumentIndex
    /// Input indices by id, for the JSON paths of lines.
    let priceIndices: [String: Int]
    let planIndices: [String: Int]

    /// Refuses, before anything is written, the records the language has no way to say.
    init(_ document: CatalogDocument) throws(ImportError) {
        self.document = document
        lookup = CatalogDocumentIndex(document)
        priceIndices = Dictionary(keepingFirst: document.prices.indices, by: { document.prices[$0].id })
        planIndices = Dictionary(keepingFirst: document.plans.indices, by: { document.plans[$0].id })
        try checkPricesAreListed()
        try checkFreePlans()
        try checkRenewals()
        try checkRowBullets()
    }

    func compose() -> SourceWriter {
        var writer = SourceWriter()
        if let name = document.name {
            writer.statement("catalog", SourceWords.quoted(name), path: "$.name")
        }
        if let currency = document.defaultCurrency {
            writer.statement("currency", currency, path: "$.defaultCurrency")
        }
        for (index, metric) in document.metrics.enumerated() {
            writer.blankLine()
            write(metric, at: "$.metrics[\(index)]", into: &writer)
        }
        for (index, feature) in document.features.enumerated() {
            writer.blankLine()
            write(feature, at: "$.features[\(index)]", into: &writer)
        }
        for index in plansInWritingOrder() {
            writer.blankLine()
            writePlan(at: index, into: &writer)
        }
        for (index, table) in document.pricingTables.enumerated() {
            writer.blankLine()
            write(table, at: "$.pricingTables[\(index)]", into: &writer)
        }
        for (index, quote) in document.quotes.enumerated() {
            writer.blankLine()
            write(quote, at: "$.quotes[\(index)]", into: &writer)
        }
        return writer
    }

    // MARK: Metrics and features

    private func write(_ metric: CatalogDocument.Metric, at path: String, into writer: inout SourceWriter) {
        writer.block("metric \(metric.id)", path: path) { writer in
            writer.statement("name", SourceWords.quoted(metric.name), path: "\(path).name")
            if let description = metric.description {
                writer.statement("description", SourceWords.quoted(description), path: "\(path).description")
            }
            if metric.eventName != metric.id {
                writer.statement("event", SourceWords.quoted(metric.eventName), path: "\(path).eventName")
            }
            if metric.aggregation != .sum {
                writer.statement("aggregate", metric.aggregation.rawValue, path: "\(path).aggregationType")
            }
            let defaultValueType: MetricValueType = metric.aggregation == .uniqueCount ? .string : .numeric
            if metric.valueType != defaultValueType {
                writer.statement("value", metric.valueType.rawValue, path: "\(path).valueType")
            }
        }
    }

    private func write(_ feature: CatalogDocument.Feature, at path: String, into writer: inout SourceWriter) {
        writer.block("feature \(feature.slug)", path: path) { writer in
            writer.statement("name", SourceWords.quoted(feature.displayName), path: "\(path).displayName")
            if let description = feature.description {
                writer.statement("description", SourceWords.quoted(description), path: "\(path).description")
            }
            writer.statement("type", feature.featureType.rawValue, path: "\(path).featureType")
            for (index, metricID) in feature.metricIDs.enumerated() {
                writer.statement("metric", metricID, path: "\(path).metricIds[\(index)]")
            }
            if let unit = feature.unitLabel {
                writer.statement("unit", SourceWords.quoted(unit), path: "\(path).unitLabel")
            }
        }
    }

    // MARK: Checks before writing

    /// A plan's own price is written inside the plan that lists it, and a quote's inside its quote (the
    /// reader made sure every override price has one); a price no plan lists would be lost.
    private func checkPricesAreListed() throws(ImportError) {
        for (index, price) in document.prices.enumerated() where !price.isOverridePrice {
            guard lookup.plans[price.planID]?.priceIDs.contains(price.id) != true else { continue }
            throw ImportError(path: "$.prices[\(index)].planId",
                              problem: .unlistedPrice(priceID: price.id, planID: price.planID))
        }
    }

    /// `isFree` is derived: at least one price of its own, every component of every one charging nothing.
    private func checkFreePlans() throws(ImportError) {
        for (index, plan) in document.plans.enumerated() {
            let prices = lookup.prices(of: plan)
            let derived = !prices.isEmpty && prices.allSatisfy { $0.components.allSatisfy(\.chargesNothing) }
            guard derived != plan.isFree else { continue }
            throw ImportError(path: "$.plans[\(index)].isFree",
                              problem: .inconsistentFree(planID: plan.id, isFree: plan.isFree))
        }
    }

    /// `renew` says on-billing, monthly, yearly or never; any other refill schedule cannot be written.
    private func checkRenewals() throws(ImportError) {
        for (index, credit) in document.creditDefinitions.enumerated() {
            guard let period = credit.refillPeriod else { continue }
            let path = "$.creditDefinitions[\(index)].refillRrule"
            if credit.renewOnBilling {
                throw ImportError(path: path, problem: .unsupportedRenewal(
                    "a credit that renews on billing (renewOnBilling true) has no refillRrule of its own, "
                        + "found \(JSONText.quoted(period.recurrenceRule))"))
            }
            guard period != .monthly, period != .yearly else { continue }
            throw ImportError(path: path, problem: .unsupportedRenewal(
                "`renew monthly` and `renew yearly` refill every month or every year "
                    + "(\(BillingPeriod.monthly.recurrenceRule), \(BillingPeriod.yearly.recurrenceRule)), "
                    + "found \(JSONText.quoted(period.recurrenceRule))"))
        }
    }

    /// A row without `bullet` lines always gets the generated bullets, so an empty list cannot be said
    /// when its plan generates some.
    private func checkRowBullets() throws(ImportError) {
        for (tableIndex, table) in document.pricingTables.enumerated() {
            for (index, row) in table.planConfigs.enumerated() where row.bullets.isEmpty {
                let generated = generatedBullets(of: row, in: table)
                guard !generated.isEmpty else { continue }
                throw ImportError(path: "$.pricingTables[\(tableIndex)].planConfigs[\(index)].bullets",
                                  problem: .emptyBullets(generated: generated))
            }
        }
    }

    // MARK: Order

    /// Plans in the input's order, each trial right after its parent rather than in its own place. (The reader makes
    /// every trial's parent a plan that is not a trial; any plan left over still comes last, never lost.)
    private func plansInWritingOrder() -> [Int] {
        var order: [Int] = []
        for (index, plan) in document.plans.enumerated() where plan.trialParentPlanID == nil {
            order.append(index)
            for (trialIndex, trial) in document.plans.enumerated() where trial.trialParentPlanID == plan.id {
                order.append(trialIndex)
            }
        }
        let written = Set(order)
        return order + document.plans.indices.filter { !written.contains($0) }
    }
}
