import Testing
@testable import PlanCatalog

/// The strict catalog.json reader: it reads back every record and component kind the writer writes, and
/// refuses each kind of damage with the path and what is wrong.
@Suite struct CatalogDocumentReaderTests {
    /// Every record kind and every component kind, with set and unset optional fields, a text feature
    /// whose value is the word "unlimited", a fractional limit and unit cost, and non-monthly periods.
    static let document = CatalogDocument(
        name: "Acme Analytics",
        defaultCurrency: "USD",
        metrics: [
            .init(id: "api-calls", name: "API calls", description: "Requests to the public API", eventName: "api_call",
                  aggregation: .count, valueType: .numeric),
            .init(id: "storage", name: "Storage", description: nil, eventName: "storage",
                  aggregation: .uniqueCount, valueType: .string),
        ],
        features: [
            .init(slug: "api-access", displayName: "API access", description: "Calls to the API",
                  featureType: .usage, unitLabel: "call", metricIDs: ["api-calls"]),
            .init(slug: "reports", displayName: "Advanced reports", description: nil, featureType: .boolean,
                  unitLabel: nil, metricIDs: []),
            .init(slug: "seats", displayName: "Team members", description: nil, featureType: .number,
                  unitLabel: "seat", metricIDs: []),
            .init(slug: "support", displayName: "Support", description: "How we help", featureType: .text,
                  unitLabel: nil, metricIDs: []),
        ],
        plans: [
            .init(id: "plan_enterprise", planName: "Enterprise", planDescription: nil, isFree: false,
                  isTrialPlan: false, trialParentPlanID: nil, trialDays: nil, isVisibleInPricingTable: true,
                  features: [.init(slug: "seats", value: .unlimited)], priceIDs: []),
            .init(id: "plan_free", planName: "Free", planDescription: "Für Teams, \"gratis\"", isFree: true,
                  isTrialPlan: false, trialParentPlanID: nil, trialDays: nil, isVisibleInPricingTable: true,
                  features: [.init(slug: "seats", value: .limit(ExactDecimal(1))),
                             .init(slug: "support", value: .text("unlimited"))],
                  priceIDs: ["price_free"]),
            .init(id: "plan_pro", planName: "Pro", planDescription: "For growing teams", isFree: false,
                  isTrialPlan: false, trialParentPlanID: nil, trialDays: nil, isVisibleInPricingTable: true,
                  features: [.init(slug: "reports", value: .enabled), .init(slug: "api-access", value: .usageBased),
                             .init(slug: "seats", value: .limit(ExactDecimal(10))),
                             .init(slug: "support", value: .text("Email, 24h"))],
                  priceIDs: ["price_pro_monthly", "price_pro_quarterly"]),
            .init(id: "plan_pro_trial", planName: "Pro trial", planDescription: nil, isFree: false,
                  isTrialPlan: true, trialParentPlanID: "plan_pro", trialDays: 14, isVisibleInPricingTable: false,
                  features: [.init(slug: "seats", value: .limit(ExactDecimal(isNegative: false, significand: 25, scale: 1)))],
                  priceIDs: []),
        ],
        prices: [
            .init(id: "price_acme", planID: "plan_pro", currency: "USD", isOverridePrice: true, components: [
                .init(id: "comp_acme", charge: .fixed(amountCents: ExactDecimal(250_000)), label: nil, unitLabel: nil,
                      period: .yearly),
            ]),
            .init(id: "price_free", planID: "plan_free", currency: "USD", isOverridePrice: false, components: [
                .init(id: "comp_free", charge: .fixed(amountCents: ExactDecimal(0)), label: "Free", unitLabel: nil,
                      period: .monthly),
            ]),
            .init(id: "price_pro_monthly", planID: "plan_pro", currency: "USD", isOverridePrice: false, components: [
                .init(id: "comp_base", charge: .fixed(amountCents: ExactDecimal(2900)), label: "Pro - $29/month",
                      unitLabel: nil, period: .monthly),
                .init(id: "comp_seats", charge: .perUnit(amountCents: ExactDecimal(1500), minSeats: 3, billImmediately: false),
                      label: "Seats", unitLabel: "seat", period: .monthly),
                .init(id: "comp_usage_api", charge: .usage(metricID: "api-calls", unitCostCents: ExactDecimal(isNegative: false, significand: 2, scale: 3)),
                      label: nil, unitLabel: "call", period: .monthly),
            ]),
            .init(id: "price_pro_quarterly", planID: "plan_pro", currency: "EUR", isOverridePrice: false, components: [
                .init(id: "comp_seats_quarterly", charge: .perUnit(amountCents: ExactDecimal(4000), minSeats: nil, billImmediately: true),
                      label: nil, unitLabel: nil, period: BillingPeriod(interval: .month, count: 3)),
                .init(id: "comp_storage", charge: .usage(metricID: "storage", unitCostCents: ExactDecimal(12)),
                      label: "Storage", unitLabel: nil, period: BillingPeriod(interval: .week, count: 2)),
            ]),
        ],
        creditDefinitions: [
            .init(id: "credit_pro_api", applicationType: .usage, planID: "plan_pro", priceID: "price_pro_monthly",
                  priceComponentID: "comp_usage_api", featureSlug: nil, name: "Included API Quota",
                  defaultAmount: ExactDecimal(10_000), refillAmount: ExactDecimal(10_000), renewOnBilling: true,
                  refillPeriod: nil, expiryDays: nil, billingVisible: true, billingDescription: nil, currency: nil),
            .init(id: "credit_pro_welcome", applicationType: .monetary, planID: "plan_pro", priceID: nil,
                  priceComponentID: nil, featureSlug: nil, name: "Welcome credit",
                  defaultAmount: ExactDecimal(500), refillAmount: nil, renewOnBilling: false,
                  refillPeriod: BillingPeriod(interval: .day, count: 30), expiryDays: 90, billingVisible: true,
                  billingDescription: "Welcome", currency: "EUR"),
            .init(id: "credit_pro_yearly_bonus", applicationType: .usage, planID: "plan_pro", priceID: nil,
                  priceComponentID: nil, featureSlug: "api-access", name: "Yearly API bonus",
                  defaultAmount: ExactDecimal(1000), refillAmount: ExactDecimal(1000), renewOnBilling: false,
                  refillPeriod: .yearly, expiryDays: nil, billingVisible: false, billingDescription: nil,
                  currency: nil),
        ],
        pricingTables: [
            .init(slug: "main", name: "Main", heading: "Simple pricing", subheading: nil, description: "Pick one",
                  currency: "USD", planConfigs: [
                    .init(planID: "plan_free", displayOrder: 1, isPopular: false, popularText: nil, buttonText: "Start free",
                          buttonOutline: true, isEnterprisePlan: false, enterpriseRedirectURL: nil, bullets: ["1 seat"]),
                    .init(planID: "plan_pro", displayOrder: 2, isPopular: true, popularText: "Most popular",
                          buttonText: "Get started", buttonOutline: false, isEnterprisePlan: false,
                          enterpriseRedirectURL: nil, bullets: ["10 seats", "Advanced reports"]),
                    .init(planID: "plan_enterprise", displayOrder: 3, isPopular: false, popularText: nil,
                          buttonText: "Contact sales", buttonOutline: true, isEnterprisePlan: true,
                          enterpriseRedirectURL: "https://acme.example/sales", bullets: []),
                  ]),
        ],
        quotes: [
            .init(id: "quote_acme", planID: "plan_pro", customer: "Acme Corp", stableSubscriptionID: "sub_123",
                  effective: .nextBilling, priceID: "price_acme"),
        ])

