extension DiagnosticCode {
    /// Identity: ids unique within their kind, and of a form Lumen accepts (LANGUAGE.md §4.3).
    static let identityExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .duplicateID: Explanation(
            #"""
            Ids are unique within their kind across the whole catalog, every file of a catalog
            directory included: two metrics, two features, two plans, two credits, two pricing tables
            or two quotes may not share an id. Price ids are unique across the catalog too, the prices
            of quotes included: Lumen addresses prices by id (a quote's price override names one), and
            it never edits a price in place, so each price id stands for exactly one price for good.
            Component ids are unique within their price. Different kinds may share an id (a metric and
            a feature both called `api-calls` is fine). The later definition is reported, with a note
            at the earlier one.
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                }

                plan plan_pro {
                  name "Pro (2024)"
                }
                """#),
            fix: .init(
                #"rename one, or merge them."#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                }

                plan plan_pro_2024 {
                  name "Pro (2024)"
                }
                """#)),

        .invalidFeatureSlug: Explanation(
            #"""
            A feature's id is its slug, which apps pass to entitlement checks such as
            `isFeatureEntitled({ feature: "advanced-reports" })`. Lumen accepts slugs of 3 to 50
            characters made of lower-case letters, digits and `-` (`^[a-z0-9-]{3,50}$`), so a feature
            id outside that pattern could never be created there. Underscores, upper case and
            two-letter ids are the usual causes.
            """#,
            example: .init(in: .catalog, #"""
                feature advanced_reports {
                  name "Advanced reports"
                  type boolean
                }
                """#),
            fix: .init(
                #"use lower case and `-`."#,
                in: .catalog, #"""
                feature advanced-reports {
                  name "Advanced reports"
                  type boolean
                }
                """#)),

        .idTooLong: Explanation(
            #"""
            An id is a name people type, read in dashboards and pass to Lumen: `plan_pro`,
            `price_pro_monthly`, `api-calls`. Ids of metrics, plans, prices, components, credits,
            pricing tables and quotes may hold at most 200 bytes (feature slugs have Lumen's own limit
            of 50, E0302). A longer one is almost always generated text or a paste gone wrong, and it
            would make every message, every did-you-mean and every catalog.json record that names it
            enormous. The catalog.json that `diff --against` and `import` read is held to the same
            limit (exit 65).
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pro_for_teams_with_more_than_fifty_seats_billed_yearly_in_euros_… {
                  name "Pro"
                }
                """#),
            fix: .init(
                #"give it a short id, and say the rest in its `name` or `description`."#,
                in: .catalog, #"""
                plan plan_pro_teams_yearly_eur {
                  name "Pro for teams of more than fifty seats, billed yearly in euros"
                }
                """#)),
    ]
}
