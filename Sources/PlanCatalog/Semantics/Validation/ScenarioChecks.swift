/// PREVIEW.md § 3: a scenario's `price` and `usage` metrics resolve (E0404, E0401, with a suggestion when
/// one is close), its price bills on one period, its seat changes fall strictly inside that period in
/// increasing order and after a `start`, each metric has one `usage` line, and each `expect` amount is no
/// more precise than the price's currency; a `usage` or `seats` line the price does not bill is a warning.
/// A date that is not a real day is refused by the schema checker (E1101), as any argument of the wrong
/// shape is, so that what reaches here is a `CalendarDate`.
///
/// Whether each `expect` holds is not decided here: that needs the invoice, which the preview computes.
struct ScenarioChecks {
    private let index: CatalogIndex
    private var diagnostics: [Diagnostic] = []
    /// Suggestions compare a name with every id of its kind: offered for the first unknown names only, as
    /// the reference checks do (`ReferenceChecks.maximumSuggestions`).
    private var suggestionsLeft = ReferenceChecks.maximumSuggestions
    private var sortedPriceIDs: [String]?
    private var sortedMetricIDs: [String]?

    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        guard !index.catalog.scenarios.isEmpty else { return }
        var checks = ScenarioChecks(index: index)
        for scenario in index.catalog.scenarios { checks.check(scenario) }
        diagnostics += checks.diagnostics
    }

    private init(index: CatalogIndex) {
        self.index = index
    }

    private mutating func check(_ scenario: Scenario) {
        let price = resolvePrice(of: scenario)
        var period: BillingPeriod?
        if let price, let priceID = scenario.priceID {
            period = checkOnePeriod(of: price, namedAt: priceID, in: scenario)
        }
        checkSeatChanges(of: scenario, period: period)
        checkUsage(of: scenario, price: price)
        if let price { checkSeats(of: scenario, price: price) }
        if let price { checkExpectations(of: scenario, price: price) }
    }

    // MARK: The price

    /// The price the scenario names; nil when it names none (reported here) or its `price` is missing.
    private mutating func resolvePrice(of scenario: Scenario) -> Price? {
        guard let reference = scenario.priceID else { return nil }
        if let id = index.prices.id(named: reference.value) { return index.prices[id] }
        // A name with letters outside ASCII was reported by the lexer (E0117).
        guard reference.value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        if sortedPriceIDs == nil { sortedPriceIDs = index.prices.names.sorted() }
        let suggestion = suggest(reference.value, among: sortedPriceIDs ?? [])
        diagnostics.append(ReferenceChecks.unknown(reference, kind: .price, code: .unknownPrice, suggestion: suggestion))
        return nil
    }

    /// The period the price bills on, which the previewed period is (PREVIEW.md § 2); nil when it is not
    /// known. A price whose components bill on different periods has no one period to preview (E1105).
    private mutating func checkOnePeriod(of price: Price, namedAt reference: Located<String>,
                                         in scenario: Scenario) -> BillingPeriod? {
        if let period = price.period { return period }
        // No common period: the components differ, or one of them has none (a price without an interval,
        // reported by the money checks), or what they say was refused.
        guard !index.intervalIsUnknown(of: price), !index.wasRefused("component", in: price.location) else { return nil }
        let periods = price.components.map { price.period(of: $0) }
        guard let first = periods.first ?? nil, !periods.contains(where: { $0 == nil }),
              let other = periods.firstIndex(where: { $0 != first }) else { return nil }
        let firstComponent = price.components[0]
        let otherComponent = price.components[other]
        diagnostics.append(Diagnostic(
            .scenarioPriceMixedPeriods,
            "scenario `\(scenario.id.value)` is on price `\(price.id.value)`, whose components bill on different periods",
            at: reference.location, label: "no one billing period to preview",
            notes: [
                Diagnostic.Note("`\(firstComponent.id.value)` bills \(first)", at: firstComponent.id.location),
                Diagnostic.Note("`\(otherComponent.id.value)` bills \(periods[other].map(\.description) ?? "")",
                                at: otherComponent.id.location),
            ],
            help: "preview a price whose components share one period"))
        return nil
    }

    // MARK: Seats

    /// Seat changes need a `start` (E1102), fall strictly inside the period (E1103), and come in
    /// increasing date order (E1104). A change outside the period is reported for that alone, and the
    /// order is judged among the changes inside it.
    private mutating func checkSeatChanges(of scenario: Scenario, period: BillingPeriod?) {
        guard let firstChange = scenario.seatChanges.first else { return }
        let start = scenario.start
        if start == nil, !index.wasRefused("start", in: scenario.location) {
            diagnostics.append(Diagnostic(
                .seatChangeWithoutStart, "scenario `\(scenario.id.value)` dates a seat change but has no `start`",
                at: firstChange.date.location, label: "dated within which period?",
                help: "add `start YYYY-MM-DD`, the first day of the billing period previewed"))
        }
        // The end is the same day one period later, not counted; none when the period is unknown, or when
        // it would end past 9999-12-31, where no date written can reach it.
        let end = start.flatMap { start in period.flatMap { start.value.adding($0) } }
        var previous: Scenario.SeatChange?
        for change in scenario.seatChanges {
            let date = change.date.value
            if let start, date <= start.value {
                diagnostics.append(Diagnostic(
                    .seatChangeOutsidePeriod, "seat change on \(date) is not after the period's start, \(start.value)",
                    at: change.date.location, label: "on or before `start`",
                    notes: [Diagnostic.Note("the period starts here", at: start.location)],
                    help: "the seats held at the start are written `seats N`, without a date"))
                continue
            }
            if let start, let end, date >= end {
                let lastDay = end.adding(days: -1) ?? end
                diagnostics.append(Diagnostic(
                    .seatChangeOutsidePeriod, "seat change on \(date) is after the billing period",
                    at: change.date.location, label: "the period runs from \(start.value) to \(lastDay)",
                    help: "a change from \(end) on belongs to the next period, which a scenario with "
                        + "`start \(end)` previews"))
                continue
            }
            if let earlier = previous, date <= earlier.date.value {
                diagnostics.append(Diagnostic(
                    .seatChangesOutOfOrder,
                    "seat change on \(date) is not after the change before it, on \(earlier.date.value)",
                    at: change.date.location,
                    label: date == earlier.date.value ? "the same day as the previous change" : "before the previous change",
                    notes: [Diagnostic.Note("the change before it", at: earlier.date.location)],
                    help: "write the seat changes in increasing date order, one per day"))
                continue
            }
            previous = change
        }
    }

    /// `seats` lines on a price with no per-seat component change nothing (W1102): reported once, at the
    /// seat count of the first of them.
    private mutating func checkSeats(of scenario: Scenario, price: Price) {
        let locations = (scenario.seats.map { [$0.location] } ?? []) + scenario.seatChanges.map(\.seats.location)
        guard let first = CatalogIndex.inSourceOrder(locations, by: { $0 }).first,
              index.amountsAreKnown(of: price), !price.components.contains(where: \.isPerSeat) else { return }
        diagnostics.append(Diagnostic(
            .scenarioSeatsNotBilled, "price `\(price.id.value)` has no per-seat component: seats change nothing",
            at: first, label: "nothing bills these seats",
            notes: [Diagnostic.Note("the price is defined here", at: price.location)],
            help: "remove the `seats` lines, or preview a price with a `per-seat` component"))
    }

    // MARK: Usage

    /// Each `usage` line names a metric that exists (E0401), once per scenario (E1106), and billed by a
    /// usage component of the price (W1101, when what the price bills is known).
    private mutating func checkUsage(of scenario: Scenario, price: Price?) {
        var firstLines: [Scenario.Usage] = []
        for line in scenario.usage {
            let metric = line.metricID
            if let earlier = firstLines.first(where: { $0.metricID.value == metric.value }) {
                diagnostics.append(Diagnostic(
                    .repeatedScenarioUsage, "scenario `\(scenario.id.value)` gives the usage of `\(metric.value)` twice",
                    at: metric.location, label: "given again here",
                    notes: [Diagnostic.Note("first given here", at: earlier.metricID.location)],
                    help: "write one `usage` line per metric, with the quantity over the whole period"))
                continue
            }
            firstLines.append(line)
            guard index.metrics.id(named: metric.value) != nil else {
                reportUnknownMetric(metric)
                continue
            }
            guard let price, index.amountsAreKnown(of: price),
                  !price.components.contains(where: { $0.usageMetric?.value == metric.value }) else { continue }
            diagnostics.append(Diagnostic(
                .scenarioUsageNotBilled, "price `\(price.id.value)` does not bill `\(metric.value)`: this usage changes nothing",
                at: line.location, label: "no usage component of the price bills this metric",
                notes: [Diagnostic.Note("the price is defined here", at: price.location)],
                help: "remove the line, or preview a price with a `usage \(metric.value)` component"))
        }
    }

    private mutating func reportUnknownMetric(_ metric: Located<String>) {
        // A name with letters outside ASCII was reported by the lexer (E0117); a metric whose definition
        // was refused at the top level is not reported again.
        guard metric.value.utf8.allSatisfy({ $0 < 0x80 }),
              !index.catalog.refusedStatements.containsRefusedDefinition(EntityKind.metric.rawValue, id: metric.value)
        else { return }
        if sortedMetricIDs == nil { sortedMetricIDs = index.metrics.names.sorted() }
        let suggestion = suggest(metric.value, among: sortedMetricIDs ?? [])
        diagnostics.append(ReferenceChecks.unknown(metric, kind: .metric, code: .unknownMetric, suggestion: suggestion))
    }

    // MARK: Expectations

    /// An `expect` amount has at most the decimals of the price's currency's minor unit (E1107): the
    /// invoice's amounts are rounded to it, so a finer one could never hold.
    private mutating func checkExpectations(of scenario: Scenario, price: Price) {
        guard !scenario.expectations.isEmpty, !index.currencyIsUnknown(of: price),
              let currency = price.resolvedCurrency.flatMap(Currency.named) else { return }
        let places = currency.minorUnitExponent
        for expectation in scenario.expectations where expectation.amount.value.scale > places {
            let amount = expectation.amount
            diagnostics.append(Diagnostic(
                .expectedAmountTooPrecise,
                "expected amount `\(amount.value)` has \(amount.value.scale) decimal "
                    + (amount.value.scale == 1 ? "place" : "places") + "; \(currency.code) allows \(places)",
                at: amount.location, label: "no invoice amount is this precise",
                help: places == 0 ? "\(currency.code) has no minor unit: write a whole number"
                    : "write the amount rounded to \(places) decimal places, as the invoice shows it"))
        }
    }

    // MARK: Helpers

    private mutating func suggest(_ name: String, among candidates: [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestion.closest(to: name, among: candidates)
    }
}
