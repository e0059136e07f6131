import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Bad input gets a diagnostic and exit 1, never a crash or a hang.
///
/// Every catalog of the corpus (the shipped catalogs, the fixtures and a built-in sample) is broken in
/// three ways — cut short, bytes changed, tokens shuffled — and each broken catalog is checked in process.
/// A crash fails the run and a hang trips the time limit; besides, every check must keep its promises:
/// diagnostics point inside their files, the statement tree is well formed, invalid UTF-8 and NUL bytes
/// are reported where they are, and a catalog found clean is found clean the same way again.
/// The generator is seeded by the catalog's name, so a failure names a mutation that reproduces.
@Suite struct RobustnessTests {
    /// Mutations per catalog and kind; a bigger catalog gets fewer, so that the suite stays within
    /// seconds in a debug build. `PLANCAT_ROBUSTNESS_SCALE=50 swift test --filter RobustnessTests` runs
    /// fifty times as many, for a longer hunt before a release.
    private static func mutationCount(for catalog: CatalogCorpus.Catalog, atMost limit: Int) -> Int {
        Swift.max(20, Swift.min(limit, 200_000 / Swift.max(1, catalog.byteCount))) * scale
    }

    private static let scale: Int = {
        let value = ProcessInfo.processInfo.environment["PLANCAT_ROBUSTNESS_SCALE"].flatMap { Int($0) } ?? 1
        return Swift.max(1, value)
    }()

    @Test(.timeLimit(.minutes(scale > 1 ? 60 : 1)), arguments: CatalogCorpus.catalogs)
    func everyTruncationIsCheckedSafely(_ catalog: CatalogCorpus.Catalog) {
        var generator = SplitMix64(name: "truncate " + catalog.name)
        var verifier = CheckVerifier(catalog: catalog)
        for (fileIndex, file) in catalog.files.enumerated() {
            let limit = Self.mutationCount(for: catalog, atMost: 200) / catalog.files.count + 1
            for offset in SourceMutator.truncationOffsets(length: file.bytes.count, limit: limit, using: &generator) {
                verifier.check(replacing: fileIndex, with: Array(file.bytes[..<offset]),
                               mutation: "truncated at byte \(offset)")
            }
        }
        verifier.expectNoProblems()
    }

    @Test(.timeLimit(.minutes(scale > 1 ? 60 : 1)), arguments: CatalogCorpus.catalogs)
    func randomByteChangesAreCheckedSafely(_ catalog: CatalogCorpus.Catalog) {
        Self.checkRandomMutations(of: catalog, seed: "bytes", mutate: SourceMutator.flipBytes)
    }

    @Test(.timeLimit(.minutes(scale > 1 ? 60 : 1)), arguments: CatalogCorpus.catalogs)
    func randomTokenShufflesAreCheckedSafely(_ catalog: CatalogCorpus.Catalog) {
        Self.checkRandomMutations(of: catalog, seed: "tokens", mutate: SourceMutator.shuffleTokens)
    }

    /// Checks random mutations of random files of `catalog`, drawn from a generator seeded by `seed` and
    /// the catalog's name so that every failure reproduces.
    private static func checkRandomMutations(
        of catalog: CatalogCorpus.Catalog, seed: String,
        mutate: ([UInt8], inout SplitMix64) -> (bytes: [UInt8], description: String)
    ) {
        var generator = SplitMix64(name: seed + " " + catalog.name)
        var verifier = CheckVerifier(catalog: catalog)
        for _ in 0..<mutationCount(for: catalog, atMost: 120) {
            let fileIndex = Int.random(in: 0..<catalog.files.count, using: &generator)
            let (bytes, description) = mutate(catalog.files[fileIndex].bytes, &generator)
            verifier.check(replacing: fileIndex, with: bytes, mutation: description)
        }
        verifier.expectNoProblems()
    }

    /// The unbroken catalogs keep the same promises (and the sample, written to check clean, does).
    @Test func theUnbrokenCorpusIsCheckedSafely() {
        #expect(CatalogCorpus.catalogs.count >= 1)
        for catalog in CatalogCorpus.catalogs {
            var verifier = CheckVerifier(catalog: catalog)
            verifier.check(replacing: 0, with: catalog.files[0].bytes, mutation: "none")
            verifier.expectNoProblems()
        }
        let sample = CatalogCorpus.catalogs[0]
        let result = CatalogCompiler.check(sample.sourceFiles())
        #expect(!result.hasErrors, "\(TextDiagnosticRenderer().render(result.diagnostics, in: result.files))")
    }

