/// catalog.json's bytes: every key of OUTPUT.md in its order, `null` where a value is unset, components
/// without their unset keys. `CatalogDocument(json:)` reads exactly this back.
///
/// Each record is written straight into bytes (`write(to:)`), which `build` writes — a large catalog's
/// file is hundreds of megabytes, too many to go through a tree of values first. Its `JSONValue`, which
/// `diff` and `import` compare field by field, is those bytes read back.
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
    public var jsonBytes: [UInt8] {
        var stream = JSONWriter.Stream()
        write(to: &stream, betweenRecords: { _ in })
        return stream.finishedDocument()
    }

    /// Writes catalog.json, without its final newline, calling `betweenRecords` after each record of
    /// the top-level arrays: where a caller can drain what has been written so far.
    func write(to stream: inout JSONWriter.Stream, betweenRecords: JSONWriter.Stream.RecordBoundary) {
        stream.beginObject()
        stream.member("schemaVersion", number: Self.schemaVersion)
        stream.member("name", string: name)
        stream.member("defaultCurrency", string: defaultCurrency)
        stream.member("metrics", records: metrics, betweenRecords)
        stream.member("features", records: features, betweenRecords)
        stream.member("plans", records: plans, betweenRecords)
        stream.member("prices", records: prices, betweenRecords)
        stream.member("creditDefinitions", records: creditDefinitions, betweenRecords)
        stream.member("pricingTables", records: pricingTables, betweenRecords)
        stream.member("quotes", records: quotes, betweenRecords)
        stream.endObject()
    }
}

/// A record of catalog.json that writes itself into a stream.
protocol StreamWritableRecord {
    func write(to stream: inout JSONWriter.Stream)
}

extension StreamWritableRecord {
    /// The record as a JSON value, which `diff` and `import` compare field by field: its written bytes
    /// read back, so that what `build` writes is the one definition of a record's JSON. Asked only of the
    /// few records that differ.
    var jsonValue: JSONValue {
        var stream = JSONWriter.Stream()
        write(to: &stream)
        // The writer makes JSON by construction (EmitStreamTests), well within the reader's limits.
        guard let value = try? JSONParser.parse(stream.bytes) else {
            preconditionFailure("a record's written JSON does not read back")
        }
        return value
    }
}

extension JSONWriter.Stream {
    /// `"name": [ … ]` of records, with `betweenRecords` after each.
    mutating func member<Record: StreamWritableRecord>(_ name: StaticString, records: [Record],
                                                       _ betweenRecords: RecordBoundary) {
        key(name)
        beginArray()
        // Through the array's buffer, which lends each record where it is: `records[i]` and `for … in`
        // copy it, retaining and releasing every string of every record.
        records.withUnsafeBufferPointer { records in
            for index in records.indices {
                element()
                records[index].write(to: &self)
                betweenRecords(&self)
            }
        }
        endArray()
    }
}

extension CatalogDocument.Metric: StreamWritableRecord {
    /// Lumen's `queryType`: plancat's metrics are all simple aggregations of one event.
    static let queryType = "simple"

    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("id", string: id)
        stream.member("name", string: name)
        stream.member("description", string: description)
        stream.member("eventName", string: eventName)
        stream.member("queryType", string: Self.queryType)
        stream.member("aggregationType", string: aggregation.lumenName)
        stream.member("valueType", string: valueType.lumenName)
        stream.endObject()
    }
}

extension CatalogDocument.Feature: StreamWritableRecord {
    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("slug", string: slug)
        stream.member("displayName", string: displayName)
        stream.member("description", string: description)
        stream.member("featureType", string: featureType.rawValue)
        stream.member("unitLabel", string: unitLabel)
        stream.member("metricIds", strings: metricIDs)
        stream.endObject()
    }
}

extension CatalogDocument.Plan: StreamWritableRecord {
    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("id", string: id)
        stream.member("planName", string: planName)
        stream.member("planDescription", string: planDescription)
        stream.member("isFree", bool: isFree)
        stream.member("isTrialPlan", bool: isTrialPlan)
        stream.member("trialParentPlanId", string: trialParentPlanID)
        stream.member("trialDays", number: trialDays)
        stream.member("isVisibleInPricingTable", bool: isVisibleInPricingTable)
        stream.key("features")
        stream.beginArray()
        // Through the buffer, which lends each grant where it is (`for … in` would copy it).
        features.withUnsafeBufferPointer { features in
            for index in features.indices {
                stream.element()
                stream.beginObject()
                stream.member("slug", string: features[index].slug)
                stream.key("featureValue")
                features[index].value.write(to: &stream)
                stream.endObject()
            }
        }
        stream.endArray()
        stream.member("priceIds", strings: priceIDs)
        stream.endObject()
    }
}

extension CatalogDocument.FeatureValue {
    /// The `usage_based` marker of metered features.
    static let usageBasedMarker = "usage_based"
    /// A number feature without a limit.
    static let unlimitedMarker = "unlimited"

