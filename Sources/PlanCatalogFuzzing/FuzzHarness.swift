import PlanCatalog

/// One entry point of plancat that takes outside input, driven the way the CLI drives it, with the
/// properties that must hold for every input (Docs/Robustness.md § Fuzzing).
///
/// A harness looks for more than crashes: it returns every broken property (a span outside its file,
/// the formatter not idempotent or changing tokens, a built catalog the strict reader refuses or reads
/// differently, a catalog that differs from itself, imported source that does not compile). The libFuzzer
/// driver (`plancat-fuzz`) turns a broken property into a crash that it saves; `FuzzRegressionTests` runs
/// the same harnesses over the corpus and every saved finding in CI.
public enum FuzzHarness: String, CaseIterable, Sendable {
    /// `.plancat` text through check, emit and every diagnostic renderer.
    case check
    /// `.plancat` text through the formatter.
    case format
    /// catalog.json through the strict reader and the importer.
    case `import`
    /// catalog.json through the strict reader and the differ, both ways against a real catalog.
    case diff
    /// Client messages through `plancat lsp`'s transport, dispatch and handlers.
    case lsp

    /// Whether the harness starts from JSON (catalog.json documents, or for `lsp` message bodies) rather
    /// than `.plancat` text.
    public var readsJSON: Bool { self == .import || self == .diff || self == .lsp }

    /// Runs one input; the broken properties, empty when all hold. `baseline` is the catalog the diff
    /// harness compares the input with, both ways.
    public func run(_ bytes: [UInt8], baseline: CatalogDocument) -> [String] {
        var problems = FuzzProblems()
        switch self {
        case .check: Self.check(bytes, &problems)
        case .format: Self.format(bytes, &problems)
        case .import: Self.importJSON(bytes, &problems)
        case .diff: Self.diff(bytes, against: baseline, &problems)
        case .lsp: Self.languageServer(bytes, &problems)
        }
        return problems.messages
    }

    /// The catalog.json document of a `.plancat` source that builds: the diff harness's baseline.
    public static func baseline(fromSource bytes: [UInt8], path: String) -> CatalogDocument? {
        CatalogCompiler.build([SourceFile(path: path, bytes: bytes)]).output?.document
    }
}

/// The properties a harness found broken.
struct FuzzProblems {
    private(set) var messages: [String] = []

    mutating func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { messages.append(message()) }
    }
}
