/// The invoice of each scenario of a checked catalog, computed once for all of them, as `check` computes
/// them to verify `expect` lines (`ScenarioExpectations`): what an editor shows on a scenario.
///
/// As in `check`, nothing is computed for a catalog with errors, but for the errors of `expect` lines
/// themselves (E1108, E1109): an invoice of a model the checks refused would mislead, while a scenario
/// whose `expect` is out of date is exactly where the computed amount is wanted.
public struct ScenarioInvoices: Sendable {
    private let invoices: [String: Result<Invoice, PreviewError>]
    /// Why no scenario has an invoice; nil when they were computed.
    public let reasonForNone: String?

    public init(_ result: CheckResult) {
        let catalog = result.catalog
        let blocking = result.diagnostics.contains { diagnostic in
            diagnostic.severity == .error
                && diagnostic.code != .expectationMismatch && diagnostic.code != .scenarioNotComputable
        }
        guard !blocking, !catalog.scenarios.isEmpty else {
            invoices = [:]
            reasonForNone = blocking ? "No invoice while the catalog has errors." : nil
            return
        }
        var invoices: [String: Result<Invoice, PreviewError>] = [:]
        for (scenario, invoice) in Self.computing(catalog) where invoices[scenario.id.value] == nil {
            invoices[scenario.id.value] = invoice
        }
        self.invoices = invoices
        reasonForNone = nil
    }

    /// Each scenario's invoice, or the preview's reason for refusing it, in declaration order, computed from
    /// the catalog.json document the catalog compiles to; a scenario without what a preview needs (its
    /// `price`) is left out. The one place a catalog's scenarios are previewed: `check` compares their
    /// `expect` lines with these invoices (`ScenarioExpectations`), and an editor shows them.
    static func computing(_ catalog: Catalog) -> [(scenario: Scenario, invoice: Result<Invoice, PreviewError>)] {
        guard !catalog.scenarios.isEmpty else { return [] }
        let preview = BillingPreview(document: CatalogDocument(compiling: catalog),
                                     creditOrder: catalog.creditDeclarationOrder)
        return catalog.scenarios.compactMap { scenario in
            guard let request = PreviewRequest(scenario) else { return nil }
            return (scenario, Result { () throws(PreviewError) in try preview.invoice(for: request) })
        }
    }

    /// The invoice of the scenario `id`, or the preview's reason for refusing it; nil when none was
    /// computed (the catalog has errors, or the scenario lacks what a preview needs).
    public func invoice(of id: String) -> Result<Invoice, PreviewError>? {
        invoices[id]
    }
}

extension Invoice {
    /// The total as `plancat preview` words it: `$38.00`, `−$5.00`, `¥500`.
    public var formattedTotal: String { InvoiceRendererWording.money(total, currency: currency) }
}
