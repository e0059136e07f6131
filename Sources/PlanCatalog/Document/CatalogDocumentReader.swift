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
/// Each record is read by one function that lists its fields in OUTPUT.md's order, so the reader can be
/// checked against the writer (`CatalogDocument+JSON.swift`) line by line.
enum CatalogDocumentReader {
    static let rootKeys = [
        "schemaVersion", "name", "defaultCurrency", "metrics", "features", "plans", "prices",
        "creditDefinitions", "pricingTables", "quotes",
    ]

    static func read(_ root: JSONValue) throws(CatalogDocumentError) -> CatalogDocument {
        try refuseSecretKeys(in: root, at: "$")
        try checkSchemaVersion(of: root)
        var object = try JSONObjectReader(root, at: "$", keys: rootKeys)
        _ = try object.value("schemaVersion")
        let name = try object.readNullable("name", CatalogField.string)
        let defaultCurrency = try object.readNullable("defaultCurrency", CatalogField.currency)
        let metrics = try records("metrics", of: &object, identifiedBy: "id", \.id, read: readMetric)
        let features = try records("features", of: &object, identifiedBy: "slug", \.slug, read: readFeature)
        var featureTypes: [String: FeatureType] = [:]
        for feature in features { featureTypes[feature.slug] = feature.featureType }
        let plans = try records("plans", of: &object, identifiedBy: "id", \.id) {
            (value, path) throws(CatalogDocumentError) in try readPlan(value, at: path, featureTypes: featureTypes)
        }
        let document = CatalogDocument(
            name: name,
            defaultCurrency: defaultCurrency,
            metrics: metrics,
            features: features,
            plans: plans,
            prices: try records("prices", of: &object, identifiedBy: "id", \.id, read: readPrice),
            creditDefinitions: try records("creditDefinitions", of: &object, identifiedBy: "id", \.id,
                                           read: readCreditDefinition),
            pricingTables: try records("pricingTables", of: &object, identifiedBy: "slug", \.slug,
                                       read: readPricingTable),
            quotes: try records("quotes", of: &object, identifiedBy: "id", \.id, read: readQuote))
        try checkConsistency(of: document)
        try checkReferences(in: document)
        return document
    }

    /// The version is checked before anything else, so that a file from a newer plancat is refused for
    /// its version rather than for the first key this one does not know.
    private static func checkSchemaVersion(of root: JSONValue) throws(CatalogDocumentError) {
        guard case .object = root else {
            throw CatalogDocumentError(path: "$", message: "expected an object, found \(CatalogField.described(root))")
        }
        guard let version = root["schemaVersion"] else {
            throw CatalogDocumentError(path: "$", message: "missing key `schemaVersion`")
        }
        let number: ExactDecimal
        do {
            number = try CatalogField.number(version)
        } catch {
            throw CatalogDocumentError(path: "$.schemaVersion", message: error.text)
        }
        guard number == ExactDecimal(CatalogDocument.schemaVersion) else {
            throw CatalogDocumentError(
                path: "$.schemaVersion",
                message: "unsupported schemaVersion \(CatalogField.shown(version)); "
                    + "this plancat reads version \(CatalogDocument.schemaVersion)")
        }
    }

