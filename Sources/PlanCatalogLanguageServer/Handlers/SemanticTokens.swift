import PlanCatalog

extension LanguageServer {
    /// The legend of `semanticTokensProvider`: a token's type is its place in `tokenTypes` — one LSP
    /// standard type for each of `SemanticTokenType`'s cases, in their order — and `declaration` is the
    /// one modifier, bit 0.
    static var semanticTokensLegend: JSONValue {
        .object([
            .init("tokenTypes", .strings(SemanticTokenType.allCases.map(\.standardName))),
            .init("tokenModifiers", .strings(["declaration"])),
        ])
    }

    /// `textDocument/semanticTokens/full`: the document's tokens (`SemanticTokens.tokens(in:)`: keywords,
    /// ids defined and referred to, strings, numbers, comments, the words of a choice), encoded as LSP
    /// 3.17 says — five integers per token, its line and start relative to the previous token's, its
    /// length, its type and its modifiers — with starts and lengths in the negotiated encoding (UTF-16
    /// code units unless the client took UTF-8). The document's own text is read, not its catalog: a
    /// file's tokens do not depend on its neighbours. A document that is not open gets no tokens.
    func semanticTokensFull(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = try openDocument(in: params, for: "textDocument/semanticTokens/full") else {
            return .object([.init("data", .array([]))])
        }
        let file = SourceFile(path: document.path ?? document.uri, bytes: document.bytes)
        var data: [JSONValue] = []
        var previousLine = 0, previousCharacter = 0
        for token in SemanticTokens.tokens(in: file) {
            let (line, start) = Self.lineAndCharacter(positionEncoding.position(ofByte: token.span.start, in: file))
            let (endLine, end) = Self.lineAndCharacter(positionEncoding.position(ofByte: token.span.end, in: file))
            // Tokens hold to one line (strings and comments end with theirs); a client cannot take one
            // that does not, so one never goes out.
            guard line == endLine, end > start else { continue }
            let deltaLine = line - previousLine
            data += [deltaLine, deltaLine == 0 ? start - previousCharacter : start, end - start,
                     token.type.rawValue, token.isDeclaration ? 1 : 0].map { .number($0) }
            previousLine = line
            previousCharacter = start
        }
        return .object([.init("data", .array(data))])
    }

    /// The line and character of a position `PositionEncoding` made.
    private static func lineAndCharacter(_ position: JSONValue) -> (line: Int, character: Int) {
        (integer(position["line"]) ?? 0, integer(position["character"]) ?? 0)
    }
}
