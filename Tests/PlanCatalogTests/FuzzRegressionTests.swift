import Foundation
import PlanCatalog
import PlanCatalogFuzzing
import Testing
import PlanCatalogTestSupport

/// The fuzz harnesses of `.ci/fuzz` (Docs/Robustness.md § Fuzzing), run in every test run over the inputs
/// the fuzzer starts from — every `.plancat` and JSON file of `catalogs/` and `Tests/` — and over every
/// finding the fuzzer ever made, kept in `Fixtures/Fuzz/HARNESS/` once fixed. Every property must hold.
@Suite struct FuzzRegressionTests {
    static let packageRoot = PackageRoot.url

    /// What the diff harness compares each input with, as `plancat-fuzz` does by default.
    static let baseline: CatalogDocument? = {
        let path = packageRoot.appendingPathComponent("catalogs/freemium-to-enterprise.plancat").path
        return FileManager.default.contents(atPath: path).flatMap {
            FuzzHarness.baseline(fromSource: Array($0), path: path)
        }
    }()

    /// The harness's inputs, as paths relative to the package: its seeds, then its findings.
    static func inputs(of harness: FuzzHarness) -> [String] {
        let fileExtension = harness.readsJSON ? ".json" : ".plancat"
        var seeds: [String] = []
        for directory in ["catalogs", "Tests"] {
            let enumerator = FileManager.default.enumerator(atPath: packageRoot.appendingPathComponent(directory).path)
            while let entry = enumerator?.nextObject() as? String {
                if entry.hasSuffix(fileExtension), !entry.contains("/schemas/") { seeds.append(directory + "/" + entry) }
            }
        }
        let findings = "Tests/PlanCatalogTests/Fixtures/Fuzz/\(harness.rawValue)"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(findings).path)) ?? []
        return seeds.filter { !$0.hasPrefix(findings) }.sorted() + names.sorted().map { findings + "/" + $0 }
    }

    @Test(arguments: FuzzHarness.allCases)
    func everyPropertyHoldsOverTheSeedsAndThePastFindings(_ harness: FuzzHarness) throws {
        let baseline = try #require(Self.baseline, "catalogs/freemium-to-enterprise.plancat must build")
        let inputs = Self.inputs(of: harness)
        #expect(inputs.count >= 20, "the \(harness) harness has too few seeds to mean anything")
        for input in inputs {
            let bytes = try #require(FileManager.default.contents(atPath: Self.packageRoot.appendingPathComponent(input).path))
            let problems = harness.run(Array(bytes), baseline: baseline)
            #expect(problems.isEmpty, "\(harness) \(input): \(problems.joined(separator: "; "))")
        }
    }
}
