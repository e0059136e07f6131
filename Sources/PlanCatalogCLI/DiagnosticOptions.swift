import PlanCatalog

/// The options that decide how a command reports problems — `--diagnostics`, `--color`,
/// `--warnings-as-errors` — shared by every command that checks a catalog, so they read the same everywhere.
struct DiagnosticOptions: Sendable {
    /// How diagnostics are printed.
    enum Format: String, CaseIterable, Sendable {
        /// Like a compiler, for people; on standard error.
        case text
        /// One JSON array, for editors and scripts.
        case json
        /// GitHub Actions workflow commands, which annotate a pull request.
        case github
    }

    /// When text diagnostics are coloured.
    enum ColorChoice: String, CaseIterable, Sendable {
        case auto
        case always
        case never
    }

    static let definitions: [OptionDefinition] = [
        .value("--diagnostics", "FORMAT", allowed: Format.allCases.map(\.rawValue)),
        .value("--color", "WHEN", allowed: ColorChoice.allCases.map(\.rawValue)),
        .flag("--warnings-as-errors"),
    ]

    var format: Format = .text
    var color: ColorChoice = .auto
    var treatsWarningsAsErrors = false

    init(_ arguments: ScannedArguments) {
        // The scanner has already refused values outside each set.
        if let format = arguments.value(of: "--diagnostics").flatMap(Format.init(rawValue:)) { self.format = format }
        if let color = arguments.value(of: "--color").flatMap(ColorChoice.init(rawValue:)) { self.color = color }
        treatsWarningsAsErrors = arguments.has("--warnings-as-errors")
    }

    /// Whether text written to a stream (standard error, where diagnostics go, unless told otherwise)
    /// gets colour. `auto` colours only an interactive stream, and never when `NO_COLOR` is set to
    /// anything but the empty string (no-color.org) or the terminal says it is `dumb`; `always` and
    /// `never` override all of that.
    func usesColor(on terminal: some Terminal, for stream: TerminalStream = .standardError) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = terminal.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return terminal.isInteractive(stream)
        }
    }

    /// Whether these diagnostics fail the run.
    func fails(errorCount: Int, warningCount: Int) -> Bool {
        errorCount > 0 || (treatsWarningsAsErrors && warningCount > 0)
    }
}
