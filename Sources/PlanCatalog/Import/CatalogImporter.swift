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
        try checkWords(in: document)
        let composer = try ImportComposer(document)
        let writer = composer.compose()
        let text = writer.text
        try verify(text, layout: writer, against: document)
        return text
    }

    /// The name the source is compiled under while it is checked; it appears in no message.
    static let verificationPath = "imported.plancat"

    /// Compiles the source and compares what it builds with the input: an error of the compiler becomes
    /// an `ImportError` at the path of the line it points at, a different value one at its field.
    static func verify(_ text: String, layout: SourceWriter,
                       against document: CatalogDocument) throws(ImportError) {
        let result = CatalogCompiler.build([SourceFile(path: verificationPath, text: text)])
        if let error = result.check.diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(path: layout.path(ofLine: error.location.start.line),
                              problem: .doesNotCompile(code: error.code.rawValue, message: error.message))
        }
        guard let rebuilt = result.output?.document else {
            preconditionFailure("a catalog without errors always builds")
        }
        if let difference = DocumentComparison.firstDifference(between: document, and: rebuilt) {
            throw ImportError(path: difference.path,
                              problem: .differs(input: difference.input, rebuilt: difference.rebuilt))
        }
    }

    /// Every id the source will write as a word is one; feature slugs are also of Lumen's form. Ids that
    /// other records refer to were resolved by the reader, so checking each where it is defined is enough.
    static func checkWords(in document: CatalogDocument) throws(ImportError) {
        func check(_ id: String, _ kind: String, at path: String) throws(ImportError) {
            guard SourceWords.isWord(id) else { throw ImportError(path: path, problem: .notAWord(kind: kind, id: id)) }
        }
        for (index, metric) in document.metrics.enumerated() {
            try check(metric.id, "metric id", at: "$.metrics[\(index)].id")
        }
        for (index, feature) in document.features.enumerated() {
            let path = "$.features[\(index)].slug"
            try check(feature.slug, "feature slug", at: path)
            guard IdentityChecks.isValidSlug(feature.slug) else {
                throw ImportError(path: path, problem: .invalidFeatureSlug(feature.slug))
            }
        }
        for (index, plan) in document.plans.enumerated() {
            try check(plan.id, "plan id", at: "$.plans[\(index)].id")
        }
        for (index, price) in document.prices.enumerated() {
            try check(price.id, "price id", at: "$.prices[\(index)].id")
            for (position, component) in price.components.enumerated() {
                try check(component.id, "component id",
                          at: "$.prices[\(index)].pricingData.components[\(position)].component_id")
            }
        }
        for (index, credit) in document.creditDefinitions.enumerated() {
            try check(credit.id, "credit id", at: "$.creditDefinitions[\(index)].id")
        }
        for (index, table) in document.pricingTables.enumerated() {
            try check(table.slug, "pricing table slug", at: "$.pricingTables[\(index)].slug")
        }
        for (index, quote) in document.quotes.enumerated() {
            try check(quote.id, "quote id", at: "$.quotes[\(index)].id")
        }
    }
}
