/// How an invoice is worded, for all three renderers alike: the text, the Markdown and the JSON of
/// `plancat preview` say each line in the same words, so a reader who learns one reads the others.
///
/// Money is in the currency's format with its minor units always shown (`$49.00`, `$0.0015`, `¥500`,
/// `KWD 1.250`), as an invoice prints it; a negative amount — a credit — has a minus sign before the
/// symbol (`−$15.00`, U+2212, the sign PREVIEW.md's table uses), never `$-15.00`.
enum InvoiceRendererWording {
    /// The minus sign of negative amounts.
    static let minusSign = "\u{2212}"

    /// An amount of the invoice's currency in major units: `$11.61`, `−$25.00`; with `showsPlus`, a
    /// positive amount is signed too (`+$11.94`, a change the diff's invoice impact shows).
    static func money(_ amount: ExactDecimal, currency: String, showsPlus: Bool = false) -> String {
        let magnitude = ExactDecimal(isNegative: false, significand: amount.significand, scale: amount.scale)
        let text = DisplayText.money(magnitude, currency: currency, showsMinorUnits: true)
        return sign(isNegative: amount.isNegative, isZero: amount.isZero, showsPlus: showsPlus) + text
    }

    /// The sign written before an amount or a percentage: `−` when negative, `+` when positive and asked
    /// for, else nothing.
    static func sign(isNegative: Bool, isZero: Bool = false, showsPlus: Bool = false) -> String {
        isNegative ? minusSign : showsPlus && !isZero ? "+" : ""
    }

    /// An amount of the invoice's minor units: 17793 cents are `$177.93`.
    static func money(minorUnits: Int, of invoice: Invoice) -> String {
        money(invoice.majorUnits(minorUnits), currency: invoice.currency)
    }

    /// What the line is, in words: what the catalog calls it, and for a seat change or a usage credit what
    /// happened (`comp_seats: 2 seats added 2026-03-17, 15/31 of the period`, `Included API calls: 10,000
    /// API calls covered`).
    static func description(of line: InvoiceLine) -> String {
        switch line.kind {
        case .fixed, .seats, .usage, .monetaryCredit:
            return line.description
        case .seatsProration:
            guard let proration = line.proration, let count = quantity(of: line) else { return line.description }
            return "\(line.description): \(count) added \(proration.date), "
                + "\(proration.daysBilled)/\(proration.daysInPeriod) of the period"
        case .usageCredit:
            guard let count = quantity(of: line) else { return line.description }
            return "\(line.description): \(count) covered"
        }
    }

    /// The seats or units of the line with their unit (`5 seats`, `48,213 API calls`); nil for fixed and
    /// monetary lines, which count nothing.
    static func quantity(of line: InvoiceLine) -> String? {
        guard let quantity = line.quantity else { return nil }
        let fallback = line.kind == .seats || line.kind == .seatsProration ? "seat" : "unit"
        return DisplayText.count(quantity, line.unitLabel ?? fallback)
    }

    /// The amount per seat or unit, or the fixed fee (`$12.00`, `$0.0015`); nil for monetary credits.
    static func unitAmount(of line: InvoiceLine, currency: String) -> String? {
        line.unitAmount.map { money($0, currency: currency) }
    }

    /// The heading of an invoice: `Scenario acme_march`, or `Ad-hoc preview` for `--price`.
    static func title(of invoice: Invoice) -> String {
        invoice.scenarioID.map { "Scenario \($0)" } ?? "Ad-hoc preview"
    }

    /// The period as a reader counts it, first and last day (`2026-03-01 to 2026-03-31, every month`), or
    /// `every month, no dates` without a `start`.
    static func period(of invoice: Invoice) -> String {
        guard let start = invoice.periodStart, let end = invoice.periodEnd else {
            return "\(invoice.period), no dates"
        }
        let lastDay = end.adding(days: -1) ?? end
        return "\(start) to \(lastDay), \(invoice.period)"
    }

    /// `plan plan_team, price price_team_monthly, USD`.
    static func subscription(of invoice: Invoice) -> String {
        "plan \(invoice.planID), price \(invoice.priceID), \(invoice.currency)"
    }
}
