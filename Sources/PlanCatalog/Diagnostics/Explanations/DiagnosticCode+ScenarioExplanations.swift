extension DiagnosticCode {
    /// Scenarios (PREVIEW.md § 3).
    static let scenarioExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .invalidDate: Explanation(
            #"""
            A scenario's dates (its `start`, and the day of a seat change) are calendar days in UTC,
            written `YYYY-MM-DD`: four digits for the year, two for the month and two for the day. A
            date must name a real day: there is no 30 February and no month 13, and `26-3-1` is not
            of the form. The statement is refused, so what depends on the date is not checked further.
            """#,
            example: .init(in: .topLevel, #"""
                scenario pro_february {
                  price price_pro_monthly
                  start 2026-02-30
                }
                """#),
            fix: .init(
                #"write a day the month has."#,
                in: .topLevel, #"""
                scenario pro_february {
                  price price_pro_monthly
                  start 2026-02-28
                }
                """#)),

        .seatChangeWithoutStart: Explanation(
            #"""
            A seat change `seats N from DATE` takes effect on a day of the billing period previewed,
            and is prorated over the days left in it, so the period must have dates: its first day is
            the scenario's `start`. Without one, the period has no dates and the change cannot be
            placed in it. `start` is optional only while nothing depends on the period's length.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_team {
                  name "Team"
                  price price_team_monthly {
                    interval month
                    component comp_seats { per-seat 12 }
                  }
                }

                scenario acme_march {
                  price price_team_monthly
                  seats 5
                  seats 7 from 2026-03-17
                }
                """#),
            fix: .init(
                #"say which period is previewed."#,
                in: .declarations, #"""
                plan plan_team {
                  name "Team"
                  price price_team_monthly {
                    interval month
                    component comp_seats { per-seat 12 }
                  }
                }

                scenario acme_march {
                  price price_team_monthly
                  start 2026-03-01
                  seats 5
                  seats 7 from 2026-03-17
                }
                """#)),

        .seatChangeOutsidePeriod: Explanation(
            #"""
            A scenario previews one billing period: from `start` to the same day one period of the
            price later, that day not counted. A seat change falls strictly inside it. One on or before
            `start` is the seats held at the start, written `seats N` without a date; one on or after
            the end belongs to the next period, which a scenario starting on that day previews.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_team {
                  name "Team"
                  price price_team_monthly {
                    interval month
                    component comp_seats { per-seat 12 }
                  }
                }

                scenario acme_march {
                  price price_team_monthly
                  start 2026-03-01
                  seats 5
                  seats 7 from 2026-04-01
                }
                """#),
            fix: .init(
                #"date the change inside the period, or preview the next period."#,
                in: .declarations, #"""
                plan plan_team {
                  name "Team"
                  price price_team_monthly {
                    interval month
                    component comp_seats { per-seat 12 }
                  }
                }

                scenario acme_march {
                  price price_team_monthly
                  start 2026-03-01
                  seats 5
                  seats 7 from 2026-03-17
                }
                """#)),

        .seatChangesOutOfOrder: Explanation(
            #"""
            Seat changes are written in the order they happen, one per day: each is dated after the
            one before it. Changes out of order, or two on one day, would leave it unclear how many
            seats the subscription holds on a given day. The later line is reported, with a note at
            the change before it.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_team {
                  name "Team"
                  price price_team_monthly {
                    interval month
                    component comp_seats { per-seat 12 }
                  }
                }

                scenario acme_march {
                  price price_team_monthly
                  start 2026-03-01
                  seats 5
                  seats 9 from 2026-03-20
                  seats 7 from 2026-03-10
                }
                """#),
            fix: .init(
                #"write the changes in date order."#,
                in: .declarations, #"""
                plan plan_team {
                  name "Team"
                  price price_team_monthly {
                    interval month
                    component comp_seats { per-seat 12 }
                  }
                }

                scenario acme_march {
                  price price_team_monthly
                  start 2026-03-01
                  seats 5
                  seats 7 from 2026-03-10
                  seats 9 from 2026-03-20
                }
                """#)),

        .scenarioPriceMixedPeriods: Explanation(
            #"""
            A scenario previews one billing period of its price, and the period is the price's: the
            one all its components share. A price whose components bill on different periods (a
            monthly fee beside a yearly one) has no such period, so it cannot be previewed. The error
            is at the scenario's `price`, with notes at two components that differ.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                    component comp_support { fixed 1200; interval year }
                  }
                }

                scenario pro_month {
                  price price_pro_monthly
                }
                """#),
            fix: .init(
                #"""
                give the yearly fee a yearly price of its own, so that each price bills on one
                period.
                """#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                  price price_pro_support_yearly {
                    interval year
                    component comp_support { fixed 1200 }
                  }
                }

                scenario pro_month {
                  price price_pro_monthly
                }
                """#)),

        .repeatedScenarioUsage: Explanation(
            #"""
            A `usage` line gives a metric's quantity over the whole period, as Lumen aggregates it
            from the period's events, so a scenario gives it once. Two lines for one metric would leave
            it unclear whether they add up or one replaces the other. The later line is reported.
            """#,
            example: .init(in: .topLevel, #"""
                scenario pro_heavy_use {
                  price price_pro_monthly
                  usage api-calls 30000
                  usage api-calls 18213
                }
                """#),
            fix: .init(
                #"write the period's total on one line."#,
                in: .topLevel, #"""
                scenario pro_heavy_use {
                  price price_pro_monthly
                  usage api-calls 48213
                }
                """#)),

        .expectedAmountTooPrecise: Explanation(
            #"""
            Every line of an invoice is rounded to the minor unit of the price's currency (cents for
            USD, none for JPY, thousandths for KWD), and so are its subtotal, credits and total. An
            `expect` amount more precise than that could never be the amount computed.
            """#,
            example: .init(in: .topLevel, #"""
                scenario pro_quiet_month {
                  price price_pro_monthly
                  expect total 29.001
                }
                """#),
            fix: .init(
                #"write the amount as the invoice shows it."#,
                in: .topLevel, #"""
                scenario pro_quiet_month {
                  price price_pro_monthly
                  expect total 29
                }
                """#)),

        .expectationMismatch: Explanation(
            #"""
            `plancat check` computes each scenario's invoice from the catalog, by the billing rules of
            Docs/Preview.md, and compares it with the scenario's `expect` lines, like the assertions of
            a unit test of the pricing. An `expect` that differs is an error at its line, with the amount
            computed. When the pricing changed on purpose, `plancat check --fix` writes the computed
            amounts into the `expect` lines; when it did not, the change is the mistake. Expectations are
            compared only in a catalog without other errors.
            """#,
            example: .init(in: .topLevel, #"""
                scenario pro_busy_month {
                  price price_pro_monthly
                  start 2026-03-01
                  usage api-calls 15000
                  expect total 29
                }
                """#),
            fix: .init(
                #"expect what the invoice comes to: $29 and 15,000 calls at $0.002."#,
                in: .topLevel, #"""
                scenario pro_busy_month {
                  price price_pro_monthly
                  start 2026-03-01
                  usage api-calls 15000
                  expect total 59
                }
                """#)),

        .scenarioNotComputable: Explanation(
            #"""
            An invoice's every line, and its subtotal, must stay within 2^53 − 1 minor units of the
            currency (about 90 trillion dollars), the largest amount a JSON number holds exactly and
            the limit Lumen's amounts keep. A usage quantity or a seat count so large that a line would
            pass it cannot be previewed. The message says which amount.
            """#,
            example: .init(in: .topLevel, #"""
                scenario pro_runaway_client {
                  price price_pro_monthly
                  usage api-calls 9_000_000_000_000_000_000
                }
                """#),
            fix: .init(
                #"preview a quantity a customer could use."#,
                in: .topLevel, #"""
                scenario pro_runaway_client {
                  price price_pro_monthly
                  usage api-calls 4_000_000
                }
                """#)),

        .scenarioUsageNotBilled: Explanation(
            #"""
            A `usage` line for a metric that no usage component of the scenario's price bills adds
            nothing to the invoice. It is a warning, since the line is harmless, but it usually means
            the scenario is on another price than the one meant, or the metric is misnamed.
            """#,
            example: .init(in: .topLevel, #"""
                scenario free_user {
                  price price_free_monthly
                  usage api-calls 800
                }
                """#),
            fix: .init(
                #"preview the price that bills the metric, or remove the line."#,
                in: .topLevel, #"""
                scenario pro_user {
                  price price_pro_monthly
                  usage api-calls 800
                }
                """#)),

        .scenarioSeatsNotBilled: Explanation(
            #"""
            Seats change an invoice only through a per-seat component. On a price without one, a
            `seats` line adds nothing, so it is a warning: the scenario is probably on another price
            than the one meant. It is reported once, at the first `seats` line.
            """#,
            example: .init(in: .topLevel, #"""
                scenario pro_team {
                  price price_pro_monthly
                  seats 5
                }
                """#),
            fix: .init(
                #"remove the `seats` line (or preview a price with a `per-seat` component)."#,
                in: .topLevel, #"""
                scenario pro_team {
                  price price_pro_monthly
                }
                """#)),
    ]
}
