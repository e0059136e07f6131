import PlanCatalog

/// `plancat build [PATH] [-o DIR | --print DOCUMENT]`: check one catalog and, when it has no errors,
/// write catalog.json, entitlements.json and pricing-tables/SLUG.json into DIR, atomically.
///
/// Build takes exactly one catalog, because its product is one directory: two catalogs built into the
/// same `build/` would overwrite each other's catalog.json. A PATH naming several catalogs is therefore a
/// usage error that lists them, rather than a guess. Diagnostics all go to standard error, whatever their
/// format, since standard output carries the product: the summary of what was written, or with
/// `--print` the document itself, so that `plancat build --print catalog > catalog.json` is clean.
/// Nothing is written or removed unless the catalog checks (and, with `--warnings-as-errors`, has no
/// warning); the writing itself is `OutputDirectoryWriter`'s, all or nothing.
enum BuildCommand: Command {
    static let name = "build"
    static let abstract = "check one catalog, then write its JSON files into build/ (or print one)"
    static let usage = "plancat build [-o DIR | --print DOCUMENT] [--diagnostics text|json|github] "
        + "[--color auto|always|never] [--warnings-as-errors] [PATH]"
    static let options: [OptionDefinition] = [
        .value("--output", "DIR", short: "-o"),
        .value("--print", "DOCUMENT"),
    ] + DiagnosticOptions.definitions

    /// Where the files go without `-o` (CLI.md), relative to the current directory.
    static let defaultOutputDirectory = "build/"

