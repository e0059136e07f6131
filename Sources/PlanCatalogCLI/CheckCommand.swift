import PlanCatalog

/// `plancat check [PATH…]`: parse and validate catalogs, print every problem, write nothing.
///
/// Each catalog is checked on its own; a PATH that cannot be read is reported and the others are still
/// checked, so one typo in a CI script does not hide the problems of every other catalog. Text
/// diagnostics go to standard error and end with a summary line; JSON and GitHub diagnostics are this
/// command's only product, so they go to standard output — JSON as one array across all catalogs.
enum CheckCommand: Command {
    static let name = "check"
    static let abstract = "parse and validate catalogs; print diagnostics; write nothing"
    static let usage = "plancat check [--diagnostics text|json|github] [--color auto|always|never] "
        + "[--warnings-as-errors] [PATH…]"
    static let options = DiagnosticOptions.definitions

    /// What is checked when no PATH is given (CLI.md).
    static let defaultPath = "catalogs/"

    static let help = """
        usage: \(usage)

        Parse and validate catalogs and print every problem found, like a compiler. Writes nothing.

        Each PATH names catalogs:
          a .plancat file        one catalog; a file inside a catalog directory is checked with
                                 its whole catalog
          a catalog directory    a directory holding catalog.plancat: every .plancat file under it,
                                 merged into one catalog
          a folder of catalogs   any other directory: each .plancat file directly in it is a catalog,
                                 and each subdirectory is looked at by the same rule
          -                      one catalog read from standard input, named <stdin>
        Without a PATH, catalogs/ is checked. Names starting with `.` are skipped inside directories.

        Options:
          --diagnostics FORMAT   how problems are printed:
                                   text    like a compiler, on standard error (the default)
                                   json    one JSON array on standard output
                                   github  GitHub Actions annotations on standard output
          --color WHEN           colour text diagnostics: auto (the default: only when standard
                                 error is a terminal and NO_COLOR is unset or empty), always, never
          --warnings-as-errors   fail on warnings too
          -h, --help             show this help
          --                     treat every later argument as a PATH

        Exit status:
          0   no errors (warnings allowed, unless --warnings-as-errors)
          1   a catalog has errors
          64  usage error: unknown option, missing or invalid value
          66  a PATH does not exist or cannot be read; the other PATHs are still checked,
              and 66 wins over 1

        Examples:
          plancat check                                 check every catalog in catalogs/
          plancat check catalogs/acme pro.plancat       check a catalog directory and a file
          plancat check --diagnostics github            annotate a pull request in GitHub Actions
          plancat check --diagnostics json - < pro.plancat
                                                        check standard input, as an editor would

        `plancat explain CODE` explains a diagnostic code, such as E0401 in error[E0401].

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let options = DiagnosticOptions(arguments)
        let outcome = CatalogInputs.discover(arguments.operands, defaultPath: defaultPath, commandName: name,
                                             verb: "checks", terminal: terminal)

        var diagnostics: [Diagnostic] = []
        // Every problem found, including those past the limit of what one check shows (InputLimits).
        var errorCount = 0
        var warningCount = 0
        var leftOutCount = 0
        let textRenderer = TextDiagnosticRenderer(usesColor: options.usesColor(on: terminal))
        for (position, catalog) in outcome.catalogs.enumerated() {
            let result = CatalogCompiler.check(catalog.files)
            // Earlier catalogs' results are freed as the loop goes on, so memory stays that of one catalog.
            if position == outcome.catalogs.count - 1 { ReleaseAtExit.hold(result) }
            diagnostics += result.diagnostics
            errorCount += result.errorCount
            warningCount += result.warningCount
            leftOutCount += result.leftOutCount
            if options.format == .text, !result.diagnostics.isEmpty {
                terminal.write(textRenderer.render(result.diagnostics), to: .standardError)
            }
        }

        switch options.format {
        case .text:
            var line = summary(catalogCount: outcome.catalogs.count, failureCount: outcome.failures.count,
                               errorCount: errorCount, warningCount: warningCount, options: options,
                               renderer: textRenderer)
            if leftOutCount > 0 { line = String(line.dropLast()) + " (\(leftOutCount) not shown)\n" }
            terminal.write(line, to: .standardError)
        case .json:
            terminal.write(JSONDiagnosticRenderer().render(diagnostics), to: .standardOutput)
        case .github:
            terminal.write(GitHubDiagnosticRenderer().render(diagnostics), to: .standardOutput)
        }

        if !outcome.failures.isEmpty { return ExitStatus.missingInput }
        return options.fails(errorCount: errorCount, warningCount: warningCount) ? ExitStatus.failure
            : ExitStatus.success
    }

    /// `checked 3 catalogs: 2 errors, 1 warning`, with what could not be read and whether warnings fail.
    private static func summary(catalogCount: Int, failureCount: Int, errorCount: Int, warningCount: Int,
                                options: DiagnosticOptions, renderer: TextDiagnosticRenderer) -> String {
        var line = "checked \(TextDiagnosticRenderer.count(catalogCount, "catalog"))"
        if failureCount > 0 {
            line += " (\(TextDiagnosticRenderer.count(failureCount, "path")) could not be read)"
        }
        guard catalogCount > 0 else { return line + "\n" }
        line += ": " + renderer.summary(errorCount: errorCount, warningCount: warningCount)
        if options.treatsWarningsAsErrors, warningCount > 0 {
            line += warningCount == 1 ? " (treated as an error)" : " (treated as errors)"
        }
        return line + "\n"
    }
}
