import Foundation
import Testing
@testable import PlanCatalog

/// Every ```plancat example in Docs/ is a complete catalog that checks clean, so the reference can never
/// drift from the compiler. (Fragments and deliberate mistakes are fenced as ```text.)
@Suite struct DocumentationExampleTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Example: CustomTestStringConvertible, Sendable {
        let document: String
        let line: Int
        let source: String
        var testDescription: String { "\(document):\(line)" }
    }

    /// The fenced ```plancat blocks of every Markdown file in Docs/ and the README.
    static let examples: [Example] = {
        let docs = repository.appendingPathComponent("Docs")
        var documents = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "Docs/\($0)" }
        documents.append("README.md")
        var examples: [Example] = []
        for document in documents {
            guard let text = try? String(contentsOf: repository.appendingPathComponent(document), encoding: .utf8)
            else { continue }
            var current: (line: Int, lines: [String])?
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let block = current {
                    if line.trimmingCharacters(in: .whitespaces) == "```" {
                        examples.append(Example(document: document, line: block.line,
                                                source: block.lines.joined(separator: "\n") + "\n"))
                        current = nil
                    } else {
                        current?.lines.append(String(line))
                    }
                } else if line.trimmingCharacters(in: .whitespaces) == "```plancat" {
                    current = (number + 1, [])
                }
            }
        }
        return examples
    }()

    @Test("Docs/Language.md has examples")
    func languageReferenceHasExamples() {
        #expect(Self.examples.filter { $0.document == "Docs/Language.md" }.count >= 5)
    }

    @Test("documentation example checks clean", arguments: examples)
    func exampleChecksClean(_ example: Example) {
        let file = SourceFile(path: example.testDescription, text: example.source)
        let result = CatalogCompiler.check([file])
        let rendered = TextDiagnosticRenderer(usesColor: false).render(result.diagnostics)
        #expect(result.diagnostics.isEmpty, "example at \(example.testDescription) reports:\n\(rendered)")
    }
}
