/// A changed field as the text and Markdown renderings show it to a reviewer, worked out once for both
/// from a `CatalogDiff.FieldChange` (which stays catalog.json's values for the JSON rendering):
///
/// - money in the currency's own units: `$8.75 → $9.00 per seat per month` rather than `875 → 900`
///   (`CatalogDiff.Denominations`); the path stays catalog.json's (`amount_cents`), the one a reviewer
///   can find in the JSON and in Lumen;
/// - a list (bullets, `priceIds`, `metricIds`, an order of rows or components) item by item, with runs of
///   unchanged items counted rather than shown, so an added bullet in the middle of a long list is seen at
///   once and never cut;
/// - an item added or removed whole (a component, a row, a granted feature) as its leaves, like a created
///   record's, so its money reads as money too.
enum ShownField: Equatable {
    /// One value each side; nil for a side that does not exist.
    case value(path: String, from: ShownValue?, to: ShownValue?)
    /// A list, item by item.
    case list(path: String, lines: [ListLine])

    /// One line of a list's change.
    enum ListLine: Equatable {
        case removed(String)
        case added(String)
        /// A run of items that are the same on both sides.
        case unchanged(count: Int)
    }

    var path: String {
        switch self {
        case .value(let path, _, _), .list(let path, _): path
        }
    }

    /// A list whose one-line JSON is at most this long, created or removed whole, stays on one line.
    static let shortListLength = 80

    /// The fields of a change as shown, in the change's order.
    static func fields(of change: CatalogDiff.Change) -> [ShownField] {
        var shown: [ShownField] = []
        for field in change.fields {
            if let identityKey = itemIdentityKey(of: field.path) {
                switch (field.from, field.to) {
                case (nil, .object?), (.object?, nil):
                    let isAdded = field.from == nil
                    let item = (field.from ?? field.to)!
                    for leaf in FieldComparison.leaves(of: item, identityKey: identityKey) {
                        let leafField = CatalogDiff.FieldChange(path: field.path + "." + leaf.path,
                                                                from: isAdded ? nil : leaf.to, to: isAdded ? leaf.to : nil)
                        shown.append(self.field(leafField, denominations: change.denominations))
                    }
                    continue
                default:
                    break
                }
            }
            shown.append(self.field(field, denominations: change.denominations))
        }
        return shown
    }

    /// One field: a list when a side is a list of plain values (and the change is more than a short list
    /// appearing or going), else a value each side.
    private static func field(_ field: CatalogDiff.FieldChange, denominations: CatalogDiff.Denominations) -> ShownField {
        switch (field.from, field.to) {
        case (.array(let old)?, .array(let new)?) where isPlain(old) && isPlain(new):
            return .list(path: field.path, lines: listLines(from: old, to: new))
        case (nil, .array(let items)?), (.array(let items)?, nil):
            if isPlain(items), JSONWriter.compactText(of: .array(items)).count > shortListLength {
                let texts = items.map(JSONWriter.compactText(of:))
                return .list(path: field.path,
                             lines: field.from == nil ? texts.map(ListLine.added) : texts.map(ListLine.removed))
            }
        default:
            break
        }
        return .value(path: field.path,
                      from: field.from.map { ShownValue($0, denomination: denominations.deployed[field.path]) },
                      to: field.to.map { ShownValue($0, denomination: denominations.source[field.path]) })
    }

    /// The lines of a list's change: Myers' shortest edit script over the items' JSON text, each run of
    /// changes as its removed items then its added items, each run of unchanged items counted.
    static func listLines(from old: [JSONValue], to new: [JSONValue]) -> [ListLine] {
        let oldTexts = old.map(JSONWriter.compactText(of:))
        let newTexts = new.map(JSONWriter.compactText(of:))
        var lines: [ListLine] = []
        var removed: [String] = []
        var added: [String] = []
        var unchanged = 0
        func flushChanges() {
            lines += removed.map(ListLine.removed) + added.map(ListLine.added)
            removed = []
            added = []
        }
        for edit in LineDiff.edits(from: oldTexts, to: newTexts) {
            switch edit {
            case .keep:
                flushChanges()
                unchanged += 1
            case .delete(let index):
                if unchanged > 0 { lines.append(.unchanged(count: unchanged)); unchanged = 0 }
                removed.append(oldTexts[index])
            case .insert(let index):
                if unchanged > 0 { lines.append(.unchanged(count: unchanged)); unchanged = 0 }
                added.append(newTexts[index])
            }
        }
        flushChanges()
        if unchanged > 0 { lines.append(.unchanged(count: unchanged)) }
        return lines
    }

    /// Whether every item is a plain value (a string, number, boolean or null): a list shown item by item.
    private static func isPlain(_ items: [JSONValue]) -> Bool {
        items.allSatisfy {
            switch $0 {
            case .array, .object: false
            default: true
            }
        }
    }

    /// The id key of the items of the array a path's last segment addresses (`components` of
    /// `pricingData.components[comp_base]`), or nil when the path does not end at an item.
    static func itemIdentityKey(of path: String) -> String? {
        guard path.hasSuffix("]"), let open = path.lastIndex(of: "[") else { return nil }
        let arrayPath = path[..<open]
        let arrayKey = arrayPath.split(separator: ".").last.map(String.init) ?? String(arrayPath)
        return FieldComparison.itemIDKeys[arrayKey]
    }
}
