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
    private static let maximumDepth = 500

    private let rootSchema: JSONValue
    private let definitions: [String: JSONValue]
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

    private func errors(of instance: JSONValue, against schema: JSONValue, at path: String,
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

    private func oneOfErrors(_ instance: JSONValue, alternatives: [JSONValue], at path: String,
                             depth: Int) -> [ValidationError] {
        let outcomes = alternatives.map { errors(of: instance, against: $0, at: path, depth: depth + 1) }
        let matching = outcomes.indices.filter { outcomes[$0].isEmpty }
        if matching.count == 1 { return [] }
        if matching.isEmpty {
            return noAlternativeErrors(instance, keyword: "oneOf", alternatives: alternatives, outcomes: outcomes, at: path)
        }
        let names = matching.map { Self.alternativeName(alternatives[$0], index: $0) }.joined(separator: ", ")
        return [.init(path: path, message: "matches \(matching.count) alternatives of oneOf (\(names)); exactly one must match")]
    }

    private func anyOfErrors(_ instance: JSONValue, alternatives: [JSONValue], at path: String,
                             depth: Int) -> [ValidationError] {
        let outcomes = alternatives.map { errors(of: instance, against: $0, at: path, depth: depth + 1) }
        if outcomes.contains(where: \.isEmpty) { return [] }
        return noAlternativeErrors(instance, keyword: "anyOf", alternatives: alternatives, outcomes: outcomes, at: path)
    }

    /// One line saying that nothing matched, then the errors of the closest alternative, which is nearly
    /// always the one the document meant: first one that its discriminators leave plausible (see
    /// `isPlausible`), then the one with the fewest errors, then the first. Counting errors alone misleads:
    /// a grant whose value is wrong has more errors under its own type's alternative (a nested anyOf
    /// reports a summary too) than under another type's, which fails only on `featureType`.
    private func noAlternativeErrors(_ instance: JSONValue, keyword: String, alternatives: [JSONValue],
                                     outcomes: [[ValidationError]], at path: String) -> [ValidationError] {
        let ranks = alternatives.indices.map { index in
            (isPlausible: isPlausible(alternatives[index], for: instance, depth: 0), errorCount: outcomes[index].count)
        }
        let closest = alternatives.indices.min { left, right in
            if ranks[left].isPlausible != ranks[right].isPlausible { return ranks[left].isPlausible }
            return ranks[left].errorCount < ranks[right].errorCount
        }
        guard let closest else { return [.init(path: path, message: "\(keyword) has no alternatives")] }
        let name = Self.alternativeName(alternatives[closest], index: closest)
        let summary = ValidationError(path: path, message: """
            matches none of the \(alternatives.count) alternatives of \(keyword); the closest, \(name), fails with:
            """)
        return [summary] + outcomes[closest]
    }

    // MARK: - Helpers

    /// Whether an alternative could be the one the instance meant: its `type` (through any `$ref`) admits
    /// the instance, its `const` matches, and so does every `const` of a property that the instance has —
    /// the `featureType` of a grant, the `type` of a component — which is how the schemas discriminate.
    private func isPlausible(_ schema: JSONValue, for instance: JSONValue, depth: Int) -> Bool {
        guard depth < Self.maximumDepth, case .object = schema else { return schema != .bool(false) }
        if let typeNames = schema["type"].map(Self.typeNames),
           !typeNames.contains(where: { Self.instance(instance, hasType: $0) }) {
            return false
        }
        if let constant = schema["const"], !Self.isEqual(instance, constant) { return false }
        if case .object(let properties)? = schema["properties"], case .object(let members) = instance {
            for property in properties {
                guard let value = members.first(where: { $0.key == property.key })?.value,
                      let constant = resolved(property.value, depth: depth)["const"] else { continue }
                if !Self.isEqual(value, constant) { return false }
            }
        }
        if case .string(let reference)? = schema["$ref"], let target = definitions[Self.definitionName(reference)] {
            return isPlausible(target, for: instance, depth: depth + 1)
        }
        return true
    }

    /// The schema a chain of bare `$ref`s leads to.
    private func resolved(_ schema: JSONValue, depth: Int) -> JSONValue {
        guard depth < Self.maximumDepth, case .string(let reference)? = schema["$ref"],
              let target = definitions[Self.definitionName(reference)] else { return schema }
        return resolved(target, depth: depth + 1)
    }

    /// `NAME` of `#/$defs/NAME`.
    fileprivate static func definitionName(_ reference: String) -> String {
        String(reference.dropFirst(SchemaInspector.referencePrefix.count))
    }

    private static func typeNames(_ type: JSONValue) -> [String] {
        switch type {
        case .string(let name): [name]
        case .array(let names): names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        default: []
        }
    }

    private static func instance(_ instance: JSONValue, hasType name: String) -> Bool {
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
    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let text): JSONText.quoted(text)
        case .array, .object: value.typeDescription
        }
    }

    private static func alternativeName(_ alternative: JSONValue, index: Int) -> String {
        if case .string(let reference)? = alternative["$ref"] { return reference }
        return "alternative \(index + 1)"
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

// MARK: - Checking the schema itself

extension JSONSchemaValidator {
    /// Walks a whole schema once, `$defs` included, before anything is validated: refuses keywords outside
    /// the subset and malformed values, resolves every `$ref`, and compiles every `pattern`.
    private struct SchemaInspector {
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

// MARK: - Exact numbers

extension JSONSchemaValidator {
    /// A JSON number's exact value, `digits × 10^exponent`, of any size, compared without rounding.
    ///
    /// `ExactDecimal` holds 19 digits and no exponent, which is right for money in the source language;
    /// a schema check must also read `1e3` and numbers of any length that another writer might produce.
    struct ExactNumber: Comparable {
        let isNegative: Bool
        /// The significant digits (0–9), without leading or trailing zeros; empty for zero.
        let digits: [UInt8]
        let exponent: Int

        /// Parses JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        init?(literal: String) {
            var bytes = Array(literal.utf8)[...]
            let isNegative = bytes.first == UInt8(ascii: "-")
            if isNegative { bytes = bytes.dropFirst() }
            func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            let integerPart = bytes.prefix(while: isDigit)
            guard let first = integerPart.first, first != UInt8(ascii: "0") || integerPart.count == 1 else { return nil }
            bytes = bytes.dropFirst(integerPart.count)
            var fractionPart: ArraySlice<UInt8> = []
            if bytes.first == UInt8(ascii: ".") {
                fractionPart = bytes.dropFirst().prefix(while: isDigit)
                guard !fractionPart.isEmpty else { return nil }
                bytes = bytes.dropFirst(1 + fractionPart.count)
            }
            var writtenExponent = 0
            if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                let isExponentNegative = bytes.first == UInt8(ascii: "-")
                if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
                let exponentDigits = bytes.prefix(while: isDigit)
                guard !exponentDigits.isEmpty, exponentDigits.count <= 9,
                      let magnitude = Int(String(decoding: exponentDigits, as: UTF8.self)) else { return nil }
                writtenExponent = isExponentNegative ? -magnitude : magnitude
                bytes = bytes.dropFirst(exponentDigits.count)
            }
            guard bytes.isEmpty else { return nil }
            var digits = (integerPart + fractionPart).map { $0 - UInt8(ascii: "0") }
            var exponent = writtenExponent - fractionPart.count
            let leadingZeros = digits.prefix { $0 == 0 }.count
            digits.removeFirst(leadingZeros)
            while digits.last == 0 {
                digits.removeLast()
                exponent += 1
            }
            self.isNegative = isNegative && !digits.isEmpty
            self.digits = digits
            self.exponent = digits.isEmpty ? 0 : exponent
        }

        var isInteger: Bool { digits.isEmpty || exponent >= 0 }

        static func < (left: ExactNumber, right: ExactNumber) -> Bool {
            if left.isNegative != right.isNegative { return left.isNegative }
            return left.isNegative ? magnitudeIsLess(right, left) : magnitudeIsLess(left, right)
        }

        /// Compares absolute values: first by the place of the leading digit, then digit by digit.
        private static func magnitudeIsLess(_ left: ExactNumber, _ right: ExactNumber) -> Bool {
            if left.digits.isEmpty || right.digits.isEmpty { return left.digits.isEmpty && !right.digits.isEmpty }
            let leftPlace = left.digits.count + left.exponent
            let rightPlace = right.digits.count + right.exponent
            if leftPlace != rightPlace { return leftPlace < rightPlace }
            return left.digits.lexicographicallyPrecedes(right.digits)
        }
    }
}
