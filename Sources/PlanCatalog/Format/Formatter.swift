/// The canonical formatter: prints a file's statement tree in the one layout of Docs/Language.md
/// § Canonical layout, keeping every comment and never touching a token's text.
///
/// It works file by file on the statement tree alone, so it needs no other file of the catalog and never
/// depends on what the statements mean. A file with syntax errors is refused rather than printed: the
/// tree of a broken file is a recovery guess, and printing a guess could silently drop what the user
/// wrote. Formatting never changes meaning — the tokens of the result are the tokens of the source, in
/// the same order, with only `;` and line ends moved — and formatting a formatted file changes nothing.
public enum Formatter {
    /// The widest line, in Unicode scalars, that a component block may be joined onto.
    public static let maximumLineWidth = 100
    /// One level of block nesting.
    public static let indentation = "  "

    /// The canonical text of one file, or its syntax errors.
    public static func format(_ file: SourceFile) -> FormatResult {
        format(file, pipelinedFileSize: Parser.pipelinedFileSize, regionSize: Parser.pipelinedRegionSize)
    }

    /// `format`, with the size from which a file is parsed beside its printing and the regions it is
    /// handed over in given, so that a test can run small files both ways.
    static func format(_ file: SourceFile, pipelinedFileSize: Int, regionSize: Int) -> FormatResult {
        // Each top-level statement is printed as soon as it is parsed (a large file's, while the parser
        // reads on, on a thread of its own), so the file's whole tree never exists; what was printed is
        // thrown away if the file turns out to have syntax errors.
        var printer = FormatPrinter(file: file)
        let (trailingTrivia, diagnostics) = Parser.parse(file, pipelinedFileSize: pipelinedFileSize,
                                                         regionSize: regionSize) {
            printer.printTopLevelStatement($0)
        }
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            return FormatResult(file: file, formatted: nil, syntaxErrors: errors)
        }
        printer.finishTopLevel(trailingTrivia: trailingTrivia)
        return FormatResult(file: file, formatted: printer.output, syntaxErrors: [])
    }

    /// The canonical text of a source given as a string, or nil when it has syntax errors.
    public static func format(_ text: String, path: String = "<text>") -> String? {
        format(SourceFile(path: path, text: text)).formatted.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// What formatting one file produced: its canonical bytes, or why there are none.
public struct FormatResult: Sendable {
    /// The file that was formatted.
    public let file: SourceFile
    /// The canonical bytes; nil when the file has syntax errors and was not formatted.
    public let formatted: [UInt8]?
    /// The lexer's and parser's errors, sorted as they were reported; empty when `formatted` is set.
    public let syntaxErrors: [Diagnostic]

    /// The table the syntax errors' locations index: the file on its own (`FileID.first`).
    public var files: FileTable { FileTable(file) }

    /// Whether the file is formatted and its canonical bytes differ from what it holds now.
    public var isChanged: Bool {
        guard let formatted else { return false }
        return formatted != file.bytes
    }
}
