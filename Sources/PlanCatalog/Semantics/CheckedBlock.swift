/// A statement together with the file it stands in: a catalog directory merges many files into one
/// namespace, so every model element must remember which file it came from (by its id in the
/// compilation's `FileTable`).
struct Node {
    let statement: Statement
    let file: FileID

    func location(_ span: Span) -> SourceLocation { SourceLocation(file: file, span: span) }

    var keywordLocation: SourceLocation { location(statement.keyword.span) }

    /// The keyword and its arguments (`plan plan_pro`), where problems of the whole statement are shown.
    var headerLocation: SourceLocation {
        location(statement.arguments.last.map { statement.keyword.span.union($0.span) } ?? statement.keyword.span)
    }

    var firstArgument: Argument? { statement.arguments.first }

    /// Whether the statement is written with `keyword`, accepted or not (a checked block knows only the
    /// accepted ones). Lengths first, as `Schema.Rule.isSpelled` does.
    func isWritten(as keyword: Schema.Keyword) -> Bool {
        let text = statement.keyword.text, spelling = keyword.rawValue
        return text.utf8.count == spelling.utf8.count && text == spelling
    }

    var children: [Node] {
        (statement.block?.statements ?? []).map { Node(statement: $0, file: file) }
    }
}

/// The statements of one block that passed the schema check, by keyword, with typed readers.
///
/// Only statements whose arguments have the right count and kind are kept, so each reader can decode its
/// argument without reporting anything: every problem has already been reported once by the checker.
struct CheckedBlock {
    /// One accepted statement and the keyword the checker found it to be.
    private struct Accepted {
        let keyword: Schema.Keyword
        let node: Node
    }

    /// The accepted statements in source order. A block holds a handful of statements, so finding one by
    /// keyword is a short scan comparing small integers rather than a dictionary built for every block
    /// of the catalog.
    private var accepted: [Accepted] = []

    mutating func accept(_ node: Node, as keyword: Schema.Keyword) {
        accepted.append(Accepted(keyword: keyword, node: node))
    }

    var acceptedCount: Int { accepted.count }

    /// Whether `node` (a statement of this block) passed the check.
    func accepts(_ node: Node) -> Bool {
        accepted.contains { $0.node.statement.span == node.statement.span }
    }

    func nodes(_ keyword: Schema.Keyword) -> [Node] {
        accepted.compactMap { $0.keyword == keyword ? $0.node : nil }
    }

    func node(_ keyword: Schema.Keyword) -> Node? {
        for statement in accepted where statement.keyword == keyword { return statement.node }
        return nil
    }

    func string(_ keyword: Schema.Keyword) -> String? { locatedString(keyword)?.value }

    func locatedString(_ keyword: Schema.Keyword) -> Located<String>? {
        node(keyword).flatMap(Self.locatedString(of:))
    }

    static func locatedString(of node: Node) -> Located<String>? {
        guard let argument = node.firstArgument, case .string(let text) = argument.value else { return nil }
        return Located(text, at: node.location(argument.span))
    }

    /// A word argument: an id, a currency code, or an enum value.
    func word(_ keyword: Schema.Keyword) -> Located<String>? {
        node(keyword).flatMap(Self.word(of:))
    }

    static func word(of node: Node) -> Located<String>? {
        guard let argument = node.firstArgument, case .word(let text) = argument.value else { return nil }
        return Located(text, at: node.location(argument.span))
    }

    func decimal(_ keyword: Schema.Keyword) -> Located<ExactDecimal>? {
        guard let node = node(keyword), let argument = node.firstArgument,
              case .number(let text) = argument.value, let value = ExactDecimal(parsing: text) else { return nil }
        return Located(value, at: node.location(argument.span))
    }

    func integer(_ keyword: Schema.Keyword) -> Located<Int>? {
        guard let decimal = decimal(keyword), let value = decimal.value.integerValue else { return nil }
        return Located(value, at: decimal.location)
    }

    func choice<Value: RawRepresentable & Sendable>(_ keyword: Schema.Keyword, as type: Value.Type) -> Located<Value>?
    where Value.RawValue == String {
        guard let word = word(keyword), let value = Value(rawValue: word.value) else { return nil }
        return Located(value, at: word.location)
    }

    func boolean(_ keyword: Schema.Keyword) -> Located<Bool>? {
        guard let word = word(keyword) else { return nil }
        return Located(word.value == "true", at: word.location)
    }

    /// A flag is true when written alone or with `true`.
    func flag(_ keyword: Schema.Keyword) -> Bool {
        guard let node = node(keyword) else { return false }
        guard let argument = node.firstArgument else { return true }
        return argument.value == .word("true")
    }
}
