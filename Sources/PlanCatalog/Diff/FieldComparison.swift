/// Field-by-field comparison of two records' catalog.json values, with the path scheme of OUTPUT.md:
/// nested objects dotted (`pricingData.components`), arrays of objects addressed by their id key
/// (`pricingData.components[comp_base].amount_cents`), arrays of scalars compared as one leaf.
///
/// Records are compared as JSON rather than as Swift values so that the paths are catalog.json's own
/// names, exactly what a reviewer reads in the file; and values are compared by meaning — key order is
/// ignored, numbers compare by exact decimal value (`2900`, `2900.0` and `29e2` are equal) — so that a
/// hand-edited deployed file can never show a change that is only spelling.
enum FieldComparison {
    /// The key that identifies the items of an array of objects, by the array's own key: components by
    /// `component_id`, a plan's granted features by `slug`, a pricing table's rows by `planId` — each the
    /// identity key of the items' `RecordSchema`.
    static let itemIDKeys: [String: String] = {
        var keys: [String: String] = [:]
        func collect(_ shape: ObjectShape) {
            for (key, nested) in shape.nested {
                if let identityKey = nested.identityKey { keys[key] = identityKey }
                collect(nested)
            }
        }
        CatalogDiff.Kind.allCases.forEach { collect($0.recordShape) }
        return keys
    }()

    /// The field changes from a deployed record to its source counterpart, in the record's key order.
    static func changes(from deployed: JSONValue, to source: JSONValue) -> [CatalogDiff.FieldChange] {
        var changes: [CatalogDiff.FieldChange] = []
        compare(deployed, source, path: "", key: nil, into: &changes)
        return changes
    }

    /// Every non-null, non-empty leaf of a created record, each as a change from nil, in key order. The
    /// identity keys (`id`/`slug` of the record, the id key of an array item) are left out: they are in
    /// the change's id and in the item's path already.
    static func leaves(of record: JSONValue, identityKey: String) -> [CatalogDiff.FieldChange] {
        var changes: [CatalogDiff.FieldChange] = []
        guard case .object(let members) = record else { return [] }
        for member in members where member.key != identityKey {
            collectLeaves(member.value, path: member.key, key: member.key, into: &changes)
        }
        return changes
    }

