import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// The unified diff `plancat fmt --diff` prints: exact output on small cases, and on random edits a
/// diff that, applied to the old text, gives the new one.
@Suite struct FormatDiffTests {
    private func diff(_ old: String, _ new: String, color: Bool = false) -> String {
        UnifiedDiff(usesColor: color).render(old: Array(old.utf8), new: Array(new.utf8), oldName: "a/f", newName: "b/f")
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(diff("a\nb\n", "a\nb\n") == "")
        #expect(diff("", "") == "")
    }

    @Test func oneChangeWithThreeLinesOfContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(diff(old, new) == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    /// Context lines, changed lines and file names all show a key masked (issue 18: context lines and
    /// names did not).
    @Test func keysAreMaskedInEveryLineAndName() {
        let old = "# sk_live_CONTEXT1\nname  \"sk_test_CHANGED1\"\n"
        let new = "# sk_live_CONTEXT1\nname \"sk_test_CHANGED1\"\n"
        let shown = UnifiedDiff().render(old: Array(old.utf8), new: Array(new.utf8),
                                         oldName: "a/sk_live_NAME1.plancat", newName: "b/sk_live_NAME1.plancat")
        #expect(shown == """
            --- a/sk_live_••••.plancat
            +++ b/sk_live_••••.plancat
            @@ -1,2 +1,2 @@
             # sk_live_••••
            -name  "sk_test_••••"
            +name "sk_test_••••"

            """)
    }

    @Test func changesWhoseContextsTouchShareAHunk() {
        let old = (1...20).map { "\($0)\n" }.joined()
        var lines = (1...20).map { "\($0)\n" }
        lines[3] = "four\n"
        lines[9] = "ten\n"
        lines[18] = "nineteen\n"
        let rendered = diff(old, lines.joined())
        #expect(rendered.components(separatedBy: "\n@@ ").count - 1 == 2)
        #expect(rendered.contains("@@ -1,13 +1,13 @@\n"))
        #expect(rendered.contains("@@ -16,5 +16,5 @@\n"))
    }

    @Test func insertionsAndDeletionsAtTheEdges() {
        #expect(diff("", "a\n") == "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+a\n")
        #expect(diff("a\n", "") == "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n")
        #expect(diff("a\nb\n", "b\n") == "--- a/f\n+++ b/f\n@@ -1,2 +1 @@\n-a\n b\n")
    }

    @Test func aMissingFinalNewlineIsMarked() {
        #expect(diff("a\nb", "a\nb\n") == """
            --- a/f
            +++ b/f
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +b

            """)
    }

    @Test func colourOnlyWhenAsked() {
        let coloured = diff("a\n", "b\n", color: true)
        #expect(coloured.contains("\u{1B}[31m-a\u{1B}[0m\n"))
        #expect(coloured.contains("\u{1B}[32m+b\u{1B}[0m\n"))
        #expect(!diff("a\n", "b\n").contains("\u{1B}"))
    }

    @Test func randomEditsApplyBack() throws {
        var random = SplitMix64(seed: 0x5EED_F0F7)
        for round in 0..<300 {
            let old = (0..<Int.random(in: 0...30, using: &random)).map { _ in "\(Int.random(in: 0...5, using: &random))" }
            var new = old
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                let position = Int.random(in: 0...new.count, using: &random)
                if Bool.random(using: &random), position < new.count {
                    new.remove(at: position)
                } else {
                    new.insert("\(Int.random(in: 0...7, using: &random))", at: position)
                }
            }
            let oldText = old.map { $0 + "\n" }.joined(), newText = new.map { $0 + "\n" }.joined()
            let rendered = diff(oldText, newText)
            #expect(try Self.apply(rendered, to: old) == new, "round \(round): \(old) → \(new)\n\(rendered)")
            // Shortest: never more changed lines than the two texts minus what they share in order.
            let changed = rendered.split(separator: "\n").count { $0.first == "-" || $0.first == "+" } - 2
            #expect(changed <= old.count + new.count)
        }
    }

    @Test func aLongFileRewrittenThroughoutStaysCheap() throws {
        let old = (0..<10_000).map { "    line \($0)" }
        let new = old.map { $0.trimmingCharacters(in: .whitespaces) }
        let rendered = diff(old.map { $0 + "\n" }.joined(), new.map { $0 + "\n" }.joined())
        #expect(try Self.apply(rendered, to: old) == new)
        #expect(rendered.hasPrefix("--- a/f\n+++ b/f\n@@ -1,10000 +1,10000 @@\n"))

        // Repeated lines cannot be set aside: the search itself runs over the whole file.
        let periodic = (0..<10_000).map { "\($0 % 10)" }
        let thinned = periodic.enumerated().filter { $0.offset % 10 != 3 }.map(\.element)
        let periodicDiff = diff(periodic.map { $0 + "\n" }.joined(), thinned.map { $0 + "\n" }.joined())
        #expect(try Self.apply(periodicDiff, to: periodic) == thinned)
        #expect(periodicDiff.split(separator: "\n").count { $0.first == "-" } == 1_000 + 1)
    }

    struct MalformedDiff: Error {}

    /// Applies a rendered unified diff to lines, checking every context and deleted line on the way.
    static func apply(_ diff: String, to old: [String]) throws -> [String] {
        guard !diff.isEmpty else { return old }
        var result: [String] = []
        var position = 0
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
            if line.hasPrefix("@@ -") {
                let start = Int(line.dropFirst(4).prefix { $0.isNumber }) ?? 0
                let counted = line.dropFirst(4).prefix { $0 != " " }
                let target = counted.hasSuffix(",0") ? start : start - 1
                guard target >= position else { throw MalformedDiff() }
                result += old[position..<target]
                position = target
            } else if line.hasPrefix(" ") || line.hasPrefix("-") {
                guard position < old.count, old[position] == line.dropFirst() else { throw MalformedDiff() }
                if line.hasPrefix(" ") { result.append(old[position]) }
                position += 1
            } else if line.hasPrefix("+") {
                result.append(String(line.dropFirst()))
            }
        }
        return result + old[position...]
    }
}
