/// catalog.json's bytes: every key of OUTPUT.md in its order, `null` where a value is unset, components
/// without their unset keys. `CatalogDocument(json:)` reads exactly this back.
///
/// Each record is written straight into bytes by its `RecordSchema` (CatalogDocument+Schema.swift), which
/// `build` writes — a large catalog's file is hundreds of megabytes, too many to go through a tree of
/// values first. Its `JSONValue`, which `diff` and `import` compare field by field, is those bytes read
/// back.
extension CatalogDocument {
    /// The document as catalog.json's JSON value: its bytes read back.
    public var jsonValue: JSONValue {
        // The writer makes JSON by construction (EmitStreamTests).
        guard let value = try? JSONParser.parse(jsonBytes) else {
            preconditionFailure("catalog.json's written JSON does not read back")
        }
        return value
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
        for member in Self.members { member.write(self, member.key, &stream, betweenRecords) }
        stream.endObject()
    }

    /// One key of the document itself: its catalog-wide values and its top-level arrays of records.
    struct Member: Sendable {
        typealias Writer = @Sendable (CatalogDocument, StaticString, inout JSONWriter.Stream,
                                      JSONWriter.Stream.RecordBoundary) -> Void
        let key: StaticString
        /// The schema of the array's records; nil for a value.
        let records: (@Sendable () -> ObjectShape)?
        let write: Writer

        init(_ key: StaticString, write: @escaping Writer) {
            self.key = key
            self.records = nil
            self.write = write
        }

        init<Record: CatalogRecord>(_ key: StaticString, _ records: @escaping @Sendable (CatalogDocument) -> [Record]) {
            self.key = key
            self.records = { Record.schema.shape }
            self.write = { document, key, stream, betweenRecords in
                stream.member(key, records: records(document), betweenRecords)
            }
        }
    }

    /// The document's keys in OUTPUT.md's order, as written and as the reader accepts them.
    static let members: [Member] = [
        Member(CatalogKey.schemaVersion) { _, key, stream, _ in stream.member(key, number: schemaVersion) },
        Member(CatalogKey.name) { document, key, stream, _ in stream.member(key, string: document.name) },
        Member(CatalogKey.defaultCurrency) { document, key, stream, _ in stream.member(key, string: document.defaultCurrency) },
        Member(CatalogKey.metrics) { $0.metrics },
        Member(CatalogKey.features) { $0.features },
        Member(CatalogKey.plans) { $0.plans },
        Member(CatalogKey.prices) { $0.prices },
        Member(CatalogKey.creditDefinitions) { $0.creditDefinitions },
        Member(CatalogKey.pricingTables) { $0.pricingTables },
        Member(CatalogKey.quotes) { $0.quotes },
    ]

    /// Every key catalog.json can hold, at any depth, once each and sorted: the fuzz dictionary's keys.
    static var allKeys: [String] {
        let keys = members.flatMap { member in ["\(member.key)"] + (member.records?().allKeys ?? []) }
        return Set(keys).sorted()
    }
}

extension JSONWriter.Stream {
    /// `"name": [ … ]` of records, with `betweenRecords` after each.
    mutating func member<Record: CatalogRecord>(_ name: StaticString, records: [Record],
                                                _ betweenRecords: RecordBoundary) {
        key(name)
        beginArray()
        // Through the array's buffer, which lends each record where it is: `records[i]` and `for … in`
        // copy it, retaining and releasing every string of every record.
        records.withUnsafeBufferPointer { records in
            for index in records.indices {
                element()
                Record.schema.write(records[index], to: &self)
                betweenRecords(&self)
            }
        }
        endArray()
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
