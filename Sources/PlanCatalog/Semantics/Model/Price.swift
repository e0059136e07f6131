/// A price of a plan, or the negotiated price of a quote.
///
/// A class, immutable once lowered: the index and every check share one instance instead of copying
/// its fields (Docs/Performance.md).
public final class Price: Sendable {
    public enum Owner: Sendable, Equatable {
        case plan(String)
        case quote(String)
    }

    public let id: Located<String>
    public let owner: Owner
    /// The plan the price belongs to (a quote's price belongs to the quote's plan); nil when unknown.
    public let planID: String?
    /// The price's own `currency` statement.
    public let currency: Located<String>?
    /// The currency the price bills in: its own, else the catalog's; nil when neither is given.
    public let resolvedCurrency: String?
    public let interval: Located<BillingInterval>?
    public let intervalCount: Located<Int>?
    public let components: [PriceComponent]
    public let location: SourceLocation

    init(id: Located<String>, owner: Owner, planID: String?, currency: Located<String>?, resolvedCurrency: String?,
         interval: Located<BillingInterval>?, intervalCount: Located<Int>?, components: [PriceComponent],
         location: SourceLocation) {
        self.id = id
        self.owner = owner
        self.planID = planID
        self.currency = currency
        self.resolvedCurrency = resolvedCurrency
        self.interval = interval
        self.intervalCount = intervalCount
        self.components = components
        self.location = location
    }

    public var isOverride: Bool {
        if case .quote = owner { return true }
        return false
    }

    /// Whether some component bills usage of a metric.
    public var billsUsage: Bool { components.contains { $0.usageMetric != nil } }

    /// Every component is 0: fixed and per-seat amounts and usage unit prices.
    public var chargesNothing: Bool {
        components.allSatisfy(\.chargesNothing)
    }

    /// The common period of all components, or nil when they differ or one has none (LANGUAGE.md §3).
    public var period: BillingPeriod? {
        BillingPeriod.common(of: components.lazy.map(period(of:)))
    }

    /// A component's own period, falling back to the price's (`BillingPeriod.ofComponent`).
    public func period(of component: PriceComponent) -> BillingPeriod? {
        BillingPeriod.ofComponent(interval: component.interval?.value, count: component.intervalCount?.value,
                                  priceInterval: interval?.value, priceCount: intervalCount?.value)
    }
}

public enum BillingInterval: String, Sendable, CaseIterable {
    case day
    case week
    case month
    case year

    /// The RRULE `FREQ` value.
    public var frequency: String {
        switch self {
        case .day: "DAILY"
        case .week: "WEEKLY"
        case .month: "MONTHLY"
        case .year: "YEARLY"
        }
    }
}

/// How often a component bills: an interval and a count (`month` × 3 is quarterly).
public struct BillingPeriod: Hashable, Sendable, CustomStringConvertible {
    public let interval: BillingInterval
    public let count: Int

    public static let monthly = BillingPeriod(interval: .month, count: 1)
    public static let yearly = BillingPeriod(interval: .year, count: 1)

    /// `RRULE:FREQ=MONTHLY;INTERVAL=3`, as catalog.json writes a period; `init?(recurrenceRule:)` reads it.
    public var recurrenceRule: String { "RRULE:FREQ=\(interval.frequency);INTERVAL=\(count)" }

    public var description: String {
        count == 1 ? "every \(interval.rawValue)" : "every \(count) \(interval.rawValue)s"
    }

    /// The period of a component, from the `interval` and `interval-count` written in it and in its price
    /// (LANGUAGE.md §3); nil when neither names an interval. A component that names its own `interval`
    /// has its own period: its count is its own `interval-count` or 1, never the price's (a yearly setup
    /// fee on a quarterly price bills every year, not every three years). One that names only a count
    /// keeps the price's interval.
    ///
    /// The one statement of the rule: the checks and the compiler read a component's period through it,
    /// and import writes the fewest statements that it turns back into the same period.
    public static func ofComponent(interval: BillingInterval?, count: Int?,
                                   priceInterval: BillingInterval?, priceCount: Int?) -> BillingPeriod? {
        if let interval { return BillingPeriod(interval: interval, count: count ?? 1) }
        guard let priceInterval else { return nil }
        return BillingPeriod(interval: priceInterval, count: count ?? priceCount ?? 1)
    }