    /// Whether two JSON values mean the same: objects whatever their key order, numbers by value.
    static func areEquivalent(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let left), .bool(let right)): return left == right
        case (.string(let left), .string(let right)): return left == right
        case (.number(let left), .number(let right)): return numbersAreEqual(left, right)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy(areEquivalent)
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { member in
                guard let other = right.first(where: { $0.key == member.key }) else { return false }
                return areEquivalent(member.value, other.value)
            }
        default: return false
        }
    }

    /// Numbers by exact value; a literal that is not a JSON number the reader could hold compares by text.
    static func numbersAreEqual(_ lhs: String, _ rhs: String) -> Bool {
        if lhs == rhs { return true }
        guard let left = ExactDecimal(jsonNumber: lhs), let right = ExactDecimal(jsonNumber: rhs) else { return false }
        return left == right
    }

    // MARK: - Comparing

    private static func compare(_ deployed: JSONValue, _ source: JSONValue, path: String, key: String?,
                                into changes: inout [CatalogDiff.FieldChange]) {
        switch (deployed, source) {
        case (.object(let deployedMembers), .object(let sourceMembers)):
            for memberKey in mergedKeys(deployedMembers, sourceMembers) {
                let from = deployedMembers.first { $0.key == memberKey }?.value
                let to = sourceMembers.first { $0.key == memberKey }?.value
                let memberPath = join(path, memberKey)
                if let from, let to {
                    compare(from, to, path: memberPath, key: memberKey, into: &changes)
                } else {
                    changes.append(.init(path: memberPath, from: from, to: to))
                }
            }
        case (.array(let deployedItems), .array(let sourceItems)):
            if let idKey = key.flatMap({ itemIDKeys[$0] }),
               let deployedByID = itemsByID(deployedItems, idKey: idKey),
               let sourceByID = itemsByID(sourceItems, idKey: idKey) {
                compareItems(deployedByID, sourceByID, path: path, into: &changes)
            } else if !areEquivalent(deployed, source) {
                changes.append(.init(path: path, from: deployed, to: source))
            }
        default:
            if !areEquivalent(deployed, source) {
                changes.append(.init(path: path, from: deployed, to: source))
            }
        }
    }

    /// Items matched by id: a reorder first (one change at the array's path, from and to the ids in each
    /// order), then each source item in source order (compared, or added), then removed items.
    private static func compareItems(_ deployed: [(id: String, item: JSONValue)], _ source: [(id: String, item: JSONValue)],
                                     path: String, into changes: inout [CatalogDiff.FieldChange]) {
        let deployedIDs = deployed.map(\.id)
        let sourceIDs = source.map(\.id)
        let sharedInDeployedOrder = deployedIDs.filter(sourceIDs.contains)
        let sharedInSourceOrder = sourceIDs.filter(deployedIDs.contains)
        if sharedInDeployedOrder != sharedInSourceOrder {
            changes.append(.init(path: path, from: .strings(deployedIDs), to: .strings(sourceIDs)))
        }
        for (id, sourceItem) in source {
            let itemPath = "\(path)[\(id)]"
            if let deployedItem = deployed.first(where: { $0.id == id })?.item {
                compare(deployedItem, sourceItem, path: itemPath, key: nil, into: &changes)
            } else {
                changes.append(.init(path: itemPath, from: nil, to: sourceItem))
            }
        }
        for (id, deployedItem) in deployed where !sourceIDs.contains(id) {
            changes.append(.init(path: "\(path)[\(id)]", from: deployedItem, to: nil))
        }
    }

    /// The items of an array of objects by their id, or nil when the array is not one (an item that is
    /// not an object, lacks a string id, or repeats one): such an array is compared as one leaf.
    private static func itemsByID(_ items: [JSONValue], idKey: String) -> [(id: String, item: JSONValue)]? {
        var result: [(id: String, item: JSONValue)] = []
        var seen: Set<String> = []
        for item in items {
            guard case .string(let id)? = item[idKey], seen.insert(id).inserted else { return nil }
            result.append((id, item))
        }
        return result
    }

    /// The source's keys in order, with any key only the deployed side has placed after the deployed key
    /// that precedes it (a component that changed type gains and loses keys): OUTPUT.md's order holds.
    private static func mergedKeys(_ deployed: [JSONValue.Member], _ source: [JSONValue.Member]) -> [String] {
        var keys = source.map(\.key)
        var previous: String?
        for member in deployed {
            if !keys.contains(member.key) {
                let position = previous.flatMap { keys.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                keys.insert(member.key, at: position)
            }
            previous = member.key
        }
        return keys
    }

    // MARK: - Leaves of a created record

    private static func collectLeaves(_ value: JSONValue, path: String, key: String?,
                                      into changes: inout [CatalogDiff.FieldChange]) {
        switch value {
        case .null:
            return
        case .object(let members):
            for member in members {
                collectLeaves(member.value, path: join(path, member.key), key: member.key, into: &changes)
            }
        case .array(let items):
            guard !items.isEmpty else { return }
            if let idKey = key.flatMap({ itemIDKeys[$0] }), let byID = itemsByID(items, idKey: idKey) {
                for (id, item) in byID {
                    guard case .object(let members) = item else { continue }
                    for member in members where member.key != idKey {
                        collectLeaves(member.value, path: "\(path)[\(id)].\(member.key)", key: member.key, into: &changes)
                    }
                }
            } else {
                changes.append(.init(path: path, from: nil, to: value))
            }
        case .bool, .number, .string:
            changes.append(.init(path: path, from: nil, to: value))
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}
