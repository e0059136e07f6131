/// The Lumen API calls that take the deployed catalog to the source (Docs/Diff.md, "Operations").
///
/// Every change gives the calls that bring its object into being or up to date — in the changes' order,
/// so kinds in dependency order (a price's plan exists before the price, a quote's price before the
/// override) — and possibly a call that retires the deployed object: an archive, or the old object of a
/// replace. Those come last, in reverse dependency order, so nothing is retired while something still
/// refers to it. Objects are named by their catalog ids; mapping them to Lumen's ids is the deploy step's job.
extension CatalogDiff {
    static func operations(for records: [ComparedRecord]) -> [Operation] {
        var applying: [Operation] = []
        var retiring: [(kind: Kind, id: String, order: Int, operation: Operation)] = []
        for record in records {
            let steps = OperationSteps(record: record)
            applying += steps.applying
            for operation in steps.retiring {
                retiring.append((record.kind, record.id, retiring.count, operation))
            }
        }
        let ordered = retiring.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return lhs.kind > rhs.kind }
            if lhs.id != rhs.id { return precedesInByteOrder(lhs.id, rhs.id) }
            return lhs.order < rhs.order
        }
        return applying + ordered.map(\.operation)
    }
}

/// The operations of one change: those that apply it, and those that retire the deployed object.
struct OperationSteps {
    var applying: [CatalogDiff.Operation] = []
    var retiring: [CatalogDiff.Operation] = []
    let record: ComparedRecord

    init(record: ComparedRecord) {
        self.record = record
        switch record.kind {
        case .metric: addMetricSteps()
        case .feature: addFeatureSteps()
        case .plan: addPlanSteps()
        case .price: addPriceSteps()
        case .creditDefinition: addCreditSteps()
        case .pricingTable: addPricingTableSteps()
        case .quote: addQuoteSteps()
        }
    }

    var id: String { record.id }
    var escapedID: String { Self.pathSegment(record.id) }

    // MARK: - Per kind

    private mutating func addMetricSteps() {
        addStandardSteps(create: "/v1/metrics", update: ("POST", "/v1/metrics/\(escapedID)/update"),
                         delete: ("POST", "/v1/metrics/\(escapedID)/delete"))
    }

    private mutating func addFeatureSteps() {
        addStandardSteps(create: "/v1/features", update: ("PUT", "/v1/features/\(escapedID)"),
                         delete: ("DELETE", "/v1/features/\(escapedID)"))
    }

    private mutating func addPricingTableSteps() {
        addStandardSteps(create: "/v1/pricing-tables", update: ("POST", "/v1/pricing-tables/\(escapedID)"),
                         delete: ("DELETE", "/v1/pricing-tables/\(escapedID)"))
    }

    private mutating func addPlanSteps() {
        let path = "/v1/plans/\(escapedID)?isStableId=true"
        switch record.action {
        case .update:
            applying.append(.init(method: "POST", path: path, body: changedFieldsBody(),
                                  description: "update plan \(id) in place"))
        case .newVersion:
            var body = changedFieldsBody(including: [CatalogKey.features, CatalogKey.priceIds])
            if case .object(var members) = body {
                members.append(.init("commitMessage", .string(record.change.reason)))
                body = .object(members)
            }
            applying.append(.init(method: "POST", path: path, body: body, description: "make a new version of plan \(id)"))
        default:
            addStandardSteps(create: "/v1/plans", update: nil, delete: nil)
        }
    }

    private mutating func addPriceSteps() {
        addStandardSteps(create: "/v1/prices", update: nil, delete: nil)
    }

    private mutating func addCreditSteps() {
        if record.action == .update {
            applying.append(.manualStep(
                "change credit definition \(id) by hand to the values in the body: Lumen's API has no call to "
                    + "edit a credit definition", body: changedFieldsBody()))
        } else {
            addStandardSteps(create: "/v1/credits/definitions", update: nil, delete: nil)
        }
    }

    /// Creates, updates and deletes where Lumen has the call; a manual step where it has none.
    private mutating func addStandardSteps(create createPath: String, update: (method: String, path: String)?,
                                           delete: (method: String, path: String)?) {
        let noun = "\(record.kind.displayName) \(id)"
        switch record.action {
        case .create:
            applying.append(.init(method: "POST", path: createPath, body: record.source, description: "create \(noun)"))
        case .replace:
            applying.append(.init(method: "POST", path: createPath, body: record.source,
                                  description: "create the new \(noun) in place of the deployed one"))
            retiring.append(retirement(delete, description: "the deployed \(noun) (replaced by the new one)"))
        case .update, .newVersion:
            if let update {
                applying.append(.init(method: update.method, path: update.path, body: changedFieldsBody(),
                                      description: "update \(noun) in place"))
            } else {
                applying.append(.manualStep("update \(noun) by hand to the values in the body: Lumen's API has no call for it",
                                        body: changedFieldsBody()))
            }
        case .archive:
            retiring.append(retirement(delete, description: noun))
        }
    }

    /// A delete call, or a manual archive when Lumen's API has none (plans, prices, credit definitions).
    private func retirement(_ delete: (method: String, path: String)?, description object: String) -> CatalogDiff.Operation {
        if let delete {
            return .init(method: delete.method, path: delete.path, body: nil, description: "delete \(object)")
        }
        let verb = record.kind == .creditDefinition ? "retire" : "archive"
        return .manualStep("\(verb) \(object) in Lumen's dashboard: Lumen's API has no call to \(verb) a "
                       + "\(record.kind.displayName)", body: nil)
    }

    // MARK: - Bodies and paths

    /// The source's values of the changed top-level fields (and `extra` ones), in the record's key order.
    func changedFieldsBody(including extra: [StaticString] = []) -> JSONValue {
        let fields = record.changedTopLevelFields + extra.map { "\(ComparedRecord.checked($0, of: record.kind))" }
        guard case .object(let members)? = record.source else { return .object([]) }
        return .object(members.filter { fields.contains($0.key) })
    }

    /// A path segment with every byte outside RFC 3986's unreserved set percent-encoded, so that an id or
    /// subscription id with a slash or a space cannot change the path it is put in.
    static func pathSegment(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let isUnreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            if isUnreserved {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

extension CatalogDiff.Operation {
    /// A step Lumen's API has no call for.
    static func manualStep(_ description: String, body: JSONValue?) -> CatalogDiff.Operation {
        Self(method: Self.manual, path: nil, body: body, description: description)
    }
}
