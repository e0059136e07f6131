/// A `scenario` block as the preview's request, and the credit order the source declares: what `check`,
/// `plancat preview` and `diff` all hand the engine, so that the three compute one scenario alike.
extension PreviewRequest {
    /// The request a scenario writes; nil when its `price` is missing or was refused (already reported).
    public init?(_ scenario: Scenario) {
        guard let priceID = scenario.priceID?.value else { return nil }
        self.init(scenarioID: scenario.id.value, description: scenario.description?.value, priceID: priceID,
                  start: scenario.start?.value, seats: scenario.seats?.value,
                  seatChanges: scenario.seatChanges.map { SeatChange(seats: $0.seats.value, from: $0.date.value) },
                  usage: scenario.usage.map { MetricUsage(metricID: $0.metricID.value, quantity: $0.quantity.value) })
    }
}

extension Catalog {
    /// Every credit id in declaration order, plan by plan: the order PREVIEW.md § 2 applies a plan's
    /// credits in, which catalog.json (sorted by id) does not keep. `BillingPreview` takes it, and `diff`
    /// passes the source's order for both sides, so that an order alone never shows as an invoice's change.
    public var creditDeclarationOrder: [String] {
        plans.flatMap { plan in plan.credits.map(\.id.value) }
    }
}
