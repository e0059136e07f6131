/// A plan: what it grants, what it costs, and the credits it includes.
public struct Plan: Sendable {
    public var id: Located<String>
    public var name: String
    public var description: String?
    public var isHidden: Bool
    public var trialOf: Located<String>?
    public var trialDays: Located<Int>?
    /// The `features` block, or nil when the plan has none (a trial then grants its parent's features).
    public var grants: [FeatureGrant]?
    public var prices: [Price]
    public var credits: [CreditDefinition]
    /// The `plan` statement's keyword and id, where plan-level problems are reported.
    public var location: SourceLocation

    public var isTrial: Bool { trialOf != nil }
    /// A plan with no price of its own (quote prices do not count).
    public var isPlaceholder: Bool { prices.isEmpty }
    /// LANGUAGE.md §3: at least one price, and every component of every price is 0.
    public var isFree: Bool { !prices.isEmpty && prices.allSatisfy(\.chargesNothing) }
}

/// One line of a plan's `features` block.
public struct FeatureGrant: Sendable {
    public var slug: Located<String>
    public var value: Located<GrantValue>?
    public var location: SourceLocation
}

/// The value a plan grants a feature with.
public enum GrantValue: Sendable, Equatable {
    case limit(ExactDecimal)
    case unlimited
    case text(String)
    /// A value of the wrong kind, kept so the check can say what was written.
    case invalid(String)
}
