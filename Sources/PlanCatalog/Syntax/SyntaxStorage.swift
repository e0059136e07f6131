/// The arrays a parsed region's statements live in.
///
/// Only the parser writes them, while it builds the region; once a statement is handed out, the storage
/// is read only, except that the parser clears it for the next region when no view of it is
/// left (`Parser.parse(_:id:regionSize:eachRegion:)`). Reads go straight to the arrays, without the
/// run-time exclusivity check of a class's property, which the views would otherwise pay on every read.
final class SyntaxStorage: @unchecked Sendable {
    /// Every statement, in the order its keyword was read: a statement comes before those of its block.
    @exclusivity(unchecked) var statements: [StatementRecord] = []
    @exclusivity(unchecked) var arguments: [Argument] = []
    @exclusivity(unchecked) var trivia: [Trivia] = []
    /// The positions in `statements` of each statement list (a block's, or the top level's), one list
    /// after another.
    @exclusivity(unchecked) var lists: [Int32] = []

    init() {}

    /// An empty storage with room for as much as `other` holds: the next region of a file is about the
    /// size of the last, so its arrays need not grow from empty (which was a tenth of the parsing
    /// thread's work when each region got a storage of its own).
    init(reservingRoomFor other: SyntaxStorage) {
        statements.reserveCapacity(other.statements.count)
        arguments.reserveCapacity(other.arguments.count)
        trivia.reserveCapacity(other.trivia.count)
        lists.reserveCapacity(other.lists.count)
    }

    /// Forgets every statement, keeping the arrays' capacity for the next region.
    func removeAll() {
        statements.removeAll(keepingCapacity: true)
        arguments.removeAll(keepingCapacity: true)
        trivia.removeAll(keepingCapacity: true)
        lists.removeAll(keepingCapacity: true)
    }

    /// An empty storage, for the empty statement list of a statement without a block.
    static let empty = SyntaxStorage()
}

/// One statement as the storage keeps it: its own fields, and runs of the storage's other arrays.
struct StatementRecord {
    var keyword: Word
    var span: Span
    var arguments: StorageRun
    var leadingTrivia: StorageRun
    var trailingComment: Comment?
    var block: BlockRecord?
}

struct BlockRecord {
    var openBrace: Span
    var closeBrace: Span?
    /// The block's statements, as a run of `SyntaxStorage.lists`.
    var statements: StorageRun
    var trailingTrivia: StorageRun
}

/// Consecutive elements of one of the storage's arrays, by 32-bit positions (a `Range<Int32>` would do,
/// but its `count` goes through the standard library's generic code on every read).
struct StorageRun: Sendable {
    var start: Int32
    var end: Int32

    /// No elements, at `position`.
    init(emptyAt position: Int) {
        start = Int32(position)
        end = start
    }

    /// The elements from `start` to the end of an array of `count` elements.
    init(from start: Int, to count: Int) {
        self.start = Int32(start)
        end = Int32(count)
    }

    var count: Int { Int(end &- start) }
    var isEmpty: Bool { start == end }
    var range: Range<Int> { Int(start)..<Int(end) }
}
