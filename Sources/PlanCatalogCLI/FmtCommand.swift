import PlanCatalog

/// `plancat fmt [--check] [--diff] [PATH…]`: rewrite `.plancat` files in the canonical layout of
/// Docs/Language.md § Canonical layout, keeping every comment.
///
/// Every file is formatted on its own, whichever catalog it belongs to, because layout never depends on
/// meaning. A file with syntax errors is reported and left untouched while the others are still
/// formatted, so one broken file does not block a whole tree. Only files whose bytes change are written,
/// each atomically (`AtomicFileWriter`), so an unchanged file keeps its modification time. Each file is
/// replaced on its own, not all of them in one commit as `build` does: the files of a fmt run do not make
/// one product that a reader must see whole, a run that fails on one file still formats the others, and
/// running fmt again completes an interrupted run. So SIGINT or SIGTERM may leave some files rewritten
/// and others not yet, each either as it was or entirely formatted, with no temporary file. `--check` and
/// `--diff` write nothing: they say on standard output which files would change and how, which is what a
/// CI job and a reviewer need. `-` formats standard input to standard output, for editors, unless it
/// holds a secret key (E1001): printed, the key would be masked, so nothing is printed.
enum FmtCommand: Command {
    static let name = "fmt"
    static let abstract = "rewrite .plancat files in the canonical layout, keeping comments"
    static let usage = "plancat fmt [--check] [--diff] [--diagnostics text|json|github] "
        + "[--color auto|always|never] [--stdin-filename PATH] [PATH…]"
    static let options: [OptionDefinition] = [
        .flag("--check"),
        .flag("--diff"),
        CatalogInputs.standardInputNameOption,
    ] + DiagnosticOptions.definitions.filter { $0.name != "--warnings-as-errors" }

    /// What is formatted when no PATH is given (CLI.md).
    static let defaultPath = "catalogs/"

