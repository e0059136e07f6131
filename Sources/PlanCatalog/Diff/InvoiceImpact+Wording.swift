/// How the text and Markdown renderings word an invoice impact (Docs/Diff.md, "Invoice impact"), so the
/// two say the same thing: each scenario's total before and after in the currency's format (`$152.93`),
/// and its change as an amount with its sign and a percentage of the total before (`+$11.94 (+7.8%)`).
///
/// A side without an invoice is `—`; the change then says why in a few words (`new price`, `price
/// removed`, `not compared`), and a note under the table gives the whole reason where a few words cannot
/// (the engine's refusal, a currency that changed).
extension InvoiceImpact {
    /// What the table shows of the totals, said once above it.
    static let explanation = "each scenario's total for one billing period, before (deployed) and after (source); "
        + "taxes not included"

    /// A side that has no invoice.
    static let noAmount = "—"

    /// One row's cells, in the table's order.
    struct ShownRow {
        var scenario: String
        var before: String
        var after: String
        var change: String
    }

    /// The rows as the table shows them.
    var shownRows: [ShownRow] {
        rows.map { row in
            ShownRow(scenario: row.scenarioID, before: Self.amount(of: row.before), after: Self.amount(of: row.after),
                     change: Self.change(of: row))
        }
    }

    /// Whatever the table cannot say in a cell, one sentence each with the scenario it is about, in row
    /// order: why a side could not be computed, or that the totals are in different currencies.
    var notes: [(scenario: String, text: String)] {
        rows.flatMap { row -> [(scenario: String, text: String)] in
            var notes: [String] = []
            if case .refused(let error) = row.before {
                notes.append("not computed on the deployed catalog: \(error.message)")
            }
            if case .refused(let error) = row.after {
                notes.append("not computed on the source: \(error.message)")
            }
            if let before = row.before.totals, let after = row.after.totals, row.changeMinor == nil {
                notes.append("the price's currency changed from \(before.currency) to \(after.currency); totals in "
                             + "different currencies are not compared")
            }
            return notes.map { (row.scenarioID, $0) }
        }
    }

    /// `$152.93`, `€0.00`, `¥1,200`, `CHF 29.00`; `—` for a side without an invoice.
    static func amount(of side: Side) -> String {
        guard let totals = side.totals else { return noAmount }
        return InvoiceRendererWording.money(totals.total, currency: totals.currency)
    }

    /// `+$11.94 (+7.8%)`, `−$5.00 (−3.3%)`, `+$10.00` (from a total of 0, of which no change is a
    /// percentage), `no change`, `new price`, `price removed`, `not compared`.
    static func change(of row: Row) -> String {
        switch (row.before, row.after) {
        case (.invoice, .invoice(let after)):
            guard let changeMinor = row.changeMinor else { return "not compared" }
            guard changeMinor != 0 else { return "no change" }
            // Signed as `plancat preview` signs amounts: `+$11.94`, `−$5.00`, the minus being U+2212.
            let amount = ExactDecimal(minorUnits: changeMinor, minorUnitExponent: after.minorUnitExponent)
            var text = InvoiceRendererWording.money(amount, currency: after.currency, showsPlus: true)
            if let tenths = row.changeInTenthsOfAPercent?.magnitude {
                let sign = InvoiceRendererWording.sign(isNegative: changeMinor < 0, showsPlus: true)
                text += " (" + sign + DisplayText.number(Int(tenths / 10)) + "." + String(tenths % 10) + "%)"
            }
            return text
        case (.noPrice, .invoice):
            return "new price"
        case (.invoice, .noPrice):
            return "price removed"
        case (.noPrice, .noPrice):
            return "no price"
        default:
            return "not compared"
        }
    }
}