    /// catalog.json of `document`, as `plancat build` writes it.
    static let text = String(decoding: document.jsonBytes, as: UTF8.self)

    /// `text` with its one occurrence of `old` replaced by `new`.
    private static func edited(_ old: String, _ new: String) throws -> [UInt8] {
        try #require(text.ranges(of: old).count == 1, "`\(old)` must occur exactly once")
        return Array(text.replacing(old, with: new).utf8)
    }

    private static func readingError(_ bytes: [UInt8]) -> CatalogDocumentError? {
        do {
            _ = try CatalogDocument(json: bytes)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Reading back

    @Test("reads back exactly what the writer writes")
    func roundTrip() throws {
        #expect(try CatalogDocument(json: Self.document.jsonBytes) == Self.document)
        #expect(try CatalogDocument(jsonValue: Self.document.jsonValue) == Self.document)
    }

    /// The built-in sample, the shipped catalogs and the build fixtures, which all check clean.
    static let cleanCatalogs = CatalogCorpus.catalogs.filter {
        !$0.name.hasPrefix("Tests/") || $0.name.hasPrefix("Tests/PlanCatalogTests/Fixtures/Build/")
    }

    @Test("reads back the catalog.json that every shipped catalog builds", arguments: cleanCatalogs)
    func roundTripsShippedCatalogs(_ catalog: CatalogCorpus.Catalog) throws {
        let check = CatalogCompiler.check(catalog.sourceFiles())
        try #require(!check.hasErrors, "\(catalog.name) does not check clean")
        let document = CatalogDocument(compiling: check.catalog)
        #expect(try CatalogDocument(json: document.jsonBytes) == document)
    }

    /// The check fixtures hold errors on purpose, but those that have only warnings build, and what the
    /// compiler lets through the reader must accept.
    @Test("reads back the catalog.json of every check fixture without errors")
    func roundTripsCheckFixtures() throws {
        var built = 0
        for catalog in CatalogCorpus.catalogs where catalog.name.hasPrefix("Tests/PlanCatalogTests/Fixtures/Check/") {
            let check = CatalogCompiler.check(catalog.sourceFiles())
            guard !check.hasErrors else { continue }
            let document = CatalogDocument(compiling: check.catalog)
            #expect(try CatalogDocument(json: document.jsonBytes) == document, "\(catalog.name)")
            built += 1
        }
        #expect(built > 0)
    }

    @Test("keeps top-level arrays in the order read, whatever it is")
    func keepsOrder() throws {
        var reordered = Self.document
        reordered.metrics.reverse()
        reordered.features.reverse()
        reordered.plans.reverse()
        reordered.prices.reverse()
        reordered.creditDefinitions.reverse()
        let read = try CatalogDocument(json: reordered.jsonBytes)
        #expect(read == reordered)
        #expect(read.plans.map(\.id) == ["plan_pro_trial", "plan_pro", "plan_free", "plan_enterprise"])
    }

    @Test("reads keys in any order")
    func keysInAnyOrder() throws {
        func reversingKeys(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let members): .object(members.reversed().map { .init($0.key, reversingKeys($0.value)) })
            case .array(let elements): .array(elements.map(reversingKeys))
            default: value
            }
        }
        let shuffled = reversingKeys(Self.document.jsonValue)
        #expect(shuffled != Self.document.jsonValue)
        #expect(try CatalogDocument(json: JSONWriter.bytes(of: shuffled)) == Self.document)
    }