    /// A top-level array of records, each read by `read` at its path, refusing an id (or slug) that an
    /// earlier record already has.
    private static func records<Record>(
        _ key: String, of object: inout JSONObjectReader, identifiedBy idKey: String, _ id: KeyPath<Record, String>,
        read: (JSONValue, String) throws(CatalogDocumentError) -> Record
    ) throws(CatalogDocumentError) -> [Record] {
        let (elements, arrayPath) = try object.array(key)
        var records: [Record] = []
        records.reserveCapacity(elements.count)
        var firstIndexByID: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let path = "\(arrayPath)[\(index)]"
            let record = try read(element, path)
            let identifier = record[keyPath: id]
            if let first = firstIndexByID.updateValue(index, forKey: identifier) {
                throw CatalogDocumentError(
                    path: "\(path).\(idKey)",
                    message: "duplicate \(idKey) \(JSONText.quoted(identifier)) (first at \(arrayPath)[\(first)])")
            }
            records.append(record)
        }
        return records
    }

    // MARK: Metrics, features, plans

    static let metricKeys = ["id", "name", "description", "eventName", "queryType", "aggregationType", "valueType"]
    static let aggregations = Aggregation.allCases.map { (name: $0.lumenName, value: $0) }
    static let valueTypes = MetricValueType.allCases.map { (name: $0.lumenName, value: $0) }

    static func readMetric(_ value: JSONValue, at path: String) throws(CatalogDocumentError) -> CatalogDocument.Metric {
        var object = try JSONObjectReader(value, at: path, keys: metricKeys)
        let id = try object.read("id", CatalogField.identifier)
        let name = try object.read("name", CatalogField.string)
        let description = try object.readNullable("description", CatalogField.string)
        let eventName = try object.read("eventName", CatalogField.string)
        _ = try object.read("queryType", CatalogField.constant(CatalogDocument.Metric.queryType))
        return CatalogDocument.Metric(
            id: id, name: name, description: description, eventName: eventName,
            aggregation: try object.read("aggregationType", CatalogField.oneOf(aggregations)),
            valueType: try object.read("valueType", CatalogField.oneOf(valueTypes)))
    }

    static let featureKeys = ["slug", "displayName", "description", "featureType", "unitLabel", "metricIds"]
    static let featureTypes = FeatureType.allCases.map { (name: $0.rawValue, value: $0) }

    static func readFeature(_ value: JSONValue, at path: String) throws(CatalogDocumentError) -> CatalogDocument.Feature {
        var object = try JSONObjectReader(value, at: path, keys: featureKeys)
        return CatalogDocument.Feature(
            slug: try object.read("slug", CatalogField.identifier),
            displayName: try object.read("displayName", CatalogField.string),
            description: try object.readNullable("description", CatalogField.string),
            featureType: try object.read("featureType", CatalogField.oneOf(featureTypes)),
            unitLabel: try object.readNullable("unitLabel", CatalogField.string),
            metricIDs: try object.strings("metricIds", CatalogField.identifier))
    }

    static let planKeys = [
        "id", "planName", "planDescription", "isFree", "isTrialPlan", "trialParentPlanId", "trialDays",
        "isVisibleInPricingTable", "features", "priceIds",
    ]

    static func readPlan(_ value: JSONValue, at path: String,
                         featureTypes: [String: FeatureType]) throws(CatalogDocumentError) -> CatalogDocument.Plan {
        var object = try JSONObjectReader(value, at: path, keys: planKeys)
        return CatalogDocument.Plan(
            id: try object.read("id", CatalogField.identifier),
            planName: try object.read("planName", CatalogField.string),
            planDescription: try object.readNullable("planDescription", CatalogField.string),
            isFree: try object.read("isFree", CatalogField.bool),
            isTrialPlan: try object.read("isTrialPlan", CatalogField.bool),
            trialParentPlanID: try object.readNullable("trialParentPlanId", CatalogField.identifier),
            trialDays: try object.readNullable("trialDays", CatalogField.wholeNumber(in: TrialChecks.dayRange)),
            isVisibleInPricingTable: try object.read("isVisibleInPricingTable", CatalogField.bool),
            features: try readGrantedFeatures(of: &object, featureTypes: featureTypes),
            priceIDs: try object.strings("priceIds", CatalogField.identifier))
    }

    /// A plan's `features`: each slug must name a feature, once, and its `featureValue` is read by that
    /// feature's type (a text feature's value may well be the word "unlimited").
    private static func readGrantedFeatures(
        of plan: inout JSONObjectReader, featureTypes: [String: FeatureType]
    ) throws(CatalogDocumentError) -> [CatalogDocument.GrantedFeature] {
        let (elements, arrayPath) = try plan.array("features")
        var granted: [CatalogDocument.GrantedFeature] = []
        var firstIndexBySlug: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            var object = try JSONObjectReader(element, at: "\(arrayPath)[\(index)]", keys: ["slug", "featureValue"])
            let slug = try object.read("slug", CatalogField.identifier)
            guard let type = featureTypes[slug] else {
                throw CatalogDocumentError(path: object.path(of: "slug"),
                                           message: "no feature with slug \(JSONText.quoted(slug))"
                                               + suggestion(for: slug, among: featureTypes.keys.sorted()))
            }
            if let first = firstIndexBySlug.updateValue(index, forKey: slug) {
                throw CatalogDocumentError(
                    path: object.path(of: "slug"),
                    message: "duplicate feature \(JSONText.quoted(slug)) (first at \(arrayPath)[\(first)])")
            }
            let value = try object.read("featureValue", featureValue(of: type, slug: slug))
            granted.append(CatalogDocument.GrantedFeature(slug: slug, value: value))
        }
        return granted
    }

    /// `true` for a boolean feature, a limit or `"unlimited"` for a number, any string for text, and
    /// `"usage_based"` for usage.
    private static func featureValue(of type: FeatureType,
                                     slug: String) -> CatalogField.Decoder<CatalogDocument.FeatureValue> {
        { (value: JSONValue) throws(CatalogField.Problem) -> CatalogDocument.FeatureValue in
            switch (type, value) {
            case (.boolean, .bool(true)): return .enabled
            case (.number, .number): return .limit(try CatalogField.nonNegativeNumber(value))
            case (.number, .string(CatalogDocument.FeatureValue.unlimitedMarker)): return .unlimited
            case (.text, .string(let text)): return .text(text)
            case (.usage, .string(CatalogDocument.FeatureValue.usageBasedMarker)): return .usageBased
            default: break
            }
            let expected = switch type {
            case .boolean: "true"
            case .number: "a non-negative number or \(JSONText.quoted(CatalogDocument.FeatureValue.unlimitedMarker))"
            case .text: "a string"
            case .usage: JSONText.quoted(CatalogDocument.FeatureValue.usageBasedMarker)
            }
            throw .mismatch(expected: "\(expected) for \(type.rawValue) feature \(JSONText.quoted(slug))",
                            found: CatalogField.describedOrShown(value))
        }
    }

    /// `; did you mean "plan_pro"?`, or nothing.
    static func suggestion(for name: String, among candidates: some Sequence<String>) -> String {
        Suggestion.closest(to: name, among: candidates).map { "; did you mean \(JSONText.quoted($0))?" } ?? ""
    }
}
