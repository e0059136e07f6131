/// The diff as a GitHub pull-request comment, for `plancat diff --format markdown`:
///
/// - a hidden marker (`<!-- plancat-diff -->`) by which a CI job can find and update its earlier comment,
///   a heading, and what is compared; with several catalogs (`plancat diff catalogs/ --against-ref …`),
///   one marker and a `###` section per catalog;
/// - the summary line, the breaking count, and a `[!WARNING]` alert when any change is breaking;
/// - a table of every change: action emoji and symbol, kind, id, where it is defined in the source (when
///   the caller gives the locations), action, whether breaking, reason;
/// - when the source has scenarios, their invoice impact (`#### Invoice impact`, PREVIEW.md § 5): each
///   scenario's total before and after, and the change;
/// - per change with fields, a `<details>` holding a ```` ```diff ```` block (`-` the deployed side, `+` the
///   source side; a side that does not exist has no line), money in the currency's units and lists item by
///   item (`ShownField`). Breaking changes are open, the others closed;
/// - the Lumen operations, closed, with their bodies; manual steps are counted in the summary.
///
/// Values are never cut. A comment must stay under GitHub's limit of 65,536 characters, though, so a
/// comment longer than `maximumLength` is folded, step by step, until it fits (`+Folding`): the largest
/// changes' field blocks first, then the operations' bodies, then the API calls (the manual steps stay),
/// then the operations and the last table rows. Every fold says what it left out and where to see it.
///
/// Everything that comes from a catalog or the command line is escaped for its context (see `+Escaping`):
/// ids and names in code spans, reasons as escaped inline text, values and descriptions inside fenced
/// blocks, whose fence is longer than any run of backticks they hold.
public struct DiffMarkdownRenderer: Sendable {
    /// GitHub refuses a comment longer than 65,536 characters.
    public static let gitHubCommentLimit = 65_536
    /// The default `maximumLength`: GitHub's limit less a margin for what a CI job adds around the
    /// comment (a footer, a link to the run).
    public static let defaultMaximumLength = 60_000

    /// The longest comment rendered, counted in UTF-8 bytes: at least as many as the characters GitHub
    /// counts, whether it counts Unicode scalars or UTF-16 code units, so a comment within it is within
    /// GitHub's limit either way.
    public var maximumLength: Int

    public init(maximumLength: Int = DiffMarkdownRenderer.defaultMaximumLength) {
        self.maximumLength = maximumLength
    }

    /// One catalog's part of a comment.
    public typealias Section = DiffReportSection

    /// The comment for one catalog, ending with a newline; with the diff's `impact` on the source's
    /// scenarios when it has any.
    public func render(_ diff: CatalogDiff, source: String, deployed: String,
                       locations: DiffSourceLocations? = nil, impact: InvoiceImpact? = nil) -> String {
        render([Section(source: source, deployed: deployed, outcome: .compared(diff), locations: locations,
                        impact: impact)])
    }

