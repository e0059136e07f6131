/// A statement together with the file it stands in: a catalog directory merges many files into one
/// namespace, so every model element must remember which file it came from (by its id in the
/// compilation's `FileTable`).
struct Node {
    let statement: Statement
    let file: FileID

    func location(_ span: Span) -> SourceLocation { SourceLocation(file: file, span: span) }

    var keywordLocation: SourceLocation { location(statement.keyword.span) }

    /// The keyword and its arguments (`plan plan_pro`), where problems of the whole statement are shown.
    var headerLocation: SourceLocation {
        location(statement.arguments.last.map { statement.keyword.span.union($0.span) } ?? statement.keyword.span)
    }

    var firstArgument: Argument? { statement.firstArgument }

    /// Whether the statement is written with `keyword`, accepted or not (a checked block knows only the
    /// accepted ones).
    func isWritten(as keyword: Schema.Keyword) -> Bool { keyword.isSpelling(of: statement.keyword.text) }
}
