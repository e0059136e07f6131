/// One definition of the lowered catalog, named by its place in its list (`catalog.plans`,
/// `catalog.features`, `catalog.metrics`, `CatalogIndex.allPrices`) rather than by its id string.
///
/// The checks compare and look up ids many times per plan; a `String` id costs a hash or a byte-wise
/// comparison each time, an integer costs nothing. `IDTable` interns each id string once per check and
/// resolves every reference to the first definition of that id (as LANGUAGE.md §4.3 has it: a repeated
/// id is reported, and the first definition wins), so two references name the same thing exactly when
/// their `TypedID`s are equal. The element type is a phantom: a `PlanID` cannot be passed for a
/// `FeatureID`.
struct TypedID<Element>: Hashable, Comparable, Sendable {
    /// The definition's place in its list; Int32 halves the size of the index's arrays of ids.
    let position: Int32

    init(_ position: Int) {
        self.position = Int32(position)
    }

    /// The definition's place in its list, as a subscript wants it.
    var index: Int { Int(position) }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.position < rhs.position }
}

typealias PlanID = TypedID<Plan>
typealias FeatureID = TypedID<Feature>
typealias MetricID = TypedID<Metric>
typealias PriceID = TypedID<Price>
