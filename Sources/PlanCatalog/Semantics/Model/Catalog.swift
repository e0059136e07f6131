/// The typed model of one catalog, merged from all of its files: what the checks inspect and what the
/// emitters will write. Elements keep their source locations so every check can point at them.
public struct Catalog: Sendable {
    /// The files the catalog was lowered from: every `SourceLocation` of the model names one of them by id.
    public var files = FileTable()
    public var name: Located<String>?
    /// The `currency` statement's code as written (checked against ISO 4217 by the money checks).
    public var defaultCurrency: Located<String>?
    public var metrics: [Metric] = []
    public var features: [Feature] = []
    public var plans: [Plan] = []
    public var pricingTables: [PricingTable] = []
    public var quotes: [Quote] = []
    /// Sample subscriptions (PREVIEW.md § 1), in declaration order: checked and previewed, never emitted.
    public var scenarios: [Scenario] = []
    /// Statements written but refused by the schema checks: what they say is unknown, not missing.
    public var refusedStatements = RefusedStatements()

    public init() {}

    /// Every price of the catalog: the plans' own, then the quotes'. Gathered into one array reserved
    /// once, rather than joined from two made for the purpose: the index asks for it on every check.
    public var allPrices: [Price] {
        var prices: [Price] = []
        prices.reserveCapacity(plans.count * 2 + quotes.count)
        for plan in plans { prices += plan.prices }
        for quote in quotes {
            if let price = quote.price { prices.append(price) }
        }
        return prices
    }
}

/// The name of the kind of thing an id names, as messages say it ("duplicate plan id").
public enum EntityKind: String, Sendable {
    case metric
    case feature
    case plan
    case price
    case component
    case credit
    case pricingTable = "pricing table"
    case quote
    case scenario
}
