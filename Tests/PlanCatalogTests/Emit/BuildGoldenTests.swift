import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Golden files of the full build of every shipped catalog and every build fixture
/// (`Fixtures/Build/NAME.plancat`): the files under `Fixtures/BuildOutputs/NAME/` must be exactly the
/// files `build` writes, byte for byte. `PLANCAT_UPDATE_GOLDENS=1` rewrites them and still fails, so
/// every change of output is reviewed in the diff of a commit.
@Suite struct BuildGoldenTests {
    static let outputsDirectory = CatalogCorpus.packageRoot
        .appendingPathComponent("Tests/PlanCatalogTests/Fixtures/BuildOutputs")

    /// The catalogs whose outputs are kept: shipped catalogs, then build fixtures.
    static let catalogs: [CatalogCorpus.Catalog] =
        CatalogCorpus.catalogs(under: "catalogs") + CatalogCorpus.catalogs(under: "Tests/PlanCatalogTests/Fixtures/Build")

    /// `catalogs/teamspace` → `teamspace`; `…/Build/per-seat.plancat` → `per-seat`.
    static func goldenName(of catalog: CatalogCorpus.Catalog) -> String {
        let last = URL(fileURLWithPath: catalog.name).lastPathComponent
        return last.hasSuffix(".plancat") ? String(last.dropLast(".plancat".count)) : last
    }

    @Test("every shipped catalog and build fixture builds", arguments: catalogs)
    func builds(_ catalog: CatalogCorpus.Catalog) {
        let result = CatalogCompiler.build(catalog.sourceFiles())
        #expect(result.output != nil, "\(catalog.name) has errors:\n\(TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files))")
    }

    @Test("build output matches its golden files", arguments: catalogs)
    func matchesGoldens(_ catalog: CatalogCorpus.Catalog) throws {
        let output = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        Golden.expect(output.files.map { ($0.path, $0.bytes) },
                      matchDirectory: Self.outputsDirectory.appendingPathComponent(Self.goldenName(of: catalog)),
                      name: catalog.name)
    }
}
