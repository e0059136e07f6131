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
        // Records are named by their position and their fields read where they are: a copy of a record
        // retains every string in it, and a catalog of 100,000 plans grants half a million features.
        for position in document.plans.indices {
            writeEntitlements(ofPlanAt: position, index: index, to: &stream)
            betweenRecords(&stream)
        }
        stream.endObject()
        stream.endObject()
    }

    /// `"PLAN_ID": { "FEATURE": { … }, … }`.
    private func writeEntitlements(ofPlanAt position: Int, index: CatalogDocumentIndex,
                                   to stream: inout JSONWriter.Stream) {
        stream.key(document.plans[position].id)
        stream.beginObject()
        for granted in document.plans[position].features {
            guard let feature = index.features.positions[granted.slug] else { continue }
            stream.key(granted.slug)
            writeEntitlement(featureAt: feature, granted.value, ofPlanAt: position, index: index, to: &stream)
        }
        stream.endObject()
    }

    private func writeEntitlement(featureAt feature: Int, _ value: CatalogDocument.FeatureValue,
                                  ofPlanAt plan: Int, index: CatalogDocumentIndex,
                                  to stream: inout JSONWriter.Stream) {
        let featureType = document.features[feature].featureType
        stream.beginObject()
        stream.member("featureType", string: featureType.rawValue)
        stream.member("entitled", bool: true)
        stream.key("value")
        value.write(to: &stream)
        if featureType == .usage {
            let metricIDs = document.features[feature].metricIDs
            var isPerSeat = false
            var hasOverage = false
            for priceID in document.plans[plan].priceIDs {
                guard let price = index.prices.positions[priceID] else { continue }
                for component in document.prices[price].components {
                    switch component.charge {
                    case .perUnit: isPerSeat = true
                    case .usage(let metricID, let unitCost):
                        if metricIDs.contains(metricID) && !unitCost.isZero { hasOverage = true }
                    case .fixed: break
                    }
                }
            }
            let allowance = index.usageAllowance(of: document.plans[plan].id, forFeature: document.features[feature].slug,
                                                 metering: metricIDs)
            stream.member("metricIds", strings: metricIDs)
            stream.member("creditAllowance", number: allowance?.total)
            stream.member("creditsPerSeat", bool: isPerSeat)
            // Some of the allowance is refilled at each billing; null without credits.
            stream.member("renewOnBilling", bool: allowance?.renewsOnBilling)
            stream.member("overage", bool: hasOverage)
        }
        stream.endObject()
    }
}
