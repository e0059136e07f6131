/// A plan: what it grants, what it costs, and the credits it includes.
///
/// A class, immutable once lowered: the index and every check share one instance instead of copying
/// its fields (Docs/Performance.md).
public final class Plan: Sendable {
    public let id: Located<String>
    public let name: String
    public let description: String?
    public let isHidden: Bool
    public let trialOf: Located<String>?
    public let trialDays: Located<Int>?
    /// The `features` block, or nil when the plan has none (a trial then grants its parent's features).
    public let grants: [FeatureGrant]?
    public let prices: [Price]
    public let credits: [CreditDefinition]
    /// The `plan` statement's keyword and id, where plan-level problems are reported.
    public let location: SourceLocation

    init(id: Located<String>, name: String, description: String?, isHidden: Bool, trialOf: Located<String>?,
         trialDays: Located<Int>?, grants: [FeatureGrant]?, prices: [Price], credits: [CreditDefinition],
         location: SourceLocation) {
        self.id = id
        self.name = name
        self.description = description
        self.isHidden = isHidden
        self.trialOf = trialOf
        self.trialDays = trialDays
        self.grants = grants
        self.prices = prices
        self.credits = credits
        self.location = location
    }

    public var isTrial: Bool { trialOf != nil }
    /// A plan with no price of its own (quote prices do not count).
    public var isPlaceholder: Bool { prices.isEmpty }
    /// LANGUAGE.md §3: at least one price, and every component of every price is 0.
    public var isFree: Bool { Self.isFree(prices: prices, chargesNothing: \.chargesNothing) }

    /// Whether a plan with these prices of its own is free (LANGUAGE.md §3): it has at least one, and
    /// none charges anything. The one statement of the rule, over any kind of price: the checks and the
    /// compiler apply it to the model's prices, and import to catalog.json's, to refuse an `isFree` the
    /// compiler would not derive.
    static func isFree<PriceRecord>(prices: some Collection<PriceRecord>,
                                    chargesNothing: (PriceRecord) -> Bool) -> Bool {
        !prices.isEmpty && prices.allSatisfy(chargesNothing)
    }

    /// The features the plan grants: its own `features` block, or for a trial without one, its parent's,
    /// the plan `plan(withID:)` finds for `trial-of` (`Plan.grants(own:trialParent:)`).
    func grantedFeatures(planWithID plan: (String) -> Plan?) -> [FeatureGrant] {
        if let grants { return grants }
        let parent = trialOf.flatMap { plan($0.value) }
        return Self.grants(own: nil, trialParent: parent.map { ($0.grants, $0.isTrial) })
    }

    /// What a plan grants (LANGUAGE.md §2): its own `features` block (`own`, nil when it has none); else,
    /// for a trial, what its parent's block grants — nothing when the parent is a trial itself, which the
    /// trial checks refuse — and else nothing.
    ///
    /// The one statement of the rule, over any kind of grant: the checks and the compiler apply it to the
    /// model's plans, and import to catalog.json's, to leave out a trial's block that says no more.
    static func grants<Grant>(own: [Grant]?, trialParent: (grants: [Grant]?, isTrial: Bool)?) -> [Grant] {
        if let own { return own }
        guard let trialParent, !trialParent.isTrial else { return [] }
        return trialParent.grants ?? []
    }
}

/// One line of a plan's `features` block.
///
/// A class, immutable once lowered: the index and every check share one instance instead of copying
/// its fields (Docs/Performance.md).
public final class FeatureGrant: Sendable {
    public let slug: Located<String>
    public let value: Located<GrantValue>?
    public let location: SourceLocation

    init(slug: Located<String>, value: Located<GrantValue>?, location: SourceLocation) {
        self.slug = slug
        self.value = value
        self.location = location
    }
}

/// The value a plan grants a feature with.
public enum GrantValue: Sendable, Equatable {
    case limit(ExactDecimal)
    case unlimited
    case text(String)
    /// A number too long to read exactly (more than 19 significant digits), or malformed (the lexer
    /// reported it): kept as written so that a number feature's limit can be called too large.
    case unreadableNumber(String)
    /// A value of the wrong kind, kept so the check can say what was written.
    case invalid(String)
}
