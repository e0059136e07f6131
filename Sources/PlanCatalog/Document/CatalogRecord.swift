/// A record of one of catalog.json's top-level arrays: how `build` writes it, `diff` and `import` read
/// and match it, and `diff` classifies its changes — all from its `schema`.
protocol CatalogRecord: Equatable, Sendable {
    /// The kind of Lumen object the record is, as the differ names it.
    static var kind: CatalogDiff.Kind { get }
    static var schema: RecordSchema<Self> { get }
    /// The id (slug for features and pricing tables) that matches the record with its counterpart.
    var recordID: String { get }
    /// The override price a quote applies; nil for other kinds.
    var appliedPriceID: String? { get }
}

extension CatalogRecord {
    var appliedPriceID: String? { nil }

    func write(to stream: inout JSONWriter.Stream) {
        Self.schema.write(self, to: &stream)
    }

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
