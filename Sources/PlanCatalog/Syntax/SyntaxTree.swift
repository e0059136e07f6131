/// The statement tree of one file: the regular shape `word { argument } [ block ]` of LANGUAGE.md
/// section 1, before any meaning is given to it. Every node has a span; comments and blank lines are kept
/// as trivia so the formatter can reproduce them.
///
/// The tree is flat: its statements, arguments and trivia are values in the arrays of one
/// `SyntaxStorage`, and a statement's block names its children by their positions there. A `Statement`
/// is a view of one of them, so a file of a million statements is a handful of arrays, not a million
/// objects to allocate and free (Docs/Performance.md).
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    /// The top-level statements, in source order.
    public let statements: StatementList
    /// Comments and blank lines after the last statement.
    public let trailingTrivia: [Trivia]
}

/// One statement: a keyword, its arguments, and an optional block. A view of its record in the storage
/// of the tree that holds it.
public struct Statement: Sendable {
    let storage: SyntaxStorage
    let index: Int

    private var record: StatementRecord {
        _read { yield storage.statements[index] }
    }

    public var keyword: Word { record.keyword }
    public var arguments: Arguments { Arguments(storage: storage, run: record.arguments) }
    /// The first argument, or nil when there is none.
    public var firstArgument: Argument? {
        let run = record.arguments
        return run.isEmpty ? nil : storage.arguments[Int(run.start)]
    }
    public var block: Block? { record.block == nil ? nil : Block(storage: storage, owner: index) }
    /// Whether the statement has a block, without making a view of it.
    public var hasBlock: Bool { record.block != nil }
    /// From the keyword to the last argument or the closing brace.
    public var span: Span { record.span }
    /// Comments and blank lines on the lines before this statement.
    public var leadingTrivia: ArraySlice<Trivia> { storage.trivia[record.leadingTrivia.range] }
    /// A comment on the same line, after the statement.
    public var trailingComment: Comment? { record.trailingComment }

    /// The statement's arguments, counted from 0.
    public struct Arguments: RandomAccessCollection, Sendable {
        let storage: SyntaxStorage
        let run: StorageRun

        public var startIndex: Int { 0 }
        public var endIndex: Int { run.count }
        public subscript(position: Int) -> Argument {
            precondition(position >= 0 && position < run.count, "argument index out of range")
            return storage.arguments[Int(run.start) + position]
        }
    }
}

/// The statements of a block or of a file, in source order, counted from 0.
public struct StatementList: RandomAccessCollection, Sendable {
    let storage: SyntaxStorage
    let run: StorageRun

    /// A list of no statements.
    public static var empty: StatementList { StatementList(storage: .empty, run: StorageRun(emptyAt: 0)) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { run.count }
    public subscript(position: Int) -> Statement {
        precondition(position >= 0 && position < run.count, "statement index out of range")
        return Statement(storage: storage, index: Int(storage.lists[Int(run.start) + position]))
    }
}

/// A word token with its text: a keyword, an id or an enum value.
public struct Word: Sendable {
    public let text: String
    public let span: Span
}

/// A statement's block: a view of the part of its owner's record that describes it.
public struct Block: Sendable {
    let storage: SyntaxStorage
    /// The position of the statement that owns the block.
    let owner: Int

    private var record: BlockRecord {
        // A `Block` is made only for a statement that has one.
        _read { yield storage.statements[owner].block.unsafelyUnwrapped }
    }

    public var openBrace: Span { record.openBrace }
    public var statements: StatementList { StatementList(storage: storage, run: record.statements) }
    /// Nil when the block is never closed (reported as an unclosed brace).
    public var closeBrace: Span? { record.closeBrace }
    /// Comments and blank lines after the last statement of the block, before its `}`.
    public var trailingTrivia: ArraySlice<Trivia> { storage.trivia[record.trailingTrivia.range] }
}

/// One argument of a statement.
public struct Argument: Sendable {
    public enum Value: Sendable, Equatable {
        case word(String)
        /// The decoded value of a string literal.
        case string(String)
        /// The number's text as written (`10_000`, `-0.5`); parsed into an exact decimal by the model.
        case number(String)
        /// `price.component`.
        case reference(String, String)
    }

    public let value: Value
    public let span: Span

    /// How the argument is named in messages: "a word", "a string", "a number", "a reference".
    public var kindDescription: String {
        switch value {
        case .word: "a word"
        case .string: "a string"
        case .number: "a number"
        case .reference: "a reference"
        }
    }

    /// The bytes of each word of a `first.second` reference written at `span`, the dot left out: the
    /// first word from the start, the second to the end, each within `span`.
    public static func wordSpans(ofReference span: Span, first: String, second: String) -> (first: Span, second: Span) {
        (Span(start: span.start, end: Swift.min(span.end, span.start + first.utf8.count)),
         Span(start: Swift.max(span.start, span.end - second.utf8.count), end: span.end))
    }
}

public struct Comment: Sendable {
    /// The comment's text, `#` included, without the line end.
    public let text: String
    public let span: Span
}

public enum Trivia: Sendable {
    case comment(Comment)
    /// One or more empty lines, kept as one.
    case blankLine
}

extension Statement {
    /// Every statement of this one's block, depth first (not this statement itself).
    public func forEachDescendant(_ body: (Statement) -> Void) {
        guard let block else { return }
        for child in block.statements {
            body(child)
            child.forEachDescendant(body)
        }
    }
}

extension SyntaxTree {
    /// Every comment in the file, in source order of the statements that carry them.
    public var comments: [Comment] {
        var result: [Comment] = []
        func collect(_ trivia: ArraySlice<Trivia>) {
            for case .comment(let comment) in trivia { result.append(comment) }
        }
        func visit(_ statements: StatementList) {
            for statement in statements {
                collect(statement.leadingTrivia)
                if let trailing = statement.trailingComment { result.append(trailing) }
                if let block = statement.block {
                    visit(block.statements)
                    collect(block.trailingTrivia)
                }
            }
        }
        visit(statements)
        collect(trailingTrivia[...])
        return result
    }
}
