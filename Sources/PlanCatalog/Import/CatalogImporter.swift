/// catalog.json → readable `.plancat` source (`plancat import`): the same ids, amounts back in major
/// units, defaults left out, quotes and trials written with their own statements.
///
/// Import never changes a catalog silently. It refuses, with the JSON path and the reason, an id that is
/// not a word of the language and a record the language cannot say; then it compiles the source it wrote
/// and compares the result with its input, field by field, so that whatever it returns builds back to
/// the same catalog.json. Whatever slips past the first checks is caught by the second, at the path of
/// the line or field concerned.
public enum CatalogImporter {
    /// The source of a catalog document, in the canonical layout `plancat fmt` writes.
    public static func source(for document: CatalogDocument) throws(ImportError) -> String {
        String(decoding: try sourceBytes(for: document), as: UTF8.self)
    }

    /// `source(for:)` as UTF-8 bytes, the form it is composed, checked and written in.
    public static func sourceBytes(for document: CatalogDocument) throws(ImportError) -> [UInt8] {
        try importedSource(for: document).bytes
    }

    /// The source with what was built from it to check it, for a caller that would rather not wait for
    /// that to be freed (`plancat import`, which exits right after).
    public static func importedSource(for document: CatalogDocument) throws(ImportError) -> ImportedSource {
        let composer = try ImportComposer(document)
        let bytes = composer.compose()
        let (check, rebuilt) = try verify(bytes, composedBy: composer, against: document)
        return ImportedSource(bytes: bytes, check: check, rebuilt: rebuilt, composer: composer)
    }

    /// The name the source is compiled under while it is checked; it appears in no message.
    static let verificationPath = "imported.plancat"

    /// Compiles the source and compares what it builds with the input: an error of the compiler becomes
    /// an `ImportError` at the path of the line it points at, a different value one at its field.
    ///
    /// Only the catalog document is built from the checked model, not the files of a build: the document
    /// is all there is to compare. The path of a line is found by composing the source again, keeping
    /// that one line's path (see `SourceWriter`).
    static func verify(_ bytes: [UInt8], composedBy composer: ImportComposer,
                       against document: CatalogDocument) throws(ImportError) -> (CheckResult, CatalogDocument) {
        let check = CatalogCompiler.check([SourceFile(path: verificationPath, bytes: bytes)])
        if let error = check.diagnostics.first(where: { $0.severity == .error }) {
            let line = check.files.start(of: error.location).line
            throw ImportError(path: composer.path(ofLine: line),
                              problem: .doesNotCompile(code: error.code.rawValue, message: error.message))
        }
        let rebuilt = CatalogDocument(compiling: check.catalog)
        if let difference = DocumentComparison.firstDifference(between: document, and: rebuilt) {
            throw ImportError(path: difference.path,
                              problem: .differs(input: difference.input, rebuilt: difference.rebuilt))
        }
        return (check, rebuilt)
    }

    /// Every id the source will write as a word is one; feature slugs are also of Lumen's form. Ids that
    /// other records refer to were resolved by the reader, so checking each where it is defined is enough.
    static func checkWords(in document: CatalogDocument) throws(ImportError) {
        func check(_ id: String, _ kind: String, at path: @autoclosure () -> String) throws(ImportError) {
            guard SourceWords.isWord(id) else { throw ImportError(path: path(), problem: .notAWord(kind: kind, id: id)) }
        }
        // Indices rather than the records themselves: a copy of a record retains every string in it.
        for index in document.metrics.indices {
            try check(document.metrics[index].id, "metric id", at: "$.\(CatalogKey.metrics)[\(index)].\(CatalogKey.id)")
        }
        for index in document.features.indices {
            let slug = document.features[index].slug
            let path = "$.\(CatalogKey.features)[\(index)].\(CatalogKey.slug)"
            try check(slug, "feature slug", at: path)
            guard IdentityChecks.isValidSlug(slug) else {
                throw ImportError(path: path, problem: .invalidFeatureSlug(slug))
            }
        }
        for index in document.plans.indices {
            try check(document.plans[index].id, "plan id", at: "$.\(CatalogKey.plans)[\(index)].\(CatalogKey.id)")
        }
        for index in document.prices.indices {
            try check(document.prices[index].id, "price id", at: "$.\(CatalogKey.prices)[\(index)].\(CatalogKey.id)")
            for position in document.prices[index].components.indices {
                try check(document.prices[index].components[position].id, "component id",
                          at: "$.\(CatalogKey.prices)[\(index)].\(CatalogKey.pricingData).\(CatalogKey.components)[\(position)]."
                              + "\(CatalogKey.component_id)")
            }
        }
        for index in document.creditDefinitions.indices {
            try check(document.creditDefinitions[index].id, "credit id",
                      at: "$.\(CatalogKey.creditDefinitions)[\(index)].\(CatalogKey.id)")
        }
        for index in document.pricingTables.indices {
            try check(document.pricingTables[index].slug, "pricing table slug",
                      at: "$.\(CatalogKey.pricingTables)[\(index)].\(CatalogKey.slug)")
        }
        for index in document.quotes.indices {
            try check(document.quotes[index].id, "quote id", at: "$.\(CatalogKey.quotes)[\(index)].\(CatalogKey.id)")
        }
    }
}

/// What import returns: the source, and what checking it built.
public struct ImportedSource: Sendable {
    /// The source in UTF-8, in the canonical layout `plancat fmt` writes.
    public let bytes: [UInt8]
    /// The source compiled (its statement trees and model) and the document built from it, which is
    /// the input's. Nothing needs them any more: they are handed out because freeing them, millions of
    /// small objects at a hundred thousand plans, takes a good part of import's time, which a caller
    /// about to exit can leave to the system.
    public let check: CheckResult
    public let rebuilt: CatalogDocument
    /// The lookups the source was composed with, for the same reason.
    let composer: ImportComposer
}
