import Foundation
import Testing
@testable import PlanCatalog

/// Every file that `build` writes, for the built-in sample, every shipped catalog and every build fixture,
/// conforms to the JSON Schema of its kind in `Docs/schemas/`.
///
/// The schemas are the published form of OUTPUT.md's contract, the files that Lumen integrations and
/// people read; this test is what keeps the compiler and that contract from drifting apart. The golden
/// tests pin the exact bytes; this one says the bytes are of the promised shape.
@Suite struct OutputSchemaTests {
    /// A kind of output file, and the schema in `Docs/schemas/` that describes it.
    enum Schema: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case catalog = "catalog"
        case entitlements = "entitlements"
        case pricingTable = "pricing-table"

        /// Relative to the package root.
        var relativePath: String { "Docs/schemas/\(rawValue).schema.json" }

        var testDescription: String { relativePath }

        /// The kind of a build output by its path: catalog.json, entitlements.json, pricing-tables/SLUG.json.
        init?(outputPath: String) {
            switch outputPath {
            case BuildOutput.catalogPath: self = .catalog
            case BuildOutput.entitlementsPath: self = .entitlements
            default:
                let prefix = BuildOutput.pricingTablesDirectory + "/"
                let name = outputPath.dropFirst(prefix.count)
                guard outputPath.hasPrefix(prefix), name.hasSuffix(".json"), !name.dropLast(5).isEmpty,
                      !name.contains("/") else { return nil }
                self = .pricingTable
            }
        }

        /// The schema file, parsed.
        func document() throws -> JSONValue {
            let url = CatalogCorpus.packageRoot.appendingPathComponent(relativePath)
            return try JSONParser.parse(Array(try Data(contentsOf: url)))
        }

        func validator() throws -> JSONSchemaValidator {
            try JSONSchemaValidator(schema: document())
        }
    }

    /// The catalogs whose outputs are checked: the sample (which has every form of the language, quotes and
    /// credits included), the shipped catalogs, then the build fixtures.
    static let catalogs: [CatalogCorpus.Catalog] =
        [CatalogCorpus.Catalog(name: "built-in sample",
                               files: [.init(path: "sample.plancat", bytes: Array(CatalogCorpus.sample.utf8))])]
        + CatalogCorpus.catalogs(under: "catalogs")
        + CatalogCorpus.catalogs(under: "Tests/PlanCatalogTests/Fixtures/Build")

    @Test("every build output conforms to the schema of its kind", arguments: catalogs)
    func outputsConform(_ catalog: CatalogCorpus.Catalog) throws {
        let result = CatalogCompiler.build(catalog.sourceFiles())
        let output = try #require(result.output, """
            \(catalog.name) does not build:
            \(TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files))
            """)
        var validators: [Schema: JSONSchemaValidator] = [:]
        for schema in Schema.allCases { validators[schema] = try schema.validator() }

        let paths = output.files.map(\.path)
        #expect(paths.contains(BuildOutput.catalogPath) && paths.contains(BuildOutput.entitlementsPath), "\(paths)")
        for file in output.files {
            let schema = try #require(Schema(outputPath: file.path), "no schema describes \(file.path)")
            let document = try JSONParser.parse(file.bytes)
            let errors = try #require(validators[schema]).validate(document)
            #expect(errors.isEmpty, """
                \(catalog.name): \(file.path) breaks \(schema.relativePath):
                \(errors.map(\.description).joined(separator: "\n"))
                """)
        }
    }

    /// Guards the test above against passing vacuously: the corpus has shipped catalogs, and its builds
    /// write a file of every kind, so each schema is held against real output.
    @Test("the corpus builds files of every kind")
    func corpusCoversEverySchema() {
        #expect(!CatalogCorpus.catalogs(under: "catalogs").isEmpty)
        var kinds: Set<Schema> = []
        for catalog in Self.catalogs {
            for file in CatalogCompiler.build(catalog.sourceFiles()).output?.files ?? [] {
                if let kind = Schema(outputPath: file.path) { kinds.insert(kind) }
            }
        }
        #expect(kinds == Set(Schema.allCases))
    }

    @Test("output paths map to their schema, and no other path does")
    func pathsMapToSchemas() {
        #expect(Schema(outputPath: "catalog.json") == .catalog)
        #expect(Schema(outputPath: "entitlements.json") == .entitlements)
        #expect(Schema(outputPath: "pricing-tables/main.json") == .pricingTable)
        for path in ["pricing-tables/.json", "pricing-tables/a/b.json", "pricing-tables/main.txt", "quotes.json",
                     "build/catalog.json"] {
            #expect(Schema(outputPath: path) == nil, "\(path)")
        }
    }
}
