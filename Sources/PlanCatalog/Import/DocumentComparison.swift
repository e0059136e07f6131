/// The first place where two catalog documents differ, as a JSON path into the first one: how import
/// finds a field its source would build differently from its input.
///
/// Records are matched by id (or slug), not by position: an input assembled by hand may list them in
/// any order, while a build sorts them. Inside a record, members are compared by key and arrays (a plan's
/// features, a price's components, a row's bullets) element by element, since their order is meaning.
///
/// Two records are compared as typed values first, and as JSON only when those differ: equal records
/// always have equal JSON (their JSON is a function of their fields), so only a record that differs, or
/// that differs only where its JSON does not look, is ever turned into JSON. A catalog.json that plancat
/// built lists the same records in the same order as the rebuild, which is checked in one pass.
enum DocumentComparison {
    struct Difference: Equatable {
        /// Into the input, with its own indices: `$.prices[3].pricingData.components[0].label`.
        let path: String
        /// The input's value there, as JSON text; nil where it has no such key or element.
        let input: String?
        /// What the rebuilt document has there, likewise.
        let rebuilt: String?
    }

    static func firstDifference(between input: CatalogDocument, and rebuilt: CatalogDocument) -> Difference? {
        if let difference = compare(.string(input.name), .string(rebuilt.name), at: "$.\(CatalogKey.name)") { return difference }
        if let difference = compare(.string(input.defaultCurrency), .string(rebuilt.defaultCurrency),
                                    at: "$.\(CatalogKey.defaultCurrency)") {
            return difference
        }
        // The top-level arrays of catalog.json, in its order, compared at once (the prices on one core,
        // most of the rest on the other); the first of them with a difference has the one reported.
        let differences = Parallel.map(7) { array -> Difference? in
            switch array {
            case 0: firstDifference(in: CatalogKey.metrics, input.metrics, rebuilt.metrics)
            case 1: firstDifference(in: CatalogKey.features, input.features, rebuilt.features)
            case 2: firstDifference(in: CatalogKey.plans, input.plans, rebuilt.plans)
            case 3: firstDifference(in: CatalogKey.prices, input.prices, rebuilt.prices)
            case 4: firstDifference(in: CatalogKey.creditDefinitions, input.creditDefinitions, rebuilt.creditDefinitions)
            case 5: firstDifference(in: CatalogKey.pricingTables, input.pricingTables, rebuilt.pricingTables)
            default: firstDifference(in: CatalogKey.quotes, input.quotes, rebuilt.quotes)
            }
        }
        return differences.lazy.compactMap { $0 }.first
    }

    /// The first difference between the records of one top-level array: an input record whose rebuilt
    /// record (the last with its id) differs or is missing, else a rebuilt record with an id the input
    /// lacks.
    private static func firstDifference<Record: CatalogRecord>(
        in arrayKey: StaticString, _ inputRecords: [Record], _ rebuiltRecords: [Record]
    ) -> Difference? {
        if areSameInOrder(inputRecords, rebuiltRecords) { return nil }
        var rebuiltIndices: [String: Int] = [:]
        for index in rebuiltRecords.indices { rebuiltIndices[rebuiltRecords[index].recordID] = index }
        var matched = Set<String>()
        for (index, record) in inputRecords.enumerated() {
            matched.insert(record.recordID)
            let counterpart = rebuiltIndices[record.recordID].map { rebuiltRecords[$0] }
            if counterpart == record { continue }
            if let difference = compare(record.jsonValue, counterpart?.jsonValue, at: "$.\(arrayKey)[\(index)]") {
                return difference
            }
        }
        if let extra = rebuiltRecords.first(where: { !matched.contains($0.recordID) }) {
            return Difference(path: "$.\(arrayKey)", input: nil, rebuilt: shown(extra.jsonValue))
        }
        return nil
    }

    /// Whether the rebuilt records are the input's, in the same order, with ids that ascend strictly (as
    /// a build sorts them, so that no two share one): then matching them by id pairs them by position,
    /// and nothing differs. Checked in one pass, while each record is in the cache.
    private static func areSameInOrder<Record: CatalogRecord>(_ inputRecords: [Record],
                                                                 _ rebuiltRecords: [Record]) -> Bool {
        guard inputRecords.count == rebuiltRecords.count else { return false }
        let count = inputRecords.count
        return inputRecords.withUnsafeBufferPointer { input in
            rebuiltRecords.withUnsafeBufferPointer { rebuilt in
                guard let input = input.baseAddress, let rebuilt = rebuilt.baseAddress else { return true }
                // Through `inout`, which is exclusive, the records are compared where they lie: read
                // through a subscript or `pointee`, each would first be copied, retaining every string
                // it holds (at a hundred thousand plans, most of the time taken). Nothing is written.
                let left = UnsafeMutablePointer(mutating: input)
                let right = UnsafeMutablePointer(mutating: rebuilt)
                return (0..<count).allSatisfy { index in
                    areEqual(&left[index], &right[index])
                        && (index == 0 || right[index - 1].recordID < right[index].recordID)
                }
            }
        }
    }

    private static func areEqual<Record: Equatable>(_ lhs: inout Record, _ rhs: inout Record) -> Bool {
        lhs == rhs
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
