import Foundation
@testable import PlanCatalog

/// Checks a JSON document against a JSON Schema (draft 2020-12), for exactly the subset of the language that
/// plancat's own schemas in `Docs/schemas/` use, so that the output tests need no package dependency and a
/// schema can never lean on a keyword that nothing checks.
///
/// The subset:
/// - assertions: `type` (one name or an array of names; `integer` is a number whose value is whole, so `1.0`
///   and `1e3` count and `1.5` does not), `enum`, `const`, `minimum` and `maximum` (both inclusive),
///   `minLength` (in Unicode scalars, as the specification counts), `pattern` (unanchored, ECMA-262's `$`),
///   `minItems`, `required`;
/// - applicators: `properties`, `additionalProperties` (a boolean or a schema), `propertyNames`, `items` (one
///   schema for every element), `$ref` (only `#/$defs/NAME`), `oneOf`, `anyOf`; boolean schemas;
/// - annotations, ignored: `title` and `description` anywhere; `$schema` (which must name draft 2020-12),
///   `$id` and `$defs` at the root only.
///
/// Any other keyword (`maxLength`, `allOf`, `format`, `if`, …) makes `init(schema:)` throw
/// `SchemaError.unsupportedKeyword` before any document is looked at: a keyword the validator skipped would
/// let a schema promise something that no test checks.
///
/// Numbers keep their literal text in `JSONValue`, and are compared here by exact decimal value, never through
/// `Double`: 9007199254740992 is above 9007199254740991, and `1.0` equals `1` in `const` and `enum`.
///
/// This file walks a document; `+Inspection` checks the schema up front, `+Alternatives` judges `oneOf`
/// and `anyOf`, and `+ExactNumber` compares numbers.
struct JSONSchemaValidator {
    /// One way the document breaks the schema: where (`$.plans[0].isFree`) and what.
    struct ValidationError: Equatable, Sendable, CustomStringConvertible {
        let path: String
        let message: String

        var description: String { "\(path): \(message)" }
    }

    /// A schema the validator cannot apply faithfully; thrown up front, so it can never pass quietly.
    enum SchemaError: Error, Equatable, CustomStringConvertible {
        /// A keyword outside the subset, at a JSON Pointer into the schema (`#/$defs/plan/properties/id`).
        case unsupportedKeyword(String, at: String)
        /// A keyword of the subset whose value has the wrong shape, or a `$ref` that leads nowhere.
        case malformed(String, at: String)

        var description: String {
            switch self {
            case .unsupportedKeyword(let keyword, let pointer): "unsupported keyword \"\(keyword)\" at \(pointer)"
            case .malformed(let reason, let pointer): "malformed schema at \(pointer): \(reason)"
            }
        }
    }

    /// The only dialect `$schema` may name.
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// How deep schemas may nest while one document is checked; only a `$ref` cycle that never descends
    /// into the document gets near it, and hitting it is reported rather than overflowing the stack.
    static let maximumDepth = 500

    private let rootSchema: JSONValue
    let definitions: [String: JSONValue]
    /// Every `pattern` of the schema, compiled once.
    private let expressions: [String: NSRegularExpression]

    init(schema: JSONValue) throws(SchemaError) {
        var definitions: [String: JSONValue] = [:]
        if case .object(let members) = schema, let defs = members.first(where: { $0.key == "$defs" })?.value {
            guard case .object(let definitionMembers) = defs else {
                throw .malformed("$defs must be an object", at: "#")
            }
            for member in definitionMembers { definitions[member.key] = member.value }
        }
        var inspector = SchemaInspector(definitionNames: Set(definitions.keys))
        try inspector.inspect(schema, at: "#", isRoot: true)
        self.rootSchema = schema
        self.definitions = definitions
        self.expressions = inspector.expressions
    }

    /// Every way `document` breaks the schema, in document order within each schema; empty when it conforms.
    func validate(_ document: JSONValue) -> [ValidationError] {
        errors(of: document, against: rootSchema, at: "$", depth: 0)
    }

    // MARK: - Validation

    func errors(of instance: JSONValue, against schema: JSONValue, at path: String,
                        depth: Int) -> [ValidationError] {
        guard depth < Self.maximumDepth else {
            return [.init(path: path, message: "schemas nest deeper than \(Self.maximumDepth) (a $ref cycle?)")]
        }
        switch schema {
        case .bool(true):
            return []
        case .bool(false):
            return [.init(path: path, message: "no value is allowed here, found \(Self.render(instance))")]
        case .object:
            break
        default:
            return [] // refused by the inspector
        }
        var errors: [ValidationError] = []
        if case .string(let reference)? = schema["$ref"], let target = definitions[Self.definitionName(reference)] {
            errors += self.errors(of: instance, against: target, at: path, depth: depth + 1)
        }
        if let typeNames = schema["type"].map(Self.typeNames),
           !typeNames.contains(where: { Self.instance(instance, hasType: $0) }) {
            // The other keywords say nothing useful about a value of the wrong type.
            let expected = typeNames.joined(separator: " or ")
            errors.append(.init(path: path, message: "expected \(expected), found \(Self.render(instance))"))
            return errors
        }
        if let constant = schema["const"], !Self.isEqual(instance, constant) {
            errors.append(.init(path: path, message: "expected \(Self.render(constant)), found \(Self.render(instance))"))
        }
        if case .array(let allowed)? = schema["enum"], !allowed.contains(where: { Self.isEqual(instance, $0) }) {
            let list = allowed.map(Self.render).joined(separator: ", ")
            errors.append(.init(path: path, message: "expected one of \(list), found \(Self.render(instance))"))
        }
        switch instance {
        case .number(let literal):
            errors += numberErrors(literal, schema: schema, at: path)
        case .string(let text):
            errors += stringErrors(text, schema: schema, at: path)
        case .array(let elements):
            errors += arrayErrors(elements, schema: schema, at: path, depth: depth)
        case .object(let members):
            errors += objectErrors(members, schema: schema, at: path, depth: depth)
        case .null, .bool:
            break
        }
        if case .array(let alternatives)? = schema["oneOf"] {
            errors += oneOfErrors(instance, alternatives: alternatives, at: path, depth: depth)
        }
        if case .array(let alternatives)? = schema["anyOf"] {
            errors += anyOfErrors(instance, alternatives: alternatives, at: path, depth: depth)
        }
        return errors
    }

