import Testing
@testable import PlanCatalog

/// `FixPlan.FileChange.edits`: the edits an editor applies (`source.fixAll`) make exactly the bytes
/// `plancat check --fix` writes.
@Suite struct FixPlanEditsTests {
    @Test func theEditsAreInOrderApartAndMakeTheNewBytes() throws {
        let text = """
            currency usd
            metric api-calls { name "API"; aggregate summ }
            plan p {
              name "P"
              price m { interval month; component c { usage api-cals; unit-price 1 } }
            }

            """
        let file = SourceFile(path: "a.plancat", text: text)
        let check = CatalogCompiler.check([file])
        let plan = FixPlan(check.diagnostics, in: check.files)
        let change = try #require(plan.changes.first)
        #expect(plan.changes.count == 1)
        #expect(change.edits.map(\.replacement) == ["USD", "sum", "api-calls"])
        for (previous, next) in zip(change.edits, change.edits.dropFirst()) { #expect(previous.end <= next.start) }
        var bytes = file.bytes
        for edit in change.edits.reversed() {
            bytes.replaceSubrange(edit.start..<edit.end, with: Array(edit.replacement.utf8))
        }
        #expect(bytes == change.bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text.replacingOccurrences(of: "usd", with: "USD")
            .replacingOccurrences(of: "summ", with: "sum").replacingOccurrences(of: "api-cals", with: "api-calls"))
    }
}
