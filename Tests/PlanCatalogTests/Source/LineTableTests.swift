import PlanCatalogTestSupport
import Testing
@testable import PlanCatalog

/// The line table reads a file eight bytes at a time; these tests hold it to the plain byte-by-byte
/// reading it replaces, on texts dense in the bytes it looks for (line ends, `_`, backslashes, markers and
/// letters outside ASCII), wherever they fall within a word of eight.
@Suite struct LineTableTests {
    /// Line starts, the longest line, the lines that may hold a key and the columns of every offset
    /// agree with a byte-by-byte reading.
    @Test(arguments: 0..<200) func agreesWithAByteByByteReading(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let pieces = ["\n", "\r\n", "_", "sk_", "rk_", "ec_", "k_", "\\", "é", "😀", " ", "a", "plan", "sk", "e", "c"]
        var text = ""
        for _ in 0..<Int.random(in: 0...60, using: &random) { text += pieces.randomElement(using: &random)! }
        let bytes = Array(text.utf8)
        let table = LineTable(bytes: bytes)

        var starts = [0]
        var keyLines: Set<Int> = []
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            let isMarkerEnd = byte == UInt8(ascii: "_") && offset >= 2
                && SecretScanner.isMarker(bytes[offset - 2], bytes[offset - 1])
            if isMarkerEnd || byte == UInt8(ascii: "\\") { keyLines.insert(starts.count - 1) }
        }
        let ends = starts.dropFirst().map { $0 } + [bytes.count]
        #expect(table.lineStarts == starts, "\(text.debugDescription)")
        #expect(table.longestLineBytes == zip(starts, ends).map { $1 - $0 }.max(), "\(text.debugDescription)")
        #expect(Set(table.linesThatMayHoldAKey) == keyLines, "\(text.debugDescription)")
        #expect(table.holdsBackslash == bytes.contains(UInt8(ascii: "\\")), "\(text.debugDescription)")
        // Columns count Unicode scalars on lines without a key (a key's line counts its mask instead).
        for offset in 0...bytes.count {
            let line = starts.lastIndex { $0 <= offset }!
            guard !keyLines.contains(line) else { continue }
            let column = LineTable.scalarCount(in: bytes, starts[line]..<offset) + 1
            #expect(table.lineColumn(of: offset, in: bytes) == LineColumn(line: line + 1, column: column),
                    "\(text.debugDescription) at \(offset)")
        }
    }

    @Test func anEmptyFileHasOneEmptyLine() {
        let table = LineTable(bytes: [])
        #expect(table.lineStarts == [0])
        #expect(table.longestLineBytes == 0)
        #expect(table.linesThatMayHoldAKey.isEmpty)
        #expect(!table.holdsBackslash)
    }
}
