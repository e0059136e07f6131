import PlanCatalog

/// `plancat check [PATH…]`: parse and validate catalogs, print every problem, write nothing.
///
/// Each catalog is checked on its own; a PATH that cannot be read is reported and the others are still
/// checked, so one typo in a CI script does not hide the problems of every other catalog. Text
/// diagnostics go to standard error and end with a summary line; JSON and GitHub diagnostics are this
/// command's only product, so they go to standard output — JSON as one array across all catalogs.
///
/// `--fix` first applies the repairs no person needs to choose (`FixPlan`) and rewrites those files, then
/// checks the fixed text, so what it reports and its exit status are those of what is left.
/// `--stdin-filename` lets an editor's unsaved buffer stand for its file, with the rest of its catalog
/// (`StandardInputFile`).
enum CheckCommand: Command {
    static let name = "check"
    static let abstract = "parse and validate catalogs; print diagnostics; write nothing"
    static let usage = "plancat check [--diagnostics text|json|github] [--color auto|always|never] "
        + "[--warnings-as-errors] [--fix] [--stdin-filename PATH] [PATH…]"
    static let options = DiagnosticOptions.definitions + [.flag("--fix"), CatalogInputs.standardInputNameOption]

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
          -                      one catalog read from standard input, named <stdin> (or as
                                 --stdin-filename says)
        Without a PATH, catalogs/ is checked. Names starting with `.` are skipped inside directories.

        Options:
          --diagnostics FORMAT   how problems are printed:
                                   text    like a compiler, on standard error (the default)
                                   json    one JSON array on standard output
                                   github  GitHub Actions annotations on standard output
          --color WHEN           colour text diagnostics: auto (the default: only when standard
                                 error is a terminal and NO_COLOR is unset or empty), always, never
          --warnings-as-errors   fail on warnings too
          --fix                  apply every fix that is unambiguous (a diagnostic with exactly one
                                 suggested fix), rewriting each changed file atomically; then check
                                 again and report what is left (not with -)
          --stdin-filename PATH  standard input (`-`) stands for the file PATH: diagnostics name it,
                                 and inside a catalog directory it is checked with that catalog's
                                 other files, in place of PATH's saved version
          -h, --help             show this help
          --                     treat every later argument as a PATH

        Exit status:
          0   no errors (warnings allowed, unless --warnings-as-errors)
          1   a catalog has errors (with --fix: errors are left after fixing)
          64  usage error: unknown option, missing or invalid value
          66  a PATH does not exist, cannot be read or holds no .plancat file; the other PATHs
              are still checked, and 66 wins over 1
          73  --fix: a file cannot be rewritten; it is left as it was (66 wins over 73, and
              73 over 1)

        Examples:
          plancat check                                 check every catalog in catalogs/
          plancat check catalogs/acme pro.plancat       check a catalog directory and a file
          plancat check --diagnostics github            annotate a pull request in GitHub Actions
          plancat check --diagnostics json - < pro.plancat
                                                        check standard input, as an editor would
          plancat check --stdin-filename catalogs/acme/plans.plancat - < buffer
                                                        check an unsaved buffer with its catalog
          plancat check --fix catalogs/                 apply the suggested fixes, then check again

        `plancat explain CODE` explains a diagnostic code, such as E0401 in error[E0401].

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let options = DiagnosticOptions(arguments)
        let isFixing = arguments.has("--fix")
        if isFixing, arguments.operands.contains("-") {
            throw UsageError("`--fix` rewrites files, and standard input is not a file",
                             hint: "an editor can apply the `fixes` that `plancat check --diagnostics json -` lists")
        }
        var outcome = try CatalogInputs.discover(arguments.operands, defaultPath: defaultPath, commandName: name,
                                                 verb: "checks", standardInputPath: arguments.value(of: "--stdin-filename"),
                                                 joinsCatalog: true, terminal: terminal)
        let unwritableCount = isFixing ? applyFixes(to: &outcome.catalogs, terminal: terminal) : 0

        // The diagnostics of each catalog with its file table, for the JSON and GitHub formats, which
        // print them as one list sorted across catalogs.
        var compilations: [(diagnostics: [Diagnostic], files: FileTable)] = []
        // Every problem found, including those past the limit of what one check shows (InputLimits).
        var errorCount = 0
        var warningCount = 0
        var leftOutCount = 0
        let textRenderer = TextDiagnosticRenderer(usesColor: options.usesColor(on: terminal))
        for (position, catalog) in outcome.catalogs.enumerated() {
            let result = CatalogCompiler.check(catalog.files)
            if options.format != .text, !result.diagnostics.isEmpty {
                compilations.append((result.diagnostics, result.files))
            }
            errorCount += result.errorCount
            warningCount += result.warningCount
            leftOutCount += result.leftOutCount
            if options.format == .text, !result.diagnostics.isEmpty {
                terminal.write(textRenderer.render(result.diagnostics, in: result.files), to: .standardError)
            }
            // Earlier catalogs' results are freed as the loop goes on, so memory stays that of one catalog;
            // the last one is freed on a thread that the exit does not wait for.
            if position == outcome.catalogs.count - 1 { Parallel.releaseInBackground(consume result) }
        }