    func write(to stream: inout JSONWriter.Stream) {
        switch self {
        case .enabled: stream.bool(true)
        case .limit(let limit): stream.number(limit)
        case .unlimited: stream.string(Self.unlimitedMarker)
        case .text(let text): stream.string(text)
        case .usageBased: stream.string(Self.usageBasedMarker)
        }
    }
}

extension CatalogDocument.Price: StreamWritableRecord {
    /// `pricingData.dsl_version`.
    static let dslVersion = 1

    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("id", string: id)
        stream.member("planId", string: planID)
        stream.member("currency", string: currency)
        stream.member("isOverridePrice", bool: isOverridePrice)
        stream.key("pricingData")
        writePricingData(to: &stream)
        stream.endObject()
    }

    /// `{ "dsl_version": 1, "components": [ … ] }`, shared by catalog.json and the public tables.
    func writePricingData(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("dsl_version", number: Self.dslVersion)
        stream.key("components")
        stream.beginArray()
        // Through the buffer, which lends each component where it is (`for … in` would copy it).
        components.withUnsafeBufferPointer { components in
            for index in components.indices {
                stream.element()
                components[index].write(to: &stream)
            }
        }
        stream.endArray()
        stream.endObject()
    }
}

extension CatalogDocument.Component {
    /// Keys in OUTPUT.md's order; keys that do not apply to the type, or are unset, are left out.
    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("component_id", string: id)
        stream.member("type", string: charge.typeName)
        if let label { stream.member("label", string: label) }
        if let unitLabel { stream.member("unit_label", string: unitLabel) }
        switch charge {
        case .fixed(let amountCents):
            stream.member("amount_cents", number: amountCents)
        case .perUnit(let amountCents, let minSeats, let billImmediately):
            stream.member("amount_cents", number: amountCents)
            if let minSeats { stream.member("min_seats", number: minSeats) }
            stream.member("bill_immediately", bool: billImmediately)
        case .usage(let metricID, let unitCostCents):
            stream.member("unit_cost_cents", number: unitCostCents)
            stream.member("metric_id", string: metricID)
        }
        stream.member("recurrence_rule", string: period.writtenRecurrenceRule)
        stream.endObject()
    }
}

extension CatalogDocument.CreditDefinition: StreamWritableRecord {
    /// Lumen's `scope`: plancat's credits are all plan-scoped.
    static let scope = "plan"

    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("id", string: id)
        stream.member("scope", string: Self.scope)
        stream.member("applicationType", string: applicationType.rawValue)
        stream.member("planId", string: planID)
        stream.member("priceId", string: priceID)
        stream.member("priceComponentId", string: priceComponentID)
        stream.member("featureSlug", string: featureSlug)
        stream.member("name", string: name)
        stream.member("defaultAmount", number: defaultAmount)
        stream.member("refillAmount", number: refillAmount)
        stream.member("renewOnBilling", bool: renewOnBilling)
        stream.member("refillRrule", string: refillPeriod?.recurrenceRule)
        stream.member("expiryDays", number: expiryDays)
        stream.member("billingVisible", bool: billingVisible)
        stream.member("billingDescription", string: billingDescription)
        stream.member("currency", string: currency)
        stream.endObject()
    }
}

extension CatalogDocument.PricingTable: StreamWritableRecord {
    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("slug", string: slug)
        stream.member("name", string: name)
        stream.member("heading", string: heading)
        stream.member("subheading", string: subheading)
        stream.member("description", string: description)
        stream.member("currency", string: currency)
        stream.key("planConfigs")
        stream.beginArray()
        for config in planConfigs {
            stream.element()
            config.write(to: &stream)
        }
        stream.endArray()
        stream.endObject()
    }
}

extension CatalogDocument.PlanConfig {
    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("planId", string: planID)
        stream.member("displayOrder", number: displayOrder)
        stream.member("isPopular", bool: isPopular)
        stream.member("popularText", string: popularText)
        stream.member("buttonText", string: buttonText)
        stream.member("buttonOutline", bool: buttonOutline)
        stream.member("isEnterprisePlan", bool: isEnterprisePlan)
        stream.member("enterpriseRedirectUrl", string: enterpriseRedirectURL)
        stream.member("bullets", strings: bullets)
        stream.endObject()
    }
}

extension CatalogDocument.Quote: StreamWritableRecord {
    func write(to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("id", string: id)
        stream.member("planId", string: planID)
        stream.member("customer", string: customer)
        stream.member("stableSubscriptionId", string: stableSubscriptionID)
        stream.member("effective", string: effective.lumenName)
        stream.member("priceId", string: priceID)
        stream.endObject()
    }
}

extension BillingPeriod {
    /// `recurrenceRule`, made once for the two periods nearly every component has: a large catalog has
    /// hundreds of thousands of components, and the rule is otherwise made anew for each.
    var writtenRecurrenceRule: String {
        switch self {
        case .monthly: Self.monthlyRecurrenceRule
        case .yearly: Self.yearlyRecurrenceRule
        default: recurrenceRule
        }
    }

    private static let monthlyRecurrenceRule = BillingPeriod.monthly.recurrenceRule
    private static let yearlyRecurrenceRule = BillingPeriod.yearly.recurrenceRule
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
