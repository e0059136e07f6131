import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Each catalog.json record is described once (`RecordSchema`); these tests hold the writer, the reader,
/// the diff's classification and the fuzz dictionary to that one description, key by key.
@Suite struct CatalogRecordSchemaTests {
    /// The reader tests' document (every record and component kind, optional fields set and unset), with
    /// the few optional fields it only has one way round added the other way: a quote without a
    /// subscription, and a table with a subheading but no heading.
    static let document: CatalogDocument = {
        var document = CatalogDocumentReaderTests.document
        document.prices.append(.init(id: "price_beta", planID: "plan_pro", currency: "USD", isOverridePrice: true,
                                     components: [.init(id: "comp_beta", charge: .fixed(amountCents: ExactDecimal(100)),
                                                        label: nil, unitLabel: "plan", period: .monthly)]))
        document.quotes.append(.init(id: "quote_beta", planID: "plan_pro", customer: "Beta Inc",
                                     stableSubscriptionID: nil, effective: .immediately, priceID: "price_beta"))
        document.pricingTables.append(.init(slug: "plain", name: "Plain", heading: nil, subheading: "Monthly",
                                            description: nil, currency: "USD", planConfigs: []))
        return document
    }()

    /// Every object of a written document beside the schema shape it was written from, with its path.
    private static func objects(of document: CatalogDocument) throws -> [(path: String, shape: ObjectShape, object: JSONValue)] {
        let root = try JSONParser.parse(document.jsonBytes)
        let rootShape = ObjectShape(
            keys: CatalogDocument.members.map { "\($0.key)" }, identityKey: nil, roles: [:],
            nested: CatalogDocument.members.compactMap { member in member.records.map { ("\(member.key)", $0()) } })
        var found: [(String, ObjectShape, JSONValue)] = []
        func walk(_ value: JSONValue, _ shape: ObjectShape, _ path: String) {
            found.append((path, shape, value))
            for (key, nested) in shape.nested {
                switch value[key] {
                case .array(let items)?:
                    for (index, item) in items.enumerated() { walk(item, nested, "\(path).\(key)[\(index)]") }
                case let object?:
                    walk(object, nested, "\(path).\(key)")
                case nil:
                    break
                }
            }
        }
        walk(root, rootShape, "$")
        return found
    }

    /// The keys of a JSON object in order.
    private static func keys(of object: JSONValue) -> [String] {
        guard case .object(let members) = object else { return [] }
        return members.map(\.key)
    }

    @Test("the writer writes each object's keys in its schema's order, and every key of a schema somewhere")
    func writerWritesTheSchemaKeys() throws {
        var writtenKeys: [String: Set<String>] = [:]
        for (path, shape, object) in try Self.objects(of: Self.document) {
            let keys = Self.keys(of: object)
            #expect(keys == shape.keys.filter(keys.contains), "\(path) writes \(keys), not in the order of \(shape.keys)")
            writtenKeys[shape.keys.joined(separator: ","), default: []].formUnion(keys)
        }
        // Every kind of object is there, and each key of each is written by at least one object: the reader,
        // which accepts exactly the schema's keys, accepts no key the writer never writes.
        let allShapes = CatalogDiff.Kind.allCases.map(\.recordShape).flatMap(Self.shapes(in:))
        for shape in allShapes {
            let written = writtenKeys[shape.keys.joined(separator: ",")] ?? []
            #expect(written == Set(shape.keys), "never written: \(Set(shape.keys).subtracting(written).sorted())")
        }
    }

    private static func shapes(in shape: ObjectShape) -> [ObjectShape] {
        [shape] + shape.nested.flatMap { shapes(in: $0.shape) }
    }

    @Test("a component of each type writes exactly the keys the reader allows that type")
    func componentKeysByType() throws {
        let components = Self.document.prices.flatMap(\.components)
        for kind in CatalogDocument.Component.Kind.allCases {
            let allowed = Set((CatalogDocument.Component.Kind.sharedKeys + kind.ownKeys).map { "\($0)" })
            var written: Set<String> = []
            for component in components where component.charge.typeName == kind.rawValue {
                var stream = JSONWriter.Stream()
                CatalogDocument.Component.schema.write(component, to: &stream)
                let keys = Self.keys(of: try JSONParser.parse(stream.bytes))
                #expect(Set(keys).isSubset(of: allowed), "\(kind.rawValue) writes \(Set(keys).subtracting(allowed))")
                written.formUnion(keys)
            }
            #expect(written == allowed, "\(kind.rawValue) never writes \(allowed.subtracting(written).sorted())")
        }
    }

    @Test("the reader reads back everything the writer writes")
    func readerReadsWhatTheWriterWrites() throws {
        #expect(try CatalogDocument(json: Self.document.jsonBytes) == Self.document)
    }

    @Test("the reader reads every key: without any one of them, it refuses the file or reads another document")
    func readerReadsEveryKey() throws {
        let root = try JSONParser.parse(Self.document.jsonBytes)
        var removals = 0
        for (path, _, object) in try Self.objects(of: Self.document) {
            for key in Self.keys(of: object) {
                let edited = Self.removing(key, at: path, from: root)
                removals += 1
                let read = try? CatalogDocument(jsonValue: edited)
                #expect(read != Self.document, "the reader ignores \(path).\(key)")
            }
        }
        #expect(removals >= 250, "the walk found only \(removals) keys")
    }

