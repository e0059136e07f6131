#if FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCatalog

extension FuzzHarness {
    /// Check and build one file, and render its diagnostics every way the CLI can.
    static func check(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz.plancat", bytes: bytes)
        let result = CatalogCompiler.build([file])
        for diagnostic in result.check.diagnostics {
            requireInside(diagnostic.location, bytes.count, "the location of \(diagnostic.code.rawValue)")
            for note in diagnostic.notes {
                if let location = note.location { requireInside(location, bytes.count, "a note's location") }
            }
        }
        _ = TextDiagnosticRenderer(usesColor: true).render(result.check.diagnostics)
        _ = JSONDiagnosticRenderer().render(result.check.diagnostics)
        _ = GitHubDiagnosticRenderer().render(result.check.diagnostics)
        guard let output = result.output, let catalog = output.file(at: BuildOutput.catalogPath) else { return }
        // What build writes, the strict reader (diff --against, import) must accept, meaning the same.
        do {
            let readBack = try CatalogDocument(json: catalog.bytes)
            require(CatalogDiff(deployed: readBack, source: output.document).isEmpty,
                    "a catalog differs from its own catalog.json")
        } catch {
            fatalError("property broken: the strict reader refuses a built catalog.json: \(error)")
        }
    }

    /// Format one file; when it formats, formatting again changes nothing and the tokens are the same.
    static func format(_ bytes: [UInt8]) {
        let file = SourceFile(path: "fuzz.plancat", bytes: bytes)
        let result = Formatter.format(file)
        guard let formatted = result.formatted else {
            require(!result.syntaxErrors.isEmpty, "a file is refused without a syntax error")
            return
        }
        let reformatted = Formatter.format(SourceFile(path: "fuzz.plancat", bytes: formatted))
        require(reformatted.formatted == formatted, "formatting is not idempotent")
        require(meaningfulTokens(of: file) == meaningfulTokens(of: SourceFile(path: "", bytes: formatted)),
                "formatting changed the tokens")
        _ = UnifiedDiff(usesColor: true).render(old: bytes, new: formatted, oldName: "a", newName: "b")
    }

    /// Read one catalog.json strictly, then write it as source; source written must compile cleanly.
    static func importJSON(_ bytes: [UInt8]) {
        guard let document = try? CatalogDocument(json: bytes) else { return }
        guard let source = try? CatalogImporter.source(for: document) else { return }
        let rebuilt = CatalogCompiler.check([SourceFile(path: "imported.plancat", text: source)])
        require(!rebuilt.hasErrors, "imported source has errors")
        require(Formatter.format(source) == source, "imported source is not in the canonical layout")
    }

    /// Read one catalog.json strictly and diff it both ways against a real catalog, and against itself.
    static func diff(_ bytes: [UInt8]) {
        guard let document = try? CatalogDocument(json: bytes) else { return }
        require(CatalogDiff(deployed: document, source: document).isEmpty, "a catalog differs from itself")
        for diff in [CatalogDiff(deployed: document, source: FuzzBaseline.document),
                     CatalogDiff(deployed: FuzzBaseline.document, source: document)] {
            _ = DiffTextRenderer(usesColor: true).render(diff, source: "source", deployed: "deployed")
            _ = DiffMarkdownRenderer().render(diff, source: "source", deployed: "deployed")
            _ = diff.jsonBytes
        }
    }

    // MARK: Properties

    private static func requireInside(_ location: SourceLocation, _ count: Int, _ what: String) {
        let span = location.span
        require(span.start >= 0 && span.start <= span.end && span.end <= count,
                "\(what) \(span.start)..<\(span.end) is outside the file of \(count) bytes")
    }

    /// The tokens that carry meaning: all but line ends, `;` and the end, with comments' trailing blanks
    /// dropped (the formatter's canonical layout removes them).
    private static func meaningfulTokens(of file: SourceFile) -> [String] {
        Lexer.tokenize(file).tokens.compactMap { token in
            switch token.kind {
            case .newline, .semicolon, .endOfFile:
                return nil
            case .comment:
                var text = Substring(file.text(of: token.span))
                while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
                    text = Substring(text.unicodeScalars.dropLast())
                }
                return "comment " + text
            default:
                return "\(token.kind) " + file.text(of: token.span)
            }
        }
    }
}

/// The catalog the diff harness compares each input with: the shipped freemium-to-enterprise catalog, or
/// the file `PLANCAT_FUZZ_BASELINE` names.
enum FuzzBaseline {
    static let document: CatalogDocument = {
        let path = getenv("PLANCAT_FUZZ_BASELINE").map { String(cString: $0) }
            ?? "catalogs/freemium-to-enterprise.plancat"
        guard let bytes = readFile(path) else { fatalError("cannot read the diff baseline \(path)") }
        guard let output = CatalogCompiler.build([SourceFile(path: path, bytes: bytes)]).output else {
            fatalError("the diff baseline \(path) has errors")
        }
        return output.document
    }()

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}
#endif
