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
