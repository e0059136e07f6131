import Testing
@testable import PlanCatalog

/// The schema validator that the output tests rely on: every keyword of its subset both accepts and
/// rejects, a keyword outside the subset fails loudly, and each shipped schema is loaded and refuses small
/// wrong documents. A validator that accepted everything would make `OutputSchemaTests` worthless, so the
/// rejections matter more than the acceptances here.
@Suite struct JSONSchemaValidatorTests {
    // MARK: - Keywords

    /// (the schema's `type`, a value, whether it conforms)
    static let typeCases: [(JSONValue, JSONValue, Bool)] = [
        ("string", "a", true),
        ("string", 1, false),
        (["string", "null"], nil, true),
        (["string", "null"], false, false),
        ("boolean", true, true),
        ("boolean", 1, false),
        ("null", nil, true),
        ("null", 0, false),
        ("object", .object([]), true),
        ("object", [], false),
        ("array", [], true),
        ("array", .object([]), false),
        ("number", .number("-0.25"), true),
        ("number", "1", false),
        ("integer", 3, true),
        ("integer", .number("3.0"), true),
        ("integer", .number("1e3"), true),
        ("integer", .number("1.5e1"), true),
        ("integer", .number("1.5"), false),
        ("integer", .number("1E-1"), false),
        ("integer", "3", false),
        (["integer", "null"], .number("0.5"), false),
    ]

