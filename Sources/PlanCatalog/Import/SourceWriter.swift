/// Lays out `.plancat` source in the canonical form that `plancat fmt` writes: two-space indentation, one
/// statement per line, `{` on its statement's line and `}` on a line of its own, one blank line between
/// top-level blocks, a `component` block on one line (`component comp_base { fixed 29; label "Base" }`)
/// when it fits in 100 columns, and a trailing newline.
///
/// Every line has the JSON path of what it says (`$.plans[2].planName`), so that when the source does not
/// compile, the compiler's line can be turned back into the record and field of the input. Paths are
/// wanted only then, so they are passed as autoclosures and spelled for one line alone: a writer made
/// with `tracing:` a line keeps that line's path and builds no other (composing is cheap enough to do
/// twice on the rare failure, whereas a path for each of millions of lines is not).
///
/// The source goes straight into the array the compiler then reads (`ByteBuffer`): no line is a
/// `String` of its own. A source may be laid out in parts, each by a writer of its own, and the parts
/// joined: a writer that continues another writes the blank line between top-level blocks before its
/// first block.
struct SourceWriter {
    /// The widest a one-line component may be, counted in Unicode scalars, indentation included.
    static let lineWidth = 100

    /// The source so far, in UTF-8, each line ended by `\n`.
    private(set) var buffer: ByteBuffer
    /// How many lines `buffer` holds.
    private(set) var lineCount = 0
    /// The 1-based line whose path is kept, if any, and that path once the line is written.
    let tracedLine: Int?
    private(set) var tracedPath: String?
    private var depth = 0
    /// A blank line asked for and not yet written: it is written only when another line follows, so that
    /// the source never ends with one.
    private var isBlankLinePending = false
    /// Whether the source so far is in another part that this one follows.
    private var isContinuing = false
    /// The statements of the compact block being written, kept from one block to the next so that a
    /// component does not allocate an array of its own.
    private var compactStatements: [Statement] = []

    /// The source `body` lays out, in an array with room for about `capacity` bytes, and the path of
    /// line `tracedLine` (1-based) if one is asked for; `isContinuing` when it follows another part.
    static func layOut(capacity: Int, tracing tracedLine: Int? = nil, isContinuing: Bool = false,
                       _ body: (inout SourceWriter) -> Void) -> (bytes: [UInt8], tracedPath: String?) {
        let (bytes, tracedPath) = ByteBuffer.array(capacity: capacity) { buffer in
            var writer = SourceWriter(buffer: buffer, tracing: tracedLine)
            writer.isContinuing = isContinuing
            body(&writer)
            buffer = writer.buffer
            return writer.tracedPath
        }
        return (bytes, tracedPath)
    }

    private init(buffer: ByteBuffer, tracing line: Int?) {
        self.buffer = buffer
        tracedLine = line
    }

    /// What follows a statement's keyword.
    enum Argument {
        /// Written as it is: an id, a number, a keyword of the language.
        case word(String)
        /// Two words joined by a dot: `price_pro.comp_base`.
        case qualified(String, String)
        /// Written as a string literal of the language (`SourceWords.quoted`).
        case text(String)
        /// Two string literals: a unit and its plural (`unit "index" "indices"`).
        case texts(String, String)
        /// An exact decimal in its shortest form: `29`, `0.002`.
        case decimal(ExactDecimal)
        case integer(Int)
    }

    /// One statement of a block written on one line when it fits (a component's): its keyword, argument
    /// and the JSON path of what it says, as a key below the block's own path (`amount_cents`).
    struct Statement {
        let keyword: StaticString
        let argument: Argument?
        let field: StaticString

        init(_ keyword: StaticString, _ argument: Argument? = nil, field: StaticString) {
            self.keyword = keyword
            self.argument = argument
            self.field = field
        }
    }

    /// A statement on a line of its own: its keyword and an argument.
    mutating func statement(_ keyword: String, _ argument: Argument? = nil, path: @autoclosure () -> String) {
        startLine(path: path())
        buffer.append(keyword)
        append(argument)
        endLine()
    }

