import Foundation
import Testing
@testable import PlanCatalog

/// `Docs/schemas/diff.schema.json` against the JSON renderings: it loads within the validator's subset,
/// every sample's document conforms, and a correct document with one thing wrong is refused at the right
/// path (a refusal is what shows that a constraint is really there).
extension DiffRendererTests {
    static let diffSchemaPath = "Docs/schemas/diff.schema.json"

    static func diffSchema() throws -> JSONValue {
        try JSONParser.parse(Array(try Data(contentsOf: CatalogCorpus.packageRoot.appendingPathComponent(diffSchemaPath))))
    }

    @Test func diffSchemaLoadsWithinTheValidatorsSubset() throws {
        let schema = try Self.diffSchema()
        #expect(schema["$schema"] == .string(JSONSchemaValidator.dialect))
        #expect(schema["$id"] == "https://plancat.dev/schemas/diff.schema.json")
        #expect(schema["title"] != nil && schema["description"] != nil)
        _ = try JSONSchemaValidator(schema: schema)
    }

    @Test("every sample's JSON conforms to the diff schema", arguments: samples)
    func sampleConforms(_ sample: Sample) throws {
        let errors = try JSONSchemaValidator(schema: Self.diffSchema()).validate(try JSONParser.parse(sample.diff.jsonBytes))
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// A wrong change to the every-action document, and where and what the error must say.
    struct WrongDiff: Sendable, CustomTestStringConvertible {
        let name: String
        let steps: [ShippedSchemaTests.Step]
        let change: ShippedSchemaTests.Change
        let path: String
        let message: String

        var testDescription: String { name }
    }

    static let wrongDiffs: [WrongDiff] = [
        WrongDiff(name: "a schema version of 2", steps: ["schemaVersion"], change: .set(2),
                  path: "$.schemaVersion", message: "expected 1"),
        WrongDiff(name: "no breaking count", steps: ["summary", "breaking"], change: .remove,
                  path: "$.summary", message: "missing required key \"breaking\""),
        WrongDiff(name: "a negative count", steps: ["summary", "create"], change: .set(-1),
                  path: "$.summary.create", message: "less than the minimum"),
        WrongDiff(name: "an unknown kind", steps: ["changes", 0, "kind"], change: .set("product"),
                  path: "$.changes[0].kind", message: "expected one of"),
        WrongDiff(name: "an action in camel case", steps: ["changes", 2, "action"], change: .set("newVersion"),
                  path: "$.changes[2].action", message: "expected one of"),
        WrongDiff(name: "an extra key in a change", steps: ["changes", 1, "severity"], change: .set("high"),
                  path: "$.changes[1].severity", message: "unexpected key"),
        WrongDiff(name: "an update marked breaking", steps: ["changes", 1, "breaking"], change: .set(true),
                  path: "$.changes[1]", message: "matches none"),
        WrongDiff(name: "an archive not marked breaking", steps: ["changes", 7, "breaking"], change: .set(false),
                  path: "$.changes[7]", message: "matches none"),
        WrongDiff(name: "a create with a deployed value", steps: ["changes", 0, "fields"],
                  change: .set([.object([.init("path", "name"), .init("from", "old"), .init("to", "x")])]),
                  path: "$.changes[0]", message: "matches none"),
        WrongDiff(name: "a field without its from", steps: ["changes", 1, "fields", 0, "from"], change: .remove,
                  path: "$.changes[1].fields[0]", message: "missing required key \"from\""),
        WrongDiff(name: "a manual step with a path", steps: ["operations", 4, "path"], change: .set("/v1/prices"),
                  path: "$.operations[4]", message: "matches none"),
        WrongDiff(name: "a manual step without a description", steps: ["operations", 4, "description"], change: .set(nil),
                  path: "$.operations[4]", message: "matches none"),
        WrongDiff(name: "an API call without a path", steps: ["operations", 0, "path"], change: .set(nil),
                  path: "$.operations[0]", message: "matches none"),
        WrongDiff(name: "an operation without a body key", steps: ["operations", 0, "body"], change: .remove,
                  path: "$.operations[0]", message: "missing required key \"body\""),
        WrongDiff(name: "a body that is text", steps: ["operations", 0, "body"], change: .set("{}"),
                  path: "$.operations[0].body", message: "expected object or null"),
    ]

    @Test("the diff schema refuses a wrong document and says where", arguments: wrongDiffs)
    func schemaRefuses(_ wrong: WrongDiff) throws {
        let correct = Self.everyAction.diff.jsonValue
        let document = try #require(ShippedSchemaTests.applying(wrong.change, at: wrong.steps[...], to: correct))
        let errors = try JSONSchemaValidator(schema: Self.diffSchema()).validate(document)
        #expect(errors.contains { $0.path == wrong.path && $0.message.contains(wrong.message) },
                "expected \(wrong.path): …\(wrong.message)…, got:\n\(errors.map(\.description).joined(separator: "\n"))")
    }
}
