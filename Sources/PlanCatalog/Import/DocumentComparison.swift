/// The first place where two catalog documents differ, as a JSON path into the first one: how import
/// finds a field its source would build differently from its input.
///
/// Records are matched by id (or slug), not by position: an input assembled by hand may list them in
/// any order, while a build sorts them. Inside a record, members are compared by key and arrays (a plan's
/// features, a price's components, a row's bullets) element by element, since their order is meaning.
enum DocumentComparison {
    struct Difference: Equatable {
        /// Into the input, with its own indices: `$.prices[3].pricingData.components[0].label`.
        let path: String
        /// The input's value there, as JSON text; nil where it has no such key or element.
        let input: String?
        /// What the rebuilt document has there, likewise.
        let rebuilt: String?
    }

    /// The top-level arrays of catalog.json and the key that identifies their records.
    private static let recordKeys: [(array: String, id: String)] = [
        ("metrics", "id"), ("features", "slug"), ("plans", "id"), ("prices", "id"), ("creditDefinitions", "id"),
        ("pricingTables", "slug"), ("quotes", "id"),
    ]

    static func firstDifference(between input: CatalogDocument, and rebuilt: CatalogDocument) -> Difference? {
        let inputValue = input.jsonValue
        let rebuiltValue = rebuilt.jsonValue
        for key in ["name", "defaultCurrency"] {
            if let difference = compare(inputValue[key], rebuiltValue[key], at: "$.\(key)") { return difference }
        }
        for (arrayKey, idKey) in recordKeys {
            guard case .array(let inputRecords)? = inputValue[arrayKey],
                  case .array(let rebuiltRecords)? = rebuiltValue[arrayKey] else { continue }
            func id(of record: JSONValue) -> String { shown(record[idKey] ?? .null) }
            var rebuiltByID: [String: JSONValue] = [:]
            for record in rebuiltRecords { rebuiltByID[id(of: record)] = record }
            var matched = Set<String>()
            for (index, record) in inputRecords.enumerated() {
                let id = id(of: record)
                matched.insert(id)
                if let difference = compare(record, rebuiltByID[id], at: "$.\(arrayKey)[\(index)]") {
                    return difference
                }
            }
            if let extra = rebuiltRecords.first(where: { !matched.contains(id(of: $0)) }) {
                return Difference(path: "$.\(arrayKey)", input: nil, rebuilt: shown(extra))
            }
        }
        return nil
    }

    /// Nil when equal; else the deepest path where they part.
    private static func compare(_ input: JSONValue?, _ rebuilt: JSONValue?, at path: String) -> Difference? {
        if input == rebuilt { return nil }
        switch (input, rebuilt) {
        case (.object(let inputMembers)?, .object(let rebuiltMembers)?):
            var keys = inputMembers.map(\.key)
            keys += rebuiltMembers.map(\.key).filter { !keys.contains($0) }
            for key in keys {
                if let difference = compare(input?[key], rebuilt?[key], at: "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let inputElements)?, .array(let rebuiltElements)?):
            for index in 0..<max(inputElements.count, rebuiltElements.count) {
                let inputElement = inputElements.indices.contains(index) ? inputElements[index] : nil
                let rebuiltElement = rebuiltElements.indices.contains(index) ? rebuiltElements[index] : nil
                if let difference = compare(inputElement, rebuiltElement, at: "\(path)[\(index)]") {
                    return difference
                }
            }
            return nil
        default:
            return Difference(path: path, input: input.map(shown), rebuilt: rebuilt.map(shown))
        }
    }

    /// A value as one line of JSON: `"Pro"`, `2900`, `null`, `["a", "b"]`, `{"slug": "sso"}`.
    private static func shown(_ value: JSONValue) -> String { JSONWriter.compactText(of: value) }
}
