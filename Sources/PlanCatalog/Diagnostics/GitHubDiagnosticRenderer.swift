/// Diagnostics as GitHub Actions workflow commands, so that a CI run annotates the pull request's files:
/// `::error file=catalogs/pro.plancat,line=14,col=11,endLine=14,endColumn=19,title=E0401::unknown metric`.
///
/// An annotation shows only the command's message, so the notes and the help are appended to it on
/// lines of their own (an escaped newline each). Positions are those of the JSON output: 1-based, ends
/// exclusive. Source text is never included, and messages already mask secret keys.
///
/// A file name or message from the input cannot drive the log viewer or a terminal, or make a line read
/// other than it is: control characters (ESC, C1) and invisible ones (bidirectional overrides and marks)
/// are shown as `�`, as in text diagnostics (`TerminalText`). A message keeps its line breaks, which the
/// command percent-encodes; a file name keeps none. The runner decodes only `%25`, `%0D`, `%0A`, `%3A` and
/// `%2C`, so no escape could carry such a character to it: a file whose name holds one gets its
/// annotation under the `�` name, which matches no file of the pull request, so GitHub lists it with the
/// run rather than on the file. Repositories do not hold such names by accident, and an annotation on the
/// wrong line of a log is worse than one off its file.
public struct GitHubDiagnosticRenderer: Sendable {
    public init() {}

    /// One workflow command per diagnostic of one compilation, whose files are `files`, sorted by file,
    /// position and code, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic], in files: FileTable) -> String {
        render([(diagnostics, files)])
    }

    /// The diagnostics of several compilations (`plancat check` of several catalogs), sorted across them;
    /// each diagnostic's locations index the table of its own compilation.
    public func render(_ compilations: [(diagnostics: [Diagnostic], files: FileTable)]) -> String {
        DiagnosticRendering.reportOrder(compilations).map { command(for: $0.diagnostic, in: $0.files) }.joined()
    }

    /// One diagnostic's workflow command, with its newline.
    public func command(for diagnostic: Diagnostic, in files: FileTable) -> String {
        let start = files.start(of: diagnostic.location)
        let end = files.end(of: diagnostic.location)
        let properties = [
            ("file", TerminalText.neutralised(files.path(of: diagnostic.location))),
            ("line", String(start.line)),
            ("col", String(start.column)),
            ("endLine", String(end.line)),
            ("endColumn", String(end.column)),
            ("title", diagnostic.code.rawValue),
        ].map { "\($0.0)=\(Self.escapedProperty($0.1))" }

        var lines = [diagnostic.message]
        for note in diagnostic.notes {
            if let location = note.location {
                let position = files.start(of: location)
                lines.append("note: \(note.message) "
                             + "(\(TerminalText.neutralised(files.path(of: location))):\(position.line):\(position.column))")
            } else {
                lines.append("note: \(note.message)")
            }
        }
        if let help = diagnostic.help { lines.append("help: \(help)") }
        let message = TerminalText.neutralised(lines.joined(separator: "\n"), keeping: Self.lineBreaks)

        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command) \(properties.joined(separator: ","))::" + Self.escapedData(message) + "\n"
    }

    /// What a message keeps of the characters `TerminalText` replaces: its line breaks, percent-encoded.
    private static let lineBreaks: Set<Unicode.Scalar> = ["\n", "\r"]

    // MARK: Escaping (as the Actions runner's toolkit does it)

    /// A command's message: `%`, carriage return and line feed are percent-encoded.
    public static func escapedData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value: as a message, and also `:` and `,`, which would end the value.
    public static func escapedProperty(_ text: String) -> String {
        var result = ""
        for scalar in escapedData(text).unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
