/// What a piece of a file is, for an editor's highlighting: the lexer's strings, numbers and comments,
/// and the words as the schema reads them — a statement's keyword, an id defined or referred to (by the
/// kind of thing it names), a word of a fixed set.
public enum SemanticTokenType: Int, Sendable, CaseIterable {
    case keyword
    case string
    case number
    case comment
    /// A word of a choice (`month`, `sum`), `true` or `false`, `unlimited`, a currency code.
    case enumMember
    case metric
    case feature
    case plan
    case price
    case component
    case credit
    case pricingTable
    case quote
    case scenario

    /// The standard LSP token type it is shown as (LSP 3.17 `SemanticTokenTypes`), one for each case,
    /// so that an editor's theme colours it without knowing plancat.
    public var standardName: String {
        switch self {
        case .keyword: "keyword"
        case .string: "string"
        case .number: "number"
        case .comment: "comment"
        case .enumMember: "enumMember"
        case .metric: "event"
        case .feature: "interface"
        case .plan: "class"
        case .price: "method"
        case .component: "property"
        case .credit: "variable"
        case .pricingTable: "struct"
        case .quote: "namespace"
        case .scenario: "function"
        }
    }

    init(_ kind: EntityKind) {
        self = switch kind {
        case .metric: .metric
        case .feature: .feature
        case .plan: .plan
        case .price: .price
        case .component: .component
        case .credit: .credit
        case .pricingTable: .pricingTable
        case .quote: .quote
        case .scenario: .scenario
        }
    }
}

/// One highlighted piece of a file. Never spans a line: strings and comments end with their line, and
/// every other token is one word.
public struct SemanticToken: Sendable, Equatable {
    public let span: Span
    public let type: SemanticTokenType
    /// Whether the token is the id a statement defines (`plan plan_pro`), not a reference to it.
    public let isDeclaration: Bool
}

/// The semantic tokens of one file, in order, from its tokens and its statement tree read against the
/// schema (`StatementRole`). They agree with the TextMate grammar (Sources/Editors/textmate/), which the
/// tests hold them to: a keyword token is a schema keyword where a statement starts, a number token is a
/// number or a `YYYY-MM-DD` day, and a word the schema does not place (an unknown statement and what it
/// holds) gets no token at all.
public enum SemanticTokens {
    /// The tokens of the file of `tree` (`Parser.parse`).
    public static func tokens(in tree: SyntaxTree) -> [SemanticToken] {
        let file = tree.file
        guard !file.exceedsSizeLimit else { return [] }
        var tokens: [SemanticToken] = []
        let (lexed, problems) = Lexer.tokenize(file)
        // A malformed number is the lexer's error, and the grammar's `invalid`: no number token for it.
        let malformed = Set(problems.filter { $0.code == .malformedNumber }.map(\.location.span))
        for token in lexed {
            switch token.kind {
            case .string: tokens.append(SemanticToken(span: token.span, type: .string, isDeclaration: false))
            case .comment: tokens.append(SemanticToken(span: token.span, type: .comment, isDeclaration: false))
            case .number where !malformed.contains(token.span):
                tokens.append(SemanticToken(span: token.span, type: .number, isDeclaration: false))
            default: break
            }
        }
        var words = WordTokens(file: file)
        words.add(tree.statements, in: .topLevel)
        tokens += words.tokens
        return tokens.sorted { $0.span.start < $1.span.start }
    }

    /// The tokens of the words of a statement tree.
    private struct WordTokens {
        let file: SourceFile
        var tokens: [SemanticToken] = []

        mutating func add(_ statements: StatementList, in context: Schema.Context) {
            for statement in statements { add(statement, in: context) }
        }

        private mutating func append(_ span: Span, _ type: SemanticTokenType, isDeclaration: Bool = false) {
            tokens.append(SemanticToken(span: span, type: type, isDeclaration: isDeclaration))
        }

        private mutating func add(_ statement: Statement, in context: Schema.Context) {
            if context == .features {
                // A features block's statement is a feature id with its value.
                append(statement.keyword.span, .feature)
                for argument in statement.arguments {
                    if case .word(let word) = argument.value, ["true", "false", "unlimited"].contains(word) {
                        append(argument.span, .enumMember)
                    }
                }
                return
            }
            let role = StatementRole(keyword: statement.keyword.text, in: context)
            guard let rule = role.rule(forArgumentCount: statement.arguments.count) else { return }
            append(statement.keyword.span, .keyword)
            for (index, argument) in statement.arguments.enumerated() {
                guard let kind = StatementRole.kind(at: index, of: rule.arguments) else { break }
                add(argument, as: kind, at: index, of: role)
            }
            if let block = statement.block, let inner = role.blockContext { add(block.statements, in: inner) }
        }

        private mutating func add(_ argument: Argument, as kind: Schema.ArgumentKind, at index: Int,
                                  of role: StatementRole) {
            switch (argument.value, kind) {
            case (.word, .identifier):
                switch role.identifier(at: index) {
                case .definition(let entity)?: append(argument.span, SemanticTokenType(entity), isDeclaration: true)
                case .reference(let entity)?: append(argument.span, SemanticTokenType(entity))
                case nil: break
                }
            case (.word, .identifierOrReference):
                append(argument.span, .feature)
            case (.reference(let price, let component), .identifierOrReference):
                // `price.component`: the two words, each a reference, and no token for the dot.
                let words = Argument.wordSpans(ofReference: argument.span, first: price, second: component)
                append(words.first, .price)
                if !component.isEmpty { append(words.second, .component) }
            case (.word(let word), .choice(let words)) where words.count == 1:
                // A fixed word of a sequence (`seats 7 from 2026-03-17`) reads as a keyword.
                if word == words[0] { append(argument.span, .keyword) }
            case (.word, .choice), (.word, .boolean), (.word, .currencyCode):
                append(argument.span, .enumMember)
            case (.word(let word), .date) where Self.looksLikeDate(word):
                append(argument.span, .number)
            default:
                break
            }
        }

        /// `YYYY-MM-DD` in digits, as the grammar's `date` reads it (whether the day exists is the checker's).
        private static func looksLikeDate(_ word: String) -> Bool {
            let bytes = Array(word.utf8)
            guard bytes.count == 10 else { return false }
            return bytes.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : Lexer.isDigit(byte)
            }
        }
    }
}
