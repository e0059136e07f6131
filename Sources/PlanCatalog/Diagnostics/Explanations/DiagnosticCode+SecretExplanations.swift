extension DiagnosticCode {
    /// Secrets (LANGUAGE.md §4.10).
    static let secretExplanations: KeyValuePairs<DiagnosticCode, Explanation> = [
        .secretKey: Explanation(
            #"""
            A catalog is committed, reviewed and published (pricing tables are public), so it never
            holds secrets. A string or a comment that contains what looks like a secret API key (text
            starting `lumen_sk_`, `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_` or `whsec_`) is an
            error, however the string spells it: a key written with escapes (`sk\u{5f}live_…`) is
            found in the string's value too. plancat masks the key (`sk_live_••••`) in everything it
            prints, this diagnostic's message and source line included, so the CI log does not leak
            it as well. If a real key was committed, rotate it: it is in the history.
            """#,
            example: .init(in: .catalog, #"""
                # deploy with sk_live_EXAMPLEKEY
                catalog "Acme Analytics"
                """#),
            fix: .init(
                #"remove the key; give it to the deploy step through its environment instead."#,
                in: .catalog, #"""
                # deploy with the LUMEN_API_KEY secret of the CI environment
                catalog "Acme Analytics"
                """#)),
    ]
}
