/// A file of one compilation: its index in that compilation's `FileTable`.
///
/// An id means something only together with its table; the compiler makes one table per check, so two
/// checks (a language server's, one per keystroke) never share ids, and no table outlives its results.
public struct FileID: Hashable, Comparable, Sendable {
    /// The position in the table, from 0 in the order files were added.
    public let index: Int32

    public init(_ index: Int) {
        precondition(index >= 0 && index <= Int(Int32.max), "a file id is a position in a file table")
        self.index = Int32(index)
    }

    /// The id of a file lexed, parsed or formatted on its own: the first, and only, file of its own table
    /// (`FileTable(file)`).
    public static let first = FileID(0)

    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.index < rhs.index }
}
