/// Prints a statement tree line by line in the canonical layout; `Formatter` is its front door.
///
/// The rules (Docs/Language.md § Canonical layout) are applied in one pass. Each is chosen so that the
/// tree of the printed text is the tree printed: a comment on a `{` line stays there, a blank line the
/// printer inserts is one the parser records again, and a component block is joined or split by its
/// content alone — so formatting a formatted file changes nothing.
struct FormatPrinter {
    let file: SourceFile
    /// The lines printed so far, without line ends; an empty string is a blank line.
    private(set) var lines: [String] = []
    /// A blank line asked for, printed only if another line follows in the same statement list, so that
    /// no blank line ends up right after `{`, before `}`, or at the end of the file.
    private var pendingBlankLine = false

    init(file: SourceFile) {
        self.file = file
    }

    /// The whole text: every line ended by `\n`; empty when there is nothing to print.
    var text: String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    // MARK: Statement lists

    /// Prints a file's or a block's statements with the trivia around them. `skipsFirstComment` is set
    /// when the list's first comment was already printed on its block's `{` line.
    mutating func printList(_ statements: [Statement], trailingTrivia: [Trivia], depth: Int,
                            skipsFirstComment: Bool) {
        var hasPrinted = false
        var skipsComment = skipsFirstComment
        for (index, statement) in statements.enumerated() {
            var trivia = statement.leadingTrivia
            if skipsComment {
                trivia.removeFirst()
                skipsComment = false
            }
            if depth == 0, index > 0, statement.block != nil || statements[index - 1].block != nil,
               !trivia.contains(where: \.isBlankLine) {
                // A top-level block is set apart by a blank line above any comments attached to it.
                pendingBlankLine = true
            }
            printTrivia(trivia, depth: depth, hasPrinted: &hasPrinted)
            printStatement(statement, depth: depth)
            hasPrinted = true
        }
        var trailing = trailingTrivia
        if skipsComment { trailing.removeFirst() }
        printTrivia(trailing, depth: depth, hasPrinted: &hasPrinted)
        pendingBlankLine = false
    }

    /// Own-line comments re-indented to the list's level; blank lines kept, at most one in a row, and
    /// never before the list's first line.
    private mutating func printTrivia(_ trivia: [Trivia], depth: Int, hasPrinted: inout Bool) {
        for piece in trivia {
            switch piece {
            case .blankLine:
                if hasPrinted { pendingBlankLine = true }
            case .comment(let comment):
                emit(Self.indentation(depth) + Self.text(of: comment))
                hasPrinted = true
            }
        }
    }

    // MARK: One statement

    private mutating func printStatement(_ statement: Statement, depth: Int) {
        let indentation = Self.indentation(depth)
        let head = self.head(of: statement)
        let trailing = statement.trailingComment.map { " " + Self.text(of: $0) } ?? ""
        guard let block = statement.block else {
            emit(indentation + head + trailing)
            return
        }
        if block.statements.isEmpty, !block.trailingTrivia.contains(where: \.isComment) {
            emit(indentation + head + " {}" + trailing)
            return
        }
        if let line = joinedComponentLine(statement, block: block, depth: depth),
           line.unicodeScalars.count <= Formatter.maximumLineWidth {
            emit(line)
            return
        }
        let braceComment = commentOnBraceLine(of: block)
        emit(indentation + head + " {" + (braceComment.map { " " + Self.text(of: $0) } ?? ""))
        printList(block.statements, trailingTrivia: block.trailingTrivia, depth: depth + 1,
                  skipsFirstComment: braceComment != nil)
        emit(indentation + "}" + trailing)
    }

    /// The keyword and its arguments, one space apart, each exactly as written.
    private func head(of statement: Statement) -> String {
        ([statement.keyword.text] + statement.arguments.map { file.text(of: $0.span) }).joined(separator: " ")
    }

    /// `component ID { fixed 29; label "Base fee" }` with its indentation and trailing comment, when the
    /// statement is a component block of plain statements without comments; nil for any other statement.
    private func joinedComponentLine(_ statement: Statement, block: Block, depth: Int) -> String? {
        guard statement.keyword.text == "component",
              !block.trailingTrivia.contains(where: \.isComment),
              block.statements.allSatisfy({ child in
                  child.block == nil && child.trailingComment == nil && !child.leadingTrivia.contains(where: \.isComment)
              }) else { return nil }
        let body = block.statements.map(head(of:)).joined(separator: "; ")
        let trailing = statement.trailingComment.map { " " + Self.text(of: $0) } ?? ""
        return Self.indentation(depth) + head(of: statement) + " { " + body + " }" + trailing
    }

    /// The comment written right after a block's `{`, on the same line: the first trivia of the block.
    private func commentOnBraceLine(of block: Block) -> Comment? {
        let trivia = block.statements.first?.leadingTrivia ?? block.trailingTrivia
        guard case .comment(let comment)? = trivia.first,
              file.lineTable.lineIndex(of: comment.span.start) == file.lineTable.lineIndex(of: block.openBrace.start)
        else { return nil }
        return comment
    }

    // MARK: Lines

    private mutating func emit(_ line: String) {
        if pendingBlankLine, !lines.isEmpty { lines.append("") }
        pendingBlankLine = false
        lines.append(line)
    }

    private static func indentation(_ depth: Int) -> String {
        String(repeating: Formatter.indentation, count: depth)
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
