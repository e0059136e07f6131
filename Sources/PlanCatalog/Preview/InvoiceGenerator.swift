/// Computes one request's invoice, line by line, in PREVIEW.md § 2's order: each component of the price
/// in declaration order (a fixed fee; seats and their prorations; usage, then the usage credits against
/// it), then the monetary credits. One generator producing typed items, as Kill Bill's invoice module
/// does; this file holds the inputs and the charges, `InvoiceGenerator+Credits.swift` the credits.
///
/// Every amount is computed exactly (`WideDecimal`) and rounded once, to the minor unit, half away from
/// zero; an amount past 2^53 − 1 minor units is a `PreviewError`, never an overflow.
struct InvoiceGenerator {
    let preview: BillingPreview
    let request: PreviewRequest
    let price: CatalogDocument.Price
    let period: BillingPeriod
    let minorUnitExponent: Int
    /// The period's first day and the day after its last; nil without a `start`.
    let dates: (start: CalendarDate, end: CalendarDate)?
    let usageByMetric: [String: ExactDecimal]
    /// The plan's credits in the order they apply (`BillingPreview.credits(ofPlan:)`).
    let credits: [CatalogDocument.CreditDefinition]
    /// The seats billed at the start by the price's first per-seat component, which every usage credit of
    /// the plan is multiplied by; nil when the price has no per-seat component.
    let seatsBilledAtStart: Int?

    /// What each usage credit has left, once it has covered units of a component: a balance is shared
    /// by every component the credit applies to.
    var usageBalances: [String: WideDecimal] = [:]
    var lines: [InvoiceLine] = []
    var notes: [InvoiceNote] = []

    /// Reads and checks the request against the price: everything that can be wrong with the input is
    /// found here, before any line is computed.
    init(request: PreviewRequest, preview: BillingPreview) throws(PreviewError) {
        guard let price = preview.index.prices[request.priceID] else {
            throw .unknownPrice(priceID: request.priceID)
        }
        guard !price.components.isEmpty else { throw .priceWithoutComponents(priceID: price.id) }
        guard let period = price.period else {
            var periods: [BillingPeriod] = []
            for component in price.components where !periods.contains(component.period) {
                periods.append(component.period)
            }
            throw .periodsDiffer(priceID: price.id, periods: periods)
        }
        guard let currency = Currency.named(price.currency) else {
            throw .unknownCurrency(priceID: price.id, currency: price.currency)
        }
        self.preview = preview
        self.request = request
        self.price = price
        self.period = period
        minorUnitExponent = currency.minorUnitExponent
        dates = try Self.periodDates(of: request, period: period)
        usageByMetric = try Self.usageByMetric(of: request)
        credits = preview.credits(ofPlan: price.planID)
        if let seats = request.seats, seats < 0 { throw .negativeSeats(index: nil, seats: seats) }
        for (index, change) in request.seatChanges.enumerated() where change.seats < 0 {
            throw .negativeSeats(index: index, seats: change.seats)
        }
        seatsBilledAtStart = price.components.lazy.compactMap { component -> Int? in
            guard case .perUnit(_, let minSeats, _) = component.charge else { return nil }
            return Self.seatsBilledAtStart(request, minSeats: minSeats)
        }.first
    }

    /// The period's dates, and the seat changes checked against them: each strictly inside the period,
    /// each after the one before.
    private static func periodDates(of request: PreviewRequest, period: BillingPeriod)
        throws(PreviewError) -> (start: CalendarDate, end: CalendarDate)? {
        guard let start = request.start else {
            if !request.seatChanges.isEmpty { throw .seatChangeWithoutStart(index: 0) }
            return nil
        }
        guard let end = start.adding(period) else { throw .periodEndsAfterLastDate(start: start, period: period) }
        var previous: CalendarDate?
        for (index, change) in request.seatChanges.enumerated() {
            guard change.date > start else {
                throw .seatChangeNotAfterStart(index: index, date: change.date, start: start)
            }
            guard change.date < end else { throw .seatChangeNotBeforeEnd(index: index, date: change.date, end: end) }
            if let previous, change.date <= previous {
                throw .seatChangesOutOfOrder(index: index, date: change.date, previous: previous)
            }
            previous = change.date
        }
        return (start, end)
    }

