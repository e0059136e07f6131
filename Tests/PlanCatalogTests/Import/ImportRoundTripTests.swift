import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// `build(import(build(x))) == build(x)`, byte for byte, over every catalog of the corpus that builds
/// (shipped catalogs, fixtures, the built-in sample), and the seed guide's imported source as a golden.
@Suite struct ImportRoundTripTests {
    /// The corpus catalogs that build; the others have nothing to import.
    static let buildableCatalogs: [CatalogCorpus.Catalog] = CatalogCorpus.catalogs.filter {
        CatalogCompiler.build($0.sourceFiles()).output != nil
    }

    @Test("the corpus has catalogs to import")
    func corpusIsNotEmpty() {
        // The sample, the shipped catalogs and the build fixtures at least.
        #expect(Self.buildableCatalogs.count >= 4)
    }

    @Test("importing a built catalog.json builds back to the same bytes", arguments: buildableCatalogs)
    func roundTrip(_ catalog: CatalogCorpus.Catalog) throws {
        let original = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        let source = try CatalogImporter.source(for: original.document)
        let rebuilt = CatalogCompiler.build([SourceFile(path: "imported.plancat", text: source)])
        let diagnostics = TextDiagnosticRenderer(usesColor: false).render(rebuilt.check.diagnostics, in: rebuilt.check.files)
        let output = try #require(rebuilt.output, "the imported source of \(catalog.name) has errors:\n\(diagnostics)")
        let expected = String(decoding: original.document.jsonBytes, as: UTF8.self)
        let actual = String(decoding: output.document.jsonBytes, as: UTF8.self)
        #expect(actual == expected, "\(Golden.difference(expected: expected, actual: actual))")
        // Every other output follows from catalog.json, so it is the same too.
        #expect(output.files == original.files)
    }

    @Test("the imported source checks with no more warnings than the original", arguments: buildableCatalogs)
    func importedSourceChecksClean(_ catalog: CatalogCorpus.Catalog) throws {
        let original = CatalogCompiler.build(catalog.sourceFiles())
        let document = try #require(original.output?.document)
        let source = try CatalogImporter.source(for: document)
        let check = CatalogCompiler.check([SourceFile(path: "imported.plancat", text: source)])
        #expect(check.diagnostics.map(\.code) == original.check.diagnostics.filter { $0.severity == .warning }.map(\.code),
                "\(TextDiagnosticRenderer(usesColor: false).render(check.diagnostics, in: check.files))")
    }

    @Test("the source laid out in two parts at once is the source laid out in one", arguments: buildableCatalogs)
    func partsJoinAsOne(_ catalog: CatalogCorpus.Catalog) throws {
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output?.document)
        let composer = try ImportComposer(document)
        #expect(composer.compose() == composer.composeInOnePart().bytes)
    }

    @Test("importing is deterministic and reads its own output back the same", arguments: buildableCatalogs)
    func importIsStable(_ catalog: CatalogCorpus.Catalog) throws {
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output?.document)
        let first = try CatalogImporter.source(for: document)
        let reread = try CatalogDocument(json: document.jsonBytes)
        #expect(try CatalogImporter.source(for: reread) == first)
        // Importing the import's own build gives the same text again.
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "imported.plancat", text: first)]).output)
        #expect(try CatalogImporter.source(for: rebuilt.document) == first)
    }

    @Test("the imported source is already in the canonical layout", arguments: buildableCatalogs)
    func importIsFormatted(_ catalog: CatalogCorpus.Catalog) throws {
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output?.document)
        let source = try CatalogImporter.source(for: document)
        let formatted = try #require(Formatter.format(source, path: "imported.plancat"))
        #expect(formatted == source, "\(Golden.difference(expected: formatted, actual: source))")
    }

    // MARK: Golden

    static let fixtures = CatalogCorpus.packageRoot.appendingPathComponent("Tests/PlanCatalogTests/Fixtures/Import")

    @Test("the seed guide imports to its golden source")
    func seedGuideGolden() throws {
        let url = CatalogCorpus.packageRoot.appendingPathComponent("catalogs/freemium-to-enterprise.plancat")
        let bytes = try #require(FileManager.default.contents(atPath: url.path))
        let output = try #require(CatalogCompiler.build([SourceFile(path: "guide.plancat", bytes: Array(bytes))]).output)
        let source = try CatalogImporter.source(for: output.document)
        Golden.expect(source, matchesFile: Self.fixtures.appendingPathComponent("freemium-to-enterprise.imported"))
    }
}