        switch options.format {
        case .text:
            var line = summary(catalogCount: outcome.catalogs.count, failures: outcome.failures,
                               errorCount: errorCount, warningCount: warningCount, options: options,
                               renderer: textRenderer)
            if leftOutCount > 0 { line = String(line.dropLast()) + " (\(leftOutCount) not shown)\n" }
            terminal.write(line, to: .standardError)
        case .json:
            terminal.write(JSONDiagnosticRenderer().render(compilations), to: .standardOutput)
        case .github:
            terminal.write(GitHubDiagnosticRenderer().render(compilations), to: .standardOutput)
        }

        if !outcome.failures.isEmpty { return ExitStatus.missingInput }
        if unwritableCount > 0 { return ExitStatus.cannotCreateOutput }
        return options.fails(errorCount: errorCount, warningCount: warningCount) ? ExitStatus.failure
            : ExitStatus.success
    }

    /// `checked 3 catalogs: 2 errors, 1 warning`, with the PATHs that could not be read or hold no
    /// catalog, and whether warnings fail.
    private static func summary(catalogCount: Int, failures: [CatalogDiscovery.Failure], errorCount: Int,
                                warningCount: Int, options: DiagnosticOptions,
                                renderer: TextDiagnosticRenderer) -> String {
        var line = "checked \(TextDiagnosticRenderer.count(catalogCount, "catalog"))"
        let emptyCount = failures.count { $0.reason == .noCatalogs }
        let unreadableCount = failures.count - emptyCount
        var missing: [String] = []
        if unreadableCount > 0 {
            missing.append("\(TextDiagnosticRenderer.count(unreadableCount, "path")) could not be read")
        }
        if emptyCount > 0 {
            let what = unreadableCount > 0 ? "\(emptyCount)" : TextDiagnosticRenderer.count(emptyCount, "path")
            missing.append(what + (emptyCount == 1 ? " holds" : " hold") + " no .plancat file")
        }
        if !missing.isEmpty { line += " (" + missing.joined(separator: ", ") + ")" }
        guard catalogCount > 0 else { return line + "\n" }
        line += ": " + renderer.summary(errorCount: errorCount, warningCount: warningCount)
        if options.treatsWarningsAsErrors, warningCount > 0 {
            line += warningCount == 1 ? " (treated as an error)" : " (treated as errors)"
        }
        return line + "\n"
    }

    /// `--fix`: checks each catalog, applies its unambiguous fix-its (`FixPlan`), writes each changed file
    /// atomically and puts the new text in the catalog, for the check that follows to report what is left.
    /// Says on standard error which files were fixed, and how many problems in each. Returns the number of
    /// files that could not be written (each left as it was, and named).
    private static func applyFixes(to catalogs: inout [CatalogInputs.Catalog], terminal: some Terminal) -> Int {
        var unwritableCount = 0
        var overlappingCount = 0
        for position in catalogs.indices {
            let check = CatalogCompiler.check(catalogs[position].files)
            let plan = FixPlan(check.diagnostics, in: check.files)
            overlappingCount += plan.overlappingCount
            for change in plan.changes {
                let path = change.file.path
                let absolute = path.hasPrefix("/") ? path : terminal.currentDirectory + "/" + path
                do {
                    try AtomicFileWriter.replace(absolute, with: change.bytes, shownAs: path)
                } catch {
                    unwritableCount += 1
                    terminal.report(.error, "\(error.message); it is left as it was")
                    continue
                }
                catalogs[position].replace(change.file, with: SourceFile(path: path, bytes: change.bytes))
                let problems = TextDiagnosticRenderer.count(change.fixCount, "problem")
                terminal.write("fixed \(problems) in \(TerminalText.neutralised(path))\n", to: .standardError)
            }
        }
        if overlappingCount > 0 {
            let fixes = overlappingCount == 1 ? "1 fix was not applied because it overlaps"
                : "\(overlappingCount) fixes were not applied because they overlap"
            terminal.report(.note, "\(fixes) another; "
                            + "run `plancat check --fix` again to apply what still holds")
        }
        return unwritableCount
    }
}
