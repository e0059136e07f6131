/// Invoices as the JSON document of PREVIEW.md § 4 (`plancat preview --format json`):
///
/// ```
/// { "schemaVersion": 1,
///   "scenarios": [ { "id", "description", "planId", "priceId", "currency", "periodStart", "periodEnd",
///                    "lines": [ { "kind", "componentId", "creditId", "description", "quantity",
///                                 "unitAmount", "amount", "amountMinor" } ],
///                    "subtotal", "credits", "total", "subtotalMinor", "creditsMinor", "totalMinor",
///                    "notes": [ … ] } ] }
/// ```
///
/// Every key is always present, in that order, `null` where it does not apply: an ad-hoc preview's `id`,
/// a scenario without `description`, a period without dates, a line's component, credit, quantity or unit
/// amount. Amounts in major units are exact JSON numbers written from their decimal digits (`152.93`,
/// `0.0015`, `-25`), never through binary floating point; the `…Minor` fields are integers of the
/// currency's minor unit. A line's `description` is worded as the text shows it, so that a proration's date
/// and days, which no other key holds, are there too. `Docs/schemas/preview.schema.json` describes it.
public enum InvoiceJSONRenderer {
    /// The version of the document's shape; bumped only when a key changes meaning or goes away.
    public static let schemaVersion = 1

    /// The whole document.
    public static func jsonValue(of invoices: [Invoice]) -> JSONValue {
        .object([
            .init("schemaVersion", .number(schemaVersion)),
            .init("scenarios", .array(invoices.map(jsonValue(of:)))),
        ])
    }

    /// The document as `JSONWriter` writes it: two-space indentation and a trailing newline.
    public static func render(_ invoices: [Invoice]) -> String {
        JSONWriter.text(of: jsonValue(of: invoices))
    }

    /// One invoice: `{ "id", "description", …, "notes" }`.
    public static func jsonValue(of invoice: Invoice) -> JSONValue {
        .object([
            .init("id", string(invoice.scenarioID)),
            .init("description", string(invoice.scenarioDescription)),
            .init("planId", .string(invoice.planID)),
            .init("priceId", .string(invoice.priceID)),
            .init("currency", .string(invoice.currency)),
            .init("periodStart", string(invoice.periodStart?.description)),
            .init("periodEnd", string(invoice.periodEnd?.description)),
            .init("lines", .array(invoice.lines.map(jsonValue(of:)))),
            .init("subtotal", .number(invoice.subtotal)),
            .init("credits", .number(invoice.credits)),
            .init("total", .number(invoice.total)),
            .init("subtotalMinor", .number(invoice.subtotalMinor)),
            .init("creditsMinor", .number(invoice.creditsMinor)),
            .init("totalMinor", .number(invoice.totalMinor)),
            .init("notes", .array(invoice.notes.map { .string($0.message) })),
        ])
    }

    /// One line: `{ "kind", "componentId", "creditId", "description", "quantity", "unitAmount", "amount",
    /// "amountMinor" }`.
    public static func jsonValue(of line: InvoiceLine) -> JSONValue {
        .object([
            .init("kind", .string(line.kind.rawValue)),
            .init("componentId", string(line.componentID)),
            .init("creditId", string(line.creditID)),
            .init("description", .string(InvoiceRendererWording.description(of: line))),
            .init("quantity", .number(line.quantity)),
            .init("unitAmount", .number(line.unitAmount)),
            .init("amount", .number(line.amount)),
            .init("amountMinor", .number(line.amountMinor)),
        ])
    }

    private static func string(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }
}
