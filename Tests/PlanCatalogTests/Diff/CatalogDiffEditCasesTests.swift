import Foundation
import Testing
@testable import PlanCatalog

/// The rows of `CatalogDiffEditTests`: a text edit of a real catalog, with the changes and operations it
/// must give. Each replacement must match its file exactly once, so a row cannot silently stop editing.
struct CatalogDiffEdit: Sendable, CustomTestStringConvertible {
    enum Base: String, CaseIterable, Sendable {
        case everyForm = "Tests/PlanCatalogTests/Fixtures/Build/every-form.plancat"
        case teamspace = "catalogs/teamspace"

        var catalog: CatalogCorpus.Catalog {
            let under = self == .everyForm ? "Tests/PlanCatalogTests/Fixtures/Build" : "catalogs"
            return CatalogCorpus.catalogs(under: under).first { $0.name == rawValue }!
        }
    }

    /// One text replacement in the file whose path ends with `file`.
    struct Replacement: Sendable {
        let file: String
        let old: String
        let new: String
    }

    let name: String
    let base: Base
    let replacements: [Replacement]
    let changes: [ExpectedChange]
    let operations: [ExpectedOperation]

    var testDescription: String { name }

    /// The base's build and the edited source's build.
    func documents() throws -> (deployed: CatalogDocument, source: CatalogDocument) {
        let catalog = base.catalog
        var files = catalog.sourceFiles()
        for replacement in replacements {
            let index = try #require(files.firstIndex { $0.path.hasSuffix(replacement.file) }, "no file \(replacement.file)")
            let text = String(decoding: files[index].bytes, as: UTF8.self)
            let pieces = text.components(separatedBy: replacement.old)
            try #require(pieces.count == 2, "\(name): `\(replacement.old)` occurs \(pieces.count - 1) times")
            files[index] = SourceFile(path: files[index].path, bytes: Array(pieces.joined(separator: replacement.new).utf8))
        }
        return (try Self.build(catalog.sourceFiles()), try Self.build(files))
    }

    static func build(_ files: [SourceFile]) throws -> CatalogDocument {
        let result = CatalogCompiler.build(files)
        return try #require(result.output?.document,
                            "does not build:\n\(TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files))")
    }

    /// A record of the document's catalog.json by kind and id.
    static func record(_ kind: CatalogDiff.Kind, _ id: String, in document: CatalogDocument) throws -> JSONValue {
        let arrayKey = ["metric": "metrics", "feature": "features", "plan": "plans", "price": "prices",
                        "creditDefinition": "creditDefinitions", "pricingTable": "pricingTables", "quote": "quotes"][kind.rawValue]!
        let identity = kind == .feature || kind == .pricingTable ? "slug" : "id"
        guard case .array(let records)? = document.jsonValue[arrayKey] else { throw RecordNotFound(kind: kind, id: id) }
        guard let record = records.first(where: { $0[identity] == .string(id) }) else { throw RecordNotFound(kind: kind, id: id) }
        return record
    }

    /// The named members of a record, in its key order.
    static func fields(_ names: [String], of record: JSONValue) -> JSONValue {
        guard case .object(let members) = record else { return .null }
        return .object(members.filter { names.contains($0.key) })
    }

    struct RecordNotFound: Error { let kind: CatalogDiff.Kind; let id: String }
}

