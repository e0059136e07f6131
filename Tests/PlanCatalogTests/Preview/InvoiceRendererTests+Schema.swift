import Foundation
import Testing
@testable import PlanCatalog

/// `Docs/schemas/preview.schema.json` against the JSON renderings: it loads within the validator's subset,
/// every sample's document conforms, and a correct document with one thing wrong is refused at the right
/// path (a refusal is what shows that a constraint is really there).
extension InvoiceRendererTests {
    static let previewSchemaPath = "Docs/schemas/preview.schema.json"

    static func previewSchema() throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: CatalogCorpus.packageRoot.appendingPathComponent(previewSchemaPath))))
    }

    @Test func previewSchemaLoadsWithinTheValidatorsSubset() throws {
        let schema = try Self.previewSchema()
        #expect(schema["$schema"] == .string(JSONSchemaValidator.dialect))
        #expect(schema["$id"] == "https://plancat.dev/schemas/preview.schema.json")
        #expect(schema["title"] != nil && schema["description"] != nil)
        _ = try JSONSchemaValidator(schema: schema)
    }

    @Test("every sample's JSON conforms to the preview schema", arguments: samples)
    func sampleConforms(_ sample: Sample) throws {
        let document = try JSONParser.parse(Array(InvoiceJSONRenderer.render(sample.invoices).utf8))
        let errors = try JSONSchemaValidator(schema: Self.previewSchema()).validate(document)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// What `plancat preview --format json` printed for the command's worked example (its golden file).
    @Test func theCommandsGoldenConforms() throws {
        let url = CatalogCorpus.packageRoot.appendingPathComponent("Tests/PlanCatalogCLITests/Fixtures/Preview/team.json")
        let document = try JSONParser.parse(Array(try Data(contentsOf: url)))
        let errors = try JSONSchemaValidator(schema: Self.previewSchema()).validate(document)
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// A wrong change to the worked example's document, and where and what the error must say.
    struct WrongPreview: Sendable, CustomTestStringConvertible {
        let name: String
        let steps: [ShippedSchemaTests.Step]
        let change: ShippedSchemaTests.Change
        let path: String
        let message: String

        var testDescription: String { name }
    }

    static let wrongPreviews: [WrongPreview] = [
        WrongPreview(name: "a schema version of 2", steps: ["schemaVersion"], change: .set(2),
                     path: "$.schemaVersion", message: "expected 1"),
        WrongPreview(name: "no notes", steps: ["scenarios", 0, "notes"], change: .set([]),
                     path: "$.scenarios[0].notes", message: "expected at least 1 items"),
        WrongPreview(name: "a missing periodEnd", steps: ["scenarios", 0, "periodEnd"], change: .remove,
                     path: "$.scenarios[0]", message: "missing required key \"periodEnd\""),
        WrongPreview(name: "a date with a time", steps: ["scenarios", 0, "periodStart"], change: .set("2026-03-01T00:00"),
                     path: "$.scenarios[0].periodStart", message: "matches none"),
        WrongPreview(name: "an amount as a string", steps: ["scenarios", 0, "total"], change: .set("152.93"),
                     path: "$.scenarios[0].total", message: "expected number"),
        WrongPreview(name: "a negative total", steps: ["scenarios", 0, "totalMinor"], change: .set(-1),
                     path: "$.scenarios[0].totalMinor", message: "less than the minimum"),
        WrongPreview(name: "positive credits", steps: ["scenarios", 0, "creditsMinor"], change: .set(100),
                     path: "$.scenarios[0].creditsMinor", message: "greater than the maximum"),
        WrongPreview(name: "a fractional minor amount", steps: ["scenarios", 0, "lines", 0, "amountMinor"],
                     change: .set(.number("4900.5")), path: "$.scenarios[0].lines[0].amountMinor",
                     message: "expected integer"),
        WrongPreview(name: "an unknown kind", steps: ["scenarios", 0, "lines", 0, "kind"], change: .set("discount"),
                     path: "$.scenarios[0].lines[0].kind", message: "expected one of"),
        WrongPreview(name: "a charge with a credit", steps: ["scenarios", 0, "lines", 1, "creditId"],
                     change: .set("welcome_credit"), path: "$.scenarios[0].lines[1]", message: "matches none"),
        WrongPreview(name: "a positive usage credit", steps: ["scenarios", 0, "lines", 4, "amountMinor"],
                     change: .set(1500), path: "$.scenarios[0].lines[4]", message: "matches none"),
        WrongPreview(name: "a monetary credit on a component", steps: ["scenarios", 0, "lines", 5, "componentId"],
                     change: .set("comp_api"), path: "$.scenarios[0].lines[5]", message: "matches none"),
        WrongPreview(name: "a line without its unitAmount", steps: ["scenarios", 0, "lines", 0, "unitAmount"],
                     change: .remove, path: "$.scenarios[0].lines[0]", message: "missing required key \"unitAmount\""),
        WrongPreview(name: "an extra key in a line", steps: ["scenarios", 0, "lines", 0, "tax"], change: .set(0),
                     path: "$.scenarios[0].lines[0].tax", message: "unexpected key"),
        WrongPreview(name: "a currency in lower case", steps: ["scenarios", 0, "currency"], change: .set("usd"),
                     path: "$.scenarios[0].currency", message: "does not match the pattern"),
    ]

    @Test("the preview schema refuses a wrong document and says where", arguments: wrongPreviews)
    func schemaRefuses(_ wrong: WrongPreview) throws {
        let correct = InvoiceJSONRenderer.jsonValue(of: try Self.sample("worked-example").invoices)
        let document = try #require(ShippedSchemaTests.applying(wrong.change, at: wrong.steps[...], to: correct))
        let errors = try JSONSchemaValidator(schema: Self.previewSchema()).validate(document)
        #expect(errors.contains { $0.path == wrong.path && $0.message.contains(wrong.message) },
                "expected \(wrong.path): …\(wrong.message)…, got:\n\(errors.map(\.description).joined(separator: "\n"))")
    }
}
