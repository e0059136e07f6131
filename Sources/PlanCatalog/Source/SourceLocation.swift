/// Where a model element or a diagnostic comes from: a file of the compilation, by its index in the
/// compilation's `FileTable`, and a byte span in it.
///
/// Plain integers, so that copying one — every model record holds a few, and the checks copy records
/// millions of times on a large catalog, on several threads — costs no reference count (rustc's `Span`,
/// swift-syntax's `AbsolutePosition`). What the location says to a person (the file's path, a line and
/// a column) is looked up in the table when a diagnostic is worded.
public struct SourceLocation: Hashable, Sendable {
    public let file: FileID
    public let span: Span

    public init(file: FileID, span: Span) {
        self.file = file
        self.span = span
    }
}
