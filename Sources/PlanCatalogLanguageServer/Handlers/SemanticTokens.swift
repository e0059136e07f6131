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
    /// code units unless the client took UTF-8). The tokens are the document's own, from its statement
    /// tree as its catalog's last check left it (`analysis(of:)`): a file's tokens do not depend on its
    /// neighbours. A document that is not open gets no tokens.
    func semanticTokensFull(_ params: JSONValue?) throws(ResponseError) -> JSONValue {
        guard let document = try openDocument(in: params, for: "textDocument/semanticTokens/full") else {
            return .object([.init("data", .array([]))])
        }
        let analysis = analysis(of: document)
        guard let fileID = analysis.fileID(of: document) else { return .object([.init("data", .array([]))]) }
        let tree = analysis.syntaxTree(of: fileID), file = tree.file
        var data: [JSONValue] = []
        // Each line is counted once from its start, token after token: a position made for each token
        // would count from the line's start again, quadratic on a long line.
        var previous = (line: 0, byte: 0, character: 0)
        for token in SemanticTokens.tokens(in: tree) {
            let line = file.lineTable.lineIndex(of: token.span.start)
            // Tokens hold to one line (strings and comments end with theirs); a client cannot take one
            // that does not, so one never goes out.
            guard file.lineTable.lineIndex(of: token.span.end) == line else { continue }
            let (from, counted) = line == previous.line && !data.isEmpty
                ? (previous.byte, previous.character) : (file.lineTable.lineStarts[line], 0)
            let start = counted + positionEncoding.unitCount(from: from, to: token.span.start, in: file)
            let length = positionEncoding.unitCount(from: token.span.start, to: token.span.end, in: file)
            guard length > 0 else { continue }
            let deltaLine = line - previous.line
            data += [deltaLine, deltaLine == 0 ? start - previous.character : start, length,
                     token.type.rawValue, token.isDeclaration ? 1 : 0].map { .number($0) }
            previous = (line, token.span.start, start)
        }
        return .object([.init("data", .array(data))])
    }
}
