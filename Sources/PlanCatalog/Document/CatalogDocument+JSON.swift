/// catalog.json's bytes: every key of OUTPUT.md in its order, `null` where a value is unset, components
/// without their unset keys. `CatalogDocument(json:)` reads exactly this back.
extension CatalogDocument {
    /// The document as catalog.json's JSON value.
    public var jsonValue: JSONValue {
        .object([
            .init("schemaVersion", .number(Self.schemaVersion)),
            .init("name", .string(name)),
            .init("defaultCurrency", .string(defaultCurrency)),
            .init("metrics", .array(metrics.map(\.jsonValue))),
            .init("features", .array(features.map(\.jsonValue))),
            .init("plans", .array(plans.map(\.jsonValue))),
            .init("prices", .array(prices.map(\.jsonValue))),
            .init("creditDefinitions", .array(creditDefinitions.map(\.jsonValue))),
            .init("pricingTables", .array(pricingTables.map(\.jsonValue))),
            .init("quotes", .array(quotes.map(\.jsonValue))),
        ])
    }

    /// catalog.json as written by `plancat build`.
    public var jsonBytes: [UInt8] { JSONWriter.bytes(of: jsonValue) }
}

extension CatalogDocument.Metric {
    /// Lumen's `queryType`: plancat's metrics are all simple aggregations of one event.
    static let queryType = "simple"

    var jsonValue: JSONValue {
        .object([
            .init("id", .string(id)),
            .init("name", .string(name)),
            .init("description", .string(description)),
            .init("eventName", .string(eventName)),
            .init("queryType", .string(Self.queryType)),
            .init("aggregationType", .string(aggregation.lumenName)),
            .init("valueType", .string(valueType.lumenName)),
        ])
    }
}

extension CatalogDocument.Feature {
    var jsonValue: JSONValue {
        .object([
            .init("slug", .string(slug)),
            .init("displayName", .string(displayName)),
            .init("description", .string(description)),
            .init("featureType", .string(featureType.rawValue)),
            .init("unitLabel", .string(unitLabel)),
            .init("metricIds", .strings(metricIDs)),
        ])
    }
}

extension CatalogDocument.Plan {
    var jsonValue: JSONValue {
        .object([
            .init("id", .string(id)),
            .init("planName", .string(planName)),
            .init("planDescription", .string(planDescription)),
            .init("isFree", .bool(isFree)),
            .init("isTrialPlan", .bool(isTrialPlan)),
            .init("trialParentPlanId", .string(trialParentPlanID)),
            .init("trialDays", .number(trialDays)),
            .init("isVisibleInPricingTable", .bool(isVisibleInPricingTable)),
            .init("features", .array(features.map { feature in
                .object([.init("slug", .string(feature.slug)), .init("featureValue", feature.value.jsonValue)])
            })),
            .init("priceIds", .strings(priceIDs)),
        ])
    }
}

extension CatalogDocument.FeatureValue {
    /// The `usage_based` marker of metered features.
    static let usageBasedMarker = "usage_based"
    /// A number feature without a limit.
    static let unlimitedMarker = "unlimited"

    var jsonValue: JSONValue {
        switch self {
        case .enabled: .bool(true)
        case .limit(let limit): .number(limit)
        case .unlimited: .string(Self.unlimitedMarker)
        case .text(let text): .string(text)
        case .usageBased: .string(Self.usageBasedMarker)
        }
    }
}

extension CatalogDocument.Price {
    /// `pricingData.dsl_version`.
    static let dslVersion = 1

    var jsonValue: JSONValue {
        .object([
            .init("id", .string(id)),
            .init("planId", .string(planID)),
            .init("currency", .string(currency)),
            .init("isOverridePrice", .bool(isOverridePrice)),
            .init("pricingData", pricingData),
        ])
    }

    /// `{ "dsl_version": 1, "components": [ … ] }`, shared by catalog.json and the public tables.
    var pricingData: JSONValue {
        .object([
            .init("dsl_version", .number(Self.dslVersion)),
            .init("components", .array(components.map(\.jsonValue))),
        ])
    }
}

