/// The diff worded for a terminal, the way `terraform plan` words a plan (OUTPUT.md, "Diff"):
///
/// ```
/// Comparing catalogs/acme (source) with build/catalog.json (deployed)
///
/// Symbols:
///   ~ update
/// -/+ replace (breaking)
///
///   ~ feature advanced-reports (update)
///       # defined at catalogs/acme/features.plancat:8
///       # only the feature's displayName changed; Lumen edits it in place
///       displayName: "Advanced reports" → "Advanced reporting"
///
/// -/+ price   price_pro_monthly (replace, breaking)
///       # defined at catalogs/acme/plans.plancat:14
///       # the price's pricingData changed; Lumen cannot edit a price in place, …
///       pricingData.components[comp_base].amount_cents: $29.00 → $39.00 per month
///
/// Lumen operations:
///   1. POST   /v1/prices — create the new price price_pro_monthly in place of the deployed one
///   2. MANUAL archive the deployed price price_pro_monthly (replaced by the new one) in Lumen's dashboard: …
///
/// 0 to create, 1 to update, 0 new versions, 1 to replace, 0 to archive
/// 1 breaking change
/// ```
///
/// Every change and every field is shown whole; nothing is grouped away or cut. Symbols stand
/// right-aligned in three columns, kinds are padded to the widest kind shown and paths to the widest path
/// of their change, so ids and values line up. Each change says where its record is defined in the
/// source (`# defined at catalogs/acme/plans.plancat:12`; `# deployed only` for an archive) when the
/// caller gives the locations. Values are shown as `ShownField` words them: money in the currency's
/// units (`$29.00 → $35.00 per month`), lists item by item (`+ "Audit log"`, `… 3 unchanged`), other
/// values as one-line JSON (`JSONWriter.compactText`); a side that does not exist is `(absent)`, which no
/// JSON value can be mistaken for. When the source has scenarios, their invoice impact follows the
/// changes (`Invoice impact:`, PREVIEW.md § 5). Operations list method, path and description, and a
/// manual step the body it refers to; the other bodies are in the JSON and the Markdown.
///
/// Text that comes from a catalog or the command line (ids, paths, reasons, the names compared) never
/// drives the terminal: control characters and invisible format characters are shown as `�`.
public struct DiffTextRenderer: Sendable {
    /// Whether to add ANSI colour, as terraform does: green create, yellow update, cyan new version, red
    /// replace and archive, bold headers. The CLI decides (a terminal, `NO_COLOR`, `--color`).
    public var usesColor: Bool

    public init(usesColor: Bool) {
        self.usesColor = usesColor
    }

    /// The whole report, ending with a newline. `source` and `deployed` name what is compared, as the
    /// user gave them: `catalogs/acme`, `build/catalog.json`, `origin/main`.
    ///
    /// `locations` are where the source defines each changed record; without them (nil) no change says
    /// where it is. `impact` is the diff's invoice impact on the source's scenarios: its table follows
    /// the changes when the diff has any (`InvoiceImpact+Wording`); nil, without scenarios, adds nothing.
    public func render(_ diff: CatalogDiff, source: String, deployed: String,
                       locations: DiffSourceLocations? = nil, impact: InvoiceImpact? = nil) -> String {
        var output = paint("Comparing \(Self.displayable(source)) (source) with \(Self.displayable(deployed)) (deployed)",
                           .bold) + "\n\n"
        if diff.isEmpty {
            output += "No changes. The deployed catalog already matches the source.\n"
        } else {
            output += legend(for: diff) + "\n"
            let kindWidth = Self.kindWidth(of: diff)
            output += diff.changes.map { change(for: $0, kindWidth: kindWidth, locations: locations) }
                .joined(separator: "\n")
            if let impact, !impact.rows.isEmpty {
                output += "\n" + invoiceImpact(impact)
            }
        }
        if !diff.operations.isEmpty {
            output += "\n" + operations(diff.operations)
        }
        output += "\n" + paint(Self.summaryLine(of: diff), .bold) + "\n"
        let breaking = diff.changes.count(where: \.isBreaking)
        output += paint(Self.breakingLine(breakingCount: breaking), breaking > 0 ? .breaking : .plain) + "\n"
        return output
    }

