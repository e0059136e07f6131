import PlanCatalog

/// The catalogs that the PATHs of `plancat check` and `plancat fmt` name, read the same way by both.
///
/// Both commands go on with the PATHs that could be read and report the others first, each on its own
/// line, so that one typo in a CI script neither hides the rest nor goes unnoticed. When the user gave no
/// PATH, a failure is about a default they may not know of, so a note names it and where the forms of a
/// PATH are explained.
///
/// With `--stdin-filename PATH`, standard input stands for the file at PATH (`StandardInputFile`): an
/// editor's unsaved buffer is named as the file it will be saved to, and `check` reads it with the rest
/// of that file's catalog.
enum CatalogInputs {
    /// One catalog to check or format.
    struct Catalog {
        /// The catalog as shown: its file, its catalog directory, or `<stdin>`.
        let path: String
        /// Sorted by path, as discovered.
        private(set) var files: [SourceFile]
        /// The file read from standard input, if one of `files` is.
        let standardInputFile: SourceFile?

        init(path: String, files: [SourceFile], standardInputFile: SourceFile?) {
            self.path = path
            self.files = files
            self.standardInputFile = standardInputFile
        }

        /// Puts `new` in the place of `old` (the same file, rewritten by `check --fix`).
        mutating func replace(_ old: SourceFile, with new: SourceFile) {
            if let position = files.firstIndex(where: { $0 === old }) { files[position] = new }
        }
    }

    struct Outcome {
        var catalogs: [Catalog] = []
        var failures: [CatalogDiscovery.Failure] = []
    }

    /// The option that names standard input, shared by `check` and `fmt`.
    static let standardInputNameOption = OptionDefinition.value("--stdin-filename", "PATH")

    /// Discovers the catalogs `operands` name (`defaultPath` when there are none), after writing each
    /// failure to standard error as `plancat: error: …`. `commandName` and `verb` word the note about the
    /// default: "without a PATH, plancat checks `catalogs/`; run `plancat check --help` …".
    ///
    /// `standardInputPath` is the value of `--stdin-filename`: standard input's file is then named so, and,
    /// when `joinsCatalog` and PATH lies inside a catalog directory, read with that catalog's other files
    /// in place of PATH's own. It is a usage error without `-` among the operands.
    static func discover(_ operands: [String], defaultPath: String, commandName: String, verb: String,
                         standardInputPath: String? = nil, joinsCatalog: Bool = false,
                         terminal: some Terminal) throws(UsageError) -> Outcome {
        if let standardInputPath {
            guard operands.contains("-") else {
                throw UsageError("`--stdin-filename` names the file that standard input stands for, but no PATH is `-`",
                                 hint: "add `-` to read standard input: plancat \(commandName) --stdin-filename "
                                    + CommandInvocation.shellQuoted(standardInputPath) + " -")
            }
            guard !standardInputPath.isEmpty else { throw UsageError("`--stdin-filename` needs a PATH") }
        }
        let paths = operands.isEmpty ? [defaultPath] : operands
        let discovery = CatalogDiscovery(currentDirectory: terminal.currentDirectory,
                                         readStandardInput: { try terminal.readStandardInput() })
        let discovered = discovery.discover(paths)
        var outcome = Outcome(failures: discovered.failures)
        for catalog in discovered.catalogs {
            guard catalog.path == CatalogDiscovery.standardInputName, let input = catalog.files.first else {
                outcome.catalogs.append(Catalog(path: catalog.path, files: catalog.files, standardInputFile: nil))
                continue
            }
            guard let standardInputPath else {
                outcome.catalogs.append(Catalog(path: catalog.path, files: catalog.files, standardInputFile: input))
                continue
            }
            let file = StandardInputFile(path: standardInputPath, bytes: input.bytes,
                                         currentDirectory: terminal.currentDirectory)
            switch joinsCatalog ? file.catalog(discovery: discovery) : .success(file.alone) {
            case .success(let joined): outcome.catalogs.append(joined)
            case .failure(let failure): outcome.failures.append(failure)
            }
        }
        for failure in outcome.failures {
            terminal.report(.error, failure.message)
        }
        for entry in discovered.skipped {
            terminal.report(.warning, entry.message)
        }
        if operands.isEmpty, !outcome.failures.isEmpty {
            terminal.report(.note, "without a PATH, plancat \(verb) `\(defaultPath)`; "
                            + "run `plancat \(commandName) --help` for the forms a PATH takes")
        }
        return outcome
    }
}