    @Test("type: names, arrays of names, and integer as a whole number", arguments: typeCases)
    func type(schemaType: JSONValue, value: JSONValue, isValid: Bool) throws {
        let errors = try Self.errors(of: value, against: Self.object(["type": schemaType]))
        #expect(errors.isEmpty == isValid, "\(errors)")
        if !isValid { #expect(errors.first?.path == "$") }
    }

    @Test("properties apply to their members only, with the member's path")
    func properties() throws {
        let schema = Self.object(["properties": Self.object(["count": Self.object(["type": "integer"])])])
        #expect(try Self.errors(of: Self.object(["count": 2, "other": "x"]), against: schema).isEmpty)
        #expect(try Self.errors(of: Self.object([:]), against: schema).isEmpty)
        let errors = try Self.errors(of: Self.object(["count": "two"]), against: schema)
        #expect(errors == [.init(path: "$.count", message: "expected integer, found \"two\"")])
    }

    @Test("required reports every missing key at the object")
    func required() throws {
        let schema = Self.object(["required": ["id", "name"]])
        #expect(try Self.errors(of: Self.object(["id": 1, "name": nil]), against: schema).isEmpty)
        let errors = try Self.errors(of: Self.object(["name": "x"]), against: schema)
        #expect(errors == [.init(path: "$", message: "missing required key \"id\"")])
        #expect(try Self.errors(of: Self.object([:]), against: schema).count == 2)
    }

    @Test("additionalProperties: false refuses unlisted keys; a schema checks their values")
    func additionalProperties() throws {
        let closed = Self.object(["properties": Self.object(["id": true]), "additionalProperties": false])
        #expect(try Self.errors(of: Self.object(["id": 1]), against: closed).isEmpty)
        let errors = try Self.errors(of: Self.object(["id": 1, "extra-key": 2]), against: closed)
        #expect(errors == [.init(path: "$[\"extra-key\"]", message: "unexpected key \"extra-key\"")])

        let typed = Self.object(["additionalProperties": Self.object(["type": "boolean"])])
        #expect(try Self.errors(of: Self.object(["a": true, "b": false]), against: typed).isEmpty)
        #expect(try Self.errors(of: Self.object(["a": true, "b": 0]), against: typed).map(\.path) == ["$.b"])
    }

    @Test("propertyNames checks every key as a string")
    func propertyNames() throws {
        let schema = Self.object(["propertyNames": Self.object(["pattern": "^[a-z-]{3,}$"])])
        #expect(try Self.errors(of: Self.object(["api-calls": 1, "seats": 2]), against: schema).isEmpty)
        let errors = try Self.errors(of: Self.object(["api-calls": 1, "Bad_Key": 2]), against: schema)
        #expect(errors.map(\.path) == ["$.Bad_Key"])
        #expect(errors.first?.message.hasPrefix("key: \"Bad_Key\" does not match") == true)
    }

    @Test("items checks every element at its index; minItems counts them")
    func items() throws {
        let schema = Self.object(["items": Self.object(["type": "string"]), "minItems": 1])
        #expect(try Self.errors(of: ["a", "b"], against: schema).isEmpty)
        #expect(try Self.errors(of: ["a", 2, "c", nil], against: schema).map(\.path) == ["$[1]", "$[3]"])
        #expect(try Self.errors(of: [], against: schema) == [.init(path: "$", message: "expected at least 1 items, found 0")])
    }

    @Test("enum compares by JSON value: numbers by value, objects regardless of order")
    func enumeration() throws {
        let schema = Self.object(["enum": ["COUNT", "SUM", 1, Self.object(["a": 1, "b": 2])]])
        for value: JSONValue in ["SUM", .number("1.0"), .number("1e0"), Self.object(["b": 2, "a": 1])] {
            #expect(try Self.errors(of: value, against: schema).isEmpty, "\(value)")
        }
        for value: JSONValue in ["sum", "MEDIAN", 2, true, Self.object(["a": 1])] {
            #expect(try Self.errors(of: value, against: schema).count == 1, "\(value)")
        }
    }

    @Test("const accepts its one value and nothing else", arguments: [
        (JSONValue.null, JSONValue.null, true),
        (.null, false, false),
        (.null, "null", false),
        (true, true, true),
        (true, 1, false),
        (1, .number("1.00"), true),
        (1, "1", false),
        ("simple", "simple", true),
        ("simple", "Simple", false),
        ("\u{E9}", "e\u{301}", false),
    ])
    func constant(constant: JSONValue, value: JSONValue, isValid: Bool) throws {
        #expect(try Self.errors(of: value, against: Self.object(["const": constant])).isEmpty == isValid)
    }

    @Test("minimum and maximum are inclusive and exact at 2^53 − 1", arguments: [
        ("0", true), ("-0", true), ("0.000001", true), ("9007199254740991", true), ("9007199254740991.0", true),
        ("9.007199254740991e15", true), ("-1", false), ("-0.000001", false), ("-1e-400", false),
        ("9007199254740992", false), ("9007199254740991.5", false), ("1e16", false),
        ("123456789012345678901234567890", false),
    ])
    func bounds(literal: String, isValid: Bool) throws {
        let schema = Self.object(["minimum": 0, "maximum": .number("9007199254740991")])
        let errors = try Self.errors(of: .number(literal), against: schema)
        #expect(errors.isEmpty == isValid, "\(errors)")
    }

    @Test("minLength counts Unicode scalars")
    func minLength() throws {
        let schema = Self.object(["minLength": 1])
        #expect(try Self.errors(of: "x", against: schema).isEmpty)
        #expect(try Self.errors(of: "é", against: schema).isEmpty)
        #expect(try Self.errors(of: "", against: schema) == [.init(path: "$", message: "\"\" is shorter than 1 characters")])
        #expect(try Self.errors(of: "ab", against: Self.object(["minLength": 3])).count == 1)
    }

    @Test("pattern is unanchored, and $ means the end of the text, not before a final newline")
    func pattern() throws {
        let contains = Self.object(["pattern": "abc"])
        #expect(try Self.errors(of: "xxabcxx", against: contains).isEmpty)
        #expect(try Self.errors(of: "xxabxx", against: contains).count == 1)

        let anchored = Self.object(["pattern": "^[a-z0-9-]{3,50}$"])
        #expect(try Self.errors(of: "api-calls", against: anchored).isEmpty)
        #expect(try Self.errors(of: "api-calls\n", against: anchored).count == 1)
        #expect(try Self.errors(of: "api_calls", against: anchored).count == 1)
        #expect(try Self.errors(of: "ab", against: anchored).count == 1)
        #expect(try Self.errors(of: .string(String(repeating: "a", count: 51)), against: anchored).count == 1)
        // A `$` inside a character class or escaped is a literal dollar sign.
        #expect(try Self.errors(of: "$5", against: Self.object(["pattern": "^[$]5$"])).isEmpty)
        #expect(try Self.errors(of: "a$", against: Self.object(["pattern": "^a\\$$"])).isEmpty)
    }

    @Test("$ref applies a definition of the root's $defs")
    func reference() throws {
        let schema = Self.object([
            "properties": Self.object(["slug": Self.object(["$ref": "#/$defs/slug"])]),
            "$defs": Self.object(["slug": Self.object(["type": "string", "minLength": 3])]),
        ])
        #expect(try Self.errors(of: Self.object(["slug": "abc"]), against: schema).isEmpty)
        #expect(try Self.errors(of: Self.object(["slug": "ab"]), against: schema).map(\.path) == ["$.slug"])
        #expect(try Self.errors(of: Self.object(["slug": 3]), against: schema).map(\.path) == ["$.slug"])
    }

    @Test("oneOf needs exactly one match, and shows the closest alternative's errors when none does")
    func oneOf() throws {
        let schema = Self.object(["oneOf": [
            Self.object(["type": "integer"]),
            Self.object(["type": "number", "minimum": 10]),
            Self.object(["$ref": "#/$defs/word"]),
        ], "$defs": Self.object(["word": Self.object(["type": "string", "pattern": "^[a-z]+$"])])])
        #expect(try Self.errors(of: 3, against: schema).isEmpty)
        #expect(try Self.errors(of: .number("10.5"), against: schema).isEmpty)
        #expect(try Self.errors(of: "word", against: schema).isEmpty)

        let twoMatches = try Self.errors(of: 12, against: schema)
        #expect(twoMatches.count == 1)
        #expect(twoMatches.first?.message.contains("matches 2 alternatives of oneOf") == true)

        let noMatch = try Self.errors(of: "Word", against: schema)
        #expect(noMatch.count == 2)
        #expect(noMatch.first?.message.contains("the closest, #/$defs/word") == true)
        #expect(noMatch.last?.message.contains("does not match the pattern") == true)
    }

    @Test("anyOf needs at least one match")
    func anyOf() throws {
        let schema = Self.object(["anyOf": [Self.object(["type": "null"]), Self.object(["type": "integer", "minimum": 1])]])
        #expect(try Self.errors(of: nil, against: schema).isEmpty)
        #expect(try Self.errors(of: 5, against: schema).isEmpty)
        #expect(try Self.errors(of: 0, against: schema).isEmpty == false)
        #expect(try Self.errors(of: "5", against: schema).isEmpty == false)
    }

    @Test("boolean schemas: true accepts anything, false nothing")
    func booleanSchemas() throws {
        #expect(try Self.errors(of: Self.object(["a": [1, nil]]), against: true).isEmpty)
        #expect(try Self.errors(of: nil, against: false).count == 1)
    }

    @Test("annotations are ignored, even where they would fail a document")
    func annotations() throws {
        let schema = Self.object([
            "$schema": .string(JSONSchemaValidator.dialect), "$id": "https://plancat.dev/schemas/x.json",
            "title": "X", "description": "Anything at all.", "$defs": Self.object(["unused": false]),
        ])
        #expect(try Self.errors(of: Self.object(["description": 3]), against: schema).isEmpty)
    }

    // MARK: - Refusing schemas it cannot apply

    @Test("a keyword outside the subset throws, wherever it is", arguments: [
        "maxLength", "maxItems", "allOf", "not", "if", "format", "patternProperties", "uniqueItems",
        "exclusiveMinimum", "prefixItems", "dependentRequired", "default", "$anchor", "unevaluatedProperties",
    ])
    func unsupportedKeyword(keyword: String) {
        let placements: [(JSONValue, String)] = [
            (Self.object([keyword: 1]), "#/\(keyword)"),
            (Self.object(["properties": Self.object(["name": Self.object(["type": "string", keyword: 1])])]),
             "#/properties/name/\(keyword)"),
            (Self.object(["$defs": Self.object(["unused": Self.object([keyword: 1])])]), "#/$defs/unused/\(keyword)"),
            (Self.object(["anyOf": [true, Self.object(["items": Self.object([keyword: 1])])]]), "#/anyOf/1/items/\(keyword)"),
        ]
        for (schema, pointer) in placements {
            #expect(throws: JSONSchemaValidator.SchemaError.unsupportedKeyword(keyword, at: pointer)) {
                try JSONSchemaValidator(schema: schema)
            }
        }
    }

