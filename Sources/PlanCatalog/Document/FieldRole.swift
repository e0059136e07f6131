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
