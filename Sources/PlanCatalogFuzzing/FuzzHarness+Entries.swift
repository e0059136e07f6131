import PlanCatalog

extension FuzzHarness {
    /// Check and build one file, and render its diagnostics every way the CLI can.
    static func check(_ bytes: [UInt8], _ problems: inout FuzzProblems) {
        let file = SourceFile(path: "fuzz.plancat", bytes: bytes)
        let result = CatalogCompiler.build([file])
        let files = result.check.files
        for diagnostic in result.check.diagnostics {
            requireInside(diagnostic.location, files, "the location of \(diagnostic.code.rawValue)", &problems)
            for note in diagnostic.notes {
                if let location = note.location { requireInside(location, files, "a note's location", &problems) }
            }
        }
        problems.require(result.check.diagnostics.count <= InputLimits.maximumDiagnostics + 1,
                         "\(result.check.diagnostics.count) diagnostics, over the limit")
        let rendered = [
            TextDiagnosticRenderer(usesColor: true).render(result.check.diagnostics, in: files),
            TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: files),
            GitHubDiagnosticRenderer().render(result.check.diagnostics, in: files),
        ]
        _ = JSONDiagnosticRenderer().render(result.check.diagnostics, in: files)
        // No secret key is printed, however the input spells it (the JSON renderer's fix-it replacements
        // are edits to apply, not text to show; every text it shows is a diagnostic's, checked here).
        for text in rendered + result.check.diagnostics.flatMap(Self.texts) {
            problems.require(SecretScanner.keyRanges(in: Array(text.utf8)).isEmpty, "a diagnostic shows a secret key")
        }
        guard let output = result.output, let catalog = output.file(at: BuildOutput.catalogPath) else { return }
        // What build writes, the strict reader (diff --against, import) must accept, meaning the same.
        do {
            let readBack = try CatalogDocument(json: catalog.bytes)
            problems.require(CatalogDiff(deployed: readBack, source: output.document).isEmpty,
                             "a catalog differs from its own catalog.json")
        } catch {
            problems.require(false, "the strict reader refuses a built catalog.json: \(error)")
        }
    }

    /// Format one file; when it formats, formatting again changes nothing and the tokens are the same.
    static func format(_ bytes: [UInt8], _ problems: inout FuzzProblems) {
        let file = SourceFile(path: "fuzz.plancat", bytes: bytes)
        let result = Formatter.format(file)
        guard let formatted = result.formatted else {
            problems.require(!result.syntaxErrors.isEmpty, "a file is refused without a syntax error")
            return
        }
        let reformatted = Formatter.format(SourceFile(path: "fuzz.plancat", bytes: formatted))
        problems.require(reformatted.formatted == formatted, "formatting is not idempotent")
        problems.require(meaningfulTokens(of: file) == meaningfulTokens(of: SourceFile(path: "", bytes: formatted)),
                         "formatting changed the tokens")
        let diff = UnifiedDiff(usesColor: true).render(old: bytes, new: formatted, oldName: "a", newName: "b")
        problems.require(SecretScanner.keyRanges(in: Array(diff.utf8)).isEmpty, "fmt --diff shows a secret key")
    }

    /// Read one catalog.json strictly, then write it as source; source written must compile cleanly.
    static func importJSON(_ bytes: [UInt8], _ problems: inout FuzzProblems) {
        guard let document = try? CatalogDocument(json: bytes) else { return }
        guard let source = try? CatalogImporter.source(for: document) else { return }
        let rebuilt = CatalogCompiler.check([SourceFile(path: "imported.plancat", text: source)])
        problems.require(!rebuilt.hasErrors, "imported source has errors")
        problems.require(Formatter.format(source) == source, "imported source is not in the canonical layout")
    }

    /// Read one catalog.json strictly and diff it both ways against a real catalog, and against itself.
    static func diff(_ bytes: [UInt8], against baseline: CatalogDocument, _ problems: inout FuzzProblems) {
        guard let document = try? CatalogDocument(json: bytes) else { return }
        problems.require(CatalogDiff(deployed: document, source: document).isEmpty, "a catalog differs from itself")
        for diff in [CatalogDiff(deployed: document, source: baseline),
                     CatalogDiff(deployed: baseline, source: document)] {
            _ = DiffTextRenderer(usesColor: true).render(diff, source: "source", deployed: "deployed")
            _ = DiffMarkdownRenderer().render(diff, source: "source", deployed: "deployed")
            _ = diff.jsonBytes
        }
    }

    // MARK: Properties

    /// Every text of a diagnostic that a renderer may show.
    private static func texts(of diagnostic: Diagnostic) -> [String] {
        [diagnostic.message, diagnostic.label ?? "", diagnostic.help ?? ""]
            + diagnostic.notes.map(\.message) + diagnostic.fixes.map(\.message)
    }

    /// A location names a file of its compilation's table, and a span inside that file's bytes.
    private static func requireInside(_ location: SourceLocation, _ files: FileTable, _ what: String,
                                      _ problems: inout FuzzProblems) {
        guard location.file.index >= 0, Int(location.file.index) < files.count else {
            problems.require(false, "\(what) names file \(location.file.index) of a table of \(files.count)")
            return
        }
        let span = location.span, count = files[location.file].bytes.count
        problems.require(span.start >= 0 && span.start <= span.end && span.end <= count,
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