    private static func usageByMetric(of request: PreviewRequest) throws(PreviewError) -> [String: ExactDecimal] {
        var usage: [String: ExactDecimal] = [:]
        for line in request.usage {
            guard !line.quantity.isNegative else {
                throw .negativeUsage(metricID: line.metricID, quantity: line.quantity)
            }
            guard usage.updateValue(line.quantity, forKey: line.metricID) == nil else {
                throw .repeatedUsage(metricID: line.metricID)
            }
        }
        return usage
    }

    /// PREVIEW.md § 2: the seats billed are `max(seats, min-seats)`.
    static func seatsBilled(_ seats: Int, minSeats: Int?) -> Int {
        max(seats, minSeats ?? 0)
    }

    /// The seats a per-seat component bills at the start of the period: the request's `seats`, or without
    /// them the component's `min-seats`, or one seat.
    static func seatsBilledAtStart(_ request: PreviewRequest, minSeats: Int?) -> Int {
        seatsBilled(request.seats ?? minSeats ?? 1, minSeats: minSeats)
    }

    /// The invoice: every component's lines, the subtotal, the monetary credits, the total.
    mutating func generate() throws(PreviewError) -> Invoice {
        for component in price.components {
            switch component.charge {
            case .fixed(let amount):
                try addFixedLine(of: component, amount: amount)
            case .perUnit(let amount, let minSeats, let billImmediately):
                try addSeatLines(of: component, amount: amount, minSeats: minSeats, billImmediately: billImmediately)
            case .usage(let metricID, let unitCost):
                try addUsageLines(of: component, metricID: metricID, unitCost: unitCost)
            }
        }
        var subtotal = 0
        for line in lines {
            let (sum, overflow) = subtotal.addingReportingOverflow(line.amountMinor)
            guard !overflow else { throw .amountBeyondLimit(of: .subtotal) }
            subtotal = sum
        }
        guard subtotal.magnitude <= PreviewLimits.largestAmount else { throw .amountBeyondLimit(of: .subtotal) }
        let credits = try addMonetaryCreditLines(due: subtotal)
        notes.append(.taxesNotIncluded)
        return Invoice(scenarioID: request.scenarioID, scenarioDescription: request.description, planID: price.planID,
                       priceID: price.id, currency: price.currency, minorUnitExponent: minorUnitExponent,
                       period: period, periodStart: dates?.start, periodEnd: dates?.end, lines: lines,
                       subtotalMinor: subtotal, creditsMinor: credits, totalMinor: subtotal + credits, notes: notes)
    }

    // MARK: Charges

    /// A fixed component: one line, its amount.
    private mutating func addFixedLine(of component: CatalogDocument.Component, amount: ExactDecimal)
        throws(PreviewError) {
        let site = PreviewError.AmountSite.line(.fixed, componentID: component.id, creditID: nil)
        let minor = try rounded(try exact(amount, of: "the amount of component `\(component.id)`"), at: site)
        append(.fixed, of: component, quantity: nil, unitAmount: amount, amountMinor: minor)
    }

