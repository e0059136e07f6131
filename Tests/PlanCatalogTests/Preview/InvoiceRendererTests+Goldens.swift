import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Golden files of every sample in every format, under `Fixtures/PreviewRenderings/`: `NAME.txt` (text
/// without colour), `NAME.color.txt` (with ANSI bold), `NAME.json` and `NAME.md`. `PLANCAT_UPDATE_GOLDENS=1`
/// rewrites them and still fails, so every change of wording is reviewed in the diff of a commit.
extension InvoiceRendererTests {
    static let renderingsDirectory = CatalogCorpus.packageRoot
        .appendingPathComponent("Tests/PlanCatalogTests/Fixtures/PreviewRenderings")

    /// One way of rendering invoices, and the suffix of its golden file.
    enum Format: String, CaseIterable, Sendable {
        case text = "txt"
        case coloredText = "color.txt"
        case json = "json"
        case markdown = "md"

        func render(_ invoices: [Invoice]) -> String {
            switch self {
            case .text: InvoiceTextRenderer(usesColor: false).render(invoices)
            case .coloredText: InvoiceTextRenderer(usesColor: true).render(invoices)
            case .json: InvoiceJSONRenderer.render(invoices)
            case .markdown: InvoiceMarkdownRenderer().render(invoices)
            }
        }
    }

    /// A sample in one format: one golden file.
    struct Rendering: Sendable, CustomTestStringConvertible {
        let sample: Sample
        let format: Format

        var fileName: String { "\(sample.name).\(format.rawValue)" }
        var testDescription: String { fileName }
    }

    static let renderings: [Rendering] = samples.flatMap { sample in
        Format.allCases.map { Rendering(sample: sample, format: $0) }
    }

    @Test("each rendering matches its golden file", arguments: renderings)
    func matchesGolden(_ rendering: Rendering) {
        Golden.expect(rendering.format.render(rendering.sample.invoices),
                      matchesFile: Self.renderingsDirectory.appendingPathComponent(rendering.fileName))
    }

    @Test("every golden file belongs to a rendering")
    func noStrayGoldens() {
        let expected = Set(Self.renderings.map(\.fileName))
        let present = Set(Golden.files(under: Self.renderingsDirectory))
        #expect(present == expected, "stray: \(present.subtracting(expected).sorted()), missing: \(expected.subtracting(present).sorted())")
    }
}
