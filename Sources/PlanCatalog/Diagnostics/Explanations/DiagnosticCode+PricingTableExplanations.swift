extension DiagnosticCode {
    /// Pricing tables (LANGUAGE.md §4.9).
    static let pricingTableExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .pricingTableWithoutRows: Explanation(
            #"""
            A pricing table shows plans, one `row` per plan, in display order; a table without rows
            would publish an empty pricing page.
            """#,
            example: .init(in: .topLevel, #"""
                pricing-table main {
                  heading "Pricing"
                }
                """#),
            fix: .init(
                #"add the plans it shows."#,
                in: .topLevel, #"""
                pricing-table main {
                  heading "Pricing"
                  row plan_free
                  row plan_pro { popular }
                }
                """#)),

        .duplicateRow: Explanation(
            #"""
            A plan appears at most once in a pricing table: each row is a column of the table, and
            Lumen configures a table per plan (`planConfigs` by `planId`). The later row is reported,
            with a note at the earlier one.
            """#,
            example: .init(in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                  row plan_pro
                }
                """#),
            fix: .init(
                #"remove the repeated row."#,
                in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                }
                """#)),

        .secondPopularRow: Explanation(
            #"""
            At most one row of a pricing table is marked `popular`: the badge points a customer to one
            plan, and two badges point nowhere. The later `popular` is reported, with a note at the
            earlier one.
            """#,
            example: .init(in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                  row plan_business { popular "Best value" }
                }
                """#),
            fix: .init(
                #"keep one `popular`."#,
                in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                  row plan_business
                }
                """#)),

        .invalidEnterpriseURL: Explanation(
            #"""
            An `enterprise` row's button says "Contact sales" and opens the row's URL instead of
            starting checkout, so the URL must be a web page (`https://…`) or an email address
            (`mailto:…`). Plain `http://`, a relative path or a bare address would send buyers to a
            broken or insecure link.
            """#,
            example: .init(in: .pricingTable, #"""
                row plan_enterprise { enterprise "sales@example.com" }
                """#),
            fix: .init(
                #"write a full `https://` or `mailto:` URL."#,
                in: .pricingTable, #"""
                row plan_enterprise { enterprise "mailto:sales@example.com" }
                """#)),

        .rowWithoutPrice: Explanation(
            #"""
            Every row that is not an `enterprise` row shows an amount, and Lumen's pricing table takes
            it from the plan's monthly or yearly price: a price whose period is exactly one month or
            one year, in the table's currency (its `currency`, else the catalog's). A plan with
            neither, such as one priced only in another currency, quarterly, or not at all, has no
            amount to show. Prices of quotes never count.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_eur {
                    currency EUR
                    interval month
                    component comp_base { fixed 27 }
                  }
                }

                pricing-table main {
                  currency USD
                  row plan_pro
                }
                """#),
            fix: .init(
                #"""
                give the plan a monthly or yearly price in the table's currency, or show the
                table in the currency the plan is priced in.
                """#,
                in: .topLevel, #"""
                pricing-table main-eu {
                  currency EUR
                  row plan_pro
                }
                """#)),

        .hiddenPlanInPricingTable: Explanation(
            #"""
            A `hidden` plan is not visible in pricing tables (Lumen sets
            `isVisibleInPricingTable: false`): it is kept for existing subscribers, or for sales to
            assign by hand. Making it a row contradicts that, so one of the two is a mistake.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_2023 {
                  name "Pro (2023)"
                  hidden
                  price price_pro_2023_monthly {
                    interval month
                    component comp_base { fixed 19 }
                  }
                }

                pricing-table main {
                  row plan_pro_2023
                }
                """#),
            fix: .init(
                #"remove the row (or the `hidden` flag)."#,
                in: .topLevel, #"""
                pricing-table main {
                  row plan_pro
                }
                """#)),
    ]
}
