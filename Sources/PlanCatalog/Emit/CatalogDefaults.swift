/// What a catalog.json field holds where the source says nothing (LANGUAGE.md §2): the compiler writes
/// these values, and import leaves out a statement whose value is the one the compiler would write.
/// Each default is stated here once, so that the two can never disagree about it.
enum CatalogDefaults {
    /// A per-seat component's `unit_label` without a `unit` statement.
    static let seatUnit = "seat"

    /// A per-seat component's `bill_immediately` without a `bill-immediately` statement.
    static let billsImmediately = true

    /// A `popular` row's `popularText` when it names none.
    static let popularText = "Most popular"

    /// A row's `buttonText` without a `button` statement: "Contact sales" on an enterprise row, which
    /// starts no checkout; "Start free trial" when the row's plan has a trial; else "Get started".
    static func buttonText(isEnterprise: Bool, hasTrial: Bool) -> String {
        isEnterprise ? "Contact sales" : hasTrial ? "Start free trial" : "Get started"
    }

    /// A credit's `billingVisible` without a `billing-visible` statement: true for a monetary credit and
    /// for a usage credit applied to a component, which Lumen shows on the invoice beside what it pays
    /// for; false for a usage credit applied to a feature, which no invoice line bills.
    static func isBillingVisible(isMonetary: Bool, appliesToComponent: Bool) -> Bool {
        isMonetary || appliesToComponent
    }
}
