import Testing
@testable import PlanCatalog

/// Hand-made diffs that the renderer tests and goldens share: the differ is tested on its own, so these
/// pin the wording of every shape a diff can take, whatever computes it.
extension DiffRendererTests {
    /// A diff with a name for its golden files and the names of what it compares.
    struct Sample: Sendable, CustomTestStringConvertible {
        let name: String
        let source: String
        let deployed: String
        let diff: CatalogDiff

        var testDescription: String { name }
    }

    static let samples: [Sample] = [empty, everyAction, nonBreaking, hostileStrings]

    /// Nothing changed.
    static let empty = Sample(name: "empty", source: "catalogs/acme", deployed: "build/catalog.json",
                              diff: CatalogDiff(changes: [], operations: []))

    /// One or more changes of every action and kind, in the order OUTPUT.md fixes, with API calls and
    /// manual steps.
    static let everyAction = Sample(name: "every-action", source: "catalogs/acme", deployed: "build/catalog.json", diff: CatalogDiff(
        changes: [
            .init(kind: .metric, id: "api-calls", action: .create, reason: "new in the source", fields: []),
            .init(kind: .feature, id: "advanced-reports", action: .update, reason: "only its display fields changed", fields: [
                .init(path: "displayName", from: "Advanced reports", to: "Advanced reporting"),
                .init(path: "description", from: nil, to: "Cohorts, funnels and retention"),
            ]),
            .init(kind: .plan, id: "plan_pro", action: .newVersion,
                  reason: "its granted features and price list changed; Lumen makes a new plan version", fields: [
                .init(path: "features[advanced-reports]", from: nil,
                      to: .object([.init("slug", "advanced-reports"), .init("featureValue", true)])),
                .init(path: "features[team-members].featureValue", from: 10, to: .number("25")),
                .init(path: "priceIds", from: ["price_pro_monthly"], to: ["price_pro_monthly_v2"]),
            ]),
            .init(kind: .price, id: "price_pro_monthly", action: .replace,
                  reason: "the amount of a price changed; Lumen cannot edit a price in place", fields: [
                .init(path: "pricingData.components[comp_base].amount_cents", from: 2900, to: 3900),
                .init(path: "pricingData.components[comp_usage_api].unit_cost_cents", from: .number("0.2"), to: .number("0.15")),
                .init(path: "pricingData.components[comp_seats]", from: .object([
                    .init("component_id", "comp_seats"), .init("type", "per_unit"), .init("amount_cents", 900),
                ]), to: nil),
            ], denominations: .init(
                deployed: ["pricingData.components[comp_base].amount_cents": .init(currency: "USD", per: "per month"),
                           "pricingData.components[comp_usage_api].unit_cost_cents": .init(currency: "USD", per: "per API call"),
                           "pricingData.components[comp_seats].amount_cents": .init(currency: "USD", per: "per seat per month")],
                source: ["pricingData.components[comp_base].amount_cents": .init(currency: "USD", per: "per month"),
                         "pricingData.components[comp_usage_api].unit_cost_cents": .init(currency: "USD", per: "per API call")])),
            .init(kind: .creditDefinition, id: "included_api_quota", action: .update,
                  reason: "only its amounts changed", fields: [
                .init(path: "defaultAmount", from: 10000, to: 20000),
                .init(path: "refillAmount", from: 10000, to: 20000),
            ]),
            .init(kind: .pricingTable, id: "main", action: .update, reason: "only its layout changed", fields: [
                .init(path: "planConfigs[plan_pro].popularText", from: nil, to: "Most teams pick this"),
                .init(path: "subheading", from: "Start free.", to: .null),
            ]),
            .init(kind: .quote, id: "quote_globex", action: .create, reason: "new in the source", fields: []),
            .init(kind: .plan, id: "plan_legacy", action: .archive, reason: "deployed, gone from the source", fields: []),
            .init(kind: .metric, id: "old-events", action: .archive, reason: "deployed, gone from the source", fields: []),
        ],
        operations: [
            .init(method: "POST", path: "/v1/metrics", body: .object([
                .init("id", "api-calls"), .init("name", "API calls"), .init("eventName", "api.call"),
            ]), description: nil),
            .init(method: "PATCH", path: "/v1/features/advanced-reports", body: .object([
                .init("displayName", "Advanced reporting"),
            ]), description: nil),
            .init(method: "POST", path: "/v1/plans/plan_pro/versions", body: nil,
                  description: "new version of plan_pro; subscribers stay on the old one until migrated"),
            .init(method: "POST", path: "/v1/prices", body: .object([.init("id", "price_pro_monthly_v2")]), description: nil),
            .init(method: CatalogDiff.Operation.manual, path: nil, body: .object([.init("refillAmount", 20000)]),
                  description: "change credit definition included_api_quota by hand to the values in the body"),
            .init(method: CatalogDiff.Operation.manual, path: nil, body: nil,
                  description: "archive the price price_pro_monthly in Lumen's dashboard"),
            .init(method: "POST", path: "/v1/subscriptions/price-override/sub_globex", body: .object([
                .init("priceId", "price_globex_yearly"),
            ]), description: nil),
            .init(method: CatalogDiff.Operation.manual, path: nil, body: nil,
                  description: "archive the plan plan_legacy and the metric old-events in Lumen's dashboard"),
        ]))

