/// Every record of catalog.json described once (`RecordSchema`): its keys in OUTPUT.md's order, how each
/// is written (`null` where unset; a component leaves unset keys out), which key matches it, and what a
/// change of each top-level field means to Lumen (OUTPUT.md's diff table: `update` for names,
/// descriptions, display fields, amounts; `newVersion` for what a plan grants, its trial and its prices;
/// `replace` for what Lumen cannot edit in place).
///
/// In each closure `$0` is the record, `$1` the field's key and `$2` the stream.
extension CatalogDocument.Metric: CatalogRecord {
    static let kind = CatalogDiff.Kind.metric
    /// Lumen's `queryType`: plancat's metrics are all simple aggregations of one event.
    static let queryType = "simple"

    static let schema = RecordSchema<Self>([
        .init(CatalogKey.id, .identity) { $2.member($1, string: $0.id) },
        .init(CatalogKey.name, .changes(.update)) { $2.member($1, string: $0.name) },
        .init(CatalogKey.description, .changes(.update)) { $2.member($1, string: $0.description) },
        // Apps already send the old event, and Lumen aggregates what it was told to: none of these change in place.
        .init(CatalogKey.eventName, .changes(.replace)) { $2.member($1, string: $0.eventName) },
        .init(CatalogKey.queryType, .changes(.replace)) { $2.member($1, string: queryType) },
        .init(CatalogKey.aggregationType, .changes(.replace)) { $2.member($1, string: $0.aggregation.lumenName) },
        .init(CatalogKey.valueType, .changes(.replace)) { $2.member($1, string: $0.valueType.lumenName) },
    ])

    var recordID: String { id }
}

extension CatalogDocument.Feature: CatalogRecord {
    static let kind = CatalogDiff.Kind.feature

    static let schema = RecordSchema<Self>([
        .init(CatalogKey.slug, .identity) { $2.member($1, string: $0.slug) },
        .init(CatalogKey.displayName, .changes(.update)) { $2.member($1, string: $0.displayName) },
        .init(CatalogKey.description, .changes(.update)) { $2.member($1, string: $0.description) },
        .init(CatalogKey.featureType, .changes(.replace)) { $2.member($1, string: $0.featureType.rawValue) },
        .init(CatalogKey.unitLabel, .changes(.update)) { $2.member($1, string: $0.unitLabel) },
        .init(CatalogKey.metricIds, .changes(.update)) { $2.member($1, strings: $0.metricIDs) },
    ])

    var recordID: String { slug }
}

extension CatalogDocument.Plan: CatalogRecord {
    static let kind = CatalogDiff.Kind.plan

    static let schema = RecordSchema<Self>([
        .init(CatalogKey.id, .identity) { $2.member($1, string: $0.id) },
        .init(CatalogKey.planName, .changes(.update)) { $2.member($1, string: $0.planName) },
        .init(CatalogKey.planDescription, .changes(.update)) { $2.member($1, string: $0.planDescription) },
        .init(CatalogKey.isFree, .changes(.update)) { $2.member($1, bool: $0.isFree) },
        .init(CatalogKey.isTrialPlan, .changes(.newVersion)) { $2.member($1, bool: $0.isTrialPlan) },
        .init(CatalogKey.trialParentPlanId, .changes(.newVersion)) { $2.member($1, string: $0.trialParentPlanID) },
        .init(CatalogKey.trialDays, .changes(.newVersion)) { $2.member($1, number: $0.trialDays) },
        .init(CatalogKey.isVisibleInPricingTable, .changes(.update)) { $2.member($1, bool: $0.isVisibleInPricingTable) },
        .init(CatalogKey.features, .changes(.newVersion), nested: { CatalogDocument.GrantedFeature.schema.shape }) {
            $2.member($1, items: $0.features, CatalogDocument.GrantedFeature.schema)
        },
        .init(CatalogKey.priceIds, .changes(.newVersion)) { $2.member($1, strings: $0.priceIDs) },
    ])

    var recordID: String { id }
}

extension CatalogDocument.GrantedFeature {
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.slug, .identity) { $2.member($1, string: $0.slug) },
        .init(CatalogKey.featureValue, .partOfField) { $2.key($1); $0.value.write(to: &$2) },
    ])
}

extension CatalogDocument.Price: CatalogRecord {
    static let kind = CatalogDiff.Kind.price
    /// `pricingData.dsl_version`.
    static let dslVersion = 1

