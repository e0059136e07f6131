/// One object of the catalog as the differ sees it while it works: its values on each side, what differs,
/// and why the action is what it is. A `CatalogDiff.Change` is its public face; the operations are built
/// from it too, because they need the records themselves (a create's body is the source record).
struct ComparedRecord {
    /// A price of a plan that is created, replaced or archived: it makes the plan a new version even when
    /// `priceIds` reads the same (a replaced price keeps its catalog id).
    struct PriceEvent: Equatable {
        let priceID: String
        /// `.create`, `.replace` or `.archive`.
        let action: CatalogDiff.Action
    }

    let kind: CatalogDiff.Kind
    let id: String
    /// Nil for a create.
    let deployed: JSONValue?
    /// Nil for an archive.
    let source: JSONValue?
    /// The differing fields of a matched pair; for a create, every leaf of the new record.
    let fields: [CatalogDiff.FieldChange]
    var action: CatalogDiff.Action
    /// The top-level fields that decided the action (those of the most severe class), in key order.
    var decidingFields: [String]
    /// A plan's prices that make it a new version; a quote's override price that makes it a replace.
    var priceEvents: [PriceEvent] = []

    /// The top-level field a path starts with: `pricingData` of `pricingData.components[comp_base].label`.
    static func topLevelField(of path: String) -> String {
        String(path.prefix { $0 != "." && $0 != "[" })
    }

    /// The top-level fields that differ, once each, in key order.
    var changedTopLevelFields: [String] {
        var result: [String] = []
        for field in fields.map({ Self.topLevelField(of: $0.path) }) where !result.contains(field) {
            result.append(field)
        }
        return result
    }

    /// The source's value of a top-level field (nil for an archive or a missing key).
    func sourceValue(of field: StaticString) -> JSONValue? {
        source?[key: Self.checked(field, of: kind)]
    }

    /// The deployed value of a top-level field.
    func deployedValue(of field: StaticString) -> JSONValue? {
        deployed?[key: Self.checked(field, of: kind)]
    }

    /// Whether a top-level field is among the changed ones.
    func hasChanged(_ field: StaticString) -> Bool {
        changedTopLevelFields.contains("\(Self.checked(field, of: kind))")
    }

    /// `field`, once debug builds have checked that it is a key of the kind's schema: a field asked for by
    /// the key of another kind would read as absent, so debug builds trap instead.
    static func checked(_ field: StaticString, of kind: CatalogDiff.Kind) -> StaticString {
        assert(fieldKeys[kind.position].contains("\(field)"), "\(field) is not a key of a \(kind.displayName)")
        return field
    }

    private static let fieldKeys = CatalogDiff.Kind.allCases.map { Set($0.recordShape.keys) }

    var change: CatalogDiff.Change {
        CatalogDiff.Change(kind: kind, id: id, action: action, reason: ChangeReason.text(for: self), fields: fields,
                           denominations: .of(kind, deployed: deployed, source: source))
    }
}
