import Foundation
import PlanCatalog

/// Which catalog a document belongs to, and its files as the editor sees them.
///
/// A file is a catalog of its own unless a `catalog.plancat` sits in its directory or an ancestor: then
/// its catalog is every `.plancat` file of that catalog directory. Finding that out is
/// `CatalogDiscovery`'s, exactly as `plancat check FILE` does it, so the server and the CLI never
/// disagree on what a catalog is. The open documents then replace the files read from disk.
///
/// A document that is not a file on disk (a new, unsaved file, a URI that is no file, a directory) is
/// checked alone, as is one whose catalog directory cannot be read (discovery's failure is logged). An unsaved new file
/// of a catalog directory is not yet part of its catalog: discovery finds files on disk.
struct CatalogResolver {
    /// One catalog to check.
    struct ResolvedCatalog {
        /// What identifies the catalog between checks: its directory, or its one file's path or URI.
        let key: String
        let files: [SourceFile]
    }

    let log: (String) -> Void

    func catalog(of document: DocumentStore.Document, in store: DocumentStore) -> ResolvedCatalog {
        let alone = ResolvedCatalog(key: document.path ?? document.uri,
                                    files: [SourceFile(path: document.path ?? document.uri, bytes: document.bytes)])
        // Only a file is looked up: discovery walks a directory, and a URI naming `/` would walk the disk.
        var isDirectory: ObjCBool = false
        guard let path = document.path, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
              !isDirectory.boolValue else { return alone }
        let outcome = CatalogDiscovery(currentDirectory: "/").discover([path])
        for failure in outcome.failures { log("checking \(path) alone: \(failure.message)") }
        guard outcome.failures.isEmpty, let found = outcome.catalogs.first else { return alone }
        let files = found.files.map { file in
            store.document(atPath: file.path).map { SourceFile(path: file.path, bytes: $0.bytes) } ?? file
        }
        return ResolvedCatalog(key: found.path, files: files)
    }
}
