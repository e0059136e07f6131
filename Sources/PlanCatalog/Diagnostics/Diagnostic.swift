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
/// Like swift-syntax's diagnostics, it holds positions as byte spans in files named by id; the renderers
/// look the files up in the compilation's `FileTable` and compute lines and columns.
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
        self.message = Self.shorteningQuotes(message)
        self.location = location
        self.label = label.map(Self.shorteningQuotes)
        self.notes = notes
        self.help = help.map(Self.shorteningQuotes)
        self.fixes = fixes
    }

    /// The longest piece of source a message quotes in backticks, in characters; a longer one is cut to
    /// its start and `…`. Messages quote what they found (`unknown statement `…``), and a line over the
    /// limit (E0114) is still checked, so without this one word of a megabyte would be printed whole.
    public static let maximumQuoteLength = 64

    /// A message, label, note or help made safe to print: every secret key in it masked (`sk_live_••••`,
    /// whatever quoted it: an unknown id, a file name, a suggestion), then every quote cut as above. A
    /// diagnostic never holds a key, so no renderer and no client of the library can print one.
    static func shorteningQuotes(_ text: String) -> String {
        let text = SecretScanner.masked(text)
        guard text.utf8.count > maximumQuoteLength else { return text }
        let pieces = text.split(separator: "`", omittingEmptySubsequences: false)
        // Odd pieces are inside backticks; a last odd piece without its closing backtick is left whole.
        return pieces.enumerated().map { index, piece in
            guard index % 2 == 1, index < pieces.count - 1 else { return piece }
            return Substring(shortenedQuote(piece))
        }.joined(separator: "`")
    }

    /// The most Unicode scalars a quoted piece keeps. A character can be made of any number of them (a
    /// letter and a million combining marks is one `Character`), so characters alone do not bound a quote.
    static let maximumQuoteScalars = 4 * maximumQuoteLength

    /// One quoted piece cut to `maximumQuoteLength` characters and `maximumQuoteScalars` scalars (its
    /// start and `…`), or whole when it fits. Messages that quote in their own way (the catalog.json
    /// reader's JSON strings and paths) cut with this too, so every message quotes at most as much as the
    /// compiler's do.
    static func shortenedQuote(_ piece: some StringProtocol) -> String {
        let hasFewScalars = piece.unicodeScalars.dropFirst(maximumQuoteScalars).isEmpty
        if hasFewScalars, piece.count <= maximumQuoteLength { return String(piece) }
        let start = piece.prefix(maximumQuoteLength - 1).unicodeScalars.prefix(maximumQuoteScalars - 1)
        return String(String.UnicodeScalarView(start)) + "…"
    }

    /// A secondary message, optionally pointing at another place (the earlier definition of a duplicate).
    public struct Note: Sendable {
        public let message: String
        public let location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = Diagnostic.shorteningQuotes(message)
            self.location = location
        }
    }

    /// A mechanical repair: replacing spans of source text.
    public struct FixIt: Sendable {
        public let message: String
        public let edits: [Edit]

        public init(_ message: String, edits: [Edit]) {
            self.message = Diagnostic.shorteningQuotes(message)
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
    /// The order of every report: by file path, then position, then code (CLI.md). A location names its
    /// file by id, so the paths are looked up in the compilation's `files`.
    public static func reportOrder(in files: FileTable) -> (Diagnostic, Diagnostic) -> Bool {
        { lhs, rhs in precedes(lhs, in: files, rhs, in: files) }
    }

    /// The report order of two diagnostics of possibly different compilations (`plancat check` of several
    /// catalogs reports them in one list), each with the table its locations index.
    public static func precedes(_ lhs: Diagnostic, in lhsFiles: FileTable, _ rhs: Diagnostic,
                                in rhsFiles: FileTable) -> Bool {
        let lhsPath = lhsFiles.path(of: lhs.location), rhsPath = rhsFiles.path(of: rhs.location)
        if lhsPath != rhsPath { return lhsPath < rhsPath }
        if lhs.location.span != rhs.location.span { return lhs.location.span < rhs.location.span }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}
