/// A public pricing table: the plans shown side by side on a pricing page, in order.
public struct PricingTable: Sendable {
    public var slug: Located<String>
    public var name: String?
    public var heading: String?
    public var subheading: String?
    public var description: String?
    public var currency: Located<String>?
    public var rows: [PricingTableRow]
    public var location: SourceLocation

    /// The currency the table shows prices in: its own, else the catalog's (`Currency.resolvedCode`).
    func resolvedCurrency(defaultCurrency: String?) -> String? {
        Currency.resolvedCode(own: currency?.value, catalogDefault: defaultCurrency)
    }
}

/// One column of a pricing table.
public struct PricingTableRow: Sendable {
    public var planID: Located<String>
    /// Present when the row is marked `popular`; the value is the badge text.
    public var popular: Located<String>?
    public var buttonText: String?
    public var isOutlined: Bool
    public var enterpriseURL: Located<String>?
    public var bullets: [String]
    public var location: SourceLocation

    public var isEnterprise: Bool { enterpriseURL != nil }
}
