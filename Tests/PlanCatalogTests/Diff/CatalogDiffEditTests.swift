import Foundation
import Testing
@testable import PlanCatalog

/// Source edits of real catalogs, each built before and after and diffed: every row names the changes
/// (kind, id, action, exact field paths) and the exact Lumen operations it must give. The bases are the
/// build fixture of every form of the language and the shipped Teamspace catalog directory.
@Suite struct CatalogDiffEditTests {
    @Test(arguments: CatalogDiffEdit.all)
    func editGivesItsChangesAndOperations(_ edit: CatalogDiffEdit) throws {
        let (deployed, source) = try edit.documents()
        let diff = CatalogDiff(deployed: deployed, source: source)

        let actualChanges = diff.changes.map { ExpectedChange(kind: $0.kind, id: $0.id, action: $0.action,
                                                              paths: $0.fields.map(\.path)) }
        #expect(actualChanges == edit.changes.map { $0.withoutReason }, "changes of \(edit.name)")
        for expected in edit.changes {
            guard let reason = expected.reason else { continue }
            let change = diff.changes.first { $0.kind == expected.kind && $0.id == expected.id }
            #expect(change?.reason == reason, "reason of \(expected.kind) \(expected.id)")
        }

        let expectedOperations = try edit.operations.map { try $0.resolved(in: source, diff: diff) }
        #expect(diff.operations.map(OperationSummary.init) == expectedOperations, "operations of \(edit.name)")
    }

    /// The deployed catalog's own build gives nothing: the edits above are what the rows see.
    @Test(arguments: CatalogDiffEdit.Base.allCases)
    func unchangedBaseHasNoChanges(_ base: CatalogDiffEdit.Base) throws {
        let document = try CatalogDiffEdit.build(base.catalog.sourceFiles())
        let diff = CatalogDiff(deployed: document, source: document)
        #expect(diff.changes.isEmpty)
        #expect(diff.operations.isEmpty)
    }

    /// A manual step says what to do by hand; every other operation has a path.
    @Test(arguments: CatalogDiffEdit.all)
    func manualStepsSayWhatToDo(_ edit: CatalogDiffEdit) throws {
        let (deployed, source) = try edit.documents()
        for operation in CatalogDiff(deployed: deployed, source: source).operations {
            if operation.method == CatalogDiff.Operation.manual {
                #expect(operation.path == nil && !(operation.description ?? "").isEmpty)
            } else {
                #expect(operation.path?.hasPrefix("/v1/") == true)
            }
        }
    }

    @Test func nextBillingQuoteIsAScheduledChange() throws {
        let edit = try #require(CatalogDiffEdit.all.first { $0.name == "a next-billing quote's price changes" })
        let (deployed, source) = try edit.documents()
        let descriptions = CatalogDiff(deployed: deployed, source: source).operations.compactMap(\.description)
        #expect(descriptions == [
            "create the new price price_business_initech_quarterly in place of the deployed one",
            "schedule a change of subscription sub_initech_hq to price price_business_initech_quarterly at its next "
                + "billing date (quote quote_initech_volume): Lumen's price override applies at once, a change at the "
                + "next billing date is a scheduled change",
            "archive the deployed price price_business_initech_quarterly (replaced by the new one) in Lumen's "
                + "dashboard: Lumen's API has no call to archive a price",
        ])
    }

    /// Field values are the deployed and source values, in Lumen's units.
    @Test func amountChangeCarriesBothValues() throws {
        let edit = try #require(CatalogDiffEdit.all.first { $0.name == "a fixed amount changes" })
        let (deployed, source) = try edit.documents()
        let diff = CatalogDiff(deployed: deployed, source: source)
        let price = try #require(diff.changes.first { $0.kind == .price })
        #expect(price.fields == [.init(path: "pricingData.components[comp_platform].amount_cents",
                                       from: .number("2900"), to: .number("3900"))])
    }
}

/// One change as a row expects it.
struct ExpectedChange: Equatable, CustomStringConvertible {
    let kind: CatalogDiff.Kind
    let id: String
    let action: CatalogDiff.Action
    let paths: [String]
    var reason: String? = nil

    var withoutReason: ExpectedChange { ExpectedChange(kind: kind, id: id, action: action, paths: paths) }
    var description: String { "\(kind.rawValue) \(id) \(action.rawValue) \(paths)" }
}

/// An operation's method, path and body, compared as one value.
struct OperationSummary: Equatable, CustomStringConvertible {
    let method: String
    let path: String?
    let body: JSONValue?

    init(method: String, path: String?, body: JSONValue?) {
        self.method = method
        self.path = path
        self.body = body
    }

    init(_ operation: CatalogDiff.Operation) {
        self.init(method: operation.method, path: operation.path, body: operation.body)
    }

    var description: String {
        "\(method) \(path ?? "-") \(body.map { JSONWriter.text(of: $0).filter { $0 != "\n" } } ?? "-")"
    }
}

/// An operation as a row expects it; bodies that copy a whole source record are named rather than
/// spelled out, since the rule is the point: a create's body is the source's catalog.json record.
struct ExpectedOperation {
    enum Body {
        case none
        /// The exact JSON text of the body.
        case json(String)
        /// The source's record of this kind and id, whole.
        case sourceRecord(CatalogDiff.Kind, String)
        /// These fields of the source's record, in its key order.
        case sourceFields(CatalogDiff.Kind, String, [String])
        /// A new plan version: these fields of the plan, then `commitMessage`, the plan change's reason.
        case newVersion(String, [String])
    }

    let method: String
    let path: String?
    let body: Body

    static func post(_ path: String, _ body: Body) -> ExpectedOperation { .init(method: "POST", path: path, body: body) }
    static func manual(_ body: Body = .none) -> ExpectedOperation { .init(method: "MANUAL", path: nil, body: body) }

    func resolved(in source: CatalogDocument, diff: CatalogDiff) throws -> OperationSummary {
        let value: JSONValue?
        switch body {
        case .none:
            value = nil
        case .json(let text):
            value = try JSONParser.parse(Array(text.utf8))
        case .sourceRecord(let kind, let id):
            value = try CatalogDiffEdit.record(kind, id, in: source)
        case .sourceFields(let kind, let id, let fields):
            value = try CatalogDiffEdit.fields(fields, of: CatalogDiffEdit.record(kind, id, in: source))
        case .newVersion(let id, let fields):
            let plan = try CatalogDiffEdit.record(.plan, id, in: source)
            guard case .object(let members) = CatalogDiffEdit.fields(fields, of: plan) else {
                return .init(method: method, path: path, body: nil)
            }
            let reason = try #require(diff.changes.first { $0.kind == .plan && $0.id == id }?.reason)
            value = .object(members + [.init("commitMessage", .string(reason))])
        }
        return OperationSummary(method: method, path: path, body: value)
    }
}
