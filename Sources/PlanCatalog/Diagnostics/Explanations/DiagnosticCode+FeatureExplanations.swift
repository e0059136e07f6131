extension DiagnosticCode {
    /// Features, metrics and the credits that allow them (LANGUAGE.md §4.7).
    static let featureExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .usageFeatureWithoutMetric: Explanation(
            #"""
            A `usage` feature is metered: its usage is the events of its metrics, and its allowance
            comes from credits. Without at least one `metric` it would measure nothing, and an
            entitlement check could never see any usage.
            """#,
            example: .init(in: .declarations, #"""
                feature api-calls {
                  name "API calls"
                  type usage
                }
                """#),
            fix: .init(
                #"name the metric the feature measures."#,
                in: .declarations, #"""
                feature api-calls {
                  name "API calls"
                  type usage
                  metric api-calls
                }
                """#)),

        .metricOnNonUsageFeature: Explanation(
            #"""
            Only `usage` features measure metrics. A `boolean`, `number` or `text` feature is a value
            that a plan grants (on, a limit, a text); a `metric` on it would link events to a feature
            whose entitlement never looks at them. Either the metric statement is a leftover, or the
            feature is meant to be metered.
            """#,
            example: .init(in: .catalog, #"""
                feature team-members {
                  name "Team members"
                  type number
                  metric api-calls
                }
                """#),
            fix: .init(
                #"remove the metric, or make the feature a `usage` feature."#,
                in: .catalog, #"""
                feature team-members {
                  name "Team members"
                  type number
                }
                """#)),

        .usageComponentWithoutFeature: Explanation(
            #"""
            A plan that bills a usage component on a metric must also grant a feature linked to that
            metric: a `usage` feature whose `metric` statements include it, listed in the plan's
            `features` block (a trial without a `features` block grants its parent's features). The
            app checks usage through entitlements by feature slug, so without such a feature it
            cannot gate or show the usage it is billing for, and included credits cannot be reported
            to it.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                  }
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                    component comp_usage_api { usage api-calls; unit-price 0.002 }
                  }
                }
                """#),
            fix: .init(
                #"grant the usage feature that measures the metric."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                    api-calls
                  }
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                    component comp_usage_api { usage api-calls; unit-price 0.002 }
                  }
                }
                """#)),

        .creditComponentNotUsage: Explanation(
            #"""
            A usage credit applied to a component (`applies-to price.component`) is a quota of units
            taken off that component's metered usage before overage is billed. So the component must
            be a `usage` component, of a price of the same plan as the credit; a fixed or per-seat
            component has no units to include, and a price of another plan (or of a quote) is not
            billed to this plan's subscribers.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                  credit included_api_quota {
                    name "Included API Quota"
                    applies-to price_pro_monthly.comp_base
                    amount 10000
                  }
                }
                """#),
            fix: .init(
                #"apply the credit to a usage component of the plan (or to a usage feature it grants)."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    api-calls
                  }
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                    component comp_usage_api { usage api-calls; unit-price 0.002 }
                  }
                  credit included_api_quota {
                    name "Included API Quota"
                    applies-to price_pro_monthly.comp_usage_api
                    amount 10000
                  }
                }
                """#)),

        .creditFeatureNotGranted: Explanation(
            #"""
            A usage credit applied to a feature (`applies-to FEATURE`) is an allowance of that
            feature, checked by entitlements. The feature must be a `usage` or `number` feature that
            the same plan grants: a boolean or text feature has no quantity to allow, and a feature
            the plan does not grant is not entitled at all, whatever its credits.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  features {
                    team-members 3
                  }
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                  credit free_api_quota {
                    name "Free API Quota"
                    applies-to api-calls
                    amount 1000
                  }
                }
                """#),
            fix: .init(
                #"grant the feature in the plan's `features` block."#,
                in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  features {
                    team-members 3
                    api-calls
                  }
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                  credit free_api_quota {
                    name "Free API Quota"
                    applies-to api-calls
                    amount 1000
                  }
                }
                """#)),

        .featureValueMismatch: Explanation(
            #"""
            In a plan's `features` block the value after a feature id depends on the feature's type.
            A `number` feature needs a limit: a non-negative number (`team-members 10`,
            `storage-gb 0.5`, `0` included) or `unlimited`. A `text` feature needs a string
            (`support "Priority email"`). A `boolean` feature takes no value: listing it grants it,
            and to withhold it you leave it out. A `usage` feature takes no value either: its
            allowance comes from credits.
            """#,
            example: .init(in: .secondPlan, #"""
                features {
                  advanced-reports false
                  team-members
                  support Priority
                }
                """#),
            fix: .init(
                #"give each feature the value its type needs, and leave out what is not granted."#,
                in: .secondPlan, #"""
                features {
                  team-members 10
                  support "Priority email"
                }
                """#)),

        .appliesToMissing: Explanation(
            #"""
            A usage credit (the default credit type) includes units of something, so it must say of
            what with `applies-to`: a usage component of one of the plan's prices
            (`price.component`, shown on the invoice) or a usage or number feature the plan grants
            (checked by entitlements).
            """#,
            example: .init(in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  amount 10000
                }
                """#),
            fix: .init(
                #"say what the credit applies to."#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
                """#)),

        .appliesToOnMonetaryCredit: Explanation(
            #"""
            A monetary credit is an amount of money taken off the whole invoice after charges (Lumen's
            credit waterfall); it is not tied to a component or a feature, so `applies-to` is refused
            on it. Either the credit is meant as a usage credit, or `applies-to` is a leftover.
            """#,
            example: .init(in: .plan, #"""
                credit launch_discount {
                  name "Launch discount"
                  type monetary
                  applies-to price_pro_monthly.comp_base
                  amount 10
                }
                """#),
            fix: .init(
                #"remove `applies-to` (or make the credit a usage credit)."#,
                in: .plan, #"""
                credit launch_discount {
                  name "Launch discount"
                  type monetary
                  amount 10
                }
                """#)),

        .featureLimitTooLarge: Explanation(
            #"""
            A number feature's limit is written to catalog.json as its `featureValue`, and Lumen's
            clients are JavaScript, which reads JSON numbers exactly only up to 2^53 − 1
            (9,007,199,254,740,991). A larger limit would be read as a different number, and plancat's
            own `diff` and `import` refuse such a catalog.json, so it is refused here first, by the same
            bound. A limit that large is never a real limit: it stands for "no limit", which is written
            `unlimited`. A number of more than 19 significant digits is reported with this code too.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    messages 100_000_000_000_000_000
                  }
                }
                """#),
            fix: .init(
                #"write `unlimited`."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    messages unlimited
                  }
                }
                """#)),
    ]
}
