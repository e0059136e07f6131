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
///
/// A column is counted on the line as a diagnostic shows it: on a line that holds a secret key, the key's
/// secret part counts as its mask (`sk_live_••••`), so that neither the text nor the positions of a
/// diagnostic tell how long the key is (issue 18). Such a line is always an error (E1001), and every
/// other line counts its Unicode scalars, as LANGUAGE.md §4 says.
public struct LineTable: Sendable {
    /// `lineStarts[i]` is the byte offset where line `i + 1` starts.
    public let lineStarts: [Int]

    /// What the scan noticed about each line, so that a column costs O(1) on a plain ASCII line however
    /// long it is, and thousands of diagnostics on one huge line stay cheap.
    private let lineTraits: [Traits]

    /// The traits of one line, as bits.
    private struct Traits: OptionSet, Sendable {
        let rawValue: UInt8
        /// A byte ≥ 0x80: a column is no longer a byte distance.
        static let nonASCII = Traits(rawValue: 1)
        /// A marker of a secret key (`SecretScanner.markers`) or a backslash, which may spell one in a
        /// string: the line may show a mask, and its columns are counted by `SecretScanner`.
        static let mayHoldKey = Traits(rawValue: 2)
    }

    public init(bytes: [UInt8]) {
        // A hot loop over every byte of every file: raw pointers, so that even a debug build reads the
        // largest file plancat accepts (128 MiB) in a moment. Most bytes of a catalog are none of the four
        // that matter here (`\n`, `_`, `\\`, a byte ≥ 0x80), so the bytes are read eight at a time, and
        // only the notable bytes of each eight are looked at one by one (`notableBytes`).
        (lineStarts, lineTraits, longestLineBytes, holdsBackslash) = bytes.withUnsafeBufferPointer { buffer in
            var starts = [0]
            var traits: [Traits] = []
            var current: Traits = []
            var lineStart = 0
            var longest = 0
            var backslash = false
            let count = buffer.count
            var offset = 0
            while offset < count {
                var notable = Self.notableBytes(in: Self.word(at: offset, in: buffer))
                // One bit per notable byte, the lowest for the first: each is looked at in order.
                while notable != 0 {
                    let position = offset + notable.trailingZeroBitCount / 8
                    notable &= notable - 1
                    let byte = buffer[position]
                    if byte == UInt8(ascii: "\n") {
                        longest = Swift.max(longest, position + 1 - lineStart)
                        lineStart = position + 1
                        starts.append(lineStart)
                        traits.append(current)
                        current = []
                    } else if byte >= 0x80 {
                        current.insert(.nonASCII)
                    } else if byte == UInt8(ascii: "_") {
                        if position >= 2, SecretScanner.isMarker(buffer[position - 2], buffer[position - 1]) {
                            current.insert(.mayHoldKey)
                        }
                    } else {
                        // A backslash.
                        current.insert(.mayHoldKey)
                        backslash = true
                    }
                }
                offset += 8
            }
            traits.append(current)
            return (starts, traits, Swift.max(longest, count - lineStart), backslash)
        }
    }

    /// The eight bytes from `offset`, the first lowest; past the end of `buffer`, zeros (which are not
    /// notable).
    @inline(__always)
    private static func word(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if offset + 8 <= buffer.count, let base = buffer.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var word: UInt64 = 0
        for position in (offset..<buffer.count).reversed() { word = word << 8 | UInt64(buffer[position]) }
        return word
    }

    /// The high bit of each byte of `word` (eight bytes, the first lowest) that the line table must look
    /// at: a line end, a `_` (which may end a marker), a backslash, or a byte outside ASCII.
    @inline(__always)
    private static func notableBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        /// The high bit of each byte of `word` that equals `byte`: a byte of `word ^ (byte × ones)` is zero
        /// exactly then, and adding 0x7F to its low seven bits sets its high bit unless it is zero. No
        /// carry crosses into the next byte, so every bit is exact (unlike the shorter `x - ones` trick).
        func bytes(equalTo byte: UInt8) -> UInt64 {
            let difference = word ^ (UInt64(byte) &* ones)
            let low = (difference & ~highBits) &+ ~highBits
            return ~(low | difference | ~highBits)
        }
        return bytes(equalTo: UInt8(ascii: "\n")) | bytes(equalTo: UInt8(ascii: "_"))
            | bytes(equalTo: UInt8(ascii: "\\")) | (word & highBits)
    }

    /// The bytes of the longest line, its line end included: no line is longer than this.
    public let longestLineBytes: Int

    /// Whether the file holds a backslash anywhere: without one, no string has an escape.
    public let holdsBackslash: Bool

    public var lineCount: Int { lineStarts.count }

    /// The 0-based lines that may hold a secret key: those with a marker (`sk_`, `rk_`, `ec_`) or a
    /// backslash. Every other line holds none, so the scan for keys (`SecretScanner.diagnostics`) reads
    /// only these, and a catalog without keys is not read twice.
    public var linesThatMayHoldAKey: [Int] {
        lineTraits.indices.filter { lineTraits[$0].contains(.mayHoldKey) }
    }

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

    /// The line and column of `offset`, the column as a diagnostic shows the line (see above).
    ///
    /// `maskedRegions` gives the regions of a line that may hold a key (`SecretScanner.maskedRegions`
    /// over the line's content), given the line's index and content; `SourceFile` passes its cache, so
    /// that a thousand diagnostics on one long line find its keys once. Without it they are found here.
    public func lineColumn(of offset: Int, in bytes: [UInt8],
                           maskedRegions: ((_ line: Int, _ content: Range<Int>) -> [Range<Int>])? = nil) -> LineColumn {
        let clamped = Swift.max(0, Swift.min(offset, bytes.count))
        let index = lineIndex(of: clamped)
        var position = lineStarts[index]
        // A byte order mark is not part of the text: the first line's columns start after it.
        if index == 0, clamped >= 3, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        let traits = lineTraits[index]
        var column = 1
        if traits.contains(.mayHoldKey) {
            let content = contentRange(ofLine: index, in: bytes)
            let regions = maskedRegions?(index, content) ?? SecretScanner.maskedRegions(in: bytes, range: content)
            // Each region before the offset counts as the mask; an offset inside one stands at its start.
            for region in regions where region.lowerBound < clamped && region.lowerBound >= position {
                column += count(in: bytes, position..<region.lowerBound, isASCII: !traits.contains(.nonASCII))
                if clamped < region.upperBound { return LineColumn(line: index + 1, column: column) }
                column += SecretScanner.mask.unicodeScalars.count
                position = region.upperBound
            }
        }
        column += count(in: bytes, position..<Swift.max(position, clamped), isASCII: !traits.contains(.nonASCII))
        return LineColumn(line: index + 1, column: column)
    }

    /// The columns `range` takes: its length on an ASCII line, else its Unicode scalars.
    private func count(in bytes: [UInt8], _ range: Range<Int>, isASCII: Bool) -> Int {
        isASCII ? range.count : Self.scalarCount(in: bytes, range)
    }

    /// How many Unicode scalars start in `range`: continuation bytes (10xxxxxx) start none.
    static func scalarCount(in bytes: [UInt8], _ range: Range<Int>) -> Int {
        var count = 0
        for position in range where bytes[position] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The byte range of a 0-based line, without its line end (`\n` or `\r\n`).
    public func contentRange(ofLine index: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<Swift.max(start, end)
    }
}
