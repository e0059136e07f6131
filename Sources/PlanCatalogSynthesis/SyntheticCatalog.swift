/// A synthetic catalog of any size, for benchmarks: valid, already in canonical form, and the same bytes
/// for the same size and seed on every machine (Docs/Performance.md § The synthetic catalogs).
///
/// The mix follows what a large real catalog holds:
/// - 50 metrics, and 200 features: 50 `usage` features (one per metric), 75 `boolean` and 75 `number`;
/// - per plan, 5 features (its usage feature and four others), a monthly price (a fixed or a per-seat
///   component, plus a usage component on the plan's metric), a yearly price on every other plan, and a
///   usage credit on the monthly usage component;
/// - a trial plan for every 5th plan, with a usage credit of its own; a quote for every 20th plan; and
///   one public pricing table.
///
/// At 100,000 plans the source is about 61 MB (the issue asked for about 50). `repricedEvery` changes
/// the monthly amount of every Nth plan, so that a catalog diffed against the build of the unchanged one
/// has a known set of changes.
public struct SyntheticCatalog: Sendable {
    public static let metricCount = 50
    public static let booleanFeatureCount = 75
    public static let numberFeatureCount = 75
    public static let featuresPerPlan = 5
    /// Plans whose rows the pricing table shows.
    public static let pricingTableRows = 4

    public let plans: Int
    public let seed: UInt64
    /// Every `repricedEvery`-th plan's monthly amount is raised by 1; 0 reprices nothing.
    public let repricedEvery: Int

    public init(plans: Int, seed: UInt64 = 1, repricedEvery: Int = 0) {
        precondition(plans >= 1, "a catalog needs at least one plan")
        self.plans = plans
        self.seed = seed
        self.repricedEvery = repricedEvery
    }

    /// How many plans `repricedEvery` changes.
    public var repricedPlanCount: Int { repricedEvery > 0 ? plans / repricedEvery : 0 }

    /// The catalog's source, one file.
    public func source() -> String {
        var text = ""
        text.reserveCapacity(plans * 560 + 40_000)
        text += "# A synthetic catalog of \(plans) plans (seed \(seed)), made by plancat-bench for benchmarks.\n\n"
        text += "catalog \"Synthetic \(plans)\"\ncurrency USD\n"
        for metric in 0..<Self.metricCount { appendMetric(metric, to: &text) }
        for feature in 0..<Self.metricCount { appendUsageFeature(feature, to: &text) }
        for feature in 0..<Self.booleanFeatureCount { appendBooleanFeature(feature, to: &text) }
        for feature in 0..<Self.numberFeatureCount { appendNumberFeature(feature, to: &text) }
        for plan in 1...plans {
            appendPlan(plan, to: &text)
            if plan % 5 == 0 { appendTrial(of: plan, to: &text) }
        }
        appendPricingTable(to: &text)
        for plan in stride(from: 20, through: plans, by: 20) { appendQuote(for: plan, to: &text) }
        return text
    }

    // MARK: - Metrics and features

    private static func metricID(_ metric: Int) -> String { "metric-\(Self.padded(metric, 2))" }
    private static func usageFeatureID(_ metric: Int) -> String { "usage-\(Self.padded(metric, 2))" }
    private static func booleanFeatureID(_ index: Int) -> String { "toggle-\(Self.padded(index, 2))" }
    private static func numberFeatureID(_ index: Int) -> String { "limit-\(Self.padded(index, 2))" }

    private func appendMetric(_ metric: Int, to text: inout String) {
        let aggregate = ["sum", "count", "max", "sum", "unique-count"][metric % 5]
        text += "\nmetric \(Self.metricID(metric)) {\n"
        text += "  name \"Metric \(metric)\"\n"
        text += "  event \"synthetic.event-\(metric)\"\n"
        text += "  aggregate \(aggregate)\n"
        if aggregate == "unique-count" { text += "  value string\n" }
        text += "}\n"
    }

    private func appendUsageFeature(_ metric: Int, to text: inout String) {
        text += "\nfeature \(Self.usageFeatureID(metric)) {\n"
        text += "  name \"Usage \(metric)\"\n  type usage\n  metric \(Self.metricID(metric))\n  unit \"event\"\n}\n"
    }

    private func appendBooleanFeature(_ index: Int, to text: inout String) {
        text += "\nfeature \(Self.booleanFeatureID(index)) {\n"
        text += "  name \"Toggle \(index)\"\n"
        text += "  description \"Turns capability \(index) on\"\n"
        text += "  type boolean\n}\n"
    }

    private func appendNumberFeature(_ index: Int, to text: inout String) {
        text += "\nfeature \(Self.numberFeatureID(index)) {\n"
        text += "  name \"Limit \(index)\"\n  type number\n  unit \"item\"\n}\n"
    }

    // MARK: - Plans

    private static func planID(_ plan: Int) -> String { "plan_\(Self.padded(plan, 6))" }
    private static func monthlyPriceID(_ plan: Int) -> String { "price_\(Self.padded(plan, 6))_monthly" }
    private static func yearlyPriceID(_ plan: Int) -> String { "price_\(Self.padded(plan, 6))_yearly" }

    /// The plan's metric: each plan bills and grants the usage of one of the 50.
    private static func metric(of plan: Int) -> Int { plan % metricCount }

