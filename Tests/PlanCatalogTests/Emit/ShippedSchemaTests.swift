import Testing
@testable import PlanCatalog

/// The schemas shipped in `Docs/schemas/`: each loads within the validator's subset, accepts a small
/// correct document, and refuses that document with one thing wrong, at the right path.
///
/// `OutputSchemaTests` shows that real build outputs pass; only the refusals here show that a schema
/// says something. A schema loosened by mistake (a lost `required`, `additionalProperties` or bound)
/// would still pass every real output, so a refusal here is what keeps a constraint in place.
@Suite struct ShippedSchemaTests {
    @Test("each shipped schema parses and uses only the validator's subset", arguments: OutputSchemaTests.Schema.allCases)
    func shippedSchemaLoads(_ schema: OutputSchemaTests.Schema) throws {
        let document = try schema.document()
        #expect(document["$schema"] == .string(JSONSchemaValidator.dialect))
        #expect(document["$id"] == .string("https://plancat.dev/schemas/\(schema.rawValue).schema.json"))
        #expect(document["title"] != nil && document["description"] != nil)
        _ = try JSONSchemaValidator(schema: document)
    }

    @Test("each shipped schema accepts a small correct document", arguments: OutputSchemaTests.Schema.allCases)
    func shippedSchemaAccepts(_ schema: OutputSchemaTests.Schema) throws {
        let errors = try schema.validator().validate(try Self.correctDocument(of: schema))
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test("catalog.json and the public tables share one definition of pricingData")
    func pricingDataIsShared() throws {
        let catalog = try #require(OutputSchemaTests.Schema.catalog.document()["$defs"])
        let publicTable = try #require(OutputSchemaTests.Schema.pricingTable.document()["$defs"])
        for name in ["pricingData", "component", "fixedComponent", "perUnitComponent", "usageComponent",
                     "recurrenceRule", "amountInMinorUnits", "identifier"] {
            let definition = try #require(catalog[name], "\(name)")
            #expect(publicTable[name].map { JSONSchemaValidator.isEqual(definition, $0) } == true, "\(name)")
        }
    }

    @Test("each shipped schema refuses a small wrong document and says where", arguments: wrongDocuments)
    func shippedSchemaRefuses(_ wrong: WrongDocument) throws {
        let correct = try Self.correctDocument(of: wrong.schema)
        let document = try #require(Self.applying(wrong.change, at: wrong.steps[...], to: correct))
        let errors = try wrong.schema.validator().validate(document)
        #expect(errors.contains { $0.path == wrong.path && $0.message.contains(wrong.message) },
                "expected \(wrong.path): …\(wrong.message)…, got:\n\(errors.map(\.description).joined(separator: "\n"))")
    }