    @Test("numbers with exponents are read exactly", arguments: [
        ("\"amount_cents\": 2900,", "\"amount_cents\": 2.9e3,"),
        ("\"amount_cents\": 2900,", "\"amount_cents\": 29E+2,"),
        ("\"unit_cost_cents\": 0.002,", "\"unit_cost_cents\": 2e-3,"),
        ("\"unit_cost_cents\": 0.002,", "\"unit_cost_cents\": 0.0020,"),
        ("\"featureValue\": 10", "\"featureValue\": 1.0e1"),
        ("\"trialDays\": 14,", "\"trialDays\": 1.4e1,"),
        ("\"schemaVersion\": 1,", "\"schemaVersion\": 1.0,"),
    ])
    func exponents(old: String, new: String) throws {
        #expect(try CatalogDocument(json: Self.edited(old, new)) == Self.document)
    }

    @Test("a component's optional keys may be absent or null")
    func optionalComponentKeys() throws {
        let withoutMinSeats = try CatalogDocument(json: Self.edited("\"min_seats\": 3,\n", ""))
        guard case .perUnit(_, let minSeats, _) = withoutMinSeats.prices[2].components[1].charge else {
            Issue.record("not a per-unit component")
            return
        }
        #expect(minSeats == nil)
        let nullLabel = try CatalogDocument(json: Self.edited("\"label\": \"Free\",", "\"label\": null,"))
        #expect(nullLabel.prices[1].components[0].label == nil)
    }

