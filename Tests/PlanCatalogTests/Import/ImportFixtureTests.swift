import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Hand-made catalog.json inputs, discovered by name under `Fixtures/Import/`:
/// - `Refused/NAME.json` with `NAME.expected`, the exact one-line message (the reader's, for a file that
///   is not a valid catalog.json, or the importer's, for one the language cannot say);
/// - `Accepted/NAME.json` with `NAME.imported`, the exact source, which must build back to the same
///   document.
/// `PLANCAT_UPDATE_GOLDENS=1` rewrites the expectations and still fails.
@Suite struct ImportFixtureTests {
    static let directory = CatalogCorpus.packageRoot.appendingPathComponent("Tests/PlanCatalogTests/Fixtures/Import")

    static func inputs(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
    }

    static let refused = inputs(in: "Refused")
    static let accepted = inputs(in: "Accepted")

    @Test("there are fixtures of both kinds")
    func fixturesExist() {
        #expect(Self.refused.count >= 10)
        #expect(!Self.accepted.isEmpty)
    }

    @Test("a refused input is reported at its path with the expected message", arguments: refused)
    func refusedInput(_ name: String) throws {
        let folder = Self.directory.appendingPathComponent("Refused")
        let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".json").path))
        let message: String
        do {
            let document = try CatalogDocument(json: Array(bytes))
            let source = try CatalogImporter.source(for: document)
            Issue.record("\(name).json was imported, but it should be refused:\n\(source)")
            return
        } catch let error as CatalogDocumentError {
            message = error.description
        } catch let error as ImportError {
            message = error.description
        }
        Golden.expect(message + "\n", matchesFile: folder.appendingPathComponent(name + ".expected"))
    }

    @Test("an accepted input imports to its golden source and builds back to itself", arguments: accepted)
    func acceptedInput(_ name: String) throws {
        let folder = Self.directory.appendingPathComponent("Accepted")
        let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".json").path))
        let document = try CatalogDocument(json: Array(bytes))
        let source = try CatalogImporter.source(for: document)
        Golden.expect(source, matchesFile: folder.appendingPathComponent(name + ".imported"))
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "imported.plancat", text: source)]).output)
        // Sorted and normalised (2900.0 → 2900), the rebuilt document says exactly what the input says.
        #expect(DocumentComparison.firstDifference(between: document, and: rebuilt.document) == nil)
        #expect(rebuilt.document.jsonBytes == (try CatalogDocument(json: rebuilt.document.jsonBytes)).jsonBytes)
    }
}
