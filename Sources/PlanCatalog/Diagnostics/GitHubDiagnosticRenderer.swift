/// Diagnostics as GitHub Actions workflow commands, so that a CI run annotates the pull request's files:
/// `::error file=catalogs/pro.plancat,line=14,col=11,endLine=14,endColumn=19,title=E0401::unknown metric`.
///
/// An annotation shows only the command's message, so the notes and the help are appended to it on
/// lines of their own (an escaped newline each). Positions are those of the JSON output: 1-based, ends
/// exclusive. Source text is never included, and messages already mask secret keys.
public struct GitHubDiagnosticRenderer: Sendable {
    public init() {}

    /// One workflow command per diagnostic, sorted by file, position and code, each ending in a newline.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted(by: Diagnostic.reportOrder).map(command(for:)).joined()
    }

    /// One diagnostic's workflow command, with its newline.
    public func command(for diagnostic: Diagnostic) -> String {
        let start = diagnostic.location.start
        let end = diagnostic.location.end
        let properties = [
            ("file", diagnostic.location.file.path),
            ("line", String(start.line)),
            ("col", String(start.column)),
            ("endLine", String(end.line)),
            ("endColumn", String(end.column)),
            ("title", diagnostic.code.rawValue),
        ].map { "\($0.0)=\(Self.escapedProperty($0.1))" }

        var lines = [diagnostic.message]
        for note in diagnostic.notes {
            if let location = note.location {
                let position = location.start
                lines.append("note: \(note.message) (\(location.file.path):\(position.line):\(position.column))")
            } else {
                lines.append("note: \(note.message)")
            }
        }
        if let help = diagnostic.help { lines.append("help: \(help)") }

        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command) \(properties.joined(separator: ","))::"
            + Self.escapedData(lines.joined(separator: "\n")) + "\n"
    }

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
