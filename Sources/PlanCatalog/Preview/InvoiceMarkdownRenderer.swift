/// Invoices as Markdown, to paste into a pull request or a pricing review (`plancat preview --format
/// markdown`): for each invoice a heading, the plan, price and period, and one table —
///
/// ```
/// ### Scenario `acme_march`
///
/// Five seats, two more from mid-March, heavy API use
///
/// Plan `plan_team`, price `price_team_monthly`, USD; period 2026-03-01 to 2026-03-31, every month.
///
/// | Line | Quantity | Unit amount | Amount |
/// | --- | ---: | ---: | ---: |
/// | Platform fee | | \$49.00 | \$49.00 |
/// | … | | | |
/// | **Subtotal** | | | **\$177.93** |
/// | Welcome credit | | | −\$25.00 |
/// | **Credits** | | | **−\$25.00** |
/// | **Total** | | | **\$152.93** |
///
/// - taxes are not included
/// ```
///
/// Text from a catalog is escaped as the diff's Markdown escapes it (`DiffMarkdownRenderer.inlineText`,
/// `codeSpan`): shown exactly, never rendered as Markdown or HTML and never breaking the table. Money is
/// escaped too, so that GitHub does not read `$…$` as mathematics.
public struct InvoiceMarkdownRenderer: Sendable {
    public init() {}

    /// Every invoice, in order, ending with a newline.
    public func render(_ invoices: [Invoice]) -> String {
        invoices.map(render).joined(separator: "\n")
    }

    /// One invoice, ending with a newline.
    public func render(_ invoice: Invoice) -> String {
        typealias Wording = InvoiceRendererWording
        let title = invoice.scenarioID.map { "Scenario " + code($0) } ?? "Ad-hoc preview"
        var output = "### \(title)\n\n"
        if let description = invoice.scenarioDescription {
            output += text(description) + "\n\n"
        }
        output += "Plan \(code(invoice.planID)), price \(code(invoice.priceID)), \(text(invoice.currency)); "
            + "period \(text(Wording.period(of: invoice))).\n\n"
        output += "| Line | Quantity | Unit amount | Amount |\n| --- | ---: | ---: | ---: |\n"
        let money = { (minorUnits: Int) in self.text(Wording.money(minorUnits: minorUnits, of: invoice)) }
        for line in invoice.lines where line.kind != .monetaryCredit {
            output += row(line, currency: invoice.currency)
        }
        output += "| **Subtotal** | | | **\(money(invoice.subtotalMinor))** |\n"
        for line in invoice.lines where line.kind == .monetaryCredit {
            output += row(line, currency: invoice.currency)
        }
        output += "| **Credits** | | | **\(money(invoice.creditsMinor))** |\n"
        output += "| **Total** | | | **\(money(invoice.totalMinor))** |\n\n"
        output += invoice.notes.map { "- " + text($0.message) + "\n" }.joined()
        return output
    }

    /// One line of the invoice as a table row; an empty cell is a single space.
    private func row(_ line: InvoiceLine, currency: String) -> String {
        typealias Wording = InvoiceRendererWording
        let cells = [text(Wording.description(of: line)),
                     Wording.quantity(of: line).map(text) ?? "",
                     Wording.unitAmount(of: line, currency: currency).map(text) ?? "",
                     text(Wording.money(line.amount, currency: currency))]
        return "|" + cells.map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|\n"
    }

    private func text(_ value: String) -> String {
        DiffMarkdownRenderer.inlineText(value)
    }

    private func code(_ value: String) -> String {
        DiffMarkdownRenderer.codeSpan(value, inTable: false)
    }
}
