import PlanCatalog

extension LanguageServer {
    // Places and edits of a checked catalog as LSP writes them, in the negotiated encoding: what the
    // handlers that answer with locations, ranges or edits share.

    /// An LSP Location of a place in a checked catalog.
    func location(of place: SourceLocation, in files: FileTable) -> JSONValue {
        .object([.init("uri", .string(uri(ofFile: files.path(of: place)))),
                 .init("range", positionEncoding.range(of: place.span, in: files[place.file]))])
    }

    /// A WorkspaceEdit of `changes`: each file's TextEdits under its URI, files in the order of their
    /// first edit.
    func workspaceEdit(_ edits: [(location: SourceLocation, replacement: String)], in files: FileTable) -> JSONValue {
        var uris: [String] = []
        var editsByURI: [String: [JSONValue]] = [:]
        for edit in edits {
            let uri = uri(ofFile: files.path(of: edit.location))
            if editsByURI[uri] == nil { uris.append(uri) }
            editsByURI[uri, default: []].append(.object([
                .init("range", positionEncoding.range(of: edit.location.span, in: files[edit.location.file])),
                .init("newText", .string(edit.replacement)),
            ]))
        }
        return .object([.init("changes", .object(uris.map { .init($0, .array(editsByURI[$0] ?? [])) }))])
    }

    /// The bytes of a request's `range` in `file`, -32602 without one.
    func byteRange(of range: JSONValue?, in file: SourceFile, for method: String) throws(ResponseError) -> ClosedRange<Int> {
        func offset(_ position: JSONValue?) -> Int? {
            guard let line = Self.integer(position?["line"]), let character = Self.integer(position?["character"]) else {
                return nil
            }
            return positionEncoding.byteOffset(line: line, character: max(0, character), in: file)
        }
        guard let start = offset(range?["start"]), let end = offset(range?["end"]) else {
            throw .invalidParams("\(method) needs a `range` with a `start` and an `end`")
        }
        return min(start, end)...max(start, end)
    }
}
