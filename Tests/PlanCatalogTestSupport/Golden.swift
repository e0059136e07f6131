import Foundation
import PlanCatalog
import Testing

/// The one golden-file comparison of both test targets. A test produces its text or files and hands them
/// to `Golden.expect`; the file beside the test is what they must be, byte for byte.
///
/// On a mismatch the test fails with a unified diff from the golden to what was produced (`--- golden`,
/// `+++ actual`, as `diff -u` prints it). With `PLANCAT_UPDATE_GOLDENS=1` the golden is rewritten instead,
/// and the test still fails, so a rewrite is never a silent pass: every change is reviewed in `git diff`
/// and the tests run again.
public enum Golden {
    /// The environment variable that turns comparing into rewriting.
    public static let updateVariable = "PLANCAT_UPDATE_GOLDENS"

    /// Whether this run rewrites goldens rather than comparing with them.
    public static var isUpdating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// Lines of a diff shown in a failure; a golden that differs everywhere says so without flooding the log.
    public static let shownDiffLines = 200

    /// What comparing with one golden file found.
    public enum Outcome: Equatable, Sendable {
        case matches
        /// The golden differs; the unified diff from it to the actual bytes.
        case differs(diff: String)
        /// There is no golden file.
        case missing
        /// The golden differed or was missing, and has been rewritten.
        case rewrote

        /// The failure to record, naming the golden as `name`; nil when it matches.
        public func message(name: String) -> String? {
            switch self {
            case .matches: nil
            case .differs(let diff): "\(name) differs from its golden:\n\(diff)"
            case .missing: "\(name) is missing; run with \(Golden.updateVariable)=1 to write it"
            case .rewrote: "rewrote \(name); review the change with `git diff` and rerun"
            }
        }
    }

    /// Compares `actual` with the file at `url`, rewriting the file (and any missing folders) when `updating`
    /// and it differs.
    public static func compare(_ actual: [UInt8], withFile url: URL, updating: Bool) throws -> Outcome {
        let expected = FileManager.default.contents(atPath: url.path).map { Array($0) }
        if expected == actual { return .matches }
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: url)
            return .rewrote
        }
        guard let expected else { return .missing }
        return .differs(diff: difference(expected: expected, actual: actual))
    }

    /// Fails the current test unless `actual` is the content of the golden file at `url` (see the type).
    /// `name` names the golden in the failure; its file name by default. Returns whether it matched.
    @discardableResult
    public static func expect(_ actual: [UInt8], matchesFile url: URL, name: String? = nil,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let outcome: Outcome
        do {
            outcome = try compare(actual, withFile: url, updating: isUpdating)
        } catch {
            Issue.record("cannot rewrite \(url.path): \(error)", sourceLocation: sourceLocation)
            return false
        }
        guard let message = outcome.message(name: name ?? url.lastPathComponent) else { return true }
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return false
    }

    /// `expect` for a text, compared as its UTF-8 bytes.
    @discardableResult
    public static func expect(_ actual: String, matchesFile url: URL, name: String? = nil,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        expect(Array(actual.utf8), matchesFile: url, name: name, sourceLocation: sourceLocation)
    }

    /// Fails the current test unless the directory at `url` holds exactly `files` (paths relative to it)
    /// and nothing else. When updating and anything differs, the directory is replaced by `files` whole,
    /// so a file no longer produced does not linger.
    public static func expect(_ files: [(path: String, bytes: [UInt8])], matchDirectory url: URL, name: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let present = Set(Golden.files(under: url)), produced = Set(files.map(\.path))
        if isUpdating {
            let changed = present != produced || files.contains { file in
                FileManager.default.contents(atPath: url.appendingPathComponent(file.path).path).map({ Array($0) }) != file.bytes
            }
            guard changed else { return }
            do {
                try? FileManager.default.removeItem(at: url)
                for file in files {
                    _ = try compare(file.bytes, withFile: url.appendingPathComponent(file.path), updating: true)
                }
                Issue.record("rewrote the golden files of \(name); review the change with `git diff` and rerun",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot rewrite \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        if present != produced {
            Issue.record("""
                the files of \(name) differ from its goldens: not produced \(present.subtracting(produced).sorted()), \
                produced without a golden \(produced.subtracting(present).sorted())
                """, sourceLocation: sourceLocation)
        }
        for file in files where present.contains(file.path) {
            expect(file.bytes, matchesFile: url.appendingPathComponent(file.path), name: "\(file.path) of \(name)",
                   sourceLocation: sourceLocation)
        }
    }

    /// A unified diff from `expected` to `actual` (`--- golden`, `+++ actual`), cut after `shownDiffLines`
    /// lines. It is UnifiedDiff's, so a secret key in either is shown masked, as plancat prints source.
    public static func difference(expected: [UInt8], actual: [UInt8]) -> String {
        let diff = UnifiedDiff().render(old: expected, new: actual, oldName: "golden", newName: "actual")
        var lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count > shownDiffLines else { return diff }
        return lines.prefix(shownDiffLines).joined(separator: "\n") + "\n… \(lines.count - shownDiffLines) more lines\n"
    }

    /// `difference` of two texts.
    public static func difference(expected: String, actual: String) -> String {
        difference(expected: Array(expected.utf8), actual: Array(actual.utf8))
    }

    /// The paths of the regular files under a directory, relative to it, sorted; none when it is missing.
    public static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var paths: [String] = []
        while let entry = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(entry).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                paths.append(entry)
            }
        }
        return paths.sorted()
    }
}