    /// A statement with a block: `keyword name {`, the body one level deeper, `}`.
    mutating func block(_ keyword: String, _ name: String? = nil, path: @autoclosure () -> String,
                        body: (inout SourceWriter) -> Void) {
        startLine(path: path())
        buffer.append(keyword)
        append(name.map(Argument.word))
        buffer.append(" {" as StaticString)
        endLine()
        depth += 1
        body(&self)
        depth -= 1
        startLine(path: path())
        buffer.append(UInt8(ascii: "}"))
        endLine()
    }

    /// A block of simple statements (a component's), which `build` appends, on one line when it fits,
    /// else one per line. The line is written first and taken back when it turns out too wide.
    mutating func compactBlock(_ keyword: String, _ name: String, path: @autoclosure () -> String,
                               statements build: (inout [Statement]) -> Void) {
        var statements: [Statement] = []
        swap(&statements, &compactStatements)
        defer {
            statements.removeAll(keepingCapacity: true)
            swap(&statements, &compactStatements)
        }
        build(&statements)
        let lineStart = buffer.count
        let (savedLineCount, savedTracedPath) = (lineCount, tracedPath)
        startLine(path: path())
        buffer.append(keyword)
        append(.word(name))
        buffer.append(" { " as StaticString)
        for (index, statement) in statements.enumerated() {
            if index > 0 { buffer.append("; " as StaticString) }
            buffer.append(statement.keyword)
            append(statement.argument)
        }
        buffer.append(" }" as StaticString)
        // Scalars are counted as the bytes that start one (every byte but a UTF-8 continuation byte).
        let width = buffer.withBytes(from: lineStart) { line in line.count { $0 & 0xC0 != 0x80 } }
        if width <= Self.lineWidth {
            endLine()
            return
        }
        buffer.truncate(to: lineStart)
        (lineCount, tracedPath) = (savedLineCount, savedTracedPath)
        block(keyword, name, path: path()) { writer in
            for statement in statements {
                writer.startLine(path: "\(path()).\(statement.field)")
                writer.buffer.append(statement.keyword)
                writer.append(statement.argument)
                writer.endLine()
            }
        }
    }

    /// A blank line between top-level blocks (never two in a row, never at the start or the end).
    mutating func blankLine() {
        if lineCount > 0 || isContinuing { isBlankLinePending = true }
    }

    // MARK: Lines

    /// Starts a line at the current depth (after a pending blank line), keeping its path if it is the
    /// traced line.
    private mutating func startLine(path: @autoclosure () -> String) {
        if isBlankLinePending {
            isBlankLinePending = false
            buffer.append(UInt8(ascii: "\n"))
            lineCount += 1
            if lineCount == tracedLine { tracedPath = "$" }
        }
        lineCount += 1
        if lineCount == tracedLine { tracedPath = path() }
        buffer.append(repeating: UInt8(ascii: " "), count: 2 * depth)
    }

    private mutating func endLine() {
        buffer.append(UInt8(ascii: "\n"))
    }

    /// A space and the argument, if there is one.
    private mutating func append(_ argument: Argument?) {
        guard let argument else { return }
        buffer.append(UInt8(ascii: " "))
        switch argument {
        case .word(let word): buffer.append(word)
        case .qualified(let qualifier, let word):
            buffer.append(qualifier)
            buffer.append(UInt8(ascii: "."))
            buffer.append(word)
        case .text(let text): SourceWords.appendQuoted(text, to: &buffer)
        case .texts(let first, let second):
            SourceWords.appendQuoted(first, to: &buffer)
            buffer.append(UInt8(ascii: " "))
            SourceWords.appendQuoted(second, to: &buffer)
        case .decimal(let decimal): SourceWords.appendDecimal(decimal, to: &buffer)
        case .integer(let integer): SourceWords.appendDecimal(ExactDecimal(integer), to: &buffer)
        }
    }
}
