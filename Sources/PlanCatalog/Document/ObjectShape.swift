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
