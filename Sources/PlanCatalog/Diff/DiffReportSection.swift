/// One catalog's part of a diff report: what was compared with what, and the diff or why there is none.
/// `plancat diff catalogs/ --against-ref REV` on a folder of several catalogs reports one section per
/// catalog, in one text report or one pull-request comment.
public struct DiffReportSection: Sendable {
    /// What the source is, as the user named it: `catalogs/acme`.
    public var source: String
    /// What it is compared with: `build/catalog.json`, `origin/main`.
    public var deployed: String
    public var outcome: Outcome
    /// Where the source defines each changed record; nil: no change says where it is.
    public var locations: DiffSourceLocations?
    /// The diff's impact on the invoices of the source's scenarios; nil when the source has none.
    public var impact: InvoiceImpact?

    public enum Outcome: Sendable {
        case compared(CatalogDiff)
        /// The catalog could not be compared; the text says why (its diagnostics are on standard error).
        case notCompared(String)
    }

    public init(source: String, deployed: String, outcome: Outcome, locations: DiffSourceLocations? = nil,
                impact: InvoiceImpact? = nil) {
        self.source = source
        self.deployed = deployed
        self.outcome = outcome
        self.locations = locations
        self.impact = impact
    }

    /// The diff, when the catalog was compared.
    public var diff: CatalogDiff? {
        if case .compared(let diff) = outcome { diff } else { nil }
    }
}
