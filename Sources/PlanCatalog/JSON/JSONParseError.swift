/// Why a run of bytes is not JSON, and where.
///
/// The byte offset is what a program needs; the 1-based line and column (columns count Unicode scalars,
/// as the compiler's diagnostics do) are what a person needs, so both are kept. They are computed once,
/// when the error is made, because a parse stops at its first error.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The byte offset of the problem in the input (the input's length for an unexpected end).
    public let offset: Int
    public let line: Int
    public let column: Int
    /// One short line saying what is wrong or what was expected: "expected `:` after the object key".
    public let message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// An error at `offset` of `bytes`, with its line and column worked out from the bytes.
    init(offset: Int, in bytes: [UInt8], message: String) {
        let position = LineTable(bytes: bytes).lineColumn(of: offset, in: bytes)
        self.init(offset: offset, line: position.line, column: position.column, message: message)
    }

    /// `line 3, column 15: expected …`.
    public var description: String { "line \(line), column \(column): \(message)" }
}
