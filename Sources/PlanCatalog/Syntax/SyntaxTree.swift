/// The statement tree of one file: the regular shape `word { argument } [ block ]` of LANGUAGE.md
/// section 1, before any meaning is given to it. Every node has a span; comments and blank lines are kept
/// as trivia so the formatter can reproduce them.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    public var statements: [Statement]
    /// Comments and blank lines after the last statement.
    public var trailingTrivia: [Trivia]
}

/// One statement: a keyword, its arguments, and an optional block.
///
/// A value type whose fields live in one shared box, copied only when a copy is changed: the checker and
/// lowering pass statements around by value millions of times on a large catalog, and copying one is
/// then a single reference count instead of one per field (Docs/Performance.md).
public struct Statement: Sendable {
    public var keyword: Word {
        get { storage.keyword }
        set { uniqueStorage().keyword = newValue }
    }
    public var arguments: [Argument] {
        get { storage.arguments }
        set { uniqueStorage().arguments = newValue }
    }
    /// The first argument, read in place: the checker and lowering ask for it of nearly every
    /// statement, and going through `arguments` would copy (retain and release) the array to get it.
    public var firstArgument: Argument? { storage.arguments.first }
    public var block: Block? {
        get { storage.block }
        set { uniqueStorage().block = newValue }
    }
    /// From the keyword to the last argument or the closing brace.
    public var span: Span {
        get { storage.span }
        set { uniqueStorage().span = newValue }
    }
    /// Comments and blank lines on the lines before this statement.
    public var leadingTrivia: [Trivia] {
        get { storage.leadingTrivia }
        set { uniqueStorage().leadingTrivia = newValue }
    }
    /// A comment on the same line, after the statement.
    public var trailingComment: Comment? {
        get { storage.trailingComment }
        set { uniqueStorage().trailingComment = newValue }
    }

    private var storage: Storage

    public init(keyword: Word, arguments: [Argument], block: Block?, span: Span, leadingTrivia: [Trivia],
                trailingComment: Comment?) {
        storage = Storage(keyword: keyword, arguments: arguments, block: block, span: span,
                          leadingTrivia: leadingTrivia, trailingComment: trailingComment)
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// The box. Only a uniquely referenced box is ever changed (`uniqueStorage`), so sharing it between
    /// threads is as safe as sharing any value.
    private final class Storage: @unchecked Sendable {
        var keyword: Word
        var arguments: [Argument]
        var block: Block?
        var span: Span
        var leadingTrivia: [Trivia]
        var trailingComment: Comment?

        init(keyword: Word, arguments: [Argument], block: Block?, span: Span, leadingTrivia: [Trivia],
             trailingComment: Comment?) {
            self.keyword = keyword
            self.arguments = arguments
            self.block = block
            self.span = span
            self.leadingTrivia = leadingTrivia
            self.trailingComment = trailingComment
        }

        func copy() -> Storage {
            Storage(keyword: keyword, arguments: arguments, block: block, span: span, leadingTrivia: leadingTrivia,
                    trailingComment: trailingComment)
        }
    }
}

/// A word token with its text: a keyword, an id or an enum value.
public struct Word: Sendable {
    public let text: String
    public let span: Span
}

public struct Block: Sendable {
    public var openBrace: Span
    public var statements: [Statement]
    /// Nil when the block is never closed (reported as an unclosed brace).
    public var closeBrace: Span?
    /// Comments and blank lines after the last statement of the block, before its `}`.
    public var trailingTrivia: [Trivia]
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
        func collect(_ trivia: [Trivia]) {
            for case .comment(let comment) in trivia { result.append(comment) }
        }
        func visit(_ statements: [Statement]) {
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
        collect(trailingTrivia)
        return result
    }
}