    /// A per-seat component: the seats billed at the start, then one proration line for each change that
    /// takes the seats billed above the most billed so far, when the component bills immediately.
    private mutating func addSeatLines(of component: CatalogDocument.Component, amount: ExactDecimal, minSeats: Int?,
                                       billImmediately: Bool) throws(PreviewError) {
        let perSeat = try exact(amount, of: "the per-seat amount of component `\(component.id)`")
        var mostBilled = Self.seatsBilledAtStart(request, minSeats: minSeats)
        let site = PreviewError.AmountSite.line(.seats, componentID: component.id, creditID: nil)
        let minor = try rounded(WideDecimal(mostBilled) * perSeat, at: site)
        append(.seats, of: component, quantity: ExactDecimal(mostBilled), unitAmount: amount, amountMinor: minor)
        guard billImmediately, let dates else { return }
        let daysInPeriod = CalendarDate.days(from: dates.start, to: dates.end)
        for change in request.seatChanges {
            let billed = Self.seatsBilled(change.seats, minSeats: minSeats)
            guard billed > mostBilled else { continue }
            let added = billed - mostBilled
            mostBilled = billed
            let daysBilled = CalendarDate.days(from: change.date, to: dates.end)
            let site = PreviewError.AmountSite.line(.seatsProration, componentID: component.id, creditID: nil)
            let minor = try rounded(WideDecimal(added) * perSeat, times: daysBilled, over: daysInPeriod, at: site)
            append(.seatsProration, of: component, quantity: ExactDecimal(added), unitAmount: amount,
                   amountMinor: minor,
                   proration: InvoiceLine.Proration(date: change.date, daysBilled: daysBilled,
                                                    daysInPeriod: daysInPeriod))
        }
    }

    /// A usage component: the period's quantity × the unit price, then each usage credit against it.
    private mutating func addUsageLines(of component: CatalogDocument.Component, metricID: String,
                                        unitCost: ExactDecimal) throws(PreviewError) {
        let quantity = usageByMetric[metricID] ?? ExactDecimal(0)
        let used = try exact(quantity, of: "the usage of `\(metricID)`")
        let unitPrice = try exact(unitCost, of: "the unit price of component `\(component.id)`")
        let site = PreviewError.AmountSite.line(.usage, componentID: component.id, creditID: nil)
        let minor = try rounded(used * unitPrice, at: site)
        append(.usage, of: component, quantity: quantity, unitAmount: unitCost, amountMinor: minor)
        try addUsageCreditLines(on: component, metricID: metricID, used: used, unitPrice: unitPrice,
                                usedMinor: minor, unitCost: unitCost)
    }

    // MARK: Exact amounts

    /// A number of the request or the document as the exact arithmetic takes it, when it has at most
    /// `PreviewLimits.maximumDecimalPlaces` places. `what` names it for the error.
    func exact(_ value: ExactDecimal, of what: @autoclosure () -> String) throws(PreviewError) -> WideDecimal {
        guard value.scale.magnitude <= PreviewLimits.maximumDecimalPlaces else {
            throw .tooManyDecimalPlaces(value: value, of: what())
        }
        return WideDecimal(value)
    }

    /// An exact amount of minor units (times a proration's `numerator / denominator`) rounded half away
    /// from zero, or the error that it is beyond 2^53 − 1.
    func rounded(_ value: WideDecimal, times numerator: Int = 1, over denominator: Int = 1,
                 at site: PreviewError.AmountSite) throws(PreviewError) -> Int {
        guard let minor = value.roundedMinorUnits(times: numerator, over: denominator,
                                                  limit: PreviewLimits.largestAmount)
        else { throw .amountBeyondLimit(of: site) }
        return minor
    }

    /// Appends a line of a component; `unitAmount` is in minor units, as the document holds it.
    mutating func append(_ kind: InvoiceLine.Kind, of component: CatalogDocument.Component,
                         credit: CatalogDocument.CreditDefinition? = nil, quantity: ExactDecimal?,
                         unitAmount: ExactDecimal, amountMinor: Int, proration: InvoiceLine.Proration? = nil) {
        let description = credit.map { $0.billingDescription ?? $0.name } ?? component.label ?? component.id
        lines.append(InvoiceLine(kind: kind, componentID: component.id, creditID: credit?.id, description: description,
                                 unitLabel: component.unitLabel, quantity: quantity,
                                 unitAmount: unitAmount.shiftedDown(by: minorUnitExponent), amountMinor: amountMinor,
                                 amount: ExactDecimal(minorUnits: amountMinor, minorUnitExponent: minorUnitExponent),
                                 proration: proration))
    }
}
