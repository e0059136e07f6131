import PlanCatalog

/// `plancat preview [PATH] [--scenario ID]… | --price ID [--start DATE] [--seats N] [--usage METRIC=Q]…`:
/// the invoice of one billing period, computed exactly from the catalog (PREVIEW.md § 4), for the
/// catalog's scenarios or for one subscription described on the command line.
///
/// The catalog is found, checked and built as `build` finds, checks and builds it (`SingleCatalogBuild`),
/// so a catalog with errors — an `expect` that does not hold among them — previews nothing (exit 1),
/// with its diagnostics on standard error. The invoices are computed from the built catalog.json
/// document, in the credit order the source declares, as `check` and `diff` compute them, and go to
/// standard output in the format asked for; everything said about the run goes to standard error, so
/// `plancat preview --format json > invoices.json` is clean. An invoice that cannot be computed prints
/// nothing at all: a report missing one scenario would read as complete.
enum PreviewCommand: Command {
    static let name = "preview"
    static let abstract = "show the invoice of one billing period for the catalog's scenarios"
    static let usage = "plancat preview [--scenario ID]… [--price ID [--start DATE] [--seats N] "
        + "[--usage METRIC=QUANTITY]…] [--format text|json|markdown] [--diagnostics text|json|github] "
        + "[--color auto|always|never] [--warnings-as-errors] [PATH]"
    static let options: [OptionDefinition] = [
        .value("--scenario", "ID"),
        .value("--price", "ID"),
        .value("--start", "DATE"),
        .value("--seats", "N"),
        .value("--usage", "METRIC=QUANTITY"),
        ReportFormat.option,
    ] + DiagnosticOptions.definitions

