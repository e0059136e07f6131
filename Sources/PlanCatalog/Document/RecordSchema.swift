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

/// One key of a catalog.json object.
struct RecordField<Object>: Sendable {
    /// Writes the member `key` of `object` — or nothing, for a key the object leaves out when unset
    /// (`pricingData` components). The key is handed in so that it is spelt only in the field.
    typealias Writer = @Sendable (_ object: Object, _ key: StaticString, _ stream: inout JSONWriter.Stream) -> Void

    let key: StaticString
    let role: FieldRole
    let write: Writer
    /// The object, or the items of the array, held under this key, where they have keys of their own.
    let nested: (@Sendable () -> ObjectShape)?

    init(_ key: StaticString, _ role: FieldRole, nested: (@Sendable () -> ObjectShape)? = nil, write: @escaping Writer) {
        self.key = key
        self.role = role
        self.nested = nested
        self.write = write
    }
}

/// What a field is to the differ.
enum FieldRole: Equatable, Sendable {
    /// The key the object is matched by (a record by id or slug, an array item by its id key): two
    /// matched objects never differ in it.
    case identity
    /// A top-level field of a record, with the action a change of it calls for (OUTPUT.md's table).
    case changes(CatalogDiff.Action)
    /// A field of a nested object or array item: a change of it is a change of the top-level field
    /// that holds it, classified as that field.
    case partOfField

    /// The action of a changed top-level field; nil for the other roles.
    var action: CatalogDiff.Action? {
        if case .changes(let action) = self { action } else { nil }
    }
}

/// A `RecordSchema` without its Swift type: what the differ, the fuzz dictionary and the tests walk.
struct ObjectShape: Sendable {
    let keys: [String]
    let identityKey: String?
    let roles: [String: FieldRole]
    /// The objects held under some keys, by key.
    let nested: [(key: String, shape: ObjectShape)]

    /// Every key of the object and of the objects nested in it.
    var allKeys: [String] { keys + nested.flatMap(\.shape.allKeys) }
}

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
