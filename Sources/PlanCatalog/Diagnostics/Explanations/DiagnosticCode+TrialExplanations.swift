extension DiagnosticCode {
    /// Trials (LANGUAGE.md §4.6).
    static let trialExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .trialOfTrial: Explanation(
            #"""
            `trial-of` must name a plan that is not itself a trial: Lumen links a trial plan to one
            parent and converts the subscription to that parent's price when the trial ends, so trials
            of trials (chains) and plans that are trials of each other, or of themselves (cycles),
            would never reach a paid price.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }

                plan plan_pro_extended_trial {
                  name "Pro extended trial"
                  trial-of plan_pro_trial
                  trial-days 30
                }
                """#),
            fix: .init(
                #"""
                point the trial at the paid plan. A plan has at most one trial, so lengthen that one
                instead of adding another.
                """#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 30
                }
                """#)),

        .trialDaysOutOfRange: Explanation(
            #"""
            `trial-days` is a whole number of days from 1 to 365. A trial of 0 days would convert
            before it started, and one longer than a year is a free plan in disguise.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 0
                }
                """#),
            fix: .init(
                #"give a length between 1 and 365."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .secondTrial: Explanation(
            #"""
            A plan has at most one trial. The pricing table shows a row's trial availability from the
            trial plan whose `trial-of` names the row's plan ("Start free trial", and its number of
            days); with two there is no telling which one a customer starts. The later trial is
            reported, with a note at the earlier one.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }

                plan plan_pro_trial_30 {
                  name "Pro trial (30 days)"
                  trial-of plan_pro
                  trial-days 30
                }
                """#),
            fix: .init(
                #"keep one trial per plan."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 30
                }
                """#)),

        .trialPlanInPricingTable: Explanation(
            #"""
            A trial plan is never a row of a pricing table. Its parent's row offers it: Lumen's
            public table carries the trial's availability and length on the parent plan, and the
            row's button reads "Start free trial". A row of its own would let customers pick a trial
            with no plan to convert to from that page.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }

                pricing-table main {
                  row plan_free
                  row plan_pro
                  row plan_pro_trial
                }
                """#),
            fix: .init(
                #"remove the trial's row; the parent's row shows the trial."#,
                in: .topLevel, #"""
                pricing-table main {
                  row plan_free
                  row plan_pro
                }
                """#)),

        .trialDaysWithoutTrialOf: Explanation(
            #"""
            `trial-days` gives the length of a trial, so it is only allowed on a trial plan, one with
            `trial-of`. On any other plan it would be ignored, which is never what was meant.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  trial-days 14
                }
                """#),
            fix: .init(
                #"declare the trial as a plan of its own, linked to its parent."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .trialOfWithoutTrialDays: Explanation(
            #"""
            A trial plan (one with `trial-of`) must say how long the trial lasts with `trial-days`:
            Lumen needs `trialDays` to schedule the change to the parent plan's price at the trial's
            end.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                }
                """#),
            fix: .init(
                #"add `trial-days`, from 1 to 365."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .trialWithoutAllowance: Explanation(
            #"""
            A trial grants its parent's features (or those its own `features` block lists), but never
            its parent's credits: credits are plan-scoped, and a trial's credits are its own. When the
            parent gives a usage allowance of a metered feature through a usage credit, and the trial
            grants that feature with no credit for it, trial users have an allowance of nothing: the
            app sees the feature granted and 0 units left. This is a warning, because a trial may
            mean to withhold usage; usually the trial's own credit was forgotten.
            """#,
            example: .init(
                #"""
                Pro includes 10,000 API calls a month; its trial grants `api-calls` (inherited
                with Pro's features) but no calls.
                """#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    api-calls
                  }
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                  credit pro_api_quota {
                    name "Included API calls"
                    applies-to api-calls
                    amount 10000
                  }
                }

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#),
            fix: .init(
                #"give the trial a usage credit of its own for the feature, which does not renew."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                  credit trial_api_quota {
                    name "Trial API calls"
                    applies-to api-calls
                    amount 5000
                    renew never
                  }
                }
                """#)),
    ]
}
