extension Schema {
    /// Every keyword of the schema, as a small integer.
    ///
    /// The checker reads a statement's keyword text once, when it finds the statement's rule; from then
    /// on the statement is known by this value, and lowering asks a checked block for its statements by
    /// it (`block.string(.name)`): comparing two of them is comparing two bytes, where comparing the texts
    /// was a string comparison for every statement of every block, and a misspelt keyword in lowering no
    /// longer compiles.
    enum Keyword: String, Sendable, CaseIterable {
        case aggregate
        case amount
        case appliesTo = "applies-to"
        case billImmediately = "bill-immediately"
        case billingDescription = "billing-description"
        case billingVisible = "billing-visible"
        case bullet
        case button
        case catalog
        case component
        case credit
        case currency
        case customer
        case description
        case effective
        case enterprise
        case event
        case expect
        case expiresAfterDays = "expires-after-days"
        case feature
        case features
        case fixed
        case heading
        case hidden
        case interval
        case intervalCount = "interval-count"
        case label
        case metric
        case minSeats = "min-seats"
        case name
        case outline
        case perSeat = "per-seat"
        case plan
        case popular
        case price
        case pricingTable = "pricing-table"
        case quote
        case refill
        case renew
        case row
        case scenario
        case seats
        case start
        case subheading
        case subscription
        case trialDays = "trial-days"
        case trialOf = "trial-of"
        case type
        case unit
        case unitPrice = "unit-price"
        case usage
        case value

        /// Whether `text` is this keyword as written. The lengths are compared first, as
        /// `Schema.Rule.isSpelled` does: they tell most keywords apart without a string comparison.
        func isSpelling(of text: String) -> Bool {
            let spelling = rawValue
            return text.utf8.count == spelling.utf8.count && text == spelling
        }
    }
}
