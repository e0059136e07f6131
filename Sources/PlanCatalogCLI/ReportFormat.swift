/// How `plancat diff` and `plancat preview` print their report: `--format text` (the default, for a
/// terminal), `json` (for programs, with a schema under Docs/schemas/) or `markdown` (for a pull request).
enum ReportFormat: String, CaseIterable {
    case text
    case json
    case markdown

    /// The `--format` option, with its allowed values.
    static let option = OptionDefinition.value("--format", "FORMAT", allowed: allCases.map(\.rawValue))

    /// The format a command line asks for; the scanner has already refused any other value.
    init(_ arguments: ScannedArguments) {
        self = arguments.value(of: "--format").flatMap(ReportFormat.init(rawValue:)) ?? .text
    }
}
