/// Every key of catalog.json, spelt once: the record descriptions (CatalogDocument+Schema.swift and the
/// document's `members`), the reader's calls and the differ's look-ups all name a key by its constant, so a
/// misspelt key is a compile error rather than a field silently read as absent (or a change classified as
/// `replace`). Each constant is named exactly as its key is spelt, snake_case and all, so that the name says
/// the key.
///
/// `StaticString`s, as `JSONObjectReader` and the writer take them: the reader finds a key asked for by the
/// same constant its key list was made from by comparing addresses, without reading a byte.
enum CatalogKey {
    // The document
    static let schemaVersion: StaticString = "schemaVersion"
    static let defaultCurrency: StaticString = "defaultCurrency"
    static let metrics: StaticString = "metrics"
    static let features: StaticString = "features"
    static let plans: StaticString = "plans"
    static let prices: StaticString = "prices"
    static let creditDefinitions: StaticString = "creditDefinitions"
    static let pricingTables: StaticString = "pricingTables"
    static let quotes: StaticString = "quotes"

    // Shared by several records
    static let id: StaticString = "id"
    static let slug: StaticString = "slug"
    static let name: StaticString = "name"
    static let description: StaticString = "description"
    static let currency: StaticString = "currency"
    static let planId: StaticString = "planId"
    static let priceId: StaticString = "priceId"

    // Metrics
    static let eventName: StaticString = "eventName"
    static let queryType: StaticString = "queryType"
    static let aggregationType: StaticString = "aggregationType"
    static let valueType: StaticString = "valueType"

    // Features
    static let displayName: StaticString = "displayName"
    static let featureType: StaticString = "featureType"
    static let unitLabel: StaticString = "unitLabel"
    static let metricIds: StaticString = "metricIds"

    // Plans and the features they grant
    static let planName: StaticString = "planName"
    static let planDescription: StaticString = "planDescription"
    static let isFree: StaticString = "isFree"
    static let isTrialPlan: StaticString = "isTrialPlan"
    static let trialParentPlanId: StaticString = "trialParentPlanId"
    static let trialDays: StaticString = "trialDays"
    static let isVisibleInPricingTable: StaticString = "isVisibleInPricingTable"
    static let priceIds: StaticString = "priceIds"
    static let featureValue: StaticString = "featureValue"

    // Prices, their pricingData and its components
    static let isOverridePrice: StaticString = "isOverridePrice"
    static let pricingData: StaticString = "pricingData"
    static let dsl_version: StaticString = "dsl_version"
    static let components: StaticString = "components"
    static let component_id: StaticString = "component_id"
    static let type: StaticString = "type"
    static let label: StaticString = "label"
    static let unit_label: StaticString = "unit_label"
    static let amount_cents: StaticString = "amount_cents"
    static let min_seats: StaticString = "min_seats"
    static let bill_immediately: StaticString = "bill_immediately"
    static let unit_cost_cents: StaticString = "unit_cost_cents"
    static let metric_id: StaticString = "metric_id"
    static let recurrence_rule: StaticString = "recurrence_rule"

    // Credit definitions
    static let scope: StaticString = "scope"
    static let applicationType: StaticString = "applicationType"
    static let priceComponentId: StaticString = "priceComponentId"
    static let featureSlug: StaticString = "featureSlug"
    static let defaultAmount: StaticString = "defaultAmount"
    static let refillAmount: StaticString = "refillAmount"
    static let renewOnBilling: StaticString = "renewOnBilling"
    static let refillRrule: StaticString = "refillRrule"
    static let expiryDays: StaticString = "expiryDays"
    static let billingVisible: StaticString = "billingVisible"
    static let billingDescription: StaticString = "billingDescription"

    // Pricing tables and their rows
    static let heading: StaticString = "heading"
    static let subheading: StaticString = "subheading"
    static let planConfigs: StaticString = "planConfigs"
    static let displayOrder: StaticString = "displayOrder"
    static let isPopular: StaticString = "isPopular"
    static let popularText: StaticString = "popularText"
    static let buttonText: StaticString = "buttonText"
    static let buttonOutline: StaticString = "buttonOutline"
    static let isEnterprisePlan: StaticString = "isEnterprisePlan"
    static let enterpriseRedirectUrl: StaticString = "enterpriseRedirectUrl"
    static let bullets: StaticString = "bullets"

    // Quotes
    static let customer: StaticString = "customer"
    static let stableSubscriptionId: StaticString = "stableSubscriptionId"
    static let effective: StaticString = "effective"
}

extension JSONValue {
    /// The member under a key of catalog.json (nil when the value is not an object or has no such key):
    /// how `diff` reads a field of a record's JSON by its constant.
    subscript(key key: StaticString) -> JSONValue? {
        self["\(key)"]
    }
}
