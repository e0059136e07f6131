import PlanCatalog

/// A catalog as the editor sees it, checked: what every request about a document starts from.
///
/// `CatalogCompiler.check` runs once per catalog per change, and every request until the next change
/// reads the same result; what navigation and hovers need beyond it (the index of ids, the scenarios'
/// invoices, the files' statement trees) is made the first time a request asks. The cache is emptied whenever an open document
/// changes (open, change, close): a change of one file can change every file of its catalog. A file of the
/// catalog changed on disk while none is open is read again at the next change.
final class CatalogAnalysis {
    /// The catalog's key and files (`CatalogResolver`).
    let catalog: CatalogResolver.ResolvedCatalog
    /// The check of `catalog.files`: the model, its file table and the diagnostics.
    let result: CheckResult
    /// Where every id is defined and referred to.
    private(set) lazy var index = SymbolIndex(result.catalog)
    /// Each scenario's invoice, computed as `check` computes it.
    private(set) lazy var invoices = ScenarioInvoices(result)
    /// The statement trees of the files requests asked about (completion, keyword hovers, semantic
    /// tokens), each parsed once: the check does not keep its trees.
    private var trees: [FileID: SyntaxTree] = [:]

    init(catalog: CatalogResolver.ResolvedCatalog, result: CheckResult) {
        self.catalog = catalog
        self.result = result
    }

    /// The statement tree of the checked file `file`, parsed the first time it is asked for.
    func syntaxTree(of file: FileID) -> SyntaxTree {
        if let tree = trees[file] { return tree }
        let tree = Parser.parse(result.files[file], id: file).tree
        trees[file] = tree
        return tree
    }

    /// The file `document` is in the checked file table, found by its path or URI.
    func fileID(of document: DocumentStore.Document) -> FileID? {
        let name = document.path ?? document.uri
        return result.files.ids.first { result.files[$0].path == name }
    }
}

/// A position of an open document, resolved: what the requests about one place start from.
struct DocumentPosition {
    let document: DocumentStore.Document
    let analysis: CatalogAnalysis
    let file: FileID
    /// The position as a byte offset of the file.
    let offset: Int

    var source: SourceFile { analysis.result.files[file] }
}

/// The catalogs checked since the open documents last changed: each by its catalog key, and the key of
/// each document a request was about, so that the next request about it finds its catalog without
/// discovering the catalog directory on disk and reading its files again.
struct AnalysisCache {
    private var byCatalog: [String: CatalogAnalysis] = [:]
    private var catalogKeys: [String: String] = [:]

    /// The analysis last stored for the document `uri`.
    func analysis(ofDocument uri: String) -> CatalogAnalysis? {
        catalogKeys[uri].flatMap { byCatalog[$0] }
    }

    /// The analysis of the catalog `key`, whichever of its documents it was made for.
    func analysis(ofCatalog key: String) -> CatalogAnalysis? {
        byCatalog[key]
    }

    mutating func store(_ analysis: CatalogAnalysis, forDocument uri: String) {
        byCatalog[analysis.catalog.key] = analysis
        catalogKeys[uri] = analysis.catalog.key
    }
}

extension LanguageServer {
    /// The checked catalog of the open document `document`, from the cache when nothing changed since it
    /// was checked.
    func analysis(of document: DocumentStore.Document) -> CatalogAnalysis {
        if let cached = analyses.analysis(ofDocument: document.uri) { return cached }
        let catalog = CatalogResolver(log: log).catalog(of: document, in: documents)
        let analysis = analyses.analysis(ofCatalog: catalog.key)
            ?? CatalogAnalysis(catalog: catalog, result: CatalogCompiler.check(catalog.files))
        analyses.store(analysis, forDocument: document.uri)
        return analysis
    }

    /// The place a request's `textDocument.uri` and `position` name. A request without them is invalid
    /// (-32602); one about a document that is not open gets nil, and the handler an empty result. A
    /// position past the end of a line or of the file is its end (`PositionEncoding.byteOffset`).
    func documentPosition(in params: JSONValue?, for method: String) throws(ResponseError) -> DocumentPosition? {
        guard let line = Self.integer(params?["position"]?["line"]),
              let character = Self.integer(params?["position"]?["character"]) else {
            throw .invalidParams("\(method) needs `position` with `line` and `character`")
        }
        guard let document = try openDocument(in: params, for: method) else { return nil }
        let analysis = analysis(of: document)
        guard let file = analysis.fileID(of: document) else { return nil }
        let offset = positionEncoding.byteOffset(line: line, character: character, in: analysis.result.files[file])
        return DocumentPosition(document: document, analysis: analysis, file: file, offset: offset)
    }
}