    /// `root` without the member `key` of the object at `path` (`$.prices[2].pricingData`).
    private static func removing(_ key: String, at path: String, from root: JSONValue) -> JSONValue {
        var steps: [(key: String, index: Int?)] = []
        for part in path.dropFirst(2).split(separator: ".") where !part.isEmpty {
            if let open = part.firstIndex(of: "[") {
                steps.append((String(part[..<open]), Int(part[part.index(after: open)..<part.index(before: part.endIndex)])))
            } else {
                steps.append((String(part), nil))
            }
        }
        func edit(_ value: JSONValue, _ remaining: ArraySlice<(key: String, index: Int?)>) -> JSONValue {
            guard case .object(let members) = value else { return value }
            guard let step = remaining.first else { return .object(members.filter { $0.key != key }) }
            return .object(members.map { member in
                guard member.key == step.key else { return member }
                if let index = step.index, case .array(var items) = member.value {
                    items[index] = edit(items[index], remaining.dropFirst())
                    return .init(member.key, .array(items))
                }
                return .init(member.key, edit(member.value, remaining.dropFirst()))
            })
        }
        return edit(root, steps[...])
    }

    // MARK: Classification

    /// OUTPUT.md's table, spelt independently of the schemas: the fields whose change is an update or
    /// a new version; every other field but the identity is a replace.
    static let specifiedActions: [CatalogDiff.Kind: (update: Set<String>, newVersion: Set<String>)] = [
        .metric: (["name", "description"], []),
        .feature: (["displayName", "description", "unitLabel", "metricIds"], []),
        .plan: (["planName", "planDescription", "isFree", "isVisibleInPricingTable"],
                ["isTrialPlan", "trialParentPlanId", "trialDays", "features", "priceIds"]),
        .price: ([], []),
        .creditDefinition: (["name", "defaultAmount", "refillAmount", "billingVisible", "billingDescription"], []),
        .pricingTable: (["name", "heading", "subheading", "description", "currency", "planConfigs"], []),
        .quote: (["customer", "stableSubscriptionId", "effective"], []),
    ]

    @Test("every top-level key of every record is classified as OUTPUT.md says", arguments: CatalogDiff.Kind.allCases)
    func everyKeyIsClassified(_ kind: CatalogDiff.Kind) throws {
        let shape = kind.recordShape
        let expected = try #require(Self.specifiedActions[kind])
        #expect(shape.identityKey == (kind == .feature || kind == .pricingTable ? "slug" : "id"))
        for key in shape.keys where key != shape.identityKey {
            let action: CatalogDiff.Action = expected.update.contains(key) ? .update
                : expected.newVersion.contains(key) ? .newVersion : .replace
            #expect(shape.roles[key] == .changes(action), "\(kind.rawValue).\(key)")
            #expect(ChangeClassification.action(for: key, of: kind) == action, "\(kind.rawValue).\(key)")
        }
        #expect(expected.update.union(expected.newVersion).isSubset(of: Set(shape.keys)))
        // A nested object's fields are classified as the top-level field that holds them.
        for nested in shape.nested.flatMap({ Self.shapes(in: $0.shape) }) {
            for key in nested.keys {
                #expect(nested.roles[key] == (key == nested.identityKey ? .identity : .partOfField), "\(key)")
            }
        }
    }

    @Test("array items are matched by their schema's identity key")
    func itemIdentityKeys() {
        #expect(FieldComparison.itemIDKeys == ["components": "component_id", "features": "slug", "planConfigs": "planId"])
    }

    // MARK: Fuzz dictionary

    /// Sources/plancat-fuzz/Dictionaries/catalog-json.dict: every key catalog.json can hold, then the
    /// enum values and JSON tokens that mutations are worth trying.
    static var fuzzDictionary: String {
        let header = "# libFuzzer dictionary for catalog.json: every key and enum value of the catalog file (OUTPUT.md).\n"
            + "# The keys are generated from the record schemas (CatalogRecordSchemaTests; rewrite with "
            + "\(Golden.updateVariable)=1).\n"
        let keys = CatalogDocument.allKeys.map { "\"\($0)\"\n" }.joined()
        let values = ["COUNT", "EUR", "JPY", "KWD", "MAX", "NUMERIC", "STRING", "SUM", "UNIQUE_COUNT", "USD",
                      "{", "}", "[", "]", "null", "true", "false", "1e400", "-0", "9007199254740993",
                      "\\\\u0000", "\\\\ud800"]
        return header + keys + values.map { "\"\($0)\"\n" }.joined()
    }

    @Test("the fuzz dictionary lists every key of catalog.json")
    func fuzzDictionaryIsCurrent() {
        Golden.expect(Self.fuzzDictionary,
                      matchesFile: PackageRoot.url.appendingPathComponent("Sources/plancat-fuzz/Dictionaries/catalog-json.dict"),
                      name: "catalog-json.dict")
    }
}
