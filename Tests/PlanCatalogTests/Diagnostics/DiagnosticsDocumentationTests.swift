import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Docs/Diagnostics.md is generated from the diagnostic registry (codes, severities, titles) and the
/// long explanations behind `plancat explain`; these tests keep the committed file current and hold
/// every explanation to the shape the generator and the terminal rely on.
///
/// `PLANCAT_UPDATE_GOLDENS=1 swift test --filter DiagnosticsDocumentationTests` rewrites the file when
/// it is out of date, and still fails, so every change of the documentation is reviewed before it lands.
@Suite struct DiagnosticsDocumentationTests {
    @Test func documentationIsCurrent() {
        Golden.expect(DiagnosticsDocumentation.markdown(), matchesFile: DiagnosticsDocumentation.fileURL,
                      name: "Docs/Diagnostics.md")
    }

    @Test(arguments: DiagnosticCode.allCases)
    func explanationShowsExampleAndFix(_ code: DiagnosticCode) {
        let lines = code.explanation.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!code.explanation.isEmpty)
        let example = lines.firstIndex { $0.hasPrefix("Example:") }
        let fix = lines.firstIndex { $0.hasPrefix("Fix:") }
        #expect(example != nil, "\(code.rawValue) has no `Example:` line")
        #expect(fix != nil, "\(code.rawValue) has no `Fix:` line")
        guard let example, let fix else { return }
        #expect(example > 0, "\(code.rawValue) starts with its example instead of saying what the check is")
        #expect(example < fix, "\(code.rawValue) shows its fix before its example")
        let isSource = { (line: Substring) in line.hasPrefix("    ") }
        #expect(lines[example..<fix].contains(where: isSource), "\(code.rawValue) has no example source")
        #expect(lines[fix...].contains(where: isSource), "\(code.rawValue) has no corrected source")
    }

    @Test(arguments: DiagnosticCode.allCases)
    func explanationIsPlainWrappedText(_ code: DiagnosticCode) {
        for (index, line) in code.explanation.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated() {
            let place = "\(code.rawValue) line \(index + 1)"
            #expect(line.count <= 100, "\(place) is \(line.count) columns wide")
            #expect(line.last != " " && line.last != "\t", "\(place) has trailing whitespace")
            #expect(!line.contains("\t"), "\(place) holds a tab")
            // A prose line starting with `#` would become a heading in Docs/Diagnostics.md, and a code
            // span broken across lines renders with a space in it.
            #expect(!line.hasPrefix("#"), "\(place) starts with `#`")
            if !line.hasPrefix("    ") {
                #expect(line.count(where: { $0 == "`" }) % 2 == 0, "\(place) breaks a code span across lines")
            }
        }
        #expect(!code.explanation.hasPrefix("\n") && !code.explanation.hasSuffix("\n"))
        #expect(!code.explanation.contains("\n\n\n"), "\(code.rawValue) has two blank lines in a row")
    }

    @Test func codesAreUniqueAndSorted() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted { DiagnosticsDocumentation.sortKey($0) < DiagnosticsDocumentation.sortKey($1) })
    }

    @Test func markdownFencesExplanationSource() {
        let markdown = DiagnosticsDocumentation.markdown(explaining: .unterminatedString)
        #expect(markdown.contains("**Example:**\n\n```text\nplan plan_pro {\n  name \"Pro\n}\n```"))
        // Fences are balanced across the whole document, and none is tagged `plancat`: the fragments
        // are not complete catalogs, and the documentation examples test compiles every `plancat` fence.
        let document = DiagnosticsDocumentation.markdown()
        let fences = document.split(separator: "\n").filter { $0.hasPrefix("```") }
        #expect(fences.count % 2 == 0)
        #expect(!fences.contains("```plancat"))
    }
}

/// Renders Docs/Diagnostics.md from `DiagnosticCode.allCases`.
enum DiagnosticsDocumentation {
    static var fileURL: URL {
        PackageRoot.url(of: "Docs/Diagnostics.md")
    }

