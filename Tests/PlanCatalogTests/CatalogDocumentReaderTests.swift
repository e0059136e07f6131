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
                  priceComponentID: nil, featureSlug: "api-access", name: "Welcome credit",
                  defaultAmount: ExactDecimal(500), refillAmount: nil, renewOnBilling: false,
                  refillPeriod: BillingPeriod(interval: .day, count: 30), expiryDays: 90, billingVisible: true,
                  billingDescription: "Welcome", currency: "EUR"),
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

    /// The built-in sample and the shipped catalogs (the fixtures include catalogs with errors on purpose).
    static let cleanCatalogs = CatalogCorpus.catalogs.filter { !$0.name.hasPrefix("Tests/") }

    @Test("reads back the catalog.json that every shipped catalog builds", arguments: cleanCatalogs)
    func roundTripsShippedCatalogs(_ catalog: CatalogCorpus.Catalog) throws {
        let check = CatalogCompiler.check(catalog.sourceFiles())
        try #require(!check.hasErrors, "\(catalog.name) does not check clean")
        let document = CatalogDocument(compiling: check.catalog)
        #expect(try CatalogDocument(json: document.jsonBytes) == document)
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
        ("scope", "\"scope\": \"plan\",\n      \"applicationType\": \"usage\"",
         "\"scope\": \"merchant\",\n      \"applicationType\": \"usage\"",
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
         "$.creditDefinitions[1].defaultAmount: expected a non-negative whole number, found -500"),
        ("amount above 2^53 − 1", #""amount_cents": 250000,"#, #""amount_cents": 9007199254740992,"#,
         "$.prices[0].pricingData.components[0].amount_cents: expected at most 9007199254740991 (2^53 − 1), found 9007199254740992"),
        ("amount too big to hold", #""amount_cents": 250000,"#, #""amount_cents": 1e400,"#,
         "$.prices[0].pricingData.components[0].amount_cents: cannot read the number 1e400 exactly"),
        ("amount as string", #""refillAmount": 10000,"#, #""refillAmount": "10000","#,
         "$.creditDefinitions[0].refillAmount: expected a non-negative whole number or null, found a string"),
        ("negative unit cost", #""unit_cost_cents": 12,"#, #""unit_cost_cents": -12,"#,
         "$.prices[3].pricingData.components[1].unit_cost_cents: expected a non-negative number, found -12"),
        ("zero trial days", #""trialDays": 14,"#, #""trialDays": 0,"#,
         "$.plans[3].trialDays: expected a positive whole number or null, found 0"),
        ("fractional min_seats", #""min_seats": 3,"#, #""min_seats": 1.5,"#,
         "$.prices[2].pricingData.components[1].min_seats: expected a positive whole number or null, found 1.5"),
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
        ("credit of no plan", "\"planId\": \"plan_pro\",\n      \"priceId\": null", "\"planId\": \"plan_gold\",\n      \"priceId\": null",
         #"$.creditDefinitions[1].planId: no plan with id "plan_gold""#),
        ("table row of no plan", #""planId": "plan_enterprise""#, #""planId": "plan_enterprize""#,
         #"$.pricingTables[0].planConfigs[2].planId: no plan with id "plan_enterprize"; did you mean "plan_enterprise"?"#),
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
