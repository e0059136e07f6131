/// The long explanations behind `plancat explain CODE`, and the body of Docs/Diagnostics.md.
///
/// Each one says what the check is and why it exists, then shows source that triggers it after a line
/// `Example:` and the corrected source after a line starting `Fix:`. Source lines are indented by four
/// spaces, so the text reads well in a terminal and the documentation generator can fence them.
/// The text is plain, wrapped at 100 columns, and says exactly what LANGUAGE.md says the check does:
/// a change of meaning here is a change of the language's contract.
extension DiagnosticCode {
    public var explanation: String {
        switch self {
        // MARK: Syntax

        case .unterminatedString:
            #"""
            A string starts with `"` and ends with `"` on the same line. Strings hold no raw line
            breaks, so that a newline can always end a statement and one forgotten quote cannot swallow
            the rest of the file. The string is reported from its opening quote to the end of the line,
            and checking goes on with the next line.

            Example:

                plan plan_pro {
                  name "Pro
                }

            Fix: close the string on its own line. Write a line break inside a string as `\n`.

                plan plan_pro {
                  name "Pro"
                }
            """#

        case .invalidEscape:
            #"""
            Inside a string a backslash starts an escape, and only five exist: `\"` (a quote), `\\` (a
            backslash), `\n` (a line break), `\t` (a tab) and `\u{…}` (one to six hex digits naming a
            Unicode scalar, such as `\u{1F600}`). Anything else after a backslash is reported at the
            escape, so that a Windows path or a regular expression pasted into a description is not
            silently changed. A backslash at the very end of a line is reported too: strings cannot
            continue on the next line.

            Example:

                feature sso {
                  name "Single sign-on"
                  type boolean
                  description "SAML 2.0 \& OIDC"
                }

            Fix: drop the backslash, or double it to keep a literal backslash.

                feature sso {
                  name "Single sign-on"
                  type boolean
                  description "SAML 2.0 & OIDC"
                }
            """#

        case .unexpectedCharacter:
            #"""
            A character that cannot start any token: the language has words, numbers, strings in double
            quotes, `{`, `}`, `;`, `.` between the two parts of a reference, and comments after `#`.
            The usual culprits come from other formats: `:` or `=` between a key and its value, single
            quotes, typographic quotes pasted from a document, and `//` comments. Control characters
            (other than a tab) inside a string are reported with this code as well. The character is
            reported where it stands, and the rest of the line is still read. Two slips from pricing
            pages get a hint: a currency symbol before an amount (`fixed $290`: the price's `currency`
            says which money it is, so write `fixed 290`; the fix-it removes the symbol), and a percent
            sign (`amount 20%`: percentage discounts are not modelled, see "What plancat does not
            model" in Docs/Language.md).

            Example:

                plan plan_pro {
                  name: 'Pro'   // the self-serve plan
                }

            Fix: a statement's arguments follow its keyword after a space; strings use straight double
            quotes; comments start with `#`.

                plan plan_pro {
                  name "Pro"   # the self-serve plan
                }
            """#

        case .unclosedBrace:
            #"""
            A block opened with `{` is never closed. The problem is reported at that `{`, because the
            place where the `}` went missing cannot be known for sure. Which `{` lacks its `}` is decided
            for the whole file, braces first and indentation second: the braces fix how many blocks are
            unclosed, and of the blocks they allow to be, the one is chosen on which braces and
            indentation agree. A block whose `}` stands under its statement keeps it, even when its body
            is not indented; a block whose `}` is missing is taken to end where a later line comes back to
            the indentation of its statement (a top-level statement at column 1, say), or at a `}` indented
            like an enclosing block's statement. So one forgotten brace gives one error, at its own
            block, and the rest of the file is checked as usual. What such a block lacks (a required
            statement, a price) is not reported: where it ends is a guess.

            Example:

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                }

            Fix: add the missing `}` where the block ends.

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
            """#

        case .unmatchedClosingBrace:
            #"""
            A `}` that closes nothing: there is no open block at this point. It is usually left over
            after a block was moved or deleted, or a block was closed twice. The brace is reported and
            skipped.

            Example:

                plan plan_free {
                  name "Free"
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                }
                }

            Fix: delete the extra `}`, or add the `{` it was meant to close.

                plan plan_free {
                  name "Free"
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                }
            """#

        case .malformedNumber:
            #"""
            Numbers are exact decimals: an optional `-`, digits, and optionally a `.` followed by more
            digits. Underscores may group digits, but only between two digits (`10_000`, not `10_`,
            `1__0` or `_1`). A decimal point needs digits on both sides, a number has at most one of
            them, and a number holds no letters: a run such as `-5x` or `1.2.3` is reported as a whole.
            (A run that starts with a digit and holds a letter or `-`, such as `24x7-support`, is a
            word, not a number.) Digits grouped with commas (`1,000`) and shorthands with a fraction
            (`1.5k`) are reported as one malformed number, with the number to write instead (`1_000`,
            `1_500`) as a fix-it.

            Example:

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10_000_
                }

