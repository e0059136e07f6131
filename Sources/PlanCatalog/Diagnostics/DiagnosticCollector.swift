/// Gathers the diagnostics of one run; stages add to it and never stop at the first problem.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func report(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by file, position and code, with exact repeats (same code, place and message) removed, and
    /// at most `InputLimits.maximumDiagnostics` of them: past that, one E0116 at the first left out says
    /// how many more there are.
    public var sorted: [Diagnostic] {
        var seen = Set<String>()
        let unique = diagnostics.sorted(by: Diagnostic.reportOrder).filter { diagnostic in
            let key = "\(diagnostic.location.file.path)\u{0}\(diagnostic.location.span.start)\u{0}"
                + "\(diagnostic.location.span.end)\u{0}\(diagnostic.code.rawValue)\u{0}\(diagnostic.message)"
            return seen.insert(key).inserted
        }
        let limit = InputLimits.maximumDiagnostics
        guard unique.count > limit else { return unique }
        let leftOut = unique.count - limit
        return Array(unique.prefix(limit)) + [Diagnostic(
            .tooManyProblems,
            "too many problems: \(DisplayText.number(leftOut)) more not shown",
            at: unique[limit].location, label: "the first problem not shown",
            help: "fix the problems shown and check again")]
    }
}

extension Array where Element == Diagnostic {
    /// Appends while fewer than `InputLimits.maximumDiagnostics` are held; the first one past the limit
    /// becomes an E0116 saying the rest of the file goes unreported, and later ones are dropped. Lexing a
    /// file of a million stray characters therefore keeps a thousand diagnostics, not a million.
    mutating func appendWithinLimit(_ diagnostic: Diagnostic) {
        let limit = InputLimits.maximumDiagnostics
        if count < limit {
            append(diagnostic)
        } else if count == limit {
            append(Diagnostic(.tooManyProblems, "too many problems in this file: the rest are not reported",
                              at: diagnostic.location, label: "the first problem not shown",
                              help: "fix the problems shown and check again"))
        }
    }
}
