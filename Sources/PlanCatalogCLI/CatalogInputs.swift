import PlanCatalog

/// The catalogs that the PATHs of `plancat check` and `plancat fmt` name, read the same way by both.
///
/// Both commands go on with the PATHs that could be read and report the others first, each on its own
/// line, so that one typo in a CI script neither hides the rest nor goes unnoticed. When the user gave no
/// PATH, a failure is about a default they may not know of, so a note names it and where the forms of a
/// PATH are explained.
enum CatalogInputs {
    /// Discovers the catalogs `operands` name (`defaultPath` when there are none), after writing each
    /// failure to standard error as `plancat: error: …`. `commandName` and `verb` word the note about the
    /// default: "without a PATH, plancat checks `catalogs/`; run `plancat check --help` …".
    static func discover(_ operands: [String], defaultPath: String, commandName: String, verb: String,
                         terminal: some Terminal) -> CatalogDiscovery.Outcome {
        let paths = operands.isEmpty ? [defaultPath] : operands
        let discovery = CatalogDiscovery(currentDirectory: terminal.currentDirectory,
                                         readStandardInput: { try terminal.readStandardInput() })
        let outcome = discovery.discover(paths)
        for failure in outcome.failures {
            terminal.write("plancat: error: \(failure.message)\n", to: .standardError)
        }
        if operands.isEmpty, !outcome.failures.isEmpty {
            terminal.write("plancat: note: without a PATH, plancat \(verb) `\(defaultPath)`; "
                           + "run `plancat \(commandName) --help` for the forms a PATH takes\n", to: .standardError)
        }
        return outcome
    }
}