    @Test("root-only keywords elsewhere, a dangling $ref and malformed values throw")
    func malformedSchemas() {
        let nested: [JSONValue] = [
            Self.object(["properties": Self.object(["a": Self.object(["$defs": Self.object([:])])])]),
            Self.object(["items": Self.object(["$schema": .string(JSONSchemaValidator.dialect)])]),
        ]
        for schema in nested {
            #expect(throws: JSONSchemaValidator.SchemaError.self) { try JSONSchemaValidator(schema: schema) }
        }
        let malformed: [JSONValue] = [
            Self.object(["$schema": "http://json-schema.org/draft-07/schema#"]),
            Self.object(["$ref": "#/$defs/missing"]),
            Self.object(["$ref": "other.json#/$defs/a"]),
            Self.object(["type": "float"]),
            Self.object(["type": ["string", "string"]]),
            Self.object(["type": []]),
            Self.object(["required": "id"]),
            Self.object(["minLength": .number("1.5")]),
            Self.object(["minItems": -1]),
            Self.object(["minimum": "0"]),
            Self.object(["enum": []]),
            Self.object(["oneOf": []]),
            Self.object(["pattern": "(unclosed"]),
            Self.object(["properties": Self.object(["a": 3])]),
            "not a schema",
        ]
        for schema in malformed {
            #expect(throws: JSONSchemaValidator.SchemaError.self, "\(schema)") { try JSONSchemaValidator(schema: schema) }
        }
    }

    // MARK: - Exact numbers and paths

