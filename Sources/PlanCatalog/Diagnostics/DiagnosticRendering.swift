/// What the JSON and GitHub renderers share: the diagnostics of one or more compilations in one report
/// order, each kept with the file table its locations index.
enum DiagnosticRendering {
    /// Every diagnostic of `compilations` with its compilation's files, sorted by file path, position and
    /// code across all of them (`Diagnostic.precedes`).
    static func reportOrder(_ compilations: [(diagnostics: [Diagnostic], files: FileTable)])
        -> [(diagnostic: Diagnostic, files: FileTable)] {
        let all = compilations.flatMap { compilation in
            compilation.diagnostics.map { (diagnostic: $0, files: compilation.files) }
        }
        return all.sorted { Diagnostic.precedes($0.diagnostic, in: $0.files, $1.diagnostic, in: $1.files) }
    }
}
