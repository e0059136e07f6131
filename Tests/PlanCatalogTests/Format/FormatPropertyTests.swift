import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Whole-corpus properties of the formatter, over every shipped catalog and every fixture
/// (`CatalogCorpus`): it never changes meaning, it is idempotent, and it refuses broken files.
@Suite struct FormatPropertyTests {
    /// The tokens that carry meaning, as (kind, text): everything but line ends, `;` and the end of file,
    /// which are layout. A comment's trailing spaces are layout too (no line may end with them).
    static func meaningfulTokens(of file: SourceFile) -> [String] {
        Lexer.tokenize(file).tokens.compactMap { token in
            switch token.kind {
            case .newline, .semicolon, .endOfFile: return nil
            case .comment: return "comment " + FormatPrinter.text(of: Comment(text: file.text(of: token.span), span: token.span))
            default: return "\(token.kind) " + file.text(of: token.span)
            }
        }
    }

    /// Each file of the catalog formatted, or nil when one has syntax errors.
    static func formatted(_ catalog: CatalogCorpus.Catalog) -> [SourceFile]? {
        var files: [SourceFile] = []
        for file in catalog.sourceFiles() {
            guard let bytes = Formatter.format(file).formatted else { return nil }
            files.append(SourceFile(path: file.path, bytes: bytes))
        }
        return files
    }

    @Test("fmt(fmt(x)) == fmt(x), and the tokens stay the same", arguments: CatalogCorpus.catalogs)
    func idempotentAndTokenPreserving(_ catalog: CatalogCorpus.Catalog) {
        for file in catalog.sourceFiles() {
            let result = Formatter.format(file)
            let hasSyntaxErrors = Parser.parse(file).diagnostics.contains { $0.severity == .error }
            guard let once = result.formatted else {
                #expect(hasSyntaxErrors, "\(file.path) was refused without a syntax error")
                continue
            }
            #expect(!hasSyntaxErrors, "\(file.path) has syntax errors but was formatted")
            let onceFile = SourceFile(path: file.path, bytes: once)
            let twice = Formatter.format(onceFile).formatted
            #expect(twice == once, "formatting \(file.path) twice changes it")
            #expect(Self.meaningfulTokens(of: onceFile) == Self.meaningfulTokens(of: file),
                    "formatting \(file.path) changes its tokens")
            #expect(!once.contains(UInt8(ascii: "\r")) || file.bytes.contains(UInt8(ascii: "\r")))
        }
    }

    /// A large file is parsed on a thread of its own while the printer prints the statements already
    /// parsed. Every file, forced that way in regions of 1, 3 and 64 statements, formats to the same bytes
    /// (or is refused with the same errors) as when parsed a statement at a time on the calling thread.
    @Test("fmt gives the same bytes whether the file is parsed beside the printer or not",
          arguments: CatalogCorpus.catalogs)
    func pipelinedParsingFormatsTheSame(_ catalog: CatalogCorpus.Catalog) {
        for file in catalog.sourceFiles() {
            let serial = Formatter.format(file, pipelinedFileSize: .max, regionSize: 1)
            for regionSize in [1, 3, 64] {
                let pipelined = Formatter.format(file, pipelinedFileSize: 0, regionSize: regionSize)
                #expect(pipelined.formatted == serial.formatted, "\(file.path) in regions of \(regionSize)")
                #expect(pipelined.syntaxErrors.map(\.message) == serial.syntaxErrors.map(\.message),
                        "\(file.path) in regions of \(regionSize)")
            }
        }
    }

    @Test("build(fmt(x)) == build(x), byte for byte", arguments: CatalogCorpus.catalogs)
    func buildUnchanged(_ catalog: CatalogCorpus.Catalog) {
        guard let formatted = Self.formatted(catalog) else { return }
        let before = CatalogCompiler.build(catalog.sourceFiles())
        let after = CatalogCompiler.build(formatted)
        #expect((before.output == nil) == (after.output == nil), "\(catalog.name) builds only one way")
        if let before = before.output, let after = after.output {
            #expect(before.files == after.files, "\(catalog.name) builds to other bytes once formatted")
        }
        // The same problems, by code and message, wherever the lines moved.
        let problems = { (result: BuildResult) in
            result.check.diagnostics.map { "\($0.code.rawValue) \($0.message)" }.sorted()
        }
        #expect(problems(after) == problems(before), "\(catalog.name) reports other problems once formatted")
    }

    @Test("mutated files format idempotently with their tokens, or are refused", arguments: CatalogCorpus.catalogs)
    func mutatedFiles(_ catalog: CatalogCorpus.Catalog) {
        var generator = SplitMix64(name: "fmt " + catalog.name)
        var formattedCount = 0
        for file in catalog.files {
            for round in 0..<20 {
                let mutation = round.isMultiple(of: 2)
                    ? SourceMutator.shuffleTokens(file.bytes, using: &generator)
                    : SourceMutator.flipBytes(file.bytes, using: &generator)
                let source = SourceFile(path: file.path, bytes: mutation.bytes)
                guard let once = Formatter.format(source).formatted else { continue }
                formattedCount += 1
                let onceFile = SourceFile(path: file.path, bytes: once)
                #expect(Formatter.format(onceFile).formatted == once, "\(file.path), \(mutation.description)")
                #expect(Self.meaningfulTokens(of: onceFile) == Self.meaningfulTokens(of: source),
                        "\(file.path), \(mutation.description)")
            }
        }
        // Flipped bytes inside strings and comments, and shuffles of equal tokens, still parse.
        #expect(formattedCount > 0 || Self.formatted(catalog) == nil, "no mutation of \(catalog.name) parses, so none was formatted")
    }

    @Test func theCorpusHasCleanBrokenAndMultiFileCatalogs() {
        let catalogs = CatalogCorpus.catalogs
        #expect(catalogs.contains { Self.formatted($0) == nil })
        #expect(catalogs.contains { $0.files.count > 1 && Self.formatted($0) != nil })
        #expect(catalogs.filter { CatalogCompiler.build($0.sourceFiles()).output != nil }.count >= 5)
    }

    @Test func syntaxErrorsAreRefusedWithTheParsersDiagnostics() {
        let file = SourceFile(path: "broken.plancat", text: "plan pro {\n  name \"Pro\n")
        let result = Formatter.format(file)
        #expect(result.formatted == nil)
        #expect(!result.isChanged)
        #expect(result.syntaxErrors.map(\.code) == Parser.parse(file).diagnostics.map(\.code))
        #expect(result.syntaxErrors.contains { $0.code == .unterminatedString })
    }
}