    /// A few hostile files of the kinds a fuzzer finds first.
    @Test(.timeLimit(.minutes(1)))
    func hostileFilesAreCheckedSafely() {
        let catalog = CatalogCorpus.Catalog(name: "hostile", files: [.init(path: "hostile.plancat", bytes: [])])
        var verifier = CheckVerifier(catalog: catalog)
        var generator = SplitMix64(seed: 0x5EED)
        let inputs: [(String, [UInt8])] = [
            ("empty", []),
            ("only a BOM", [0xEF, 0xBB, 0xBF]),
            ("a half BOM", [0xEF, 0xBB]),
            ("NUL bytes", [UInt8](repeating: 0, count: 1000)),
            ("0xFF bytes", [UInt8](repeating: 0xFF, count: 1000)),
            ("random bytes", (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &generator) }),
            ("deep braces", Array((String(repeating: "a {\n", count: 50_000) + String(repeating: "}\n", count: 50_000)).utf8)),
            ("deep braces on one line", Array((String(repeating: "a {", count: 5_000) + String(repeating: "}", count: 5_000)).utf8)),
            ("open braces", Array(String(repeating: "{\n", count: 50_000).utf8)),
            ("close braces", Array(String(repeating: "}\n", count: 50_000).utf8)),
            ("a long line", Array(("plan " + String(repeating: "x", count: 100_000) + " {").utf8)),
            ("long string", Array(("name \"" + String(repeating: "\\u{1F600}", count: 10_000) + "\"").utf8)),
            ("many quotes", Array(String(repeating: "\"\n", count: 20_000).utf8)),
            ("many dots", Array(String(repeating: "a.", count: 20_000).utf8)),
            ("many statements", Array(String(repeating: "plan p { name \"P\" }\n", count: 5_000).utf8)),
            ("huge number", Array(("currency USD\nplan p { price q { interval month\ncomponent c { fixed "
                                   + String(repeating: "9", count: 5_000) + " } } }").utf8)),
            ("CR only", Array(String(repeating: "plan p {\r  name \"P\"\r}\r", count: 100).utf8)),
        ]
        for (name, bytes) in inputs {
            verifier.check(replacing: 0, with: bytes, mutation: name)
        }
        verifier.expectNoProblems()
    }
}

/// Checks one catalog with one of its files replaced, and collects every broken promise.
struct CheckVerifier {
    let catalog: CatalogCorpus.Catalog
    private(set) var problems: [String] = []
    private(set) var checkCount = 0
    private(set) var slowest: Duration = .zero

    init(catalog: CatalogCorpus.Catalog) { self.catalog = catalog }

