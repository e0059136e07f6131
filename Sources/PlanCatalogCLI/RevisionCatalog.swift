import Foundation
import PlanCatalog

/// The deployed side of `plancat diff --against-ref GIT_REF`: the same PATH, built at that revision.
///
/// The revision's `.plancat` files are written into a private temporary directory (`GitRevisionFiles`) and built
/// there by the same front half as the working tree's, with paths shown as they are in the working tree
/// and every line naming the revision. A PATH that did not exist at the revision is a catalog added by the
/// change under review, so it is compared with an empty catalog — every object a create — rather than
/// refused: that is the honest answer to "what does this pull request change?". For a folder of catalogs
/// (`DiffCommand+Revision`), the revision's files are checked out once and each catalog built from them.
enum RevisionCatalog {
    enum Outcome {
        case built(CatalogDocument)
        /// The run cannot go on; the reason is reported.
        case stopped(status: Int32)
    }

    /// A catalog with nothing in it: what a PATH that did not exist at the revision held.
    static let empty = CatalogDocument(name: nil, defaultCurrency: nil, metrics: [], features: [], plans: [],
                                       prices: [], creditDefinitions: [], pricingTables: [], quotes: [])

    /// The `.plancat` files of `revision` that the catalogs at `operands` (PATH, else the default) can be
    /// made of, or nil after reporting why they cannot be had (exit 66). The caller removes them when done.
    static func checkOut(_ revision: String, operands: [String], terminal: some Terminal) -> GitRevisionFiles? {
        let path = operands.count <= 1 ? operands.first ?? SingleCatalogBuild.defaultPath : nil
        do {
            return try GitRevisionFiles.checkOut(revision: revision, path: path == "-" ? nil : path,
                                                 workingDirectory: terminal.currentDirectory,
                                                 environment: terminal.environment)
        } catch {
            terminal.report(.error, error.message)
            return nil
        }
    }

    /// Builds the catalog PATH (the first operand, else the default) names at the revision whose files
    /// `files` holds; an empty catalog, with a note, when PATH did not exist there.
    static func build(_ revision: String, operands: [String], front: SingleCatalogBuild, files: GitRevisionFiles,
                      terminal: some Terminal) throws(UsageError) -> Outcome {
        let path = operands.first ?? SingleCatalogBuild.defaultPath
        let pathAtRevision = try self.path(path, in: files)
        let absolute = pathAtRevision.hasPrefix("/") ? pathAtRevision : files.currentDirectory + "/" + pathAtRevision
        guard FileManager.default.fileExists(atPath: absolute) else {
            terminal.report(.note, "`\(path)` does not exist at \(revision); "
                            + "comparing with an empty catalog")
            return .built(empty)
        }
        let operandsAtRevision = operands.isEmpty ? [] : [pathAtRevision]
        switch try front.run(operands: operandsAtRevision, currentDirectory: files.currentDirectory,
                             failureNote: "; nothing compared", revision: revision, terminal: terminal) {
        case .built(_, let output): return .built(output.document)
        case .stopped(let status): return .stopped(status: status)
        }
    }

    /// The catalogs PATH holds at the revision, by the paths they have in the working tree (`catalogs/acme`);
    /// empty when PATH did not exist there or holds none.
    static func catalogPaths(under path: String, in files: GitRevisionFiles) throws(UsageError) -> [String] {
        let pathAtRevision = try self.path(path, in: files)
        let found = CatalogDiscovery(currentDirectory: files.currentDirectory).discover([pathAtRevision])
        return found.catalogs.map { files.workingTreePath(forRevisionPath: $0.path) }
    }

    /// Where a PATH of the working tree is among the revision's files.
    private static func path(_ path: String, in files: GitRevisionFiles) throws(UsageError) -> String {
        guard let pathAtRevision = files.path(forWorkingTreePath: path) else {
            throw UsageError("`\(path)` is outside the git repository at \(files.repositoryRoot)",
                             hint: "`--against-ref` compares with a revision of the repository the catalog is in")
        }
        return pathAtRevision
    }
}
