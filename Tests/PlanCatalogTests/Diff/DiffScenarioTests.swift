import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Whole diffs of real catalogs, end to end: each directory under `Fixtures/DiffScenarios/` holds a
/// `deployed.plancat` and a `source.plancat`; both are built, the first's catalog.json is read back from
/// its bytes as `plancat diff --against` would, and the diff of the two must render exactly as the
/// goldens beside them — `diff.txt`, `diff.json`, `diff.md` — and conform to the diff schema. A source
/// with scenarios adds its invoice impact to the three (PREVIEW.md § 5).
/// `PLANCAT_UPDATE_GOLDENS=1` rewrites the goldens and still fails, so every change is reviewed.
@Suite struct DiffScenarioTests {
    static let scenariosDirectory = CatalogCorpus.packageRoot
        .appendingPathComponent("Tests/PlanCatalogTests/Fixtures/DiffScenarios")

    /// The scenario directories, by name.
    static let scenarios: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// The golden files of a scenario and how each is rendered.
    /// The text and Markdown renderings name where each changed record is defined in `source.plancat`.
    static let renderings: [(file: String, render: @Sendable (CatalogDiff, DiffSourceLocations, InvoiceImpact?) -> String)] = [
        ("diff.txt", { DiffTextRenderer(usesColor: false).render($0, source: "source.plancat", deployed: "deployed.json",
                                                                 locations: $1, impact: $2) }),
        ("diff.json", { diff, _, impact in String(decoding: diff.jsonBytes(invoiceImpact: impact), as: UTF8.self) }),
        ("diff.md", { DiffMarkdownRenderer().render($0, source: "source.plancat", deployed: "deployed.json", locations: $1,
                                                    impact: $2) }),
    ]

    /// The scenario's source, checked.
    static func sourceCatalog(of scenario: String) throws -> Catalog {
        let url = scenariosDirectory.appendingPathComponent(scenario).appendingPathComponent("source.plancat")
        return CatalogCompiler.build([SourceFile(path: "source.plancat", bytes: Array(try Data(contentsOf: url)))])
            .check.catalog
    }

    /// The locations of the changed records of the scenario's source.
    static func locations(of scenario: String, for diff: CatalogDiff) throws -> DiffSourceLocations {
        DiffSourceLocations(catalog: try sourceCatalog(of: scenario), changes: diff.changes)
    }

    /// The diff's invoice impact on the source's scenarios, as `plancat diff` computes it: the deployed
    /// side read back from its bytes, both sides given the source's credit order.
    static func impact(of scenario: String, for diff: CatalogDiff) throws -> InvoiceImpact? {
        guard let deployed = try document(scenario, "deployed"), let source = try document(scenario, "source") else {
            return nil
        }
        let catalog = try sourceCatalog(of: scenario)
        return diff.invoiceImpact(deployed: try CatalogDocument(json: deployed.jsonBytes), source: source,
                                  scenarios: catalog.scenarios.compactMap { PreviewRequest($0) },
                                  creditOrder: catalog.creditDeclarationOrder)
    }

    /// Builds one side of a scenario; nil (with an issue recorded) when it does not build.
    static func document(_ scenario: String, _ side: String) throws -> CatalogDocument? {
        let url = scenariosDirectory.appendingPathComponent(scenario).appendingPathComponent(side + ".plancat")
        let file = SourceFile(path: side + ".plancat", bytes: Array(try Data(contentsOf: url)))
        let result = CatalogCompiler.build([file])
        guard let output = result.output else {
            let diagnostics = TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files)
            Issue.record("\(scenario)/\(side).plancat has errors:\n\(diagnostics)")
            return nil
        }
        return output.document
    }

    /// The scenario's diff, with the deployed side read back from catalog.json's bytes.
    static func diff(of scenario: String) throws -> CatalogDiff? {
        guard let deployed = try document(scenario, "deployed"), let source = try document(scenario, "source") else {
            return nil
        }
        return CatalogDiff(deployed: try CatalogDocument(json: deployed.jsonBytes), source: source)
    }

    /// Records are matched by id whatever order the documents list them in: sorted lists are merged, any
    /// other order is matched through dictionaries, and both give the same diff.
    @Test("records in any order give the diff of sorted ones", arguments: scenarios)
    func recordsInAnyOrder(_ scenario: String) throws {
        guard let deployed = try Self.document(scenario, "deployed"), let source = try Self.document(scenario, "source")
        else { return }
        func reversed(_ document: CatalogDocument) -> CatalogDocument {
            var reversed = document
            reversed.metrics.reverse()
            reversed.features.reverse()
            reversed.plans.reverse()
            reversed.prices.reverse()
            reversed.creditDefinitions.reverse()
            reversed.pricingTables.reverse()
            reversed.quotes.reverse()
            return reversed
        }
        let expected = CatalogDiff(deployed: deployed, source: source)
        #expect(CatalogDiff(deployed: reversed(deployed), source: source) == expected)
        #expect(CatalogDiff(deployed: deployed, source: reversed(source)) == expected)
        #expect(CatalogDiff(deployed: reversed(deployed), source: reversed(source)) == expected)
    }

    /// A large catalog's kinds are matched on two threads; the diff is the same as on one.
    @Test("matching on two threads gives the diff of one", arguments: scenarios)
    func matchingOnTwoThreads(_ scenario: String) throws {
        guard let deployed = try Self.document(scenario, "deployed"), let source = try Self.document(scenario, "source")
        else { return }
        let oneThread = CatalogDiff.compare(deployed: deployed, source: source, onTwoThreads: false)
        let twoThreads = CatalogDiff.compare(deployed: deployed, source: source, onTwoThreads: true)
        #expect(twoThreads.map(\.change) == oneThread.map(\.change))
        #expect(!oneThread.isEmpty || scenario.hasPrefix("no-change"))
    }

    @Test("there are scenarios") func scenariosExist() {
        #expect(Self.scenarios.contains("pricing-change") && Self.scenarios.contains("no-change"))
        #expect(Self.scenarios.contains("invoice-impact") && Self.scenarios.contains("no-change-with-scenarios"))
    }

    @Test("each scenario renders as its goldens", arguments: scenarios)
    func rendersAsGoldens(_ scenario: String) throws {
        let diff = try #require(try Self.diff(of: scenario))
        let locations = try Self.locations(of: scenario, for: diff)
        let impact = try Self.impact(of: scenario, for: diff)
        let directory = Self.scenariosDirectory.appendingPathComponent(scenario)
        for (file, render) in Self.renderings {
            Golden.expect(render(diff, locations, impact), matchesFile: directory.appendingPathComponent(file),
                          name: "\(scenario)/\(file)")
        }
    }

    @Test("each scenario's JSON conforms to the diff schema", arguments: scenarios)
    func conformsToTheSchema(_ scenario: String) throws {
        let diff = try #require(try Self.diff(of: scenario))
        let impact = try Self.impact(of: scenario, for: diff)
        let errors = try JSONSchemaValidator(schema: DiffRendererTests.diffSchema())
            .validate(try JSONParser.parse(diff.jsonBytes(invoiceImpact: impact)))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("the pricing change gives every action, and a catalog against itself none")
    func actionsOfTheScenarios() throws {
        let change = try #require(try Self.diff(of: "pricing-change"))
        #expect(Set(change.changes.map(\.action)) == Set(CatalogDiff.Action.allCases))
        #expect(change.hasBreakingChanges)
        let none = try #require(try Self.diff(of: "no-change"))
        #expect(none.isEmpty && none.operations.isEmpty)
    }
}
