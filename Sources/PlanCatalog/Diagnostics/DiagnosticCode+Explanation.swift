/// The long explanations behind `plancat explain CODE`, and the body of Docs/Diagnostics.md.
///
/// Each family of checks (LANGUAGE.md section 4) keeps its explanations in a file of its own beside
/// this one, as pairs of a code and its `Explanation`; a new code's explanation goes into its family's
/// file. `ExplanationExampleTests` checks that every code has exactly one, and compiles each example and
/// each fix. The text is plain, wrapped at 100 columns, and says exactly what LANGUAGE.md says the check
/// does: a change of meaning here is a change of the language's contract.
extension DiagnosticCode {
    /// The explanation's text, as `plancat explain` prints it; empty only for a code without an
    /// explanation, which the tests refuse.
    public var explanation: String {
        Self.explanations[self]?.text ?? ""
    }

    /// Every family's explanations, in the order of the families.
    static let explanationFamilies: [KeyValuePairs<DiagnosticCode, Explanation>] = [
        syntaxExplanations, schemaExplanations, identityExplanations, referenceExplanations,
        planKindExplanations, trialExplanations, featureExplanations, moneyExplanations,
        pricingTableExplanations, secretExplanations, scenarioExplanations,
    ]

    /// Each code's explanation; where a code is explained twice (a test fails then), the first wins.
    public static let explanations: [DiagnosticCode: Explanation] = {
        var all: [DiagnosticCode: Explanation] = [:]
        for family in explanationFamilies {
            for (code, explanation) in family where all[code] == nil { all[code] = explanation }
        }
        return all
    }()
}
