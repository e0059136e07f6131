/// The long explanation of one diagnostic code, as `plancat explain CODE` prints it and
/// Docs/Diagnostics.md shows it: what the check is and why it exists, source that triggers it, and the
/// corrected source.
///
/// The example and the fix are kept as source, not as text to be parsed back, so that a test can
/// compile them (`ExplanationExampleTests`): the example must report its code and the fix must not.
/// Each says where its source stands (`Setting`), since most are fragments of a catalog.
public struct Explanation: Sendable {
    /// Where a piece of example source stands when it is compiled. Fragments are placed into one small
    /// valid catalog, the sample of `ExplanationExampleTests`, which declares `currency USD`, the metric
    /// `api-calls`, the features `advanced-reports`, `team-members`, `api-calls`, `support` and
    /// `messages`, the plans `plan_free`, `plan_pro` (with `price_pro_monthly`, whose components are
    /// `comp_base` and `comp_usage_api`, a EUR price, and a usage credit of `api-calls`) and
    /// `plan_business` (billed yearly), and the pricing table `pricing`.
    public enum Setting: Sendable, CaseIterable {
        /// A whole catalog on its own.
        case catalog
        /// Top-level statements after the sample's currency, metrics and features, without its plans and
        /// pricing table: for examples that declare their own `plan_pro` or `plan_free`.
        case declarations
        /// Top-level statements after the whole sample catalog.
        case topLevel
        /// Statements inside the sample's plan `plan_pro`.
        case plan
        /// Statements inside the sample's plan `plan_business`, which has no `features` block and is
        /// billed yearly: for examples that give a plan its `features`, or a monthly price.
        case secondPlan
        /// Statements inside the sample's price `price_pro_monthly`.
        case price
        /// Statements inside the sample's pricing table `pricing`.
        case pricingTable
    }

    /// The example or the fix: a note after its `Example:` or `Fix:` label (it may be empty for an
    /// example), and the source, shown indented by four spaces.
    public struct Source: Sendable {
        public let note: String
        public let setting: Setting
        public let source: String

        public init(_ note: String = "", in setting: Setting, _ source: String) {
            self.note = note
            self.setting = setting
            self.source = source
        }
    }

    /// What the check is and why it exists: plain text wrapped at 100 columns.
    public let summary: String
    public let example: Source
    public let fix: Source

    public init(_ summary: String, example: Source, fix: Source) {
        self.summary = summary
        self.example = example
        self.fix = fix
    }

    /// The text `plancat explain` prints: the summary, then `Example:` and `Fix:` each with its note, and
    /// their source indented by four spaces, so it reads well in a terminal and the documentation
    /// generator can fence it.
    public var text: String {
        "\(summary)\n\n\(Self.label("Example:", example.note))\n\n\(Self.indented(example.source))"
            + "\n\n\(Self.label("Fix:", fix.note))\n\n\(Self.indented(fix.source))"
    }

    private static func label(_ label: String, _ note: String) -> String {
        note.isEmpty ? label : "\(label) \(note)"
    }

    /// Four spaces before every line that is not blank, so that blank lines carry no trailing spaces.
    private static func indented(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    \($0)" }
            .joined(separator: "\n")
    }
}
