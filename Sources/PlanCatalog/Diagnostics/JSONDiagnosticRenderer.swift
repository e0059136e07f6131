/// Diagnostics as one JSON array, for editors and scripts (`plancat check --diagnostics json`).
///
/// The shape is the contract of CLI.md: each diagnostic is `{ "code", "severity", "message", "file",
/// "line", "column", "endLine", "endColumn", "notes", "help", "fixes" }`, keys always in that order,
/// positions 1-based with exclusive ends (columns count Unicode scalars). The output is written by hand
/// rather than through `JSONEncoder` so that key order, indentation and escaping never depend on the
/// platform's Foundation: the same diagnostics give the same bytes everywhere.
///
/// Source text is never included — only messages, which already mask secret keys — so the JSON cannot
/// leak what `SecretScanner` hides.
///
/// Strings are exact — a file name holding an escape sequence is that name, so that a tool finds the
/// file — and escaped so that the output can be printed safely: control characters as JSON does, and the
/// invisible characters that could make a line read other than it is (bidirectional overrides, zero-width
/// joiners, line separators) as `\u202e` and the like (`JSONWriter.displayQuoted`). A JSON reader gets
/// the same strings back.
public struct JSONDiagnosticRenderer: Sendable {
    public init() {}

    /// The diagnostics of one compilation, whose files are `files`, sorted by file, position and code, as
    /// a JSON array followed by a newline (`[]` when there are none).
    public func render(_ diagnostics: [Diagnostic], in files: FileTable) -> String {
        render([(diagnostics, files)])
    }

    /// The diagnostics of several compilations (`plancat check` of several catalogs) as one array, sorted
    /// across them; each diagnostic's locations index the table of its own compilation.
    public func render(_ compilations: [(diagnostics: [Diagnostic], files: FileTable)]) -> String {
        let sorted = DiagnosticRendering.reportOrder(compilations)
        guard !sorted.isEmpty else { return "[]\n" }
        let objects = sorted.map { object(for: $0.diagnostic, in: $0.files, indentation: "  ") }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private func object(for diagnostic: Diagnostic, in files: FileTable, indentation: String) -> String {
        let start = files.start(of: diagnostic.location)
        let end = files.end(of: diagnostic.location)
        let notes = array(diagnostic.notes.map { note(for: $0, in: files, indentation: indentation + "    ") },
                          indentation: indentation + "  ")
        let fixes = array(diagnostic.fixes.map { fix(for: $0, in: files, indentation: indentation + "    ") },
                          indentation: indentation + "  ")
        return members([
            ("code", JSONText.quoted(diagnostic.code.rawValue)),
            ("severity", JSONText.quoted(diagnostic.severity.rawValue)),
            ("message", Self.string(diagnostic.message)),
            ("file", Self.string(files.path(of: diagnostic.location))),
            ("line", String(start.line)),
            ("column", String(start.column)),
            ("endLine", String(end.line)),
            ("endColumn", String(end.column)),
            ("notes", notes),
            ("help", Self.string(diagnostic.help)),
            ("fixes", fixes),
        ], indentation: indentation)
    }

    private func note(for note: Diagnostic.Note, in files: FileTable, indentation: String) -> String {
        let start = note.location.map(files.start(of:))
        return members([
            ("message", Self.string(note.message)),
            ("file", Self.string(note.location.map(files.path(of:)))),
            ("line", start.map { String($0.line) } ?? "null"),
            ("column", start.map { String($0.column) } ?? "null"),
        ], indentation: indentation)
    }

    private func fix(for fix: Diagnostic.FixIt, in files: FileTable, indentation: String) -> String {
        let edits = array(fix.edits.map { edit(for: $0, in: files, indentation: indentation + "    ") },
                          indentation: indentation + "  ")
        return members([
            ("message", Self.string(fix.message)),
            ("edits", edits),
        ], indentation: indentation)
    }

    private func edit(for edit: Diagnostic.Edit, in files: FileTable, indentation: String) -> String {
        let start = files.start(of: edit.location)
        let end = files.end(of: edit.location)
        return members([
            ("line", String(start.line)),
            ("column", String(start.column)),
            ("endLine", String(end.line)),
            ("endColumn", String(end.column)),
            ("replacement", Self.string(edit.replacement)),
        ], indentation: indentation)
    }

    /// A string from the diagnostic, escaped for display (`JSONWriter.displayQuoted`), or `null`.
    private static func string(_ text: String?) -> String {
        text.map(JSONWriter.displayQuoted) ?? "null"
    }

    // MARK: Layout

    /// An object whose opening brace continues the current line and whose members are indented one level
    /// deeper than `indentation`, the indentation of its closing brace.
    private func members(_ members: [(key: String, value: String)], indentation: String) -> String {
        let lines = members.map { "\(indentation)  \(JSONText.quoted($0.key)): \($0.value)" }
        return "\(indentation){\n" + lines.joined(separator: ",\n") + "\n\(indentation)}"
    }

    /// An array of already laid-out elements; `indentation` is that of its closing bracket.
    private func array(_ elements: [String], indentation: String) -> String {
        guard !elements.isEmpty else { return "[]" }
        return "[\n" + elements.joined(separator: ",\n") + "\n\(indentation)]"
    }
}
