/// A half-open range of UTF-8 byte offsets into one source file.
///
/// Spans are byte offsets rather than line and column because every stage can carry them for free;
/// lines and columns are computed only when a diagnostic is printed (see `LineTable`).
public struct Span: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "a span cannot end before it starts")
        self.start = start
        self.end = end
    }

    /// An empty span at one offset, used for "something is missing here".
    public static func point(_ offset: Int) -> Span { Span(start: offset, end: offset) }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span {
        Span(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
