/// What a diff does to the invoices of the source's scenarios (PREVIEW.md § 5): each scenario computed
/// on the deployed catalog.json (before) and on the source's build (after), with the same inputs, so a
/// reviewer reads "this change raises Acme's March invoice from $152.93 to $164.87" beside the changes
/// that do it.
///
/// Like the diff, it is computed from the two documents and nothing else, plus what only the source can
/// tell: its scenarios, and the order its plans declare their credits in (catalog.json sorts credits by
/// id, so both sides are given the source's order, and an order alone never shows as a change).
///
/// A side is a `Side`: the invoice's totals, no price of the scenario's id on that side, or the reason
/// the engine refused to compute it (the deployed price's components bill on different periods, an
/// amount past the limit). A refusal is reported, never thrown: one scenario that cannot be computed on
/// the deployed catalog must not hide the others, nor the diff.
public struct InvoiceImpact: Equatable, Sendable {
    /// One row per scenario, in the source's declaration order; empty when the diff has no change, since
    /// the same catalog charges the same (the renderings then show no impact table).
    public var rows: [Row]

    public init(rows: [Row]) {
        self.rows = rows
    }

    /// Each scenario's invoice on both documents. `creditOrder` is the source's credit ids in declaration
    /// order (`Catalog.creditDeclarationOrder`), given to both sides.
    public init(deployed: CatalogDocument, source: CatalogDocument, scenarios: [PreviewRequest],
                creditOrder: [String]) {
        let before = BillingPreview(document: deployed, creditOrder: creditOrder)
        let after = BillingPreview(document: source, creditOrder: creditOrder)
        rows = scenarios.map { request in
            Row(scenarioID: request.scenarioID ?? request.priceID,
                before: Side(computing: request, with: before), after: Side(computing: request, with: after))
        }
    }

    /// One scenario on both sides.
    public struct Row: Equatable, Sendable {
        /// The scenario's id.
        public var scenarioID: String
        /// On the deployed catalog.
        public var before: Side
        /// On the source.
        public var after: Side

        public init(scenarioID: String, before: Side, after: Side) {
            self.scenarioID = scenarioID
            self.before = before
            self.after = after
        }

        /// `after.total − before.total` in minor units; nil unless both sides have an invoice in one
        /// currency (a difference of dollars and euros means nothing). Totals are at most 2^53 − 1 minor
        /// units and never negative (the engine's bound), so the difference cannot overflow.
        public var changeMinor: Int? {
            guard case .invoice(let before) = before, case .invoice(let after) = after,
                  before.currency == after.currency, before.minorUnitExponent == after.minorUnitExponent
            else { return nil }
            return after.totalMinor - before.totalMinor
        }

        /// `changeMinor` in major units (`12.11`).
        public var change: ExactDecimal? {
            guard let changeMinor, case .invoice(let after) = after else { return nil }
            return ExactDecimal(minorUnits: changeMinor, minorUnitExponent: after.minorUnitExponent)
        }

        /// The change as a share of the total before, in tenths of a percent rounded half away from zero
        /// (`119` is +11.9 %); nil without a change in one currency, or when the total before is 0, of
        /// which no change is a percentage.
        public var changeInTenthsOfAPercent: Int? {
            guard let changeMinor, case .invoice(let before) = before, before.totalMinor > 0 else { return nil }
            let (scaled, overflow) = changeMinor.multipliedReportingOverflow(by: 1_000)
            guard !overflow else { return nil }
            let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: before.totalMinor)
            let roundsAway = remainder.magnitude * 2 >= UInt(before.totalMinor)
            return roundsAway ? quotient + (scaled < 0 ? -1 : 1) : quotient
        }
    }

    /// A scenario's invoice on one side, or why there is none.
    public enum Side: Equatable, Sendable {
        /// The invoice's totals.
        case invoice(Totals)
        /// No price of that side has the scenario's price id: a price created (before) or archived (after).
        case noPrice
        /// The price exists but the engine cannot preview it; the error says why.
        case refused(PreviewError)

        init(computing request: PreviewRequest, with preview: BillingPreview) {
            do throws(PreviewError) {
                self = .invoice(Totals(try preview.invoice(for: request)))
            } catch .unknownPrice {
                self = .noPrice
            } catch {
                self = .refused(error)
            }
        }

        /// The totals, when there is an invoice.
        public var totals: Totals? {
            if case .invoice(let totals) = self { totals } else { nil }
        }
    }

    /// What the impact keeps of an invoice: its currency and the two amounts PREVIEW.md § 5 compares.
    public struct Totals: Equatable, Sendable {
        public var currency: String
        public var minorUnitExponent: Int
        public var subtotalMinor: Int
        public var totalMinor: Int

        public init(currency: String, minorUnitExponent: Int, subtotalMinor: Int, totalMinor: Int) {
            self.currency = currency
            self.minorUnitExponent = minorUnitExponent
            self.subtotalMinor = subtotalMinor
            self.totalMinor = totalMinor
        }

        init(_ invoice: Invoice) {
            self.init(currency: invoice.currency, minorUnitExponent: invoice.minorUnitExponent,
                      subtotalMinor: invoice.subtotalMinor, totalMinor: invoice.totalMinor)
        }

        /// The subtotal in major units (`177.93`).
        public var subtotal: ExactDecimal { ExactDecimal(minorUnits: subtotalMinor, minorUnitExponent: minorUnitExponent) }
        /// The total in major units (`152.93`).
        public var total: ExactDecimal { ExactDecimal(minorUnits: totalMinor, minorUnitExponent: minorUnitExponent) }
    }
}

extension CatalogDiff {
    /// This diff's impact on the invoices of `scenarios` (PREVIEW.md § 5): nil when the source has no
    /// scenario — nothing is computed, and the renderings are those of a diff without scenarios — and no
    /// rows when the diff has no change, without computing anything either.
    public func invoiceImpact(deployed: CatalogDocument, source: CatalogDocument, scenarios: [PreviewRequest],
                              creditOrder: [String]) -> InvoiceImpact? {
        guard !scenarios.isEmpty else { return nil }
        guard !isEmpty else { return InvoiceImpact(rows: []) }
        return InvoiceImpact(deployed: deployed, source: source, scenarios: scenarios, creditOrder: creditOrder)
    }
}
