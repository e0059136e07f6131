import Foundation

/// `check` and `build` of one shipped example catalog, as whole processes: the sizes users start with,
/// where start-up and exit are most of the time (the 20 ms and 30 ms targets).
struct ShippedCatalogResult {
    /// The example catalogs, relative to the directory the benchmark runs in (the repository root).
    static let paths = ["catalogs/freemium-to-enterprise.plancat", "catalogs/docsift-api.plancat", "catalogs/teamspace"]

    let path: String
    /// Nil when the catalog is not there: the benchmark runs outside the repository, or it was removed.
    let check: Samples?
    let build: Samples?

    /// Times both commands for each shipped catalog that exists.
    static func measureAll(with timer: ProcessTimer, plancat: String, runs: Int) throws -> [ShippedCatalogResult] {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try paths.map { path in
            let url = current.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                Progress.note("shipped catalog \(path): not found in \(current.path), skipped")
                return ShippedCatalogResult(path: path, check: nil, build: nil)
            }
            Progress.note("shipped catalog \(path): check and build, \(runs) runs each")
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let check = try timer.measure(plancat, ["check", url.path], runs: runs)
            let build = try timer.measure(plancat, ["build", url.path, "-o", "shipped-\(name)"], runs: runs)
            return ShippedCatalogResult(path: path, check: check.samples, build: build.samples)
        }
    }
}
