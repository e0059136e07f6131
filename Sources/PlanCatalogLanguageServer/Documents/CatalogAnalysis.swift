import PlanCatalog

/// A catalog as the editor sees it, checked: what every request about a document starts from.
///
/// `CatalogCompiler.check` runs once per catalog per change, and every request until the next change
/// reads the same result. The cache is emptied whenever an open document changes (open, change, close):
/// a change of one file can change the diagnostics and the model of every file of its catalog.
struct CatalogAnalysis {
    /// The catalog's key and files (`CatalogResolver`).
    let catalog: CatalogResolver.ResolvedCatalog
    /// The check of `catalog.files`: the model, its file table and the diagnostics.
    let result: CheckResult

    /// The file `document` is in the checked file table, found by its path or URI.
    func fileID(of document: DocumentStore.Document) -> FileID? {
        let name = document.path ?? document.uri
        return result.files.ids.first { result.files[$0].path == name }
    }
}

extension LanguageServer {
    /// The checked catalog of the open document `document`, from the cache when nothing changed since it
    /// was checked.
    func analysis(of document: DocumentStore.Document) -> CatalogAnalysis {
        let catalog = CatalogResolver(log: log).catalog(of: document, in: documents)
        if let cached = analyses[catalog.key] { return cached }
        let analysis = CatalogAnalysis(catalog: catalog, result: CatalogCompiler.check(catalog.files))
        analyses[catalog.key] = analysis
        return analysis
    }
}
