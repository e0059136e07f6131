extension DiagnosticCode {
    /// Syntax: lexing, parsing and the input limits (LANGUAGE.md §4.1, Docs/Robustness.md).
    static let syntaxExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .unterminatedString: Explanation(
            #"""
            A string starts with `"` and ends with `"` on the same line. Strings hold no raw line
            breaks, so that a newline can always end a statement and one forgotten quote cannot swallow
            the rest of the file. The string is reported from its opening quote to the end of the line,
            and checking goes on with the next line.
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pro {
                  name "Pro
                }
                """#),
            fix: .init(
                #"close the string on its own line. Write a line break inside a string as `\n`."#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                }
                """#)),

        .invalidEscape: Explanation(
            #"""
            Inside a string a backslash starts an escape, and only five exist: `\"` (a quote), `\\` (a
            backslash), `\n` (a line break), `\t` (a tab) and `\u{…}` (one to six hex digits naming a
            Unicode scalar, such as `\u{1F600}`). Anything else after a backslash is reported at the
            escape, so that a Windows path or a regular expression pasted into a description is not
            silently changed. A backslash at the very end of a line is reported too: strings cannot
            continue on the next line.
            """#,
            example: .init(in: .topLevel, #"""
                feature sso {
                  name "Single sign-on"
                  type boolean
                  description "SAML 2.0 \& OIDC"
                }
                """#),
            fix: .init(
                #"drop the backslash, or double it to keep a literal backslash."#,
                in: .topLevel, #"""
                feature sso {
                  name "Single sign-on"
                  type boolean
                  description "SAML 2.0 & OIDC"
                }
                """#)),

        .unexpectedCharacter: Explanation(
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
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pro {
                  name: 'Pro'   // the self-serve plan
                }
                """#),
            fix: .init(
                #"""
                a statement's arguments follow its keyword after a space; strings use straight double
                quotes; comments start with `#`.
                """#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pro"   # the self-serve plan
                }
                """#)),

        .unclosedBrace: Explanation(
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
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                }
                """#),
            fix: .init(
                #"add the missing `}` where the block ends."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  price price_pro_monthly {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
                """#)),

        .unmatchedClosingBrace: Explanation(
            #"""
            A `}` that closes nothing: there is no open block at this point. It is usually left over
            after a block was moved or deleted, or a block was closed twice. The brace is reported and
            skipped.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                }
                }
                """#),
            fix: .init(
                #"delete the extra `}`, or add the `{` it was meant to close."#,
                in: .declarations, #"""
                plan plan_free {
                  name "Free"
                  price price_free_monthly {
                    interval month
                    component comp_base { fixed 0 }
                  }
                }
                """#)),

        .malformedNumber: Explanation(
            #"""
            Numbers are exact decimals: an optional `-`, digits, and optionally a `.` followed by more
            digits. Underscores may group digits, but only between two digits (`10_000`, not `10_`,
            `1__0` or `_1`). A decimal point needs digits on both sides, a number has at most one of
            them, and a number holds no letters: a run such as `-5x` or `1.2.3` is reported as a whole.
            (A run that starts with a digit and holds a letter or `-`, such as `24x7-support`, is a
            word, not a number.) Digits grouped with commas (`1,000`) and shorthands with a fraction
            (`1.5k`) are reported as one malformed number, with the number to write instead (`1_000`,
            `1_500`) as a fix-it.
            """#,
            example: .init(in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10_000_
                }
                """#),
            fix: .init(
                #"keep underscores between digits, or leave them out."#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10_000
                }
                """#)),

        .braceOnOwnLine: Explanation(
            #"""
            A block's `{` stands on the same line as its statement (`plan plan_pro {`). A newline ends a
            statement, so a `{` on a line of its own would otherwise be read as a new statement; the
            rule keeps the grammar free of exceptions. The brace is reported with a fix-it that moves
            it up, and the block is still read as belonging to the statement above, so nothing inside
            it is lost.
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pro
                {
                  name "Pro"
                }
                """#),
            fix: .init(
                #"move the `{` to the end of the statement's line."#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                }
                """#)),

        .invalidUTF8: Explanation(
            #"""
            Catalogs are UTF-8 text (a byte order mark is ignored and CRLF line ends are accepted). A
            byte that is not part of a valid UTF-8 sequence is reported at its offset, and the lexer
            goes on after it. It nearly always means the file was saved in a legacy encoding such as
            Latin-1 or Windows-1252 by an editor or a spreadsheet export.
            """#,
            example: .init(
                #"a file saved as Windows-1252, where `é` is the single byte 0xE9."#,
                in: .catalog, #"""
                plan plan_cafe {
                  name "Café"
                }
                """#),
            fix: .init(
                #"""
                save the file as UTF-8 (here `é` becomes the two bytes 0xC3 0xA9); the text does not
                change.
                """#,
                in: .catalog, #"""
                plan plan_cafe {
                  name "Café"
                }
                """#)),

        .expectedStatement: Explanation(
            #"""
            Every statement starts with a word: a keyword such as `plan`, or inside a `features` block
            a feature id. A string, a number, a lone `.` or a `{` where a statement should begin is
            reported, and the parser skips to the end of that statement. Quoting a feature id is the
            most common cause: ids are words, never strings.
            """#,
            example: .init(in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    "advanced-reports"
                  }
                }
                """#),
            fix: .init(
                #"write the id as a bare word."#,
                in: .declarations, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                  }
                }
                """#)),

        .expectedEndOfStatement: Explanation(
            #"""
            A statement is a keyword, its arguments (words, strings, numbers and references), an
            optional block, and then its end: a newline, a `;`, or the `}` of the enclosing block.
            Something else at that point is reported, and the rest of the statement is skipped. It
            happens when two statements share a line without a `;`, or when a reference is written
            with a space around its `.`.
            """#,
            example: .init(in: .plan, #"""
                price price_team_monthly {
                  interval month
                  component comp_base { fixed 29 } component comp_seats { per-seat 10 }
                }
                """#),
            fix: .init(
                #"put each statement on its own line, or separate them with `;`."#,
                in: .plan, #"""
                price price_team_monthly {
                  interval month
                  component comp_base { fixed 29 }
                  component comp_seats { per-seat 10 }
                }
                """#)),

        .malformedReference: Explanation(
            #"""
            A reference names a component of a price as `price.component`, written with no spaces: a
            word, a `.`, and a word right after it. A `.` with nothing after it (or with a space after
            it) is reported. References appear in a credit's `applies-to`.
            """#,
            example: .init(in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.
                  amount 10000
                }
                """#),
            fix: .init(
                #"name the component right after the `.`."#,
                in: .plan, #"""
                credit included_api_quota {
                  name "Included API Quota"
                  applies-to price_pro_monthly.comp_usage_api
                  amount 10000
                }
                """#)),

        .nestingTooDeep: Explanation(
            #"""
            Blocks may nest at most 32 deep. The language itself never needs more than three levels
            (`plan` › `price` › `component`), so this only happens with generated or corrupted input;
            the limit keeps such input from exhausting the compiler's stack. The too-deep block is
            reported at its `{` and skipped as a whole.
            """#,
            example: .init(
                #"a generator that opens a block per item instead of a statement per item."#,
                in: .catalog, #"""
                plan plan_pro { features { a { b { c { d { e { … 30 more levels … } } } } } } }
                """#),
            fix: .init(
                #"write one statement per line inside one block, as the schema describes."#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                  features {
                    advanced-reports
                    team-members 10
                  }
                }
                """#)),

        .fileTooLarge: Explanation(
            #"""
            A `.plancat` file may hold at most 128 MiB. A catalog of 100,000 plans is about 50 MB,
            so a larger file is almost always something else given the `.plancat` name (a log, a
            database dump, `/dev/zero`). plancat reads one byte past the limit and stops, so even an
            endless file costs no more than that; the file is reported at its start and not checked.
            """#,
            example: .init(
                #"a generated catalog of every customer's quote, written as one file."#,
                in: .catalog, #"""
                # quotes.plancat, 300 MB
                quote quote_acme { … }
                … two million more quotes …
                """#),
            fix: .init(
                #"split it into a catalog directory, whose files are merged into one catalog."#,
                in: .catalog, #"""
                # catalog.plancat
                catalog "Acme"
                # quotes-2025.plancat, quotes-2026.plancat, … each well under 128 MiB
                """#)),

        .lineTooLong: Explanation(
            #"""
            A line may hold at most 65,536 bytes (64 KiB), not counting its line end. No real catalog
            comes near it; a longer line is generated or pasted by mistake. The bytes past the limit
            are pointed at, and the line is still checked: its other problems are reported too, each
            quoting at most 64 characters of it, and source lines are shown clipped.
            """#,
            example: .init(
                #"a description pasted as one very long string."#,
                in: .catalog, #"""
                plan plan_pro {
                  description "… 70,000 characters of marketing copy …"
                }
                """#),
            fix: .init(
                #"""
                keep long texts out of the catalog, or shorten them; a string cannot span lines,
                but `\n` in it is a line break.
                """#,
                in: .catalog, #"""
                plan plan_pro {
                  description "Everything a growing team needs."
                }
                """#)),

        .numberTooLong: Explanation(
            #"""
            A number may have at most 40 digits, leading and trailing zeros included. No amount needs
            more: the largest amount plancat accepts has 16 digits in minor units (2^53 − 1), and a
            unit price a few more after its point. The message quotes only the number's first digits.
            """#,
            example: .init(in: .price, #"""
                component comp_base { fixed 0000000000000000000000000000000000000000029 }
                """#),
            fix: .init(
                #"write the number without padding."#,
                in: .price, #"""
                component comp_base { fixed 29 }
                """#)),

        .tooManyProblems: Explanation(
            #"""
            One check reports at most 1,000 problems; past that, the rest are counted and one last
            diagnostic says how many were left out. A file of binary data or of a million stray
            characters is one problem repeated, and reporting each copy would only flood the CI log
            and the memory. The same limit applies within each file while it is lexed and parsed.
            """#,
            example: .init(
                #"a file that is not a catalog, such as a compiled binary renamed `.plancat`."#,
                in: .catalog, #"""
                }}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}… (a million)
                """#),
            fix: .init(
                #"fix the problems shown, or remove the file that is not a catalog, and check again."#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pro"
                }
                """#)),

        .tooManyWarnings: Explanation(
            #"""
            One check reports at most 1,000 problems, errors first. When all the errors fit and
            only warnings are left out, this warning says how many; being a warning, it fails a run
            only with `--warnings-as-errors`, like the warnings it stands for (E0116 is its
            counterpart when errors are left out).
            """#,
            example: .init(
                #"a generated catalog with thousands of placeholder plans (W0501)."#,
                in: .catalog, #"""
                plan plan_0001 { name "Plan 1" }
                plan plan_0002 { name "Plan 2" }
                … 1,500 more …
                """#),
            fix: .init(
                #"give the plans prices, or remove them, and check again."#,
                in: .catalog, #"""
                plan plan_0001 {
                  name "Plan 1"
                  price price_0001 {
                    interval month
                    component comp_base { fixed 29 }
                  }
                }
                """#)),

        .nonASCIIWord: Explanation(
            #"""
            Keywords, ids and enum values are words of ASCII letters, digits, `_` and `-`
            (LANGUAGE.md §1): ids become slugs, URLs and keys in Lumen, and an accented letter that
            looks like its plain twin would make two ids that read alike and differ. A word with a
            letter outside ASCII is reported once, as a whole, with its spelling without accents when
            it has one; checking goes on with the word as written, so its other uses are not reported
            again. Names shown to customers may use any letter: they are strings.
            """#,
            example: .init(in: .catalog, #"""
                plan plan_pró {
                  name "Pro"
                }
                """#),
            fix: .init(
                #"spell the id in ASCII, and put the accented name in a string."#,
                in: .catalog, #"""
                plan plan_pro {
                  name "Pró"
                }
                """#)),
    ]
}