    /// Lumen never edits a price: anything in `pricingData`, its currency, plan or override flag.
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.id, .identity) { $2.member($1, string: $0.id) },
        .init(CatalogKey.planId, .changes(.replace)) { $2.member($1, string: $0.planID) },
        .init(CatalogKey.currency, .changes(.replace)) { $2.member($1, string: $0.currency) },
        .init(CatalogKey.isOverridePrice, .changes(.replace)) { $2.member($1, bool: $0.isOverridePrice) },
        .init(CatalogKey.pricingData, .changes(.replace), nested: { pricingDataSchema.shape }) {
            $2.key($1)
            pricingDataSchema.write($0, to: &$2)
        },
    ])

    /// `{ "dsl_version": 1, "components": [ … ] }`, shared by catalog.json and the public tables.
    static let pricingDataSchema = RecordSchema<Self>([
        .init(CatalogKey.dsl_version, .partOfField) { $2.member($1, number: dslVersion) },
        .init(CatalogKey.components, .partOfField, nested: { CatalogDocument.Component.schema.shape }) {
            $2.member($1, items: $0.components, CatalogDocument.Component.schema)
        },
    ])

    var recordID: String { id }

    /// `pricingData` alone, as the public pricing tables show it.
    func writePricingData(to stream: inout JSONWriter.Stream) {
        Self.pricingDataSchema.write(self, to: &stream)
    }
}

extension CatalogDocument.Component {
    /// Keys in OUTPUT.md's order; keys that do not apply to the type (`Kind.ownKeys`), or are
    /// unset, are left out.
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.component_id, .identity) { $2.member($1, string: $0.id) },
        .init(CatalogKey.type, .partOfField) { $2.member($1, string: $0.charge.typeName) },
        .init(CatalogKey.label, .partOfField) { if let label = $0.label { $2.member($1, string: label) } },
        .init(CatalogKey.unit_label, .partOfField) { if let unitLabel = $0.unitLabel { $2.member($1, string: unitLabel) } },
        .init(CatalogKey.amount_cents, .partOfField) {
            switch $0.charge {
            case .fixed(let amountCents), .perUnit(let amountCents, _, _): $2.member($1, number: amountCents)
            case .usage: break
            }
        },
        .init(CatalogKey.min_seats, .partOfField) {
            if case .perUnit(_, let minSeats?, _) = $0.charge { $2.member($1, number: minSeats) }
        },
        .init(CatalogKey.bill_immediately, .partOfField) {
            if case .perUnit(_, _, let billImmediately) = $0.charge { $2.member($1, bool: billImmediately) }
        },
        .init(CatalogKey.unit_cost_cents, .partOfField) {
            if case .usage(_, let unitCostCents) = $0.charge { $2.member($1, number: unitCostCents) }
        },
        .init(CatalogKey.metric_id, .partOfField) {
            if case .usage(let metricID, _) = $0.charge { $2.member($1, string: metricID) }
        },
        .init(CatalogKey.recurrence_rule, .partOfField) { $2.member($1, string: $0.period.writtenRecurrenceRule) },
    ])

    /// Lumen's component `type`, and the keys that only that type has: what the reader lets a component
    /// of each type hold.
    enum Kind: String, CaseIterable {
        case fixed
        case perUnit = "per_unit"
        case usage

        var ownKeys: [StaticString] {
            switch self {
            case .fixed: [CatalogKey.amount_cents]
            case .perUnit: [CatalogKey.amount_cents, CatalogKey.min_seats, CatalogKey.bill_immediately]
            case .usage: [CatalogKey.unit_cost_cents, CatalogKey.metric_id]
            }
        }

        /// The keys every type has.
        static let sharedKeys: [StaticString] = [
            CatalogKey.component_id, CatalogKey.type, CatalogKey.label, CatalogKey.unit_label, CatalogKey.recurrence_rule,
        ]
    }
}

extension CatalogDocument.CreditDefinition: CatalogRecord {
    static let kind = CatalogDiff.Kind.creditDefinition
    /// Lumen's `scope`: plancat's credits are all plan-scoped.
    static let scope = "plan"