    static let help = """
        usage: \(usage)

        Rewrite every .plancat file of the catalogs each PATH names in the canonical layout:
        two-space indentation, one statement per line, a blank line around top-level blocks, short
        component blocks on one line, comments kept where they are. Only layout changes: the tokens
        stay the same, in the same order, so every catalog builds to the same bytes.

        Files are rewritten atomically, and only when their bytes change. A file with syntax errors is
        reported and left as it is; the other files are still formatted. Interrupted (Ctrl-C), a run
        leaves each file either as it was or entirely formatted.

        PATH names catalogs as for `plancat check`: a .plancat file, a catalog directory, a folder of
        catalogs, or - to format standard input to standard output. Without a PATH, catalogs/ is
        formatted.

        Options:
          --check                write nothing; list each file that would change on standard output
          --diff                 write nothing; print a unified diff of each file that would change
          --diagnostics FORMAT   how syntax errors are printed, on standard error:
                                   text    like a compiler (the default)
                                   json    one JSON array
                                   github  GitHub Actions annotations
          --color WHEN           colour diagnostics (and the diff, on standard output): auto (the
                                 default: only on a terminal, and NO_COLOR unset or empty), always,
                                 never
          --stdin-filename PATH  name standard input (`-`) PATH in messages, --check and --diff
          -h, --help             show this help
          --                     treat every later argument as a PATH

        Exit status:
          0   every file is formatted (or was rewritten)
          1   --check or --diff found a file that would change, or a file has syntax errors,
              or standard input holds a secret key (E1001), which is never printed
          64  usage error: unknown option or invalid value
          66  a PATH does not exist or cannot be read; the other PATHs are still formatted
          73  a file cannot be rewritten; it is left as it was
          66 wins over 73, and 73 over 1.

        Examples:
          plancat fmt                                   format every catalog in catalogs/
          plancat fmt --check catalogs/                 fail CI when a file is not formatted
          plancat fmt --diff pro.plancat                show what formatting would change
          plancat fmt - < pro.plancat                   format standard input, as an editor would

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let options = DiagnosticOptions(arguments)
        let isChecking = arguments.has("--check"), isDiffing = arguments.has("--diff")
        let outcome = try CatalogInputs.discover(arguments.operands, defaultPath: defaultPath, commandName: name,
                                                 verb: "formats", standardInputPath: arguments.value(of: "--stdin-filename"),
                                                 terminal: terminal)

        var tally = Tally()
        // Each file is formatted on its own, so its problems index a table of that file alone.
        var syntaxErrors: [(diagnostics: [Diagnostic], files: FileTable)] = []
        let textRenderer = TextDiagnosticRenderer(usesColor: options.usesColor(on: terminal))
        let differ = UnifiedDiff(usesColor: diffUsesColor(options, terminal: terminal))
        let files = outcome.catalogs.flatMap { catalog in
            catalog.files.map { (file: $0, isStandardInput: $0 === catalog.standardInputFile) }
        }
        for (file, isStandardInput) in files {
            let result = Formatter.format(file)
            // Formatted standard input is printed whole, and a key in it could only be printed masked,
            // which would replace the editor's buffer with a changed text: E1001 instead, and no output.
            let refusals = isStandardInput && !isChecking && !isDiffing
                ? SecretScanner.diagnostics(in: file) : []
            guard let formatted = result.formatted, refusals.isEmpty else {
                let problems = result.formatted == nil ? result.syntaxErrors : refusals
                tally.refused += 1
                syntaxErrors.append((problems, result.files))
                if options.format == .text {
                    terminal.write(textRenderer.render(problems, in: result.files), to: .standardError)
                }
                continue
            }
            if isStandardInput, !isChecking, !isDiffing {
                terminal.write(String(decoding: formatted, as: UTF8.self), to: .standardOutput)
            }
            guard result.isChanged else {
                tally.unchanged += 1
                continue
            }
            tally.changed += 1
            if isChecking, !isDiffing {
                terminal.write(file.path + "\n", to: .standardOutput)
            }
            if isDiffing {
                terminal.write(differ.render(old: file.bytes, new: formatted, oldName: "a/" + file.path,
                                             newName: "b/" + file.path), to: .standardOutput)
            }
            if !isChecking, !isDiffing, !isStandardInput {
                let absolute = file.path.hasPrefix("/") ? file.path : terminal.currentDirectory + "/" + file.path
                do {
                    try AtomicFileWriter.replace(absolute, with: formatted, shownAs: file.path)
                } catch {
                    tally.unwritable += 1
                    terminal.report(.error, "\(error.message); it is left as it was")
                }
            }
        }

        switch options.format {
        case .text: break
        case .json: terminal.write(JSONDiagnosticRenderer().render(syntaxErrors), to: .standardError)
        case .github: terminal.write(GitHubDiagnosticRenderer().render(syntaxErrors), to: .standardError)
        }
        // Standard input never gets a summary, syntax errors or not: an editor reads standard error as
        // the buffer's diagnostics.
        let onlyStandardInput = outcome.catalogs.allSatisfy { $0.standardInputFile != nil }
        if !onlyStandardInput {
            terminal.write(tally.summary(isWriting: !isChecking && !isDiffing), to: .standardError)
        }

        if !outcome.failures.isEmpty { return ExitStatus.missingInput }
        if tally.unwritable > 0 { return ExitStatus.cannotCreateOutput }
        if tally.refused > 0 || ((isChecking || isDiffing) && tally.changed > 0) { return ExitStatus.failure }
        return ExitStatus.success
    }

    /// Colour for the diff on standard output: like `--color` for diagnostics, but asking whether
    /// standard output is a terminal, since that is where the diff goes.
    private static func diffUsesColor(_ options: DiagnosticOptions, terminal: some Terminal) -> Bool {
        switch options.color {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = terminal.environment["NO_COLOR"], !noColor.isEmpty { return false }
            if terminal.environment["TERM"] == "dumb" { return false }
            return terminal.isInteractive(.standardOutput)
        }
    }

    /// What happened to the files of one run, for its summary line and exit status.
    private struct Tally {
        /// Files already in canonical layout.
        var unchanged = 0
        /// Files whose layout changes: rewritten, or listed by `--check` / `--diff`.
        var changed = 0
        /// Files with syntax errors, left untouched.
        var refused = 0
        /// Changed files that could not be rewritten.
        var unwritable = 0

        /// `formatted 7 files: 2 rewritten, 1 with syntax errors` or
        /// `checked 7 files: 2 not formatted (run `plancat fmt` to rewrite them)`.
        func summary(isWriting: Bool) -> String {
            let total = unchanged + changed + refused
            var parts: [String] = []
            if isWriting, changed > 0 {
                if changed > unwritable { parts.append("\(changed - unwritable) rewritten") }
                if unwritable > 0 { parts.append("\(unwritable) could not be written") }
            } else if changed > 0 {
                parts.append("\(changed) not formatted")
            }
            if refused > 0 { parts.append("\(refused) with syntax errors") }
            let counted = TextDiagnosticRenderer.count(total, "file")
            var line = (isWriting ? "formatted " : "checked ") + counted + ": "
            if parts.isEmpty {
                line += (total == 1 ? "" : "all ") + (isWriting ? "already formatted" : "formatted")
            } else {
                line += parts.joined(separator: ", ")
            }
            if !isWriting, changed > 0 { line += " (run `plancat fmt` to rewrite them)" }
            return line + "\n"
        }
    }
}
