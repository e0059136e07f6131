/// Reads catalog.json's value back into a `CatalogDocument`, strictly, for `diff` and `import`.
///
/// Strict because a deployed catalog.json is compared with the source field by field: a key read wrongly
/// or ignored would show as a change that is not there (or hide one that is). So every key OUTPUT.md lists
/// is required (`null` where unset), unknown keys are refused, constants and Lumen's enum spellings are
/// checked, ids are non-empty and unique within their kind, a record's fields agree with each other
/// (`+Consistency`), and references resolve to the right kind of record (`+References`): what the
/// compiler's checks guarantee of a catalog.json it builds, the reader asks of one it reads. Before all of
/// that, a document holding what looks like a secret API key anywhere is refused (`+Secrets`). The top-level
/// arrays may come in any order (a file may be assembled by hand) and are kept in the order read.
///
/// The keys each record may have are its `RecordSchema`'s (CatalogDocument+Schema.swift), which the
/// writer writes from; each record is read by one function that asks for its fields in that order, and
/// asking for a key the schema does not list traps at once (`JSONObjectReader`), so the reader can ask
/// only for what the writer writes.
///
/// The reader works on a `JSONTape`: records are read straight from the parsed bytes, and the JSON path
/// of a problem is worked out from the tape when it is reported, never made for every record.
enum CatalogDocumentReader {
    static let rootKeys = JSONObjectReader.Keys(CatalogDocument.members.map(\.key))

    static func read(_ tape: JSONTapeView) throws(CatalogDocumentError) -> CatalogDocument {
        try refuseSecretKeys(in: tape)
        let root = JSONNode(tape: tape, index: 0)
        try checkSchemaVersion(of: root)
        var object = try JSONObjectReader(root, keys: rootKeys)
        _ = try object.value(CatalogKey.schemaVersion)
        let name = try object.readNullable(CatalogKey.name, CatalogField.string)
        let defaultCurrency = try object.readNullable(CatalogKey.defaultCurrency, CatalogField.currency)
        let (metrics, metricPositions) = try records(CatalogKey.metrics, of: &object, read: readMetric)
        let (features, featurePositions) = try records(CatalogKey.features, of: &object, read: readFeature)
        var featureTypes = FeatureTypeLookup(features)
        let (plans, planPositions) = try records(CatalogKey.plans, of: &object) {
            (node) throws(CatalogDocumentError) in try readPlan(node, featureTypes: &featureTypes)
        }
        let (prices, pricePositions) = try records(CatalogKey.prices, of: &object, read: readPrice)
        let document = CatalogDocument(
            name: name,
            defaultCurrency: defaultCurrency,
            metrics: metrics,
            features: features,
            plans: plans,
            prices: prices,
            creditDefinitions: try records(CatalogKey.creditDefinitions, of: &object, read: readCreditDefinition).records,
            pricingTables: try records(CatalogKey.pricingTables, of: &object, read: readPricingTable).records,
            quotes: try records(CatalogKey.quotes, of: &object, read: readQuote).records)
        try checkConsistency(of: document)
        try checkReferences(in: document, lookup: References(
            metrics: RecordLookup(metrics, positions: metricPositions),
            features: RecordLookup(features, positions: featurePositions),
            plans: RecordLookup(plans, positions: planPositions),
            prices: RecordLookup(prices, positions: pricePositions)))
        return document
    }

    /// The version is checked before anything else, so that a file from a newer plancat is refused for
    /// its version rather than for the first key this one does not know.
    private static func checkSchemaVersion(of root: JSONNode) throws(CatalogDocumentError) {
        guard root.kind == .object else {
            throw CatalogDocumentError(path: "$", message: "expected an object, found \(CatalogField.described(root.value))")
        }
        var object = JSONObjectReader(unchecked: root)
        guard let version = object.valueIfPresent(CatalogKey.schemaVersion) else {
            throw CatalogDocumentError(path: "$", message: "missing key `schemaVersion`")
        }
        let number: ExactDecimal
        do {
            number = try CatalogField.number(version)
        } catch {
            throw CatalogDocumentError(path: "$.\(CatalogKey.schemaVersion)", message: error.text)
        }
        guard number == ExactDecimal(CatalogDocument.schemaVersion) else {
            throw CatalogDocumentError(
                path: "$.\(CatalogKey.schemaVersion)",
                message: "unsupported schemaVersion \(CatalogField.shown(version.value)); "
                    + "this plancat reads version \(CatalogDocument.schemaVersion)")
        }
    }

