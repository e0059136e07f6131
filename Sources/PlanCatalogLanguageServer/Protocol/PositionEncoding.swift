import PlanCatalog

/// What the `character` of an LSP position counts: UTF-16 code units unless the client offers `utf-8` in
/// `general.positionEncodings` at `initialize` (LSP 3.17), when the server takes it — it is what the
/// compiler's byte spans already are.
///
/// The compiler speaks byte offsets; this is the one place where they become LSP positions and back, at
/// the edge of the protocol. Lines end at `\n` (a `\r` before it belongs to the line end, so CRLF and LF
/// files give the same positions); a position's line is 0-based, its character counted from the line's
/// first byte.
public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf8 = "utf-8"

    /// The one conversion from a byte offset of `file` to a position. An offset past the end is the end.
    ///
    /// In UTF-16, a sequence of four bytes (a scalar beyond the Basic Multilingual Plane, an emoji) counts
    /// two units and any other scalar one; so does each byte of invalid UTF-8, which an editor shows as
    /// U+FFFD. An offset inside a scalar counts the scalar as begun.
    func position(ofByte offset: Int, in file: SourceFile) -> JSONValue {
        let offset = Swift.max(0, Swift.min(offset, file.bytes.count))
        let line = file.lineTable.lineIndex(of: offset)
        let character = unitCount(from: file.lineTable.lineStarts[line], to: offset, in: file)
        return .object([.init("line", .number(line)), .init("character", .number(character))])
    }

    /// How many units of this encoding the bytes from `start` to `end` of `file` make: what a position's
    /// character counts from its line's start, and what a handler that walks a line once, one piece after
    /// the next (semantic tokens), counts between pieces rather than from the line's start each time.
    func unitCount(from start: Int, to end: Int, in file: SourceFile) -> Int {
        let start = Swift.max(0, Swift.min(start, file.bytes.count))
        let end = Swift.max(start, Swift.min(end, file.bytes.count))
        guard self == .utf16 else { return end - start }
        var units = 0
        var index = start
        while index < end {
            let length = Self.sequenceLength(at: index, in: file.bytes)
            units += length == 4 ? 2 : 1
            index += length
        }
        return units
    }

    /// The range of a byte span of `file`.
    func range(of span: Span, in file: SourceFile) -> JSONValue {
        .object([.init("start", position(ofByte: span.start, in: file)),
                 .init("end", position(ofByte: span.end, in: file))])
    }

    /// The byte offset of an LSP position in `file`, for the requests that carry one: a line past the end
    /// is the end of the file, a character past the end of its line the line's end (LSP 3.17 says so);
    /// a character in the middle of a UTF-16 surrogate pair is the scalar's start.
    func byteOffset(line: Int, character: Int, in file: SourceFile) -> Int {
        let table = file.lineTable
        guard line >= 0 else { return 0 }
        guard line < table.lineCount else { return file.bytes.count }
        let content = table.contentRange(ofLine: line, in: file.bytes)
        var index = content.lowerBound
        var counted = 0
        while index < content.upperBound {
            let length = Swift.min(Self.sequenceLength(at: index, in: file.bytes), content.upperBound - index)
            let units = self == .utf8 ? length : (length == 4 ? 2 : 1)
            if counted + units > character { break }
            counted += units
            index += length
        }
        return index
    }

    /// The bytes of the scalar starting at `index`: its lead byte's length when the continuation bytes
    /// follow, else 1 (a stray or cut-short byte stands for itself).
    private static func sequenceLength(at index: Int, in bytes: [UInt8]) -> Int {
        let lead = bytes[index]
        let expected = switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
        guard expected > 1, index + expected <= bytes.count else { return 1 }
        for next in (index + 1)..<(index + expected) where bytes[next] & 0xC0 != 0x80 { return 1 }
        return expected
    }
}
