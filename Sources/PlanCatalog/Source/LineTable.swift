/// A 1-based line and column. The column counts Unicode scalar values from the start of the line.
public struct LineColumn: Hashable, Sendable, Comparable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: LineColumn, rhs: LineColumn) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// Byte offsets of line starts, so that an offset maps to a line by binary search.
///
/// Only `\n` ends a line (a CRLF line end is a `\r` followed by the `\n` that ends it).
public struct LineTable: Sendable {
    /// `lineStarts[i]` is the byte offset where line `i + 1` starts.
    public let lineStarts: [Int]

    /// Whether each line is pure ASCII, where a column is just a byte distance: then a column costs O(1)
    /// however long the line, and thousands of diagnostics on one huge line stay cheap.
    private let lineIsASCII: [Bool]

    public init(bytes: [UInt8]) {
        var starts = [0]
        var isASCII: [Bool] = []
        // A hot loop over every byte of every file: raw pointers, so that even a debug build reads the
        // largest file plancat accepts (128 MiB) in a moment.
        bytes.withUnsafeBufferPointer { buffer in
            var currentIsASCII = true
            var offset = 0
            let count = buffer.count
            while offset < count {
                let byte = buffer[offset]
                if byte == UInt8(ascii: "\n") {
                    starts.append(offset + 1)
                    isASCII.append(currentIsASCII)
                    currentIsASCII = true
                } else if byte >= 0x80 {
                    currentIsASCII = false
                }
                offset += 1
            }
            isASCII.append(currentIsASCII)
        }
        lineStarts = starts
        lineIsASCII = isASCII
    }

    public var lineCount: Int { lineStarts.count }

    /// The 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public func lineColumn(of offset: Int, in bytes: [UInt8]) -> LineColumn {
        let clamped = Swift.max(0, Swift.min(offset, bytes.count))
        let index = lineIndex(of: clamped)
        var column = 1
        var position = lineStarts[index]
        // A byte order mark is not part of the text: the first line's columns start after it.
        if index == 0, clamped >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        if lineIsASCII[index] { return LineColumn(line: index + 1, column: 1 + clamped - position) }
        while position < clamped {
            // Continuation bytes (10xxxxxx) do not start a scalar, so they do not advance the column.
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return LineColumn(line: index + 1, column: column)
    }

    /// The byte range of a 0-based line, without its line end (`\n` or `\r\n`).
    public func contentRange(ofLine index: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<Swift.max(start, end)
    }
}