    /// The comment for one catalog or several (one `###` section each), ending with a newline, folded to
    /// fit `maximumLength`.
    public func render(_ sections: [Section]) -> String {
        let pieces = Pieces(sections, renderer: self)
        var folding = Folding()
        var output = render(sections, pieces: pieces, folding: folding)
        while output.utf8.count > maximumLength, let next = folding.next(pieces: pieces, output: output,
                                                                          maximumLength: maximumLength) {
            folding = next
            output = render(sections, pieces: pieces, folding: folding)
        }
        guard output.utf8.count > maximumLength else { return output }
        // Last, the table: the most rows per section that fit, found by bisection.
        var fitting = 0
        var tooMany = (sections.map { $0.diff?.changes.count ?? 0 }.max() ?? 0) + 1
        while tooMany - fitting > 1 {
            folding.tableRowLimit = (fitting + tooMany) / 2
            if render(sections, pieces: pieces, folding: folding).utf8.count <= maximumLength {
                fitting = folding.tableRowLimit!
            } else {
                tooMany = folding.tableRowLimit!
            }
        }
        folding.tableRowLimit = fitting
        return render(sections, pieces: pieces, folding: folding)
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

    /// The parts of a comment that folding leaves in or out whole, each rendered once: the table rows
    /// and the field blocks of every section, by change index.
    struct Pieces {
        var rows: [[String]] = []
        var fieldBlocks: [[Int: String]] = []
        var hasOperations = false

        init(_ sections: [Section], renderer: DiffMarkdownRenderer) {
            for section in sections {
                hasOperations = hasOperations || !(section.diff?.operations.isEmpty ?? true)
                let changes = section.diff?.changes ?? []
                rows.append(changes.map { renderer.row(of: $0, locations: section.locations) })
                var blocks: [Int: String] = [:]
                for (index, change) in changes.enumerated() where !change.fields.isEmpty {
                    blocks[index] = renderer.fields(of: change)
                }
                fieldBlocks.append(blocks)
            }
        }
    }

    func render(_ sections: [Section], pieces: Pieces, folding: Folding) -> String {
        var output = "<!-- plancat-diff -->\n"
        for (index, section) in sections.enumerated() {
            if index > 0 { output += "\n" }
            let heading = sections.count == 1 ? "### plancat diff\n\n" : "### plancat diff: \(Self.codeSpan(section.source))\n\n"
            output += heading + body(of: section, number: index, pieces: pieces, folding: folding)
        }
        return output
    }

    /// A section after its heading.
    private func body(of section: Section, number: Int, pieces: Pieces, folding: Folding) -> String {
        var output = "Comparing \(Self.codeSpan(section.source)) (source) with \(Self.codeSpan(section.deployed)) (deployed).\n\n"
        guard let diff = section.diff else {
            if case .notCompared(let why) = section.outcome { output += "**Not compared:** " + Self.inlineText(why) + "\n" }
            return output
        }
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
            output += table(pieces.rows[number], hasLocations: section.locations != nil,
                            rowLimit: folding.tableRowLimit) + "\n"
            if let impact = section.impact, !impact.rows.isEmpty {
                output += invoiceImpact(impact) + "\n"
            }
        }
        let changesWithFields = diff.changes.indices.filter { !diff.changes[$0].fields.isEmpty }
        let shown = changesWithFields.filter { !folding.leavesOutFields(section: number, change: $0) }
        if !changesWithFields.isEmpty {
            output += "#### Changed fields\n\n"
            let leftOut = changesWithFields.count - shown.count
            if leftOut > 0 {
                output += Self.foldNote("\(leftOut) \(leftOut == 1 ? "change's" : "changes'") fields "
                                        + "\(leftOut == 1 ? "is" : "are") left out", seeing: "every field") + "\n"
                if !shown.isEmpty { output += "\n" }
            }
            output += shown.map { pieces.fieldBlocks[number][$0]! }.joined(separator: "\n")
        }
        if !diff.operations.isEmpty {
            if !changesWithFields.isEmpty { output += "\n" }
            output += operations(diff.operations, folding: folding)
        }
        return output
    }

    /// The table of a section's rows, with a `Defined at` column when there are locations; at most
    /// `rowLimit` rows, then a note of how many are left out.
    private func table(_ rows: [String], hasLocations: Bool, rowLimit: Int?) -> String {
        let columns = hasLocations ? ["Kind", "Id", "Defined at", "Action", "Breaking", "Reason"]
            : ["Kind", "Id", "Action", "Breaking", "Reason"]
        var output = "| | " + columns.joined(separator: " | ") + " |\n"
            + "|" + String(repeating: " --- |", count: columns.count + 1) + "\n"
        let shownCount = min(rows.count, rowLimit ?? rows.count)
        output += rows.prefix(shownCount).joined()
        if shownCount < rows.count {
            let leftOut = rows.count - shownCount
            output += "\n" + Self.foldNote("\(leftOut) more \(leftOut == 1 ? "change is" : "changes are") left out "
                                           + "of this table", seeing: "every change") + "\n"
        }
        return output
    }

    /// `#### Invoice impact`: what the amounts are, a table of one row per scenario — its id, the totals
    /// before and after, and the change — then a list of what a cell cannot say. Never folded: it holds
    /// one short row per scenario, and it is what a pricing reviewer reads first.
    private func invoiceImpact(_ impact: InvoiceImpact) -> String {
        let explanation = InvoiceImpact.explanation
        var output = "#### Invoice impact\n\n" + explanation.prefix(1).uppercased() + explanation.dropFirst() + ".\n\n"
            + "| Scenario | Before | After | Change |\n| --- | ---: | ---: | --- |\n"
        for row in impact.shownRows {
            let cells = [Self.codeSpan(row.scenario, inTable: true), Self.inlineText(row.before),
                         Self.inlineText(row.after), Self.inlineText(row.change)]
            output += "| " + cells.joined(separator: " | ") + " |\n"
        }
        let notes = impact.notes
        if !notes.isEmpty {
            output += "\n" + notes.map { "- " + Self.codeSpan($0.scenario) + ": " + Self.inlineText($0.text) + "\n" }.joined()
        }
        return output
    }