    static let help = """
        usage: \(usage)

        Check one catalog and, when it has no errors, write what it compiles to into DIR:
          catalog.json               the whole catalog, the unit that `plancat diff` compares
          entitlements.json          what every plan grants, so an app can gate features offline
          pricing-tables/SLUG.json   each public pricing table, as Lumen's public endpoint returns it

        The files are written atomically: each goes to a temporary name beside it first, and all are
        renamed into place only once every one is written, so a failed or interrupted build leaves the
        previous files as they were. Then the .json files in DIR/pricing-tables/ of pricing tables no
        longer in the catalog, which plancat wrote, are removed; nothing else in DIR is touched, and
        nothing through a link inside DIR. Two builds into one DIR take turns. A catalog with errors
        writes and removes nothing.

        PATH names one catalog: a .plancat file, a catalog directory (one holding catalog.plancat), a
        folder holding a single catalog, or - for standard input. Without a PATH, catalogs/ is built;
        when it holds several catalogs, name the one to build.

        Options:
          -o, --output DIR       where to write (default build/, created if needed)
          --print DOCUMENT       print one document to standard output and write no file:
                                   catalog              catalog.json
                                   entitlements         entitlements.json
                                   pricing-table:SLUG   pricing-tables/SLUG.json
          --diagnostics FORMAT   how problems are printed, always on standard error:
                                   text    like a compiler, then a summary line (the default)
                                   json    one JSON array
                                   github  GitHub Actions annotations
          --color WHEN           colour text diagnostics: auto (the default: only when standard
                                 error is a terminal and NO_COLOR is unset or empty), always, never
          --warnings-as-errors   fail on warnings too, writing nothing
          -h, --help             show this help
          --                     treat every later argument as the PATH

        Exit status:
          0   built (warnings allowed, unless --warnings-as-errors)
          1   the catalog has errors; nothing was written
          64  usage error: unknown option, invalid value, more than one catalog, --print with
              --output, or an unknown document or pricing table
          66  PATH does not exist or cannot be read
          73  DIR or a file in it cannot be created or written, a link, FIFO or device stands
              where a file goes, or another build held DIR for 120 s; the previous files are untouched
          128+N  stopped by signal N (130 Ctrl-C, 143 kill, 129 SIGHUP): DIR as it was or all new

        Examples:
          plancat build catalogs/acme                   write build/catalog.json and the rest
          plancat build pro.plancat -o public/pricing   write into public/pricing/
          plancat build pro.plancat --print pricing-table:main
                                                        print the public pricing table `main`
          plancat build --print catalog - < pro.plancat > catalog.json
                                                        build standard input into one file

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let options = DiagnosticOptions(arguments)
        let printed = try arguments.value(of: "--print").map { value throws(UsageError) in try Document(value) }
        let outputDirectory = arguments.value(of: "--output")
        if printed != nil, outputDirectory != nil {
            throw UsageError("`--print` and `--output` cannot be used together",
                             hint: "`--print` writes one document to standard output and no file; drop one of them")
        }
        if outputDirectory == "" {
            throw UsageError("`--output` needs a directory",
                             hint: "leave it out to write into \(defaultOutputDirectory)")
        }
        let front = SingleCatalogBuild(commandName: name, verb: ("builds", "build"),
                                       eachCatalogHint: ", with its own `-o DIR`", options: options)
        let catalogPath: String
        let output: BuildOutput
        // The trees and model are kept until the files are written, then let go of with the document on
        // a thread of their own: the process exits without waiting for the freeing, and the writing does
        // not share the two cores with it.
        var remains: BuildResult?
        switch try front.run(operands: arguments.operands, currentDirectory: terminal.currentDirectory,
                             failureNote: "; nothing written", terminal: terminal, handOver: { remains = $0 }) {
        case .built(let path, let built): (catalogPath, output) = (path, built)
        case .stopped(let status): return status
        }
        defer { Parallel.releaseInBackground((remains, output)) }

        if let printed {
            let path = try printed.path(in: output, catalogPath: catalogPath)
            // Printed as it is made, a chunk at a time: a large catalog.json is never held whole.
            var standardOutput = StandardOutputSink(terminal: terminal)
            guard output.write(fileAt: path, to: &standardOutput) else {
                // BuildOutput always holds catalog.json, entitlements.json and a file per pricing table.
                preconditionFailure("the build has no \(path)")
            }
            return ExitStatus.success
        }

        let shownDirectory = outputDirectory ?? defaultOutputDirectory
        let absoluteDirectory = shownDirectory.hasPrefix("/") ? shownDirectory
            : terminal.currentDirectory + "/" + shownDirectory
        let writer = OutputDirectoryWriter(directory: absoluteDirectory, shownAs: shownDirectory)
        do {
            let written = try writer.write(output)
            var line = "built \(catalogPath) → \(shownDirectory): " + output.paths.joined(separator: ", ")
            if !written.removed.isEmpty { line += "; removed " + written.removed.joined(separator: ", ") }
            terminal.write(line + "\n", to: .standardOutput)
            return ExitStatus.success
        } catch {
            terminal.report(.error, error.message)
            return ExitStatus.cannotCreateOutput
        }
    }

    // MARK: --print

    /// The one document `--print` names.
    enum Document: Equatable {
        case catalog
        case entitlements
        /// The slug may be empty (`--print pricing-table`); that is reported once the catalog is built, so
        /// the message can list its pricing tables.
        case pricingTable(slug: String)

        static let pricingTablePrefix = "pricing-table:"
        /// The forms `--print` accepts, as help and hints show them.
        static let forms = ["catalog", "entitlements", "pricing-table:SLUG"]

        init(_ value: String) throws(UsageError) {
            switch value {
            case "catalog": self = .catalog
            case "entitlements": self = .entitlements
            case "pricing-table": self = .pricingTable(slug: "")
            case _ where value.hasPrefix(Self.pricingTablePrefix):
                self = .pricingTable(slug: String(value.dropFirst(Self.pricingTablePrefix.count)))
            default:
                throw UsageError("unknown document `\(value)` for `--print`", hint: Self.suggestion(for: value))
            }
        }

        /// `catalogs` → `catalog`, `pricing-tables:main` → `pricing-table:main`; else the forms.
        private static func suggestion(for value: String) -> String {
            let kind = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let slug = kind.count > 1 ? String(kind[1]) : nil
            let candidates = ["catalog", "entitlements", "pricing-table"]
            if let closest = Suggestion.closest(to: String(kind[0]), among: candidates) {
                let suggested = closest == "pricing-table" ? closest + ":" + (slug ?? "SLUG") : closest
                return "did you mean `\(suggested)`?"
            }
            return "use one of: " + forms.joined(separator: ", ")
        }

        /// The path of the built file this names; an unknown pricing table is a usage error with a
        /// did-you-mean.
        func path(in output: BuildOutput, catalogPath: String) throws(UsageError) -> String {
            let path: String
            switch self {
            case .catalog:
                path = BuildOutput.catalogPath
            case .entitlements:
                path = BuildOutput.entitlementsPath
            case .pricingTable(let slug):
                let slugs = output.document.pricingTables.map(\.slug)
                let listed = slugs.isEmpty ? "it has no pricing tables"
                    : "its pricing tables: " + slugs.map { "`\($0)`" }.joined(separator: ", ")
                if slug.isEmpty {
                    throw UsageError("`--print pricing-table` needs a slug: --print pricing-table:SLUG", hint: listed)
                }
                guard slugs.contains(slug) else {
                    throw UsageError("no pricing table `\(slug)` in `\(catalogPath)`",
                                     hint: Suggestion.help(Suggestion.closest(to: slug, among: slugs)) ?? listed)
                }
                path = BuildOutput.pricingTablePath(slug: slug)
            }
            return path
        }
    }

    /// `--print`'s destination: each chunk of the file, as it is made, on standard output. Chunks end
    /// between records, so each one is whole UTF-8 text.
    private struct StandardOutputSink<T: Terminal>: BuildOutputSink {
        let terminal: T

        func beginFile(at path: String) {}

        func write(_ chunk: UnsafeRawBufferPointer) {
            terminal.write(String(decoding: chunk, as: UTF8.self), to: .standardOutput)
        }

        func endFile() {}
    }
}
