/// A half-open range of UTF-8 byte offsets into one source file.
///
/// Spans are byte offsets rather than line and column because every stage can carry them for free;
/// lines and columns are computed only when a diagnostic is printed (see `LineTable`).
///
/// The offsets are kept as 32-bit integers: a source file holds at most
/// `InputLimits.maximumSourceFileBytes` (128 MiB), and every token, statement and model value carries a
/// span, so a `SourceLocation` (a `FileID` and a span) takes 12 bytes instead of 24. They read as `Int`.
public struct Span: Hashable, Sendable, Comparable {
    private var storedStart: Int32
    private var storedEnd: Int32

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        precondition(start >= 0 && end <= Int(Int32.max), "a span lies within a source file's 2 GiB")
        storedStart = Int32(truncatingIfNeeded: start)
        storedEnd = Int32(truncatingIfNeeded: end)
    }

    public var start: Int {
        get { Int(storedStart) }
        set { self = Span(start: newValue, end: end) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { self = Span(start: start, end: newValue) }
    }

    /// An empty span at one offset, used for "something is missing here".
    public static func point(_ offset: Int) -> Span { Span(start: offset, end: offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { storedStart == storedEnd }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span {
        Span(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.storedStart, lhs.storedEnd) < (rhs.storedStart, rhs.storedEnd)
    }
}