    /// The reports of several catalogs (`plancat diff catalogs/ --against-ref …`), one after the other,
    /// each headed by its `Comparing …` line; with more than one, a last line adds them up.
    public func render(_ sections: [DiffReportSection]) -> String {
        var parts: [String] = []
        for section in sections {
            switch section.outcome {
            case .compared(let diff):
                parts.append(render(diff, source: section.source, deployed: section.deployed, locations: section.locations,
                                    impact: section.impact))
            case .notCompared(let why):
                parts.append(paint("Comparing \(Self.displayable(section.source)) (source) with "
                                   + "\(Self.displayable(section.deployed)) (deployed)", .bold) + "\n\n"
                             + paint("Not compared: " + Self.displayable(why), .breaking) + "\n")
            }
        }
        guard sections.count > 1 else { return parts.joined() }
        let diffs = sections.compactMap(\.diff)
        let total = CatalogDiff(changes: diffs.flatMap(\.changes), operations: [])
        let notCompared = sections.count - diffs.count
        let breaking = total.changes.count(where: \.isBreaking)
        parts.append(paint("\(sections.count) catalogs" + (notCompared > 0 ? " (\(notCompared) not compared)" : "")
                           + ": " + Self.summaryLine(of: total), .bold) + "\n"
                     + paint(Self.breakingLine(breakingCount: breaking), breaking > 0 ? .breaking : .plain) + "\n")
        return parts.joined(separator: "\n")
    }

    /// `N to create, N to update, N new versions, N to replace, N to archive` (OUTPUT.md's wording; only
    /// "new version" has a plural, so `1 new version` but `0 new versions`).
    public static func summaryLine(of diff: CatalogDiff) -> String {
        let newVersions = diff.count(of: .newVersion)
        return "\(diff.count(of: .create)) to create, \(diff.count(of: .update)) to update, "
            + "\(newVersions) new version\(newVersions == 1 ? "" : "s"), "
            + "\(diff.count(of: .replace)) to replace, \(diff.count(of: .archive)) to archive"
    }

    /// `1 breaking change`, `3 breaking changes`, `0 breaking changes`.
    public static func breakingLine(breakingCount: Int) -> String {
        "\(breakingCount) breaking change\(breakingCount == 1 ? "" : "s")"
    }

    // MARK: Parts

    /// The symbols the report uses, one a line, as terraform explains its own before a plan.
    private func legend(for diff: CatalogDiff) -> String {
        var output = "Symbols:\n"
        for action in CatalogDiff.Action.allCases where diff.count(of: action) > 0 {
            output += paint(Self.paddedSymbol(of: action), Style(action)) + " " + Self.description(of: action)
                + (action.isBreaking ? " (breaking)" : "") + "\n"
        }
        return output
    }

    /// `create`, `update`, `new version`, `replace`, `archive`: the action as a legend says it.
    private static func description(of action: CatalogDiff.Action) -> String {
        action == .newVersion ? "new version" : action.rawValue
    }

    /// One object: its line, where it is defined and its reason as comments, then every field that changed.
    private func change(for change: CatalogDiff.Change, kindWidth: Int, locations: DiffSourceLocations?) -> String {
        let style = Style(change.action)
        let kind = change.kind.displayName
        let action = change.isBreaking ? "(\(change.action.rawValue), breaking)" : "(\(change.action.rawValue))"
        var output = paint(Self.paddedSymbol(of: change.action), style) + " "
            + kind + String(repeating: " ", count: kindWidth - kind.count) + " "
            + paint(Self.displayable(change.id), .bold) + " " + paint(action, style) + "\n"
        if let locations, let place = Self.place(of: change, in: locations) {
            output += Self.detailIndentation + paint("# " + Self.displayable(place), .comment) + "\n"
        }
        output += Self.detailIndentation + paint("# " + Self.displayable(change.reason), .comment) + "\n"

        let fields = ShownField.fields(of: change)
        let pathWidth = fields.map { field -> Int in
            if case .value = field { return Self.displayable(field.path).count + 1 }
            return 0
        }.max() ?? 0
        for field in fields {
            let path = Self.displayable(field.path) + ":"
            switch field {
            case .value(_, let from, let to):
                output += Self.detailIndentation + path + String(repeating: " ", count: pathWidth - path.count) + " "
                    + Self.arrow(from: from, to: to) + "\n"
            case .list(_, let lines):
                output += Self.detailIndentation + path + "\n"
                for line in lines {
                    output += Self.detailIndentation + "  " + listLine(line) + "\n"
                }
            }
        }
        return output
    }

    /// `defined at catalogs/acme/plans.plancat:12`, or `deployed only` for an archive; nil when the
    /// record's location is not known.
    static func place(of change: CatalogDiff.Change, in locations: DiffSourceLocations) -> String? {
        if change.action == .archive { return "deployed only" }
        return locations.location(of: change.kind, id: change.id).map { "defined at \($0)" }
    }

    /// `old → new`, with what an amount is per said once when both sides share it:
    /// `$8.75 → $9.00 per seat per month`.
    static func arrow(from: ShownValue?, to: ShownValue?) -> String {
        if let from, let to, let per = from.per, per == to.per {
            return from.text + " → " + to.text + " " + per
        }
        return (from?.fullText ?? absent) + " → " + (to?.fullText ?? absent)
    }

    /// `- "Old bullet"`, `+ "Data exports"`, `… 3 unchanged`.
    private func listLine(_ line: ShownField.ListLine) -> String {
        switch line {
        case .removed(let item): paint("- " + item, .archive)
        case .added(let item): paint("+ " + item, .create)
        case .unchanged(let count): paint("… \(count) unchanged", .comment)
        }
    }

