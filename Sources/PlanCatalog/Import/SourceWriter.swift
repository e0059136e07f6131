/// Lays out `.plancat` source in the canonical form that `plancat fmt` writes: two-space indentation, one
/// statement per line, `{` on its statement's line and `}` on a line of its own, one blank line between
/// top-level blocks, a `component` block on one line (`component comp_base { fixed 29; label "Base" }`)
/// when it fits in 100 columns, and a trailing newline.
///
/// Every line remembers the JSON path of what it says (`$.plans[2].planName`), so that when the source
/// does not compile, the compiler's line can be turned back into the record and field of the input.
struct SourceWriter {
    /// The widest a one-line component may be, counted in Unicode scalars, indentation included.
    static let lineWidth = 100

    private(set) var lines: [String] = []
    /// The JSON path of each line, by index.
    private(set) var paths: [String] = []
    private var depth = 0

    /// A statement on a line of its own: its keyword and arguments, already spelled.
    mutating func statement(_ words: String..., path: String) {
        append(words.joined(separator: " "), path: path)
    }

    /// A statement with a block: `header {`, the body one level deeper, `}`.
    mutating func block(_ header: String, path: String, body: (inout SourceWriter) -> Void) {
        append(header + " {", path: path)
        depth += 1
        body(&self)
        depth -= 1
        append("}", path: path)
    }

    /// A block of simple statements (a component's) on one line when it fits, else one per line.
    mutating func compactBlock(_ header: String, path: String, statements: [(text: String, path: String)]) {
        let oneLine = header + " { " + statements.map(\.text).joined(separator: "; ") + " }"
        if indentation.unicodeScalars.count + oneLine.unicodeScalars.count <= Self.lineWidth {
            append(oneLine, path: path)
            return
        }
        block(header, path: path) { writer in
            for statement in statements { writer.append(statement.text, path: statement.path) }
        }
    }

    /// A blank line between top-level blocks (never two in a row, never at the start).
    mutating func blankLine() {
        guard let last = lines.last, !last.isEmpty else { return }
        lines.append("")
        paths.append("$")
    }

    /// The source: the lines, each ended by a newline.
    var text: String {
        var lines = lines
        while lines.last == "" { lines.removeLast() }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The JSON path of a 1-based line of `text`.
    func path(ofLine line: Int) -> String {
        paths.indices.contains(line - 1) ? paths[line - 1] : "$"
    }

    private var indentation: String { String(repeating: "  ", count: depth) }

    /// One line at the current depth, already spelled.
    mutating func append(_ text: String, path: String) {
        lines.append(indentation + text)
        paths.append(path)
    }
}
