extension DiagnosticCode {
    /// Money: amounts, currencies, prices and components (LANGUAGE.md §4.8).
    static let moneyExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .negativeAmount: Explanation(
            #"""
            Money amounts are never negative: fixed and per-seat amounts, usage unit prices and the
            amounts of monetary credits. Lumen bills components as charges; a discount is a monetary
            credit, which Lumen applies after charges.
            """#,
            example: .init(in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                  component comp_discount { fixed -5 }
                }
                """#),
            fix: .init(
                #"bill the real amount, and give the discount as a monetary credit of the plan."#,
                in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                """#)),

        .tooManyDecimalPlaces: Explanation(
            #"""
            Amounts are exact decimals in the price's currency, in major units, and Lumen stores them
            in minor units (cents). A fixed or per-seat amount, or a monetary credit, may have at most
            as many decimal places as the currency has minor units (USD and EUR 2, JPY 0, KWD 3), so
            it converts to whole minor units without rounding. A usage unit price may go six places
            further (USD: eight decimal places, `0.00000001`), because usage is billed in fractions of
            a cent per unit. plancat refuses rather than rounds: Lumen does not edit prices in place,
            so a rounding noticed after deployment would mean a new price and migrating subscribers.
            """#,
            example: .init(in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29.999 }
                }
                """#),
            fix: .init(
                #"round the amount to the currency's precision yourself, so the price is what you meant."#,
                in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29.99 }
                }
                """#)),

        .unknownCurrency: Explanation(
            #"""
            Currency codes are ISO 4217 codes written in upper case (`USD`, `EUR`, `JPY`), on the
            catalog's `currency`, a price's, a monetary credit's or a pricing table's. A code that is
            not one is reported, with the nearest code suggested; a lower-case code such as `usd`
            suggests its upper-case form. The currency decides how many decimal places amounts may
            have.
            """#,
            example: .init(in: .catalog, #"""
                currency usd
                """#),
            fix: .init(
                #"write the ISO 4217 code in upper case."#,
                in: .catalog, #"""
                currency USD
                """#)),

        .amountTooLarge: Explanation(
            #"""
            Lumen's clients are JavaScript, which reads JSON numbers as binary floating point: whole
            numbers are exact only up to 2^53 − 1 (9,007,199,254,740,991). So an amount, converted to
            minor units, may not exceed that, or a dashboard could show and charge a different amount
            than the catalog says. In USD the limit is $90,071,992,547,409.91. Such an amount is
            nearly always a typo, or a currency mix-up. A number of more than 19 significant digits,
            which plancat does not read at all, is reported with this code too.
            """#,
            example: .init(in: .price, #"""
                component comp_base { fixed 100000000000000 }
                """#),
            fix: .init(
                #"correct the amount."#,
                in: .price, #"""
                component comp_base { fixed 1000 }
                """#)),

        .priceWithoutComponent: Explanation(
            #"""
            A price bills its components, so it needs at least one `component`: a fixed fee, a
            per-seat fee or metered usage. A price with none would charge nothing and mean nothing.
            A free plan has a price with a `fixed 0` component.
            """#,
            example: .init(in: .secondPlan, #"""
                price price_free_monthly {
                  interval month
                }
                """#),
            fix: .init(
                #"add the components the price bills."#,
                in: .secondPlan, #"""
                price price_free_monthly {
                  interval month
                  component comp_base { fixed 0 }
                }
                """#)),

        .duplicatePricePeriod: Explanation(
            #"""
            A plan has at most one price per (currency, interval, interval-count): one USD monthly
            price, one USD yearly price, one EUR monthly price. A pricing table takes a row's monthly
            and yearly amounts from these prices, and checkout must know which price a customer
            subscribing monthly in USD gets. Prices of quotes belong to their quote and are not
            counted. The later price is reported, with a note at the earlier one.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                  price price_pro_seats {
                    interval month
                    component comp_seats { per-seat 10 }
                  }
                }
                """#),
            fix: .init(
                #"one price holds several components; merge them."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                    component comp_seats { per-seat 10 }
                  }
                }
                """#)),

