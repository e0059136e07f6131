import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Docs/Robustness.md names the tests that prove each guarantee; every suite and test it names in code
/// spans must exist, so that a renamed or deleted test cannot leave the page pointing at nothing.
@Suite struct RobustnessDocumentationTests {
    static let packageRoot = PackageRoot.url

    /// Code spans that name a suite (`…Tests`) or a test function (camelCase with several words, and
    /// `(signal:)`-style arguments allowed), as opposed to commands, paths and messages.
    static func namedTests(in markdown: String) -> Set<String> {
        let pattern = #/`([a-z][a-z]+(?:[A-Z][a-z0-9]*){3,}|[A-Z][A-Za-z]+Tests)(?:\([a-z:]*\))?`/#
        return Set(markdown.matches(of: pattern).map { String($0.output.1) })
    }

    @Test func everyTestTheRobustnessPageNamesExists() throws {
        let page = try String(contentsOf: Self.packageRoot.appendingPathComponent("Docs/Robustness.md"), encoding: .utf8)
        let names = Self.namedTests(in: page)
        #expect(names.count >= 30, "the page names too few tests: \(names.sorted())")
        var sources = ""
        let enumerator = FileManager.default.enumerator(atPath: Self.packageRoot.appendingPathComponent("Tests").path)
        while let entry = enumerator?.nextObject() as? String {
            guard entry.hasSuffix(".swift") else { continue }
            sources += try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/" + entry), encoding: .utf8)
        }
        let sourceNames = sources.matches(of: #/(?:func|struct|class|enum) ([A-Za-z0-9]+)/#).map { String($0.output.1) }
        let defined = Set(sourceNames)
        let missing = names.filter { !defined.contains($0) }.sorted()
        #expect(missing.isEmpty, "Docs/Robustness.md names tests that do not exist: \(missing)")
    }

    /// The table of key prefixes under "Secret keys are refused wherever they appear" lists exactly
    /// `SecretScanner.prefixes`: a prefix added to the code is documented, and the page promises no other.
    @Test func thePageListsExactlyTheSecretKeyPrefixesTheScannerKnows() throws {
        let page = try String(contentsOf: Self.packageRoot.appendingPathComponent("Docs/Robustness.md"), encoding: .utf8)
        let table = try #require(page.split(separator: "| prefix | what it is |").dropFirst().first)
            .split(separator: "\n\n").first ?? ""
        let listed = table.split(separator: "\n").dropFirst().flatMap { row in
            row.split(separator: "|").first.map { cell in cell.matches(of: #/`([a-z_]+)`/#).map { String($0.output.1) } } ?? []
        }
        #expect(listed.sorted() == SecretScanner.prefixes.sorted())
    }
}
