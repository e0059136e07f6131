/// A plan-scoped credit definition: an included quota (usage) or an allowance of money (monetary).
public struct CreditDefinition: Sendable {
    public var id: Located<String>
    public var planID: String
    public var name: String
    public var type: Located<CreditType>?
    public var appliesTo: Located<CreditTarget>?
    public var amount: Located<ExactDecimal>?
    public var refill: Located<ExactDecimal>?
    public var renewal: CreditRenewal
    public var expiresAfterDays: Located<Int>?
    public var billingVisible: Located<Bool>?
    public var billingDescription: String?
    public var currency: Located<String>?

    /// Whether a `type` statement is written but was refused (already reported): checks that depend on
    /// the type then stay silent rather than guess.
    public var hasRefusedType: Bool
    public var location: SourceLocation

    public var applicationType: CreditType { type?.value ?? .usage }
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
