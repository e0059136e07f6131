import Foundation
import Testing
import PlanCatalogTestSupport

/// The golden-file helper every golden test uses: a mismatch fails with a unified diff, a rewrite writes
/// the file and still fails, a match passes and writes nothing.
@Suite struct GoldenTests {
    /// A fresh folder holding `golden.txt` with `text`, or nothing when `text` is nil.
    static func folder(with text: String?) throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "plancat-golden-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let text { try Data(text.utf8).write(to: folder.appendingPathComponent("golden.txt")) }
        return folder
    }

    static func contents(_ url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aMatchPassesAndWritesNothing() throws {
        let folder = try Self.folder(with: "one\ntwo\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("golden.txt")
        #expect(try Golden.compare(Array("one\ntwo\n".utf8), withFile: url, updating: false) == .matches)
        #expect(try Golden.compare(Array("one\ntwo\n".utf8), withFile: url, updating: true) == .matches)
        #expect(Golden.expect("one\ntwo\n", matchesFile: url))
        #expect(Golden.Outcome.matches.message(name: "golden.txt") == nil)
    }

    @Test func aMismatchIsAUnifiedDiffAndLeavesTheGolden() throws {
        let folder = try Self.folder(with: "one\ntwo\nthree\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("golden.txt")
        let outcome = try Golden.compare(Array("one\n2\nthree\n".utf8), withFile: url, updating: false)
        #expect(outcome == .differs(diff: """
            --- golden
            +++ actual
            @@ -1,3 +1,3 @@
             one
            -two
            +2
             three

            """))
        #expect(outcome.message(name: "golden.txt")?.hasPrefix("golden.txt differs from its golden:\n--- golden\n") == true)
        #expect(Self.contents(url) == "one\ntwo\nthree\n")
    }

    @Test func updatingRewritesAndStillFails() throws {
        let folder = try Self.folder(with: "old\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("golden.txt")
        #expect(try Golden.compare(Array("new\n".utf8), withFile: url, updating: true) == .rewrote)
        #expect(Self.contents(url) == "new\n")
        // A missing golden, in a missing folder, is written too.
        let deeper = folder.appendingPathComponent("more/golden.txt")
        #expect(try Golden.compare(Array("new\n".utf8), withFile: deeper, updating: false) == .missing)
        #expect(try Golden.compare(Array("new\n".utf8), withFile: deeper, updating: true) == .rewrote)
        #expect(Self.contents(deeper) == "new\n")
        // Rewriting is a failure to review, never a pass.
        #expect(Golden.Outcome.rewrote.message(name: "golden.txt") == "rewrote golden.txt; review the change with `git diff` and rerun")
        #expect(Golden.Outcome.missing.message(name: "golden.txt")?.contains("PLANCAT_UPDATE_GOLDENS=1") == true)
    }

    /// Through `expect`, a difference is a recorded issue (a rewrite when PLANCAT_UPDATE_GOLDENS=1).
    @Test func expectRecordsTheDifference() throws {
        let folder = try Self.folder(with: "a\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("golden.txt")
        withKnownIssue {
            #expect(!Golden.expect("b\n", matchesFile: url, name: "letters"))
        } matching: { issue in
            let comment = issue.comments.map(\.rawValue).joined()
            return Golden.isUpdating ? comment.hasPrefix("rewrote letters")
                : comment.hasPrefix("letters differs from its golden:\n--- golden\n+++ actual\n") && comment.contains("-a\n+b")
        }
    }

    @Test func aLongDiffIsCut() {
        let expected = (0..<1_000).map { "line \($0)\n" }.joined()
        let actual = (0..<1_000).map { "changed \($0)\n" }.joined()
        let diff = Golden.difference(expected: expected, actual: actual)
        let lines = diff.split(separator: "\n")
        #expect(lines.count == Golden.shownDiffLines + 1)
        #expect(lines.last == "… \(2_003 - Golden.shownDiffLines) more lines")
    }

    @Test func aDirectoryIsComparedFileByFileAndRewrittenWhole() throws {
        let folder = try Self.folder(with: nil)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: folder.appendingPathComponent("sub/a.txt"))
        try Data("stale\n".utf8).write(to: folder.appendingPathComponent("b.txt"))
        #expect(Golden.files(under: folder) == ["b.txt", "sub/a.txt"])
        let produced: [(path: String, bytes: [UInt8])] = [("sub/a.txt", Array("x\n".utf8)), ("c.txt", Array("c\n".utf8))]
        withKnownIssue {
            Golden.expect(produced, matchDirectory: folder, name: "the sample")
        } matching: { issue in
            let comment = issue.comments.map(\.rawValue).joined()
            return Golden.isUpdating ? comment.hasPrefix("rewrote the golden files of the sample")
                : comment.contains("not produced [\"b.txt\"], produced without a golden [\"c.txt\"]")
        }
    }
}
