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
///       # the display name changed
///       displayName: "Advanced reports" → "Advanced reporting"
///
/// -/+ price   price_pro_monthly (replace, breaking)
///       # the amount of a price changed; Lumen cannot edit a price in place
///       pricingData.components[comp_base].amount_cents: 2900 → 3900
///
/// Lumen operations:
///   1. POST   /v1/prices
///   2. MANUAL archive the price price_pro_monthly in Lumen's dashboard
///
/// 0 to create, 1 to update, 0 new versions, 1 to replace, 0 to archive
/// 1 breaking change
/// ```
///
/// Every change and every field is shown; nothing is grouped away. Symbols stand right-aligned in three
/// columns, kinds are padded to the widest kind shown and paths to the widest path of their change, so
/// ids and values line up. Values are one-line JSON (`JSONWriter.compactText`); a side that does not
/// exist is `(absent)`, which no JSON value can be mistaken for. A value longer than
/// `maximumValueLength` characters is cut, and says how much was cut, unless cutting would make its two
/// sides look the same. Operations list method, path and description; their bodies are in the JSON.
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
    public func render(_ diff: CatalogDiff, source: String, deployed: String) -> String {
        var output = paint("Comparing \(Self.displayable(source)) (source) with \(Self.displayable(deployed)) (deployed)",
                           .bold) + "\n\n"
        if diff.isEmpty {
            output += "No changes. The deployed catalog already matches the source.\n"
        } else {
            output += legend(for: diff) + "\n"
            let kindWidth = Self.kindWidth(of: diff)
            output += diff.changes.map { change(for: $0, kindWidth: kindWidth) }.joined(separator: "\n")
        }
        if !diff.operations.isEmpty {
            output += "\n" + operations(diff.operations)
        }
        output += "\n" + paint(Self.summaryLine(of: diff), .bold) + "\n"
        let breaking = diff.changes.count(where: \.isBreaking)
        output += paint(Self.breakingLine(breakingCount: breaking), breaking > 0 ? .breaking : .plain) + "\n"
        return output
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

    /// One object: its line, its reason as a comment, then every field that changed.
    private func change(for change: CatalogDiff.Change, kindWidth: Int) -> String {
        let style = Style(change.action)
        let kind = change.kind.displayName
        let action = change.isBreaking ? "(\(change.action.rawValue), breaking)" : "(\(change.action.rawValue))"
        var output = paint(Self.paddedSymbol(of: change.action), style) + " "
            + kind + String(repeating: " ", count: kindWidth - kind.count) + " "
            + paint(Self.displayable(change.id), .bold) + " " + paint(action, style) + "\n"
        output += Self.detailIndentation + paint("# " + Self.displayable(change.reason), .comment) + "\n"

        let paths = change.fields.map { Self.displayable($0.path) + ":" }
        let pathWidth = paths.map(\.count).max() ?? 0
        for (field, path) in zip(change.fields, paths) {
            let (from, to) = Self.shownValues(field)
            output += Self.detailIndentation + path + String(repeating: " ", count: pathWidth - path.count) + " "
                + from + " → " + to + "\n"
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
