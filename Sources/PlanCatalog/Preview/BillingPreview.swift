/// The billing preview of a catalog.json document: the invoice of one billing period for a sample
/// subscription, computed exactly by the rules of PREVIEW.md § 2.
///
/// It reads the document, not the source model, so that `diff` runs the same scenario on a deployed
/// catalog.json and on the source's build, and `check` on the build of the catalog it checks. Built once
/// per document (the lookups by id), then asked for as many invoices as there are scenarios.
///
/// **Credit order.** PREVIEW.md applies a plan's credits "in the plan's declaration order", but
/// catalog.json lists credit definitions sorted by id and records no other order, so a deployed document
/// cannot tell it. Without `creditOrder` the preview applies credits in the document's order, by id; a
/// caller that has the source passes its credit ids in declaration order, and should pass the same order
/// for both sides of a diff, so that only the catalog's change shows as an invoice's change. Credits the
/// order leaves out follow those it names, by id.
public struct BillingPreview: Sendable {
    let index: CatalogDocumentIndex
    /// Each named credit's place in `creditOrder`.
    let creditRanks: [String: Int]

    public init(document: CatalogDocument, creditOrder: [String] = []) {
        index = CatalogDocumentIndex(document)
        creditRanks = Dictionary(keepingFirst: creditOrder.indices, by: { creditOrder[$0] })
    }

    /// The invoice of the request's billing period, or why it cannot be computed.
    public func invoice(for request: PreviewRequest) throws(PreviewError) -> Invoice {
        var generator = try InvoiceGenerator(request: request, preview: self)
        return try generator.generate()
    }

    /// A plan's credit definitions in the order they apply: `creditOrder`'s, then by id.
    func credits(ofPlan planID: String) -> [CatalogDocument.CreditDefinition] {
        let credits = index.creditPositions(of: planID).map { index.document.creditDefinitions[$0] }
        guard !creditRanks.isEmpty else { return credits }
        // The document lists them by id, so a stable sort by rank keeps the unranked ones by id.
        return credits.enumerated().sorted { lhs, rhs in
            let (left, right) = (creditRanks[lhs.element.id] ?? Int.max, creditRanks[rhs.element.id] ?? Int.max)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
