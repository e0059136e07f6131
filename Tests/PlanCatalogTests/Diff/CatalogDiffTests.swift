import Foundation
import Testing
@testable import PlanCatalog

/// A catalog diffed against its own build has no changes and no operations — also when the deployed
/// catalog.json is read back from bytes whose keys are reordered, indentation changed and numbers spelled
/// differently — and the field comparison underneath addresses and compares values as Docs/Diff.md says.
@Suite struct CatalogDiffTests {
    /// Every shipped catalog and fixture that builds.
    static let builtCatalogs: [CatalogCorpus.Catalog] = CatalogCorpus.catalogs.filter {
        CatalogCompiler.build($0.sourceFiles()).output != nil
    }

    @Test func theCorpusHasCatalogsThatBuild() {
        // The sample, the three shipped catalogs and the two build fixtures at least.
        #expect(Self.builtCatalogs.count >= 6)
    }

    @Test(arguments: builtCatalogs)
    func catalogAgainstItsOwnBuildHasNoChanges(_ catalog: CatalogCorpus.Catalog) throws {
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output?.document)
        Self.expectNoDifference(deployed: document, source: document)
        let reread = try CatalogDocument(json: document.jsonBytes)
        Self.expectNoDifference(deployed: reread, source: document)
    }

    @Test(arguments: builtCatalogs, JSONRespelling.NumberStyle.allCases)
    func respelledDeployedCatalogHasNoChanges(_ catalog: CatalogCorpus.Catalog,
                                              style: JSONRespelling.NumberStyle) throws {
        let document = try #require(CatalogCompiler.build(catalog.sourceFiles()).output?.document)
        let bytes = JSONRespelling.bytes(of: document.jsonValue, numbers: style)
        #expect(bytes != document.jsonBytes)
        let deployed = try CatalogDocument(json: bytes)
        Self.expectNoDifference(deployed: deployed, source: document)
        Self.expectNoDifference(deployed: document, source: deployed)
    }

    static func expectNoDifference(deployed: CatalogDocument, source: CatalogDocument,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let diff = CatalogDiff(deployed: deployed, source: source)
        #expect(diff.changes.isEmpty, "\(diff.changes)", sourceLocation: sourceLocation)
        #expect(diff.operations.isEmpty, "\(diff.operations)", sourceLocation: sourceLocation)
        #expect(diff.isEmpty && !diff.hasBreakingChanges, sourceLocation: sourceLocation)
    }

    /// The respelling helper really changes the bytes, yet means the same value.
    @Test(arguments: [(JSONRespelling.NumberStyle.fraction, ["2900.0", "0.0020", "7.0"]),
                      (.exponent, ["29e2", "2e-3", "7E0"])])
    func respellingKeepsTheValue(_ row: (JSONRespelling.NumberStyle, [String])) throws {
        let value: JSONValue = .object([.init("a", .number("2900")), .init("b", .array([.number("0.002"), .number("7")])),
                                        .init("c", .object([.init("d", .string("x\"y"))]))])
        let text = String(decoding: JSONRespelling.bytes(of: value, numbers: row.0), as: UTF8.self)
        #expect(row.1.allSatisfy(text.contains) && text.contains("\t") && text.contains("\r\n"))
        let reparsed = try JSONParser.parse(Array(text.utf8))
        #expect(reparsed != value)
        #expect(FieldComparison.areEquivalent(reparsed, value))
    }

    // MARK: - Field comparison

    @Test(arguments: [("2900", "2900.0"), ("2900", "29e2"), ("2900", "2.9E+3"), ("0.002", "2e-3"), ("0", "0.0"),
                      ("0.5", "0.50")])
    func numbersCompareByValue(_ pair: (String, String)) {
        #expect(FieldComparison.areEquivalent(.number(pair.0), .number(pair.1)))
        #expect(FieldComparison.changes(from: .object([.init("amount_cents", .number(pair.0))]),
                                        to: .object([.init("amount_cents", .number(pair.1))])).isEmpty)
    }

    @Test(arguments: [("2900", "2901"), ("0.002", "0.0021"), ("1", "-1"), ("1e2", "1e3")])
    func differentNumbersDiffer(_ pair: (String, String)) {
        #expect(!FieldComparison.areEquivalent(.number(pair.0), .number(pair.1)))
    }

    @Test func keyOrderIsNotAChange() {
        let deployed: JSONValue = .object([.init("b", 1), .init("a", .object([.init("y", 2), .init("x", 3)]))])
        let source: JSONValue = .object([.init("a", .object([.init("x", 3), .init("y", 2)])), .init("b", 1)])
        #expect(FieldComparison.changes(from: deployed, to: source).isEmpty)
    }

    @Test func componentsAreAddressedByID() {
        func price(_ components: [JSONValue]) -> JSONValue {
            .object([.init("pricingData", .object([.init("dsl_version", 1), .init("components", .array(components))]))])
        }
        func component(_ id: String, _ amount: Int) -> JSONValue {
            .object([.init("component_id", .string(id)), .init("type", "fixed"), .init("amount_cents", .number(amount))])
        }
        let changes = FieldComparison.changes(from: price([component("comp_base", 2900), component("comp_old", 100)]),
                                              to: price([component("comp_new", 5), component("comp_base", 3900)]))
        #expect(changes == [
            .init(path: "pricingData.components[comp_new]", from: nil, to: component("comp_new", 5)),
            .init(path: "pricingData.components[comp_base].amount_cents", from: 2900, to: 3900),
            .init(path: "pricingData.components[comp_old]", from: component("comp_old", 100), to: nil),
        ])
    }

    @Test func reorderedItemsGiveOneChangeWithTheIDs() {
        func rows(_ ids: [String]) -> JSONValue {
            .object([.init("planConfigs", .array(ids.map { .object([.init("planId", .string($0))]) }))])
        }
        let changes = FieldComparison.changes(from: rows(["a", "b", "c"]), to: rows(["a", "c", "b", "d"]))
        #expect(changes == [
            .init(path: "planConfigs", from: ["a", "b", "c"], to: ["a", "c", "b", "d"]),
            .init(path: "planConfigs[d]", from: nil, to: .object([.init("planId", "d")])),
        ])
        // An added item alone is no reorder.
        #expect(FieldComparison.changes(from: rows(["a", "b"]), to: rows(["a", "x", "b"])).map(\.path) == ["planConfigs[x]"])
    }

    @Test func scalarArraysAreOneLeaf() {
        let changes = FieldComparison.changes(from: .object([.init("priceIds", ["p1", "p2"])]),
                                              to: .object([.init("priceIds", ["p2", "p1"])]))
        #expect(changes == [.init(path: "priceIds", from: ["p1", "p2"], to: ["p2", "p1"])])
    }

    @Test func deployedOnlyKeysKeepTheirPlace() {
        // A per-seat component that became fixed loses min_seats and bill_immediately.
        let deployed: JSONValue = .object([.init("type", "per_unit"), .init("amount_cents", 10), .init("min_seats", 3),
                                           .init("bill_immediately", true), .init("recurrence_rule", "R")])
        let source: JSONValue = .object([.init("type", "fixed"), .init("amount_cents", 10), .init("recurrence_rule", "R")])
        #expect(FieldComparison.changes(from: deployed, to: source).map(\.path)
                == ["type", "min_seats", "bill_immediately"])
    }

    @Test func createdRecordListsItsNonNullLeaves() {
        let record: JSONValue = .object([
            .init("id", "plan_x"), .init("planName", "X"), .init("planDescription", nil),
            .init("features", .array([.object([.init("slug", "sso"), .init("featureValue", true)])])),
            .init("priceIds", []),
        ])
        #expect(FieldComparison.leaves(of: record, identityKey: "id") == [
            .init(path: "planName", from: nil, to: "X"),
            .init(path: "features[sso].featureValue", from: nil, to: true),
        ])
    }

    // MARK: - Classification

    @Test(arguments: [
        (CatalogDiff.Kind.metric, "name", CatalogDiff.Action.update), (.metric, "eventName", .replace),
        (.metric, "valueType", .replace), (.feature, "metricIds", .update), (.feature, "featureType", .replace),
        (.plan, "isVisibleInPricingTable", .update), (.plan, "trialDays", .newVersion), (.plan, "priceIds", .newVersion),
        (.price, "currency", .replace), (.creditDefinition, "billingDescription", .update),
        (.creditDefinition, "expiryDays", .replace), (.creditDefinition, "featureSlug", .replace),
        (.pricingTable, "currency", .update), (.quote, "effective", .update), (.quote, "planId", .replace),
        (.plan, "aFieldNoTableKnows", .replace),
    ])
    func fieldsAreClassified(_ row: (CatalogDiff.Kind, String, CatalogDiff.Action)) {
        #expect(ChangeClassification.action(for: row.1, of: row.0) == row.2)
    }

    @Test func mostSevereActionWins() {
        #expect(ChangeClassification.mostSevere([.update, .replace, .newVersion]) == .replace)
        #expect(ChangeClassification.mostSevere([.update, .newVersion]) == .newVersion)
        #expect(ChangeClassification.mostSevere([]) == nil)
    }

    @Test func pathSegmentsAreEscaped() {
        #expect(OperationSteps.pathSegment("sub_a-1.b~") == "sub_a-1.b~")
        #expect(OperationSteps.pathSegment("a/b c?é") == "a%2Fb%20c%3F%C3%A9")
    }
}

