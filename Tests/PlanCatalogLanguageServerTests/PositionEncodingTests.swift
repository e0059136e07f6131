import PlanCatalog
import Testing
@testable import PlanCatalogLanguageServer

/// The one conversion between byte offsets and LSP positions, both ways.
@Suite struct PositionEncodingTests {
    static let file = SourceFile(path: "p", text: "ab\r\n😀名x\nlast")

    static func position(_ offset: Int, _ encoding: PositionEncoding) -> (Int?, Int?) {
        let position = encoding.position(ofByte: offset, in: file)
        return (position["line"]?.int, position["character"]?.int)
    }

    @Test func bytesToPositions() {
        // `x` is at byte 4 + 4 + 3 = 11: after the emoji (2 units, 4 bytes) and 名 (1 unit, 3 bytes).
        #expect(Self.position(11, .utf16) == (1, 3))
        #expect(Self.position(11, .utf8) == (1, 7))
        // The `\r` of the CRLF is on line 0, after `ab`.
        #expect(Self.position(2, .utf16) == (0, 2))
        // Past the end is the end.
        #expect(Self.position(1_000, .utf16) == (2, 4))
        #expect(Self.position(-5, .utf16) == (0, 0))
    }

    @Test func positionsToBytes() {
        #expect(PositionEncoding.utf16.byteOffset(line: 1, character: 3, in: Self.file) == 11)
        #expect(PositionEncoding.utf8.byteOffset(line: 1, character: 7, in: Self.file) == 11)
        // Inside the surrogate pair: the emoji's start.
        #expect(PositionEncoding.utf16.byteOffset(line: 1, character: 1, in: Self.file) == 4)
        // Past the end of a line: its end, before the CRLF.
        #expect(PositionEncoding.utf16.byteOffset(line: 0, character: 99, in: Self.file) == 2)
        // Past the last line: the end of the file.
        #expect(PositionEncoding.utf16.byteOffset(line: 99, character: 0, in: Self.file) == Self.file.bytes.count)
        #expect(PositionEncoding.utf16.byteOffset(line: -1, character: 0, in: Self.file) == 0)
    }

    /// Invalid UTF-8 counts one unit per byte, as an editor shows each as U+FFFD; nothing traps.
    @Test func invalidUTF8CountsAByteAUnit() {
        let file = SourceFile(path: "p", bytes: [0x61, 0xFF, 0xF0, 0x9F, 0x62])
        #expect(PositionEncoding.utf16.position(ofByte: 5, in: file)["character"]?.int == 5)
        #expect(PositionEncoding.utf16.byteOffset(line: 0, character: 4, in: file) == 4)
    }
}
