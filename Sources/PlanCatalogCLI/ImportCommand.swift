import PlanCatalog

/// `plancat import FILE [-o OUT]`: turn a catalog.json — one `plancat build` wrote, or one a team
/// assembled from its Lumen account — into readable `.plancat` source that builds back to the same
/// catalog.json.
///
/// Import never changes a catalog silently: the library compiles the source it wrote and compares the
/// result with the input, so a catalog.json that the language cannot say is refused (exit 65) with the
/// JSON path of the field and why, rather than turned into something close. The source goes to standard
/// output, or with `-o` into a file, atomically (`ImportCommand+Writing.swift`).
enum ImportCommand: Command {
    static let name = "import"
    static let abstract = "turn a catalog.json into .plancat source that builds back to it"
    static let usage = "plancat import [-o OUT] FILE"
    static let options: [OptionDefinition] = [.value("--output", "OUT", short: "-o")]

    /// The file written into OUT when OUT is a directory: a catalog directory's root file.
    static let fileNameInDirectory = "catalog.plancat"

    static let help = """
        usage: \(usage)

        Turn a catalog.json (as `plancat build` writes it, or as a team assembles it from its Lumen
        account) into readable .plancat source: the same ids, amounts in major units (2900 cents →
        29), defaults left out, trials, credits and quotes written with their own statements, in the
        layout `plancat fmt` writes. The source is checked before it is given: it must build back to
        the same catalog.json, so nothing is ever changed silently. A catalog.json the language cannot
        say (an id that is not a word, a field whose value the compiler would derive differently) is
        refused with the JSON path of the field and why.

        FILE is a catalog.json, or - for standard input.

        Options:
          -o, --output OUT   write the source into OUT instead of standard output; an existing file
                             is replaced, atomically (written beside it first, then renamed over it);
                             when OUT is a directory, the source goes into OUT/catalog.plancat
          -h, --help         show this help
          --                 treat every later argument as the FILE

        Exit status:
          0   imported
          64  usage error: unknown option, no FILE or more than one
          65  FILE is not a valid catalog.json, or says something .plancat cannot (the message names
              the JSON path and the reason)
          66  FILE does not exist or cannot be read
          73  OUT cannot be written; a previous file there is left as it was

        Examples:
          plancat import build/catalog.json                     print the source
          plancat import deployed.json -o catalogs/acme.plancat write it into a file
          plancat import - < catalog.json > acme.plancat        from standard input

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let output = arguments.value(of: "--output")
        if output == "" {
            throw UsageError("`--output` needs a file or directory", hint: "leave it out to print the source")
        }
        guard let path = arguments.operands.first else {
            throw UsageError("`plancat import` needs a catalog.json FILE", hint: "use - to read standard input")
        }
        guard arguments.operands.count == 1 else {
            let named = arguments.operands.map { "`\($0)`" }.joined(separator: ", ")
            throw UsageError("`plancat import` imports one catalog.json, but \(arguments.operands.count) FILEs were "
                             + "given: " + named, hint: "run `plancat import` once for each, with its own `-o OUT`")
        }

        let document: CatalogDocument
        switch CatalogJSONInput.read(path, terminal: terminal) {
        case .success(let read):
            document = read
        case .failure(let failure):
            terminal.report(.error, failure.message)
            return failure.exitStatus
        }
        let source: [UInt8]
        do {
            let imported = try CatalogImporter.importedSource(for: document)
            source = imported.bytes
            // Freeing the input catalog and what its check built would take a tenth of a large import.
            Parallel.releaseInBackground((consume document, consume imported))
        } catch {
            let shown = path == "-" ? CatalogJSONInput.standardInputName : path
            terminal.report(.error, "cannot import `\(shown)`: \(error.description)")
            return ExitStatus.invalidInputData
        }

        guard let output, !standardOutputNames.contains(output) else {
            terminal.write(String(decoding: source, as: UTF8.self), to: .standardOutput)
            return ExitStatus.success
        }
        do {
            let written = try write(source, to: output, terminal: terminal)
            let shown = path == "-" ? CatalogJSONInput.standardInputName : path
            terminal.write(TerminalText.neutralised("imported \(shown) → \(written)") + "\n", to: .standardOutput)
            return ExitStatus.success
        } catch {
            terminal.report(.error, error.message)
            return ExitStatus.cannotCreateOutput
        }
    }
}
