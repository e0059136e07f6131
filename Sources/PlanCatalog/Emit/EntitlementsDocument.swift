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
        Lookup.with(document) { lookup in
            for index in lookup.plans.indices {
                writeEntitlements(of: lookup.plans[index], lookup: lookup, to: &stream)
                betweenRecords(&stream)
            }
        }
        stream.endObject()
        stream.endObject()
    }

    /// `"PLAN_ID": { "FEATURE": { … }, … }`.
    private func writeEntitlements(of plan: CatalogDocument.Plan, lookup: Lookup, to stream: inout JSONWriter.Stream) {
        stream.key(plan.id)
        stream.beginObject()
        for granted in plan.features {
            guard let position = lookup.featurePositions[granted.slug] else { continue }
            stream.key(granted.slug)
            writeEntitlement(lookup.features[position], granted.value, of: plan, lookup: lookup, to: &stream)
        }
        stream.endObject()
    }

    private func writeEntitlement(_ feature: CatalogDocument.Feature, _ value: CatalogDocument.FeatureValue,
                                  of plan: CatalogDocument.Plan, lookup: Lookup, to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        stream.member("featureType", string: feature.featureType.rawValue)
        stream.member("entitled", bool: true)
        stream.key("value")
        value.write(to: &stream)
        if feature.featureType == .usage {
            var isPerSeat = false
            var hasOverage = false
            for priceID in plan.priceIDs {
                guard let position = lookup.pricePositions[priceID] else { continue }
                for component in lookup.prices[position].components {
                    switch component.charge {
                    case .perUnit: isPerSeat = true
                    case .usage(let metricID, let unitCost):
                        if feature.metricIDs.contains(metricID) && !unitCost.isZero { hasOverage = true }
                    case .fixed: break
                    }
                }
            }
            let allowance = usageAllowance(of: plan, for: feature, lookup: lookup)
            stream.member("metricIds", strings: feature.metricIDs)
            stream.member("creditAllowance", number: allowance?.total)
            stream.member("creditsPerSeat", bool: isPerSeat)
            // Some of the allowance is refilled at each billing; null without credits.
            stream.member("renewOnBilling", bool: allowance?.renewsOnBilling)
            stream.member("overage", bool: hasOverage)
        }
        stream.endObject()
    }

    /// The plan's usage credits for a feature — those applied to the feature, and those applied to a
    /// component that bills one of its metrics (as `CatalogDocumentIndex.usageCredits` has it for the
    /// pricing tables) — added up, and whether any is refilled at each billing; nil without any.
    private func usageAllowance(of plan: CatalogDocument.Plan, for feature: CatalogDocument.Feature,
                                lookup: Lookup) -> (total: ExactDecimal, renewsOnBilling: Bool)? {
        // The credit is read where it is, by pointer: reading a field through it copies that field alone.
        func counts(_ credit: UnsafePointer<CatalogDocument.CreditDefinition>) -> Bool {
            guard credit.pointee.applicationType == .usage else { return false }
            if credit.pointee.featureSlug == feature.slug { return true }
            guard let priceID = credit.pointee.priceID, let componentID = credit.pointee.priceComponentID,
                  let pricePosition = lookup.pricePositions[priceID],
                  let component = lookup.prices[pricePosition].components.first(where: { $0.id == componentID }),
                  case .usage(let metricID, _) = component.charge else { return false }
            return feature.metricIDs.contains(metricID)
        }
        var allowance: (total: ExactDecimal, renewsOnBilling: Bool)?
        var next = lookup.firstCredits[plan.id]
        while let position = next {
            next = lookup.nextCredits[position]
            let credit = lookup.credits.baseAddress! + position
            guard counts(credit) else { continue }
            let (amount, renews) = (credit.pointee.defaultAmount, credit.pointee.renewOnBilling)
            guard let previous = allowance else {
                allowance = (amount, renews)
                continue
            }
            guard let total = previous.total.adding(amount) else {
                preconditionFailure("the credit checks keep a plan's allowance within 2^53 − 1 units")
            }
            allowance = (total, previous.renewsOnBilling || renews)
        }
        return allowance
    }

    /// The exact sum of credit amounts, or nil for none. The checks keep a plan's credits for one feature
    /// within 2^53 − 1 units, so the sum always fits.
    static func sum(_ amounts: [ExactDecimal]) -> ExactDecimal? {
        guard var total = amounts.first else { return nil }
        for amount in amounts.dropFirst() {
            guard let sum = total.adding(amount) else {
                preconditionFailure("the credit checks keep a plan's allowance within 2^53 − 1 units")
            }
            total = sum
        }
        return total
    }

    /// The records a plan's entitlements read, and where to find them by id.
    ///
    /// Hot path: for a catalog of 100,000 plans, an index of records copied into dictionaries took
    /// longer to build than the file took to write, and reading `array[i]` copies the record, retaining
    /// and releasing each of its strings. So the dictionaries hold positions, and the records are read
    /// through their arrays' buffers, which lend them where they are — valid only inside `with(_:_:)`.
    /// Where an id repeats, the first record wins, as in `CatalogDocumentIndex`.
    private struct Lookup {
        let plans: UnsafeBufferPointer<CatalogDocument.Plan>
        let features: UnsafeBufferPointer<CatalogDocument.Feature>
        let prices: UnsafeBufferPointer<CatalogDocument.Price>
        let credits: UnsafeBufferPointer<CatalogDocument.CreditDefinition>
        let featurePositions: [String: Int]
        let pricePositions: [String: Int]
        /// Each plan's credits in document order, as a chain: the first by plan id, then each one's next.
        let firstCredits: [String: Int]
        let nextCredits: [Int?]

        /// Runs `body` with the lookup of `document`, whose buffers are valid only meanwhile.
        static func with(_ document: CatalogDocument, _ body: (Lookup) -> Void) {
            document.plans.withUnsafeBufferPointer { plans in
                document.features.withUnsafeBufferPointer { features in
                    document.prices.withUnsafeBufferPointer { prices in
                        document.creditDefinitions.withUnsafeBufferPointer { credits in
                            body(Lookup(plans: plans, features: features, prices: prices, credits: credits))
                        }
                    }
                }
            }
        }

        private init(plans: UnsafeBufferPointer<CatalogDocument.Plan>,
                     features: UnsafeBufferPointer<CatalogDocument.Feature>,
                     prices: UnsafeBufferPointer<CatalogDocument.Price>,
                     credits: UnsafeBufferPointer<CatalogDocument.CreditDefinition>) {
            self.plans = plans
            self.features = features
            self.prices = prices
            self.credits = credits
            featurePositions = Self.firstPositions(features.count) { features[$0].slug }
            pricePositions = Self.firstPositions(prices.count) { prices[$0].id }
            var first: [String: Int] = [:]
            first.reserveCapacity(credits.count)
            var next = [Int?](repeating: nil, count: credits.count)
            // Linked from the last credit back, so that each plan's chain runs in document order.
            for position in credits.indices.reversed() {
                next[position] = first.updateValue(position, forKey: credits[position].planID)
            }
            firstCredits = first
            nextCredits = next
        }

        /// The first position of each of `count` ids.
        private static func firstPositions(_ count: Int, id: (Int) -> String) -> [String: Int] {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(count)
            // From the last back, so that the first position of a repeated id is the one left.
            for position in (0..<count).reversed() {
                positions[id(position)] = position
            }
            return positions
        }
    }
}