    mutating func check(replacing fileIndex: Int, with bytes: [UInt8], mutation: String) {
        var files = catalog.sourceFiles()
        files[fileIndex] = SourceFile(path: catalog.files[fileIndex].path, bytes: bytes)
        let mutated = files[fileIndex]
        let clock = ContinuousClock()
        let start = clock.now
        let result = CatalogCompiler.check(files)
        slowest = Swift.max(slowest, clock.now - start)
        checkCount += 1
        var found: [String] = []

        for diagnostic in result.diagnostics {
            let name = "\(diagnostic.code.rawValue) \(diagnostic.message.prefix(80))"
            found += spanProblems(diagnostic.location, among: result.files, what: name)
            for note in diagnostic.notes {
                if let location = note.location { found += spanProblems(location, among: result.files, what: "a note of \(name)") }
            }
            for fix in diagnostic.fixes {
                for edit in fix.edits { found += spanProblems(edit.location, among: result.files, what: "a fix-it of \(name)") }
            }
        }
        for tree in files.map({ Parser.parse($0).tree }) {
            found += tree.structuralProblems().map { "tree of \(tree.file.path): \($0)" }
        }
        // Invalid UTF-8 and NUL bytes always get a diagnostic over them.
        if let offset = Self.firstInvalidUTF8(in: bytes) {
            let reported = result.diagnostics.contains {
                $0.code == .invalidUTF8 && result.files[$0.location.file] === mutated && $0.location.span.start <= offset
                    && offset < $0.location.span.end
            }
            if !reported { found.append("invalid UTF-8 at byte \(offset) is not reported there") }
        }
        if let offset = bytes.firstIndex(of: 0) {
            let reported = result.diagnostics.contains {
                $0.severity == .error && result.files[$0.location.file] === mutated && $0.location.span.start <= offset
                    && offset < $0.location.span.end
            }
            if !reported { found.append("the NUL byte at \(offset) is not reported there") }
        }
        // The renderers must cope with whatever the checker reports. (Only the first few: rendering
        // costs a whole source line per diagnostic, and hostile files hold thousands on one line.)
        let rendered = Array(result.diagnostics.prefix(20))
        _ = TextDiagnosticRenderer().render(rendered, in: result.files)
        _ = JSONDiagnosticRenderer().render(rendered, in: result.files)
        // A clean catalog is clean the same way every time, builds the same bytes every time (no
        // emitter invariant trips on it), and its catalog.json reads back as the same document.
        if !result.hasErrors {
            var again = catalog.sourceFiles()
            again[fileIndex] = SourceFile(path: catalog.files[fileIndex].path, bytes: bytes)
            let second = CatalogCompiler.build(again)
            if Self.fingerprint(of: second.check, files: again) != Self.fingerprint(of: result, files: files) {
                found.append("a clean check is not deterministic")
            }
            let output = BuildOutput(document: CatalogDocument(compiling: result.catalog))
            if second.output?.files != output.files { found.append("a clean build is not deterministic") }
            do {
                if try CatalogDocument(json: output.document.jsonBytes) != output.document {
                    found.append("catalog.json does not read back as the document it was written from")
                }
            } catch {
                found.append("catalog.json is refused by the reader: \(error)")
            }
        }
        if !found.isEmpty {
            let text = String(decoding: bytes.prefix(2_000), as: UTF8.self)
            problems.append("""
                \(catalog.name), \(catalog.files[fileIndex].path), mutation \(mutation):
                  \(found.prefix(5).joined(separator: "\n  "))
                  source: \(text.debugDescription)
                """)
        }
    }

    /// Fails the test with the first few broken promises, each with the mutation that breaks it.
    func expectNoProblems(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let report = problems.prefix(8).joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems.count) of \(checkCount) checks broke a promise:\n\(report)",
                sourceLocation: sourceLocation)
        // Not a benchmark: a generous bound that only a runaway (quadratic or worse) check exceeds.
        #expect(slowest < .seconds(5), "the slowest check took \(slowest)", sourceLocation: sourceLocation)
    }

    private func spanProblems(_ location: PlanCatalog.SourceLocation, among files: FileTable,
                              what: String) -> [String] {
        guard Int(location.file.index) < files.count else { return ["\(what) is in a file not checked"] }
        var result: [String] = []
        let file = files[location.file]
        let span = location.span
        if span.start < 0 || span.end > file.bytes.count {
            result.append("\(what) at \(span.start)..<\(span.end) lies outside its file of \(file.bytes.count) bytes")
        }
        return result
    }

    /// The first byte that does not start a valid UTF-8 scalar (a leading byte order mark is fine).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var offset = 0
        while offset < bytes.count {
            guard let (_, length) = UTF8Decoding.scalar(in: bytes, at: offset) else { return offset }
            offset += length
        }
        return nil
    }

    /// Everything a check reports, and the shape of every tree, as one comparable text.
    static func fingerprint(of result: CheckResult, files: [SourceFile]) -> String {
        var text = ""
        for diagnostic in result.diagnostics {
            text += "\(result.files.path(of: diagnostic.location)):\(diagnostic.location.span.start)-\(diagnostic.location.span.end) "
                + "\(diagnostic.code.rawValue) \(diagnostic.message) | \(diagnostic.label ?? "") | \(diagnostic.help ?? "")"
            for note in diagnostic.notes {
                text += " note: \(note.message) @\(note.location.map { "\($0.span.start)" } ?? "-")"
            }
            text += "\n"
        }
        func visit(_ statements: StatementList, depth: Int) {
            for statement in statements {
                text += String(repeating: " ", count: depth) + statement.keyword.text
                    + statement.arguments.map { " \($0.value.summary)" }.joined() + " @\(statement.span.start)\n"
                if let block = statement.block { visit(block.statements, depth: depth + 1) }
            }
        }
        for tree in files.map({ Parser.parse($0).tree }) { visit(tree.statements, depth: 0) }
        return text
    }
}