/// Rewrites a JSON value the way a hand-edited deployed catalog.json might read: keys in reverse order,
/// tabs and CRLF line ends instead of two spaces, and every number re-spelled, so that the differ is shown
/// to compare values, never spellings.
enum JSONRespelling {
    enum NumberStyle: CaseIterable, Sendable {
        /// `2900` → `2900.0`, `0.002` → `0.0020`.
        case fraction
        /// `2900` → `29e2`, `0.002` → `2e-3`, `7` → `7E0`.
        case exponent
    }

    static func bytes(of value: JSONValue, numbers style: NumberStyle) -> [UInt8] {
        var text = ""
        append(value, depth: 0, style: style, to: &text)
        return Array((text + "\r\n").utf8)
    }

    /// The same number in another spelling (a literal plancat writes: no exponent, no trailing zeros).
    static func respell(_ number: String, style: NumberStyle) -> String {
        switch style {
        case .fraction:
            return number + (number.contains(".") ? "0" : ".0")
        case .exponent:
            let isNegative = number.hasPrefix("-")
            let unsigned = isNegative ? String(number.dropFirst()) : number
            let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count == 2 ? String(parts[1]) : ""
            var digits = String(parts[0]) + fraction
            var exponent = -fraction.count
            while digits.count > 1, digits.hasSuffix("0") { digits.removeLast(); exponent += 1 }
            while digits.count > 1, digits.hasPrefix("0") { digits.removeFirst() }
            let spelled = exponent == 0 ? digits + "E0" : digits + "e\(exponent)"
            return (isNegative ? "-" : "") + spelled
        }
    }

    private static func append(_ value: JSONValue, depth: Int, style: NumberStyle, to text: inout String) {
        let indent = "\r\n" + String(repeating: "\t", count: depth + 1)
        switch value {
        case .null, .bool, .string:
            text += String(JSONWriter.text(of: value).dropLast())
        case .number(let literal):
            text += respell(literal, style: style)
        case .array(let items):
            text += "["
            for (index, item) in items.enumerated() {
                text += (index == 0 ? "" : ",") + indent
                append(item, depth: depth + 1, style: style, to: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.reversed().enumerated() {
                text += (index == 0 ? "" : ",") + indent + String(JSONWriter.text(of: .string(member.key)).dropLast()) + " :\t"
                append(member.value, depth: depth + 1, style: style, to: &text)
            }
            text += "}"
        }
    }
}