            Fix: keep underscores between digits, or leave them out.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10_000
                }
            """#

        case .braceOnOwnLine:
            #"""
            A block's `{` stands on the same line as its statement (`plan plan_pro {`). A newline ends a
            statement, so a `{` on a line of its own would otherwise be read as a new statement; the
            rule keeps the grammar free of exceptions. The brace is reported with a fix-it that moves
            it up, and the block is still read as belonging to the statement above, so nothing inside
            it is lost.

            Example:

                plan plan_pro
                {
                  name "Pro"
                }

            Fix: move the `{` to the end of the statement's line.

                plan plan_pro {
                  name "Pro"
                }
            """#

        case .invalidUTF8:
            #"""
            Catalogs are UTF-8 text (a byte order mark is ignored and CRLF line ends are accepted). A
            byte that is not part of a valid UTF-8 sequence is reported at its offset, and the lexer
            goes on after it. It nearly always means the file was saved in a legacy encoding such as
            Latin-1 or Windows-1252 by an editor or a spreadsheet export.

            Example: a file saved as Windows-1252, where `é` is the single byte 0xE9.

                plan plan_cafe {
                  name "Café"
                }

            Fix: save the file as UTF-8 (here `é` becomes the two bytes 0xC3 0xA9); the text does not
            change.

                plan plan_cafe {
                  name "Café"
                }
            """#

        case .expectedStatement:
            #"""
            Every statement starts with a word: a keyword such as `plan`, or inside a `features` block
            a feature id. A string, a number, a lone `.` or a `{` where a statement should begin is
            reported, and the parser skips to the end of that statement. Quoting a feature id is the
            most common cause: ids are words, never strings.

            Example:

                plan plan_pro {
                  name "Pro"
                  features {
                    "advanced-reports"
                  }
                }

            Fix: write the id as a bare word.

                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                  }
                }
            """#

        case .expectedEndOfStatement:
            #"""
            A statement is a keyword, its arguments (words, strings, numbers and references), an
            optional block, and then its end: a newline, a `;`, or the `}` of the enclosing block.
            Something else at that point is reported, and the rest of the statement is skipped. It
            happens when two statements share a line without a `;`, or when a reference is written
            with a space around its `.`.

            Example:

                price price_team_monthly {
                  interval month
                  component comp_base { fixed 29 } component comp_seats { per-seat 10 }
                }

            Fix: put each statement on its own line, or separate them with `;`.

                price price_team_monthly {
                  interval month
                  component comp_base { fixed 29 }
                  component comp_seats { per-seat 10 }
                }
            """#

        case .malformedReference:
            #"""
            A reference names a component of a price as `price.component`, written with no spaces: a
            word, a `.`, and a word right after it. A `.` with nothing after it (or with a space after
            it) is reported. References appear in a credit's `applies-to`.

            Example:

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.
                  amount 10000
                }

            Fix: name the component right after the `.`.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
            """#

        case .nestingTooDeep:
            #"""
            Blocks may nest at most 32 deep. The language itself never needs more than three levels
            (`plan` › `price` › `component`), so this only happens with generated or corrupted input;
            the limit keeps such input from exhausting the compiler's stack. The too-deep block is
            reported at its `{` and skipped as a whole.

            Example: a generator that opens a block per item instead of a statement per item.

                plan plan_pro { features { a { b { c { d { e { … 30 more levels … } } } } } } }

            Fix: write one statement per line inside one block, as the schema describes.

                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                    team-members 10
                  }
                }
            """#

        case .fileTooLarge:
            #"""
            A `.plancat` file may hold at most 128 MiB. A catalog of 100,000 plans is about 50 MB,
            so a larger file is almost always something else given the `.plancat` name (a log, a
            database dump, `/dev/zero`). plancat reads one byte past the limit and stops, so even an
            endless file costs no more than that; the file is reported at its start and not checked.

            Example: a generated catalog of every customer's quote, written as one file.

                # quotes.plancat, 300 MB
                quote quote_acme { … }
                … two million more quotes …

            Fix: split it into a catalog directory, whose files are merged into one catalog.

                # catalog.plancat
                catalog "Acme"
                # quotes-2025.plancat, quotes-2026.plancat, … each well under 128 MiB
            """#

        case .lineTooLong:
            #"""
            A line may hold at most 65,536 bytes (64 KiB), not counting its line end. No real catalog
            comes near it; a longer line is generated or pasted by mistake. The bytes past the limit
            are pointed at, and the line is still checked: its other problems are reported too, each
            quoting at most 64 characters of it, and source lines are shown clipped.

            Example: a description pasted as one very long string.

                plan plan_pro {
                  description "… 70,000 characters of marketing copy …"
                }

            Fix: keep long texts out of the catalog, or shorten them; a string cannot span lines,
            but `\n` in it is a line break.

                plan plan_pro {
                  description "Everything a growing team needs."
                }
            """#

        case .numberTooLong:
            #"""
            A number may have at most 40 digits, leading and trailing zeros included. No amount needs
            more: the largest amount plancat accepts has 16 digits in minor units (2^53 − 1), and a
            unit price a few more after its point. The message quotes only the number's first digits.

            Example:

                component comp_base { fixed 0000000000000000000000000000000000000000029 }

            Fix: write the number without padding.

                component comp_base { fixed 29 }
            """#

        case .tooManyProblems:
            #"""
            One check reports at most 1,000 problems; past that, the rest are counted and one last
            diagnostic says how many were left out. A file of binary data or of a million stray
            characters is one problem repeated, and reporting each copy would only flood the CI log
            and the memory. The same limit applies within each file while it is lexed and parsed.

            Example: a file that is not a catalog, such as a compiled binary renamed `.plancat`.

                }}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}… (a million)

            Fix: fix the problems shown, or remove the file that is not a catalog, and check again.

                plan plan_pro {
                  name "Pro"
                }
            """#

        case .tooManyWarnings:
            #"""
            One check reports at most 1,000 problems, errors first. When all the errors fit and
            only warnings are left out, this warning says how many; being a warning, it fails a run
            only with `--warnings-as-errors`, like the warnings it stands for (E0116 is its
            counterpart when errors are left out).

            Example: a generated catalog with thousands of placeholder plans (W0501).

                plan plan_0001 { name "Plan 1" }
                plan plan_0002 { name "Plan 2" }
                … 1,500 more …

            Fix: give the plans prices, or remove them, and check again.

                plan plan_0001 {
                  name "Plan 1"
                  price price_0001 {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
            """#

        case .nonASCIIWord:
            #"""
            Keywords, ids and enum values are words of ASCII letters, digits, `_` and `-`
            (LANGUAGE.md §1): ids become slugs, URLs and keys in Lumen, and an accented letter that
            looks like its plain twin would make two ids that read alike and differ. A word with a
            letter outside ASCII is reported once, as a whole, with its spelling without accents when
            it has one; checking goes on with the word as written, so its other uses are not reported
            again. Names shown to customers may use any letter: they are strings.

            Example:

                plan plan_pró {
                  name "Pro"
                }

            Fix: spell the id in ASCII, and put the accented name in a string.

                plan plan_pro {
                  name "Pró"
                }
            """#

        // MARK: Schema

        case .unknownStatement:
            #"""
            Each block allows a fixed set of statements (LANGUAGE.md section 2, or Docs/Language.md);
            a keyword that is not one of them is reported, with the nearest valid keyword suggested
            when one is close. Keywords are lower case and use `-` between words: `trial-days`, not
            `trial_days` or `trialDays`. Inside a `features` block the statements are feature ids, and
            an id that names no feature is reported as an unknown feature (E0402) instead.

            Example:

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial_days 14
                }

            Fix: use the keyword the suggestion names.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .wrongArgumentCount:
            #"""
            Every statement takes a set number of arguments: `plan` takes one id, `name` one string,
            `hidden` none (or `true` / `false`), `popular` none or one string. Too many or too few are
            reported. A common slip is to put the count of a period on the `interval` line; it has a
            statement of its own, `interval-count`.

            Example:

                price price_pro_quarterly {
                  interval month 3
                  component comp_base { fixed 79 }
                }

            Fix: give each statement exactly its arguments.

                price price_pro_quarterly {
                  interval month
                  interval-count 3
                  component comp_base { fixed 79 }
                }
            """#

        case .wrongArgumentKind:
            #"""
            An argument of the wrong kind: a word where a string is expected, a string where a number
            or an id is expected, a decimal where a whole number is expected. Display text (names,
            descriptions, units, labels, URLs) is always a quoted string; ids, enum values and
            currency codes are bare words; amounts and counts are numbers. A shorthand such as `10k` or
            `2M` is a word, not a number: the help and the fix-it write it out (`10_000`, `2_000_000`).

            Example:

                plan plan_pro_trial {
                  name Pro-trial
                  trial-of plan_pro
                  trial-days "14"
                }

            Fix: quote display text, and write numbers without quotes.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .missingRequiredStatement:
            #"""
            Some statements are required in their block: `name` in a metric, feature, plan and credit;
            `type` in a feature; `amount` in a credit; `plan`, `customer` and `price` in a quote. A
            block without one is reported at the statement that owns the block, naming what is
            missing, because Lumen cannot create the object without it.

            Example:

                feature advanced-reports {
                  name "Advanced reports"
                }

            Fix: add the missing statement.

                feature advanced-reports {
                  name "Advanced reports"
                  type boolean
                }
            """#

        case .repeatedStatement:
            #"""
            Statements that are not marked repeatable may appear at most once in their block: a plan
            has one `name`, a price one `interval`, a catalog one `currency`. In a catalog directory
            the top level of every file is one namespace, so a second `catalog` or `currency` in
            another file counts too. The later occurrence is reported, with a note at the earlier one,
            since it is unclear which of the two was meant.

            Example:

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                  interval year
                }

            Fix: keep one. Two billing periods are two prices.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
            """#

        case .unexpectedBlock:
            #"""
            A `{ … }` after a statement that takes no block, such as `name`, `interval`, `fixed` or
            `popular`. Only `metric`, `feature`, `plan`, `pricing-table`, `quote`, `features`,
            `price`, `component`, `credit` and `row` have blocks. The block is reported and skipped.

            Example:

                component comp_base {
                  fixed 29 {
                    label "Platform fee"
                  }
                }

            Fix: the details of a component are statements of the component's own block.

                component comp_base {
                  fixed 29
                  label "Platform fee"
                }
            """#

        case .missingBlock:
            #"""
            A statement that needs a block has none: `metric`, `feature`, `plan`, `pricing-table`,
            `quote`, `features`, `price`, `component` and `credit` all hold their details in a
            `{ … }` on the same line. (A pricing table's `row` is the exception: its block is
            optional.)

            Example:

                price price_pro_monthly {
                  interval month
                  component comp_base fixed 29
                }

            Fix: put the details in a block; on one line, separate statements with `;`.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
            """#

        case .invalidValue:
            #"""
            Some statements take one of a fixed set of words: `interval` takes `day`, `week`, `month`
            or `year`; a feature's `type` `boolean`, `number`, `text` or `usage`; `aggregate` `count`,
            `sum`, `max`, `min`, `avg` or `unique-count`; a credit's `renew` `on-billing`, `monthly`,
            `yearly` or `never`; a quote's `effective` `immediately` or `next-billing`; flags and
            `bill-immediately` take `true` or `false`. Any other word is reported, with the nearest
            allowed word suggested. Enum words are exactly these spellings, lower case.

            Example:

                price price_pro_monthly {
                  interval monthly
                  component comp_base { fixed 29 }
                }

            Fix: use one of the allowed words.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
            """#

        case .valueOutOfRange:
            #"""
            A number outside the range its statement allows. Counts are whole numbers of at least 1:
            `interval-count`, `min-seats` and `expires-after-days`. A usage credit's `amount` and
            `refill` count units, so they are whole numbers of at least 1 (Lumen's `defaultAmount`);
            a monetary credit of 0 grants nothing, so its amount is more than 0. A trial's length has
            its own check (E0602), and the money rules for amounts have theirs (E0801, E0802, E0804).

            Example:

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 0
                }

            Fix: give a value in range; to include nothing, leave the credit out.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
            """#

        case .unsupportedCreditPack:
            #"""
            Prepaid top-up credit packs (credits a customer buys in advance, such as "10,000 calls for
            $20") are not supported by Lumen, so a credit written as one, with `type top-up` or
            `type pack`, is refused with this error rather than a generic unknown value. A credit is
            either a `usage` credit (included units) or a `monetary` credit (an allowance of money),
            granted with its plan.

            Example:

                credit api_pack {
                  name "10,000 extra API calls"
                  type top-up
                  amount 10000
                }

            Fix: include the units with the plan as a usage credit that renews, and bill the rest as
            overage at the usage component's unit price.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
            """#

        // MARK: Identity

        case .duplicateID:
            #"""
            Ids are unique within their kind across the whole catalog, every file of a catalog
            directory included: two metrics, two features, two plans, two credits, two pricing tables
            or two quotes may not share an id. Price ids are unique across the catalog too, the prices
            of quotes included: Lumen addresses prices by id (a quote's price override names one), and
            it never edits a price in place, so each price id stands for exactly one price for good.
            Component ids are unique within their price. Different kinds may share an id (a metric and
            a feature both called `api-calls` is fine). The later definition is reported, with a note
            at the earlier one.

            Example:

                plan plan_pro {
                  name "Pro"
                }

                plan plan_pro {
                  name "Pro (2024)"
                }

            Fix: rename one, or merge them.

                plan plan_pro {
                  name "Pro"
                }

                plan plan_pro_2024 {
                  name "Pro (2024)"
                }
            """#

        case .invalidFeatureSlug:
            #"""
            A feature's id is its slug, which apps pass to entitlement checks such as
            `isFeatureEntitled({ feature: "advanced-reports" })`. Lumen accepts slugs of 3 to 50
            characters made of lower-case letters, digits and `-` (`^[a-z0-9-]{3,50}$`), so a feature
            id outside that pattern could never be created there. Underscores, upper case and
            two-letter ids are the usual causes.

            Example:

                feature advanced_reports {
                  name "Advanced reports"
                  type boolean
                }

            Fix: use lower case and `-`.

                feature advanced-reports {
                  name "Advanced reports"
                  type boolean
                }
            """#

        case .idTooLong:
            #"""
            An id is a name people type, read in dashboards and pass to Lumen: `plan_pro`,
            `price_pro_monthly`, `api-calls`. Ids of metrics, plans, prices, components, credits,
            pricing tables and quotes may hold at most 200 bytes (feature slugs have Lumen's own limit
            of 50, E0302). A longer one is almost always generated text or a paste gone wrong, and it
            would make every message, every did-you-mean and every catalog.json record that names it
            enormous. The catalog.json that `diff --against` and `import` read is held to the same
            limit (exit 65).

            Example:

                plan plan_pro_for_teams_with_more_than_fifty_seats_billed_yearly_in_euros_… {
                  name "Pro"
                }

            Fix: give it a short id, and say the rest in its `name` or `description`.

                plan plan_pro_teams_yearly_eur {
                  name "Pro for teams of more than fifty seats, billed yearly in euros"
                }
            """#

        // MARK: References

        case .unknownMetric:
            #"""
            A metric named in a feature's `metric` statement or in a component's `usage` statement must
            be declared with `metric ID { … }` somewhere in the catalog. The nearest declared metric is
            suggested when one is close.

            Example:

                component comp_usage_api {
                  usage api-call
                  unit-price 0.002
                }

            Fix: name a declared metric, or declare the one you meant.

                component comp_usage_api {
                  usage api-calls
                  unit-price 0.002
                }
            """#

        case .unknownFeature:
            #"""
            A feature named in a plan's `features` block, or in a credit's `applies-to`, must be
            declared with `feature ID { … }` somewhere in the catalog. The nearest declared feature is
            suggested when one is close.

            Example:

                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-report
                  }
                }

            Fix: name a declared feature, or declare the one you meant.

                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                  }
                }
            """#

        case .unknownPlan:
            #"""
            A plan named by a trial's `trial-of`, a pricing table's `row` or a quote's `plan` must be
            declared with `plan ID { … }` somewhere in the catalog. The nearest declared plan is
            suggested when one is close.

            Example:

                pricing-table main {
                  row plan_free
                  row plan_pros { popular }
                }

            Fix: name a declared plan.

                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                }
            """#

        case .unknownPrice:
            #"""
            The price part of a `price.component` reference (in a credit's `applies-to`) names no
            price in the catalog. The nearest price is suggested when one is close.

            Example:

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_montly.comp_usage_api
                  amount 10000
                }

            Fix: name a declared price.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
            """#

        case .unknownComponent:
            #"""
            The component part of a `price.component` reference names no component of that price.
            Component ids are unique only within their price, so the component is looked up in the
            price the reference names; the nearest of its components is suggested when one is close.

            Example:

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_api_usage
                  amount 10000
                }

            Fix: name a component of that price.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
            """#

        // MARK: Free and placeholder plans

        case .monetaryCreditOnFreePlan:
            #"""
            A plan is free when it has at least one price and every component of every price is 0
            (fixed and per-seat amounts, and usage unit prices); plancat detects this, as Lumen does.
            A monetary credit is money taken off charges after they are billed (Lumen's credit
            waterfall), and a free plan never charges anything, so a monetary credit on it is a
            mistake: usually the credit belongs on a paid plan, or the free allowance was meant as a
            usage credit.

            Example:

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

            Fix: give free allowances as usage credits, applied to a feature the plan grants.

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
            """#

        case .trialParentNotPaid:
            #"""
            A trial is its own plan; when it ends, Lumen moves the subscription to the parent plan's
            price by a scheduled change. So the parent named by `trial-of` must have a paid price: a
            parent that is free (every component 0) or a placeholder (no price at all) leaves the
            trial nothing to convert to, and a trial of a free plan gives nothing away anyway.

            Example:

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

            Fix: make the trial a trial of a paid plan.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .trialPlanCharges:
            #"""
            A trial plan charges nothing: it has no price, or only prices whose components are all 0.
            What the customer pays after the trial is the parent plan's price, which Lumen switches
            to at the trial's end; a price on the trial itself would bill during the trial.

            Example:

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                  price price_pro_trial {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }

            Fix: remove the trial's price; the parent's price applies after the trial.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .unusedPlaceholderPlan:
            #"""
            A plan with no price of its own (a quote's price does not count) is a placeholder. That is
            expected in three places: as an `enterprise` row of a pricing table (the tier that routes
            to sales), as the plan of a `quote` (whose negotiated price is applied per customer), and
            as a trial plan (a trial charges nothing). Anywhere else no customer could subscribe to
            it, so it is a warning: usually a price was forgotten, or the plan should be an
            enterprise row. (As an ordinary row of a pricing table it is an error instead: E0905.)
            Warnings do not fail `plancat check` unless `--warnings-as-errors`.

            Example: an Enterprise tier that nothing offers.

                plan plan_enterprise {
                  name "Enterprise"
                }

                pricing-table main {
                  row plan_free
                  row plan_pro
                }

            Fix: route the tier to sales with an `enterprise` row (or give the plan a price, or a
            quote).

                plan plan_enterprise {
                  name "Enterprise"
                }

                pricing-table main {
                  row plan_free
                  row plan_pro
                  row plan_enterprise { enterprise "https://example.com/contact-sales" }
                }
            """#

        // MARK: Trials

        case .trialOfTrial:
            #"""
            `trial-of` must name a plan that is not itself a trial: Lumen links a trial plan to one
            parent and converts the subscription to that parent's price when the trial ends, so trials
            of trials (chains) and plans that are trials of each other, or of themselves (cycles),
            would never reach a paid price.

            Example:

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

            Fix: point the trial at the paid plan. A plan has at most one trial, so lengthen that one
            instead of adding another.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 30
                }
            """#

        case .trialDaysOutOfRange:
            #"""
            `trial-days` is a whole number of days from 1 to 365. A trial of 0 days would convert
            before it started, and one longer than a year is a free plan in disguise.

            Example:

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 0
                }

            Fix: give a length between 1 and 365.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .secondTrial:
            #"""
            A plan has at most one trial. The pricing table shows a row's trial availability from the
            trial plan whose `trial-of` names the row's plan ("Start free trial", and its number of
            days); with two there is no telling which one a customer starts. The later trial is
            reported, with a note at the earlier one.

            Example:

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

            Fix: keep one trial per plan.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 30
                }
            """#

        case .trialPlanInPricingTable:
            #"""
            A trial plan is never a row of a pricing table. Its parent's row offers it: Lumen's
            public table carries the trial's availability and length on the parent plan, and the
            row's button reads "Start free trial". A row of its own would let customers pick a trial
            with no plan to convert to from that page.

            Example:

                pricing-table main {
                  row plan_free
                  row plan_pro
                  row plan_pro_trial
                }

            Fix: remove the trial's row; the parent's row shows the trial.

                pricing-table main {
                  row plan_free
                  row plan_pro
                }
            """#

        case .trialDaysWithoutTrialOf:
            #"""
            `trial-days` gives the length of a trial, so it is only allowed on a trial plan, one with
            `trial-of`. On any other plan it would be ignored, which is never what was meant.

            Example:

                plan plan_pro {
                  name "Pro"
                  trial-days 14
                }

            Fix: declare the trial as a plan of its own, linked to its parent.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .trialOfWithoutTrialDays:
            #"""
            A trial plan (one with `trial-of`) must say how long the trial lasts with `trial-days`:
            Lumen needs `trialDays` to schedule the change to the parent plan's price at the trial's
            end.

            Example:

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                }

            Fix: add `trial-days`, from 1 to 365.

                plan plan_pro_trial {
                  name "Pro trial"
                  trial-of plan_pro
                  trial-days 14
                }
            """#

        case .trialWithoutAllowance:
            #"""
            A trial grants its parent's features (or those its own `features` block lists), but never
            its parent's credits: credits are plan-scoped, and a trial's credits are its own. When the
            parent gives a usage allowance of a metered feature through a usage credit, and the trial
            grants that feature with no credit for it, trial users have an allowance of nothing: the
            app sees the feature granted and 0 units left. This is a warning, because a trial may
            mean to withhold usage; usually the trial's own credit was forgotten.

            Example: Pro includes 10,000 API calls a month; its trial grants `api-calls` (inherited
            with Pro's features) but no calls.

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

            Fix: give the trial a usage credit of its own for the feature, which does not renew.

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
            """#

        // MARK: Features and metrics

        case .usageFeatureWithoutMetric:
            #"""
            A `usage` feature is metered: its usage is the events of its metrics, and its allowance
            comes from credits. Without at least one `metric` it would measure nothing, and an
            entitlement check could never see any usage.

            Example:

                feature api-calls {
                  name "API calls"
                  type usage
                }

            Fix: name the metric the feature measures.

                feature api-calls {
                  name "API calls"
                  type usage
                  metric api-calls
                }
            """#

        case .metricOnNonUsageFeature:
            #"""
            Only `usage` features measure metrics. A `boolean`, `number` or `text` feature is a value
            that a plan grants (on, a limit, a text); a `metric` on it would link events to a feature
            whose entitlement never looks at them. Either the metric statement is a leftover, or the
            feature is meant to be metered.

            Example:

                feature team-members {
                  name "Team members"
                  type number
                  metric api-calls
                }

            Fix: remove the metric, or make the feature a `usage` feature.

                feature team-members {
                  name "Team members"
                  type number
                }
            """#

        case .usageComponentWithoutFeature:
            #"""
            A plan that bills a usage component on a metric must also grant a feature linked to that
            metric: a `usage` feature whose `metric` statements include it, listed in the plan's
            `features` block (a trial without a `features` block grants its parent's features). The
            app checks usage through entitlements by feature slug, so without such a feature it
            cannot gate or show the usage it is billing for, and included credits cannot be reported
            to it.

            Example:

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

            Fix: grant the usage feature that measures the metric.

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
            """#

        case .creditComponentNotUsage:
            #"""
            A usage credit applied to a component (`applies-to price.component`) is a quota of units
            taken off that component's metered usage before overage is billed. So the component must
            be a `usage` component, of a price of the same plan as the credit; a fixed or per-seat
            component has no units to include, and a price of another plan (or of a quote) is not
            billed to this plan's subscribers.

            Example:

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

            Fix: apply the credit to a usage component of the plan (or to a usage feature it grants).

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
            """#

        case .creditFeatureNotGranted:
            #"""
            A usage credit applied to a feature (`applies-to FEATURE`) is an allowance of that
            feature, checked by entitlements. The feature must be a `usage` or `number` feature that
            the same plan grants: a boolean or text feature has no quantity to allow, and a feature
            the plan does not grant is not entitled at all, whatever its credits.

            Example:

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

            Fix: grant the feature in the plan's `features` block.

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
            """#

        case .featureValueMismatch:
            #"""
            In a plan's `features` block the value after a feature id depends on the feature's type.
            A `number` feature needs a limit: a non-negative number (`team-members 10`,
            `storage-gb 0.5`, `0` included) or `unlimited`. A `text` feature needs a string
            (`support "Priority email"`). A `boolean` feature takes no value: listing it grants it,
            and to withhold it you leave it out. A `usage` feature takes no value either: its
            allowance comes from credits.

            Example:

                features {
                  advanced-reports false
                  team-members
                  support Priority
                }

            Fix: give each feature the value its type needs, and leave out what is not granted.

                features {
                  team-members 10
                  support "Priority email"
                }
            """#

        case .appliesToMissing:
            #"""
            A usage credit (the default credit type) includes units of something, so it must say of
            what with `applies-to`: a usage component of one of the plan's prices
            (`price.component`, shown on the invoice) or a usage or number feature the plan grants
            (checked by entitlements).

            Example:

                credit included_api_quota {
                  name "Included API Quota"
                  amount 10000
                }

            Fix: say what the credit applies to.

                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
            """#

        case .appliesToOnMonetaryCredit:
            #"""
            A monetary credit is an amount of money taken off the whole invoice after charges (Lumen's
            credit waterfall); it is not tied to a component or a feature, so `applies-to` is refused
            on it. Either the credit is meant as a usage credit, or `applies-to` is a leftover.

            Example:

                credit launch_discount {
                  name "Launch discount"
                  type monetary
                  applies-to price_pro_monthly.comp_base
                  amount 10
                }

            Fix: remove `applies-to` (or make the credit a usage credit).

                credit launch_discount {
                  name "Launch discount"
                  type monetary
                  amount 10
                }
            """#

        case .featureLimitTooLarge:
            #"""
            A number feature's limit is written to catalog.json as its `featureValue`, and Lumen's
            clients are JavaScript, which reads JSON numbers exactly only up to 2^53 − 1
            (9,007,199,254,740,991). A larger limit would be read as a different number, and plancat's
            own `diff` and `import` refuse such a catalog.json, so it is refused here first, by the same
            bound. A limit that large is never a real limit: it stands for "no limit", which is written
            `unlimited`. A number of more than 19 significant digits is reported with this code too.

            Example:

                plan plan_pro {
                  name "Pro"
                  features {
                    messages 100_000_000_000_000_000
                  }
                }

            Fix: write `unlimited`.

                plan plan_pro {
                  name "Pro"
                  features {
                    messages unlimited
                  }
                }
            """#

        // MARK: Money

        case .negativeAmount:
            #"""
            Money amounts are never negative: fixed and per-seat amounts, usage unit prices and the
            amounts of monetary credits. Lumen bills components as charges; a discount is a monetary
            credit, which Lumen applies after charges.

            Example:

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                  component comp_discount { fixed -5 }
                }

            Fix: bill the real amount, and give the discount as a monetary credit of the plan.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
            """#

        case .tooManyDecimalPlaces:
            #"""
            Amounts are exact decimals in the price's currency, in major units, and Lumen stores them
            in minor units (cents). A fixed or per-seat amount, or a monetary credit, may have at most
            as many decimal places as the currency has minor units (USD and EUR 2, JPY 0, KWD 3), so
            it converts to whole minor units without rounding. A usage unit price may go six places
            further (USD: eight decimal places, `0.00000001`), because usage is billed in fractions of
            a cent per unit. plancat refuses rather than rounds: Lumen does not edit prices in place,
            so a rounding noticed after deployment would mean a new price and migrating subscribers.

            Example:

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29.999 }
                }

            Fix: round the amount to the currency's precision yourself, so the price is what you meant.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29.99 }
                }
            """#

        case .unknownCurrency:
            #"""
            Currency codes are ISO 4217 codes written in upper case (`USD`, `EUR`, `JPY`), on the
            catalog's `currency`, a price's, a monetary credit's or a pricing table's. A code that is
            not one is reported, with the nearest code suggested; a lower-case code such as `usd`
            suggests its upper-case form. The currency decides how many decimal places amounts may
            have.

            Example:

                currency usd

            Fix: write the ISO 4217 code in upper case.

                currency USD
            """#

        case .amountTooLarge:
            #"""
            Lumen's clients are JavaScript, which reads JSON numbers as binary floating point: whole
            numbers are exact only up to 2^53 − 1 (9,007,199,254,740,991). So an amount, converted to
            minor units, may not exceed that, or a dashboard could show and charge a different amount
            than the catalog says. In USD the limit is $90,071,992,547,409.91. Such an amount is
            nearly always a typo, or a currency mix-up. A number of more than 19 significant digits,
            which plancat does not read at all, is reported with this code too.

            Example:

                component comp_base { fixed 100000000000000 }

            Fix: correct the amount.

                component comp_base { fixed 1000 }
            """#

        case .priceWithoutComponent:
            #"""
            A price bills its components, so it needs at least one `component`: a fixed fee, a
            per-seat fee or metered usage. A price with none would charge nothing and mean nothing.
            A free plan has a price with a `fixed 0` component.

            Example:

                price price_free_monthly {
                  interval month
                }

            Fix: add the components the price bills.

                price price_free_monthly {
                  interval month
                  component comp_base { fixed 0 }
                }
            """#

        case .duplicatePricePeriod:
            #"""
            A plan has at most one price per (currency, interval, interval-count): one USD monthly
            price, one USD yearly price, one EUR monthly price. A pricing table takes a row's monthly
            and yearly amounts from these prices, and checkout must know which price a customer
            subscribing monthly in USD gets. Prices of quotes belong to their quote and are not
            counted. The later price is reported, with a note at the earlier one.

            Example:

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                  price price_pro_api {
                    interval month
                    component comp_usage_api { usage api-calls; unit-price 0.002 }
                  }
                }

            Fix: one price holds several components; merge them.

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                    component comp_usage_api { usage api-calls; unit-price 0.002 }
                  }
                }
            """#

        case .componentKindCount:
            #"""
            A component holds exactly one of `fixed` (a flat fee), `per-seat` (a fee per seat) and
            `usage` (metered usage of a metric): that is its type, Lumen's `fixed`, `per_unit` or
            `usage`. A component with none has no type; one with two is two components written as
            one, reported at the second type statement with a note at the first.

            Example:

                price price_team_monthly {
                  interval month
                  component comp_team { fixed 49; per-seat 10 }
                }

            Fix: give each charge its own component.

                price price_team_monthly {
                  interval month
                  component comp_platform { fixed 49 }
                  component comp_seats { per-seat 10 }
                }
            """#

        case .statementNotAllowedForComponent:
            #"""
            Some statements belong to one type only. In a component, `unit-price` belongs to `usage`
            components (the price of one unit of the metric), and `min-seats` and `bill-immediately`
            to `per-seat` components (the seats billed at least, and whether seats added mid-cycle
            are billed at once, prorated). In a credit, `currency` belongs to `monetary` credits: a
            usage credit counts units, not money. On another type Lumen would drop the statement, so
            it is reported rather than ignored.

            Example:

                component comp_base {
                  fixed 29
                  min-seats 3
                }

            Fix: remove the statement, or change the component's type.

                component comp_seats {
                  per-seat 10
                  min-seats 3
                }
            """#

        case .usageWithoutUnitPrice:
            #"""
            A usage component bills the metric's usage in the period times its `unit-price`, so it
            needs one. The unit price may be 0 (usage that is measured but not charged) and may be
            below one cent (`unit-price 0.002`).

            Example:

                component comp_usage_api {
                  usage api-calls
                }

            Fix: give the price of one unit.

                component comp_usage_api {
                  usage api-calls
                  unit-price 0.002
                }
            """#

        case .priceWithoutCurrency:
            #"""
            Every price is in one currency: its own `currency` statement or, without one, the
            catalog's top-level `currency`. A price with neither cannot be created in Lumen, and its
            amounts have no precision to check against. The same holds for a monetary credit (an
            amount of money) and for a pricing table (which shows the prices of one currency): each
            takes its own `currency`, else the catalog's.

            Example:

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }

            Fix: declare the catalog's currency once at the top level (or give the price its own).

                currency USD

                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
            """#

        case .priceWithoutInterval:
            #"""
            Every component bills on a period, its recurrence rule (`RRULE:FREQ=MONTHLY;INTERVAL=1`).
            A price's `interval` gives the period of all its components; a component may set its own
            `interval`. The price's `interval` may be left out only when every component sets one, so
            a price where some component has neither is reported.

            Example:

                price price_pro_monthly {
                  component comp_base { fixed 29 }
                }

            Fix: give the price an interval.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
            """#

        case .monetaryCreditNotVisible:
            #"""
            Lumen requires monetary credits to be billing-visible: money taken off an invoice must
            show on it as a line. `billing-visible` defaults to `true` for monetary credits; writing
            `false` is an error. (Usage credits applied to a feature are the ones hidden by default.)

            Example:

                credit welcome_credit {
                  name "Welcome credit"
                  type monetary
                  amount 10
                  billing-visible false
                }

            Fix: remove `billing-visible false`.

                credit welcome_credit {
                  name "Welcome credit"
                  type monetary
                  amount 10
                }
            """#

        case .totalTooLarge:
            #"""
            Each amount must fit in 2^53 − 1 minor units (E0804), and so must the totals that plancat
            derives from them: a pricing page shows a price's fixed and per-seat amounts added up, and an
            app reads a plan's usage credits added up as its allowance. A total above 9007199254740991
            minor units (or units, for usage credits) cannot be read exactly by JavaScript clients.

            Example:

                price price_huge {
                  interval month
                  component comp_a { fixed 50_000_000_000_000 }
                  component comp_b { fixed 50_000_000_000_000 }
                }

            Fix: this is almost always a typo in an amount; correct it.

                price price_huge {
                  interval month
                  component comp_a { fixed 50_000 }
                  component comp_b { fixed 50_000 }
                }
            """#

        case .yearlyPriceOutOfProportion:
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

            Example: the yearly price typed in cents.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                price price_pro_yearly {
                  interval year
                  component comp_base { fixed 29000 }
                }

            Fix: write the amount in dollars.

                price price_pro_monthly {
                  interval month
                  component comp_base { fixed 29 }
                }
                price price_pro_yearly {
                  interval year
                  component comp_base { fixed 290 }
                }
            """#

        case .creditCurrencyNotBilled:
            #"""
            Lumen takes a monetary credit off invoices in the credit's currency only. A monetary credit
            in a currency that none of its plan's prices bill in (a trial's credits are compared with
            its parent's prices) is never used: its customers are never invoiced in that currency.
            The credit's currency is its own `currency`, else the catalog's. Usually the credit's
            `currency` is a slip, or the plan lacks the price in that currency.

            Example: a welcome credit in pounds on a plan billed in dollars and euros.

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

            Fix: give the credit a currency the plan bills in (or add a GBP price).

                  credit welcome_credit {
                    name "Welcome credit"
                    type monetary
                    currency USD
                    amount 10
                  }
            """#

        // MARK: Pricing tables

        case .pricingTableWithoutRows:
            #"""
            A pricing table shows plans, one `row` per plan, in display order; a table without rows
            would publish an empty pricing page.

            Example:

                pricing-table main {
                  heading "Pricing"
                }

            Fix: add the plans it shows.

                pricing-table main {
                  heading "Pricing"
                  row plan_free
                  row plan_pro { popular }
                }
            """#

        case .duplicateRow:
            #"""
            A plan appears at most once in a pricing table: each row is a column of the table, and
            Lumen configures a table per plan (`planConfigs` by `planId`). The later row is reported,
            with a note at the earlier one.

            Example:

                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                  row plan_pro
                }

            Fix: remove the repeated row.

                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                }
            """#

        case .secondPopularRow:
            #"""
            At most one row of a pricing table is marked `popular`: the badge points a customer to one
            plan, and two badges point nowhere. The later `popular` is reported, with a note at the
            earlier one.

            Example:

                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                  row plan_business { popular "Best value" }
                }

            Fix: keep one `popular`.

                pricing-table main {
                  row plan_free
                  row plan_pro { popular }
                  row plan_business
                }
            """#

        case .invalidEnterpriseURL:
            #"""
            An `enterprise` row's button says "Contact sales" and opens the row's URL instead of
            starting checkout, so the URL must be a web page (`https://…`) or an email address
            (`mailto:…`). Plain `http://`, a relative path or a bare address would send buyers to a
            broken or insecure link.

            Example:

                row plan_enterprise { enterprise "sales@example.com" }

            Fix: write a full `https://` or `mailto:` URL.

                row plan_enterprise { enterprise "mailto:sales@example.com" }
            """#

        case .rowWithoutPrice:
            #"""
            Every row that is not an `enterprise` row shows an amount, and Lumen's pricing table takes
            it from the plan's monthly or yearly price: a price whose period is exactly one month or
            one year, in the table's currency (its `currency`, else the catalog's). A plan with
            neither, such as one priced only in another currency, quarterly, or not at all, has no
            amount to show. Prices of quotes never count.

            Example:

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

            Fix: give the plan a monthly or yearly price in the table's currency, or show the
            table in the currency the plan is priced in.

                pricing-table main-eu {
                  currency EUR
                  row plan_pro
                }
            """#

        case .hiddenPlanInPricingTable:
            #"""
            A `hidden` plan is not visible in pricing tables (Lumen sets
            `isVisibleInPricingTable: false`): it is kept for existing subscribers, or for sales to
            assign by hand. Making it a row contradicts that, so one of the two is a mistake.

            Example:

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

            Fix: remove the row (or the `hidden` flag).

                pricing-table main {
                  row plan_pro
                }
            """#

        // MARK: Secrets

        case .secretKey:
            #"""
            A catalog is committed, reviewed and published (pricing tables are public), so it never
            holds secrets. A string or a comment that contains what looks like a secret API key (text
            starting `lumen_sk_`, `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_` or `whsec_`) is an
            error, however the string spells it: a key written with escapes (`sk\u{5f}live_…`) is
            found in the string's value too. plancat masks the key (`sk_live_••••`) in everything it
            prints, this diagnostic's message and source line included, so the CI log does not leak
            it as well. If a real key was committed, rotate it: it is in the history.

            Example:

                # deploy with sk_live_EXAMPLEKEY
                catalog "Acme Analytics"

            Fix: remove the key; give it to the deploy step through its environment instead.

                # deploy with the LUMEN_API_KEY secret of the CI environment
                catalog "Acme Analytics"
            """#
        }
    }
}