    @Test("exact numbers order by value, whatever their size or notation", arguments: [
        ("1", "2"), ("-2", "-1"), ("-1", "0"), ("0", "0.001"), ("0.002", "0.01"), ("9.99", "10"),
        ("9007199254740991", "9007199254740992"), ("1e2", "101"), ("-1e-400", "0"),
        ("99999999999999999999999999", "1e26"),
    ])
    func exactOrder(smaller: String, larger: String) throws {
        let low = try #require(JSONSchemaValidator.ExactNumber(literal: smaller))
        let high = try #require(JSONSchemaValidator.ExactNumber(literal: larger))
        #expect(low < high)
        #expect(!(high < low))
        #expect(low != high)
    }

    @Test("exact numbers equal across notations, and refuse what JSON does not allow")
    func exactParsing() {
        let same = ["100", "100.0", "1e2", "1E+2", "10e1", "1000e-1", "0.1e3"]
        let values = same.compactMap { JSONSchemaValidator.ExactNumber(literal: $0) }
        #expect(values.count == same.count)
        #expect(Set(values.map { "\($0.digits)e\($0.exponent)" }).count == 1)
        #expect(JSONSchemaValidator.ExactNumber(literal: "-0") == JSONSchemaValidator.ExactNumber(literal: "0"))
        for invalid in ["", "-", "01", "1.", ".5", "1e", "+1", "1_000", "0x10", "NaN", "1.5.2", "1e5e5"] {
            #expect(JSONSchemaValidator.ExactNumber(literal: invalid) == nil, "\(invalid)")
        }
    }

    @Test("paths use dots for plain keys and quoted brackets for others")
    func paths() {
        #expect(JSONSchemaValidator.path("$", appending: "isFree") == "$.isFree")
        #expect(JSONSchemaValidator.path("$.plans", appending: "plan_pro") == "$.plans.plan_pro")
        #expect(JSONSchemaValidator.path("$", appending: "advanced-reports") == "$[\"advanced-reports\"]")
        #expect(JSONSchemaValidator.path("$", appending: "2fa") == "$[\"2fa\"]")
        #expect(JSONSchemaValidator.path("$", appending: "") == "$[\"\"]")
    }

    // MARK: - Helpers

    /// An object from a dictionary literal, in the literal's order (JSONValue has no such literal itself).
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { JSONValue.Member($0.key, $0.value) })
    }

    static func errors(of document: JSONValue, against schema: JSONValue) throws -> [JSONSchemaValidator.ValidationError] {
        try JSONSchemaValidator(schema: schema).validate(document)
    }
}

// MARK: - The shipped schemas

extension JSONSchemaValidatorTests {
    @Test("each shipped schema parses and uses only the validator's subset", arguments: OutputSchemaTests.Schema.allCases)
    func shippedSchemaLoads(_ schema: OutputSchemaTests.Schema) throws {
        let document = try schema.document()
        #expect(document["$schema"] == .string(JSONSchemaValidator.dialect))
        #expect(document["$id"] == .string("https://plancat.dev/schemas/\(schema.rawValue).schema.json"))
        #expect(document["title"] != nil && document["description"] != nil)
        _ = try JSONSchemaValidator(schema: document)
    }