    @Test("a built value with a repeated key is refused like a parsed one")
    func duplicateKeyInValue() throws {
        guard case .object(let members) = Self.document.jsonValue else { Issue.record("not an object"); return }
        let value = JSONValue.object(members + [.init("name", "Again")])
        #expect(throws: CatalogDocumentError(path: "$", message: "duplicate key `name`")) {
            try CatalogDocument(jsonValue: value)
        }
    }

    @Test("a built value with a number that is not JSON is refused", arguments: ["1_0", "0x1", "1.", "+1", "1e", "01", ""])
    func numberThatIsNotJSON(text: String) throws {
        guard case .object(let members) = Self.document.jsonValue else { Issue.record("not an object"); return }
        let value = JSONValue.object([.init("schemaVersion", .number(text))] + members.dropFirst())
        #expect(throws: CatalogDocumentError(path: "$.schemaVersion", message: "\(text) is not a JSON number")) {
            try CatalogDocument(jsonValue: value)
        }
    }

    // MARK: Refusing

    /// plan_free's trial fields (`isFree` makes them unique), to make it a trial or half of one.
    private static func freePlanTrial(_ isTrialPlan: Bool, parent: String, days: String) -> String {
        "\"isFree\": true,\n      \"isTrialPlan\": \(isTrialPlan),\n      \"trialParentPlanId\": \(parent),\n      \"trialDays\": \(days)"
    }
    private static let freePlanTrialFields = freePlanTrial(false, parent: "null", days: "null")
    /// The component credit_pro_api applies to.
    private static let creditComponent = "\"priceId\": \"price_pro_monthly\",\n      \"priceComponentId\": \"comp_usage_api\""
    /// The whole `quotes` array, to leave the override price without its quote.
    private static let quotes = """
        "quotes": [
            {
              "id": "quote_acme",
              "planId": "plan_pro",
              "customer": "Acme Corp",
              "stableSubscriptionId": "sub_123",
              "effective": "next_billing",
              "priceId": "price_acme"
            }
          ]
        """

    /// (what is wrong, text to replace, replacement, the error's description)
    static let malformed: [(String, String, String, String)] = [
        // JSON types
        ("bool as string", #""isFree": true"#, #""isFree": "yes""#,
         "$.plans[1].isFree: expected true or false, found a string"),
        ("string as number", #""planName": "Pro","#, #""planName": 42,"#,
         "$.plans[2].planName: expected a string, found a number"),
        ("nullable string as bool", #""heading": "Simple pricing""#, #""heading": false"#,
         "$.pricingTables[0].heading: expected a string or null, found false"),
        ("array as string", "\"metricIds\": [\n        \"api-calls\"\n      ]", #""metricIds": "api-calls""#,
         "$.features[0].metricIds: expected an array, found a string"),
        ("array element", #""10 seats","#, "10,",
         "$.pricingTables[0].planConfigs[1].bullets[0]: expected a string, found a number"),
        ("record as number", "\"quotes\": [\n    {", "\"quotes\": [\n    7,\n    {",
         "$.quotes[0]: expected an object, found a number"),
        // Missing and unknown keys
        ("missing key", "\"isVisibleInPricingTable\": false,\n", "",
         "$.plans[3]: missing key `isVisibleInPricingTable`"),
        ("missing required component key", "\"bill_immediately\": true,\n", "",
         "$.prices[3].pricingData.components[0]: missing key `bill_immediately`"),
        ("missing top-level array", "\"quotes\": [", "\"quote\": [",
         "$: unknown key `quote`; did you mean `quotes`?"),
        ("unknown key", #""isFree": true,"#, "\"isFree\": true,\n      \"colour\": \"blue\",",
         "$.plans[1]: unknown key `colour`"),
        ("misspelt key", #""trialDays": 14"#, #""trialdays": 14"#,
         "$.plans[3]: unknown key `trialdays`; did you mean `trialDays`?"),
        ("key of another component type", #""label": "Free","#, "\"label\": \"Free\",\n            \"min_seats\": 2,",
         "$.prices[1].pricingData.components[0]: key `min_seats` does not apply to a \"fixed\" component"),
        // Version and constants
        ("schemaVersion 2", #""schemaVersion": 1,"#, #""schemaVersion": 2,"#,
         "$.schemaVersion: unsupported schemaVersion 2; this plancat reads version 1"),
        ("schemaVersion 2 with new keys", #""schemaVersion": 1,"#, "\"schemaVersion\": 2,\n  \"currencies\": [],",
         "$.schemaVersion: unsupported schemaVersion 2; this plancat reads version 1"),
        ("schemaVersion missing", "\"schemaVersion\": 1,\n", "", "$: missing key `schemaVersion`"),
        ("schemaVersion as string", #""schemaVersion": 1,"#, #""schemaVersion": "1","#,
         "$.schemaVersion: expected a number, found a string"),
        ("queryType", "\"queryType\": \"simple\",\n      \"aggregationType\": \"COUNT\"",
         "\"queryType\": \"complex\",\n      \"aggregationType\": \"COUNT\"",
         #"$.metrics[0].queryType: expected "simple", found "complex""#),
        ("scope", "\"id\": \"credit_pro_api\",\n      \"scope\": \"plan\"",
         "\"id\": \"credit_pro_api\",\n      \"scope\": \"merchant\"",
         #"$.creditDefinitions[0].scope: expected "plan", found "merchant""#),
        ("dsl_version", "\"isOverridePrice\": true,\n      \"pricingData\": {\n        \"dsl_version\": 1",
         "\"isOverridePrice\": true,\n      \"pricingData\": {\n        \"dsl_version\": 2",
         "$.prices[0].pricingData.dsl_version: expected 1, found 2"),
        // Enums
        ("aggregationType", #""UNIQUE_COUNT""#, #""DISTINCT""#,
         #"$.metrics[1].aggregationType: expected one of "COUNT", "SUM", "MAX", "MIN", "AVG", "UNIQUE_COUNT", found "DISTINCT""#),
        ("valueType in lower case", #""valueType": "NUMERIC""#, #""valueType": "numeric""#,
         #"$.metrics[0].valueType: expected one of "NUMERIC", "STRING", found "numeric""#),
        ("featureType", #""featureType": "text""#, #""featureType": "string""#,
         #"$.features[3].featureType: expected one of "boolean", "number", "text", "usage", found "string""#),
        ("applicationType", #""applicationType": "monetary""#, #""applicationType": 2"#,
         #"$.creditDefinitions[1].applicationType: expected one of "usage", "monetary", found 2"#),
        ("component type", "\"type\": \"usage\",\n            \"label\": \"Storage\"",
         "\"type\": \"metered\",\n            \"label\": \"Storage\"",
         #"$.prices[3].pricingData.components[1].type: expected one of "fixed", "per_unit", "usage", found "metered""#),
        ("effective", #""next_billing""#, #""next-billing""#,
         #"$.quotes[0].effective: expected one of "immediately", "next_billing", found "next-billing""#),
        // Ids
        ("empty id", #""id": "plan_free""#, #""id": """#, #"$.plans[1].id: expected a non-empty string, found """#),
        ("empty id in a list", "\"price_free\"\n      ]", "\"\"\n      ]",
         #"$.plans[1].priceIds[0]: expected a non-empty string, found """#),
        ("empty nullable reference", #""featureSlug": "api-access""#, #""featureSlug": """#,
         #"$.creditDefinitions[2].featureSlug: expected a non-empty string or null, found """#),
        // Duplicates
        ("duplicate metric id", #""id": "storage""#, #""id": "api-calls""#,
         #"$.metrics[1].id: duplicate id "api-calls" (first at $.metrics[0])"#),
        ("duplicate feature slug", "\"slug\": \"support\",\n      \"displayName\"", "\"slug\": \"reports\",\n      \"displayName\"",
         #"$.features[3].slug: duplicate slug "reports" (first at $.features[1])"#),
        ("duplicate plan id", #""id": "plan_pro_trial""#, #""id": "plan_free""#,
         #"$.plans[3].id: duplicate id "plan_free" (first at $.plans[1])"#),
        ("duplicate credit id", #""id": "credit_pro_welcome""#, #""id": "credit_pro_api""#,
         #"$.creditDefinitions[1].id: duplicate id "credit_pro_api" (first at $.creditDefinitions[0])"#),
        ("duplicate component id", #""component_id": "comp_storage""#, #""component_id": "comp_seats_quarterly""#,
         #"$.prices[3].pricingData.components[1].component_id: duplicate component_id "comp_seats_quarterly" (first at $.prices[3].pricingData.components[0])"#),
        ("feature granted twice", "\"slug\": \"support\",\n          \"featureValue\": \"Email, 24h\"",
         "\"slug\": \"seats\",\n          \"featureValue\": 12",
         #"$.plans[2].features[3].slug: duplicate feature "seats" (first at $.plans[2].features[2])"#),
        // Recurrence rules
        ("unknown frequency", #""RRULE:FREQ=WEEKLY;INTERVAL=2""#, #""RRULE:FREQ=HOURLY;INTERVAL=2""#,
         #"$.prices[3].pricingData.components[1].recurrence_rule: expected a rule "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);INTERVAL=n" (n ≥ 1), found "RRULE:FREQ=HOURLY;INTERVAL=2""#),
        ("interval 0", #""RRULE:FREQ=MONTHLY;INTERVAL=3""#, #""RRULE:FREQ=MONTHLY;INTERVAL=0""#,
         #"$.prices[3].pricingData.components[0].recurrence_rule: expected a rule "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);INTERVAL=n" (n ≥ 1), found "RRULE:FREQ=MONTHLY;INTERVAL=0""#),
        ("refill rule without RRULE:", #""RRULE:FREQ=DAILY;INTERVAL=30""#, #""FREQ=DAILY;INTERVAL=30""#,
         #"$.creditDefinitions[1].refillRrule: expected a rule "RRULE:FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY);INTERVAL=n" (n ≥ 1) or null, found "FREQ=DAILY;INTERVAL=30""#),
        // Amounts and counts
        ("fractional amount_cents", #""amount_cents": 2900,"#, #""amount_cents": 2900.5,"#,
         "$.prices[2].pricingData.components[0].amount_cents: expected a non-negative whole number, found 2900.5"),
        ("fractional amount_cents by exponent", #""amount_cents": 2900,"#, #""amount_cents": 29.001e2,"#,
         "$.prices[2].pricingData.components[0].amount_cents: expected a non-negative whole number, found 29.001e2"),
        ("negative amount", #""defaultAmount": 500,"#, #""defaultAmount": -500,"#,
         "$.creditDefinitions[1].defaultAmount: expected a positive whole number, found -500"),
        ("amount above 2^53 − 1", #""amount_cents": 250000,"#, #""amount_cents": 9007199254740992,"#,
         "$.prices[0].pricingData.components[0].amount_cents: expected at most 9007199254740991 (2^53 − 1), found 9007199254740992"),
        ("amount too big to hold", #""amount_cents": 250000,"#, #""amount_cents": 1e400,"#,
         "$.prices[0].pricingData.components[0].amount_cents: cannot read the number 1e400 exactly"),
        ("amount as string", #""refillAmount": 10000,"#, #""refillAmount": "10000","#,
         "$.creditDefinitions[0].refillAmount: expected a positive whole number or null, found a string"),
        ("negative unit cost", #""unit_cost_cents": 12,"#, #""unit_cost_cents": -12,"#,
         "$.prices[3].pricingData.components[1].unit_cost_cents: expected a non-negative number, found -12"),
        ("zero trial days", #""trialDays": 14,"#, #""trialDays": 0,"#,
         "$.plans[3].trialDays: expected a whole number from 1 to 365 or null, found 0"),
        ("fractional min_seats", #""min_seats": 3,"#, #""min_seats": 1.5,"#,
         "$.prices[2].pricingData.components[1].min_seats: expected a positive whole number or null, found 1.5"),
        ("zero defaultAmount", #""defaultAmount": 500,"#, #""defaultAmount": 0,"#,
         "$.creditDefinitions[1].defaultAmount: expected a positive whole number, found 0"),
        ("zero refillAmount", #""refillAmount": 1000,"#, #""refillAmount": 0,"#,
         "$.creditDefinitions[2].refillAmount: expected a positive whole number or null, found 0"),
        ("displayOrder as string", #""displayOrder": 2,"#, #""displayOrder": "2","#,
         "$.pricingTables[0].planConfigs[1].displayOrder: expected a positive whole number, found a string"),
        // Currencies
        ("lower-case currency", "\"currency\": \"EUR\",\n      \"isOverridePrice\"", "\"currency\": \"usd\",\n      \"isOverridePrice\"",
         #"$.prices[3].currency: expected an upper-case ISO 4217 currency code, found "usd""#),
        ("unknown currency", #""defaultCurrency": "USD""#, #""defaultCurrency": "XYZ""#,
         #"$.defaultCurrency: expected an upper-case ISO 4217 currency code or null, found "XYZ""#),
        // Feature values
        ("boolean feature false", #""featureValue": true"#, #""featureValue": false"#,
         #"$.plans[2].features[0].featureValue: expected true for boolean feature "reports", found false"#),
        ("number feature as word", #""featureValue": 10"#, #""featureValue": "ten""#,
         #"$.plans[2].features[2].featureValue: expected a non-negative number or "unlimited" for number feature "seats", found "ten""#),
        ("negative number feature", #""featureValue": 10"#, #""featureValue": -1"#,
         "$.plans[2].features[2].featureValue: expected a non-negative number, found -1"),
        ("usage feature as true", #""featureValue": "usage_based""#, #""featureValue": true"#,
         #"$.plans[2].features[1].featureValue: expected "usage_based" for usage feature "api-access", found true"#),
        ("text feature as number", #""featureValue": "Email, 24h""#, #""featureValue": 24"#,
         #"$.plans[2].features[3].featureValue: expected a string for text feature "support", found 24"#),
        ("unknown feature", "\"slug\": \"seats\",\n          \"featureValue\": \"unlimited\"",
         "\"slug\": \"seat\",\n          \"featureValue\": \"unlimited\"",
         #"$.plans[0].features[0].slug: no feature with slug "seat"; did you mean "seats"?"#),
        // References
        ("price of no plan", "\"id\": \"price_free\",\n      \"planId\": \"plan_free\"", "\"id\": \"price_free\",\n      \"planId\": \"plan_fre\"",
         #"$.prices[1].planId: no plan with id "plan_fre"; did you mean "plan_free"?"#),
        ("plan lists no price", "\"price_pro_quarterly\"\n      ]", "\"price_pro_yearly\"\n      ]",
         #"$.plans[2].priceIds[1]: no price with id "price_pro_yearly""#),
        ("plan lists an override price", "\"price_pro_quarterly\"\n      ]", "\"price_acme\"\n      ]",
         #"$.plans[2].priceIds[1]: price "price_acme" is an override price (a quote's); a plan lists only its own prices"#),
        ("plan lists another plan's price", "\"price_free\"\n      ]", "\"price_pro_monthly\"\n      ]",
         #"$.plans[1].priceIds[0]: price "price_pro_monthly" belongs to plan "plan_pro", not to this one"#),
        ("quote of a plan price", #""priceId": "price_acme""#, #""priceId": "price_free""#,
         #"$.quotes[0].priceId: price "price_free" is not an override price (its isOverridePrice is false)"#),
        ("quote of no price", #""priceId": "price_acme""#, #""priceId": "price_acm""#,
         #"$.quotes[0].priceId: no price with id "price_acm"; did you mean "price_acme"?"#),
        ("credit of no plan", "\"applicationType\": \"monetary\",\n      \"planId\": \"plan_pro\"",
         "\"applicationType\": \"monetary\",\n      \"planId\": \"plan_gold\"",
         #"$.creditDefinitions[1].planId: no plan with id "plan_gold""#),
        ("table row of no plan", #""planId": "plan_enterprise""#, #""planId": "plan_enterprize""#,
         #"$.pricingTables[0].planConfigs[2].planId: no plan with id "plan_enterprize"; did you mean "plan_enterprise"?"#),
        ("feature of no metric", "\"metricIds\": [\n        \"api-calls\"", "\"metricIds\": [\n        \"api-call\"",
         #"$.features[0].metricIds[0]: no metric with id "api-call"; did you mean "api-calls"?"#),
        ("component of no metric", #""metric_id": "storage""#, #""metric_id": "storag""#,
         #"$.prices[3].pricingData.components[1].metric_id: no metric with id "storag"; did you mean "storage"?"#),
        ("trial of no plan", #""trialParentPlanId": "plan_pro""#, #""trialParentPlanId": "plan_prof""#,
         #"$.plans[3].trialParentPlanId: no plan with id "plan_prof"; did you mean "plan_pro"?"#),
        ("trial of itself", #""trialParentPlanId": "plan_pro""#, #""trialParentPlanId": "plan_pro_trial""#,
         "$.plans[3].trialParentPlanId: a plan cannot be a trial of itself"),
        ("trial of a trial", Self.freePlanTrialFields,
         Self.freePlanTrial(true, parent: #""plan_pro_trial""#, days: "7"),
         #"$.plans[1].trialParentPlanId: plan "plan_pro_trial" is itself a trial (of "plan_pro"); a trial's parent is a plan that is not a trial"#),
        ("credit of no price", #""priceId": "price_pro_monthly","#, #""priceId": "price_pro_montly","#,
         #"$.creditDefinitions[0].priceId: no price with id "price_pro_montly"; did you mean "price_pro_monthly"?"#),
        ("credit of another plan's price", Self.creditComponent,
         "\"priceId\": \"price_free\",\n      \"priceComponentId\": \"comp_free\"",
         #"$.creditDefinitions[0].priceId: price "price_free" belongs to plan "plan_free", not to the credit's plan "plan_pro""#),
        ("credit of an override price", Self.creditComponent,
         "\"priceId\": \"price_acme\",\n      \"priceComponentId\": \"comp_acme\"",
         #"$.creditDefinitions[0].priceId: price "price_acme" is an override price (a quote's); a credit applies to a price of its plan"#),
        ("credit of no component", #""priceComponentId": "comp_usage_api""#, #""priceComponentId": "comp_usage""#,
         #"$.creditDefinitions[0].priceComponentId: price "price_pro_monthly" has no component "comp_usage"; did you mean "comp_usage_api"?"#),
        ("credit of no feature", #""featureSlug": "api-access""#, #""featureSlug": "api-acess""#,
         #"$.creditDefinitions[2].featureSlug: no feature with slug "api-acess"; did you mean "api-access"?"#),
        ("quote of no plan", "\"planId\": \"plan_pro\",\n      \"customer\"", "\"planId\": \"plan_prp\",\n      \"customer\"",
         #"$.quotes[0].planId: no plan with id "plan_prp"; did you mean "plan_pro"?"#),
        ("quote of another plan's price", "\"planId\": \"plan_pro\",\n      \"customer\"",
         "\"planId\": \"plan_free\",\n      \"customer\"",
         #"$.quotes[0].priceId: price "price_acme" belongs to plan "plan_pro", not to the quote's plan "plan_free""#),
        ("override price quoted twice", "\"priceId\": \"price_acme\"\n    }",
         "\"priceId\": \"price_acme\"\n    },\n    {\n      \"id\": \"quote_acme_again\",\n      \"planId\": \"plan_pro\",\n"
            + "      \"customer\": \"Acme Corp\",\n      \"stableSubscriptionId\": null,\n      \"effective\": \"immediately\",\n"
            + "      \"priceId\": \"price_acme\"\n    }",
         #"$.quotes[1].priceId: price "price_acme" is already the price of another quote (first at $.quotes[0])"#),
        ("override price of no quote", Self.quotes, #""quotes": []"#,
         #"$.prices[0].isOverridePrice: override price "price_acme" is the price of no quote"#),
        // Trials
        ("trial plan not flagged", #""isTrialPlan": true"#, #""isTrialPlan": false"#,
         #"$.plans[3].isTrialPlan: expected true for a trial plan (trialParentPlanId "plan_pro"), found false"#),
        ("trial flag without a parent", Self.freePlanTrialFields,
         Self.freePlanTrial(true, parent: "null", days: "null"),
         "$.plans[1].isTrialPlan: expected false for a plan without a trialParentPlanId, found true"),
        ("trial without trialDays", #""trialDays": 14,"#, #""trialDays": null,"#,
         "$.plans[3].trialDays: expected a whole number from 1 to 365 for a trial plan, found null"),
        ("trialDays of a plan that is not a trial", Self.freePlanTrialFields,
         Self.freePlanTrial(false, parent: "null", days: "30"),
         "$.plans[1].trialDays: expected null for a plan that is not a trial, found 30"),
        ("trialDays above 365", #""trialDays": 14,"#, #""trialDays": 366,"#,
         "$.plans[3].trialDays: expected a whole number from 1 to 365 or null, found 366"),
        // Credits
        ("monetary credit applied to a feature", "\"featureSlug\": null,\n      \"name\": \"Welcome credit\"",
         "\"featureSlug\": \"api-access\",\n      \"name\": \"Welcome credit\"",
         #"$.creditDefinitions[1].featureSlug: expected null for a monetary credit, found "api-access""#),
        ("monetary credit without currency", "\"currency\": \"EUR\"\n", "\"currency\": null\n",
         "$.creditDefinitions[1].currency: expected an upper-case ISO 4217 currency code for a monetary credit, found null"),
        ("usage credit with currency", "\"currency\": null\n    }\n  ],\n  \"pricingTables\"",
         "\"currency\": \"USD\"\n    }\n  ],\n  \"pricingTables\"",
         #"$.creditDefinitions[2].currency: expected null for a usage credit, found "USD""#),
        ("credit component without its price", #""priceId": "price_pro_monthly","#, #""priceId": null,"#,
         #"$.creditDefinitions[0].priceId: expected the id of the price of component "comp_usage_api", found null"#),
        ("credit price without its component", #""priceComponentId": "comp_usage_api""#, #""priceComponentId": null"#,
         #"$.creditDefinitions[0].priceComponentId: expected the id of a component of price "price_pro_monthly", found null"#),
        ("usage credit applied to a component and a feature", "\"comp_usage_api\",\n      \"featureSlug\": null",
         "\"comp_usage_api\",\n      \"featureSlug\": \"api-access\"",
         #"$.creditDefinitions[0].featureSlug: expected null for a usage credit applied to a component, found "api-access""#),
        ("usage credit applied to nothing", #""featureSlug": "api-access""#, #""featureSlug": null"#,
         "$.creditDefinitions[2]: a usage credit applies to a component (priceId and priceComponentId) or to a feature (featureSlug); all three are null"),
        // Totals (E0813), which pricing tables and entitlements add up
        ("price total above 2^53 − 1", #""amount_cents": 1500,"#, #""amount_cents": 9007199254740000,"#,
         #"$.prices[2].pricingData.components[1].amount_cents: the fixed and per_unit amounts of price "price_pro_monthly" add up to more than 9007199254740991 (2^53 − 1) minor units"#),
        ("usage credits above 2^53 − 1", #""defaultAmount": 10000,"#, #""defaultAmount": 9007199254740000,"#,
         #"$.creditDefinitions[2].defaultAmount: the usage credits of plan "plan_pro" add up to more than 9007199254740991 (2^53 − 1) units"#),
        // Not JSON
        ("doubled comma", #""schemaVersion": 1,"#, #""schemaVersion": 1,,"#,
         "not JSON: line 2, column 22: expected a string key after `,`, found `,`"),
        ("repeated key", "\"name\": \"Acme Analytics\",\n", "\"name\": \"Acme Analytics\",\n  \"name\": \"Other\",\n",
         "not JSON: line 4, column 3: duplicate key `name`"),
        ("trailing comma", "\"priceId\": \"price_acme\"\n    }", "\"priceId\": \"price_acme\",\n    }",
         "not JSON: line \(text.split(separator: "\n").count - 3), column 30: trailing comma before `}`"),
    ]

    @Test("refuses a damaged catalog.json with the path and what is wrong", arguments: malformed)
    func refuses(damage: String, old: String, new: String, expected: String) throws {
        let problem = try #require(Self.readingError(try Self.edited(old, new)), "\(damage) was read")
        #expect(problem.description == expected, "\(damage)")
    }

    /// What the reader accepts, the derivations can compute: sums exactly at 2^53 − 1 are read, and the
    /// entitlements, public tables and generated bullets made from them do not trap.
    @Test("a document at the limits of its totals derives every output")
    func totalsAtTheLimit() throws {
        let text = Self.text
            .replacing(#""defaultAmount": 10000,"#, with: #""defaultAmount": 9007199254739991,"#)
            .replacing(#""amount_cents": 2900,"#, with: #""amount_cents": 9007199254739491,"#)
        let document = try CatalogDocument(json: Array(text.utf8))
        let entitlements = try JSONParser.parse(EntitlementsDocument(document).jsonBytes)
        #expect(entitlements["plans"]?["plan_pro"]?["api-access"]?["creditAllowance"] == .number("9007199254740991"))
        let lookup = CatalogDocumentIndex(document)
        for table in document.pricingTables {
            _ = PublicPricingTable(table, in: document).jsonBytes
            for config in table.planConfigs {
                _ = GeneratedBullets.bullets(for: PricingRow(config, in: table, lookup: lookup), lookup: lookup)
            }
        }
    }

    @Test("refuses what is not a catalog at all", arguments: [
        ("", "not JSON: line 1, column 1: empty input; expected a JSON value"),
        ("\n\n", "not JSON: line 3, column 1: empty input; expected a JSON value"),
        ("[]", "$: expected an object, found an array"),
        ("{}", "$: missing key `schemaVersion`"),
        (#"{"schemaVersion": 1}"#, "$: missing key `name`"),
        ("catalog.json", "not JSON: line 1, column 1: expected a value, found `catalog`"),
    ])
    func refusesNonCatalogs(text: String, expected: String) {
        #expect(Self.readingError(Array(text.utf8))?.description == expected)
    }

    @Test("a file cut short is not JSON, at its end")
    func truncated() throws {
        let cut = try #require(Self.text.utf8.firstRange(of: "\"defaultCurrency\"".utf8)).lowerBound
        let problem = Self.readingError(Array(Self.text.utf8[..<cut]))
        #expect(problem?.location == .position(line: 4, column: 3))
        #expect(problem?.message == "unexpected end of input; expected a string key after `,`")
        #expect(problem?.path == nil)
    }

    @Test("a path error carries its path")
    func pathError() throws {
        let problem = try #require(Self.readingError(try Self.edited(#""isFree": true"#, #""isFree": 1"#)))
        #expect(problem.path == "$.plans[1].isFree")
        #expect(problem.location == .path("$.plans[1].isFree"))
        #expect(problem.message == "expected true or false, found a number")
    }
}
