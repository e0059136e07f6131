/// entitlements.json: every feature once with its type and its default (not entitled), then for every
/// plan the features it grants, resolved — what an app needs to gate features offline (OUTPUT.md).
///
/// A usage feature also says how much its plan includes and how the rest is billed: `creditAllowance`
/// (the plan's usage credits for it), `creditsPerSeat`, `renewOnBilling` and `overage`.
///
/// Written straight into bytes (`JSONWriter.Stream`), a plan at a time: for a large catalog the file is
/// close to a hundred megabytes.
struct EntitlementsDocument {
    let document: CatalogDocument

    init(_ document: CatalogDocument) {
        self.document = document
    }

    /// entitlements.json's bytes.
    var jsonBytes: [UInt8] {
        var stream = JSONWriter.Stream()
        write(to: &stream, betweenRecords: { _ in })
        return stream.finishedDocument()
    }

    /// Writes the document, without its final newline, calling `betweenRecords` after each plan.
    func write(to stream: inout JSONWriter.Stream, betweenRecords: JSONWriter.Stream.RecordBoundary) {
        stream.beginObject()
        stream.member("schemaVersion", number: CatalogDocument.schemaVersion)
        stream.key("features")
        stream.beginObject()
        for feature in document.features {
            stream.key(feature.slug)
            stream.beginObject()
            stream.member("featureType", string: feature.featureType.rawValue)
            stream.key("default")
            stream.beginObject()
            stream.member("entitled", bool: false)
            stream.key("value")
            stream.null()
            stream.endObject()
            stream.endObject()
        }
        stream.endObject()
        stream.key("plans")
        stream.beginObject()
        let index = CatalogDocumentIndex(document)
        for plan in document.plans {
            writeEntitlements(of: plan, index: index, to: &stream)
            betweenRecords(&stream)
        }
        stream.endObject()
        stream.endObject()
    }

    /// `"PLAN_ID": { "FEATURE": { … }, … }`.
    private func writeEntitlements(of plan: CatalogDocument.Plan, index: CatalogDocumentIndex,
                                   to stream: inout JSONWriter.Stream) {
        stream.key(plan.id)
        stream.beginObject()
        for granted in plan.features {
            guard let feature = index.features[granted.slug] else { continue }
            stream.key(granted.slug)
            writeEntitlement(feature, granted.value, of: plan, index: index, to: &stream)
        }
        stream.endObject()
    }

    private func writeEntitlement(_ feature: CatalogDocument.Feature, _ value: CatalogDocument.FeatureValue,
                                  of plan: CatalogDocument.Plan, index: CatalogDocumentIndex,
                                  to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("featureType", string: feature.featureType.rawValue)
        stream.member("entitled", bool: true)
        stream.key("value")
        value.write(to: &stream)
        if feature.featureType == .usage {
            var isPerSeat = false
            var hasOverage = false
            for price in index.prices(of: plan) {
                for component in price.components {
                    switch component.charge {
                    case .perUnit: isPerSeat = true
                    case .usage(let metricID, let unitCost):
                        if feature.metricIDs.contains(metricID) && !unitCost.isZero { hasOverage = true }
                    case .fixed: break
                    }
                }
            }
            let allowance = index.usageAllowance(of: plan, for: feature)
            stream.member("metricIds", strings: feature.metricIDs)
            stream.member("creditAllowance", number: allowance?.total)
            stream.member("creditsPerSeat", bool: isPerSeat)
            // Some of the allowance is refilled at each billing; null without credits.
            stream.member("renewOnBilling", bool: allowance?.renewsOnBilling)
            stream.member("overage", bool: hasOverage)
        }
        stream.endObject()
    }
}
