/// A running total of whole amounts against 2^53 − 1, the largest integer JavaScript (and so Lumen's
/// clients and an app reading entitlements.json) holds exactly: E0813's rule, stated once. The compiler's
/// checks (`MoneyChecks`: a price's fixed and per-seat amounts, a plan's usage credits) and the catalog.json
/// reader (`CatalogDocumentReader`'s consistency checks, for the same two sums) add their amounts through it.
struct ExactTotal {
    /// 2^53 − 1: every amount, count and unit cost is at most this, and so is every total E0813 checks.
    static let limit: UInt64 = (1 << 53) - 1

    /// The sum so far; once past `limit` it stays at `limit + 1`, so that adding more cannot overflow.
    private(set) var value: UInt64 = 0

    /// Whether the sum has passed `limit`.
    var exceedsLimit: Bool { value > Self.limit }

    /// Adds a whole, non-negative amount of at most `limit`, and says whether the sum is still within it.
    /// Any other amount (a fraction, a negative or too large one) is left out: it is refused on its own.
    @discardableResult
    mutating func add(_ amount: ExactDecimal) -> Bool {
        if amount.isInteger, !amount.isNegative, amount.significand <= Self.limit {
            value = Swift.min(value + amount.significand, Self.limit + 1)
        }
        return !exceedsLimit
    }

    /// Whether `amounts` add up to more than `limit`.
    static func exceedsLimit(_ amounts: some Sequence<ExactDecimal>) -> Bool {
        var total = ExactTotal()
        for amount in amounts where !total.add(amount) { return true }
        return false
    }
}