    /// `Invoice impact:`, what the amounts are as a comment, then one line per scenario — its id, the
    /// totals before and after right-aligned in their columns, and the change — and a `#` note for
    /// whatever a cell cannot say.
    private func invoiceImpact(_ impact: InvoiceImpact) -> String {
        let header = InvoiceImpact.ShownRow(scenario: "scenario", before: "before", after: "after", change: "change")
        let rows = [header] + impact.shownRows.map { row in
            InvoiceImpact.ShownRow(scenario: Self.displayable(row.scenario), before: row.before, after: row.after,
                                   change: row.change)
        }
        let scenarioWidth = rows.map(\.scenario.count).max() ?? 0
        let beforeWidth = rows.map(\.before.count).max() ?? 0
        let afterWidth = rows.map(\.after.count).max() ?? 0
        func padded(_ text: String, to width: Int) -> String { text + String(repeating: " ", count: width - text.count) }
        func aligned(_ text: String, to width: Int) -> String { String(repeating: " ", count: width - text.count) + text }

        var output = paint("Invoice impact:", .bold) + "\n"
            + "  " + paint("# " + InvoiceImpact.explanation, .comment) + "\n"
        for row in rows {
            output += "  " + padded(row.scenario, to: scenarioWidth) + "  "
                + aligned(row.before, to: beforeWidth) + "  " + aligned(row.after, to: afterWidth) + "  " + row.change + "\n"
        }
        for note in impact.notes {
            output += "  " + paint("# " + Self.displayable(note.scenario + ": " + note.text), .comment) + "\n"
        }
        return output
    }

    /// `Lumen operations:` and one numbered line per call: method (padded), path, and any description.
    private func operations(_ operations: [CatalogDiff.Operation]) -> String {
        let numberWidth = String(operations.count).count
        let methodWidth = operations.map { Self.displayable($0.method).count }.max() ?? 0
        var output = paint("Lumen operations:", .bold) + "\n"
        for (index, operation) in operations.enumerated() {
            let number = String(index + 1)
            let method = Self.displayable(operation.method)
            let isManual = operation.method == CatalogDiff.Operation.manual
            var parts: [String] = []
            if let path = operation.path { parts.append(Self.displayable(path)) }
            if let description = operation.description { parts.append(Self.displayable(description)) }
            var line = "  " + String(repeating: " ", count: numberWidth - number.count) + number + ". "
                + paint(method, isManual ? .manual : .bold)
            if !parts.isEmpty {
                line += String(repeating: " ", count: methodWidth - method.count) + " "
                    + parts.joined(separator: isManual ? " " : " — ")
            }
            output += line + "\n"
            if isManual, let body = operation.body {
                let indentation = String(repeating: " ", count: 2 + numberWidth + 2 + methodWidth + 1)
                output += indentation + "body: " + JSONWriter.compactText(of: body) + "\n"
            }
        }
        return output
    }

    /// Where a change's reason and fields start: under the kind, two columns in.
    private static let detailIndentation = String(repeating: " ", count: 6)

    /// The symbol right-aligned in three columns, so `-/+` and `+` end in the same column.
    private static func paddedSymbol(of action: CatalogDiff.Action) -> String {
        String(repeating: " ", count: 3 - action.symbol.count) + action.symbol
    }

    /// The widest kind name among the changes, so that every id starts in one column.
    private static func kindWidth(of diff: CatalogDiff) -> Int {
        diff.changes.map(\.kind.displayName.count).max() ?? 0
    }

    // MARK: Colour

    /// An ANSI style; `plain` adds nothing.
    private enum Style {
        case plain, bold, comment, create, update, newVersion, replace, archive, manual, breaking

        init(_ action: CatalogDiff.Action) {
            switch action {
            case .create: self = .create
            case .update: self = .update
            case .newVersion: self = .newVersion
            case .replace: self = .replace
            case .archive: self = .archive
            }
        }

        var escape: String? {
            switch self {
            case .plain: nil
            case .bold: "\u{1B}[1m"
            case .comment: "\u{1B}[2m"
            case .create: "\u{1B}[32m"
            case .update: "\u{1B}[33m"
            case .newVersion: "\u{1B}[36m"
            case .replace, .archive: "\u{1B}[31m"
            case .manual: "\u{1B}[1;33m"
            case .breaking: "\u{1B}[1;31m"
            }
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        guard usesColor, !text.isEmpty, let escape = style.escape else { return text }
        return escape + text + "\u{1B}[0m"
    }
}

extension CatalogDiff.Action {
    /// The terraform-style symbol: `+` create, `~` update, `^` new version, `-/+` replace, `-` archive.
    public var symbol: String {
        switch self {
        case .create: "+"
        case .update: "~"
        case .newVersion: "^"
        case .replace: "-/+"
        case .archive: "-"
        }
    }
}