    private func numberErrors(_ literal: String, schema: JSONValue, at path: String) -> [ValidationError] {
        guard let value = ExactNumber(literal: literal) else {
            return [.init(path: path, message: "\(literal) is not a JSON number")]
        }
        var errors: [ValidationError] = []
        if case .number(let bound)? = schema["minimum"], let minimum = ExactNumber(literal: bound), value < minimum {
            errors.append(.init(path: path, message: "\(literal) is less than the minimum \(bound)"))
        }
        if case .number(let bound)? = schema["maximum"], let maximum = ExactNumber(literal: bound), value > maximum {
            errors.append(.init(path: path, message: "\(literal) is greater than the maximum \(bound)"))
        }
        return errors
    }

    private func stringErrors(_ text: String, schema: JSONValue, at path: String) -> [ValidationError] {
        var errors: [ValidationError] = []
        if case .number(let bound)? = schema["minLength"], let minimum = Int(bound), text.unicodeScalars.count < minimum {
            errors.append(.init(path: path, message: "\(JSONText.quoted(text)) is shorter than \(minimum) characters"))
        }
        if case .string(let pattern)? = schema["pattern"], let expression = expressions[pattern] {
            let range = NSRange(text.startIndex..., in: text)
            if expression.firstMatch(in: text, range: range) == nil {
                errors.append(.init(path: path, message: "\(JSONText.quoted(text)) does not match the pattern \(pattern)"))
            }
        }
        return errors
    }

    private func arrayErrors(_ elements: [JSONValue], schema: JSONValue, at path: String,
                             depth: Int) -> [ValidationError] {
        var errors: [ValidationError] = []
        if case .number(let bound)? = schema["minItems"], let minimum = Int(bound), elements.count < minimum {
            errors.append(.init(path: path, message: "expected at least \(minimum) items, found \(elements.count)"))
        }
        if let itemSchema = schema["items"] {
            for (index, element) in elements.enumerated() {
                errors += self.errors(of: element, against: itemSchema, at: "\(path)[\(index)]", depth: depth + 1)
            }
        }
        return errors
    }

    private func objectErrors(_ members: [JSONValue.Member], schema: JSONValue, at path: String,
                              depth: Int) -> [ValidationError] {
        var errors: [ValidationError] = []
        if case .array(let required)? = schema["required"] {
            let present = Set(members.map(\.key))
            for case .string(let key) in required where !present.contains(key) {
                errors.append(.init(path: path, message: "missing required key \(JSONText.quoted(key))"))
            }
        }
        let properties = schema["properties"]
        for member in members {
            let memberPath = Self.path(path, appending: member.key)
            if let propertyNames = schema["propertyNames"] {
                let keyErrors = self.errors(of: .string(member.key), against: propertyNames, at: memberPath, depth: depth + 1)
                errors += keyErrors.map { .init(path: $0.path, message: "key: \($0.message)") }
            }
            if let propertySchema = properties?[member.key] {
                errors += self.errors(of: member.value, against: propertySchema, at: memberPath, depth: depth + 1)
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    errors.append(.init(path: memberPath, message: "unexpected key \(JSONText.quoted(member.key))"))
                } else {
                    errors += self.errors(of: member.value, against: additional, at: memberPath, depth: depth + 1)
                }
            }
        }
        return errors
    }

    // MARK: - Helpers

    /// `NAME` of `#/$defs/NAME`.
    static func definitionName(_ reference: String) -> String {
        String(reference.dropFirst(SchemaInspector.referencePrefix.count))
    }

    static func typeNames(_ type: JSONValue) -> [String] {
        switch type {
        case .string(let name): [name]
        case .array(let names): names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        default: []
        }
    }

    static func instance(_ instance: JSONValue, hasType name: String) -> Bool {
        switch (instance, name) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"),
             (.number, "number"):
            true
        case (.number(let literal), "integer"):
            ExactNumber(literal: literal)?.isInteger ?? false
        default:
            false
        }
    }

    /// JSON equality as the specification defines it: numbers by value, strings by code points (Swift's
    /// `==` would also equate canonically equivalent ones, `é` and `e` + U+0301), objects regardless of
    /// key order.
    static func isEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.number(let a), .number(let b)):
            guard let a = ExactNumber(literal: a), let b = ExactNumber(literal: b) else { return false }
            return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { isEqual($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in right[member.key].map { isEqual(member.value, $0) } ?? false }
        default:
            return false
        }
    }

    /// A value as messages show it: scalars as their JSON text, containers by kind.
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let text): JSONText.quoted(text)
        case .array, .object: value.typeDescription
        }
    }

    /// `$.plans[0].isFree` for plain keys, `$.features["advanced-reports"]` for any other.
    static func path(_ parent: String, appending key: String) -> String {
        let isPlain = !key.isEmpty && key.utf8.enumerated().allSatisfy { offset, byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): offset > 0
            default: false
            }
        }
        return isPlain ? "\(parent).\(key)" : "\(parent)[\(JSONText.quoted(key))]"
    }
}