    private func appendPlan(_ plan: Int, to text: inout String) {
        var random = SeededRandom(seed: seed, stream: UInt64(plan))
        let metric = Self.metric(of: plan)
        text += "\nplan \(Self.planID(plan)) {\n"
        text += "  name \"Plan \(plan)\"\n"
        text += "  description \"Synthetic plan \(plan) for benchmarks\"\n"
        text += "  features {\n    \(Self.usageFeatureID(metric))\n"
        // Two toggles and two limits, different from each other.
        let firstToggle = random.next(below: Self.booleanFeatureCount)
        let secondToggle = (firstToggle + 1 + random.next(below: Self.booleanFeatureCount - 1)) % Self.booleanFeatureCount
        for toggle in [firstToggle, secondToggle].sorted() { text += "    \(Self.booleanFeatureID(toggle))\n" }
        let firstLimit = random.next(below: Self.numberFeatureCount)
        let secondLimit = (firstLimit + 1 + random.next(below: Self.numberFeatureCount - 1)) % Self.numberFeatureCount
        for limit in [firstLimit, secondLimit].sorted() {
            let value = random.next(below: 10) == 0 ? "unlimited" : String(1 + random.next(below: 1000))
            text += "    \(Self.numberFeatureID(limit)) \(value)\n"
        }
        text += "  }\n"

        let perSeat = random.next(below: 2) == 0
        // Whole dollars or dollars and cents, never 0: every plan is paid, so any can have a trial.
        var monthlyCents = 500 + random.next(below: 20_000)
        if repricedEvery > 0 && plan % repricedEvery == 0 { monthlyCents += 100 }
        let unitPrice = "0.00\(1 + random.next(below: 9))"
        appendPrice(id: Self.monthlyPriceID(plan), interval: "month", cents: monthlyCents, perSeat: perSeat,
                    metric: metric, unitPrice: unitPrice, to: &text)
        if plan % 2 == 0 {
            appendPrice(id: Self.yearlyPriceID(plan), interval: "year", cents: monthlyCents * 10, perSeat: perSeat,
                        metric: metric, unitPrice: unitPrice, to: &text)
        }
        text += "  credit credit_\(Self.padded(plan, 6)) {\n"
        text += "    name \"Included usage\"\n"
        text += "    applies-to \(Self.monthlyPriceID(plan)).comp_usage\n"
        text += "    amount \(1000 * (1 + random.next(below: 50)))\n"
        text += "  }\n}\n"
    }

    private func appendPrice(id: String, interval: String, cents: Int, perSeat: Bool, metric: Int,
                             unitPrice: String, to text: inout String) {
        text += "  price \(id) {\n    interval \(interval)\n"
        if perSeat {
            text += "    component comp_seats { per-seat \(Self.dollars(cents)); min-seats 2 }\n"
        } else {
            text += "    component comp_base { fixed \(Self.dollars(cents)) }\n"
        }
        text += "    component comp_usage { usage \(Self.metricID(metric)); unit-price \(unitPrice) }\n"
        text += "  }\n"
    }

    private func appendTrial(of plan: Int, to text: inout String) {
        text += "\nplan \(Self.planID(plan))_trial {\n"
        text += "  name \"Plan \(plan) trial\"\n"
        text += "  trial-of \(Self.planID(plan))\n"
        text += "  trial-days 14\n"
        // Its own allowance of the usage feature: a trial inherits features, not credits (W0601).
        text += "  credit credit_\(Self.padded(plan, 6))_trial {\n"
        text += "    name \"Trial usage\"\n"
        text += "    applies-to \(Self.usageFeatureID(Self.metric(of: plan)))\n"
        text += "    amount 1000\n"
        text += "    renew never\n"
        text += "  }\n}\n"
    }

    // MARK: - The pricing table and quotes

    private func appendPricingTable(to text: inout String) {
        text += "\npricing-table pricing {\n"
        text += "  name \"Public pricing\"\n"
        text += "  heading \"Plans for every team\"\n"
        // The first plans that are not trials' parents' trials: plans themselves, never trial plans.
        for plan in 1...min(plans, Self.pricingTableRows) {
            if plan == 2 {
                text += "  row \(Self.planID(plan)) {\n    popular\n  }\n"
            } else {
                text += "  row \(Self.planID(plan))\n"
            }
        }
        text += "}\n"
    }

    private func appendQuote(for plan: Int, to text: inout String) {
        var random = SeededRandom(seed: seed, stream: UInt64(plan) | 1 << 40)
        let metric = Self.metric(of: plan)
        text += "\nquote quote_\(Self.padded(plan, 6)) {\n"
        text += "  plan \(Self.planID(plan))\n"
        text += "  customer \"Customer \(plan)\"\n"
        text += "  price price_\(Self.padded(plan, 6))_negotiated {\n"
        text += "    interval year\n"
        text += "    component comp_platform { fixed \(Self.dollars(100_000 + random.next(below: 5_000_000))) }\n"
        text += "    component comp_usage { usage \(Self.metricID(metric)); unit-price 0.0005 }\n"
        text += "  }\n}\n"
    }

    // MARK: - Text

    /// `n` with leading zeros to `width` digits.
    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// An amount in cents as the language writes it: `12`, `12.50`.
    private static func dollars(_ cents: Int) -> String {
        let whole = cents / 100, rest = cents % 100
        return rest == 0 ? String(whole) : "\(whole).\(Self.padded(rest, 2))"
    }
}

/// SplitMix64 on a (seed, stream) pair: each plan draws from its own stream, so a plan's content does not
/// depend on how many plans come before it, and the catalog of N plans is a prefix of the one of N + 1.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64, stream: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ stream &* 0xBF58_476D_1CE4_E5B9
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; the slight bias of a modulo does not matter to a benchmark.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
