import Foundation
import PlanCatalog

/// The deployed side of `plancat diff --against-ref GIT_REF`: the same PATH, built at that revision.
///
/// The revision's `.plancat` files are written into a temporary directory (`GitRevisionFiles`) and built
/// there by the same front half as the working tree's, with paths shown as they are in the working tree
/// and every line naming the revision. A PATH that did not exist at the revision is a catalog added by the
/// change under review, so it is compared with an empty catalog — every object a create — rather than
/// refused: that is the honest answer to "what does this pull request change?".
enum RevisionCatalog {
    enum Outcome {
        case built(CatalogDocument)
        /// The run cannot go on; the reason is reported.
        case stopped(status: Int32)
    }

    /// A catalog with nothing in it: what a PATH that did not exist at the revision held.
    static let empty = CatalogDocument(name: nil, defaultCurrency: nil, metrics: [], features: [], plans: [],
                                       prices: [], creditDefinitions: [], pricingTables: [], quotes: [])

    static func build(_ revision: String, operands: [String], front: SingleCatalogBuild,
                      terminal: some Terminal) throws(UsageError) -> Outcome {
        let files: GitRevisionFiles
        do {
            files = try GitRevisionFiles.checkOut(revision: revision, workingDirectory: terminal.currentDirectory,
                                                  environment: terminal.environment)
        } catch {
            terminal.write("plancat: error: \(error.message)\n", to: .standardError)
            return .stopped(status: ExitStatus.missingInput)
        }
        defer { files.remove() }

        let path = operands.first ?? SingleCatalogBuild.defaultPath
        guard let pathAtRevision = files.path(forWorkingTreePath: path) else {
            throw UsageError("`\(path)` is outside the git repository at \(files.repositoryRoot)",
                             hint: "`--against-ref` compares with a revision of the repository the catalog is in")
        }
        let absolute = pathAtRevision.hasPrefix("/") ? pathAtRevision : files.currentDirectory + "/" + pathAtRevision
        guard FileManager.default.fileExists(atPath: absolute) else {
            terminal.write("plancat: note: `\(path)` does not exist at \(revision); "
                           + "comparing with an empty catalog\n", to: .standardError)
            return .built(empty)
        }
        let operandsAtRevision = operands.isEmpty ? [] : [pathAtRevision]
        switch try front.run(operands: operandsAtRevision, currentDirectory: files.currentDirectory,
                             failureNote: "; nothing compared", revision: revision, terminal: terminal) {
        case .built(_, let output): return .built(output.document)
        case .stopped(let status): return .stopped(status: status)
        }
    }
}
