import PlanCatalog

/// `plancat diff [PATH] --against-ref GIT_REF`: the working tree's catalogs against the same PATH at a
/// revision — one catalog, or every catalog of a folder.
///
/// A pricing repository keeps several catalogs under `catalogs/`, and a pull request may touch any of
/// them, so a folder is diffed catalog by catalog in one call: one section per catalog (the union of the
/// catalogs PATH holds in the working tree and at the revision, in path order), one exit status for all.
/// A catalog added since the revision is compared with an empty catalog (every object a create), one
/// removed since is an empty catalog compared with the revision's (every object an archive). A catalog
/// with errors on either side is reported as not compared, and the others still are.
extension DiffCommand {
    static func runAgainstRevision(_ revision: String, operands: [String], report: Report,
                                   terminal: some Terminal) throws(UsageError) -> Int32 {
        guard let files = RevisionCatalog.checkOut(revision, operands: operands, terminal: terminal) else { return ExitStatus.missingInput }
        defer { files.remove() }
        let revisionFront = SingleCatalogBuild(commandName: name, verb: ("compares", "compare"), eachCatalogHint: "",
                                               options: revisionOptions(report.options))

        let catalogs = try catalogPaths(operands: operands, files: files, terminal: terminal)
        guard catalogs.count > 1 else {
            // One catalog: exactly as PATH names it, with its messages when it cannot be found.
            let source: BuiltSource
            switch try buildSource(operands: operands, options: report.options, terminal: terminal) {
            case .built(let built): source = built
            case .stopped(let status): return status
            }
            switch try RevisionCatalog.build(revision, operands: operands, front: revisionFront, files: files,
                                             terminal: terminal) {
            case .built(let deployed):
                let section = source.compared(with: deployed, deployedName: revision)
                report.write([section], terminal: terminal)
                return report.exitStatus(of: [section])
            case .stopped(let status):
                return status
            }
        }
        if report.format == .json {
            let path = operands.first ?? SingleCatalogBuild.defaultPath
            throw UsageError("`--format json` prints one catalog's diff document, but `\(path)` holds "
                             + "\(catalogs.count) catalogs",
                             hint: "run `plancat diff` once for each catalog:"
                                 + catalogs.map { "\n  plancat diff \($0.path) --against-ref \(revision) --format json" }.joined())
        }

        var sections: [DiffMarkdownRenderer.Section] = []
        var notCompared: Int32?
        for catalog in catalogs {
            let source: BuiltSource?
            if catalog.isInWorkingTree {
                switch try buildSource(operands: [catalog.path], options: report.options, terminal: terminal) {
                case .built(let built): source = built
                case .stopped(let status):
                    notCompared = notCompared ?? status
                    sections.append(.init(source: catalog.path, deployed: revision,
                                          outcome: .notCompared("the source has errors; see its diagnostics")))
                    continue
                }
            } else {
                terminal.report(.note, "`\(catalog.path)` no longer exists; comparing an empty catalog "
                                + "with its catalog at \(revision)")
                source = nil
            }
            switch try RevisionCatalog.build(revision, operands: [catalog.path], front: revisionFront, files: files,
                                             terminal: terminal) {
            case .built(let deployed):
                if let source {
                    sections.append(source.compared(with: deployed, deployedName: revision))
                } else {
                    let diff = CatalogDiff(deployed: deployed, source: RevisionCatalog.empty)
                    sections.append(.init(source: catalog.path, deployed: revision, outcome: .compared(diff),
                                          locations: DiffSourceLocations.none))
                }
            case .stopped(let status):
                notCompared = notCompared ?? status
                sections.append(.init(source: catalog.path, deployed: revision,
                                      outcome: .notCompared("the catalog at \(revision) has errors; see its diagnostics")))
            }
        }
        report.write(sections, terminal: terminal)
        return report.exitStatus(of: sections, notCompared: notCompared)
    }

    /// A catalog of a folder diff, by its working tree's path.
    struct FolderCatalog {
        let path: String
        let isInWorkingTree: Bool
    }

    /// The catalogs PATH holds in the working tree or at the revision, in path order; one or none when
    /// PATH names one catalog, or when the working tree's PATH cannot be read (the one-catalog run then
    /// reports it as `build` would).
    private static func catalogPaths(operands: [String], files: GitRevisionFiles,
                                     terminal: some Terminal) throws(UsageError) -> [FolderCatalog] {
        guard operands.count <= 1, operands.first != "-" else { return [] }
        let path = operands.first ?? SingleCatalogBuild.defaultPath
        let found = CatalogDiscovery(currentDirectory: terminal.currentDirectory).discover([path])
        guard found.failures.isEmpty else { return [] }
        let inWorkingTree = found.catalogs.map(\.path)
        var paths = Set(inWorkingTree)
        paths.formUnion(try RevisionCatalog.catalogPaths(under: path, in: files))
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
            FolderCatalog(path: $0, isInWorkingTree: inWorkingTree.contains($0))
        }
    }

    /// The revision's diagnostics options: its warnings are not the change under review, so
    /// `--warnings-as-errors` does not apply to it.
    private static func revisionOptions(_ options: DiagnosticOptions) -> DiagnosticOptions {
        var revisionOptions = options
        revisionOptions.treatsWarningsAsErrors = false
        return revisionOptions
    }
}
