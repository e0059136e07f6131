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

/// A token as the lexer hands it to the parser: its kind and span, and for a string where its value is.
///
/// Nothing in it is reference counted, so the parser copies tokens freely and the lexer's buffer of
/// them moves as plain bytes; a string's value is made only when the parser takes the string as an
/// argument (`Lexer.value(ofString:)`). `Token`, with the value itself, is what `Lexer.tokenize` gives.
struct LexedToken {
    let kind: TokenKind
    let span: Span
    /// Where a string's value is; `.notAString` for every other kind.
    let value: StringValue

    init(kind: TokenKind, span: Span, value: StringValue = .notAString) {
        self.kind = kind
        self.span = span
        self.value = value
    }

    enum StringValue {
        case notAString
        /// The value is the source's bytes from after the opening quote up to `end`: the string holds
        /// no escape and nothing the lexer replaced, as almost every string.
        case verbatim(end: Int32)
        /// The value is the lexer's decoded string number `index` (counted from the file's first).
        case decoded(index: Int32)
    }

    /// How the token is named in "expected …, found …" messages.
    var description: String { Token(kind: kind, span: span).description }
}
