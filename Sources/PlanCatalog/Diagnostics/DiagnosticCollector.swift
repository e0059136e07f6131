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

    /// The diagnostics to show and how many problems there were in all.
    ///
    /// Sorted by file, position and code, with exact repeats (same code, place and message) removed, and
    /// at most `InputLimits.maximumDiagnostics` of them. Past that, errors are kept before warnings (so a
    /// flood of warnings never hides an error), and one last diagnostic at the first problem left out
    /// says how many more there are: E0116 when errors were left out, W0116 when only warnings were, so
    /// that the limit never turns a run that passes into one that fails. `files` is the compilation's
    /// table, which the diagnostics' locations index.
    public func report(in files: FileTable) -> DiagnosticReport {
        let reportOrder = Diagnostic.reportOrder(in: files)
        var seen = Set<String>()
        let unique = diagnostics.sorted(by: reportOrder).filter { diagnostic in
            let key = "\(files.path(of: diagnostic.location))\u{0}\(diagnostic.location.span.start)\u{0}"
                + "\(diagnostic.location.span.end)\u{0}\(diagnostic.code.rawValue)\u{0}\(diagnostic.message)"
            return seen.insert(key).inserted
        }
        let errors = unique.filter { $0.severity == .error }
        let warnings = unique.filter { $0.severity == .warning }
        let limit = InputLimits.maximumDiagnostics
        guard unique.count > limit else {
            return DiagnosticReport(diagnostics: unique, errorCount: errors.count, warningCount: warnings.count,
                                    leftOutCount: 0)
        }
        let kept = errors.prefix(limit) + warnings.prefix(Swift.max(0, limit - errors.count))
        let leftOut = errors.dropFirst(limit) + warnings.dropFirst(Swift.max(0, limit - errors.count))
        let firstLeftOut = leftOut.min(by: reportOrder)!
        let code: DiagnosticCode = errors.count > limit ? .tooManyProblems : .tooManyWarnings
        let noun = code == .tooManyProblems ? "problems" : "warnings"
        let notice = Diagnostic(code, "too many \(noun): \(DisplayText.number(leftOut.count)) more not shown",
                                at: firstLeftOut.location, label: "the first one not shown",
                                help: "fix the problems shown and check again")
        return DiagnosticReport(diagnostics: kept.sorted(by: reportOrder) + [notice],
                                errorCount: errors.count, warningCount: warnings.count, leftOutCount: leftOut.count)
    }
}

/// What one check reports: the diagnostics to show, and the counts of every problem found, shown or not.
public struct DiagnosticReport: Sendable {
    /// At most `InputLimits.maximumDiagnostics`, plus one E0116 or W0116 when some were left out.
    public let diagnostics: [Diagnostic]
    /// Every error found, shown or not; the E0116 that stands for those left out is not one of them.
    public let errorCount: Int
    /// Every warning found, shown or not; W0116 is not one of them.
    public let warningCount: Int
    /// How many of them are not among `diagnostics`.
    public let leftOutCount: Int
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