    /// Only creates and updates: no warning, nothing breaking.
    static let nonBreaking = Sample(name: "non-breaking", source: "catalogs/acme", deployed: "origin/main", diff: CatalogDiff(
        changes: [
            .init(kind: .feature, id: "sso", action: .create, reason: "new in the source", fields: []),
            .init(kind: .plan, id: "plan_free", action: .update, reason: "only its name changed", fields: [
                .init(path: "planName", from: "Free", to: "Starter"),
            ]),
        ],
        operations: [
            .init(method: "POST", path: "/v1/features", body: .object([.init("slug", "sso")]), description: nil),
            .init(method: "PATCH", path: "/v1/plans/plan_free", body: .object([.init("planName", "Starter")]),
                  description: "rename"),
        ]))

    /// Strings that every format must escape or show faithfully: quotes, backslashes, pipes, backticks,
    /// line breaks, HTML, Markdown, math, invisible characters, non-ASCII text, and values long enough
    /// to be cut.
    static let hostileStrings = Sample(name: "hostile-strings", source: "catalogs/ümlaut | `x`", deployed: "<b>deployed</b>.json", diff: CatalogDiff(
        changes: [
            .init(kind: .feature, id: "odd`id|x", action: .update,
                  reason: "a | b * c _d_ `e` [f](g) <script>alert(1)</script> & $5 or $6 #1 ~x~ \\ end\nsecond line",
                  fields: [
                .init(path: "displayName", from: "Say \"hi\" \\ back", to: "Tab\there\nnew line"),
                .init(path: "description", from: "<script>alert(1)</script> | ``` fence", to: "日本語 — café 🤝"),
                .init(path: "unitLabel", from: "ab\u{202E}cd", to: "zero\u{200B}width"),
                .init(path: "metricIds", from: [], to: ["a|b", "c`d"]),
            ]),
            .init(kind: .plan, id: "plan_long", action: .newVersion, reason: "its trial fields changed", fields: [
                .init(path: "planDescription", from: .string(String(repeating: "Lorem ipsum ", count: 20)),
                      to: .string(String(repeating: "Dolor sit ", count: 25))),
                .init(path: "trialDays", from: .null, to: nil),
            ]),
            .init(kind: .pricingTable, id: "main", action: .update, reason: "only its heading changed", fields: [
                .init(path: "heading", from: .string(String(repeating: "x", count: 230) + "a"),
                      to: .string(String(repeating: "x", count: 230) + "b")),
            ]),
        ],
        operations: [
            .init(method: CatalogDiff.Operation.manual, path: nil, body: nil,
                  description: "copy ```` the `odd` text\nby hand <b>now</b>"),
            .init(method: "PATCH", path: "/v1/features/odd`id|x", body: .object([
                .init("displayName", "Tab\there\nnew line"), .init("unitLabel", "zero\u{200B}width"),
            ]), description: nil),
        ]))
}
