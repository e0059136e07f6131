import PlanCatalog

/// `plancat diff [PATH] --against FILE | --against-ref GIT_REF`: what changing the source would do to the
/// deployed catalog, as `terraform plan` shows what applying would do.
///
/// Both sides become catalog documents before they are compared: the source is checked and built as
/// `build` would (so a catalog with errors is never diffed), and the deployed side is either a catalog.json
/// read strictly (exit 65 with where and why when it is not one) or the same PATH built at a git revision.
/// The diff goes to standard output in the format asked for; everything said about the run goes to
/// standard error, so `plancat diff --format markdown > comment.md` is clean. Exit statuses follow
/// CLI.md: without `--detailed-exitcode` a diff with changes still succeeds, and a breaking change fails
/// only with `--fail-on-breaking`, which wins over the 2 of `--detailed-exitcode`.
enum DiffCommand: Command {
    static let name = "diff"
    static let abstract = "show what the source would change in a deployed catalog, like terraform plan"
    static let usage = "plancat diff (--against FILE | --against-ref GIT_REF) [--format text|json|markdown] "
        + "[--detailed-exitcode] [--fail-on-breaking] [--diagnostics text|json|github] "
        + "[--color auto|always|never] [--warnings-as-errors] [PATH]"
    static let options: [OptionDefinition] = [
        .value("--against", "FILE"),
        .value("--against-ref", "GIT_REF"),
        ReportFormat.option,
        .flag("--detailed-exitcode"),
        .flag("--fail-on-breaking"),
    ] + DiagnosticOptions.definitions

