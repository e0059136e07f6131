/// The kinds of token the lexer produces. Comments and newlines are tokens too, so the parser can keep
/// them as trivia and use newlines to end statements.
public enum TokenKind: Sendable, Equatable {
    case word
    case string
    case number
    case dot
    case leftBrace
    case rightBrace
    case semicolon
    case newline
    case comment
    case endOfFile
}

/// One token: its kind, where it stands, and for strings the decoded value.
public struct Token: Sendable {
    public let kind: TokenKind
    public let span: Span
    /// The decoded text of a string literal (escapes resolved); nil for every other kind.
    public let stringValue: String?

    public init(kind: TokenKind, span: Span, stringValue: String? = nil) {
        self.kind = kind
        self.span = span
        self.stringValue = stringValue
    }

    /// How the token is named in "expected …, found …" messages.
    public var description: String {
        switch kind {
        case .word: "a word"
        case .string: "a string"
        case .number: "a number"
        case .dot: "`.`"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .semicolon: "`;`"
        case .newline: "the end of the line"
        case .comment: "a comment"
        case .endOfFile: "the end of the file"
        }
    }
}