    static let help = """
        usage: \(usage)

        Show what the catalog charges: the invoice of one billing period, computed exactly by the
        rules of Docs/Preview.md (fixed fees, seats and seats added mid-period, usage, usage credits,
        then monetary credits; every line rounded to the currency's minor unit), for

          the catalog's scenarios     every `scenario` block, in the order written; --scenario ID
                                      picks one (repeat it to pick several)
          an ad-hoc subscription      --price ID, with --start, --seats and --usage meaning what a
                                      scenario's `start`, `seats` and `usage` lines mean

        Taxes are not included, and credit expiry is not modelled; the invoice says so in its notes.

        PATH names one catalog, as for `plancat build`; without a PATH, catalogs/ is used. The
        catalog is checked first: one with errors (an `expect` that does not hold among them)
        previews nothing.

        Options:
          --scenario ID             preview this scenario of the catalog (repeatable)
          --price ID                preview a subscription on this price instead: a plan's price or
                                    a quote's negotiated price
          --start DATE              the first day of the period, YYYY-MM-DD (default: no dates)
          --seats N                 the seats held (default: the component's min-seats, or 1)
          --usage METRIC=QUANTITY   a metric's quantity over the period, e.g. api_calls=48213
                                    (repeatable, once per metric; default 0)
          --format FORMAT           how the invoices are printed on standard output:
                                      text      like an invoice (the default)
                                      json      the document of Docs/schemas/preview.schema.json
                                      markdown  a table per invoice, for a pull request
          --diagnostics FORMAT      how problems in the catalog are printed, on standard error:
                                    text, json or github, as for `plancat check`
          --color WHEN              colour: auto (the default: only on a terminal, and not when
                                    NO_COLOR is set), always, never
          --warnings-as-errors      fail on warnings in the catalog too, previewing nothing
          -h, --help                show this help
          --                        treat every later argument as the PATH

        Exit status:
          0   previewed (a catalog without scenarios previews nothing, and says so)
          1   the catalog has errors, or warnings with --warnings-as-errors; or one of its
              scenarios cannot be previewed; nothing is printed
          64  usage error: unknown option, an invalid date, seat count or METRIC=QUANTITY, an
              unknown scenario, price or metric, --scenario with --price, --start, --seats or
              --usage without --price, or an ad-hoc subscription that cannot be previewed
          66  PATH does not exist or cannot be read

        Examples:
          plancat preview catalogs/teamspace              every scenario, as invoices
          plancat preview catalogs/teamspace --scenario team_of_two --format markdown
          plancat preview catalogs/teamspace --price price_team_monthly --seats 5 \\
              --start 2026-03-01                          one subscription, ad hoc

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        let options = DiagnosticOptions(arguments)
        let format = ReportFormat(arguments)
        // Everything wrong with the command line itself is said before the catalog is checked.
        let selection = try Selection(arguments)

        var catalog: CatalogFacts?
        let front = SingleCatalogBuild(commandName: name, verb: ("previews", "preview"), eachCatalogHint: "",
                                       options: options)
        let handOver = { (result: consuming BuildResult) in
            catalog = CatalogFacts(result.check.catalog)
            Parallel.releaseInBackground(result)
        }
        let catalogPath: String
        let document: CatalogDocument
        switch try front.run(operands: arguments.operands, currentDirectory: terminal.currentDirectory,
                             failureNote: "; nothing previewed", terminal: terminal, handOver: handOver) {
        case .built(let path, let output): (catalogPath, document) = (path, output.document)
        case .stopped(let status): return status
        }
        guard let catalog else { preconditionFailure("a catalog that built was handed over") }

        let preview = BillingPreview(document: document, creditOrder: catalog.creditOrder)
        let invoices: [Invoice]
        switch selection {
        case .scenarios(let ids):
            let requests = try catalog.requests(for: ids, catalogPath: catalogPath)
            if requests.isEmpty {
                terminal.report(.note, "`\(catalogPath)` has no scenarios to preview; write a `scenario` block "
                                + "(Docs/Preview.md), or preview one subscription with `--price ID`")
            }
            var computed: [Invoice] = []
            var failed = false
            for request in requests {
                do throws(PreviewError) {
                    computed.append(try preview.invoice(for: request))
                } catch {
                    terminal.report(.error, "scenario `\(request.scenarioID ?? "")` cannot be previewed: "
                                    + error.message)
                    failed = true
                }
            }
            if failed { return ExitStatus.failure }
            invoices = computed
        case .adHoc(let subscription):
            let request = try subscription.request(in: document, catalogPath: catalogPath, terminal: terminal)
            do throws(PreviewError) {
                invoices = [try preview.invoice(for: request)]
            } catch {
                throw UsageError(Self.adHocFailure(error, priceID: request.priceID))
            }
        }
        write(invoices, format: format, options: options, terminal: terminal)
        return ExitStatus.success
    }

    /// Why an ad-hoc subscription cannot be previewed: the preview's own words, which name the price
    /// when the price is the reason, prefixed with it otherwise (an amount too large names only its line).
    static func adHocFailure(_ error: PreviewError, priceID: String) -> String {
        switch error {
        case .unknownPrice, .priceWithoutComponents, .periodsDiffer, .unknownCurrency:
            return error.message
        default:
            return "cannot preview price `\(priceID)`: \(error.message)"
        }
    }

    private static func write(_ invoices: [Invoice], format: ReportFormat, options: DiagnosticOptions,
                              terminal: some Terminal) {
        switch format {
        case .text:
            let renderer = InvoiceTextRenderer(usesColor: options.usesColor(on: terminal, for: .standardOutput))
            terminal.write(renderer.render(invoices), to: .standardOutput)
        case .json:
            terminal.write(InvoiceJSONRenderer.render(invoices), to: .standardOutput)
        case .markdown:
            terminal.write(InvoiceMarkdownRenderer().render(invoices), to: .standardOutput)
        }
    }

    /// What the preview needs of the checked model, kept once the build lets the model go: each scenario
    /// as a request, and the order the source declares credits in (which catalog.json does not keep).
    struct CatalogFacts {
        /// Each scenario's id and request, in declaration order; the request is nil only for a scenario
        /// without a `price`, which the checks have already refused.
        let scenarios: [(id: String, request: PreviewRequest?)]
        let creditOrder: [String]

        init(_ catalog: Catalog) {
            scenarios = catalog.scenarios.map { ($0.id.value, PreviewRequest($0)) }
            creditOrder = catalog.creditDeclarationOrder
        }

        /// The requests of the scenarios `ids` names, in the order named (each once), or of every scenario
        /// when it names none. An id that names no scenario is a usage error with a did-you-mean.
        func requests(for ids: [String], catalogPath: String) throws(UsageError) -> [PreviewRequest] {
            guard !ids.isEmpty else { return scenarios.compactMap(\.request) }
            var requests: [PreviewRequest] = []
            var named: Set<String> = []
            for id in ids where named.insert(id).inserted {
                guard let scenario = scenarios.first(where: { $0.id == id }) else {
                    let known = scenarios.map(\.id)
                    throw UsageError("no scenario `\(id)` in `\(catalogPath)`",
                                     hint: Suggestion.help(Suggestion.closest(to: id, among: known))
                                        ?? PreviewCommand.listing(known, of: "scenarios"))
                }
                if let request = scenario.request { requests.append(request) }
            }
            return requests
        }
    }

    /// "its scenarios: `a`, `b`", at most ten named, or "it has no scenarios".
    static func listing(_ ids: [String], of kind: String) -> String {
        guard !ids.isEmpty else { return "it has no \(kind)" }
        let shown = ids.prefix(10).map { "`\($0)`" }.joined(separator: ", ")
        return "its \(kind): " + shown + (ids.count > 10 ? ", … (\(ids.count) in all)" : "")
    }
}
