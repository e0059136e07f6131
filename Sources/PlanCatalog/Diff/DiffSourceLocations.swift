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

    /// Every record of a source and the line of its id, as a flat list: what the command keeps of the
    /// source's model while the deployed side is read and the diff computed, so that the model itself
    /// (hundreds of megabytes at 100,000 plans) can be let go of as soon as the document is built. The
    /// lines are found once, here, so neither the model nor the files' bytes need to outlive the build.
    public struct Definitions: Sendable {
        struct Definition: Sendable {
            let kind: CatalogDiff.Kind
            let id: String
            let file: Int32
            let line: Int32
        }

        var definitions: [Definition] = []
        /// The files' paths, by the index a definition holds.
        var paths: [String] = []

        public init(catalog: Catalog) {
            // A definition's file is its id in the catalog's file table.
            paths = catalog.files.files.map(\.path)
            func add(_ kind: CatalogDiff.Kind, _ id: Located<String>) {
                let file = catalog.files[id.location.file]
                let line = file.lineTable.lineIndex(of: max(0, min(id.location.span.start, file.bytes.count))) + 1
                definitions.append(Definition(kind: kind, id: id.value, file: id.location.file.index, line: Int32(line)))
            }
            definitions.reserveCapacity(catalog.metrics.count + catalog.features.count + catalog.plans.count * 4)
            for metric in catalog.metrics { add(.metric, metric.id) }
            for feature in catalog.features { add(.feature, feature.slug) }
            for plan in catalog.plans {
                add(.plan, plan.id)
                for price in plan.prices { add(.price, price.id) }
                for credit in plan.credits { add(.creditDefinition, credit.id) }
            }
            for table in catalog.pricingTables { add(.pricingTable, table.slug) }
            for quote in catalog.quotes {
                add(.quote, quote.id)
                if let price = quote.price { add(.price, price.id) }
            }
        }
    }

    private var locations: [CatalogDiff.Kind: [String: Location]]

    /// No locations: what a rendering shows when it was given none (a library caller with documents only).
    public static let none = DiffSourceLocations(locations: [:])

    public init(locations: [CatalogDiff.Kind: [String: Location]]) {
        self.locations = locations
    }

    /// The locations of the records that `changes` name and that exist in the source (every change but
    /// an archive); the first definition of an id wins, as it does in the build.
    public init(definitions: Definitions, changes: [CatalogDiff.Change]) {
        var wanted: [CatalogDiff.Kind: Set<String>] = [:]
        for change in changes where change.action != .archive { wanted[change.kind, default: []].insert(change.id) }
        var locations: [CatalogDiff.Kind: [String: Location]] = [:]
        if !wanted.isEmpty {
            for definition in definitions.definitions {
                guard wanted[definition.kind]?.contains(definition.id) == true,
                      locations[definition.kind]?[definition.id] == nil else { continue }
                locations[definition.kind, default: [:]][definition.id] =
                    Location(file: definitions.paths[Int(definition.file)], line: Int(definition.line))
            }
        }
        self.locations = locations
    }

    /// The locations of the records of `catalog` that `changes` name and that exist in the source.
    public init(catalog: Catalog, changes: [CatalogDiff.Change]) {
        self.init(definitions: Definitions(catalog: catalog), changes: changes)
    }

    /// Where the record of `kind` with `id` is defined, or nil (an archive, or nothing known).
    public func location(of kind: CatalogDiff.Kind, id: String) -> Location? {
        locations[kind]?[id]
    }
}
