/// A unified diff of two versions of a text file, as `diff -u` and `git diff` print it, so that
/// `plancat fmt --diff` can be read by people and applied by `patch -p1` or `git apply`.
///
/// Hunks carry three lines of context by default and are merged when their contexts touch. A last
/// line without a line end is followed by `\ No newline at end of file`, as in GNU diff; a carriage
/// return is part of its line, so a CRLF file shows every line as changed — which it is.
///
/// A secret key is shown masked (`sk_live_••••`) in every line, context included, and in the file names,
/// as everywhere plancat prints source: a diff of a file that holds a key does not apply, and the key is
/// an error to remove first anyway (E1001).
public struct UnifiedDiff: Sendable {
    /// Lines of unchanged text shown around each change.
    public var contextLines = 3
    /// Whether to colour headers, hunk ranges, deletions and insertions with ANSI escapes.
    public var usesColor = false

    public init(contextLines: Int = 3, usesColor: Bool = false) {
        self.contextLines = contextLines
        self.usesColor = usesColor
    }

    /// One line of a file: its text without the line end, and whether a `\n` ended it.
    struct Line: Hashable {
        let text: String
        let isTerminated: Bool
    }

    /// The diff from `old` to `new`, headed `--- oldName` and `+++ newName`; empty when they are equal.
    public func render(old: [UInt8], new: [UInt8], oldName: String, newName: String) -> String {
        guard old != new else { return "" }
        let oldLines = Self.lines(of: old), newLines = Self.lines(of: new)
        let edits = Self.grouped(LineDiff.edits(from: oldLines, to: newLines))
        var output = paint("--- \(SecretScanner.masked(oldName))", "1") + "\n"
            + paint("+++ \(SecretScanner.masked(newName))", "1") + "\n"
        for hunk in hunks(of: edits) {
            output += header(of: hunk, in: edits)
            for edit in edits[hunk] {
                switch edit {
                case .keep(let index, _): output += line(" ", oldLines[index], color: nil)
                case .delete(let index): output += line("-", oldLines[index], color: "31")
                case .insert(let index): output += line("+", newLines[index], color: "32")
                }
            }
        }
        return output
    }

    // MARK: Lines

    static func lines(of bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(Line(text: String(decoding: bytes[start..<index], as: UTF8.self), isTerminated: true))
            start = index + 1
        }
        if start < bytes.count {
            lines.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), isTerminated: false))
        }
        return lines
    }

    private func line(_ marker: String, _ line: Line, color: String?) -> String {
        let shown = marker + SecretScanner.masked(line.text)
        let text = color.map { paint(shown, $0) } ?? shown
        return text + "\n" + (line.isTerminated ? "" : "\\ No newline at end of file\n")
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    // MARK: Hunks

    /// Each run of changes with its deletions first, then its insertions, as diff tools print them.
    static func grouped(_ edits: [LineDiff.Edit]) -> [LineDiff.Edit] {
        var result: [LineDiff.Edit] = []
        var deletions: [LineDiff.Edit] = [], insertions: [LineDiff.Edit] = []
        for edit in edits {
            switch edit {
            case .keep:
                result += deletions + insertions
                deletions = []
                insertions = []
                result.append(edit)
            case .delete: deletions.append(edit)
            case .insert: insertions.append(edit)
            }
        }
        return result + deletions + insertions
    }

    /// The ranges of edits each hunk shows: every change with up to `contextLines` kept lines around it,
    /// hunks whose context would touch or overlap merged into one.
    private func hunks(of edits: [LineDiff.Edit]) -> [Range<Int>] {
        var hunks: [Range<Int>] = []
        for (index, edit) in edits.enumerated() {
            if case .keep = edit { continue }
            let start = Swift.max(0, index - contextLines), end = Swift.min(edits.count, index + 1 + contextLines)
            if let last = hunks.last, start <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<Swift.max(last.upperBound, end)
            } else {
                hunks.append(start..<end)
            }
        }
        return hunks
    }

    /// `@@ -3,7 +3,6 @@`: where the hunk starts in each file (1-based) and how many lines it spans there.
    /// A side with no lines names the line before the hunk, and a count of one is left out.
    private func header(of hunk: Range<Int>, in edits: [LineDiff.Edit]) -> String {
        // Lines of each file before the hunk: the old and new lines of the edits before it.
        var oldBefore = 0, newBefore = 0
        for edit in edits[..<hunk.lowerBound] {
            switch edit {
            case .keep: oldBefore += 1; newBefore += 1
            case .delete: oldBefore += 1
            case .insert: newBefore += 1
            }
        }
        var oldCount = 0, newCount = 0
        for edit in edits[hunk] {
            switch edit {
            case .keep: oldCount += 1; newCount += 1
            case .delete: oldCount += 1
            case .insert: newCount += 1
            }
        }
        func range(_ before: Int, _ count: Int) -> String {
            switch count {
            case 0: "\(before),0"
            case 1: "\(before + 1)"
            default: "\(before + 1),\(count)"
            }
        }
        return paint("@@ -\(range(oldBefore, oldCount)) +\(range(newBefore, newCount)) @@", "36") + "\n"
    }
}