    /// A top-level array of records, each read by `read`, refusing an id (or slug) that an earlier record
    /// already has; with each record's position by id, for the references to other records.
    private static func records<Record: CatalogRecord>(
        _ key: StaticString, of object: inout JSONObjectReader,
        read: (JSONNode) throws(CatalogDocumentError) -> Record
    ) throws(CatalogDocumentError) -> (records: [Record], positions: [String: Int]) {
        let idKey = Record.schema.identityKey ?? CatalogKey.id
        let elements = try object.array(key)
        var records: [Record] = []
        records.reserveCapacity(elements.count)
        var firstIndexByID: [String: Int] = [:]
        firstIndexByID.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let record = try read(element)
            let identifier = record.recordID
            if let first = firstIndexByID.updateValue(index, forKey: identifier) {
                let arrayPath = object.path(of: key)
                throw CatalogDocumentError(
                    path: "\(arrayPath)[\(index)].\(idKey)",
                    message: "duplicate \(idKey) \(JSONText.shown(identifier)) (first at \(arrayPath)[\(first)])")
            }
            records.append(record)
        }
        return (records, firstIndexByID)
    }

    // MARK: Metrics, features, plans

    static let metricKeys = CatalogDocument.Metric.schema.readerKeys
    static let aggregations = CatalogField.oneOf(Aggregation.allCases.map { (name: $0.lumenName, value: $0) })
    static let valueTypes = CatalogField.oneOf(MetricValueType.allCases.map { (name: $0.lumenName, value: $0) })
    static let queryType = CatalogField.constant(CatalogDocument.Metric.queryType)

    static func readMetric(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.Metric {
        var object = try JSONObjectReader(node, keys: metricKeys)
        let id = try object.read(CatalogKey.id, CatalogField.identifier)
        let name = try object.read(CatalogKey.name, CatalogField.string)
        let description = try object.readNullable(CatalogKey.description, CatalogField.string)
        let eventName = try object.read(CatalogKey.eventName, CatalogField.string)
        _ = try object.read(CatalogKey.queryType, queryType)
        return CatalogDocument.Metric(
            id: id, name: name, description: description, eventName: eventName,
            aggregation: try object.read(CatalogKey.aggregationType, aggregations),
            valueType: try object.read(CatalogKey.valueType, valueTypes))
    }

    static let featureKeys = CatalogDocument.Feature.schema.readerKeys
    static let featureTypes = CatalogField.oneOf(FeatureType.allCases.map { (name: $0.rawValue, value: $0) })

    static func readFeature(_ node: JSONNode) throws(CatalogDocumentError) -> CatalogDocument.Feature {
        var object = try JSONObjectReader(node, keys: featureKeys)
        return CatalogDocument.Feature(
            slug: try object.read(CatalogKey.slug, CatalogField.identifier),
            displayName: try object.read(CatalogKey.displayName, CatalogField.string),
            description: try object.readNullable(CatalogKey.description, CatalogField.string),
            featureType: try object.read(CatalogKey.featureType, featureTypes),
            unitLabel: try object.readNullable(CatalogKey.unitLabel, CatalogField.string),
            metricIDs: try object.strings(CatalogKey.metricIds, CatalogField.identifier))
    }

    static let planKeys = CatalogDocument.Plan.schema.readerKeys
    static let trialDays = CatalogField.wholeNumber(in: TrialChecks.dayRange)
    static let grantedFeatureKeys = CatalogDocument.GrantedFeature.schema.readerKeys

    static func readPlan(_ node: JSONNode,
                         featureTypes: inout FeatureTypeLookup) throws(CatalogDocumentError) -> CatalogDocument.Plan {
        var object = try JSONObjectReader(node, keys: planKeys)
        return CatalogDocument.Plan(
            id: try object.read(CatalogKey.id, CatalogField.identifier),
            planName: try object.read(CatalogKey.planName, CatalogField.string),
            planDescription: try object.readNullable(CatalogKey.planDescription, CatalogField.string),
            isFree: try object.read(CatalogKey.isFree, CatalogField.bool),
            isTrialPlan: try object.read(CatalogKey.isTrialPlan, CatalogField.bool),
            trialParentPlanID: try object.readNullable(CatalogKey.trialParentPlanId, CatalogField.identifier),
            trialDays: try object.readNullable(CatalogKey.trialDays, trialDays),
            isVisibleInPricingTable: try object.read(CatalogKey.isVisibleInPricingTable, CatalogField.bool),
            features: try readGrantedFeatures(of: &object, featureTypes: &featureTypes),
            priceIDs: try object.strings(CatalogKey.priceIds, CatalogField.identifier))
    }

    /// A plan's `features`: each slug must name a feature, once, and its `featureValue` is read by that
    /// feature's type (a text feature's value may well be the word "unlimited").
    private static func readGrantedFeatures(
        of plan: inout JSONObjectReader, featureTypes: inout FeatureTypeLookup
    ) throws(CatalogDocumentError) -> [CatalogDocument.GrantedFeature] {
        let elements = try plan.array(CatalogKey.features)
        var granted: [CatalogDocument.GrantedFeature] = []
        granted.reserveCapacity(elements.count)
        for element in elements {
            var object = try JSONObjectReader(element, keys: grantedFeatureKeys)
            let slugNode = try object.value(CatalogKey.slug)
            guard slugNode.kind == .string, slugNode.length > 0, let (slug, type) = featureTypes.find(slugNode.bytes) else {
                // Not a non-empty string (refused as such), or no feature's slug.
                let slug = try object.read(CatalogKey.slug, CatalogField.identifier)
                throw CatalogDocumentError(path: object.path(of: CatalogKey.slug),
                                           message: "no feature with slug \(JSONText.shown(slug))"
                                               + suggestion(for: slug, among: featureTypes.slugs.sorted()))
            }
            // A plan grants a handful of features: a linear search for a repeated one.
            if let first = granted.firstIndex(where: { $0.slug == slug }) {
                throw CatalogDocumentError(
                    path: object.path(of: CatalogKey.slug),
                    message: "duplicate feature \(JSONText.shown(slug)) (first at \(plan.path(of: CatalogKey.features))[\(first)])")
            }
            let valueNode = try object.value(CatalogKey.featureValue)
            do {
                granted.append(CatalogDocument.GrantedFeature(slug: slug, value: try featureValue(valueNode, of: type, slug: slug)))
            } catch {
                throw CatalogDocumentError(path: object.path(of: CatalogKey.featureValue), message: error.text)
            }
        }
        return granted
    }

    /// `true` for a boolean feature, a limit or `"unlimited"` for a number, any string for text, and
    /// `"usage_based"` for usage.
    private static func featureValue(_ node: JSONNode, of type: FeatureType,
                                     slug: String) throws(CatalogField.Problem) -> CatalogDocument.FeatureValue {
        switch (type, node.kind) {
        case (.boolean, .true): return .enabled
        case (.number, .number): return .limit(try CatalogField.nonNegativeNumber(node))
        case (.number, .string) where node.bytesEqual(unlimitedMarker): return .unlimited
        case (.text, .string): return .text(node.string)
        case (.usage, .string) where node.bytesEqual(usageBasedMarker): return .usageBased
        default: break
        }
        let expected = switch type {
        case .boolean: "true"
        case .number: "a non-negative number or \(JSONText.shown(CatalogDocument.FeatureValue.unlimitedMarker))"
        case .text: "a string"
        case .usage: JSONText.shown(CatalogDocument.FeatureValue.usageBasedMarker)
        }
        throw .mismatch(expected: "\(expected) for \(type.rawValue) feature \(JSONText.shown(slug))",
                        found: CatalogField.describedOrShown(node.value))
    }

    private static let unlimitedMarker = Array(CatalogDocument.FeatureValue.unlimitedMarker.utf8)
    private static let usageBasedMarker = Array(CatalogDocument.FeatureValue.usageBasedMarker.utf8)

    /// `; did you mean "plan_pro"?`, or nothing.
    static func suggestion(for name: String, among candidates: some Sequence<String>) -> String {
        Suggestion.closest(to: name, among: candidates).map { "; did you mean \(JSONText.shown($0))?" } ?? ""
    }
}
