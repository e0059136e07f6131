/// How bad a problem is. Errors fail a run; warnings do not, unless `--warnings-as-errors`.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in a catalog, with everything a renderer needs to word it and point at it.
///
/// Like swift-syntax's diagnostics, it holds positions as byte spans; lines and columns are computed
/// by the renderers.
public struct Diagnostic: Sendable {
    public let code: DiagnosticCode
    public let message: String
    public let location: SourceLocation
    /// Text printed under the caret ("no metric with this id"); nil prints the caret alone.
    public var label: String?
    public var notes: [Note]
    /// What to do about it: "did you mean `api-calls`?".
    public var help: String?
    public var fixes: [FixIt]

    public var severity: Severity { code.severity }

    public init(
        _ code: DiagnosticCode,
        _ message: String,
        at location: SourceLocation,
        label: String? = nil,
        notes: [Note] = [],
        help: String? = nil,
        fixes: [FixIt] = []
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.label = label
        self.notes = notes
        self.help = help
        self.fixes = fixes
    }

    /// A secondary message, optionally pointing at another place (the earlier definition of a duplicate).
    public struct Note: Sendable {
        public let message: String
        public let location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// A mechanical repair: replacing spans of source text.
    public struct FixIt: Sendable {
        public let message: String
        public let edits: [Edit]

        public init(_ message: String, edits: [Edit]) {
            self.message = message
            self.edits = edits
        }
    }

    /// The did-you-mean repair: replace the text at `location` with `suggestion`; none without a suggestion.
    public static func replacement(at location: SourceLocation, with suggestion: String?) -> [FixIt] {
        guard let suggestion else { return [] }
        return [FixIt("replace with `\(suggestion)`", edits: [Edit(location, replacement: suggestion)])]
    }

    public struct Edit: Sendable {
        public let location: SourceLocation
        public let replacement: String

        public init(_ location: SourceLocation, replacement: String) {
            self.location = location
            self.replacement = replacement
        }
    }
}

extension Diagnostic {
    /// The order of every report: by file, then position, then code (CLI.md).
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location.file.path != rhs.location.file.path {
            return lhs.location.file.path < rhs.location.file.path
        }
        if lhs.location.span != rhs.location.span { return lhs.location.span < rhs.location.span }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}
