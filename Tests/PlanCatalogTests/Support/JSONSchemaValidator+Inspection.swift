import Foundation
@testable import PlanCatalog

// MARK: - Checking the schema itself

extension JSONSchemaValidator {
    /// Walks a whole schema once, `$defs` included, before anything is validated: refuses keywords outside
    /// the subset and malformed values, resolves every `$ref`, and compiles every `pattern`.
    struct SchemaInspector {
        static let referencePrefix = "#/$defs/"
        static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]

        let definitionNames: Set<String>
        var expressions: [String: NSRegularExpression] = [:]

        init(definitionNames: Set<String>) {
            self.definitionNames = definitionNames
        }

        mutating func inspect(_ schema: JSONValue, at pointer: String, isRoot: Bool) throws(SchemaError) {
            switch schema {
            case .bool:
                return
            case .object(let members):
                for member in members {
                    try inspect(keyword: member.key, value: member.value, at: pointer, isRoot: isRoot)
                }
            default:
                throw .malformed("a schema must be an object or a boolean, found \(schema.typeDescription)", at: pointer)
            }
        }

        private mutating func inspect(keyword: String, value: JSONValue, at parent: String,
                                      isRoot: Bool) throws(SchemaError) {
            let pointer = Self.pointer(parent, appending: keyword)
            switch keyword {
            case "title", "description":
                guard case .string = value else { throw .malformed("\(keyword) must be a string", at: pointer) }
            case "$schema" where isRoot:
                guard value == .string(JSONSchemaValidator.dialect) else {
                    throw .malformed("only \(JSONSchemaValidator.dialect) is supported", at: pointer)
                }
            case "$id" where isRoot:
                guard case .string = value else { throw .malformed("$id must be a string", at: pointer) }
            case "$defs" where isRoot:
                guard case .object(let definitions) = value else { throw .malformed("$defs must be an object", at: pointer) }
                for definition in definitions {
                    try inspect(definition.value, at: Self.pointer(pointer, appending: definition.key), isRoot: false)
                }
            case "type":
                let names: [JSONValue]
                switch value {
                case .string: names = [value]
                case .array(let elements) where !elements.isEmpty: names = elements
                default: throw .malformed("type must be a name or a non-empty array of names", at: pointer)
                }
                var seen: Set<String> = []
                for name in names {
                    guard case .string(let text) = name, Self.typeNames.contains(text), seen.insert(text).inserted else {
                        throw .malformed("\(JSONSchemaValidator.render(name)) is not a type name, or is repeated", at: pointer)
                    }
                }
            case "properties":
                guard case .object(let properties) = value else { throw .malformed("properties must be an object", at: pointer) }
                for property in properties {
                    try inspect(property.value, at: Self.pointer(pointer, appending: property.key), isRoot: false)
                }
            case "required":
                guard case .array(let keys) = value else { throw .malformed("required must be an array", at: pointer) }
                var seen: Set<String> = []
                for key in keys {
                    guard case .string(let text) = key, seen.insert(text).inserted else {
                        throw .malformed("required must hold distinct strings", at: pointer)
                    }
                }
            case "additionalProperties", "propertyNames", "items":
                try inspect(value, at: pointer, isRoot: false)
            case "minItems", "minLength":
                guard case .number(let literal) = value, let count = Int(literal), count >= 0 else {
                    throw .malformed("\(keyword) must be a non-negative integer written without a fraction", at: pointer)
                }
            case "minimum", "maximum":
                guard case .number(let literal) = value, ExactNumber(literal: literal) != nil else {
                    throw .malformed("\(keyword) must be a number", at: pointer)
                }
            case "enum":
                guard case .array(let values) = value, !values.isEmpty else {
                    throw .malformed("enum must be a non-empty array", at: pointer)
                }
            case "const":
                break
            case "pattern":
                guard case .string(let pattern) = value else { throw .malformed("pattern must be a string", at: pointer) }
                do {
                    expressions[pattern] = try NSRegularExpression(pattern: Self.icuPattern(pattern))
                } catch {
                    throw .malformed("pattern \(pattern) does not compile", at: pointer)
                }
            case "$ref":
                guard case .string(let reference) = value, reference.hasPrefix(Self.referencePrefix) else {
                    throw .malformed("only references of the form #/$defs/NAME are supported", at: pointer)
                }
                let name = JSONSchemaValidator.definitionName(reference)
                guard definitionNames.contains(name), !name.contains("/"), !name.contains("~"), !name.contains("%") else {
                    throw .malformed("\(reference) names no definition of the root's $defs", at: pointer)
                }
            case "oneOf", "anyOf":
                guard case .array(let alternatives) = value, !alternatives.isEmpty else {
                    throw .malformed("\(keyword) must be a non-empty array of schemas", at: pointer)
                }
                for (index, alternative) in alternatives.enumerated() {
                    try inspect(alternative, at: "\(pointer)/\(index)", isRoot: false)
                }
            default:
                throw .unsupportedKeyword(keyword, at: pointer)
            }
        }

        /// The pattern with ECMA-262's meaning in ICU's syntax: outside a character class, an unescaped `$`
        /// becomes `\z`, because ICU's `$` also matches before a final newline ("abc\n" would pass
        /// `^[a-z]{3}$`) while ECMA-262's matches only at the end of the text.
        static func icuPattern(_ pattern: String) -> String {
            var result = ""
            var isEscaped = false
            var isInClass = false
            for character in pattern {
                if isEscaped {
                    result.append(character)
                    isEscaped = false
                    continue
                }
                switch character {
                case "\\": isEscaped = true; result.append(character)
                case "[": isInClass = true; result.append(character)
                case "]": isInClass = false; result.append(character)
                case "$" where !isInClass: result += "\\z"
                default: result.append(character)
                }
            }
            return result
        }

        /// A JSON Pointer step, escaped as RFC 6901 says.
        static func pointer(_ parent: String, appending key: String) -> String {
            parent + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }
    }
}
