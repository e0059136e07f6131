import Foundation
import Testing
@testable import PlanCatalog

/// The examples of the diff's renderings in Docs/ are real output: each must appear in some page of Docs/
/// exactly as the renderer writes it, so the documentation cannot drift from the code. The pages are
/// searched as a whole, so the examples may move between pages.
extension DiffRendererTests {
    /// The examples the documentation shows, and how each is rendered.
    static let documentedRenderings: [Rendering] = [
        Rendering(sample: everyAction, format: .text),
        Rendering(sample: nonBreaking, format: .json),
        Rendering(sample: nonBreaking, format: .markdown),
    ]

    @Test("Docs/ shows the renderings as they are", arguments: documentedRenderings)
    func documentationShowsRealOutput(_ rendering: Rendering) throws {
        let docs = CatalogCorpus.packageRoot.appendingPathComponent("Docs")
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        let text = try pages.map { try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8) }.joined()
        let output = rendering.format.render(rendering.sample)
        let isShown = text.contains("\n" + output + "```")
        #expect(isShown, "no page of Docs/ shows \(rendering.fileName) as rendered")
    }
}
