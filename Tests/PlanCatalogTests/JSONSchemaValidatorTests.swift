import Testing
@testable import PlanCatalog

/// The schema validator that the output tests rely on: every keyword of its subset both accepts and
/// rejects, and a keyword outside the subset fails loudly. A validator that accepted everything would make
/// `OutputSchemaTests` worthless, so the rejections matter more than the acceptances here. The shipped
/// schemas themselves are tested in `ShippedSchemaTests`.
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
