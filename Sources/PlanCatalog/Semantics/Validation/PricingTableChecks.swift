/// LANGUAGE.md §4.9: a pricing table shows each plan once, at most one popular row, enterprise rows
/// that link somewhere a customer can reach, and for every other row a plan that has a monthly or yearly
/// price in the table's currency and is not hidden (trial rows are the trial checks' concern).
enum PricingTableChecks {
    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        for (position, table) in index.catalog.pricingTables.enumerated() {
            check(table, rowPlans: index.rowPlans[position], in: index, into: &diagnostics)
        }
    }

    private static func check(_ table: PricingTable, rowPlans: ArraySlice<PlanID?>, in index: CatalogIndex,
                              into diagnostics: inout [Diagnostic]) {
        let slug = table.slug.value
        if table.rows.isEmpty, !index.wasRefused("row", in: table.location) {
            diagnostics.append(Diagnostic(
                .pricingTableWithoutRows, "pricing table `\(slug)` has no rows", at: table.location,
                label: "nothing to show", help: "add a `row PLAN` for each plan to show, in display order"))
        }
        let currency = table.resolvedCurrency(defaultCurrency: index.catalog.defaultCurrency?.value)
        if currency == nil, !index.wasRefused("currency", in: table.location), !index.wasRefused("currency", in: nil) {
            diagnostics.append(Diagnostic(
                .priceWithoutCurrency, "pricing table `\(slug)` has no currency", at: table.location,
                label: "which prices should it show?",
                help: "add `currency USD` to the table, or at the top of the catalog"))
        }
        var firstRow: [String: PricingTableRow] = [:]
        var firstPopular: PricingTableRow?
        for (row, resolvedPlan) in zip(table.rows, rowPlans) {
            let planID = row.planID.value
            if let earlier = firstRow[planID] {
                diagnostics.append(Diagnostic(
                    .duplicateRow, "plan `\(planID)` is already a row of pricing table `\(slug)`",
                    at: row.planID.location, label: "shown again here",
                    notes: [Diagnostic.Note("first shown here", at: earlier.planID.location)],
                    help: "remove one of the rows"))
            } else {
                firstRow[planID] = row
            }
            if let popular = row.popular {
                if let earlier = firstPopular, let earlierBadge = earlier.popular {
                    diagnostics.append(Diagnostic(
                        .secondPopularRow, "pricing table `\(slug)` already has a popular row",
                        at: popular.location, label: "a second `popular`",
                        notes: [Diagnostic.Note("`\(earlier.planID.value)` is marked popular here",
                                                at: earlierBadge.location)],
                        help: "mark one row popular"))
                } else {
                    firstPopular = row
                }
            }
            if let url = row.enterpriseURL, !isContactURL(url.value) {
                diagnostics.append(Diagnostic(
                    .invalidEnterpriseURL, "enterprise link `\(url.value)` is not an `https://` or `mailto:` URL",
                    at: url.location, label: "the Contact sales button opens this link",
                    help: "write `enterprise \"https://example.com/contact\"` or `enterprise \"mailto:sales@example.com\"`"))
            }
            guard let plan = resolvedPlan.map({ index.plans[$0] }) else { continue }
            if plan.isHidden {
                diagnostics.append(Diagnostic(
                    .hiddenPlanInPricingTable, "hidden plan `\(planID)` cannot be a row of a pricing table",
                    at: row.planID.location, label: "this plan is hidden",
                    notes: [Diagnostic.Note("`\(planID)` is defined here", at: plan.location)],
                    help: "remove the row, or remove `hidden` from the plan"))
                continue
            }
            if !row.isEnterprise, !plan.isTrial, let currency, !hasMonthlyOrYearlyPrice(plan, in: currency),
               index.pricesAreKnown(of: plan) {
                diagnostics.append(Diagnostic(
                    .rowWithoutPrice, "plan `\(planID)` has no monthly or yearly price in \(currency)",
                    at: row.planID.location, label: "no amount to show in this row",
                    notes: [Diagnostic.Note("`\(planID)` is defined here", at: plan.location)],
                    help: plan.isPlaceholder
                        ? "a plan without a price is shown as `row \(planID) { enterprise \"https://…\" }`"
                        : "give `\(planID)` a price with `interval month` or `interval year` in \(currency)"))
            }
        }
    }

    private static func hasMonthlyOrYearlyPrice(_ plan: Plan, in currency: String) -> Bool {
        plan.prices.contains { price in
            price.resolvedCurrency == currency && (price.period == .monthly || price.period == .yearly)
        }
    }

    /// `https://` or `mailto:` followed by something.
    static func isContactURL(_ text: String) -> Bool {
        for scheme in ["https://", "mailto:"] where text.hasPrefix(scheme) && text.count > scheme.count {
            return !text.contains(where: \.isWhitespace)
        }
        return false
    }
}
