extension DiagnosticCode {
    /// Schema: which statements each block holds, and their arguments (LANGUAGE.md §4.2).
    static let schemaExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .unknownStatement: Explanation(
            #"""
            Each block allows a fixed set of statements (LANGUAGE.md section 2, or Docs/Language.md);
            a keyword that is not one of them is reported, with the nearest valid keyword suggested
            when one is close. Keywords are lower case and use `-` between words: `trial-days`, not
            `trial_days` or `trialDays`. Inside a `features` block the statements are feature ids, and
            an id that names no feature is reported as an unknown feature (E0402) instead.
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial_days 14
                }
                """#),
            fix: .init(
                #"use the keyword the suggestion names."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .wrongArgumentCount: Explanation(
            #"""
            Every statement takes a set number of arguments: `plan` takes one id, `name` one string,
            `hidden` none (or `true` / `false`), `popular` none or one string. Too many or too few are
            reported. A common slip is to put the count of a period on the `interval` line; it has a
            statement of its own, `interval-count`.
            """#,
            example: .init(in: .plan, #"""
                price price_pro_quarterly {
                  interval month 3
                  component comp_base { fixed 79 }
                }
                """#),
            fix: .init(
                #"give each statement exactly its arguments."#,
                in: .plan, #"""
                price price_pro_quarterly {
                  interval month
                  interval-count 3
                  component comp_base { fixed 79 }
                }
                """#)),

        .wrongArgumentKind: Explanation(
            #"""
            An argument of the wrong kind: a word where a string is expected, a string where a number
            or an id is expected, a decimal where a whole number is expected. Display text (names,
            descriptions, units, labels, URLs) is always a quoted string; ids, enum values and
            currency codes are bare words; amounts and counts are numbers. A shorthand such as `10k` or
            `2M` is a word, not a number: the help and the fix-it write it out (`10_000`, `2_000_000`).
            """#,
            example: .init(in: .topLevel, #"""
                plan plan_pro_trial {
                  name Pro-trial
                  trial-of plan_pro
                  trial-days "14"
                }
                """#),
            fix: .init(
                #"quote display text, and write numbers without quotes."#,
                in: .topLevel, #"""
                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
                """#)),

        .missingRequiredStatement: Explanation(
            #"""
            Some statements are required in their block: `name` in a metric, feature, plan and credit;
            `type` in a feature; `amount` in a credit; `plan`, `customer` and `price` in a quote. A
            block without one is reported at the statement that owns the block, naming what is
            missing, because Lumen cannot create the object without it.
            """#,
            example: .init(in: .catalog, #"""
                feature advanced-reports {
                  name "Advanced reports"
                }
                """#),
            fix: .init(
                #"add the missing statement."#,
                in: .catalog, #"""
                feature advanced-reports {
                  name "Advanced reports"
                  type boolean
                }
                """#)),

        .repeatedStatement: Explanation(
            #"""
            Statements that are not marked repeatable may appear at most once in their block: a plan
            has one `name`, a price one `interval`, a catalog one `currency`. In a catalog directory
            the top level of every file is one namespace, so a second `catalog` or `currency` in
            another file counts too. The later occurrence is reported, with a note at the earlier one,
            since it is unclear which of the two was meant.
            """#,
            example: .init(in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                  interval year
                }
                """#),
            fix: .init(
                #"keep one. Two billing periods are two prices."#,
                in: .plan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                """#)),

        .unexpectedBlock: Explanation(
            #"""
            A `{ … }` after a statement that takes no block, such as `name`, `interval`, `fixed` or
            `popular`. Only `metric`, `feature`, `plan`, `pricing-table`, `quote`, `features`,
            `price`, `component`, `credit` and `row` have blocks. The block is reported and skipped.
            """#,
            example: .init(in: .price, #"""
                component comp_base {
                  fixed 29 {
                    label "Platform fee"
                  }
                }
                """#),
            fix: .init(
                #"the details of a component are statements of the component's own block."#,
                in: .price, #"""
                component comp_base {
                  fixed 29
                  label "Platform fee"
                }
                """#)),

        .missingBlock: Explanation(
            #"""
            A statement that needs a block has none: `metric`, `feature`, `plan`, `pricing-table`,
            `quote`, `features`, `price`, `component` and `credit` all hold their details in a
            `{ … }` on the same line. (A pricing table's `row` is the exception: its block is
            optional.)
            """#,
            example: .init(in: .secondPlan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base fixed 29
                }
                """#),
            fix: .init(
                #"put the details in a block; on one line, separate statements with `;`."#,
                in: .secondPlan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                """#)),

        .invalidValue: Explanation(
            #"""
            Some statements take one of a fixed set of words: `interval` takes `day`, `week`, `month`
            or `year`; a feature's `type` `boolean`, `number`, `text` or `usage`; `aggregate` `count`,
            `sum`, `max`, `min`, `avg` or `unique-count`; a credit's `renew` `on-billing`, `monthly`,
            `yearly` or `never`; a quote's `effective` `immediately` or `next-billing`; flags and
            `bill-immediately` take `true` or `false`. Any other word is reported, with the nearest
            allowed word suggested. Enum words are exactly these spellings, lower case.
            """#,
            example: .init(in: .secondPlan, #"""
                price price_pro_monthly {
                  interval monthly
                  component comp_base { fixed 29 }
                }
                """#),
            fix: .init(
                #"use one of the allowed words."#,
                in: .secondPlan, #"""
                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                """#)),

        .valueOutOfRange: Explanation(
            #"""
            A number outside the range its statement allows. Counts are whole numbers of at least 1:
            `interval-count`, `min-seats` and `expires-after-days`. A usage credit's `amount` and
            `refill` count units, so they are whole numbers of at least 1 (Lumen's `defaultAmount`);
            a monetary credit of 0 grants nothing, so its amount is more than 0. A trial's length has
            its own check (E0602), and the money rules for amounts have theirs (E0801, E0802, E0804).
            """#,
            example: .init(in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 0
                }
                """#),
            fix: .init(
                #"give a value in range; to include nothing, leave the credit out."#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
                """#)),

        .unsupportedCreditPack: Explanation(
            #"""
            Prepaid top-up credit packs (credits a customer buys in advance, such as "10,000 calls for
            $20") are not supported by Lumen, so a credit written as one, with `type top-up` or
            `type pack`, is refused with this error rather than a generic unknown value. A credit is
            either a `usage` credit (included units) or a `monetary` credit (an allowance of money),
            granted with its plan.
            """#,
            example: .init(in: .plan, #"""
                credit api_pack {
                  name "10,000 extra API calls"
                  type top-up
                  amount 10000
                }
                """#),
            fix: .init(
                #"""
                include the units with the plan as a usage credit that renews, and bill the rest as
                overage at the usage component's unit price.
                """#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
                """#)),
    ]
}
