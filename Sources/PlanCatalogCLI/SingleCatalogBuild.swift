import Foundation
import PlanCatalog

/// The front half of `build` and `diff`: find the one catalog a PATH names, check and build it, and
/// report its diagnostics on standard error.
///
/// Both commands work on exactly one catalog (CLI.md), and both must say the same things the same way
/// when it cannot be found, when there are several, or when it has errors; so they share this rather than
/// each keeping a copy. `diff --against-ref` also builds the catalog of a git revision through it, from a
/// directory holding that revision's files, so the two sides of a diff are built by the same code.
struct SingleCatalogBuild {
    /// `build` or `diff`, for messages and hints.
    let commandName: String
    /// What the command does to its catalog, as messages say it: `builds` / `build`, `compares` / `compare`.
    let verb: (thirdPerson: String, infinitive: String)
    /// Ends the hint for several PATHs: ", with its own `-o DIR`".
    let eachCatalogHint: String
    let options: DiagnosticOptions
    /// What is built when no PATH is given (CLI.md).
    static let defaultPath = "catalogs/"

    /// The catalog found and built, or the exit status of a run that cannot go on (its reasons already
    /// reported).
    enum Outcome {
        case built(catalogPath: String, output: BuildOutput)
        case stopped(status: Int32)
    }

    /// Finds, checks and builds the catalog the command line's PATH names.
    ///
    /// - Parameters:
    ///   - operands: the command's operands: at most one PATH, else a usage error listing them.
    ///   - currentDirectory: where relative paths are resolved, and how paths are shown.
    ///   - failureNote: ends the summary line of a catalog that fails: "; nothing written".
    ///   - revision: the git revision the files come from; nil for the working tree. Its files are named
    ///     as git names them, `REVISION:PATH`, so that no diagnostic about the revision can be taken for
    ///     one about the working tree (nor annotate the pull request's file). Its warnings are not shown:
    ///     they are not the change under review.
    ///   - handOver: takes the build's statement trees and model once the document is made, which the
    ///     command no longer needs; by default they are let go of on a thread of their own
    ///     (`Parallel.releaseInBackground`).
    func run(operands: [String], currentDirectory: String, failureNote: String, revision: String? = nil,
             terminal: some Terminal,
             handOver: (consuming BuildResult) -> Void = { Parallel.releaseInBackground($0) }) throws(UsageError) -> Outcome {
        guard operands.count <= 1 else {
            let named = operands.map { "`\($0)`" }.joined(separator: ", ")
            throw UsageError("`plancat \(commandName)` \(verb.thirdPerson) one catalog, but \(operands.count) PATHs "
                             + "were given: " + named,
                             hint: "run `plancat \(commandName)` once for each catalog" + eachCatalogHint)
        }
        let path = operands.first ?? Self.defaultPath
        let discovery = CatalogDiscovery(currentDirectory: currentDirectory,
                                         readStandardInput: { try terminal.readStandardInput() })
        let found = discovery.discover([path])
        let origin = revision.map { " at \($0)" } ?? ""
        let named = revision.map { $0 + ":" } ?? ""
        for entry in found.skipped {
            terminal.report(.warning, entry.message)
        }
        if !found.failures.isEmpty {
            for failure in found.failures {
                terminal.report(.error, "\(failure.message)\(origin)")
            }
            if operands.isEmpty {
                terminal.report(.note, "without a PATH, plancat \(verb.thirdPerson) `\(Self.defaultPath)`; "
                                + "run `plancat \(commandName) --help` for the forms a PATH takes")
            }
            return .stopped(status: ExitStatus.missingInput)
        }
        guard found.catalogs.count == 1, let catalog = found.catalogs.first else {
            // The user's own command line with the folder replaced by each catalog, options kept; a
            // revision's catalogs are named by where they were checked out, so those are named alone.
            let invocation = revision == nil ? CommandInvocation.current : nil
            let commands = found.catalogs.map { catalog in
                "\n  " + (invocation?.suggestion(replacingOperand: operands.first, with: catalog.path)
                    ?? "plancat \(commandName) \(CommandInvocation.shellQuoted(catalog.path))")
            }.joined()
            throw UsageError("`\(path)`\(origin) holds \(found.catalogs.count) catalogs, "
                             + "but `plancat \(commandName)` \(verb.thirdPerson) one",
                             hint: "name the one to \(verb.infinitive):" + commands)
        }

        let files = revision == nil ? catalog.files
            : catalog.files.map { SourceFile(path: named + $0.path, bytes: $0.bytes) }
        let result = CatalogCompiler.build(files)
        var diagnostics = result.check.diagnostics
        if revision != nil { diagnostics.removeAll { $0.severity != .error } }
        // Every problem found, including those past the limit of what one check shows (InputLimits).
        let errorCount = result.check.errorCount
        let warningCount = revision == nil ? result.check.warningCount : 0
        let fails = options.fails(errorCount: errorCount, warningCount: warningCount)
        report(diagnostics, in: result.check.files, of: named + catalog.path, errorCount: errorCount, warningCount: warningCount,
               failureNote: fails ? failureNote : nil, terminal: terminal)
        guard !fails, let output = result.output else { return .stopped(status: ExitStatus.failure) }
        // The statement trees and the model are done with; the output keeps the document.
        handOver(consume result)
        return .built(catalogPath: catalog.path, output: output)
    }

    /// Prints the diagnostics, whose locations index `files`, on standard error in the chosen format; text
    /// ends with a summary line. Standard output is left to the command's product.
    private func report(_ diagnostics: [Diagnostic], in files: FileTable, of catalogName: String, errorCount: Int, warningCount: Int,
                        failureNote: String?, terminal: some Terminal) {
        switch options.format {
        case .text:
            let renderer = TextDiagnosticRenderer(usesColor: options.usesColor(on: terminal))
            var text = diagnostics.isEmpty ? "" : renderer.render(diagnostics, in: files)
            text += "checked \(catalogName): " + renderer.summary(errorCount: errorCount, warningCount: warningCount)
            if options.treatsWarningsAsErrors, warningCount > 0 {
                text += warningCount == 1 ? " (treated as an error)" : " (treated as errors)"
            }
            text += failureNote ?? ""
            terminal.write(text + "\n", to: .standardError)
        case .json:
            terminal.write(JSONDiagnosticRenderer().render(diagnostics, in: files), to: .standardError)
        case .github:
            terminal.write(GitHubDiagnosticRenderer().render(diagnostics, in: files), to: .standardError)
        }
    }
}
