/// The library's front door: compile the files of one catalog into a checked model and its diagnostics.
///
/// A catalog is one `.plancat` file, or every file of a catalog directory merged into one namespace
/// (LANGUAGE.md). Stages run in order — parse every file, lower the statements into the typed model,
/// validate — and each adds to one collector, so every problem of the catalog is reported in one run.
public enum CatalogCompiler {
    public static func check(_ files: [SourceFile]) -> CheckResult {
        check(files, pipelinedFileSize: Parser.pipelinedFileSize, regionSize: Parser.pipelinedRegionSize)
    }

    /// `check`, with the size from which a file is parsed beside its lowering and the regions it is
    /// handed over in given, so that a test can run small catalogs both ways.
    static func check(_ files: [SourceFile], pipelinedFileSize: Int, regionSize: Int) -> CheckResult {
        // Read in path order, whatever order the files came in, so that the earlier and the later of two
        // statements in different files — which one a duplicate is reported at — do not depend on the
        // caller: the order in which files are read never changes the result (Docs/Language.md). The
        // file table takes that order too, so a file's id is its place in it.
        let table = FileTable(files.sorted(by: precedes))
        var collector = DiagnosticCollector()
        var lowering = Lowering(files: table)
        for id in table.ids {
            let file = table[id]
            // Each top-level statement is lowered as soon as it is parsed and then let go: the tree of a
            // whole catalog never exists, which keeps a check's memory near the size of its model. A large
            // file is parsed on a thread of its own while the statements already parsed are lowered.
            // The secret-key scan needs only the file, so it runs where the parse ran. A file too large to
            // check is reported by the parser alone (E0113).
            let (_, diagnostics) = Parser.parse(file, id: id, pipelinedFileSize: pipelinedFileSize,
                                                regionSize: regionSize, alsoOnTheParsingThread: {
                file.exceedsSizeLimit ? [] : SecretScanner.diagnostics(in: file, id: id)
            }, eachStatement: { lowering.add($0, in: id) })
            collector.report(contentsOf: diagnostics)
        }
        let (catalog, loweringDiagnostics) = lowering.finish()
        collector.report(contentsOf: loweringDiagnostics)
        collector.report(contentsOf: CatalogChecks.run(catalog))
        // A scenario's `expect` lines are compared with its invoice only when the catalog has no error
        // (E1108, E1109): the invoice of a refused model would mislead.
        if !catalog.scenarios.isEmpty, !collector.hasErrors {
            collector.report(contentsOf: ScenarioExpectations.diagnostics(for: catalog))
        }
        let report = collector.report(in: table)
        return CheckResult(catalog: catalog, diagnostics: report.diagnostics,
                           errorCount: report.errorCount, warningCount: report.warningCount,
                           leftOutCount: report.leftOutCount)
    }

    /// Byte order of the paths, as discovery lists a directory's files; the bytes decide between two files
    /// given under one path, so that the order is total.
    private static func precedes(_ lhs: SourceFile, _ rhs: SourceFile) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        return lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// What checking one catalog produced.
public struct CheckResult: Sendable {
    /// The typed model, as complete as the source allows; emit only when there are no errors.
    public let catalog: Catalog
    /// The catalog's files, in path order: the table that the locations of the model and of the
    /// diagnostics index (`catalog.files`).
    public var files: FileTable { catalog.files }
    /// Sorted by file, position and code; at most `InputLimits.maximumDiagnostics`, then one E0116 or
    /// W0116 saying how many more were found.
    public let diagnostics: [Diagnostic]
    /// Every error found, shown or not.
    public let errorCount: Int
    /// Every warning found, shown or not.
    public let warningCount: Int
    /// How many problems found are not among `diagnostics`.
    public let leftOutCount: Int

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
