@testable import PlanCatalog

// MARK: - oneOf and anyOf

/// The applicators with alternatives, kept apart because their errors need judgement: when nothing
/// matches, the message must pick the alternative the document most likely meant, or the author of a
/// wrong grant would read the errors of every other kind of grant.
extension JSONSchemaValidator {
    func oneOfErrors(_ instance: JSONValue, alternatives: [JSONValue], at path: String,
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

    func anyOfErrors(_ instance: JSONValue, alternatives: [JSONValue], at path: String,
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

    /// How a message names an alternative: by its `$ref` when it has one, else by its place.
    private static func alternativeName(_ alternative: JSONValue, index: Int) -> String {
        if case .string(let reference)? = alternative["$ref"] { return reference }
        return "alternative \(index + 1)"
    }
}
