/// Builds the statement tree of one file from its tokens. It never throws and never stops early.
///
/// Recovery follows swift-syntax's habits: unexpected tokens are skipped to the end of the statement
/// (keeping braces balanced) and reported once; a missing `}` is reported at the `{` it should close.
/// When a block's contents are indented and a later line comes back to the indentation of the block's
/// own statement, the block is taken to have ended there, so one forgotten `}` does not turn the rest of
/// the file into a cascade of misplaced statements. Every loop asserts that it consumes a token.
public struct Parser {
    /// Blocks nested deeper than this are reported and skipped, so hostile input cannot exhaust the stack.
    public static let maximumNestingDepth = 32

    private let file: SourceFile
    private let tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic]

    private init(file: SourceFile, tokens: [Token], diagnostics: [Diagnostic]) {
        self.file = file
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    /// Lexes and parses one file; the diagnostics include the lexer's.
    public static func parse(_ file: SourceFile) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        let (tokens, lexerDiagnostics) = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: tokens, diagnostics: lexerDiagnostics)
        let (statements, trailing) = parser.parseStatements(depth: 0, enclosing: nil)
        return (SyntaxTree(file: file, statements: statements, trailingTrivia: trailing), parser.diagnostics)
    }

    private var current: Token { tokens[index] }

    private mutating func advance() {
        if current.kind != .endOfFile { index += 1 }
    }

    /// What a block needs to know to close itself when its `}` is missing.
    private struct EnclosingBlock {
        /// Indentation of the line of the statement that owns the block.
        let ownerIndentation: Int
    }

    // MARK: Statement lists

    /// Parses statements until `}` (left for the caller) or the end of the file.
    private mutating func parseStatements(depth: Int, enclosing: EnclosingBlock?)
        -> (statements: [Statement], trailingTrivia: [Trivia]) {
        var statements: [Statement] = []
        var pending: [Trivia] = []
        var newlinesInARow = 0
        var contentIndentation: Int?
        var lastStatementLine = -1

        while true {
            let before = index
            switch current.kind {
            case .endOfFile:
                return (statements, pending)
            case .rightBrace:
                if enclosing != nil { return (statements, pending) }
                report(.unmatchedClosingBrace, "unexpected `}` with no matching `{`", span: current.span,
                       label: "nothing to close here")
                advance()
            case .newline:
                newlinesInARow += 1
                if newlinesInARow == 2, !statements.isEmpty || !pending.isEmpty { pending.append(.blankLine) }
                advance()
                continue
            case .semicolon:
                advance()
            case .comment:
                let comment = Comment(text: file.text(of: current.span), span: current.span)
                if lineIndex(of: current.span.start) == lastStatementLine, !statements.isEmpty,
                   statements[statements.count - 1].trailingComment == nil {
                    statements[statements.count - 1].trailingComment = comment
                } else {
                    pending.append(.comment(comment))
                }
                advance()
            case .word:
                let indentation = self.indentation(of: current.span.start)
                if let enclosing {
                    if let contentIndentation, contentIndentation > enclosing.ownerIndentation,
                       indentation <= enclosing.ownerIndentation, newlinesInARow > 0 {
                        // The block's `}` is missing: this line belongs to the enclosing level.
                        return (statements, pending)
                    }
                    if contentIndentation == nil { contentIndentation = indentation }
                }
                var statement = parseStatement(depth: depth)
                statement.leadingTrivia = pending
                pending = []
                lastStatementLine = lineIndex(of: statement.span.end)
                statements.append(statement)
            case .string, .number, .dot, .leftBrace:
                report(.expectedStatement, "expected a statement, found \(current.description)",
                       span: current.span, label: "a statement starts with a keyword",
                       help: current.kind == .leftBrace
                           ? "a block's `{` stands at the end of the line of its statement" : nil)
                skipToEndOfStatement(depth: depth)
            }
            newlinesInARow = 0
            assert(index > before || current.kind == .endOfFile, "the parser must make progress")
        }
    }

    // MARK: One statement

    private mutating func parseStatement(depth: Int) -> Statement {
        let keywordToken = current
        let keyword = Word(text: file.text(of: keywordToken.span), span: keywordToken.span)
        advance()
        var arguments: [Argument] = []
        var end = keywordToken.span.end
        argumentLoop: while true {
            switch current.kind {
            case .word:
                let argument = parseWordOrReference()
                arguments.append(argument)
                end = argument.span.end
            case .string:
                arguments.append(Argument(value: .string(current.stringValue ?? ""), span: current.span))
                end = current.span.end
                advance()
            case .number:
                arguments.append(Argument(value: .number(file.text(of: current.span)), span: current.span))
                end = current.span.end
                advance()
            default:
                break argumentLoop
            }
        }

        var block: Block?
        if current.kind == .leftBrace {
            block = parseBlock(depth: depth, ownerStart: keywordToken.span.start)
        } else if current.kind == .newline, let braceIndex = braceOnFollowingLine() {
            // `{` on a line of its own: report with a fix-it, then take it as this statement's block.
            let brace = tokens[braceIndex]
            let gap = SourceLocation(file: file, span: Span(start: end, end: brace.span.start))
            report(.braceOnOwnLine, "`{` must stand on the same line as its statement", span: brace.span,
                   label: "this block belongs to `\(keyword.text)` on an earlier line",
                   help: "move the `{` to the end of the line `\(keyword.text) …`",
                   fixes: [Diagnostic.FixIt("move `{` to the statement's line", edits: [
                       Diagnostic.Edit(gap, replacement: " "),
                   ])])
            index = braceIndex
            block = parseBlock(depth: depth, ownerStart: keywordToken.span.start)
        }
        if let block { end = block.closeBrace?.end ?? Swift.max(end, lastConsumedEnd) }

        switch current.kind {
        case .newline, .semicolon, .rightBrace, .endOfFile, .comment:
            break
        default:
            report(.expectedEndOfStatement,
                   "unexpected \(current.description) after the statement `\(keyword.text)`",
                   span: current.span, label: "expected the end of the statement",
                   help: current.kind == .dot
                       ? "a reference is written `price.component`, with no spaces" : "end the statement with a new line or `;`")
            skipToEndOfStatement(depth: depth)
        }
        return Statement(keyword: keyword, arguments: arguments, block: block,
                         span: Span(start: keywordToken.span.start, end: end),
                         leadingTrivia: [], trailingComment: nil)
    }

    /// A word, or `word.word` written without spaces.
    private mutating func parseWordOrReference() -> Argument {
        let first = current
        advance()
        guard current.kind == .dot, current.span.start == first.span.end else {
            return Argument(value: .word(file.text(of: first.span)), span: first.span)
        }
        let dot = current
        advance()
        guard current.kind == .word, current.span.start == dot.span.end else {
            let span = first.span.union(dot.span)
            report(.malformedReference, "malformed reference `\(file.text(of: span))`", span: span,
                   label: "expected a component id right after the `.`",
                   help: "a reference is written `price.component`, with no spaces")
            return Argument(value: .reference(file.text(of: first.span), ""), span: span)
        }
        let second = current
        advance()
        return Argument(value: .reference(file.text(of: first.span), file.text(of: second.span)),
                        span: first.span.union(second.span))
    }

    // MARK: Blocks

    private mutating func parseBlock(depth: Int, ownerStart: Int) -> Block {
        let open = current.span
        advance()
        if depth + 1 > Self.maximumNestingDepth {
            report(.nestingTooDeep, "blocks nested more than \(Self.maximumNestingDepth) deep", span: open,
                   label: "this block is skipped")
            let close = skipBalancedBlockContents()
            return Block(openBrace: open, statements: [], closeBrace: close, trailingTrivia: [])
        }
        let enclosing = EnclosingBlock(ownerIndentation: indentation(of: ownerStart))
        let (statements, trailing) = parseStatements(depth: depth + 1, enclosing: enclosing)
        var close: Span?
        if current.kind == .rightBrace {
            close = current.span
            advance()
        } else {
            report(.unclosedBrace, "this `{` is never closed", span: open, label: "unclosed block",
                   help: "add a `}` where the block ends")
        }
        return Block(openBrace: open, statements: statements, closeBrace: close, trailingTrivia: trailing)
    }

    /// After an unexpected token: skip to the end of the statement, parsing over any nested braces.
    private mutating func skipToEndOfStatement(depth: Int) {
        while true {
            switch current.kind {
            case .newline, .semicolon, .rightBrace, .endOfFile:
                return
            case .leftBrace:
                _ = parseBlock(depth: depth, ownerStart: current.span.start)
            default:
                advance()
            }
        }
    }

    /// Skips to the `}` that closes an already-opened block, without recursion; returns its span.
    private mutating func skipBalancedBlockContents() -> Span? {
        var open = 1
        while current.kind != .endOfFile {
            if current.kind == .leftBrace { open += 1 }
            if current.kind == .rightBrace {
                open -= 1
                if open == 0 {
                    let span = current.span
                    advance()
                    return span
                }
            }
            advance()
        }
        return nil
    }

    /// The index of a `{` that follows on a later line with nothing but line ends before it.
    private func braceOnFollowingLine() -> Int? {
        var probe = index
        while tokens[probe].kind == .newline { probe += 1 }
        return tokens[probe].kind == .leftBrace ? probe : nil
    }

    private var lastConsumedEnd: Int { index > 0 ? tokens[index - 1].span.end : 0 }

    // MARK: Positions

    private func lineIndex(of offset: Int) -> Int { file.lineTable.lineIndex(of: offset) }

    /// Spaces and tabs before the first token of the line holding `offset`.
    private func indentation(of offset: Int) -> Int {
        var position = file.lineTable.lineStarts[lineIndex(of: offset)]
        var count = 0
        while position < file.bytes.count,
              file.bytes[position] == UInt8(ascii: " ") || file.bytes[position] == UInt8(ascii: "\t") {
            count += 1
            position += 1
        }
        return count
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, span: Span, label: String? = nil,
                                 help: String? = nil, fixes: [Diagnostic.FixIt] = []) {
        diagnostics.append(Diagnostic(code, message, at: SourceLocation(file: file, span: span),
                                      label: label, help: help, fixes: fixes))
    }
}