extension CatalogDiffEdit {
    static let all: [CatalogDiffEdit] = [
        .init(
            name: "a fixed amount changes", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "fixed 29;", new: "fixed 39;")],
            changes: [
                .init(kind: .plan, id: "plan_starter", action: .newVersion, paths: [],
                      reason: "the plan's price price_starter_monthly is replaced; Lumen makes a new plan version "
                          + "and existing subscribers stay on the old version until migrated"),
                .init(kind: .price, id: "price_starter_monthly", action: .replace,
                      paths: ["pricingData.components[comp_platform].amount_cents"],
                      reason: "the price's pricingData changed; Lumen cannot edit a price in place, so a new price "
                          + "replaces it and existing subscribers keep the old one"),
                .init(kind: .pricingTable, id: "main", action: .update, paths: ["planConfigs[plan_starter].bullets"]),
            ],
            operations: [
                .post("/v1/plans/plan_starter?isStableId=true", .newVersion("plan_starter", ["features", "priceIds"])),
                .post("/v1/prices", .sourceRecord(.price, "price_starter_monthly")),
                .post("/v1/pricing-tables/main", .sourceFields(.pricingTable, "main", ["planConfigs"])),
                .manual(),
            ]),
        .init(
            name: "a plan is renamed", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "name \"Metered\"", new: "name \"Metered usage\"")],
            changes: [
                .init(kind: .plan, id: "plan_metered", action: .update, paths: ["planName"],
                      reason: "only the plan's planName changed; Lumen edits it in place"),
            ],
            operations: [.post("/v1/plans/plan_metered?isStableId=true", .json(#"{ "planName": "Metered usage" }"#))]),
        .init(
            name: "a feature is added to a plan", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "    storage-gb 1\n", new: "    storage-gb 1\n    exports 5\n")],
            changes: [
                .init(kind: .plan, id: "plan_enterprise", action: .newVersion, paths: ["features[exports]"],
                      reason: "the plan's features changed; Lumen makes a new plan version and existing subscribers "
                          + "stay on the old version until migrated"),
                .init(kind: .pricingTable, id: "main", action: .update, paths: ["planConfigs[plan_enterprise].bullets"]),
            ],
            operations: [
                .post("/v1/plans/plan_enterprise?isStableId=true", .json(#"""
                    { "features": [ { "slug": "sso", "featureValue": true },
                                    { "slug": "projects", "featureValue": "unlimited" },
                                    { "slug": "storage-gb", "featureValue": 1 },
                                    { "slug": "exports", "featureValue": 5 } ],
                      "priceIds": [],
                      "commitMessage": "the plan's features changed; Lumen makes a new plan version and existing subscribers stay on the old version until migrated" }
                    """#)),
                .post("/v1/pricing-tables/main", .sourceFields(.pricingTable, "main", ["planConfigs"])),
            ]),
        .init(
            name: "a plan is removed", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: """
                plan plan_quarterly {
                  name "Quarterly (hidden)"
                  hidden
                  features {
                    projects unlimited
                  }
                  price price_quarterly {
                    interval month
                    interval-count 3
                    component comp_base { fixed 75 }
                    component comp_setup { fixed 100; interval year }
                  }
                }

                """, new: "")],
            changes: [
                .init(kind: .price, id: "price_quarterly", action: .archive, paths: []),
                .init(kind: .plan, id: "plan_quarterly", action: .archive, paths: [],
                      reason: "deployed, gone from the source: the plan is archived and no longer offered; existing "
                          + "subscribers stay on it until migrated"),
            ],
            operations: [.manual(), .manual()]),
        .init(
            name: "a metric's aggregation changes", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "aggregate max", new: "aggregate sum")],
            changes: [
                .init(kind: .metric, id: "storage", action: .replace, paths: ["aggregationType"],
                      reason: "the metric's aggregationType changed; Lumen cannot edit a metric's event, aggregation "
                          + "or value type in place, so a new metric replaces it and apps already sending the old "
                          + "event must be checked"),
            ],
            operations: [
                .post("/v1/metrics", .json(#"""
                    { "id": "storage", "name": "Storage", "description": null, "eventName": "storage",
                      "queryType": "simple", "aggregationType": "SUM", "valueType": "NUMERIC" }
                    """#)),
                .post("/v1/metrics/storage/delete", .none),
            ]),
        .init(
            name: "a credit's refill changes", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "refill 500000", new: "refill 400000")],
            changes: [
                .init(kind: .creditDefinition, id: "starter_events", action: .update, paths: ["refillAmount"],
                      reason: "only the credit definition's refillAmount changed; Lumen edits it in place"),
            ],
            operations: [.manual(.json(#"{ "refillAmount": 400000 }"#))]),
        .init(
            name: "pricing-table rows are reordered", base: .everyForm,
            replacements: [.init(file: "every-form.plancat",
                                 old: "  row plan_metered\n  row plan_enterprise { enterprise \"mailto:sales@acme.example\" }\n",
                                 new: "  row plan_enterprise { enterprise \"mailto:sales@acme.example\" }\n  row plan_metered\n")],
            changes: [
                .init(kind: .pricingTable, id: "main", action: .update,
                      paths: ["planConfigs", "planConfigs[plan_enterprise].displayOrder",
                              "planConfigs[plan_metered].displayOrder"],
                      reason: "only the pricing table's planConfigs changed; Lumen edits it in place"),
            ],
            operations: [.post("/v1/pricing-tables/main", .sourceFields(.pricingTable, "main", ["planConfigs"]))]),
        .init(
            name: "a quote is added", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "quote quote_initech {", new: """
                quote quote_hooli {
                  plan plan_metered
                  customer "Hooli"
                  subscription "sub_hooli/main"
                  price price_hooli {
                    interval month
                    component comp_users { usage active-users; unit-price 0.04 }
                  }
                }

                quote quote_initech {
                """)],
            changes: [
                .init(kind: .price, id: "price_hooli", action: .create,
                      paths: ["planId", "currency", "isOverridePrice", "pricingData.dsl_version",
                              "pricingData.components[comp_users].type",
                              "pricingData.components[comp_users].unit_cost_cents",
                              "pricingData.components[comp_users].metric_id",
                              "pricingData.components[comp_users].recurrence_rule"],
                      reason: "in the source, not deployed"),
                .init(kind: .quote, id: "quote_hooli", action: .create,
                      paths: ["planId", "customer", "stableSubscriptionId", "effective", "priceId"]),
            ],
            operations: [
                .post("/v1/prices", .sourceRecord(.price, "price_hooli")),
                .post("/v1/subscriptions/price-override/sub_hooli%2Fmain", .json(#"{ "priceId": "price_hooli" }"#)),
            ]),
        .init(
            name: "a feature's type changes", base: .everyForm,
            replacements: [
                .init(file: "every-form.plancat", old: "feature support {\n  name \"Support\"\n  type text",
                      new: "feature support {\n  name \"Support\"\n  type boolean"),
                .init(file: "every-form.plancat", old: "    support \"Email, \\\"next business day\\\"\"\n",
                      new: "    support\n"),
            ],
            changes: [
                .init(kind: .feature, id: "support", action: .replace, paths: ["featureType"],
                      reason: "the feature's featureType changed; Lumen cannot change a feature's type in place, so "
                          + "a new feature replaces it and apps reading its value must expect the new type"),
                .init(kind: .plan, id: "plan_starter", action: .newVersion, paths: ["features[support].featureValue"]),
                .init(kind: .pricingTable, id: "main", action: .update, paths: ["planConfigs[plan_starter].bullets"]),
            ],
            operations: [
                .post("/v1/features", .json(#"""
                    { "slug": "support", "displayName": "Support", "description": null, "featureType": "boolean",
                      "unitLabel": null, "metricIds": [] }
                    """#)),
                .post("/v1/plans/plan_starter?isStableId=true", .newVersion("plan_starter", ["features", "priceIds"])),
                .post("/v1/pricing-tables/main", .sourceFields(.pricingTable, "main", ["planConfigs"])),
                .init(method: "DELETE", path: "/v1/features/support", body: .none),
            ]),
        .init(
            name: "a credit's renewal changes", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "renew yearly", new: "renew monthly")],
            changes: [
                .init(kind: .creditDefinition, id: "starter_discount", action: .replace, paths: ["refillRrule"],
                      reason: "the credit definition's refillRrule changed; Lumen cannot edit what a credit applies "
                          + "to, how it renews or expires in place, so a new credit definition replaces it and "
                          + "credits already granted keep the old terms"),
            ],
            operations: [
                .post("/v1/credits/definitions", .sourceRecord(.creditDefinition, "starter_discount")),
                .manual(),
            ]),
        .init(
            name: "a next-billing quote's price changes", base: .teamspace,
            replacements: [.init(file: "quotes/initech.plancat", old: "per-seat 39", new: "per-seat 37")],
            changes: [
                .init(kind: .price, id: "price_business_initech_quarterly", action: .replace,
                      paths: ["pricingData.components[comp_seats].amount_cents"]),
                .init(kind: .quote, id: "quote_initech_volume", action: .replace, paths: [],
                      reason: "the quote's price price_business_initech_quarterly is replaced; the negotiated price "
                          + "must be applied to the customer's subscription again"),
            ],
            operations: [
                .post("/v1/prices", .sourceRecord(.price, "price_business_initech_quarterly")),
                .manual(.json(#"{ "priceId": "price_business_initech_quarterly" }"#)),
                .manual(),
            ]),
        .init(
            name: "an immediate quote moves to another subscription", base: .teamspace,
            replacements: [.init(file: "quotes/globex.plancat", old: "\"sub_globex_workspace\"", new: "\"sub_globex_hq\"")],
            changes: [
                .init(kind: .quote, id: "quote_globex_2025", action: .update, paths: ["stableSubscriptionId"]),
            ],
            operations: [
                .post("/v1/subscriptions/price-override/sub_globex_hq",
                      .json(#"{ "priceId": "price_enterprise_globex_2025" }"#)),
                .manual(),
            ]),
        .init(
            name: "a credit's id changes", base: .everyForm,
            replacements: [.init(file: "every-form.plancat", old: "credit starter_discount", new: "credit starter_loyalty")],
            changes: [
                .init(kind: .creditDefinition, id: "starter_loyalty", action: .create,
                      paths: ["scope", "applicationType", "planId", "name", "defaultAmount", "refillAmount",
                              "renewOnBilling", "refillRrule", "billingVisible", "currency"]),
                .init(kind: .creditDefinition, id: "starter_discount", action: .archive, paths: []),
            ],
            operations: [
                .post("/v1/credits/definitions", .sourceRecord(.creditDefinition, "starter_loyalty")),
                .manual(),
            ]),
        .init(
            name: "several kinds change at once", base: .everyForm,
            replacements: [
                .init(file: "every-form.plancat", old: "aggregate max", new: "aggregate sum"),
                .init(file: "every-form.plancat", old: "credit starter_discount", new: "credit starter_loyalty"),
                .init(file: "every-form.plancat", old: "name \"Quarterly (hidden)\"\n  hidden\n  features {\n    projects unlimited\n  }\n  price price_quarterly {",
                      new: "name \"Quarterly (hidden)\"\n  hidden\n  features {\n    projects unlimited\n  }\n  price price_quarterly_2 {"),
                .init(file: "every-form.plancat", old: "  customer \"Initech\"\n", new: "  customer \"Initech GmbH\"\n"),
            ],
            changes: [
                .init(kind: .metric, id: "storage", action: .replace, paths: ["aggregationType"]),
                .init(kind: .plan, id: "plan_quarterly", action: .newVersion, paths: ["priceIds"],
                      reason: "the plan's priceIds changed, price price_quarterly_2 is created and "
                          + "price price_quarterly is archived; Lumen makes a new plan version and existing subscribers "
                          + "stay on the old version until migrated"),
                .init(kind: .price, id: "price_quarterly_2", action: .create,
                      paths: ["planId", "currency", "isOverridePrice", "pricingData.dsl_version",
                              "pricingData.components[comp_base].type", "pricingData.components[comp_base].amount_cents",
                              "pricingData.components[comp_base].recurrence_rule",
                              "pricingData.components[comp_setup].type", "pricingData.components[comp_setup].amount_cents",
                              "pricingData.components[comp_setup].recurrence_rule"]),
                .init(kind: .creditDefinition, id: "starter_loyalty", action: .create,
                      paths: ["scope", "applicationType", "planId", "name", "defaultAmount", "refillAmount",
                              "renewOnBilling", "refillRrule", "billingVisible", "currency"]),
                .init(kind: .quote, id: "quote_initech", action: .update, paths: ["customer"],
                      reason: "only the quote's customer changed; the negotiated price itself stays the same"),
                .init(kind: .creditDefinition, id: "starter_discount", action: .archive, paths: []),
                .init(kind: .price, id: "price_quarterly", action: .archive, paths: []),
            ],
            operations: [
                .post("/v1/metrics", .sourceRecord(.metric, "storage")),
                .post("/v1/plans/plan_quarterly?isStableId=true", .newVersion("plan_quarterly", ["features", "priceIds"])),
                .post("/v1/prices", .sourceRecord(.price, "price_quarterly_2")),
                .post("/v1/credits/definitions", .sourceRecord(.creditDefinition, "starter_loyalty")),
                .manual(),
                .manual(),
                .post("/v1/metrics/storage/delete", .none),
            ]),
    ]
}
