/// pricing-tables/SLUG.json: a pricing table as Lumen's public endpoint returns it, for a pricing page
/// and Lumen's own pricing-table component (OUTPUT.md).
///
/// The file is public, so it is built from what a pricing page shows and nothing else: the rows' plans
/// and their own prices in the table's currency. Quotes, override prices, hidden plans and trial plans
/// never reach it (the checks refuse hidden and trial plans as rows; a trial appears only as the `trial`
/// of its parent's row).
struct PublicPricingTable {
    let table: CatalogDocument.PricingTable
    let document: CatalogDocument

    init(_ table: CatalogDocument.PricingTable, in document: CatalogDocument) {
        self.table = table
        self.document = document
    }

    var jsonValue: JSONValue {
        let lookup = CatalogDocumentIndex(document)
        let rows = table.planConfigs.map { PricingRow($0, in: table, lookup: lookup) }
        // Lumen's component needs a string interval on every plan: an enterprise row takes "month" when
        // any other row has a monthly amount, else "year".
        let enterpriseInterval = rows.contains { !$0.config.isEnterprisePlan && $0.monthlyPrice != nil }
            ? BillingInterval.month.rawValue : BillingInterval.year.rawValue
        return .object([
            .init("pricingTable", .object([
                .init("slug", .string(table.slug)),
                .init("heading", .string(table.heading)),
                .init("subheading", .string(table.subheading)),
                .init("description", .string(table.description)),
                .init("currency", .string(table.currency.lowercased())),
                .init("plans", .array(rows.map { plan($0, enterpriseInterval: enterpriseInterval) })),
            ])),
        ])
    }

    private func plan(_ row: PricingRow, enterpriseInterval: String) -> JSONValue {
        let config = row.config
        let shown = row.shownPrice
        let trial: JSONValue = row.trial.map { trial in
            .object([
                .init("available", .bool(true)),
                .init("days", .number(trial.trialDays)),
                .init("trialPlanId", .string(trial.id)),
            ])
        } ?? .null
        return .object([
            .init("planId", .string(config.planID)),
            .init("title", .string(row.plan?.planName ?? config.planID)),
            .init("description", .string(row.plan?.planDescription)),
            .init("price", .number(shown.map(PricingRow.amount(of:)) ?? ExactDecimal(0))),
            .init("priceMonthly", .number(row.monthlyPrice.map(PricingRow.amount(of:)))),
            .init("priceYearly", .number(row.yearlyPrice.map(PricingRow.amount(of:)))),
            .init("priceId", .string(shown?.id)),
            .init("priceIdMonthly", .string(row.monthlyPrice?.id)),
            .init("priceIdYearly", .string(row.yearlyPrice?.id)),
            .init("interval", .string(row.intervalText ?? enterpriseInterval)),
            .init("minSeats", .number(shown.flatMap(PricingRow.minimumSeats(of:)))),
            .init("currency", .string(table.currency.lowercased())),
            .init("features", .array(config.bullets.map { .object([.init("text", .string($0))]) })),
            .init("buttonText", .string(config.buttonText)),
            .init("buttonOutline", .bool(config.buttonOutline)),
            .init("isPopular", .bool(config.isPopular)),
            .init("popularText", .string(config.popularText)),
            .init("isFree", .bool(row.plan?.isFree ?? false)),
            .init("isEnterprisePlan", .bool(config.isEnterprisePlan)),
            .init("enterpriseRedirectUrl", .string(config.enterpriseRedirectURL)),
            .init("trial", trial),
            .init("pricingData", shown?.pricingData ?? .null),
        ])
    }
}