    /// Lumen edits a credit's name, amounts and visibility; what it is, applies to, and how it renews or
    /// expires make a new credit definition.
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.id, .identity) { $2.member($1, string: $0.id) },
        .init(CatalogKey.scope, .changes(.replace)) { $2.member($1, string: scope) },
        .init(CatalogKey.applicationType, .changes(.replace)) { $2.member($1, string: $0.applicationType.rawValue) },
        .init(CatalogKey.planId, .changes(.replace)) { $2.member($1, string: $0.planID) },
        .init(CatalogKey.priceId, .changes(.replace)) { $2.member($1, string: $0.priceID) },
        .init(CatalogKey.priceComponentId, .changes(.replace)) { $2.member($1, string: $0.priceComponentID) },
        .init(CatalogKey.featureSlug, .changes(.replace)) { $2.member($1, string: $0.featureSlug) },
        .init(CatalogKey.name, .changes(.update)) { $2.member($1, string: $0.name) },
        .init(CatalogKey.defaultAmount, .changes(.update)) { $2.member($1, number: $0.defaultAmount) },
        .init(CatalogKey.refillAmount, .changes(.update)) { $2.member($1, number: $0.refillAmount) },
        .init(CatalogKey.renewOnBilling, .changes(.replace)) { $2.member($1, bool: $0.renewOnBilling) },
        .init(CatalogKey.refillRrule, .changes(.replace)) { $2.member($1, string: $0.refillPeriod?.recurrenceRule) },
        .init(CatalogKey.expiryDays, .changes(.replace)) { $2.member($1, number: $0.expiryDays) },
        .init(CatalogKey.billingVisible, .changes(.update)) { $2.member($1, bool: $0.billingVisible) },
        .init(CatalogKey.billingDescription, .changes(.update)) { $2.member($1, string: $0.billingDescription) },
        .init(CatalogKey.currency, .changes(.replace)) { $2.member($1, string: $0.currency) },
    ])

    var recordID: String { id }
}

extension CatalogDocument.PricingTable: CatalogRecord {
    static let kind = CatalogDiff.Kind.pricingTable

    /// Layout and rows alike are edited in place.
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.slug, .identity) { $2.member($1, string: $0.slug) },
        .init(CatalogKey.name, .changes(.update)) { $2.member($1, string: $0.name) },
        .init(CatalogKey.heading, .changes(.update)) { $2.member($1, string: $0.heading) },
        .init(CatalogKey.subheading, .changes(.update)) { $2.member($1, string: $0.subheading) },
        .init(CatalogKey.description, .changes(.update)) { $2.member($1, string: $0.description) },
        .init(CatalogKey.currency, .changes(.update)) { $2.member($1, string: $0.currency) },
        .init(CatalogKey.planConfigs, .changes(.update), nested: { CatalogDocument.PlanConfig.schema.shape }) {
            $2.member($1, items: $0.planConfigs, CatalogDocument.PlanConfig.schema)
        },
    ])

    var recordID: String { slug }
}

extension CatalogDocument.PlanConfig {
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.planId, .identity) { $2.member($1, string: $0.planID) },
        .init(CatalogKey.displayOrder, .partOfField) { $2.member($1, number: $0.displayOrder) },
        .init(CatalogKey.isPopular, .partOfField) { $2.member($1, bool: $0.isPopular) },
        .init(CatalogKey.popularText, .partOfField) { $2.member($1, string: $0.popularText) },
        .init(CatalogKey.buttonText, .partOfField) { $2.member($1, string: $0.buttonText) },
        .init(CatalogKey.buttonOutline, .partOfField) { $2.member($1, bool: $0.buttonOutline) },
        .init(CatalogKey.isEnterprisePlan, .partOfField) { $2.member($1, bool: $0.isEnterprisePlan) },
        .init(CatalogKey.enterpriseRedirectUrl, .partOfField) { $2.member($1, string: $0.enterpriseRedirectURL) },
        .init(CatalogKey.bullets, .partOfField) { $2.member($1, strings: $0.bullets) },
    ])
}

extension CatalogDocument.Quote: CatalogRecord {
    static let kind = CatalogDiff.Kind.quote

    /// Where and when the negotiated price applies is edited; another plan or price is a new quote.
    static let schema = RecordSchema<Self>([
        .init(CatalogKey.id, .identity) { $2.member($1, string: $0.id) },
        .init(CatalogKey.planId, .changes(.replace)) { $2.member($1, string: $0.planID) },
        .init(CatalogKey.customer, .changes(.update)) { $2.member($1, string: $0.customer) },
        .init(CatalogKey.stableSubscriptionId, .changes(.update)) { $2.member($1, string: $0.stableSubscriptionID) },
        .init(CatalogKey.effective, .changes(.update)) { $2.member($1, string: $0.effective.lumenName) },
        .init(CatalogKey.priceId, .changes(.replace)) { $2.member($1, string: $0.priceID) },
    ])

    var recordID: String { id }
    var appliedPriceID: String? { priceID }
}
