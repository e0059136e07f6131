import Testing
@testable import PlanCatalog

/// The diff's three renderings — text like `terraform plan`, OUTPUT.md's JSON document, a Markdown
/// pull-request comment — on hand-made diffs (`+Samples`): goldens of each (`+Goldens`), the JSON
/// against its schema (`+Schema`), Markdown escaping (`+Markdown`), and here exact strings of the
/// summary, the colour switch, one-line values and the JSON document's shape.
@Suite struct DiffRendererTests {
    /// A diff with `count` changes of each action.
    static func diff(eachActionTimes count: Int) -> CatalogDiff {
        let changes = CatalogDiff.Action.allCases.flatMap { action in
            (0..<count).map { CatalogDiff.Change(kind: .plan, id: "\(action.rawValue)_\($0)", action: action,
                                                 reason: "test", fields: []) }
        }
        return CatalogDiff(changes: changes, operations: [])
    }

    // MARK: Summary

    @Test func summaryLineSaysNewVersionInTheSingularOnlyForOne() {
        #expect(DiffTextRenderer.summaryLine(of: Self.diff(eachActionTimes: 0))
                == "0 to create, 0 to update, 0 new versions, 0 to replace, 0 to archive")
        #expect(DiffTextRenderer.summaryLine(of: Self.diff(eachActionTimes: 1))
                == "1 to create, 1 to update, 1 new version, 1 to replace, 1 to archive")
        #expect(DiffTextRenderer.summaryLine(of: Self.diff(eachActionTimes: 2))
                == "2 to create, 2 to update, 2 new versions, 2 to replace, 2 to archive")
    }

    @Test func summaryLineCountsEachActionOnItsOwn() {
        let diff = Self.samples.first { $0.name == "every-action" }!.diff
        #expect(DiffTextRenderer.summaryLine(of: diff)
                == "2 to create, 3 to update, 1 new version, 1 to replace, 2 to archive")
    }

    @Test func breakingLineSaysChangeInTheSingularOnlyForOne() {
        #expect(DiffTextRenderer.breakingLine(breakingCount: 0) == "0 breaking changes")
        #expect(DiffTextRenderer.breakingLine(breakingCount: 1) == "1 breaking change")
        #expect(DiffTextRenderer.breakingLine(breakingCount: 7) == "7 breaking changes")
    }

    @Test func textEndsWithTheSummaryAndTheBreakingCount() {
        let text = DiffTextRenderer(usesColor: false).render(Self.diff(eachActionTimes: 1), source: "a", deployed: "b")
        #expect(text.hasSuffix("\n1 to create, 1 to update, 1 new version, 1 to replace, 1 to archive\n3 breaking changes\n"))
    }

    // MARK: Colour

    @Test("text without colour holds no escape byte", arguments: samples)
    func noEscapeWithoutColor(_ sample: Sample) {
        let text = DiffTextRenderer(usesColor: false).render(sample.diff, source: sample.source, deployed: sample.deployed)
        #expect(!text.utf8.contains(0x1B))
    }

    @Test("coloured text is the plain text plus ANSI styles, and nothing else", arguments: samples)
    func colorAddsOnlyStyles(_ sample: Sample) {
        let plain = DiffTextRenderer(usesColor: false).render(sample.diff, source: sample.source, deployed: sample.deployed)
        let colored = DiffTextRenderer(usesColor: true).render(sample.diff, source: sample.source, deployed: sample.deployed)
        #expect(colored.utf8.contains(0x1B))
        #expect(Self.removingStyles(from: colored) == plain)
    }

    @Test func eachActionHasItsOwnColor() {
        let colored = DiffTextRenderer(usesColor: true).render(Self.diff(eachActionTimes: 1), source: "a", deployed: "b")
        #expect(colored.contains("\u{1B}[32m  +\u{1B}[0m plan \u{1B}[1mcreate_0\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[33m  ~\u{1B}[0m plan \u{1B}[1mupdate_0\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[36m  ^\u{1B}[0m plan \u{1B}[1mnew-version_0\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[31m-/+\u{1B}[0m plan \u{1B}[1mreplace_0\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[31m  -\u{1B}[0m plan \u{1B}[1marchive_0\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;31m3 breaking changes\u{1B}[0m"))
    }

    /// `text` without its `ESC [ … m` sequences.
    static func removingStyles(from text: String) -> String {
        var result = ""
        var isInEscape = false
        for scalar in text.unicodeScalars {
            if isInEscape {
                if scalar == "m" { isInEscape = false }
            } else if scalar == "\u{1B}" {
                isInEscape = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: Values in text

    @Test func textShowsAnAbsentSideApartFromNull() {
        let diff = CatalogDiff(changes: [.init(kind: .plan, id: "p", action: .update, reason: "r", fields: [
            .init(path: "a", from: nil, to: .null),
            .init(path: "bb", from: "x", to: nil),
        ])], operations: [])
        let text = DiffTextRenderer(usesColor: false).render(diff, source: "s", deployed: "d")
        #expect(text.contains("\n      a:  (absent) → null\n      bb: \"x\" → (absent)\n"))
    }

    @Test func longValuesAreNeverCut() {
        let long = String(repeating: "a", count: 300)
        let diff = CatalogDiff(changes: [.init(kind: .plan, id: "p", action: .update, reason: "r", fields: [
            .init(path: "name", from: "short", to: .string(long)),
        ])], operations: [])
        let text = DiffTextRenderer(usesColor: false).render(diff, source: "s", deployed: "d")
        #expect(text.contains("name: \"short\" → \"\(long)\"\n"))
        #expect(!text.contains("more characters"))
    }

    @Test func textReplacesControlAndInvisibleCharactersInFreeText() {
        #expect(DiffTextRenderer.displayable("a\u{1B}[31mb\u{202E}c\u{200B}d\ne") == "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        #expect(DiffTextRenderer.displayable("café 日本 🤝") == "café 日本 🤝")
    }

    // MARK: One-line JSON

    @Test func compactTextPutsAValueOnOneReadableLine() {
        let value: JSONValue = .object([
            .init("a", [1, .number("0.25"), nil, true]), .init("b", .object([])), .init("c", []), .init("d", "x\"y\n"),
        ])
        #expect(JSONWriter.compactText(of: value) == #"{"a": [1, 0.25, null, true], "b": {}, "c": [], "d": "x\"y\n"}"#)
    }

    @Test func compactTextEscapesInvisibleCharactersAndStaysJSON() throws {
        let value: JSONValue = .array(["a\u{202E}b", "zero\u{200B}width\u{2028}", "tag\u{E0001}", "🤝 café"])
        let text = JSONWriter.compactText(of: value)
        #expect(text == #"["a\u202eb", "zero\u200bwidth\u2028", "tag\udb40\udc01", "🤝 café"]"#)
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
    }

    // MARK: JSON document

    @Test("the JSON document reads back as the value it was written from", arguments: samples)
    func jsonRoundTrips(_ sample: Sample) throws {
        let bytes = sample.diff.jsonBytes
        #expect(bytes.last == UInt8(ascii: "\n"))
        #expect(try JSONParser.parse(bytes) == sample.diff.jsonValue)
    }

    @Test func jsonDocumentHasEveryKeyInOrder() throws {
        let document = Self.samples.first { $0.name == "every-action" }!.diff.jsonValue
        guard case .object(let members) = document,
              case .object(let summary)? = document["summary"],
              case .array(let changes)? = document["changes"], case .object(let change) = changes[1],
              case .array(let fields)? = change.first(where: { $0.key == "fields" })?.value,
              case .object(let field) = fields[1],
              case .array(let operations)? = document["operations"], case .object(let operation) = operations[5]
        else {
            Issue.record("unexpected shape: \(document)")
            return
        }
        #expect(members.map(\.key) == ["schemaVersion", "summary", "changes", "operations"])
        #expect(summary.map(\.key) == ["create", "update", "newVersion", "replace", "archive", "breaking"])
        #expect(summary.map(\.value) == [2, 3, 1, 1, 2, 4])
        #expect(change.map(\.key) == ["kind", "id", "action", "breaking", "reason", "fields"])
        #expect(field == [.init("path", "description"), .init("from", nil), .init("to", "Cohorts, funnels and retention")])
        #expect(operation == [.init("method", "MANUAL"), .init("path", nil), .init("body", nil),
                              .init("description", "archive the price price_pro_monthly in Lumen's dashboard")])
    }

    @Test func jsonNamesKindsAndActionsAsOutputSays() {
        let kinds = CatalogDiff.Kind.allCases.map { CatalogDiff.Change(kind: $0, id: "x", action: .newVersion, reason: "r", fields: []) }
        let document = CatalogDiff(changes: kinds, operations: []).jsonValue
        guard case .array(let changes)? = document["changes"] else {
            Issue.record("no changes")
            return
        }
        #expect(changes.map { $0["kind"] } == ["metric", "feature", "plan", "price", "creditDefinition", "pricingTable", "quote"])
        #expect(changes.allSatisfy { $0["action"] == "new-version" && $0["breaking"] == true })
    }
}
