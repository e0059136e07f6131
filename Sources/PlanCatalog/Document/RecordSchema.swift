/// One kind of catalog.json object described once: its keys in OUTPUT.md's order, how each is written,
/// which key identifies it, and what a change of each field means to Lumen. Everything else that names
/// a key is derived from it:
///
/// - the writer (`write(_:to:)`) runs the fields in order, so `build` writes exactly these keys;
/// - the reader accepts exactly `keys` (`JSONObjectReader.Keys`), and asking it for a key not listed here
///   traps at once, so a misspelt read cannot go unnoticed;
/// - the differ classifies a changed top-level field by its `FieldRole` (`ChangeClassification`) and
///   matches array items by their `identityKey` (`FieldComparison`);
/// - the fuzz dictionary lists every key of `CatalogDocument.allKeys`, checked current by a test.
///
/// A table of closures rather than Codable or reflection: writing is the hot path of `build` (a catalog
/// of 100,000 plans is hundreds of megabytes of JSON), and a closure per field writes straight into the
/// stream with the record borrowed, as the hand-written writers did. The record types are the seven
/// `CatalogRecord`s and the objects nested in them (a price's `pricingData` and components, a plan's
/// granted features, a table's rows).
struct RecordSchema<Object>: Sendable {
    let fields: [RecordField<Object>]
    /// The keys, for the reader: made once, since every reader of this kind of object shares them.
    let readerKeys: JSONObjectReader.Keys

    init(_ fields: [RecordField<Object>]) {
        precondition(Set(fields.map { "\($0.key)" }).count == fields.count, "a key is listed twice")
        precondition(fields.count(where: { $0.role == .identity }) <= 1, "an object has one identity key")
        self.fields = fields
        self.readerKeys = JSONObjectReader.Keys(fields.map(\.key))
    }

    /// The keys in writing order.
    var keys: [StaticString] { fields.map(\.key) }

    /// The key that identifies the object among its kind (`id`, `slug`), or an item within its array
    /// (`component_id`, `planId`); nil for an object that is not matched by a key (`pricingData`).
    var identityKey: StaticString? { fields.first { $0.role == .identity }?.key }

    /// The object as a JSON object, each field in turn.
    func write(_ object: Object, to stream: inout JSONWriter.Stream) {
        stream.beginObject()
        // Through the buffer, so that each field (and its closure) is used where it is, not copied out.
        fields.withUnsafeBufferPointer { fields in
            for index in fields.indices {
                fields[index].write(object, fields[index].key, &stream)
            }
        }
        stream.endObject()
    }

    /// The shape of the object without its Swift type: its keys and the objects nested under them.
    var shape: ObjectShape {
        ObjectShape(keys: keys.map { "\($0)" }, identityKey: identityKey.map { "\($0)" },
                    roles: Dictionary(uniqueKeysWithValues: fields.map { ("\($0.key)", $0.role) }),
                    nested: fields.compactMap { field in field.nested.map { ("\(field.key)", $0()) } })
    }
}
