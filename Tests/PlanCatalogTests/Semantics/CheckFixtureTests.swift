import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Golden fixtures for the checker: every `Fixtures/Check/NAME.plancat` (or catalog directory
/// `Fixtures/Check/NAME/` with a `catalog.plancat`) is checked, its diagnostics rendered as plain text,
/// and compared with `NAME.diag` beside it (empty when the catalog is clean).
/// `PLANCAT_UPDATE_GOLDENS=1` rewrites the expectations and still fails, so every change is reviewed (Golden).
@Suite struct CheckFixtureTests {
    static let directory = PackageRoot.url(of: "Tests/PlanCatalogTests/Fixtures/Check")

    /// Fixture names: single files without their extension, and catalog directories.
    static let fixtureNames: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.compactMap { entry -> String? in
            if entry.hasSuffix(".plancat") { return String(entry.dropLast(".plancat".count)) }
            var isDirectory: ObjCBool = false
            let path = directory.appendingPathComponent(entry).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return entry
            }
            return nil
        }.sorted()
    }()

    /// The files of one fixture, with display paths relative to the fixtures folder.
    static func sourceFiles(of name: String) throws -> [SourceFile] {
        let single = directory.appendingPathComponent(name + ".plancat")
        if FileManager.default.fileExists(atPath: single.path) {
            return [SourceFile(path: name + ".plancat", bytes: Array(try Data(contentsOf: single)))]
        }
        let folder = directory.appendingPathComponent(name)
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let entry = enumerator?.nextObject() as? String {
            if entry.hasSuffix(".plancat") { paths.append(entry) }
        }
        return try paths.sorted().map { entry in
            SourceFile(path: "\(name)/\(entry)",
                       bytes: Array(try Data(contentsOf: folder.appendingPathComponent(entry))))
        }
    }

    static func render(_ name: String) throws -> String {
        let result = CatalogCompiler.check(try sourceFiles(of: name))
        return TextDiagnosticRenderer(usesColor: false).render(result.diagnostics, in: result.files)
    }

    @Test("check fixture", arguments: fixtureNames)
    func fixture(_ name: String) throws {
        Golden.expect(try Self.render(name), matchesFile: Self.directory.appendingPathComponent(name + ".diag"))
    }

    /// Fixtures too large to commit, built in memory: a file one byte over the 128 MiB limit (E0113), and
    /// ones with a problem or a warning more than a check reports (E0116, W0116). `InputLimitTests` checks their diagnostics.
    static var generatedFixtures: [String: [SourceFile]] {
        ["limit-file-size": [InputLimitTests.fileTooLarge],
         "limit-too-many-problems": [InputLimitTests.strays(InputLimits.maximumDiagnostics + 1)],
         "limit-too-many-warnings": [InputLimitTests.placeholderPlans(InputLimits.maximumDiagnostics + 1)]]
    }

    @Test("every diagnostic code has a fixture that triggers it")
    func everyCodeHasAFixture() throws {
        var seen = Set<String>()
        for name in Self.fixtureNames {
            let result = CatalogCompiler.check(try Self.sourceFiles(of: name))
            seen.formUnion(result.diagnostics.map(\.code.rawValue))
        }
        for files in Self.generatedFixtures.values {
            seen.formUnion(CatalogCompiler.check(files).diagnostics.map(\.code.rawValue))
        }
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !seen.contains($0) }
        #expect(missing.isEmpty, "codes without a fixture: \(missing.joined(separator: ", "))")
    }
}
