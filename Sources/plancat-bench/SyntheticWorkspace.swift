import Foundation
import PlanCatalogSynthesis

/// The files of one catalog size in the work directory: the catalog, its repriced twin (1% of the plans'
/// prices raised) and the catalog's build, which stands for the deployed catalog.json that `diff`
/// compares with and `import` reads.
struct SyntheticWorkspace {
    let plans: Int
    let directory: URL
    /// Bytes of the catalog's source: the input of `check`, `build` and `fmt --check`.
    let sourceBytes: Int
    /// Bytes of the repriced source: the input of `diff`.
    let repricedBytes: Int
    /// Bytes of the built catalog.json: the input of `import`.
    let deployedBytes: Int

    /// Every 100th plan is repriced: the 1% of the issue.
    static let repricedEvery = 100

    var catalogName: String { "catalog-\(plans).plancat" }
    var repricedName: String { "catalog-\(plans)-repriced.plancat" }
    var deployedName: String { "build-\(plans)/catalog.json" }
    var catalogURL: URL { directory.appendingPathComponent(catalogName) }

    /// Writes both catalogs and builds the first, untimed, with the plancat under test.
    static func prepare(plans: Int, seed: UInt64, in directory: URL, plancat: String) throws -> SyntheticWorkspace {
        let sourceBytes = try write(SyntheticCatalog(plans: plans, seed: seed), to: directory,
                                    name: "catalog-\(plans).plancat")
        let repricedBytes = try write(SyntheticCatalog(plans: plans, seed: seed, repricedEvery: repricedEvery),
                                      to: directory, name: "catalog-\(plans)-repriced.plancat")
        let workspace = SyntheticWorkspace(plans: plans, directory: directory, sourceBytes: sourceBytes,
                                           repricedBytes: repricedBytes, deployedBytes: 0)
        try CommandOutput.require(plancat, ["build", workspace.catalogName, "-o", "build-\(plans)"], in: directory)
        let deployed = directory.appendingPathComponent(workspace.deployedName)
        guard let size = try FileManager.default.attributesOfItem(atPath: deployed.path)[.size] as? Int else {
            throw BenchmarkFailure("cannot read the size of \(deployed.path)")
        }
        return SyntheticWorkspace(plans: plans, directory: directory, sourceBytes: sourceBytes,
                                  repricedBytes: repricedBytes, deployedBytes: size)
    }

    /// Returns how many bytes were written.
    private static func write(_ catalog: SyntheticCatalog, to directory: URL, name: String) throws -> Int {
        let data = Data(catalog.source().utf8)
        try data.write(to: directory.appendingPathComponent(name))
        return data.count
    }
}
