/// The diff as a GitHub pull-request comment, for `plancat diff --format markdown`:
///
/// - a hidden marker (`<!-- plancat-diff -->`) by which a CI job can find and update its earlier comment,
///   a heading, and what is compared;
/// - the summary line, the breaking count, and a `[!WARNING]` alert when any change is breaking;
/// - a table of every change: action emoji and symbol, kind, id, action, whether breaking, reason;
/// - per change with fields, a `<details>` holding a ```` ```diff ```` block (`-` the deployed side, `+` the
///   source side; a side that does not exist has no line). Breaking changes are open, the others closed;
/// - the Lumen operations, closed, with their bodies; manual steps are counted in the summary.
///
/// Nothing is cut: a comment is read in a browser, and values are shown whole. Everything that comes from
/// a catalog or the command line is escaped for its context (see `+Escaping`): ids and names in code
/// spans, reasons as escaped inline text, values and descriptions inside fenced blocks, whose fence is
/// longer than any run of backticks they hold.
public struct DiffMarkdownRenderer: Sendable {
    public init() {}

    /// The comment, ending with a newline.
    public func render(_ diff: CatalogDiff, source: String, deployed: String) -> String {
        var output = "<!-- plancat-diff -->\n### plancat diff\n\n"
        output += "Comparing \(Self.codeSpan(source)) (source) with \(Self.codeSpan(deployed)) (deployed).\n\n"
        guard !diff.isEmpty || !diff.operations.isEmpty else {
            return output + "**No changes.** The deployed catalog already matches the source.\n"
        }
        let breaking = diff.changes.count(where: \.isBreaking)
        output += "**\(DiffTextRenderer.summaryLine(of: diff))** · "
            + DiffTextRenderer.breakingLine(breakingCount: breaking) + "\n\n"
        if breaking > 0 {
            output += "> [!WARNING]\n> **\(DiffTextRenderer.breakingLine(breakingCount: breaking)).** "
                + "New plan versions, replacements and archives affect existing subscribers or apps: "
                + "review them before deploying.\n\n"
        }
        if !diff.isEmpty {
            output += table(of: diff.changes) + "\n"
        }
        let changesWithFields = diff.changes.filter { !$0.fields.isEmpty }
        if !changesWithFields.isEmpty {
            output += "#### Changed fields\n\n" + changesWithFields.map(fields(of:)).joined(separator: "\n")
        }
        if !diff.operations.isEmpty {
            if !changesWithFields.isEmpty { output += "\n" }
            output += operations(diff.operations)
        }
        return output
    }

    /// The emoji of an action, so the table reads at a glance: green create, yellow update, blue new
    /// version, orange replace, red archive.
    public static func emoji(of action: CatalogDiff.Action) -> String {
        switch action {
        case .create: "🟢"
        case .update: "🟡"
        case .newVersion: "🔵"
        case .replace: "🟠"
        case .archive: "🔴"
        }
    }

    // MARK: Parts

    /// One row per change, in the diff's order.
    private func table(of changes: [CatalogDiff.Change]) -> String {
        var output = "| | Kind | Id | Action | Breaking | Reason |\n| --- | --- | --- | --- | --- | --- |\n"
        for change in changes {
            let cells = [
                Self.emoji(of: change.action) + " " + Self.codeSpan(change.action.symbol, inTable: true),
                change.kind.displayName,
                Self.codeSpan(change.id, inTable: true),
                change.action.rawValue,
                change.isBreaking ? "**yes**" : "no",
                Self.inlineText(change.reason),
            ]
            output += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return output
    }

    /// A `<details>` whose summary names the change and whose body is a `diff` block of its fields.
    private func fields(of change: CatalogDiff.Change) -> String {
        var lines: [String] = []
        for field in change.fields {
            let path = Self.plainLine(field.path)
            if let from = field.from { lines.append("- \(path): \(JSONWriter.compactText(of: from))") }
            if let to = field.to { lines.append("+ \(path): \(JSONWriter.compactText(of: to))") }
        }
        let count = change.fields.count
        let summary = Self.emoji(of: change.action) + " <code>" + Self.html(change.action.symbol) + "</code> "
            + change.kind.displayName + " <code>" + Self.html(change.id) + "</code>: " + change.action.rawValue
            + (change.isBreaking ? " (breaking)" : "") + ", \(count) field\(count == 1 ? "" : "s")"
        return (change.isBreaking ? "<details open>\n" : "<details>\n") + "<summary>\(summary)</summary>\n\n"
            + Self.fencedBlock(lines, language: "diff") + "\n</details>\n"
    }

    /// A closed `<details>` with one numbered entry per operation: `METHOD path`, its body on the next
    /// line as one-line JSON, a note as a `#` comment; a manual step as `MANUAL` and what to do.
    private func operations(_ operations: [CatalogDiff.Operation]) -> String {
        let manualCount = operations.count { $0.method == CatalogDiff.Operation.manual }
        let numberWidth = String(operations.count).count
        let continuation = String(repeating: " ", count: numberWidth + 2)
        var lines: [String] = []
        for (index, operation) in operations.enumerated() {
            let number = String(index + 1)
            var line = String(repeating: " ", count: numberWidth - number.count) + number + ". "
                + Self.plainLine(operation.method)
            if let path = operation.path { line += " " + Self.plainLine(path) }
            let isManual = operation.method == CatalogDiff.Operation.manual
            if isManual, let description = operation.description { line += " " + Self.plainLine(description) }
            lines.append(line)
            if let body = operation.body { lines.append(continuation + JSONWriter.compactText(of: body)) }
            if !isManual, let description = operation.description {
                lines.append(continuation + "# " + Self.plainLine(description))
            }
        }
        let manual = manualCount > 0 ? " (\(manualCount) manual)" : ""
        return "<details>\n<summary>Lumen operations: \(operations.count)\(manual)</summary>\n\n"
            + Self.fencedBlock(lines, language: nil) + "\n</details>\n"
    }
}
