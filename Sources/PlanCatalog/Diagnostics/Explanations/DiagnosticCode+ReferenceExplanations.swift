extension DiagnosticCode {
    /// References: every id named resolves (LANGUAGE.md §4.4).
    static let referenceExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .unknownMetric: Explanation(
            #"""
            A metric named in a feature's `metric` statement or in a component's `usage` statement must
            be declared with `metric ID { … }` somewhere in the catalog. The nearest declared metric is
            suggested when one is close.
            """#,
            example: .init(in: .price, #"""
                component comp_usage_api {
                  usage api-call
                  unit-price 0.002
                }
                """#),
            fix: .init(
                #"name a declared metric, or declare the one you meant."#,
                in: .price, #"""
                component comp_usage_api {
                  usage api-calls
                  unit-price 0.002
                }
                """#)),

        .unknownFeature: Explanation(
            #"""
            A feature named in a plan's `features` block, or in a credit's `applies-to`, must be
            declared with `feature ID { … }` somewhere in the catalog. The nearest declared feature is
            suggested when one is close.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-report
                  }
                }
                """#),
            fix: .init(
                #"name a declared feature, or declare the one you meant."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                  }
                }
                """#)),

        .unknownPlan: Explanation(
            #"""
            A plan named by a trial's `trial-of`, a pricing table's `row` or a quote's `plan` must be
            declared with `plan ID { … }` somewhere in the catalog. The nearest declared plan is
            suggested when one is close.
            """#,
            example: .init(in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pros { popular }
                }
                """#),
            fix: .init(
                #"name a declared plan."#,
                in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                }
                """#)),

        .unknownPrice: Explanation(
            #"""
            The price part of a `price.component` reference (in a credit's `applies-to`) names no
            price in the catalog. The nearest price is suggested when one is close.
            """#,
            example: .init(in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_montly.comp_usage_api
                  amount 10000
                }
                """#),
            fix: .init(
                #"name a declared price."#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
                """#)),

        .unknownComponent: Explanation(
            #"""
            The component part of a `price.component` reference names no component of that price.
            Component ids are unique only within their price, so the component is looked up in the
            price the reference names; the nearest of its components is suggested when one is close.
            """#,
            example: .init(in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_api_usage
                  amount 10000
                }
                """#),
            fix: .init(
                #"name a component of that price."#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
                """#)),
    ]
}
