/// A plan-scoped credit definition: an included quota (usage) or an allowance of money (monetary).
///
/// A class, immutable once lowered: the index and every check share one instance instead of copying
/// its fields (Docs/Performance.md).
public final class CreditDefinition: Sendable {
    public let id: Located<String>
    public let planID: String
    public let name: String
    public let type: Located<CreditType>?
    public let appliesTo: Located<CreditTarget>?
    public let amount: Located<ExactDecimal>?
    public let refill: Located<ExactDecimal>?
    public let renewal: CreditRenewal
    public let expiresAfterDays: Located<Int>?
    public let billingVisible: Located<Bool>?
    public let billingDescription: String?
    public let currency: Located<String>?

    /// Whether a `type` statement is written but was refused (already reported): checks that depend on
    /// the type then stay silent rather than guess.
    public let hasRefusedType: Bool
    public let location: SourceLocation

    init(id: Located<String>, planID: String, name: String, type: Located<CreditType>?,
         appliesTo: Located<CreditTarget>?, amount: Located<ExactDecimal>?, refill: Located<ExactDecimal>?,
         renewal: CreditRenewal, expiresAfterDays: Located<Int>?, billingVisible: Located<Bool>?,
         billingDescription: String?, currency: Located<String>?, hasRefusedType: Bool, location: SourceLocation) {
        self.id = id
        self.planID = planID
        self.name = name
        self.type = type
        self.appliesTo = appliesTo
        self.amount = amount
        self.refill = refill
        self.renewal = renewal
        self.expiresAfterDays = expiresAfterDays
        self.billingVisible = billingVisible
        self.billingDescription = billingDescription
        self.currency = currency
        self.hasRefusedType = hasRefusedType
        self.location = location
    }

    public var applicationType: CreditType { type?.value ?? .usage }

    /// The currency a monetary credit is in: its own, else the catalog's (`Currency.resolvedCode`).
    func resolvedCurrency(defaultCurrency: String?) -> String? {
        Currency.resolvedCode(own: currency?.value, catalogDefault: defaultCurrency)
    }
}

public enum CreditType: String, Sendable, CaseIterable {
    case usage
    case monetary
}

/// What a usage credit is applied to.
public enum CreditTarget: Sendable, Equatable {
    case component(price: String, component: String)
    case feature(String)
}

public enum CreditRenewal: String, Sendable, CaseIterable {
    case onBilling = "on-billing"
    case monthly
    case yearly
    case never
}
