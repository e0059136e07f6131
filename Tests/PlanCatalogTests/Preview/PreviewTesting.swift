import Testing
@testable import PlanCatalog

/// What the preview tests share: a catalog compiled from `.plancat` source through the whole pipeline
/// (check, then catalog.json's document), so that each test reads like the pricing it previews, and the
/// amounts of an invoice as the major-unit text a reader checks them against (`"11.61"`, `"-15"`).
struct PreviewCatalog {
    let document: CatalogDocument
    let preview: BillingPreview

    /// Compiles `source`; a catalog that does not check fails the test with its diagnostics.
    init(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = CatalogCompiler.build([SourceFile(path: "preview.plancat", text: source)])
        let messages = result.check.diagnostics.filter { $0.severity == .error }.map(\.message)
        document = try #require(result.output?.document, "the catalog does not check: \(messages)",
                                sourceLocation: sourceLocation)
        preview = BillingPreview(document: document)
    }

    /// The invoice of a request on `priceID`, written with dates as text.
    func invoice(_ priceID: String, start: String? = nil, seats: Int? = nil, changes: [(Int, String)] = [],
                 usage: [(String, String)] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Invoice {
        try preview.invoice(for: request(priceID, start: start, seats: seats, changes: changes, usage: usage,
                                         sourceLocation: sourceLocation))
    }

    /// The error a request on `priceID` is refused with, or nil when it is previewed.
    func error(_ priceID: String, start: String? = nil, seats: Int? = nil, changes: [(Int, String)] = [],
               usage: [(String, String)] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PreviewError? {
        let request = try request(priceID, start: start, seats: seats, changes: changes, usage: usage,
                                  sourceLocation: sourceLocation)
        do {
            _ = try preview.invoice(for: request)
            return nil
        } catch {
            return error
        }
    }

    func request(_ priceID: String, start: String? = nil, seats: Int? = nil, changes: [(Int, String)] = [],
                 usage: [(String, String)] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws -> PreviewRequest {
        try PreviewRequest(
            priceID: priceID, start: start.map { try day($0, sourceLocation: sourceLocation) }, seats: seats,
            seatChanges: changes.map { try .init(seats: $0.0, from: day($0.1, sourceLocation: sourceLocation)) },
            usage: usage.map { try .init(metricID: $0.0, quantity: number($0.1, sourceLocation: sourceLocation)) })
    }
}

/// A date written `YYYY-MM-DD`.
func day(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CalendarDate {
    try #require(CalendarDate(text), "\(text) is not a date", sourceLocation: sourceLocation)
}

/// A number written as the lexer reads it (`48_213`, `0.0015`).
func number(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ExactDecimal {
    try #require(ExactDecimal(parsing: text), "\(text) is not a number", sourceLocation: sourceLocation)
}

extension Invoice {
    /// Each line's amount in major units, as text: `["49", "60", "11.61", …]`.
    var amounts: [String] { lines.map(\.amount.description) }

    /// The lines of one kind.
    func lines(_ kind: InvoiceLine.Kind) -> [InvoiceLine] { lines.filter { $0.kind == kind } }

    /// The sum of the lines that are not monetary credits, which must be the subtotal.
    var sumOfChargeLines: Int {
        lines.filter { $0.kind != .monetaryCredit }.reduce(0) { $0 + $1.amountMinor }
    }
}
