/// What each field of each kind means to Lumen when it changes (OUTPUT.md's table): edited in place
/// (`update`), a new plan version (`newVersion`), or a new object in place of the old (`replace`).
///
/// The actions are the records' own: each field's `FieldRole` in its `RecordSchema`
/// (CatalogDocument+Schema.swift), where its key is written and read. A field not in a schema — a key a
/// later schema adds before this plancat learns it — counts as a replace: the differ never calls a
/// change harmless that it does not understand.
enum ChangeClassification {
    /// The action a changed top-level field of a kind calls for.
    static func action(for field: String, of kind: CatalogDiff.Kind) -> CatalogDiff.Action {
        tables[kind.position][field] ?? .replace
    }

    /// The most severe action of several: replace > new-version > update.
    static func mostSevere(_ actions: [CatalogDiff.Action]) -> CatalogDiff.Action? {
        actions.max { severity($0) < severity($1) }
    }

    /// The order of `mostSevere`; create and archive never compete with the others.
    static func severity(_ action: CatalogDiff.Action) -> Int {
        switch action {
        case .update: 0
        case .newVersion: 1
        case .replace: 2
        case .create: 3
        case .archive: 4
        }
    }

    /// Per kind, by `Kind.position`: the action of each top-level field its schema classifies.
    private static let tables: [[String: CatalogDiff.Action]] = CatalogDiff.Kind.allCases.map { kind in
        kind.recordShape.roles.compactMapValues(\.action)
    }
}
