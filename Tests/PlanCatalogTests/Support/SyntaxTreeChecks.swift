@testable import PlanCatalog

extension Trivia {
    /// A comment's text, or `blank` for a blank line: trivia as a test compares it.
    var summary: String {
        switch self {
        case .comment(let comment): comment.text
        case .blankLine: "blank"
        }
    }
}

extension Argument.Value {
    /// The value as a test writes it: `word:pro`, `string:Pro`, `number:10_000`, `reference:p.c`.
    var summary: String {
        switch self {
        case .word(let text): "word:\(text)"
        case .string(let text): "string:\(text)"
        case .number(let text): "number:\(text)"
        case .reference(let price, let component): "reference:\(price).\(component)"
        }
    }
}

extension Statement {
    /// The arguments as `Argument.Value.summary` writes them.
    var argumentSummaries: [String] { arguments.map(\.value.summary) }

    /// The keywords of the block's statements (empty without a block).
    var childKeywords: [String] { block?.statements.map(\.keyword.text) ?? [] }

    /// The first statement of the block with this keyword.
    func child(_ keyword: String) -> Statement? {
        block?.statements.first { $0.keyword.text == keyword }
    }
}

extension Statement {
    /// Everything the parser recorded of the statement and its block, on one line: a test compares two
    /// parses of one text by it.
    var outline: String {
        var text = "\(keyword.text)@\(span.start)-\(span.end)"
        text += " [" + argumentSummaries.joined(separator: " ") + "]"
        text += " lead(" + leadingTrivia.map(\.summary).joined(separator: "|") + ")"
        if let trailingComment { text += " trail(\(trailingComment.text))" }
        if let block {
            text += " {" + block.statements.map(\.outline).joined(separator: "; ")
            text += " end(" + block.trailingTrivia.map(\.summary).joined(separator: "|") + ")"
            text += block.closeBrace.map { " }@\($0.start)" } ?? " unclosed"
        }
        return text
    }

    /// This statement and every statement of its block, depth first.
    var statementCount: Int { (block?.statements.map(\.statementCount).reduce(0, +) ?? 0) + 1 }
}

extension SyntaxTree {
    var keywords: [String] { statements.map(\.keyword.text) }

    func statement(_ keyword: String) -> Statement? { statements.first { $0.keyword.text == keyword } }

    /// Problems with the shape of the tree, whatever the input: every span inside the file, statements in
    /// source order, a statement's span covering its keyword, arguments and closed block, block statements
    /// inside the block's braces, and no deeper nesting than the parser allows. Empty when all is well.
    func structuralProblems() -> [String] {
        var problems: [String] = []
        let size = file.bytes.count
        func inFile(_ span: Span, _ what: String) {
            if span.start < 0 || span.end > size { problems.append("\(what) \(span) outside the file of \(size) bytes") }
        }
        func visit(_ statements: StatementList, depth: Int, within bounds: Span) {
            if depth > Parser.maximumNestingDepth, !statements.isEmpty {
                problems.append("statements in a block at depth \(depth)")
            }
            var previousEnd = bounds.start
            for statement in statements {
                let name = "statement `\(statement.keyword.text)` at \(statement.span.start)"
                inFile(statement.span, name)
                inFile(statement.keyword.span, "keyword of \(name)")
                if statement.span.start < previousEnd { problems.append("\(name) overlaps the one before") }
                if statement.span.start < bounds.start || statement.span.end > bounds.end {
                    problems.append("\(name) outside its block \(bounds)")
                }
                if statement.keyword.span.start != statement.span.start {
                    problems.append("\(name) does not start at its keyword")
                }
                if statement.keyword.text != file.text(of: statement.keyword.span) {
                    problems.append("\(name) keyword text differs from its source")
                }
                for argument in statement.arguments {
                    inFile(argument.span, "argument of \(name)")
                    if argument.span.end > statement.span.end || argument.span.start < statement.keyword.span.end {
                        problems.append("an argument of \(name) lies outside the statement")
                    }
                }
                if let comment = statement.trailingComment { inFile(comment.span, "trailing comment of \(name)") }
                for case .comment(let comment) in statement.leadingTrivia {
                    inFile(comment.span, "leading comment of \(name)")
                }
                if let block = statement.block {
                    inFile(block.openBrace, "`{` of \(name)")
                    if let close = block.closeBrace {
                        inFile(close, "`}` of \(name)")
                        if close.end != statement.span.end { problems.append("\(name) does not end at its `}`") }
                        if close.start < block.openBrace.end { problems.append("\(name) closes before it opens") }
                    }
                    let inner = Span(start: block.openBrace.end,
                                     end: block.closeBrace?.start ?? Swift.max(block.openBrace.end, statement.span.end))
                    visit(block.statements, depth: depth + 1, within: inner)
                }
                previousEnd = statement.span.end
            }
        }
        visit(statements, depth: 0, within: Span(start: 0, end: size))
        for case .comment(let comment) in trailingTrivia { inFile(comment.span, "trailing comment") }
        return problems
    }
}

extension RandomAccessCollection where Index == Int {
    /// The element at `index`, or nil past the end: a test that expects more elements fails instead of
    /// crashing the whole test run.
    subscript(checked index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
