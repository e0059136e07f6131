/// Invoices worded for a terminal, the way an invoice reads (`plancat preview`, the default format):
///
/// ```
/// Scenario acme_march: Five seats, two more from mid-March, heavy API use
/// plan plan_team, price price_team_monthly, USD
/// period 2026-03-01 to 2026-03-31, every month
///
///   Description                                   Quantity   Unit amount     Amount
///   Platform fee                                                  $49.00     $49.00
///   comp_seats                                     5 seats        $12.00     $60.00
///   comp_seats: 2 seats added 2026-03-17, 15/…     2 seats        $12.00     $11.61
///   …
///   ----------------------------------------------------------------------------------
///   Subtotal                                                                $177.93
///   Welcome credit                                                          −$25.00
///   Credits                                                                 −$25.00
///   Total                                                                   $152.93
///
/// Notes:
///   - taxes are not included
/// ```
///
/// One row per line of the invoice, in its order, then the subtotal, the monetary credits and their sum,
/// and the total; then the notes, of which "taxes are not included" is always one. Columns are padded so
/// that amounts line up on the right. Text from the catalog (ids, names, descriptions) never drives the
/// terminal: control and invisible characters are shown as `�`.
public struct InvoiceTextRenderer: Sendable {
    /// Whether to add ANSI bold to each invoice's heading and total. The CLI decides (a terminal,
    /// `NO_COLOR`, `--color`).
    public var usesColor: Bool

    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// Every invoice, in order, a blank line between two; ending with a newline.
    public func render(_ invoices: [Invoice]) -> String {
        invoices.map(render).joined(separator: "\n")
    }

    /// One invoice, ending with a newline.
    public func render(_ invoice: Invoice) -> String {
        typealias Wording = InvoiceRendererWording
        var heading = Wording.title(of: invoice)
        if let description = invoice.scenarioDescription { heading += ": " + description }
        var output = bold(Self.displayable(heading)) + "\n"
        output += Self.displayable(Wording.subscription(of: invoice)) + "\n"
        output += "period " + Wording.period(of: invoice) + "\n\n"

        var rows: [Row] = [Row(cells: ["Description", "Quantity", "Unit amount", "Amount"])]
        let charges = invoice.lines.filter { $0.kind != .monetaryCredit }
        let monetaryCredits = invoice.lines.filter { $0.kind == .monetaryCredit }
        for line in charges {
            rows.append(Row(line: line, currency: invoice.currency))
        }
        rows.append(.rule)
        rows.append(Row(summary: "Subtotal", amount: Wording.money(minorUnits: invoice.subtotalMinor, of: invoice)))
        for line in monetaryCredits {
            rows.append(Row(line: line, currency: invoice.currency))
        }
        rows.append(Row(summary: "Credits", amount: Wording.money(minorUnits: invoice.creditsMinor, of: invoice)))
        rows.append(Row(summary: "Total", amount: Wording.money(minorUnits: invoice.totalMinor, of: invoice),
                        isTotal: true))
        output += layout(rows)

        output += "\nNotes:\n"
        for note in invoice.notes {
            output += "  - " + Self.displayable(note.message) + "\n"
        }
        return output
    }

    // MARK: Rows

    /// One row of the table: a description and three right-aligned columns, or a rule.
    private struct Row {
        var cells: [String]
        var isRule = false
        var isTotal = false

        init(cells: [String], isRule: Bool = false, isTotal: Bool = false) {
            self.cells = cells
            self.isRule = isRule
            self.isTotal = isTotal
        }

        init(line: InvoiceLine, currency: String) {
            typealias Wording = InvoiceRendererWording
            self.init(cells: [InvoiceTextRenderer.displayable(Wording.description(of: line)),
                              Wording.quantity(of: line).map(InvoiceTextRenderer.displayable) ?? "",
                              Wording.unitAmount(of: line, currency: currency) ?? "",
                              Wording.money(line.amount, currency: currency)])
        }

        init(summary: String, amount: String, isTotal: Bool = false) {
            self.init(cells: [summary, "", "", amount], isTotal: isTotal)
        }

        static let rule = Row(cells: ["", "", "", ""], isRule: true)
    }

    /// The rows laid out: the description padded on the right, the other columns on the left, three
    /// spaces between columns, two before the first.
    private func layout(_ rows: [Row]) -> String {
        var widths = [0, 0, 0, 0]
        for row in rows where !row.isRule {
            for (column, cell) in row.cells.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let separator = "   "
        let totalWidth = widths.reduce(0, +) + separator.count * (widths.count - 1)
        var output = ""
        for row in rows {
            if row.isRule {
                output += "  " + String(repeating: "-", count: totalWidth) + "\n"
                continue
            }
            var text = row.cells[0] + String(repeating: " ", count: widths[0] - row.cells[0].count)
            for column in 1..<row.cells.count {
                let cell = row.cells[column]
                text += separator + String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            output += "  " + (row.isTotal ? bold(text) : text) + "\n"
        }
        return output
    }

    // MARK: Text

    private func bold(_ text: String) -> String {
        usesColor && !text.isEmpty ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }

    /// Text from a catalog, made safe for a terminal.
    static func displayable(_ text: String) -> String {
        TerminalText.neutralised(text)
    }
}