    /// One step into a document: a key of an object or an index of an array.
    enum Step: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)

        init(stringLiteral value: String) { self = .key(value) }
        init(integerLiteral value: Int) { self = .index(value) }
    }

    /// What to do at the end of the steps: replace (or add) a value, or remove a member.
    enum Change: Sendable {
        case set(JSONValue)
        case remove
    }

    /// A correct document with one thing wrong, and the error it must cause.
    struct WrongDocument: Sendable, CustomTestStringConvertible {
        let schema: OutputSchemaTests.Schema
        let name: String
        let steps: [Step]
        let change: Change
        /// Where the error must be reported, and a piece of its message.
        let path: String
        let message: String

        var testDescription: String { "\(schema.rawValue): \(name)" }
    }

    static let wrongDocuments: [WrongDocument] = {
        let components: [Step] = ["prices", 0, "pricingData", "components"]
        let credit: [Step] = ["creditDefinitions", 0]
        let componentPath = "$.prices[0].pricingData.components"
        let pro: [Step] = ["plans", "plan_pro"]
        let row: [Step] = ["pricingTable", "plans", 0]
        let enterpriseRow: [Step] = ["pricingTable", "plans", 1]
        func catalog(_ name: String, _ steps: [Step], _ change: Change, _ path: String, _ message: String) -> WrongDocument {
            WrongDocument(schema: .catalog, name: name, steps: steps, change: change, path: path, message: message)
        }
        func entitlements(_ name: String, _ steps: [Step], _ change: Change, _ path: String, _ message: String) -> WrongDocument {
            WrongDocument(schema: .entitlements, name: name, steps: steps, change: change, path: path, message: message)
        }
        func table(_ name: String, _ steps: [Step], _ change: Change, _ path: String, _ message: String) -> WrongDocument {
            WrongDocument(schema: .pricingTable, name: name, steps: steps, change: change, path: path, message: message)
        }
        let object = JSONSchemaValidatorTests.object
        return [
            catalog("a missing key", ["plans", 0, "isFree"], .remove, "$.plans[0]", "missing required key \"isFree\""),
            catalog("null for a non-null key", ["plans", 0, "planName"], .set(nil), "$.plans[0].planName", "expected string"),
            catalog("a wrong type", ["plans", 0, "isFree"], .set("yes"), "$.plans[0].isFree", "expected boolean"),
            catalog("an extra key", ["metrics", 0, "unit"], .set("call"), "$.metrics[0].unit", "unexpected key"),
            catalog("a bad aggregationType", ["metrics", 0, "aggregationType"], .set("MEDIAN"),
                    "$.metrics[0].aggregationType", "expected one of"),
            catalog("a queryType other than simple", ["metrics", 0, "queryType"], .set("indexed"),
                    "$.metrics[0].queryType", "expected \"simple\""),
            catalog("a bad featureType", ["features", 0, "featureType"], .set("flag"),
                    "$.features[0].featureType", "expected one of"),
            catalog("an underscore in a feature slug", ["features", 0, "slug"], .set("api_calls"),
                    "$.features[0].slug", "does not match the pattern"),
            catalog("schemaVersion 2", ["schemaVersion"], .set(2), "$.schemaVersion", "expected 1"),
            catalog("a negative amount", components + [0, "amount_cents"], .set(-1),
                    "\(componentPath)[0].amount_cents", "less than the minimum 0"),
            catalog("a float amount_cents", components + [0, "amount_cents"], .set(.number("29.5")),
                    "\(componentPath)[0].amount_cents", "expected integer"),
            catalog("an amount beyond 2^53 − 1", components + [0, "amount_cents"], .set(.number("9007199254740992")),
                    "\(componentPath)[0].amount_cents", "greater than the maximum"),
            catalog("a negative unit cost", components + [2, "unit_cost_cents"], .set(.number("-0.2")),
                    "\(componentPath)[2].unit_cost_cents", "less than the minimum 0"),
            catalog("a usage key on a fixed component", components + [0, "metric_id"], .set("api-calls"),
                    "\(componentPath)[0].metric_id", "unexpected key"),
            catalog("a usage component without metric_id", components + [2, "metric_id"], .remove,
                    "\(componentPath)[2]", "missing required key \"metric_id\""),
            catalog("a per-unit component without bill_immediately", components + [1, "bill_immediately"], .remove,
                    "\(componentPath)[1]", "missing required key \"bill_immediately\""),
            catalog("min_seats 0", components + [1, "min_seats"], .set(0),
                    "\(componentPath)[1].min_seats", "less than the minimum 1"),
            catalog("a component without recurrence_rule", components + [0, "recurrence_rule"], .remove,
                    "\(componentPath)[0]", "missing required key \"recurrence_rule\""),
            catalog("an unknown component type", components + [0, "type"], .set("tiered"), "\(componentPath)[0]", "matches none"),
            catalog("a recurrence rule with interval 0", components + [0, "recurrence_rule"],
                    .set("RRULE:FREQ=MONTHLY;INTERVAL=0"),
                    "\(componentPath)[0].recurrence_rule", "does not match the pattern"),
            catalog("dsl_version 2", ["prices", 0, "pricingData", "dsl_version"], .set(2),
                    "$.prices[0].pricingData.dsl_version", "expected 1"),
            catalog("no components", components, .set([]), componentPath, "at least 1"),
            catalog("a lower-case currency", ["prices", 0, "currency"], .set("usd"),
                    "$.prices[0].currency", "does not match the pattern"),
            catalog("a scope other than plan", credit + ["scope"], .set("price"),
                    "$.creditDefinitions[0].scope", "expected \"plan\""),
            catalog("a credit without refillRrule", credit + ["refillRrule"], .remove, "$.creditDefinitions[0]",
                    "missing required key \"refillRrule\""),
            catalog("a refillRrule that is no rule", credit + ["refillRrule"], .set("monthly"),
                    "$.creditDefinitions[0].refillRrule", "does not match the pattern"),
            catalog("a float defaultAmount", credit + ["defaultAmount"], .set(.number("0.5")),
                    "$.creditDefinitions[0].defaultAmount", "expected integer"),
            catalog("a defaultAmount of 0", credit + ["defaultAmount"], .set(0),
                    "$.creditDefinitions[0].defaultAmount", "less than the minimum 1"),
            catalog("a refillAmount of 0", credit + ["refillAmount"], .set(0),
                    "$.creditDefinitions[0].refillAmount", "less than the minimum 1"),
            catalog("a negative refillAmount", credit + ["refillAmount"], .set(-5),
                    "$.creditDefinitions[0].refillAmount", "less than the minimum 1"),
            catalog("a bad effective date", ["quotes", 0, "effective"], .set("later"),
                    "$.quotes[0].effective", "expected one of"),
            catalog("an empty id", ["quotes", 0, "id"], .set(""), "$.quotes[0].id", "shorter than 1"),
            catalog("trialDays 0", ["plans", 0, "trialDays"], .set(0), "$.plans[0].trialDays", "less than the minimum 1"),

            entitlements("a missing schemaVersion", ["schemaVersion"], .remove, "$", "missing required key \"schemaVersion\""),
            entitlements("an entitled default", ["features", "advanced-reports", "default", "entitled"], .set(true),
                         "$.features[\"advanced-reports\"].default.entitled", "expected false"),
            entitlements("a bad featureType", ["features", "support", "featureType"], .set("flag"),
                         "$.features.support.featureType", "expected one of"),
            entitlements("a feature keyed by a bad slug", ["features", "API_calls"],
                         .set(object(["featureType": "usage", "default": object(["entitled": false, "value": nil])])),
                         "$.features.API_calls", "key: \"API_calls\" does not match the pattern"),
            entitlements("an empty plan id", ["plans", ""], .set(object([:])),
                         "$.plans[\"\"]", "key: \"\" is shorter than 1"),
            entitlements("a usage grant without overage", pro + ["api-calls", "overage"], .remove,
                         "$.plans.plan_pro[\"api-calls\"]", "missing required key \"overage\""),
            entitlements("usage keys on a boolean grant", pro + ["advanced-reports", "metricIds"], .set(["api-calls"]),
                         "$.plans.plan_pro[\"advanced-reports\"].metricIds", "unexpected key"),
            entitlements("a number grant of \"lots\"", pro + ["team-members", "value"], .set("lots"),
                         "$.plans.plan_pro[\"team-members\"].value", "matches none"),
            entitlements("a text grant of a number", pro + ["support", "value"], .set(3),
                         "$.plans.plan_pro.support.value", "expected string"),
            entitlements("a negative creditAllowance", pro + ["api-calls", "creditAllowance"], .set(-1),
                         "$.plans.plan_pro[\"api-calls\"].creditAllowance", "less than the minimum 0"),
            entitlements("a float creditAllowance", pro + ["api-calls", "creditAllowance"], .set(.number("10.5")),
                         "$.plans.plan_pro[\"api-calls\"].creditAllowance", "expected integer or null"),
            entitlements("renewOnBilling as text", pro + ["api-calls", "renewOnBilling"], .set("yes"),
                         "$.plans.plan_pro[\"api-calls\"].renewOnBilling", "expected boolean or null"),
            entitlements("a usage grant without metrics", pro + ["api-calls", "metricIds"], .set([]),
                         "$.plans.plan_pro[\"api-calls\"].metricIds", "at least 1"),

            table("an upper-case table currency", ["pricingTable", "currency"], .set("USD"), "$.pricingTable.currency",
                  "does not match the pattern"),
            table("an upper-case row currency", row + ["currency"], .set("USD"), "$.pricingTable.plans[0].currency",
                  "does not match the pattern"),
            table("an extra top-level key", ["quotes"], .set([]), "$.quotes", "unexpected key"),
            table("an override price on a row", row + ["isOverridePrice"], .set(false), "$.pricingTable.plans[0].isOverridePrice",
                  "unexpected key"),
            table("a null price", enterpriseRow + ["price"], .set(nil), "$.pricingTable.plans[1].price", "expected number"),
            table("a price as text", row + ["price"], .set("29"), "$.pricingTable.plans[0].price", "expected number"),
            table("a negative yearly price", row + ["priceYearly"], .set(-290), "$.pricingTable.plans[0].priceYearly",
                  "less than the minimum 0"),
            table("a null interval", enterpriseRow + ["interval"], .set(nil),
                  "$.pricingTable.plans[1].interval", "expected string"),
            table("a missing priceIdYearly", row + ["priceIdYearly"], .remove, "$.pricingTable.plans[0]",
                  "missing required key \"priceIdYearly\""),
            table("minSeats 0", row + ["minSeats"], .set(0), "$.pricingTable.plans[0].minSeats", "less than the minimum 1"),
            table("a bullet without text", row + ["features", 0, "text"], .remove, "$.pricingTable.plans[0].features[0]",
                  "missing required key \"text\""),
            table("a trial of 0 days", row + ["trial", "days"], .set(0),
                  "$.pricingTable.plans[0].trial.days", "less than the minimum 1"),
            table("a trial of 366 days", row + ["trial", "days"], .set(366), "$.pricingTable.plans[0].trial.days",
                  "greater than the maximum 365"),
            table("a float amount_cents", row + ["pricingData", "components", 0, "amount_cents"], .set(.number("2900.5")),
                  "$.pricingTable.plans[0].pricingData.components[0].amount_cents", "expected integer"),
            table("pricingData as text", row + ["pricingData"], .set("none"),
                  "$.pricingTable.plans[0].pricingData", "matches none"),
        ]
    }()

    /// The document with `change` made at the end of `steps`; nil when a step leads nowhere, so that a typo
    /// in a case fails the test instead of leaving the document correct.
    static func applying(_ change: Change, at steps: ArraySlice<Step>, to value: JSONValue) -> JSONValue? {
        guard let step = steps.first else {
            if case .set(let replacement) = change { return replacement }
            return nil
        }
        let rest = steps.dropFirst()
        switch (step, value) {
        case (.key(let key), .object(var members)):
            if let position = members.firstIndex(where: { $0.key == key }) {
                if rest.isEmpty, case .remove = change {
                    members.remove(at: position)
                } else {
                    guard let changed = applying(change, at: rest, to: members[position].value) else { return nil }
                    members[position] = .init(key, changed)
                }
            } else if rest.isEmpty, case .set(let added) = change {
                members.append(.init(key, added))
            } else {
                return nil
            }
            return .object(members)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            guard let changed = applying(change, at: rest, to: elements[index]) else { return nil }
            elements[index] = changed
            return .array(elements)
        default:
            return nil
        }
    }

    /// A small document of each kind that conforms, with every optional form once (a trial, an enterprise
    /// row, each component type, each feature type), so that each wrong document differs from a correct
    /// one in exactly one place.
    static func correctDocument(of schema: OutputSchemaTests.Schema) throws -> JSONValue {
        let text = switch schema {
        case .catalog: correctCatalog
        case .entitlements: correctEntitlements
        case .pricingTable: correctPricingTable
        }
        return try JSONParser.parse(Array(text.utf8))
    }

    static let correctCatalog = """
        { "schemaVersion": 1, "name": "Acme Analytics", "defaultCurrency": "USD",
          "metrics": [ { "id": "api-calls", "name": "API calls", "description": null, "eventName": "api.call",
                         "queryType": "simple", "aggregationType": "COUNT", "valueType": "NUMERIC" } ],
          "features": [ { "slug": "api-calls", "displayName": "API calls", "description": null, "featureType": "usage",
                          "unitLabel": "API call", "metricIds": ["api-calls"] },
                        { "slug": "team-members", "displayName": "Team members", "description": "Seats",
                          "featureType": "number", "unitLabel": "seat", "metricIds": [] } ],
          "plans": [ { "id": "plan_pro", "planName": "Pro", "planDescription": null, "isFree": false, "isTrialPlan": false,
                       "trialParentPlanId": null, "trialDays": null, "isVisibleInPricingTable": true,
                       "features": [ { "slug": "api-calls", "featureValue": "usage_based" },
                                     { "slug": "team-members", "featureValue": 10 },
                                     { "slug": "advanced-reports", "featureValue": true } ],
                       "priceIds": ["price_pro_monthly"] },
                     { "id": "plan_pro_trial", "planName": "Pro trial", "planDescription": null, "isFree": false,
                       "isTrialPlan": true, "trialParentPlanId": "plan_pro", "trialDays": 14,
                       "isVisibleInPricingTable": false, "features": [], "priceIds": [] } ],
          "prices": [ { "id": "price_pro_monthly", "planId": "plan_pro", "currency": "USD", "isOverridePrice": false,
                        "pricingData": { "dsl_version": 1, "components": [
                          { "component_id": "comp_base", "type": "fixed", "label": "Platform fee", "amount_cents": 2900,
                            "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" },
                          { "component_id": "comp_seats", "type": "per_unit", "unit_label": "seat", "amount_cents": 2550,
                            "min_seats": 3, "bill_immediately": true, "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" },
                          { "component_id": "comp_usage_api", "type": "usage", "unit_cost_cents": 0.2,
                            "metric_id": "api-calls", "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" } ] } } ],
          "creditDefinitions": [ { "id": "included_api_quota", "scope": "plan", "applicationType": "usage",
                                   "planId": "plan_pro", "priceId": "price_pro_monthly", "priceComponentId": "comp_usage_api",
                                   "featureSlug": null, "name": "Included API Quota", "defaultAmount": 10000,
                                   "refillAmount": 10000, "renewOnBilling": true, "refillRrule": null, "expiryDays": null,
                                   "billingVisible": true, "billingDescription": null, "currency": null } ],
          "pricingTables": [ { "slug": "main", "name": "main", "heading": "Pricing", "subheading": null, "description": null,
                               "currency": "USD",
                               "planConfigs": [ { "planId": "plan_pro", "displayOrder": 1, "isPopular": true,
                                                  "popularText": "Most popular", "buttonText": "Get started",
                                                  "buttonOutline": false, "isEnterprisePlan": false,
                                                  "enterpriseRedirectUrl": null, "bullets": ["10 team members"] } ] } ],
          "quotes": [ { "id": "quote_globex", "planId": "plan_pro", "customer": "Globex Corporation",
                        "stableSubscriptionId": null, "effective": "next_billing", "priceId": "price_globex_yearly" } ] }
        """

    static let correctEntitlements = """
        { "schemaVersion": 1,
          "features": { "advanced-reports": { "featureType": "boolean", "default": { "entitled": false, "value": null } },
                        "team-members": { "featureType": "number", "default": { "entitled": false, "value": null } },
                        "support": { "featureType": "text", "default": { "entitled": false, "value": null } },
                        "api-calls": { "featureType": "usage", "default": { "entitled": false, "value": null } } },
          "plans": { "plan_free": {},
                     "plan_pro": { "advanced-reports": { "featureType": "boolean", "entitled": true, "value": true },
                                   "team-members": { "featureType": "number", "entitled": true, "value": 10 },
                                   "support": { "featureType": "text", "entitled": true, "value": "Priority email" },
                                   "api-calls": { "featureType": "usage", "entitled": true, "value": "usage_based",
                                                  "metricIds": ["api-calls"], "creditAllowance": 10000,
                                                  "creditsPerSeat": false, "renewOnBilling": true, "overage": true } },
                     "plan_enterprise": { "team-members": { "featureType": "number", "entitled": true, "value": "unlimited" },
                                          "api-calls": { "featureType": "usage", "entitled": true, "value": "usage_based",
                                                         "metricIds": ["api-calls"], "creditAllowance": null,
                                                         "creditsPerSeat": true, "renewOnBilling": null,
                                                         "overage": false } } } }
        """

    static let correctPricingTable = """
        { "pricingTable": { "slug": "main", "heading": "Simple pricing", "subheading": null, "description": null,
                            "currency": "usd",
          "plans": [ { "planId": "plan_pro", "title": "Pro", "description": "For teams", "price": 29, "priceMonthly": 29,
                       "priceYearly": 290, "priceId": "price_pro_monthly", "priceIdMonthly": "price_pro_monthly",
                       "priceIdYearly": "price_pro_yearly", "interval": "month", "minSeats": null, "currency": "usd",
                       "features": [ { "text": "10 team members" } ], "buttonText": "Get started", "buttonOutline": false,
                       "isPopular": true, "popularText": "Most popular", "isFree": false, "isEnterprisePlan": false,
                       "enterpriseRedirectUrl": null,
                       "trial": { "available": true, "days": 14, "trialPlanId": "plan_pro_trial" },
                       "pricingData": { "dsl_version": 1, "components": [
                         { "component_id": "comp_base", "type": "fixed", "amount_cents": 2900,
                           "recurrence_rule": "RRULE:FREQ=MONTHLY;INTERVAL=1" } ] } },
                     { "planId": "plan_enterprise", "title": "Enterprise", "description": null, "price": 0,
                       "priceMonthly": null, "priceYearly": null, "priceId": null, "priceIdMonthly": null,
                       "priceIdYearly": null, "interval": "month", "minSeats": null, "currency": "usd", "features": [],
                       "buttonText": "Contact sales", "buttonOutline": true, "isPopular": false, "popularText": null,
                       "isFree": false, "isEnterprisePlan": true, "enterpriseRedirectUrl": "https://example.com/contact",
                       "trial": null, "pricingData": null } ] } }
        """
}
