import PlanCatalog

extension LanguageServer {
    /// `textDocument/didClose`: the disk wins again. The closed file's diagnostics are cleared. When other
    /// files of its catalog are still open, the catalog is checked again (with this file as it is on disk)
    /// and published for them; when none is, every diagnostic of the catalog is cleared, since nothing
    /// of it is in front of the user any more.
    func didClose(_ params: JSONValue?) {
        guard case .string(let uri)? = params?["textDocument"]?["uri"], let closed = documents.close(uri: uri) else {
            log("didClose of a document that is not open: ignored")
            return
        }
        let catalog = CatalogResolver(log: log).catalog(of: closed, in: documents)
        let paths = Set(catalog.files.map(\.path))
        if let other = documents.documents.values.first(where: { $0.path.map(paths.contains) ?? false }) {
            publishDiagnostics(forCatalogOf: other.uri, cleared: [closed.path ?? closed.uri])
        } else {
            let closedFile = closed.path ?? closed.uri
            for file in (publishedFiles.removeValue(forKey: catalog.key) ?? []).sorted() where file != closedFile {
                publish([], forFile: file, uri: self.uri(ofFile: file))
            }
            publish([], forFile: closed.path ?? closed.uri, uri: closed.uri)
        }
    }
}