    /// One change's row: emoji and symbol, kind, id, where it is defined (with locations), action,
    /// breaking, reason.
    func row(of change: CatalogDiff.Change, locations: DiffSourceLocations?) -> String {
        var cells = [
            Self.emoji(of: change.action) + " " + Self.codeSpan(change.action.symbol, inTable: true),
            change.kind.displayName,
            Self.codeSpan(change.id, inTable: true),
        ]
        if let locations {
            cells.append(change.action == .archive ? "deployed only"
                : locations.location(of: change.kind, id: change.id).map { Self.codeSpan($0.description, inTable: true) } ?? "")
        }
        cells += [
            change.action.rawValue,
            change.isBreaking ? "**yes**" : "no",
            Self.inlineText(change.reason),
        ]
        return "| " + cells.joined(separator: " | ") + " |\n"
    }

    /// A `<details>` whose summary names the change and whose body is a `diff` block of its fields.
    func fields(of change: CatalogDiff.Change) -> String {
        var lines: [String] = []
        for field in ShownField.fields(of: change) {
            let path = Self.plainLine(field.path)
            switch field {
            case .value(_, let from, let to):
                if let from { lines.append("- \(path): \(from.fullText)") }
                if let to { lines.append("+ \(path): \(to.fullText)") }
            case .list(_, let items):
                lines.append("  \(path):")
                for item in items {
                    switch item {
                    case .removed(let text): lines.append("-   " + text)
                    case .added(let text): lines.append("+   " + text)
                    case .unchanged(let count): lines.append("    … \(count) unchanged")
                    }
                }
            }
        }
        let count = change.fields.count
        let summary = Self.emoji(of: change.action) + " <code>" + Self.html(change.action.symbol) + "</code> "
            + change.kind.displayName + " <code>" + Self.html(change.id) + "</code>: " + change.action.rawValue
            + (change.isBreaking ? " (breaking)" : "") + ", \(count) field\(count == 1 ? "" : "s")"
        return (change.isBreaking ? "<details open>\n" : "<details>\n") + "<summary>\(summary)</summary>\n\n"
            + Self.fencedBlock(lines, language: "diff") + "\n</details>\n"
    }

    /// A closed `<details>` with one numbered entry per operation: `METHOD path`, its body on the next
    /// line as one-line JSON, a note as a `#` comment; a manual step as `MANUAL` and what to do, with its
    /// body. Folding may leave out the bodies of API calls, the API calls (never the manual steps), or
    /// all of them, and says so.
    private func operations(_ operations: [CatalogDiff.Operation], folding: Folding) -> String {
        let manualCount = operations.count { $0.method == CatalogDiff.Operation.manual }
        let manual = manualCount > 0 ? " (\(manualCount) manual)" : ""
        let summary = "<summary>Lumen operations: \(operations.count)\(manual)</summary>\n\n"
        if folding.leavesOutOperations {
            return "<details>\n" + summary + Self.foldNote("the operations are left out", seeing: "them") + "\n\n</details>\n"
        }
        let numberWidth = String(operations.count).count
        let continuation = String(repeating: " ", count: numberWidth + 2)
        var lines: [String] = []
        var leftOutCalls = 0
        for (index, operation) in operations.enumerated() {
            let isManual = operation.method == CatalogDiff.Operation.manual
            if folding.leavesOutAPICalls, !isManual {
                leftOutCalls += 1
                continue
            }
            let number = String(index + 1)
            var line = String(repeating: " ", count: numberWidth - number.count) + number + ". "
                + Self.plainLine(operation.method)
            if let path = operation.path { line += " " + Self.plainLine(path) }
            if isManual, let description = operation.description { line += " " + Self.plainLine(description) }
            lines.append(line)
            if let body = operation.body, isManual || !folding.leavesOutBodies {
                lines.append(continuation + JSONWriter.compactText(of: body))
            }
            if !isManual, let description = operation.description {
                lines.append(continuation + "# " + Self.plainLine(description))
            }
        }
        var notes: [String] = []
        if leftOutCalls > 0 {
            notes.append(Self.foldNote("\(leftOutCalls) API \(leftOutCalls == 1 ? "call is" : "calls are") left out; "
                                       + "every manual step is here", seeing: "them"))
        } else if folding.leavesOutBodies, operations.contains(where: { $0.body != nil && $0.method != CatalogDiff.Operation.manual }) {
            notes.append(Self.foldNote("the API calls' bodies are left out", seeing: "them"))
        }
        return "<details>\n" + summary + notes.map { $0 + "\n\n" }.joined()
            + Self.fencedBlock(lines, language: nil) + "\n</details>\n"
    }

    /// `*… 3 changes' fields are left out to fit GitHub's comment limit; run `plancat diff` with
    /// `--format text` or `--format json` to see every field.*`
    static func foldNote(_ what: String, seeing: String) -> String {
        "*… \(what) to fit GitHub's comment limit; run `plancat diff` with `--format text` or `--format json` "
            + "to see \(seeing).*"
    }
}
