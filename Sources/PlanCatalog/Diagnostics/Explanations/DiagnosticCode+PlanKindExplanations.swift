extension DiagnosticCode {
    /// Free and placeholder plans (LANGUAGE.md §4.5).
    static let planKindExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .monetaryCreditOnFreePlan: Explanation(
            #"""
            A plan is free when it has at least one price and every component of every price is 0
            (fixed and per-seat amounts, and usage unit prices); plancat detects this, as Lumen does.
            A monetary credit is money taken off charges after they are billed (Lumen's credit
            waterfall), and a free plan never charges anything, so a monetary credit on it is a
            mistake: usually the credit belongs on a paid plan, or the free allowance was meant as a
            usage credit.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                  credit welcome_credit {
                    name "Welcome credit"
                    type monetary
                    amount 10
                  }
                }
                """#),
            fix: .init(
                #"give free allowances as usage credits, applied to a feature the plan grants."#,
                in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  features {
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

        .trialParentNotPaid: Explanation(
            #"""
            A trial is its own plan; when it ends, Lumen moves the subscription to the parent plan's
            price by a scheduled change. So the parent named by `trial-of` must have a paid price: a
            parent that is free (every component 0) or a placeholder (no price at all) leaves the
            trial nothing to convert to, and a trial of a free plan gives nothing away anyway.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                }

                plan plan_free_trial {
                  name "Free trial"
                  trial-of plan_free
                  trial-days 14
                }
                """#),
            fix: .init(
                #"make the trial a trial of a paid plan."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .trialPlanCharges: Explanation(
            #"""
            A trial plan charges nothing: it has no price, or only prices whose components are all 0.
            What the customer pays after the trial is the parent plan's price, which Lumen switches
            to at the trial's end; a price on the trial itself would bill during the trial.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                  price price_pro_trial {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
                """#),
            fix: .init(
                #"remove the trial's price; the parent's price applies after the trial."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .unusedPlaceholderPlan: Explanation(
            #"""
            A plan with no price of its own (a quote's price does not count) is a placeholder. That is
            expected in three places: as an `enterprise` row of a pricing table (the tier that routes
            to sales), as the plan of a `quote` (whose negotiated price is applied per customer), and
            as a trial plan (a trial charges nothing). Anywhere else no customer could subscribe to
            it, so it is a warning: usually a price was forgotten, or the plan should be an
            enterprise row. (As an ordinary row of a pricing table it is an error instead: E0905.)
            Warnings do not fail `plancat check` unless `--warnings-as-errors`.
            """#,
            example: .init(
                #"an Enterprise tier that nothing offers."#,
                in: .topLevel, #"""
                plan plan_enterprise {
                  name "Enterprise"
                }

                pricing-table main {
                  row plan_free
                  row plan_pro
                }
                """#),
            fix: .init(
                #"""
                route the tier to sales with an `enterprise` row (or give the plan a price, or a
                quote).
                """#,
                in: .topLevel, #"""
                plan plan_enterprise {
                  name "Enterprise"
                }

                pricing-table main {
                  row plan_free
                  row plan_pro
                  row plan_enterprise { enterprise "https://example.com/contact-sales" }
                }
                """#)),
    ]
}