extension CatalogDocument.Component {
    /// Keys in OUTPUT.md's order; keys that do not apply to the type, or are unset, are left out.
    var jsonValue: JSONValue {
        var members: [JSONValue.Member] = [
            .init("component_id", .string(id)),
            .init("type", .string(charge.typeName)),
        ]
        if let label { members.append(.init("label", .string(label))) }
        if let unitLabel { members.append(.init("unit_label", .string(unitLabel))) }
        switch charge {
        case .fixed(let amountCents):
            members.append(.init("amount_cents", .number(amountCents)))
        case .perUnit(let amountCents, let minSeats, let billImmediately):
            members.append(.init("amount_cents", .number(amountCents)))
            if let minSeats { members.append(.init("min_seats", .number(minSeats))) }
            members.append(.init("bill_immediately", .bool(billImmediately)))
        case .usage(let metricID, let unitCostCents):
            members.append(.init("unit_cost_cents", .number(unitCostCents)))
            members.append(.init("metric_id", .string(metricID)))
        }
        members.append(.init("recurrence_rule", .string(period.recurrenceRule)))
        return .object(members)
    }
}

extension CatalogDocument.CreditDefinition {
    /// Lumen's `scope`: plancat's credits are all plan-scoped.
    static let scope = "plan"

    var jsonValue: JSONValue {
        .object([
            .init("id", .string(id)),
            .init("scope", .string(Self.scope)),
            .init("applicationType", .string(applicationType.rawValue)),
            .init("planId", .string(planID)),
            .init("priceId", .string(priceID)),
            .init("priceComponentId", .string(priceComponentID)),
            .init("featureSlug", .string(featureSlug)),
            .init("name", .string(name)),
            .init("defaultAmount", .number(defaultAmount)),
            .init("refillAmount", .number(refillAmount)),
            .init("renewOnBilling", .bool(renewOnBilling)),
            .init("refillRrule", .string(refillPeriod?.recurrenceRule)),
            .init("expiryDays", .number(expiryDays)),
            .init("billingVisible", .bool(billingVisible)),
            .init("billingDescription", .string(billingDescription)),
            .init("currency", .string(currency)),
        ])
    }
}

extension CatalogDocument.PricingTable {
    var jsonValue: JSONValue {
        .object([
            .init("slug", .string(slug)),
            .init("name", .string(name)),
            .init("heading", .string(heading)),
            .init("subheading", .string(subheading)),
            .init("description", .string(description)),
            .init("currency", .string(currency)),
            .init("planConfigs", .array(planConfigs.map(\.jsonValue))),
        ])
    }
}

extension CatalogDocument.PlanConfig {
    var jsonValue: JSONValue {
        .object([
            .init("planId", .string(planID)),
            .init("displayOrder", .number(displayOrder)),
            .init("isPopular", .bool(isPopular)),
            .init("popularText", .string(popularText)),
            .init("buttonText", .string(buttonText)),
            .init("buttonOutline", .bool(buttonOutline)),
            .init("isEnterprisePlan", .bool(isEnterprisePlan)),
            .init("enterpriseRedirectUrl", .string(enterpriseRedirectURL)),
            .init("bullets", .strings(bullets)),
        ])
    }
}

extension CatalogDocument.Quote {
    var jsonValue: JSONValue {
        .object([
            .init("id", .string(id)),
            .init("planId", .string(planID)),
            .init("customer", .string(customer)),
            .init("stableSubscriptionId", .string(stableSubscriptionID)),
            .init("effective", .string(effective.lumenName)),
            .init("priceId", .string(priceID)),
        ])
    }
}

extension QuoteEffective {
    /// catalog.json's `effective`: `immediately` or `next_billing`.
    public var lumenName: String {
        switch self {
        case .immediately: "immediately"
        case .nextBilling: "next_billing"
        }
    }
}
