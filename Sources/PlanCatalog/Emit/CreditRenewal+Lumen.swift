/// How catalog.json says a credit's `renew` (LANGUAGE.md §2): `on-billing` is `renewOnBilling: true`;
/// `monthly` and `yearly` are a `refillRrule` of their own with `renewOnBilling: false`; `never` is
/// neither. The compiler writes the fields from the renewal and import reads the renewal back from them,
/// both through this one mapping.
extension CreditRenewal {
    /// `renewOnBilling`.
    var renewsOnBilling: Bool { self == .onBilling }

    /// `refillRrule`: the schedule of a refill that does not follow billing.
    var refillPeriod: BillingPeriod? {
        switch self {
        case .monthly: .monthly
        case .yearly: .yearly
        case .onBilling, .never: nil
        }
    }

    /// The renewal whose fields are these; nil for fields no renewal writes (a refill every three months,
    /// or both on billing and on a schedule), which the language cannot say.
    init?(renewsOnBilling: Bool, refillPeriod: BillingPeriod?) {
        guard let renewal = Self.allCases.first(where: {
            $0.renewsOnBilling == renewsOnBilling && $0.refillPeriod == refillPeriod
        }) else { return nil }
        self = renewal
    }
}
