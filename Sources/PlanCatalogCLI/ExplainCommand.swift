import PlanCatalog

/// `plancat explain CODE`: the long form of a diagnostic, kept out of the one-line message so that
/// messages stay short (as `rustc --explain` does it); `--list` names every code.
enum ExplainCommand: Command {
    static let name = "explain"
    static let abstract = "the long explanation of a diagnostic code, with an example and the fix"
    static let usage = "plancat explain CODE | plancat explain --list"
    static let options: [OptionDefinition] = [.flag("--list")]

    static let help = """
        usage: \(usage)

        Explain a diagnostic code — the E0401 of `error[E0401]` — at length: what the check is, why
        it exists, source that triggers it, and the fix. Codes are case-insensitive.

        Options:
          --list       list every code with its severity and title
          -h, --help   show this help

        Exit status:
          0   explained
          64  no CODE given, or not a code plancat reports

        Examples:
          plancat explain E0401
          plancat explain --list

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        if arguments.has("--list") {
            guard arguments.operands.isEmpty else { throw UsageError("`--list` takes no CODE") }
            let lines = DiagnosticCode.allCases.sorted().map { "\($0.rawValue)  \($0.severity.rawValue)  \($0.title)\n" }
            terminal.write(lines.joined(), to: .standardOutput)
            return ExitStatus.success
        }
        guard let written = arguments.operands.first else {
            throw UsageError("missing CODE: which diagnostic code to explain, such as E0401",
                             hint: "run `plancat explain --list` to see every code")
        }
        guard arguments.operands.count == 1 else {
            throw UsageError("unexpected argument `\(arguments.operands[1])`: explain takes one CODE")
        }
        guard let code = DiagnosticCode(code: written) else {
            let suggestion = Suggestion.closest(to: written.uppercased(), among: DiagnosticCode.allCases.map(\.rawValue))
            throw UsageError("unknown diagnostic code `\(written)`",
                             hint: Suggestion.help(suggestion) ?? "run `plancat explain --list` to see every code")
        }
        var text = "\(code.rawValue) (\(code.severity.rawValue)): \(code.title)\n\n\(code.explanation)"
        if !text.hasSuffix("\n") { text += "\n" }
        terminal.write(text, to: .standardOutput)
        return ExitStatus.success
    }
}
