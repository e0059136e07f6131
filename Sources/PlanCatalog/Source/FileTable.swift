/// The files of one compilation, each named by a `FileID`: where a `SourceLocation` finds its file.
///
/// rustc's `SourceMap` is the model: locations hold a small index, and the file's path, bytes and line
/// table are looked up here only when a diagnostic is worded. The table is a value that belongs to the
/// compilation that made it — `CatalogCompiler.check` makes one and returns it in its result, beside the
/// model and the diagnostics whose locations index it — not a registry of the process: a language server
/// that recompiles on every keystroke lets go of each table with its result.
public struct FileTable: Sendable {
    /// The files, a file's id being its position.
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// A table of `files`, their ids in the order given.
    public init(_ files: [SourceFile]) {
        self.files = files
    }

    /// The table of one file on its own, whose id is `FileID.first`.
    public init(_ file: SourceFile) {
        self.files = [file]
    }

    /// Adds a file and returns its id.
    @discardableResult
    public mutating func add(_ file: SourceFile) -> FileID {
        files.append(file)
        return FileID(files.count - 1)
    }

    public var count: Int { files.count }

    /// Every id of the table, in order.
    public var ids: [FileID] { files.indices.map(FileID.init) }

    public subscript(id: FileID) -> SourceFile { files[Int(id.index)] }

    // MARK: Wording a location

    /// The path of the file `location` names, as the user gave it.
    public func path(of location: SourceLocation) -> String { self[location.file].path }

    /// The line and column where `location` starts, as a diagnostic shows them (`SourceFile.location`).
    public func start(of location: SourceLocation) -> LineColumn {
        self[location.file].location(of: location.span.start)
    }

    /// The line and column where `location` ends (exclusive).
    public func end(of location: SourceLocation) -> LineColumn {
        self[location.file].location(of: location.span.end)
    }

    /// The source text `location` covers (invalid UTF-8 replaced; for messages only).
    public func text(of location: SourceLocation) -> String {
        self[location.file].text(of: location.span)
    }
}
