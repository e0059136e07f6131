/// Builds the statement tree of one file from its tokens. It never throws and never stops early.
///
/// Recovery follows swift-syntax's habits: unexpected tokens are skipped to the end of the statement
/// (keeping braces balanced) and reported once; a missing `}` is reported at the `{` it should close.
/// Which `{` that is, and where its block ends, is decided once for the whole file (`BraceRecovery`):
/// of the pairings the braces allow, the one indentation agrees with, so that one forgotten `}` is
/// reported at its own block and does not turn the rest of the file into a cascade of misplaced
/// statements. In a file whose braces balance, indentation is never used.
///
/// Every loop checks that it consumes a token, and blocks nest at most `maximumNestingDepth` deep, so no
/// input can make the parser loop forever or exhaust the stack.
public struct Parser {
    /// Blocks nested deeper than this are reported and skipped, so hostile input cannot exhaust the stack.
    public static let maximumNestingDepth = InputLimits.maximumNestingDepth

    private let file: SourceFile
    /// The file's id in its compilation's `FileTable`, which every location of a diagnostic names.
    private let fileID: FileID
    /// Lexes as the parser reads: tokens are made on demand and dropped once read.
    private var lexer: Lexer
    private var index = 0
    /// The token at `index`, and the kind of the one before it.
    private var current: LexedToken
    private var previousKind: TokenKind?
    /// The parser's own problems; the lexer keeps its own, and `parse` puts them together.
    private var diagnostics: [Diagnostic] = []
    /// Where the statements, arguments and trivia of the tree go, as values in flat arrays.
    private var storage = SyntaxStorage()
    /// The statements of the lists being parsed, the innermost block's last, by their positions in
    /// `storage.statements`: a list collects its statements here and moves them to `storage.lists` in one
    /// run when it ends, so that each list's statements stand together there.
    private var openStatements: [Int32] = []

    /// Which blocks lack their `}` and where they end; nil until asked. Working it out takes a pass of
    /// its own over the file, so it is done only when the indentation first suggests a missing `}` —
    /// never for a well-indented file — and in a file whose braces balance it ends no block early.
    private var braceRecovery: BraceRecovery?

    private init(file: SourceFile, id: FileID) {
        self.file = file
        self.fileID = id
        lexer = Lexer.streaming(file, id: id)
        current = lexer.token(at: 0)
    }

