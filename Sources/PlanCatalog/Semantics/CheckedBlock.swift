/// The statements of one block with what the schema check found each to be, and typed readers of the
/// accepted ones.
///
/// Only statements whose arguments have the right count and kind are accepted, so each reader can decode
/// its argument without reporting anything: every problem has already been reported once by the checker.
///
/// The block keeps the parser's statement array as it is and knows its statements by position: a reader
/// finds the position of its keyword among small integers and reads the argument in place, so no
/// statement is copied (and no reference count touched) to answer `block.string(.name)`.
struct CheckedBlock {
    /// What the checker found an accepted statement to be.
    struct AcceptedStatement {
        let keyword: Schema.Keyword
        /// The value of the statement's number argument, parsed once by the checker (which had to parse
        /// it to check it) and read from here by lowering.
        let number: ExactDecimal?
    }

    /// Every statement of the block, accepted or refused, in source order.
    let statements: StatementList
    /// The file the block stands in, which every location read from it names.
    let file: FileID
    /// By position in `statements`: what the statement was accepted as, nil when it was refused. A block
    /// holds a handful of statements, so finding one by keyword is a short scan comparing small integers
    /// rather than a dictionary built for every block of the catalog.
    private var verdicts: [AcceptedStatement?]

    init(statements: StatementList, file: FileID) {
        self.statements = statements
        self.file = file
        verdicts = []
        verdicts.reserveCapacity(statements.count)
    }

    /// Records the checker's verdict on the next statement, in source order.
    mutating func record(_ verdict: AcceptedStatement?) {
        verdicts.append(verdict)
    }

    var acceptedCount: Int { verdicts.count { $0 != nil } }

    /// Whether the statement at `position` passed the check.
    func isAccepted(at position: Int) -> Bool { verdicts[position] != nil }

    /// Whether the statement at `position` is written with `keyword`, accepted or not.
    func isWritten(at position: Int, as keyword: Schema.Keyword) -> Bool {
        keyword.isSpelling(of: statements[position].keyword.text)
    }

    func node(at position: Int) -> Node { Node(statement: statements[position], file: file) }

    func location(_ span: Span) -> SourceLocation { SourceLocation(file: file, span: span) }

    /// The position of the first statement accepted as `keyword`.
    func position(of keyword: Schema.Keyword) -> Int? {
        verdicts.firstIndex { $0?.keyword == keyword }
    }

    func node(_ keyword: Schema.Keyword) -> Node? { position(of: keyword).map(node(at:)) }

    /// Every statement accepted as `keyword` (a repeatable one: `price`, `component`, `bullet`), in order.
    func nodes(_ keyword: Schema.Keyword) -> [Node] {
        var nodes: [Node] = []
        for position in verdicts.indices where verdicts[position]?.keyword == keyword {
            nodes.append(node(at: position))
        }
        return nodes
    }

    /// Every statement accepted as `keyword`, in order, each with the value of its number argument as the
    /// checker parsed it (a scenario's `usage api-calls 48_213`, whose number is not its first argument).
    func nodesWithNumbers(_ keyword: Schema.Keyword) -> [(node: Node, number: ExactDecimal?)] {
        var nodes: [(node: Node, number: ExactDecimal?)] = []
        for position in verdicts.indices where verdicts[position]?.keyword == keyword {
            nodes.append((node(at: position), verdicts[position]?.number))
        }
        return nodes
    }

    /// The first argument of the statement accepted as `keyword`.
    private func firstArgument(_ keyword: Schema.Keyword) -> Argument? {
        guard let position = position(of: keyword) else { return nil }
        return statements[position].firstArgument
    }

    func string(_ keyword: Schema.Keyword) -> String? {
        guard case .string(let text)? = firstArgument(keyword)?.value else { return nil }
        return text
    }

    func locatedString(_ keyword: Schema.Keyword) -> Located<String>? {
        guard let argument = firstArgument(keyword), case .string(let text) = argument.value else { return nil }
        return Located(text, at: location(argument.span))
    }

    static func locatedString(of node: Node) -> Located<String>? {
        guard let argument = node.firstArgument, case .string(let text) = argument.value else { return nil }
        return Located(text, at: node.location(argument.span))
    }

    /// A word argument: an id, a currency code, or an enum value.
    func word(_ keyword: Schema.Keyword) -> Located<String>? {
        guard let argument = firstArgument(keyword), case .word(let text) = argument.value else { return nil }
        return Located(text, at: location(argument.span))
    }

    static func word(of node: Node) -> Located<String>? {
        guard let argument = node.firstArgument, case .word(let text) = argument.value else { return nil }
        return Located(text, at: node.location(argument.span))
    }

    /// A number argument, as the checker parsed it.
    func decimal(_ keyword: Schema.Keyword) -> Located<ExactDecimal>? {
        guard let position = position(of: keyword), let value = verdicts[position]?.number,
              let argument = statements[position].firstArgument else { return nil }
        return Located(value, at: location(argument.span))
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
        guard let position = position(of: keyword) else { return false }
        guard let argument = statements[position].firstArgument else { return true }
        return argument.value == .word("true")
    }
}