    @Test("each shipped schema accepts a small correct document", arguments: OutputSchemaTests.Schema.allCases)
    func shippedSchemaAccepts(_ schema: OutputSchemaTests.Schema) throws {
        let errors = try schema.validator().validate(try Self.correctDocument(of: schema))
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test("catalog.json and the public tables share one definition of pricingData")
    func pricingDataIsShared() throws {
        let catalog = try #require(OutputSchemaTests.Schema.catalog.document()["$defs"])
        let publicTable = try #require(OutputSchemaTests.Schema.pricingTable.document()["$defs"])
        for name in ["pricingData", "component", "fixedComponent", "perUnitComponent", "usageComponent",
                     "recurrenceRule", "amountInMinorUnits", "identifier"] {
            let definition = try #require(catalog[name], "\(name)")
            #expect(publicTable[name].map { JSONSchemaValidator.isEqual(definition, $0) } == true, "\(name)")
        }
    }

    @Test("each shipped schema refuses a small wrong document and says where", arguments: wrongDocuments)
    func shippedSchemaRefuses(_ wrong: WrongDocument) throws {
        let correct = try Self.correctDocument(of: wrong.schema)
        let document = try #require(Self.applying(wrong.change, at: wrong.steps[...], to: correct))
        let errors = try wrong.schema.validator().validate(document)
        #expect(errors.contains { $0.path == wrong.path && $0.message.contains(wrong.message) },
                "expected \(wrong.path): …\(wrong.message)…, got:\n\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// One step into a document: a key of an object or an index of an array.
    enum Step: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)

        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    /// What to do at the end of the steps: replace (or add) a value, or remove a member.
    enum Change: Sendable {
        case set(JSONValue)
        case remove
    }

    /// A correct document with one thing wrong, and the error it must cause.
    struct WrongDocument: Sendable, CustomTestStringConvertible {
        let schema: OutputSchemaTests.Schema
        let name: String
        let steps: [Step]
        let change: Change
        /// Where the error must be reported, and a piece of its message.
        let path: String
        let message: String

        var testDescription: String { "\(schema.rawValue): \(name)" }
    }

    static let wrongDocuments: [WrongDocument] = {
        let components: [Step] = ["prices", 0, "pricingData", "components"]
        let credit: [Step] = ["creditDefinitions", 0]
        let componentPath = "$.prices[0].pricingData.components"
        let pro: [Step] = ["plans", "plan_pro"]
        let row: [Step] = ["pricingTable", "plans", 0]
        let enterpriseRow: [Step] = ["pricingTable", "plans", 1]
        func catalog(_ name: String, _ steps: [Step], _ change: Change, _ path: String, _ message: String) -> WrongDocument {
            WrongDocument(schema: .catalog, name: name, steps: steps, change: change, path: path, message: message)
        }
        func entitlements(_ name: String, _ steps: [Step], _ change: Change, _ path: String, _ message: String) -> WrongDocument {
            WrongDocument(schema: .entitlements, name: name, steps: steps, change: change, path: path, message: message)
        }
        func table(_ name: String, _ steps: [Step], _ change: Change, _ path: String, _ message: String) -> WrongDocument {
            WrongDocument(schema: .pricingTable, name: name, steps: steps, change: change, path: path, message: message)
        }
        return [
            catalog("a missing key", ["plans", 0, "isFree"], .remove, "$.plans[0]", "missing required key \"isFree\""),
            catalog("null for a non-null key", ["plans", 0, "planName"], .set(nil), "$.plans[0].planName", "expected string"),
            catalog("a wrong type", ["plans", 0, "isFree"], .set("yes"), "$.plans[0].isFree", "expected boolean"),
            catalog("an extra key", ["metrics", 0, "unit"], .set("call"), "$.metrics[0].unit", "unexpected key"),
            catalog("a bad aggregationType", ["metrics", 0, "aggregationType"], .set("MEDIAN"),
                    "$.metrics[0].aggregationType", "expected one of"),
            catalog("a queryType other than simple", ["metrics", 0, "queryType"], .set("indexed"),
                    "$.metrics[0].queryType", "expected \"simple\""),
            catalog("a bad featureType", ["features", 0, "featureType"], .set("flag"),
                    "$.features[0].featureType", "expected one of"),
            catalog("an underscore in a feature slug", ["features", 0, "slug"], .set("api_calls"),
                    "$.features[0].slug", "does not match the pattern"),
            catalog("schemaVersion 2", ["schemaVersion"], .set(2), "$.schemaVersion", "expected 1"),
            catalog("a negative amount", components + [0, "amount_cents"], .set(-1),
                    "\(componentPath)[0].amount_cents", "less than the minimum 0"),
            catalog("a float amount_cents", components + [0, "amount_cents"], .set(.number("29.5")),
                    "\(componentPath)[0].amount_cents", "expected integer"),
            catalog("an amount beyond 2^53 − 1", components + [0, "amount_cents"], .set(.number("9007199254740992")),
                    "\(componentPath)[0].amount_cents", "greater than the maximum"),
            catalog("a negative unit cost", components + [2, "unit_cost_cents"], .set(.number("-0.2")),
                    "\(componentPath)[2].unit_cost_cents", "less than the minimum 0"),
            catalog("a usage key on a fixed component", components + [0, "metric_id"], .set("api-calls"),
                    "\(componentPath)[0].metric_id", "unexpected key"),
            catalog("a usage component without metric_id", components + [2, "metric_id"], .remove,
                    "\(componentPath)[2]", "missing required key \"metric_id\""),
            catalog("a per-unit component without bill_immediately", components + [1, "bill_immediately"], .remove,
                    "\(componentPath)[1]", "missing required key \"bill_immediately\""),
            catalog("min_seats 0", components + [1, "min_seats"], .set(0),
                    "\(componentPath)[1].min_seats", "less than the minimum 1"),
            catalog("a component without recurrence_rule", components + [0, "recurrence_rule"], .remove,
                    "\(componentPath)[0]", "missing required key \"recurrence_rule\""),
            catalog("an unknown component type", components + [0, "type"], .set("tiered"), "\(componentPath)[0]", "matches none"),
            catalog("a recurrence rule with interval 0", components + [0, "recurrence_rule"],
                    .set("RRULE:FREQ=MONTHLY;INTERVAL=0"),
                    "\(componentPath)[0].recurrence_rule", "does not match the pattern"),
            catalog("dsl_version 2", ["prices", 0, "pricingData", "dsl_version"], .set(2),
                    "$.prices[0].pricingData.dsl_version", "expected 1"),
            catalog("no components", components, .set([]), componentPath, "at least 1"),
            catalog("a lower-case currency", ["prices", 0, "currency"], .set("usd"),
                    "$.prices[0].currency", "does not match the pattern"),
            catalog("a scope other than plan", credit + ["scope"], .set("price"),
                    "$.creditDefinitions[0].scope", "expected \"plan\""),
            catalog("a credit without refillRrule", credit + ["refillRrule"], .remove, "$.creditDefinitions[0]",
                    "missing required key \"refillRrule\""),
            catalog("a refillRrule that is no rule", credit + ["refillRrule"], .set("monthly"),
                    "$.creditDefinitions[0].refillRrule", "does not match the pattern"),
            catalog("a float defaultAmount", credit + ["defaultAmount"], .set(.number("0.5")),
                    "$.creditDefinitions[0].defaultAmount", "expected integer"),
            catalog("a negative refillAmount", credit + ["refillAmount"], .set(-5),
                    "$.creditDefinitions[0].refillAmount", "less than the minimum 0"),
            catalog("a bad effective date", ["quotes", 0, "effective"], .set("later"),
                    "$.quotes[0].effective", "expected one of"),
            catalog("an empty id", ["quotes", 0, "id"], .set(""), "$.quotes[0].id", "shorter than 1"),
            catalog("trialDays 0", ["plans", 0, "trialDays"], .set(0), "$.plans[0].trialDays", "less than the minimum 1"),

            entitlements("a missing schemaVersion", ["schemaVersion"], .remove, "$", "missing required key \"schemaVersion\""),
            entitlements("an entitled default", ["features", "advanced-reports", "default", "entitled"], .set(true),
                         "$.features[\"advanced-reports\"].default.entitled", "expected false"),
            entitlements("a bad featureType", ["features", "support", "featureType"], .set("flag"),
                         "$.features.support.featureType", "expected one of"),
            entitlements("a feature keyed by a bad slug", ["features", "API_calls"],
                         .set(Self.object(["featureType": "usage", "default": Self.object(["entitled": false, "value": nil])])),
                         "$.features.API_calls", "key: \"API_calls\" does not match the pattern"),
            entitlements("an empty plan id", ["plans", ""], .set(Self.object([:])),
                         "$.plans[\"\"]", "key: \"\" is shorter than 1"),
            entitlements("a usage grant without overage", pro + ["api-calls", "overage"], .remove,
                         "$.plans.plan_pro[\"api-calls\"]", "missing required key \"overage\""),
            entitlements("usage keys on a boolean grant", pro + ["advanced-reports", "metricIds"], .set(["api-calls"]),
                         "$.plans.plan_pro[\"advanced-reports\"].metricIds", "unexpected key"),
            entitlements("a number grant of \"lots\"", pro + ["team-members", "value"], .set("lots"),
                         "$.plans.plan_pro[\"team-members\"].value", "matches none"),
            entitlements("a text grant of a number", pro + ["support", "value"], .set(3),
                         "$.plans.plan_pro.support.value", "expected string"),
            entitlements("a negative creditAllowance", pro + ["api-calls", "creditAllowance"], .set(-1),
                         "$.plans.plan_pro[\"api-calls\"].creditAllowance", "less than the minimum 0"),
            entitlements("a float creditAllowance", pro + ["api-calls", "creditAllowance"], .set(.number("10.5")),
                         "$.plans.plan_pro[\"api-calls\"].creditAllowance", "expected integer or null"),
            entitlements("renewOnBilling as text", pro + ["api-calls", "renewOnBilling"], .set("yes"),
                         "$.plans.plan_pro[\"api-calls\"].renewOnBilling", "expected boolean or null"),
            entitlements("a usage grant without metrics", pro + ["api-calls", "metricIds"], .set([]),
                         "$.plans.plan_pro[\"api-calls\"].metricIds", "at least 1"),

            table("an upper-case table currency", ["pricingTable", "currency"], .set("USD"), "$.pricingTable.currency",
                  "does not match the pattern"),
            table("an upper-case row currency", row + ["currency"], .set("USD"), "$.pricingTable.plans[0].currency",
                  "does not match the pattern"),
            table("an extra top-level key", ["quotes"], .set([]), "$.quotes", "unexpected key"),
            table("an override price on a row", row + ["isOverridePrice"], .set(false), "$.pricingTable.plans[0].isOverridePrice",
                  "unexpected key"),
            table("a null price", enterpriseRow + ["price"], .set(nil), "$.pricingTable.plans[1].price", "expected number"),
            table("a price as text", row + ["price"], .set("29"), "$.pricingTable.plans[0].price", "expected number"),
            table("a negative yearly price", row + ["priceYearly"], .set(-290), "$.pricingTable.plans[0].priceYearly",
                  "less than the minimum 0"),
            table("a null interval", enterpriseRow + ["interval"], .set(nil),
                  "$.pricingTable.plans[1].interval", "expected string"),
            table("a missing priceIdYearly", row + ["priceIdYearly"], .remove, "$.pricingTable.plans[0]",
                  "missing required key \"priceIdYearly\""),
            table("minSeats 0", row + ["minSeats"], .set(0), "$.pricingTable.plans[0].minSeats", "less than the minimum 1"),
            table("a bullet without text", row + ["features", 0, "text"], .remove, "$.pricingTable.plans[0].features[0]",
                  "missing required key \"text\""),
            table("a trial of 0 days", row + ["trial", "days"], .set(0),
                  "$.pricingTable.plans[0].trial.days", "less than the minimum 1"),
            table("a trial of 366 days", row + ["trial", "days"], .set(366), "$.pricingTable.plans[0].trial.days",
                  "greater than the maximum 365"),
            table("a float amount_cents", row + ["pricingData", "components", 0, "amount_cents"], .set(.number("2900.5")),
                  "$.pricingTable.plans[0].pricingData.components[0].amount_cents", "expected integer"),
            table("pricingData as text", row + ["pricingData"], .set("none"),
                  "$.pricingTable.plans[0].pricingData", "matches none"),
        ]
    }()

    /// The document with `change` made at the end of `steps`; nil when a step leads nowhere, so that a typo
    /// in a case fails the test instead of leaving the document correct.
    static func applying(_ change: Change, at steps: ArraySlice<Step>, to value: JSONValue) -> JSONValue? {
        guard let step = steps.first else {
            if case .set(let replacement) = change { return replacement }
            return nil
        }
        let rest = steps.dropFirst()
        switch (step, value) {
        case (.key(let key), .object(var members)):
            if let position = members.firstIndex(where: { $0.key == key }) {
                if rest.isEmpty, case .remove = change {
                    members.remove(at: position)
                } else {
                    guard let changed = applying(change, at: rest, to: members[position].value) else { return nil }
                    members[position] = .init(key, changed)
                }
            } else if rest.isEmpty, case .set(let added) = change {
                members.append(.init(key, added))
            } else {
                return nil
            }
            return .object(members)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            guard let changed = applying(change, at: rest, to: elements[index]) else { return nil }
            elements[index] = changed
            return .array(elements)
        default:
            return nil
        }
    }

    /// A small document of each kind that conforms, with every optional form once (a trial, an enterprise
    /// row, each component type, each feature type), so that each wrong document differs from a correct
    /// one in exactly one place.
    static func correctDocument(of schema: OutputSchemaTests.Schema) throws -> JSONValue {
        let text = switch schema {
        case .catalog: correctCatalog
        case .entitlements: correctEntitlements
        case .pricingTable: correctPricingTable
        }
        return try JSONParser.parse(Array(text.utf8))
    }

    static let correctCatalog = """
        { "schemaVersion": 1, "name": "Acme Analytics", "defaultCurrency": "USD",
          "metrics": [ { "id": "api-calls", "name": "API calls", "description": null, "eventName": "api.call",
                         "queryType": "simple", "aggregationType": "COUNT", "valueType": "NUMERIC" } ],
          "features": [ { "slug": "api-calls", "displayName": "API calls", "description": null, "featureType": "usage",
                          "unitLabel": "API call", "metricIds": ["api-calls"] },
                        { "slug": "team-members", "displayName": "Team members", "description": "Seats",
                          "featureType": "number", "unitLabel": "seat", "metricIds": [] } ],
          "plans": [ { "id": "plan_pro", "planName": "Pro", "planDescription": null, "isFree": false, "isTrialPlan": false,
                       "trialParentPlanId": null, "trialDays": null, "isVisibleInPricingTable": true,
                       "features": [ { "slug": "api-calls", "featureValue": "usage_based" },
                                     { "slug": "team-members", "featureValue": 10 },
                                     { "slug": "advanced-reports", "featureValue": true } ],
                       "priceIds": ["price_pro_monthly"] },
                     { "id": "plan_pro_trial", "planName": "Pro trial", "planDescription": null, "isFree": false,
                       "isTrialPlan": true, "trialParentPlanId": "plan_pro", "trialDays": 14,
                       "isVisibleInPricingTable": false, "features": [], "priceIds": [] } ],
          "prices": [ { "id": "price_pro_monthly", "planId": "plan_pro", "currency": "USD", "isOverridePrice": false,
                        "pricingData": { "dsl_version": 1, "components": [
                          { "component_id": "comp_base", "type": "fixed", "label": "Platform fee", "amount_cents": 2900,
                            "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" },
                          { "component_id": "comp_seats", "type": "per_unit", "unit_label": "seat", "amount_cents": 2550,
                            "min_seats": 3, "bill_immediately": true, "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" },
                          { "component_id": "comp_usage_api", "type": "usage", "unit_cost_cents": 0.2,
                            "metric_id": "api-calls", "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" } ] } } ],
          "creditDefinitions": [ { "id": "included_api_quota", "scope": "plan", "applicationType": "usage",
                                   "planId": "plan_pro", "priceId": "price_pro_monthly", "priceComponentId": "comp_usage_api",
                                   "featureSlug": null, "name": "Included API Quota", "defaultAmount": 10000,
                                   "refillAmount": 10000, "renewOnBilling": true, "refillRrule": null, "expiryDays": null,
                                   "billingVisible": true, "billingDescription": null, "currency": null } ],
          "pricingTables": [ { "slug": "main", "name": "main", "heading": "Pricing", "subheading": null, "description": null,
                               "currency": "USD",
                               "planConfigs": [ { "planId": "plan_pro", "displayOrder": 1, "isPopular": true,
                                                  "popularText": "Most popular", "buttonText": "Get started",
                                                  "buttonOutline": false, "isEnterprisePlan": false,
                                                  "enterpriseRedirectUrl": null, "bullets": ["10 team members"] } ] } ],
          "quotes": [ { "id": "quote_globex", "planId": "plan_pro", "customer": "Globex Corporation",
                        "stableSubscriptionId": null, "effective": "next_billing", "priceId": "price_globex_yearly" } ] }
        """

    static let correctEntitlements = """
        { "schemaVersion": 1,
          "features": { "advanced-reports": { "featureType": "boolean", "default": { "entitled": false, "value": null } },
                        "team-members": { "featureType": "number", "default": { "entitled": false, "value": null } },
                        "support": { "featureType": "text", "default": { "entitled": false, "value": null } },
                        "api-calls": { "featureType": "usage", "default": { "entitled": false, "value": null } } },
          "plans": { "plan_free": {},
                     "plan_pro": { "advanced-reports": { "featureType": "boolean", "entitled": true, "value": true },
                                   "team-members": { "featureType": "number", "entitled": true, "value": 10 },
                                   "support": { "featureType": "text", "entitled": true, "value": "Priority email" },
                                   "api-calls": { "featureType": "usage", "entitled": true, "value": "usage_based",
                                                  "metricIds": ["api-calls"], "creditAllowance": 10000,
                                                  "creditsPerSeat": false, "renewOnBilling": true, "overage": true } },
                     "plan_enterprise": { "team-members": { "featureType": "number", "entitled": true, "value": "unlimited" },
                                          "api-calls": { "featureType": "usage", "entitled": true, "value": "usage_based",
                                                         "metricIds": ["api-calls"], "creditAllowance": null,
                                                         "creditsPerSeat": true, "renewOnBilling": null,
                                                         "overage": false } } } }
        """

    static let correctPricingTable = """
        { "pricingTable": { "slug": "main", "heading": "Simple pricing", "subheading": null, "description": null,
                            "currency": "usd",
          "plans": [ { "planId": "plan_pro", "title": "Pro", "description": "For teams", "price": 29, "priceMonthly": 29,
                       "priceYearly": 290, "priceId": "price_pro_monthly", "priceIdMonthly": "price_pro_monthly",
                       "priceIdYearly": "price_pro_yearly", "interval": "month", "minSeats": null, "currency": "usd",
                       "features": [ { "text": "10 team members" } ], "buttonText": "Get started", "buttonOutline": false,
                       "isPopular": true, "popularText": "Most popular", "isFree": false, "isEnterprisePlan": false,
                       "enterpriseRedirectUrl": null,
                       "trial": { "available": true, "days": 14, "trialPlanId": "plan_pro_trial" },
                       "pricingData": { "dsl_version": 1, "components": [
                         { "component_id": "comp_base", "type": "fixed", "amount_cents": 2900,
                           "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" } ] } },
                     { "planId": "plan_enterprise", "title": "Enterprise", "description": null, "price": 0,
                       "priceMonthly": null, "priceYearly": null, "priceId": null, "priceIdMonthly": null,
                       "priceIdYearly": null, "interval": "month", "minSeats": null, "currency": "usd", "features": [],
                       "buttonText": "Contact sales", "buttonOutline": true, "isPopular": false, "popularText": null,
                       "isFree": false, "isEnterprisePlan": true, "enterpriseRedirectUrl": "https://example.com/contact",
                       "trial": null, "pricingData": null } ] } }
        """
}
