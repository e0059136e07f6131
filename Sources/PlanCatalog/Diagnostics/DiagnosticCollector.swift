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

    /// Sorted by file, position and code, with exact repeats (same code, place and message) removed.
    public var sorted: [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.sorted(by: Diagnostic.reportOrder).filter { diagnostic in
            let key = "\(diagnostic.location.file.path)\u{0}\(diagnostic.location.span.start)\u{0}"
                + "\(diagnostic.location.span.end)\u{0}\(diagnostic.code.rawValue)\u{0}\(diagnostic.message)"
            return seen.insert(key).inserted
        }
    }
}