    /// The check families of LANGUAGE.md section 4, by the two digits after the code's letter.
    static let families: [(number: String, name: String)] = [
        ("01", "Syntax"),
        ("02", "Schema"),
        ("03", "Identity"),
        ("04", "References"),
        ("05", "Free and placeholder plans"),
        ("06", "Trials"),
        ("07", "Features and metrics"),
        ("08", "Money"),
        ("09", "Pricing tables"),
        ("10", "Secrets"),
        ("11", "Scenarios"),
    ]

    /// Codes sort by family, then errors before warnings, then number: E0503 before W0501 before E0601.
    static func sortKey(_ code: String) -> String {
        let family = code.dropFirst().prefix(2)
        return "\(family)\(code.prefix(1))\(code.dropFirst(3))"
    }

    static func markdown() -> String {
        let codes = DiagnosticCode.allCases.sorted { sortKey($0.rawValue) < sortKey($1.rawValue) }
        var out = """
            # Diagnostics

            <!-- Generated from Sources/PlanCatalog/Diagnostics/DiagnosticCode.swift and
                 Explanations/ by Tests/PlanCatalogTests/Diagnostics/DiagnosticsDocumentationTests.swift.
                 Do not edit by hand: change the registry, then run
                 PLANCAT_UPDATE_GOLDENS=1 swift test --filter DiagnosticsDocumentationTests -->

            Every problem `plancat check` finds is reported with a stable code, the file, line and column,
            a one-line message and, where one helps, a note or a suggested fix:

            ```text
            catalogs/pro.plancat:14:11: error[E0401]: unknown metric `api-call`
               |
            14 |     usage api-call
               |           ^^^^^^^^ no metric with this id
               = help: did you mean `api-calls`?
            ```

            Codes starting with `E` are errors: a catalog with any of them fails `plancat check` (exit
            status 1). Codes starting with `W` are warnings: they are reported, but fail a run only with
            `--warnings-as-errors`. The two digits after the letter name the family of checks, in the order
            of [the language reference](Language.md#checks). A code never changes its meaning once
            published.

            This page holds every code with its long explanation: what the check is and why it exists, an
            example that triggers it, and the fix. `plancat explain CODE` (for example
            `plancat explain E0401`) prints the same text in a terminal.


            """
        out += "| Code | Severity | Title |\n| --- | --- | --- |\n"
        for code in codes {
            out += "| [\(code.rawValue)](#\(code.rawValue.lowercased())) | \(code.severity.rawValue) | \(code.title) |\n"
        }
        for family in families {
            let members = codes.filter { $0.rawValue.dropFirst().hasPrefix(family.number) }
            guard !members.isEmpty else { continue }
            out += "\n## \(family.name)\n"
            for code in members {
                out += "\n" + markdown(explaining: code)
            }
        }
        let unlisted = codes.filter { code in !families.contains { code.rawValue.dropFirst().hasPrefix($0.number) } }
        if !unlisted.isEmpty {
            out += "\n## Other\n"
            for code in unlisted { out += "\n" + markdown(explaining: code) }
        }
        return out
    }

    /// One code's section: a heading that is its anchor, the severity and title, then the explanation
    /// with its four-space-indented source turned into fenced `text` blocks.
    static func markdown(explaining code: DiagnosticCode) -> String {
        var out = "### \(code.rawValue)\n\n**\(code.severity.rawValue)**: \(code.title)\n\n"
        var isInSource = false
        var pendingBlankLines = 0
        for line in code.explanation.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                pendingBlankLines += 1
                continue
            }
            let isSourceLine = line.hasPrefix("    ")
            if isInSource, !isSourceLine {
                out += "```\n"
                isInSource = false
            }
            out += String(repeating: "\n", count: pendingBlankLines)
            pendingBlankLines = 0
            if isSourceLine {
                if !isInSource {
                    out += "```text\n"
                    isInSource = true
                }
                out += line.dropFirst(4) + "\n"
            } else if line.hasPrefix("Example:") || line.hasPrefix("Fix:") {
                let colon = line.firstIndex(of: ":")!
                out += "**\(line[..<line.index(after: colon)])**\(line[line.index(after: colon)...])\n"
            } else {
                out += line + "\n"
            }
        }
        if isInSource { out += "```\n" }
        return out
    }
}
