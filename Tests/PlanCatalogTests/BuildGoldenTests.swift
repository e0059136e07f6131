import Foundation
import Testing
@testable import PlanCatalog

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
        #expect(result.output != nil, "\(catalog.name) has errors:\n\(TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics))")
    }

    @Test("build output matches its golden files", arguments: catalogs)
    func matchesGoldens(_ catalog: CatalogCorpus.Catalog) throws {
        let output = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        let directory = Self.outputsDirectory.appendingPathComponent(Self.goldenName(of: catalog))
        let expectedPaths = Set(Self.relativeFiles(under: directory))
        let actualPaths = Set(output.files.map(\.path))

        if ProcessInfo.processInfo.environment["PLANCAT_UPDATE_GOLDENS"] == "1" {
            let changed = expectedPaths != actualPaths || output.files.contains { file in
                FileManager.default.contents(atPath: directory.appendingPathComponent(file.path).path) != Data(file.bytes)
            }
            guard changed else { return }
            try? FileManager.default.removeItem(at: directory)
            for file in output.files {
                let url = directory.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            Issue.record("rewrote the golden outputs of \(catalog.name); review the change and rerun")
            return
        }

        #expect(actualPaths == expectedPaths, "files built for \(catalog.name) differ from the goldens")
        for file in output.files {
            let url = directory.appendingPathComponent(file.path)
            let expected = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let actual = String(decoding: file.bytes, as: UTF8.self)
            if actual != expected {
                Issue.record("\(file.path) of \(catalog.name) differs from its golden:\n\(GoldenDiff.lineDiff(expected: expected, actual: actual))")
            }
        }
    }

    /// Paths of the regular files under a directory, relative to it.
    static func relativeFiles(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var paths: [String] = []
        while let entry = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(entry).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                paths.append(entry)
            }
        }
        return paths
    }
}
