/// Prints a statement tree line by line in the canonical layout; `Formatter` is its front door.
///
/// The rules (Docs/Language.md § Canonical layout) are applied in one pass. Each is chosen so that the
/// tree of the printed text is the tree printed: a comment on a `{` line stays there, a blank line the
/// printer inserts is one the parser records again, and a component block is joined or split by its
/// content alone — so formatting a formatted file changes nothing.
struct FormatPrinter {
    let file: SourceFile
    /// The bytes printed so far: whole lines, each ended by `\n`.
    ///
    /// The printer copies every token's bytes straight from the source into this buffer: no string is made
    /// per line or per token, which on a 50 MB catalog was most of `fmt --check`'s time.
    private(set) var output: [UInt8] = []
    /// A blank line asked for, printed only if another line follows in the same statement list, so that
    /// no blank line ends up right after `{`, before `}`, or at the end of the file.
    private var pendingBlankLine = false

    init(file: SourceFile) {
        self.file = file
        output.reserveCapacity(file.bytes.count + file.bytes.count / 8)
    }

    // MARK: Statement lists

    /// Prints a file's or a block's statements with the trivia around them. `skipsFirstComment` is set
    /// when the list's first comment was already printed on its block's `{` line.
    mutating func printList(_ statements: StatementList, trailingTrivia: ArraySlice<Trivia>, depth: Int,
                            skipsFirstComment: Bool) {
        var list = ListState(skipsFirstComment: skipsFirstComment)
        for statement in statements { printItem(statement, of: &list, depth: depth) }
        finish(&list, trailingTrivia: trailingTrivia, depth: depth)
    }

    /// Where the printing of one statement list stands.
    struct ListState {
        var hasPrinted = false
        var skipsComment: Bool
        /// Whether the previous statement of the list had a block; nil before the first.
        var previousHasBlock: Bool?

        init(skipsFirstComment: Bool) { skipsComment = skipsFirstComment }
    }

    /// The top level of a file, printed a statement at a time as the parser hands them over, so that a
    /// large file's tree never exists whole (`Formatter.format`).
    private var topLevel = ListState(skipsFirstComment: false)

    mutating func printTopLevelStatement(_ statement: Statement) {
        var list = topLevel
        printItem(statement, of: &list, depth: 0)
        topLevel = list
    }

    mutating func finishTopLevel(trailingTrivia: [Trivia]) {
        var list = topLevel
        finish(&list, trailingTrivia: trailingTrivia[...], depth: 0)
        topLevel = list
    }

    private mutating func printItem(_ statement: Statement, of list: inout ListState, depth: Int) {
        var trivia = statement.leadingTrivia[...]
        if list.skipsComment {
            trivia = trivia.dropFirst()
            list.skipsComment = false
        }
        if depth == 0, let previousHasBlock = list.previousHasBlock, statement.block != nil || previousHasBlock,
           !trivia.contains(where: \.isBlankLine) {
            // A top-level block is set apart by a blank line above any comments attached to it.
            pendingBlankLine = true
        }
        printTrivia(trivia, depth: depth, hasPrinted: &list.hasPrinted)
        printStatement(statement, depth: depth)
        list.hasPrinted = true
        list.previousHasBlock = statement.block != nil
    }

    private mutating func finish(_ list: inout ListState, trailingTrivia: ArraySlice<Trivia>, depth: Int) {
        printTrivia(list.skipsComment ? trailingTrivia.dropFirst() : trailingTrivia, depth: depth,
                    hasPrinted: &list.hasPrinted)
        pendingBlankLine = false
    }

    /// Own-line comments re-indented to the list's level; blank lines kept, at most one in a row, and
    /// never before the list's first line.
    private mutating func printTrivia(_ trivia: ArraySlice<Trivia>, depth: Int, hasPrinted: inout Bool) {
        for piece in trivia {
            switch piece {
            case .blankLine:
                if hasPrinted { pendingBlankLine = true }
            case .comment(let comment):
                startLine(depth: depth)
                appendComment(comment)
                endLine()
                hasPrinted = true
            }
        }
    }

    // MARK: One statement