    /// Lexes and parses one file; the diagnostics include the lexer's, and name the file as `id` (a file
    /// parsed on its own is `FileID.first`, the only file of `FileTable(file)`). A file larger than
    /// `InputLimits.maximumSourceFileBytes` is reported and not read at all: its tree is empty.
    public static func parse(_ file: SourceFile, id: FileID = .first) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        if let tooLarge = fileTooLarge(file, id: id) {
            return (SyntaxTree(file: file, statements: .empty, trailingTrivia: []), [tooLarge])
        }
        var parser = Parser(file: file, id: id)
        let list = parser.parseStatements(depth: 0, enclosing: nil)
        // The lexer's problems first, then the parser's, under one limit: as if the whole file had been
        // lexed before parsing began.
        var diagnostics = parser.lexer.diagnostics
        for diagnostic in parser.diagnostics { diagnostics.appendWithinLimit(diagnostic) }
        let statements = StatementList(storage: parser.storage, run: list.statements)
        return (SyntaxTree(file: file, statements: statements, trailingTrivia: list.trailingTrivia), diagnostics)
    }

    /// Lexes and parses one file, handing its top-level statements to `body` a region at a time and
    /// keeping none of them: a caller that uses each statement once (the compiler lowers it) then never
    /// holds the whole file's tree, which on a large catalog is most of the memory a check needs.
    ///
    /// A region is the top-level statements, in order, that together with their blocks' statements
    /// number at least `regionSize` (the last region may be smaller); it is handed over once the
    /// statement after it begins, as a comment later on a statement's line still belongs to it. The
    /// storage of a region is cleared and filled again by the next, unless `body` kept a view of it.
    /// Returns what `parse` would besides the statements: the trailing trivia and every problem found.
    public static func parse(_ file: SourceFile, id: FileID = .first, regionSize: Int = 1,
                             eachRegion body: (StatementList) -> Void)
        -> (trailingTrivia: [Trivia], diagnostics: [Diagnostic]) {
        if let tooLarge = fileTooLarge(file, id: id) { return ([], [tooLarge]) }
        var parser = Parser(file: file, id: id)
        let list = withoutActuallyEscaping(body) { body in
            parser.parseStatements(depth: 0, enclosing: nil, handOver: Region(size: regionSize, body: body))
        }
        var diagnostics = parser.lexer.diagnostics
        for diagnostic in parser.diagnostics { diagnostics.appendWithinLimit(diagnostic) }
        return (list.trailingTrivia, diagnostics)
    }

    /// E0113 for a file over `InputLimits.maximumSourceFileBytes`, before a byte of it is lexed.
    static func fileTooLarge(_ file: SourceFile, id: FileID) -> Diagnostic? {
        guard file.exceedsSizeLimit else { return nil }
        let limit = InputLimits.maximumSourceFileBytes / (1024 * 1024)
        return Diagnostic(.fileTooLarge, "file is larger than \(limit) MiB", at: SourceLocation(file: id, span: .point(0)),
                          label: "not read", help: "split the catalog into a catalog directory of smaller files")
    }

    private mutating func advance() {
        guard current.kind != .endOfFile else { return }
        // The token before the next is the current one: no need to ask the lexer for it again.
        previousKind = current.kind
        index += 1
        current = lexer.token(at: index)
        lexer.dropTokens(before: index - 1)
    }

    /// Makes `newIndex` (at or after the current index) the current token.
    private mutating func move(to newIndex: Int) {
        previousKind = lexer.token(at: newIndex - 1).kind
        index = newIndex
        current = lexer.token(at: newIndex)
        lexer.dropTokens(before: newIndex - 1)
    }

    /// Whether the block `enclosing` lacks its `}` and ends before the current token, as the recovery
    /// decided for the whole file (worked out the first time it is asked).
    private mutating func blockEndsHere(_ enclosing: EnclosingBlock) -> Bool {
        if braceRecovery == nil { braceRecovery = BraceRecovery(file) }
        return braceRecovery?.end(ofBlockOpenedAt: enclosing.openBrace) == current.span.start
    }

    /// What a block needs to know to close itself when its `}` is missing.
    private struct EnclosingBlock {
        /// Indentation of the line of the statement that owns the block.
        let ownerIndentation: Int
        /// Where its `{` stands: the block's name in `BraceRecovery`.
        let openBrace: Int
    }

    /// Where a top-level list hands its statements over, and how many statements make a region.
    private struct Region {
        let size: Int
        let body: (StatementList) -> Void
    }

    /// Why a statement list stopped.
    private enum ListEnd {
        case endOfFile
        /// At a `}` the caller should take as the block's own.
        case closingBrace
        /// The block's `}` is missing: the indentation says the current token belongs to an outer level.
        case missingClosingBrace(at: Span)
    }

    /// The statements of a file or block, as a run of `storage.lists`, and why the list ended.
    private struct ParsedList {
        var statements: StorageRun
        var trailingTrivia: [Trivia]
        var end: ListEnd
    }

    // MARK: Statement lists

    /// Parses statements until `}` (left for the caller), the end of the file, or — inside a block whose
    /// `}` is missing — the token before which `BraceRecovery` ends the block.
    ///
    /// With `handOver` (top level only), the statements are handed over a region at a time, once the
    /// statement after the region begins or the file ends, and the list returned holds none.
    private mutating func parseStatements(depth: Int, enclosing: EnclosingBlock?, handOver: Region? = nil)
        -> ParsedList {
        // This list's statements are `openStatements[listStart...]`; nested lists push theirs above and
        // take them out before this one continues.
        let listStart = openStatements.count
        var pending: [Trivia] = []
        var newlinesInARow = 0
        // Where the last statement ended: a comment on the same line is that statement's trailing comment.
        var lastStatementEnd: Int?

        while true {
            let before = index
            switch current.kind {
            case .endOfFile:
                if let handOver, openStatements.count > listStart {
                    handOver.body(StatementList(storage: storage, run: takeOpenStatements(from: listStart)))
                }
                return ParsedList(statements: takeOpenStatements(from: listStart), trailingTrivia: pending,
                                  end: .endOfFile)
            case .rightBrace:
                if let enclosing {
                    // Only a `}` that starts a line indented unlike the block's statement can close an
                    // enclosing block instead.
                    if isFirstOnItsLine, indentation(of: current.span.start) != enclosing.ownerIndentation,
                       blockEndsHere(enclosing) {
                        return ParsedList(statements: takeOpenStatements(from: listStart), trailingTrivia: pending,
                                          end: .missingClosingBrace(at: current.span))
                    }
                    return ParsedList(statements: takeOpenStatements(from: listStart), trailingTrivia: pending,
                                      end: .closingBrace)
                }
                report(.unmatchedClosingBrace, "unexpected `}` with no matching `{`", span: current.span,
                       label: "nothing to close here")
                advance()
            case .newline:
                newlinesInARow += 1
                if newlinesInARow == 2, openStatements.count > listStart || !pending.isEmpty {
                    pending.append(.blankLine)
                }
                advance()
                continue
            case .semicolon:
                advance()
            case .comment:
                let comment = Comment(text: file.text(of: current.span), span: current.span)
                if let lastStatementEnd, isOnSameLine(lastStatementEnd, current.span.start),
                   openStatements.count > listStart, let last = openStatements.last,
                   storage.statements[Int(last)].trailingComment == nil {
                    storage.statements[Int(last)].trailingComment = comment
                } else {
                    pending.append(.comment(comment))
                }
                advance()
            case .word:
                // Only a line indented like the block's statement or less can lie outside the block.
                if let enclosing, isFirstOnItsLine, indentation(of: current.span.start) <= enclosing.ownerIndentation,
                   blockEndsHere(enclosing) {
                    return ParsedList(statements: takeOpenStatements(from: listStart), trailingTrivia: pending,
                                      end: .missingClosingBrace(at: current.span))
                }
                if let handOver, openStatements.count > listStart, storage.statements.count >= handOver.size {
                    // The statements so far are complete: only the latest could still gain a trailing comment.
                    handOver.body(StatementList(storage: storage, run: takeOpenStatements(from: listStart)))
                    startNextRegion()
                }
                let statement = parseStatement(depth: depth, leadingTrivia: pending)
                pending = []
                lastStatementEnd = storage.statements[Int(statement)].span.end
                openStatements.append(statement)
            case .string, .number, .dot, .leftBrace:
                report(.expectedStatement, "expected a statement, found \(current.description)",
                       span: current.span, label: "a statement starts with a keyword",
                       help: current.kind == .leftBrace
                           ? "a block's `{` stands at the end of the line of its statement" : nil)
                skipToEndOfStatement(depth: depth)
            }
            newlinesInARow = 0
            precondition(index > before, "the parser must make progress")
        }
    }

    /// The statements of the list that began at `start`, moved from `openStatements` to the end of
    /// `storage.lists`; returns where they stand there.
    private mutating func takeOpenStatements(from start: Int) -> StorageRun {
        let listStart = storage.lists.count
        guard openStatements.count > start else { return StorageRun(emptyAt: listStart) }
        storage.lists.append(contentsOf: openStatements[start...])
        openStatements.removeSubrange(start...)
        return StorageRun(from: listStart, to: storage.lists.count)
    }

    /// Appends trivia to the storage; returns where they stand there.
    private mutating func store(_ trivia: [Trivia]) -> StorageRun {
        let start = storage.trivia.count
        if !trivia.isEmpty { storage.trivia.append(contentsOf: trivia) }
        return StorageRun(from: start, to: storage.trivia.count)
    }

    /// After a region was handed over: clears the storage for the next one, or, when the receiver kept a
    /// view of it, starts a storage of its own.
    private mutating func startNextRegion() {
        if isKnownUniquelyReferenced(&storage) {
            storage.removeAll()
        } else {
            storage = SyntaxStorage(reservingRoomFor: storage)
        }
    }

    // MARK: One statement

    /// Parses the statement at the current word into the storage; returns its position there.
    private mutating func parseStatement(depth: Int, leadingTrivia: [Trivia]) -> Int32 {
        let keywordToken = current
        let keyword = Word(text: file.text(of: keywordToken.span), span: keywordToken.span)
        let leadingTrivia = store(leadingTrivia)
        let argumentStart = storage.arguments.count
        let position = Int32(storage.statements.count)
        storage.statements.append(StatementRecord(
            keyword: keyword, span: keywordToken.span, arguments: StorageRun(emptyAt: argumentStart),
            leadingTrivia: leadingTrivia, trailingComment: nil, block: nil))
        advance()
        var end = keywordToken.span.end
        argumentLoop: while true {
            switch current.kind {
            case .word:
                let argument = parseWordOrReference()
                storage.arguments.append(argument)
                end = argument.span.end
            case .string:
                storage.arguments.append(Argument(value: .string(lexer.value(ofString: current)), span: current.span))
                end = current.span.end
                advance()
            case .number:
                storage.arguments.append(Argument(value: .number(file.text(of: current.span)), span: current.span))
                end = current.span.end
                advance()
            default:
                break argumentLoop
            }
        }
        // The block's statements are parsed after the arguments, so the arguments stand together.
        storage.statements[Int(position)].arguments = StorageRun(from: argumentStart, to: storage.arguments.count)

        var block: BlockRecord?
        if current.kind == .leftBrace {
            block = parseBlock(depth: depth, owner: keyword)
        } else if current.kind == .newline, let braceIndex = braceOnFollowingLine() {
            // `{` on a line of its own: report with a fix-it, then take it as this statement's block.
            let brace = lexer.token(at: braceIndex)
            let gap = SourceLocation(file: fileID, span: Span(start: end, end: brace.span.start))
            report(.braceOnOwnLine, "`{` must stand on the same line as its statement", span: brace.span,
                   label: "this block belongs to `\(keyword.text)` on an earlier line",
                   help: "move the `{` to the end of the line `\(keyword.text) …`",
                   fixes: [Diagnostic.FixIt("move `{` to the statement's line", edits: [
                       Diagnostic.Edit(gap, replacement: " "),
                   ])])
            move(to: braceIndex)
            block = parseBlock(depth: depth, owner: keyword)
        }
        if let block {
            // An unclosed block ends with its last statement (or its `{`), not with the lines after it.
            let lastStatement = block.statements.isEmpty ? nil : storage.lists[Int(block.statements.end) - 1]
            end = block.closeBrace?.end ?? lastStatement.map { storage.statements[Int($0)].span.end }
                ?? block.openBrace.end
        }

        switch current.kind {
        case .newline, .semicolon, .rightBrace, .endOfFile, .comment:
            break
        case _ where isFirstOnItsLine:
            // A block whose `}` is missing ended at a line that belongs to an outer level.
            break
        default:
            report(.expectedEndOfStatement,
                   "expected the end of the statement `\(keyword.text)`, found \(current.description)",
                   span: current.span, label: "expected the end of the statement",
                   help: current.kind == .dot
                       ? "a reference is written `price.component`, with no spaces" : "end the statement with a new line or `;`")
            skipToEndOfStatement(depth: depth)
        }
        storage.statements[Int(position)].block = block
        storage.statements[Int(position)].span = Span(start: keywordToken.span.start, end: end)
        return position
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

    /// Parses a block at the current `{`. `owner` is the word of the statement it belongs to (for a stray
    /// block, the `{` itself).
    private mutating func parseBlock(depth: Int, owner: Word) -> BlockRecord {
        let open = current.span
        advance()
        if depth + 1 > Self.maximumNestingDepth {
            report(.nestingTooDeep, "blocks nested more than \(Self.maximumNestingDepth) deep", span: open,
                   label: "this block is skipped", help: "a catalog needs only a few levels of blocks")
            let close = skipBalancedBlockContents()
            if close == nil { reportUnclosedBrace(at: open) }
            return BlockRecord(openBrace: open, closeBrace: close, statements: StorageRun(emptyAt: storage.lists.count),
                               trailingTrivia: StorageRun(emptyAt: storage.trivia.count))
        }
        let list = parseStatements(depth: depth + 1, enclosing: EnclosingBlock(
            ownerIndentation: indentation(of: owner.span.start), openBrace: open.start))
        var close: Span?
        switch list.end {
        case .closingBrace:
            close = current.span
            advance()
        case .endOfFile:
            reportUnclosedBrace(at: open)
        case .missingClosingBrace(let resumption):
            let line = file.location(of: resumption.start).line
            reportUnclosedBrace(at: open, notes: [Diagnostic.Note(
                "the block is taken to end before line \(line), which is indented like the `\(owner.text)` "
                    + "statement or less",
                at: SourceLocation(file: fileID, span: resumption))])
        }
        return BlockRecord(openBrace: open, closeBrace: close, statements: list.statements,
                           trailingTrivia: store(list.trailingTrivia))
    }

    /// E0104, reported at the `{` that no `}` closes (LANGUAGE.md §4).
    private mutating func reportUnclosedBrace(at open: Span, notes: [Diagnostic.Note] = []) {
        report(.unclosedBrace, "this `{` is never closed", span: open, label: "unclosed block", notes: notes,
               help: "add a `}` where the block ends")
    }

    /// After an unexpected token: skip to the end of the statement, parsing over any nested braces.
    private mutating func skipToEndOfStatement(depth: Int) {
        while true {
            switch current.kind {
            case .newline, .semicolon, .rightBrace, .endOfFile:
                return
            case .leftBrace:
                let brace = Word(text: "{", span: current.span)
                _ = parseBlock(depth: depth, owner: brace)
                // A block that recovered from a missing `}` stops at the start of a line; so does the skip.
                if isFirstOnItsLine { return }
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

    /// The index of a `{` that follows on a later line with nothing but line ends before it; asked at
    /// a line end after a statement.
    private mutating func braceOnFollowingLine() -> Int? {
        // The current token is the first line end.
        var probe = index + 1
        while lexer.token(at: probe).kind == .newline { probe += 1 }
        return lexer.token(at: probe).kind == .leftBrace ? probe : nil
    }

    /// Whether the current token is the first on its line (only spaces and tabs before it).
    private var isFirstOnItsLine: Bool { index == 0 || previousKind == .newline }

    // MARK: Positions

    /// Whether no line ends between two offsets. Only asked for a comment after a statement, so a scan
    /// of the few bytes between them is cheaper than two searches of the line table.
    private func isOnSameLine(_ first: Int, _ second: Int) -> Bool {
        !file.bytes[Swift.min(first, second)..<Swift.max(first, second)].contains(UInt8(ascii: "\n"))
    }

    /// Spaces and tabs before the first token of the line holding `offset`.
    private func indentation(of offset: Int) -> Int { BraceRecovery.indentation(of: offset, in: file) }

    private mutating func report(_ code: DiagnosticCode, _ message: String, span: Span, label: String? = nil,
                                 notes: [Diagnostic.Note] = [], help: String? = nil,
                                 fixes: [Diagnostic.FixIt] = []) {
        diagnostics.appendWithinLimit(Diagnostic(code, message, at: SourceLocation(file: fileID, span: span),
                                                 label: label, notes: notes, help: help, fixes: fixes))
    }
}
