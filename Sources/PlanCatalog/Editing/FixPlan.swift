/// The fix-its `check --fix` applies, and the files they change.
///
/// Only unambiguous repairs are applied: a diagnostic with exactly one fix-it (a did-you-mean with one
/// candidate, `usd` → `USD`). A diagnostic with several fix-its asks a person to choose, so it is left for
/// them. Fix-its are taken in report order (file, position, code); one whose edits overlap an edit already
/// taken is skipped — applying both would garble the text — and is counted, since running `--fix` again
/// after the recheck may apply it. Two diagnostics that ask for the very same edit are one repair.
///
/// The library's, not the CLI's: the language server's `source.fixAll` applies exactly these edits.
public struct FixPlan: Sendable {
    /// One file's new text.
    public struct FileChange: Sendable {
        public let file: SourceFile
        public let bytes: [UInt8]
        /// How many diagnostics its edits repair.
        public let fixCount: Int
        /// The edits that make `bytes` of the file's bytes, in the file's order and none overlapping: what
        /// an editor applies to the text it holds.
        public let edits: [Edit]
    }

    /// The changed files, in the order of their first fix.
    public private(set) var changes: [FileChange] = []
    /// Fix-its left out because an edit overlaps one already taken.
    public private(set) var overlappingCount = 0

    /// An edit as byte offsets into its file.
    public struct Edit: Equatable, Sendable {
        public let start: Int
        public let end: Int
        public let replacement: String

        func overlaps(_ other: Edit) -> Bool {
            if self == other { return false }
            // Two insertions at one offset conflict: their order would be a guess.
            if start == end, other.start == other.end { return start == other.start }
            return start < other.end && other.start < end
        }
    }

    /// The plan for `diagnostics`, found by one check whose files are `files`.
    public init(_ diagnostics: [Diagnostic], in files: FileTable) {
        var editsByFile: [String: (file: SourceFile, edits: [Edit], fixCount: Int)] = [:]
        var order: [String] = []
        for diagnostic in diagnostics.sorted(by: Diagnostic.reportOrder(in: files)) {
            guard diagnostic.fixes.count == 1, let fix = diagnostic.fixes.first, !fix.edits.isEmpty else { continue }
            var proposed: [(path: String, file: SourceFile, edit: Edit)] = []
            var isValid = true
            for edit in fix.edits {
                let file = files[edit.location.file], span = edit.location.span
                guard span.start >= 0, span.start <= span.end, span.end <= file.bytes.count else {
                    isValid = false
                    break
                }
                proposed.append((file.path, file, Edit(start: span.start, end: span.end, replacement: edit.replacement)))
            }
            guard isValid else { continue }
            let conflicts = proposed.enumerated().contains { index, candidate in
                (editsByFile[candidate.path]?.edits ?? []).contains { $0.overlaps(candidate.edit) }
                    || proposed[..<index].contains { $0.path == candidate.path && $0.edit.overlaps(candidate.edit) }
            }
            if conflicts {
                overlappingCount += 1
                continue
            }
            for (position, candidate) in proposed.enumerated() {
                var entry = editsByFile[candidate.path] ?? (candidate.file, [], 0)
                if editsByFile[candidate.path] == nil { order.append(candidate.path) }
                if !entry.edits.contains(candidate.edit) { entry.edits.append(candidate.edit) }
                // The repair is counted once, in the file of its first edit.
                if position == 0 { entry.fixCount += 1 }
                editsByFile[candidate.path] = entry
            }
        }
        for path in order {
            guard let entry = editsByFile[path] else { continue }
            var bytes = entry.file.bytes
            let edits = entry.edits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            // From the end backwards, so that each edit's offsets still point where they did.
            for edit in edits.reversed() {
                bytes.replaceSubrange(edit.start..<edit.end, with: Array(edit.replacement.utf8))
            }
            guard bytes != entry.file.bytes else { continue }
            changes.append(FileChange(file: entry.file, bytes: bytes, fixCount: entry.fixCount, edits: edits))
        }
    }
}