        .componentKindCount: Explanation(
            #"""
            A component holds exactly one of `fixed` (a flat fee), `per-seat` (a fee per seat) and
            `usage` (metered usage of a metric): that is its type, Lumen's `fixed`, `per_unit` or
            `usage`. A component with none has no type; one with two is two components written as
            one, reported at the second type statement with a note at the first.
            """#,
            example: .init(in: .plan, #"""
                price price_team_monthly {
                  interval month
                  component comp_team { fixed 49; per-seat 10 }
                }
                """#),
            fix: .init(
                #"give each charge its own component."#,
                in: .plan, #"""
                price price_team_monthly {
                  interval month
                  component comp_platform { fixed 49 }
                  component comp_seats { per-seat 10 }
                }
                """#)),

        .statementNotAllowedForComponent: Explanation(
            #"""
            Some statements belong to one type only. In a component, `unit-price` belongs to `usage`
            components (the price of one unit of the metric), and `min-seats` and `bill-immediately`
            to `per-seat` components (the seats billed at least, and whether seats added mid-cycle
            are billed at once, prorated). In a credit, `currency` belongs to `monetary` credits: a
            usage credit counts units, not money. On another type Lumen would drop the statement, so
            it is reported rather than ignored.
            """#,
            example: .init(in: .price, #"""
                component comp_base {
                  fixed 29
                  min-seats 3
                }
                """#),
            fix: .init(
                #"remove the statement, or change the component's type."#,
                in: .price, #"""
                component comp_seats {
                  per-seat 10
                  min-seats 3
                }
                """#)),

        .usageWithoutUnitPrice: Explanation(
            #"""
            A usage component bills the metric's usage in the period times its `unit-price`, so it
            needs one. The unit price may be 0 (usage that is measured but not charged) and may be
            below one cent (`unit-price 0.002`).
            """#,
            example: .init(in: .price, #"""
                component comp_usage_api {
                  usage api-calls
                }
                """#),
            fix: .init(
                #"give the price of one unit."#,
                in: .price, #"""
                component comp_usage_api {
                  usage api-calls
                  unit-price 0.002
                }
                """#)),

        .priceWithoutCurrency: Explanation(
            #"""
            Every price is in one currency: its own `currency` statement or, without one, the
            catalog's top-level `currency`. A price with neither cannot be created in Lumen, and its
            amounts have no precision to check against. The same holds for a monetary credit (an
            amount of money) and for a pricing table (which shows the prices of one currency): each
            takes its own `currency`, else the catalog's.
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
                """#),
            fix: .init(
                #"declare the catalog's currency once at the top level (or give the price its own)."#,
                in: .catalog, #"""
                currency USD

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
                """#)),

        .priceWithoutInterval: Explanation(
            #"""
            Every component bills on a period, its recurrence rule (`RRULE:FREQ=MONTHLY;INTERVAL=1`).
            A price's `interval` gives the period of all its components; a component may set its own
            `interval`. The price's `interval` may be left out only when every component sets one, so
            a price where some component has neither is reported.
            """#,
            example: .init(in: .secondPlan, #"""
                price price_pro_monthly {
                  component comp_base { fixed 29 }
                }
                """#),
            fix: .init(
                #"give the price an interval."#,
                in: .secondPlan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                """#)),

        .monetaryCreditNotVisible: Explanation(
            #"""
            Lumen requires monetary credits to be billing-visible: money taken off an invoice must
            show on it as a line. `billing-visible` defaults to `true` for monetary credits; writing
            `false` is an error. (Usage credits applied to a feature are the ones hidden by default.)
            """#,
            example: .init(in: .plan, #"""
                credit welcome_credit {
                  name "Welcome credit"
                  type monetary
                  amount 10
                  billing-visible false
                }
                """#),
            fix: .init(
                #"remove `billing-visible false`."#,
                in: .plan, #"""
                credit welcome_credit {
                  name "Welcome credit"
                  type monetary
                  amount 10
                }
                """#)),

        .totalTooLarge: Explanation(
            #"""
            Each amount must fit in 2^53 − 1 minor units (E0804), and so must the totals that plancat
            derives from them: a pricing page shows a price's fixed and per-seat amounts added up, and an
            app reads a plan's usage credits added up as its allowance. A total above 9007199254740991
            minor units (or units, for usage credits) cannot be read exactly by JavaScript clients.
            """#,
            example: .init(in: .plan, #"""
                price price_huge {
                  interval month
                  component comp_a { fixed 50_000_000_000_000 }
                  component comp_b { fixed 50_000_000_000_000 }
                }
                """#),
            fix: .init(
                #"this is almost always a typo in an amount; correct it."#,
                in: .plan, #"""
                price price_huge {
                  interval month
                  component comp_a { fixed 50_000 }
                  component comp_b { fixed 50_000 }
                }
                """#)),

        .yearlyPriceOutOfProportion: Explanation(
            #"""
            A plan's yearly price is compared with its monthly price in the same currency: fixed fees
            with fixed fees, per-seat fees with per-seat fees (usage is left out, since it bills what
            is used). A yearly price is usually 10 to 12 monthly prices (two months free, or none).
            Above 12 it costs more than paying monthly all year, which is almost always an amount
            typed in cents (`fixed 2900` for $29) or a yearly amount on a price whose `interval` is
            `month`; below 5 it is more than seven months free, usually a monthly amount on the yearly
            price. Amounts are in major units: `fixed 29` is $29. The warning gives both amounts and
            the ratio; a deliberate bargain may stay, since warnings do not fail `plancat check`
            unless `--warnings-as-errors`.
            """#,
            example: .init(
                #"the yearly price typed in cents."#,
                in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                price price_pro_yearly {
                  interval year
                  component comp_base { fixed 29000 }
                }
                """#),
            fix: .init(
                #"write the amount in dollars."#,
                in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                price price_pro_yearly {
                  interval year
                  component comp_base { fixed 290 }
                }
                """#)),

        .creditCurrencyNotBilled: Explanation(
            #"""
            Lumen takes a monetary credit off invoices in the credit's currency only. A monetary credit
            in a currency that none of its plan's prices bill in (a trial's credits are compared with
            its parent's prices) is never used: its customers are never invoiced in that currency.
            The credit's currency is its own `currency`, else the catalog's. Usually the credit's
            `currency` is a slip, or the plan lacks the price in that currency.
            """#,
            example: .init(
                #"a welcome credit in pounds on a plan billed in dollars and euros."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                  price price_pro_monthly_eur {
                    currency EUR
                    interval month
                    component comp_base { fixed 27 }
                  }
                  credit welcome_credit {
                    name "Welcome credit"
                    type monetary
                    currency GBP
                    amount 10
                  }
                }
                """#),
            fix: .init(
                #"give the credit a currency the plan bills in (or add a GBP price)."#,
                in: .plan, #"""
                  credit welcome_credit {
                    name "Welcome credit"
                    type monetary
                    currency USD
                    amount 10
                  }
                """#)),
    ]
}
