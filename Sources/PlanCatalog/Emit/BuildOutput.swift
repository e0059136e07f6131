/// Everything `plancat build` writes for one catalog: catalog.json, entitlements.json and one public
/// file per pricing table, as bytes under their paths relative to the output directory.
///
/// The files are derived from the catalog document alone, so a deployed catalog.json yields the same
/// files as the source it was built from.
public struct BuildOutput: Sendable {
    /// catalog.json's path.
    public static let catalogPath = "catalog.json"
    /// entitlements.json's path.
    public static let entitlementsPath = "entitlements.json"
    /// The directory of the public pricing tables.
    public static let pricingTablesDirectory = "pricing-tables"

    public let document: CatalogDocument
    /// catalog.json, entitlements.json, then pricing-tables/SLUG.json by slug.
    public let files: [OutputFile]

    public init(document: CatalogDocument) {
        self.document = document
        var files = [
            OutputFile(path: Self.catalogPath, bytes: document.jsonBytes),
            OutputFile(path: Self.entitlementsPath, bytes: JSONWriter.bytes(of: EntitlementsDocument(document).jsonValue)),
        ]
        for table in document.pricingTables {
            let publicTable = PublicPricingTable(table, in: document)
            files.append(OutputFile(path: Self.pricingTablePath(slug: table.slug),
                                    bytes: JSONWriter.bytes(of: publicTable.jsonValue)))
        }
        self.files = files
    }

    /// `pricing-tables/SLUG.json`.
    public static func pricingTablePath(slug: String) -> String { "\(pricingTablesDirectory)/\(slug).json" }

    /// The file at a relative path, if the build has one.
    public func file(at path: String) -> OutputFile? { files.first { $0.path == path } }
}

/// One file of a build: its path relative to the output directory, and its exact bytes.
public struct OutputFile: Equatable, Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

extension CatalogCompiler {
    /// Checks a catalog and, when it has no errors, builds its outputs. Warnings do not stop a build.
    public static func build(_ files: [SourceFile]) -> BuildResult {
        let check = check(files)
        guard !check.hasErrors else { return BuildResult(check: check, output: nil) }
        let document = CatalogDocument(compiling: check.catalog)
        return BuildResult(check: check, output: BuildOutput(document: document))
    }
}

/// What building one catalog produced.
public struct BuildResult: Sendable {
    public let check: CheckResult
    /// Nil when the catalog has errors: nothing is emitted from a catalog that does not check.
    public let output: BuildOutput?
}
