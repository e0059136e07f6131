/// A negotiated price for one customer. Private: nothing of it may reach a public pricing table.
public struct Quote: Sendable {
    public var id: Located<String>
    public var planID: Located<String>?
    public var customer: String?
    public var subscription: String?
    public var effective: QuoteEffective
    public var price: Price?
    public var location: SourceLocation
}

public enum QuoteEffective: String, Sendable, CaseIterable {
    case immediately
    case nextBilling = "next-billing"
}
