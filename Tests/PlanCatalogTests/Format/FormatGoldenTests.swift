import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Golden files of the canonical layout: every `Fixtures/Format/NAME.plancat` formats to exactly
/// `Fixtures/Format/NAME.formatted`, and that is a fixed point. `PLANCAT_UPDATE_GOLDENS=1` rewrites the
/// expectations and still fails, so every change of layout is reviewed in a commit's diff.
@Suite struct FormatGoldenTests {
    static let directory = CatalogCorpus.packageRoot.appendingPathComponent("Tests/PlanCatalogTests/Fixtures/Format")

    /// The fixture names, without extension, sorted.
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".plancat") }.map { String($0.dropLast(".plancat".count)) }.sorted()

    @Test func fixturesExist() {
        #expect(Self.names.count >= 7, "Fixtures/Format holds \(Self.names.count) fixtures")
    }

    @Test("formats to its golden file", arguments: names)
    func matchesGolden(_ name: String) throws {
        let input = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".plancat"))
        let result = Formatter.format(SourceFile(path: name + ".plancat", bytes: Array(input)))
        let formatted = try #require(result.formatted, "\(name) has syntax errors: \(result.syntaxErrors.map(\.message))")
        let actual = String(decoding: formatted, as: UTF8.self)
        Golden.expect(formatted, matchesFile: Self.directory.appendingPathComponent(name + ".formatted"))
        #expect(Formatter.format(actual, path: name + ".formatted") == actual, "formatting \(name) twice changes it")
    }

    @Test("no golden file is left without its input")
    func everyGoldenHasAnInput() throws {
        let goldens = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".formatted") }.map { String($0.dropLast(".formatted".count)) }.sorted()
        #expect(goldens == Self.names)
    }
}
