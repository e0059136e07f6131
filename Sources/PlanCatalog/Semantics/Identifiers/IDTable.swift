/// The definitions of one kind with their ids interned: each id string is hashed once, when the table
/// is built, and from then on a definition is named by its `TypedID`.
///
/// A repeated id (reported by the identity checks) resolves to its first definition in list order, as
/// a lookup by name always has; a later definition keeps its own `TypedID` as an element of the list,
/// but its id resolves elsewhere (`resolvedID(at:)`).
///
/// The names are found through a table of its own (`IDNameTable`) rather than a `[String: TypedID]`:
/// the index looks up every reference of the catalog once, five or more per plan, and a `Dictionary`
/// hashes each with the standard library's seeded SipHash, which costs several times what the lookup
/// itself does.
struct IDTable<Element: Sendable>: Sendable {
    /// Every definition of the kind, in the order of the catalog's list: a `TypedID` is a place in it.
    let elements: [Element]
    /// The first definition of each id string.
    private let firstByName: IDNameTable
    /// By place in `elements`: the definition its id resolves to; nil when the element is that first
    /// definition itself (most are), so that a catalog without repeated ids stores nothing here.
    private let firstOfRepeated: [Int: TypedID<Element>]

    init(_ elements: [Element], id: (Element) -> String) {
        self.elements = elements
        var firstByName = IDNameTable(capacity: elements.count)
        var firstOfRepeated: [Int: TypedID<Element>] = [:]
        for (position, element) in elements.enumerated() {
            if let first = firstByName.insert(id(element), at: Int32(position)) {
                firstOfRepeated[position] = TypedID(Int(first))
            }
        }
        self.firstByName = firstByName
        self.firstOfRepeated = firstOfRepeated
    }

    /// The definition an id names.
    subscript(id: TypedID<Element>) -> Element { elements[id.index] }

    /// The definition the id string `name` resolves to: the first with that id, nil when none has it.
    func id(named name: String) -> TypedID<Element>? {
        firstByName.position(of: name).map { TypedID(Int($0)) }
    }

    /// The definition the id of the element at `position` resolves to: itself, unless an earlier
    /// element has the same id. Two elements have the same id string exactly when these are equal.
    func resolvedID(at position: Int) -> TypedID<Element> {
        firstOfRepeated.isEmpty ? TypedID(position) : firstOfRepeated[position] ?? TypedID(position)
    }

    /// The definition an id string names, when one does.
    subscript(name: String) -> Element? { id(named: name).map { self[$0] } }

    /// Whether some id is defined more than once.
    var hasRepeatedIDs: Bool { !firstOfRepeated.isEmpty }

    /// Every id string defined, once each, in no particular order.
    var names: [String] { firstByName.names }
}