    /// A price's period: the one all its components share, or nil when they differ, one has none, or
    /// there are none (LANGUAGE.md §3). A pricing-table row shows only a price with a period.
    public static func common(of componentPeriods: some Sequence<BillingPeriod?>) -> BillingPeriod? {
        var common: BillingPeriod?
        for period in componentPeriods {
            guard let period, common == nil || common == period else { return nil }
            common = period
        }
        return common
    }
}

/// Reading a period back from the rule `recurrenceRule` writes (an extension, so that the memberwise
/// initializer stays).
extension BillingPeriod {
    /// The period a recurrence rule names, read only in the exact form `recurrenceRule` writes (a count of
    /// digits, without a leading zero, of at most nine), so that reading and writing again gives the same
    /// text; nil for any other text (`INTERVAL=01` would not write back the same).
    ///
    /// The one reading of a rule: the catalog.json reader takes a component's `recurrence_rule` and a
    /// credit's `refillRrule` through it, and the differ says `per month` of the rules it shows.
    init?(recurrenceRule rule: UnsafeBufferPointer<UInt8>) {
        for (interval, head) in Self.recurrenceRuleHeads where rule.count > head.count && rule.starts(with: head) {
            let count = rule[head.count...]
            guard count.count <= 9, count.first != UInt8(ascii: "0"),
                  count.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
            self.init(interval: interval, count: count.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) })
            return
        }
        return nil
    }

    /// The period of a rule held as a string (a field of a record's `JSONValue`).
    init?(recurrenceRule rule: String) {
        var rule = rule
        guard let period = rule.withUTF8({ BillingPeriod(recurrenceRule: $0) }) else { return nil }
        self = period
    }

    /// `RRULE:FREQ=MONTHLY;INTERVAL=` for each interval: a rule is one of these and a count.
    private static let recurrenceRuleHeads = BillingInterval.allCases.map {
        ($0, Array("RRULE:FREQ=\($0.frequency);INTERVAL=".utf8))
    }
}

/// One component of a price: a fixed fee, a per-seat fee, or metered usage.
///
/// A class, immutable once lowered: the index and every check share one instance instead of copying
/// its fields (Docs/Performance.md).
public final class PriceComponent: Sendable {
    public enum Kind: Sendable {
        case fixed(Located<ExactDecimal>)
        case perSeat(Located<ExactDecimal>)
        case usage(metric: Located<String>)

        public var name: String {
            switch self {
            case .fixed: "fixed"
            case .perSeat: "per-seat"
            case .usage: "usage"
            }
        }
    }

    public let id: Located<String>
    /// Nil when the component has none of `fixed`, `per-seat`, `usage` (already reported).
    public let kind: Kind?
    public let unitPrice: Located<ExactDecimal>?
    public let label: String?
    public let unit: String?
    public let minSeats: Located<Int>?
    public let billImmediately: Located<Bool>?
    public let interval: Located<BillingInterval>?
    public let intervalCount: Located<Int>?
    /// Every `fixed`, `per-seat` and `usage` keyword written in the block, valid or not, in source order:
    /// the money checks report a component with none or several of them.
    public let declaredKinds: [Located<String>]
    /// Whether a `unit-price` statement is written at all (even one already reported as invalid).
    public let hasUnitPriceStatement: Bool
    public let location: SourceLocation

    init(id: Located<String>, kind: Kind?, unitPrice: Located<ExactDecimal>?, label: String?, unit: String?,
         minSeats: Located<Int>?, billImmediately: Located<Bool>?, interval: Located<BillingInterval>?,
         intervalCount: Located<Int>?, declaredKinds: [Located<String>], hasUnitPriceStatement: Bool,
         location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.unitPrice = unitPrice
        self.label = label
        self.unit = unit
        self.minSeats = minSeats
        self.billImmediately = billImmediately
        self.interval = interval
        self.intervalCount = intervalCount
        self.declaredKinds = declaredKinds
        self.hasUnitPriceStatement = hasUnitPriceStatement
        self.location = location
    }

    public var chargesNothing: Bool {
        switch kind {
        case .fixed(let amount), .perSeat(let amount): amount.value.isZero
        case .usage: unitPrice?.value.isZero ?? true
        case nil: true
        }
    }

    public var usageMetric: Located<String>? {
        if case .usage(let metric) = kind { return metric }
        return nil
    }

    public var isPerSeat: Bool {
        if case .perSeat = kind { return true }
        return false
    }
}
