/// Where a byte offset of a file stands, as completion needs to know it: in which block (found from the
/// statement tree, so a half-typed file whose blocks are not closed yet works as the parser recovers
/// them), and whether a statement starts there or an argument of which statement.
///
/// The word being typed is found from the bytes of the line (a run of id characters and `.` around the
/// offset); what comes before it on the line says whether it is a keyword or an argument. Strings and
/// comments stay on one line (the lexer ends both at the line's end), so the line alone tells whether
/// the offset is inside one.
struct CompletionContext {
    enum Position {
        /// A new statement, or the keyword being typed.
        case statement
        /// Argument number `index` (from 0) of `statement`.
        case argument(Statement, index: Int)
    }

    /// The statements of the enclosing blocks, outermost first, each with the context of its block.
    let enclosing: [(statement: Statement, context: Schema.Context)]
    /// The block the offset is in.
    let context: Schema.Context
    /// The statements of that block (the file's top level for `.topLevel`).
    let siblings: StatementList
    let position: Position
    /// The word under the offset, from its start to its end: what a completion replaces (empty between
    /// two spaces).
    let word: Span

    /// The context at `offset` of `file`, whose tree is `tree`; nil inside a comment or a string, past the
    /// end of the file, and inside a block the schema does not know (an unknown statement's).
    init?(file: SourceFile, tree: SyntaxTree, offset: Int) {
        let bytes = file.bytes
        guard offset >= 0, offset <= bytes.count else { return nil }
        let line = file.lineTable.lineIndex(of: offset)
        let lineStart = file.lineTable.lineStarts[line]
        guard !Self.isInCommentOrString(bytes[lineStart..<offset]) else { return nil }

        var wordStart = offset
        while wordStart > lineStart, Self.isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
        var wordEnd = offset
        while wordEnd < bytes.count, Self.isWordByte(bytes[wordEnd]) { wordEnd += 1 }
        word = Span(start: wordStart, end: wordEnd)

        // Down the blocks that hold the word, as the parser closed them.
        var enclosing: [(statement: Statement, context: Schema.Context)] = []
        var context = Schema.Context.topLevel
        var list = tree.statements
        descent: while true {
            for (index, statement) in list.enumerated() {
                guard let block = statement.block, block.openBrace.end <= wordStart else { continue }
                let end = block.closeBrace?.start
                    ?? (index + 1 < list.count ? list[index + 1].span.start : bytes.count)
                guard wordStart <= end else { continue }
                guard let inner = StatementRole(keyword: statement.keyword.text, in: context).blockContext else {
                    return nil
                }
                enclosing.append((statement, context))
                context = inner
                list = block.statements
                continue descent
            }
            break
        }
        self.enclosing = enclosing
        self.context = context
        siblings = list

        // A statement starts where only spaces stand between the word and the line's start, a `{`, `;` or `}`.
        var before = wordStart
        while before > lineStart, bytes[before - 1] == UInt8(ascii: " ") || bytes[before - 1] == UInt8(ascii: "\t") {
            before -= 1
        }
        if before == lineStart || [UInt8(ascii: "{"), UInt8(ascii: ";"), UInt8(ascii: "}")].contains(bytes[before - 1]) {
            position = .statement
            return
        }
        // Else the word is an argument of the last statement begun on this line before it.
        let statement = list.last { statement in
            statement.keyword.span.start < wordStart && statement.keyword.span.start >= lineStart
        }
        guard let statement, !(statement.block.map { $0.openBrace.start < wordStart } ?? false) else { return nil }
        position = .argument(statement, index: statement.arguments.count { $0.span.start < wordStart })
    }

    /// The innermost enclosing statement that stands in a block of `wanted`: `.topLevel` gives the plan
    /// (or quote, scenario…) the offset is in; nil when none encloses it.
    func owner(in wanted: Schema.Context) -> Statement? {
        enclosing.last { $0.context == wanted }?.statement
    }

    /// A byte that can be part of a word being typed: an id's, or the `.` of a reference.
    static func isWordByte(_ byte: UInt8) -> Bool {
        Lexer.isWordCharacter(byte) || byte == UInt8(ascii: ".") || byte >= 0x80
    }

    /// Whether the end of this piece of a line is inside a string or after a `#` that starts a comment.
    private static func isInCommentOrString(_ piece: ArraySlice<UInt8>) -> Bool {
        var isInString = false
        var isEscaped = false
        for byte in piece {
            if isInString {
                if isEscaped { isEscaped = false } else if byte == UInt8(ascii: "\\") { isEscaped = true }
                else if byte == UInt8(ascii: "\"") { isInString = false }
            } else if byte == UInt8(ascii: "\"") {
                isInString = true
            } else if byte == UInt8(ascii: "#") {
                return true
            }
        }
        return isInString
    }
}
