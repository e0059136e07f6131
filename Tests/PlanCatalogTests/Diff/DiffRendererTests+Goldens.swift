import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Golden files of every sample in every format, under `Fixtures/DiffRenderings/`: `NAME.txt` (text
/// without colour), `NAME.color.txt` (with ANSI colour), `NAME.json` and `NAME.md`. `PLANCAT_UPDATE_GOLDENS=1`
/// rewrites them and still fails, so every change of wording is reviewed in the diff of a commit.
extension DiffRendererTests {
    static let renderingsDirectory = CatalogCorpus.packageRoot
        .appendingPathComponent("Tests/PlanCatalogTests/Fixtures/DiffRenderings")

    /// One way of rendering a diff, and the suffix of its golden file.
    enum Format: String, CaseIterable, Sendable {
        case text = "txt"
        case coloredText = "color.txt"
        case json = "json"
        case markdown = "md"

        func render(_ sample: Sample) -> String {
            switch self {
            case .text:
                DiffTextRenderer(usesColor: false).render(sample.diff, source: sample.source, deployed: sample.deployed)
            case .coloredText:
                DiffTextRenderer(usesColor: true).render(sample.diff, source: sample.source, deployed: sample.deployed)
            case .json:
                String(decoding: sample.diff.jsonBytes, as: UTF8.self)
            case .markdown:
                DiffMarkdownRenderer().render(sample.diff, source: sample.source, deployed: sample.deployed)
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
        Golden.expect(rendering.format.render(rendering.sample),
                      matchesFile: Self.renderingsDirectory.appendingPathComponent(rendering.fileName))
    }

    @Test("every golden file belongs to a rendering")
    func noStrayGoldens() {
        let expected = Set(Self.renderings.map(\.fileName))
        let present = Set(Golden.files(under: Self.renderingsDirectory))
        #expect(present == expected, "stray: \(present.subtracting(expected).sorted()), missing: \(expected.subtracting(present).sorted())")
    }
}
