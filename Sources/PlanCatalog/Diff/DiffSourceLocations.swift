/// Where the changed records of a diff are defined in the source — `catalogs/acme/plans.plancat:12`, the
/// line of the record's id — so that the text and Markdown renderings send a reviewer straight to the
/// line to read or change.
///
/// The diff itself is computed from two catalog documents and knows nothing of files (a deployed
/// catalog.json has none); the command, which built the source, makes this from the source's model and
/// hands it to the renderers beside the diff. An archived record exists only on the deployed side and has
/// no location.
public struct DiffSourceLocations: Sendable {
    /// A file and a 1-based line.
    public struct Location: Equatable, Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int

        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }

        /// `catalogs/acme/plans.plancat:12`.
        public var description: String { "\(file):\(line)" }
    }

    private var locations: [CatalogDiff.Kind: [String: Location]]

    /// No locations: what a rendering shows when it was given none (a library caller with documents only).
    public static let none = DiffSourceLocations(locations: [:])

    public init(locations: [CatalogDiff.Kind: [String: Location]]) {
        self.locations = locations
    }

    /// The locations of the records of `catalog` that `changes` name and that exist in the source (every
    /// change but an archive). Only those are looked up, so a diff of a few records of a catalog of
    /// 100,000 plans computes a few lines.
    public init(catalog: Catalog, changes: [CatalogDiff.Change]) {
        var wanted: [CatalogDiff.Kind: Set<String>] = [:]
        for change in changes where change.action != .archive { wanted[change.kind, default: []].insert(change.id) }
        var locations: [CatalogDiff.Kind: [String: Location]] = [:]
        func add(_ kind: CatalogDiff.Kind, _ id: Located<String>, ifIn ids: Set<String>) {
            guard ids.contains(id.value), locations[kind]?[id.value] == nil else { return }
            locations[kind, default: [:]][id.value] = Location(file: id.location.file.path, line: id.location.start.line)
        }
        if let ids = wanted[.metric] { for metric in catalog.metrics { add(.metric, metric.id, ifIn: ids) } }
        if let ids = wanted[.feature] { for feature in catalog.features { add(.feature, feature.slug, ifIn: ids) } }
        if let ids = wanted[.pricingTable] { for table in catalog.pricingTables { add(.pricingTable, table.slug, ifIn: ids) } }
        if let ids = wanted[.quote] { for quote in catalog.quotes { add(.quote, quote.id, ifIn: ids) } }
        let plans = wanted[.plan] ?? [], prices = wanted[.price] ?? [], credits = wanted[.creditDefinition] ?? []
        if !plans.isEmpty || !prices.isEmpty || !credits.isEmpty {
            for plan in catalog.plans {
                if !plans.isEmpty { add(.plan, plan.id, ifIn: plans) }
                if !prices.isEmpty { for price in plan.prices { add(.price, price.id, ifIn: prices) } }
                if !credits.isEmpty { for credit in plan.credits { add(.creditDefinition, credit.id, ifIn: credits) } }
            }
            for case let price? in catalog.quotes.map(\.price) { add(.price, price.id, ifIn: prices) }
        }
        self.locations = locations
    }

    /// Where the record of `kind` with `id` is defined, or nil (an archive, or nothing known).
    public func location(of kind: CatalogDiff.Kind, id: String) -> Location? {
        locations[kind]?[id]
    }
}