    static let help = """
        usage: \(usage)

        Compare one catalog's source with a deployed catalog and show every change it would make:
          +    create        in the source, not deployed
          ~    update        only names, descriptions or display fields differ; edited in place
          ^    new-version   a plan's features, trial or prices change: Lumen makes a new plan
                             version, and existing subscribers stay on the old one (breaking)
          -/+  replace       Lumen cannot edit it in place: a price's amounts, a metric's
                             aggregation, a feature's type, a credit's renewal… (breaking)
          -    archive       deployed, gone from the source (breaking)
        Objects are matched by id (slug for features and pricing tables); a changed id is an archive
        and a create. The layout of the deployed file (key order, spacing, number spelling) never
        shows as a change.

        The deployed side is one of:
          --against FILE         a catalog.json, as `plancat build` wrote it (- for standard input)
          --against-ref GIT_REF  the same PATH built at a git revision of this repository: the answer
                                 to "what does this pull request change in our pricing?". A catalog
                                 that did not exist at GIT_REF is compared with an empty one.

        PATH names one catalog, as for `plancat build`; without a PATH, catalogs/ is used. With
        --against-ref, PATH may be a folder of several catalogs: each is compared with its catalog at
        GIT_REF in one report (a section per catalog; one added since GIT_REF is all creates, one
        removed since is all archives), with one exit status for all. Text and Markdown show money in
        the currency's units, lists item by item, and the file:line of each changed record; a Markdown
        comment is folded to fit GitHub's comment limit and says what it left out. When the source has
        scenarios and something changed, an invoice impact follows the changes: each scenario's total
        for one billing period on the deployed catalog and on the source (JSON: invoiceImpact).

        Options:
          --format FORMAT        how the diff is printed on standard output:
                                   text      like terraform plan (the default; colour only on a
                                             terminal, see --color)
                                   json      the diff document, with the Lumen API operations that
                                             would carry it out, in dependency order
                                   markdown  ready to post as a pull-request comment
          --detailed-exitcode    exit 2 when there are changes, 0 when there are none
          --fail-on-breaking     exit 1 when any change is breaking (new-version, replace, archive)
          --diagnostics FORMAT   how problems in the source are printed, on standard error:
                                   text, json or github, as for `plancat check`
          --color WHEN           colour: auto (the default: only on a terminal, and not when NO_COLOR
                                 is set), always, never
          --warnings-as-errors   fail on warnings in the source too, comparing nothing
          -h, --help             show this help
          --                     treat every later argument as the PATH

        Exit status:
          0   compared (with or without changes, unless one of the options below says otherwise)
          1   the source (or the catalog at GIT_REF) has errors, for any catalog of a folder; or
              --fail-on-breaking and a change is breaking (1 wins over 2)
          2   --detailed-exitcode and there are changes
          64  usage error: unknown option, neither or both of --against and --against-ref, more than
              one catalog with --against or with --format json
          65  FILE is not JSON or not a valid catalog.json; the message says where and what is wrong
          66  PATH or FILE does not exist or cannot be read; GIT_REF is not a revision of the
              repository, or there is no repository or git
          70  internal error: a bug in plancat (please report it)

        Examples:
          plancat diff catalogs/acme --against deployed/catalog.json
          plancat diff --against-ref origin/main --format markdown > pricing-diff.md
          plancat diff catalogs/ --against-ref origin/main             every catalog of the folder
          plancat diff --against-ref origin/main --fail-on-breaking      gate a merge in CI
          plancat diff --against build/catalog.json --detailed-exitcode  2 when anything changed

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let options = DiagnosticOptions(arguments)
        let format = ReportFormat(arguments)
        let deployedSide = try DeployedSide(arguments)
        let report = Report(options: options, format: format, failsOnBreaking: arguments.has("--fail-on-breaking"),
                            isDetailed: arguments.has("--detailed-exitcode"))
        let path: String
        switch deployedSide {
        case .revision(let revision):
            return try runAgainstRevision(revision, operands: arguments.operands, report: report, terminal: terminal)
        case .file(let file):
            path = file
        }
        // A deployed file is read on another thread while the source is checked and built (standard input
        // is read after the build, as before).
        let deployedRead = path == "-" ? nil : Self.readDeployed(path, currentDirectory: terminal.currentDirectory)

        let source: BuiltSource
        switch try buildSource(operands: arguments.operands, options: options, terminal: terminal) {
        case .built(let built): source = built
        case .stopped(let status): return status
        }

        let deployed: CatalogDocument
        switch deployedRead?.value ?? CatalogJSONInput.read(path, terminal: terminal) {
        case .success(let document): deployed = document
        case .failure(let failure):
            terminal.report(.error, failure.message)
            return failure.exitStatus
        }
        let section = source.compared(with: deployed, deployedName: path == "-" ? "<stdin>" : path)
        report.write([section], terminal: terminal)
        return report.exitStatus(of: [section])
    }

    /// The working tree's catalog, built, with what the locations of its records need.
    struct BuiltSource {
        let path: String
        let output: BuildOutput
        /// Where the source defines each record, kept (rather than the model) until the diff says which
        /// records changed.
        let definitions: DiffSourceLocations.Definitions?
        /// What the invoice impact needs of the model: the source's scenarios as the engine's requests, and
        /// its credits' declaration order, which catalog.json does not keep. Empty for a catalog without
        /// scenarios, which then costs nothing more.
        let scenarios: [PreviewRequest]
        let creditOrder: [String]

        /// The diff of this source against `deployed`, as one section of the report.
        /// Takes both documents, which the caller no longer needs.
        consuming func compared(with deployed: consuming CatalogDocument,
                                deployedName: String) -> DiffMarkdownRenderer.Section {
            let diff = CatalogDiff(deployed: copy deployed, source: output.document)
            let locations = definitions.map { DiffSourceLocations(definitions: $0, changes: diff.changes) }
            let impact = diff.invoiceImpact(deployed: deployed, source: output.document, scenarios: scenarios,
                                            creditOrder: creditOrder)
            let section = DiffMarkdownRenderer.Section(source: path, deployed: deployedName, outcome: .compared(diff),
                                                       locations: locations, impact: impact)
            // Freeing both documents, a million small objects at 100k plans, would only delay the exit.
            Parallel.releaseInBackground((consume deployed, consume self))
            return section
        }
    }

    enum SourceOutcome {
        case built(BuiltSource)
        case stopped(status: Int32)
    }

    /// Finds, checks and builds the catalog `operands` name in the working tree, as `build` would.
    static func buildSource(operands: [String], options: DiagnosticOptions,
                            terminal: some Terminal) throws(UsageError) -> SourceOutcome {
        let front = SingleCatalogBuild(commandName: name, verb: ("compares", "compare"), eachCatalogHint: "",
                                       options: options)
        // Where each record is defined is read from the model before the model is let go of, as `build`
        // lets it go.
        var definitions: DiffSourceLocations.Definitions?
        var scenarios: [PreviewRequest] = []
        var creditOrder: [String] = []
        let handOver = { (result: consuming BuildResult) in
            definitions = DiffSourceLocations.Definitions(catalog: result.check.catalog)
            if !result.check.catalog.scenarios.isEmpty {
                scenarios = result.check.catalog.scenarios.compactMap { PreviewRequest($0) }
                creditOrder = result.check.catalog.creditDeclarationOrder
            }
            Parallel.releaseInBackground(result)
        }
        switch try front.run(operands: operands, currentDirectory: terminal.currentDirectory,
                             failureNote: "; nothing compared", terminal: terminal, handOver: handOver) {
        case .built(let path, let built):
            return .built(BuiltSource(path: path, output: built, definitions: definitions, scenarios: scenarios,
                                      creditOrder: creditOrder))
        case .stopped(let status): return .stopped(status: status)
        }
    }

    /// How the sections of a run are printed, and the exit status they give.
    struct Report {
        let options: DiagnosticOptions
        let format: ReportFormat
        let failsOnBreaking: Bool
        let isDetailed: Bool

        func write(_ sections: [DiffMarkdownRenderer.Section], terminal: some Terminal) {
            switch format {
            case .text:
                let renderer = DiffTextRenderer(usesColor: options.usesColor(on: terminal, for: .standardOutput))
                terminal.write(renderer.render(sections), to: .standardOutput)
            case .json:
                // One catalog only: a folder of several is refused before anything is compared.
                for section in sections {
                    guard let diff = section.diff else { continue }
                    terminal.write(String(decoding: diff.jsonBytes(invoiceImpact: section.impact), as: UTF8.self),
                                   to: .standardOutput)
                }
            case .markdown:
                terminal.write(DiffMarkdownRenderer().render(sections), to: .standardOutput)
            }
        }

        /// CLI.md's status for every catalog together: a catalog not compared (its status, 1 for errors)
        /// over a breaking change with `--fail-on-breaking` (1) over changes with `--detailed-exitcode` (2)
        /// over 0.
        func exitStatus(of sections: [DiffMarkdownRenderer.Section], notCompared: Int32? = nil) -> Int32 {
            if let notCompared { return notCompared }
            let diffs = sections.compactMap { section -> CatalogDiff? in
                if case .compared(let diff) = section.outcome { diff } else { nil }
            }
            if failsOnBreaking, diffs.contains(where: \.hasBreakingChanges) { return ExitStatus.failure }
            if isDetailed, diffs.contains(where: { !$0.isEmpty }) { return ExitStatus.changesFound }
            return ExitStatus.success
        }
    }

    /// A deployed catalog.json read on another thread, so that on a machine with two cores the two sides
    /// of a diff take the time of the longer rather than of both: at 100,000 plans, reading the 255 MB
    /// deployed file costs about as much as checking and building the source. Only a file is read this
    /// way; what is wrong with it is reported, as before, only once the source has built.
    private static func readDeployed(_ path: String, currentDirectory: String)
        -> Parallel.Pending<Result<CatalogDocument, CatalogJSONInput.Failure>> {
        Parallel.start { CatalogJSONInput.read(path, currentDirectory: currentDirectory, readStandardInput: { [] }) }
    }

    /// What the source is compared with.
    private enum DeployedSide {
        case file(String)
        case revision(String)

        init(_ arguments: ScannedArguments) throws(UsageError) {
            switch (arguments.value(of: "--against"), arguments.value(of: "--against-ref")) {
            case (nil, nil):
                throw UsageError("`plancat diff` needs the deployed catalog to compare with",
                                 hint: "give `--against FILE` (a catalog.json) or `--against-ref GIT_REF` "
                                     + "(e.g. `--against-ref origin/main`)")
            case (.some, .some):
                throw UsageError("`--against` and `--against-ref` cannot be used together",
                                 hint: "compare with either a catalog.json or a git revision")
            case (let file?, nil):
                guard !file.isEmpty else {
                    throw UsageError("`--against` needs a file", hint: "e.g. `--against build/catalog.json`")
                }
                if file == "-", arguments.operands.first == "-" {
                    throw UsageError("the source and `--against` cannot both be standard input")
                }
                self = .file(file)
            case (nil, let revision?):
                guard !revision.isEmpty, !revision.hasPrefix("-") else {
                    throw UsageError("`--against-ref` needs a git revision, not `\(revision)`",
                                     hint: "e.g. `--against-ref origin/main` or `--against-ref HEAD~1`")
                }
                if arguments.operands.first == "-" {
                    throw UsageError("standard input has no git revision to compare with",
                                     hint: "name the catalog's PATH, or use `--against FILE`")
                }
                self = .revision(revision)
            }
        }
    }
}
