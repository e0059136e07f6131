/// The credits of an invoice (PREVIEW.md § 2, steps 3 and 4, and "Balances"): usage credits covering
/// units of the components they apply to, then monetary credits against what is still due.
extension InvoiceGenerator {
    /// Each billing-visible usage credit of the plan that applies to the component, in order, covers
    /// `min(units left, balance left)`; its line is the rounded charge of the units left after it minus
    /// that of the units left before it, so that the component's lines add up to the rounded charge of
    /// the units no credit covered.
    mutating func addUsageCreditLines(on component: CatalogDocument.Component, metricID: String, used: WideDecimal,
                                      unitPrice: WideDecimal, usedMinor: Int, unitCost: ExactDecimal)
        throws(PreviewError) {
        var unitsLeft = used
        var minorLeft = usedMinor
        for credit in credits where credit.applicationType == .usage && credit.billingVisible
            && applies(credit, to: component, metricID: metricID) {
            let balance = if let left = usageBalances[credit.id] { left } else { try usageBalance(of: credit) }
            let covered = min(unitsLeft, balance)
            let unitsAfter = unitsLeft - covered
            let site = PreviewError.AmountSite.line(.usageCredit, componentID: component.id, creditID: credit.id)
            let minorAfter = try rounded(unitsAfter * unitPrice, at: site)
            guard let coveredQuantity = covered.exactDecimal else {
                // Only a balance with a fraction finer than the usage's could get here; catalog.json's
                // balances are whole numbers.
                throw .tooManyDecimalPlaces(value: credit.defaultAmount, of: "the amount of credit `\(credit.id)`")
            }
            append(.usageCredit, of: component, credit: credit, quantity: coveredQuantity, unitAmount: unitCost,
                   amountMinor: minorAfter - minorLeft)
            noteExpiry(of: credit)
            usageBalances[credit.id] = balance - covered
            unitsLeft = unitsAfter
            minorLeft = minorAfter
        }
    }

    /// Whether a usage credit applies to a usage component of the price: by naming the component, or by
    /// naming a feature linked to the component's metric.
    private func applies(_ credit: CatalogDocument.CreditDefinition, to component: CatalogDocument.Component,
                         metricID: String) -> Bool {
        if let priceID = credit.priceID {
            return priceID == price.id && credit.priceComponentID == component.id
        }
        guard let slug = credit.featureSlug, let feature = preview.index.features[slug] else { return false }
        return feature.metricIDs.contains(metricID)
    }

    /// A usage credit's balance at the start: its grant for the period, times the seats billed at the
    /// start when the price has a per-seat component (usage credits are granted per seat).
    private func usageBalance(of credit: CatalogDocument.CreditDefinition) throws(PreviewError) -> WideDecimal {
        let granted = try grant(of: credit)
        guard let seatsBilledAtStart else { return granted }
        return granted * WideDecimal(seatsBilledAtStart)
    }

    /// Monetary credits in the price's currency, in order: each takes `min(balance, still due)` off, so the
    /// total never goes below 0. One in another currency adds a note instead. Returns their sum (≤ 0).
    mutating func addMonetaryCreditLines(due subtotal: Int) throws(PreviewError) -> Int {
        var due = subtotal
        for credit in credits where credit.applicationType == .monetary {
            guard credit.currency == price.currency else {
                notes.append(.creditInOtherCurrency(creditID: credit.id, currency: credit.currency))
                continue
            }
            let balance = try grant(of: credit)
            let site = PreviewError.AmountSite.line(.monetaryCredit, componentID: nil, creditID: credit.id)
            // Nothing is taken off a subtotal of 0 (or of less, which only a negative price could make).
            let applied = due <= 0 ? 0 : balance >= WideDecimal(due) ? due : try rounded(balance, at: site)
            due -= applied
            lines.append(InvoiceLine(kind: .monetaryCredit, componentID: nil, creditID: credit.id,
                                     description: credit.billingDescription ?? credit.name, unitLabel: nil,
                                     quantity: nil, unitAmount: nil, amountMinor: -applied,
                                     amount: ExactDecimal(minorUnits: -applied, minorUnitExponent: minorUnitExponent),
                                     proration: nil))
            noteExpiry(of: credit)
        }
        return due - subtotal
    }

    /// What a credit grants for the period: its amount, plus its refill for every renewal strictly inside
    /// the period. A credit is granted when the subscription starts, so the period is its first.
    private func grant(of credit: CatalogDocument.CreditDefinition) throws(PreviewError) -> WideDecimal {
        let amount = try exact(credit.defaultAmount, of: "the amount of credit `\(credit.id)`")
        guard let refill = credit.refillAmount, let every = credit.refillPeriod, let dates else { return amount }
        let renewals = Self.renewals(every: every, from: dates.start, before: dates.end)
        guard renewals > 0 else { return amount }
        return amount + (try exact(refill, of: "the refill of credit `\(credit.id)`")) * WideDecimal(renewals)
    }

    /// How many renewals on the schedule `every`, counted from `start`, fall strictly inside the period:
    /// `renew monthly` on a yearly price renews 11 times (each month after the start), on-billing and
    /// never-renewing credits have no schedule and are not asked.
    static func renewals(every: BillingPeriod, from start: CalendarDate, before end: CalendarDate) -> Int {
        guard every.count >= 1 else { return 0 }
        switch every.interval {
        case .day, .week:
            // A fixed number of days apart: the days after the start, over the step, rounded down.
            let (step, overflow) = every.count.multipliedReportingOverflow(by: every.interval == .week ? 7 : 1)
            let daysAfterStart = CalendarDate.days(from: start, to: end) - 1
            return overflow || daysAfterStart < 1 ? 0 : daysAfterStart / step
        case .month, .year:
            // Counted one by one from the start, not from the renewal before, so that a start on the 31st
            // renews on the last day of shorter months and on the 31st again after them.
            var count = 0
            while true {
                let (steps, overflow) = every.count.multipliedReportingOverflow(by: count + 1)
                guard !overflow, let renewal = start.adding(BillingPeriod(interval: every.interval, count: steps)),
                      renewal < end else { return count }
                count += 1
            }
        }
    }

    /// Says, once per credit, that a credit with lines expires and that the preview does not model it.
    private mutating func noteExpiry(of credit: CatalogDocument.CreditDefinition) {
        guard let days = credit.expiryDays else { return }
        let note = InvoiceNote.expiryNotModelled(creditID: credit.id, days: days)
        if !notes.contains(note) { notes.append(note) }
    }
}