    private mutating func printStatement(_ statement: Statement, depth: Int) {
        guard let block = statement.block else {
            startLine(depth: depth)
            appendHead(of: statement)
            appendTrailingComment(of: statement)
            endLine()
            return
        }
        if block.statements.isEmpty, !block.trailingTrivia.contains(where: \.isComment) {
            startLine(depth: depth)
            appendHead(of: statement)
            append(" {}")
            appendTrailingComment(of: statement)
            endLine()
            return
        }
        if printsJoinedComponentLine(statement, block: block, depth: depth) { return }
        let braceComment = commentOnBraceLine(of: block)
        startLine(depth: depth)
        appendHead(of: statement)
        append(" {")
        if let braceComment {
            append(" ")
            appendComment(braceComment)
        }
        endLine()
        printList(block.statements, trailingTrivia: block.trailingTrivia, depth: depth + 1,
                  skipsFirstComment: braceComment != nil)
        startLine(depth: depth)
        append("}")
        appendTrailingComment(of: statement)
        endLine()
    }

    /// `component ID { fixed 29; label "Base fee" }` with its indentation and trailing comment, when the
    /// statement is a component block of plain statements without comments and the line is at most
    /// `Formatter.maximumLineWidth` wide. Returns whether it printed the line.
    private mutating func printsJoinedComponentLine(_ statement: Statement, block: Block, depth: Int) -> Bool {
        guard statement.keyword.text == "component",
              !block.trailingTrivia.contains(where: \.isComment),
              block.statements.allSatisfy({ child in
                  child.block == nil && child.trailingComment == nil && !child.leadingTrivia.contains(where: \.isComment)
              }) else { return false }
        // Printed in place, then taken back if the line is too wide.
        let mark = output.count
        let hadPendingBlankLine = pendingBlankLine
        startLine(depth: depth)
        let lineStart = output.count - depth * Formatter.indentation.utf8.count
        appendHead(of: statement)
        append(" { ")
        for (position, child) in block.statements.enumerated() {
            if position > 0 { append("; ") }
            appendHead(of: child)
        }
        append(" }")
        appendTrailingComment(of: statement)
        // Continuation bytes (10xxxxxx) do not start a scalar: the width counts Unicode scalars.
        let width = output[lineStart...].count { $0 & 0xC0 != 0x80 }
        guard width <= Formatter.maximumLineWidth else {
            output.removeSubrange(mark...)
            pendingBlankLine = hadPendingBlankLine
            return false
        }
        endLine()
        return true
    }

    /// The comment written right after a block's `{`, on the same line: the first trivia of the block.
    private func commentOnBraceLine(of block: Block) -> Comment? {
        let trivia = block.statements.first?.leadingTrivia ?? block.trailingTrivia
        guard case .comment(let comment)? = trivia.first,
              file.lineTable.lineIndex(of: comment.span.start) == file.lineTable.lineIndex(of: block.openBrace.start)
        else { return nil }
        return comment
    }

    // MARK: Bytes

    /// Starts a line at `depth`, after the blank line asked for, if any.
    private mutating func startLine(depth: Int) {
        if pendingBlankLine, !output.isEmpty { output.append(UInt8(ascii: "\n")) }
        pendingBlankLine = false
        for _ in 0..<depth { output.append(contentsOf: Formatter.indentation.utf8) }
    }

    private mutating func endLine() {
        output.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// The keyword and its arguments, one space apart, each exactly as written.
    private mutating func appendHead(of statement: Statement) {
        appendSource(statement.keyword.span)
        for argument in statement.arguments {
            output.append(UInt8(ascii: " "))
            appendSource(argument.span)
        }
    }

    private mutating func appendTrailingComment(of statement: Statement) {
        guard let comment = statement.trailingComment else { return }
        output.append(UInt8(ascii: " "))
        appendComment(comment)
    }

    private mutating func appendComment(_ comment: Comment) {
        output.append(contentsOf: Self.text(of: comment).utf8)
    }

    /// The source bytes of a span, exactly as written.
    private mutating func appendSource(_ span: Span) {
        output.append(contentsOf: file.bytes[span.start..<span.end])
    }

    /// A comment's text without trailing spaces, tabs or a stray carriage return, which no line may end with.
    static func text(of comment: Comment) -> String {
        var text = Substring(comment.text)
        while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            text = Substring(text.unicodeScalars.dropLast())
        }
        return String(text)
    }
}

extension Trivia {
    var isBlankLine: Bool {
        if case .blankLine = self { return true }
        return false
    }

    var isComment: Bool {
        if case .comment = self { return true }
        return false
    }
}
