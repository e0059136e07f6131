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
/// The source goes straight into one UTF-8 buffer, which the compiler then reads as it is: no line is a
/// `String` of its own.
struct SourceWriter {
    /// The widest a one-line component may be, counted in Unicode scalars, indentation included.
    static let lineWidth = 100

    /// The source so far, in UTF-8, each line ended by `\n`.
    private(set) var bytes: [UInt8] = []
    /// How many lines `bytes` holds.
    private(set) var lineCount = 0
    /// The 1-based line whose path is kept, if any, and that path once the line is written.
    let tracedLine: Int?
    private(set) var tracedPath: String?
    private var depth = 0
    /// A blank line asked for and not yet written: it is written only when another line follows, so that
    /// the source never ends with one.
    private var isBlankLinePending = false

    /// A writer that keeps the path of `line` (1-based), or of no line; `capacity` is a guess of the size
    /// of the source in bytes, reserved up front.
    init(tracing line: Int? = nil, capacity: Int = 0) {
        tracedLine = line
        bytes.reserveCapacity(capacity)
    }

    /// What follows a statement's keyword.
    enum Argument {
        /// Written as it is: an id, a number, a keyword of the language.
        case word(String)
        /// Written as a string literal of the language (`SourceWords.quoted`).
        case text(String)
        /// An exact decimal in its shortest form: `29`, `0.002`.
        case decimal(ExactDecimal)
        case integer(Int)
    }

    /// One statement of a block written on one line when it fits (a component's): its keyword, argument
    /// and the JSON path of what it says, as a key below the block's own path (`amount_cents`).
    struct Statement {
        let keyword: String
        let argument: Argument?
        let field: String

        init(_ keyword: String, _ argument: Argument? = nil, field: String) {
            self.keyword = keyword
            self.argument = argument
            self.field = field
        }
    }

    /// A statement on a line of its own: its keyword and an argument.
    mutating func statement(_ keyword: String, _ argument: Argument? = nil, path: @autoclosure () -> String) {
        startLine(path: path())
        append(keyword, argument)
        endLine()
    }

    /// A statement with a block: `keyword name {`, the body one level deeper, `}`.
    mutating func block(_ keyword: String, _ name: String? = nil, path: @autoclosure () -> String,
                        body: (inout SourceWriter) -> Void) {
        startLine(path: path())
        append(keyword, name.map(Argument.word))
        append(" {")
        endLine()
        depth += 1
        body(&self)
        depth -= 1
        startLine(path: path())
        append("}")
        endLine()
    }

    /// A block of simple statements (a component's) on one line when it fits, else one per line. The line
    /// is written first and taken back when it turns out too wide.
    mutating func compactBlock(_ keyword: String, _ name: String, path: @autoclosure () -> String,
                               statements: [Statement]) {
        let lineStart = bytes.count
        let (savedLineCount, savedTracedPath) = (lineCount, tracedPath)
        startLine(path: path())
        append(keyword, .word(name))
        append(" { ")
        for (index, statement) in statements.enumerated() {
            if index > 0 { append("; ") }
            append(statement.keyword, statement.argument)
        }
        append(" }")
        // Scalars are counted as the bytes that start one (every byte but a UTF-8 continuation byte).
        let width = bytes[lineStart...].count(where: { $0 & 0xC0 != 0x80 })
        if width <= Self.lineWidth {
            endLine()
            return
        }
        bytes.removeSubrange(lineStart...)
        (lineCount, tracedPath) = (savedLineCount, savedTracedPath)
        block(keyword, name, path: path()) { writer in
            for statement in statements {
                writer.startLine(path: "\(path()).\(statement.field)")
                writer.append(statement.keyword, statement.argument)
                writer.endLine()
            }
        }
    }

    /// A blank line between top-level blocks (never two in a row, never at the start or the end).
    mutating func blankLine() {
        if lineCount > 0 { isBlankLinePending = true }
    }

    /// The source as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The source's lines, without their newlines (for tests).
    var lines: [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: Lines

    /// Starts a line at the current depth (after a pending blank line), keeping its path if it is the
    /// traced line.
    private mutating func startLine(path: @autoclosure () -> String) {
        if isBlankLinePending {
            isBlankLinePending = false
            bytes.append(UInt8(ascii: "\n"))
            lineCount += 1
            if lineCount == tracedLine { tracedPath = "$" }
        }
        lineCount += 1
        if lineCount == tracedLine { tracedPath = path() }
        for _ in 0..<2 * depth { bytes.append(UInt8(ascii: " ")) }
    }

    private mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ text: String) {
        // A native string's bytes are copied in one go; the element-by-element copy is the fallback.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    private mutating func append(_ keyword: String, _ argument: Argument?) {
        append(keyword)
        switch argument {
        case nil:
            break
        case .word(let word):
            bytes.append(UInt8(ascii: " "))
            append(word)
        case .text(let text):
            bytes.append(UInt8(ascii: " "))
            SourceWords.appendQuoted(text, to: &bytes)
        case .decimal(let decimal):
            bytes.append(UInt8(ascii: " "))
            SourceWords.appendDecimal(decimal, to: &bytes)
        case .integer(let integer):
            bytes.append(UInt8(ascii: " "))
            SourceWords.appendDecimal(ExactDecimal(integer), to: &bytes)
        }
    }
}
