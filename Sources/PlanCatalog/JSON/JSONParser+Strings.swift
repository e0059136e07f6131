/// Strings: the scan between the quotes, escapes and surrogate pairs, and the UTF-8 check.
///
/// Most of a catalog.json's bytes are keys and names, and strings have the most ways to be wrong, so
/// they are kept apart from the structure: a string without escapes is only the range of its bytes, and
/// each refusal names the exact byte, so that a message points at the bad escape or the bad UTF-8 rather
/// than at the string.
extension JSONParser.State {
    /// The string whose opening quote is at `position`: appends its node and returns the node's index.
    /// Without escapes (the usual case) the node is the range between the quotes, once its UTF-8 has
    /// been checked; with escapes, the string is decoded into `decoded`.
    @inline(__always)
    mutating func parseString() throws(JSONParseError) -> Int {
        let start = position + 1
        var index = start
        var mayHoldSecret = false
        while true {
            index = plainStringBytesEnd(from: index)
            guard index < count else { throw error(at: count, "unexpected end of input in a string") }
            switch input[index] {
            case UInt8(ascii: "\""):
                position = index + 1
                appendNode(.string, start: start, length: index - start, mayHoldSecret: mayHoldSecret)
                return nodes.count - 1
            case UInt8(ascii: "\\"):
                return try parseEscapedString(start: start, firstEscape: index)
            case UInt8(ascii: "_"):
                if index - start >= 2, SecretScanner.isMarker(input[index - 2], input[index - 1]) {
                    mayHoldSecret = true
                }
                index += 1
            default:
                index = try stringByteEnd(at: index)
            }
        }
    }

    /// The first index from `index` whose byte needs a look: `"`, `\`, `_` (which may end a secret key's
    /// marker, `SecretScanner.markers`), a control character or a non-ASCII byte; `count` when there is none.
    ///
    /// Eight bytes at a time, with the usual bit tricks: `(x - 0x01…01) & ~x & 0x80…80` marks the bytes
    /// of `x` that are zero (after XOR with a repeated byte, the bytes equal to it), and the lowest mark
    /// is exact; `(x - 0x20…20) & ~x & 0x80…80` marks the bytes below 0x20 the same way; `x & 0x80…80`
    /// the non-ASCII bytes. The lowest mark of all is the first byte that needs a look.
    @inline(__always)
    private func plainStringBytesEnd(from index: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        var index = index
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(input.baseAddress! + index).loadUnaligned(as: UInt64.self))
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let underscores = word ^ (ones &* UInt64(UInt8(ascii: "_")))
            var marks = (quotes &- ones) & ~quotes
            marks |= (backslashes &- ones) & ~backslashes
            marks |= (underscores &- ones) & ~underscores
            marks |= (word &- ones &* 0x20) & ~word
            marks = (marks | word) & highBits
            if marks != 0 { return index + marks.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count {
            switch input[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "_"), 0x00..<0x20, 0x80...: return index
            default: index += 1
            }
        }
        return index
    }

    /// The rest of a string with escapes, from its first `\`: decoded into `decoded`.
    private mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> Int {
        let decodedStart = decoded.count
        decoded.append(contentsOf: input[start..<firstEscape])
        var index = firstEscape
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                let string = decoded[decodedStart...]
                appendNode(.string, start: decodedStart, length: string.count, isDecoded: true,
                           mayHoldSecret: SecretScanner.mayHoldKey(string))
                return nodes.count - 1
            }
            if byte == UInt8(ascii: "\\") {
                index = try decodeEscape(at: index)
            } else {
                let end = try stringByteEnd(at: index)
                decoded.append(contentsOf: input[index..<end])
                index = end
            }
        }
        throw error(at: count, "unexpected end of input in a string")
    }

    /// The end of the unescaped character at `index` inside a string: refuses control characters and
    /// invalid UTF-8.
    @inline(__always)
    private func stringByteEnd(at index: Int) throws(JSONParseError) -> Int {
        let byte = bytes[index]
        if byte < 0x20 {
            throw error(at: index, "unescaped control character \(Self.scalarName(UInt32(byte))) in a string")
        }
        if byte < 0x80 { return index + 1 }
        guard let (_, length) = UTF8Decoding.scalar(in: bytes, at: index) else {
            // Input cut inside a character is cut short, not badly encoded.
            let isCutShort = bytes.count - index < Self.sequenceLength(byte)
            if isCutShort, bytes[(index + 1)...].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                throw error(at: bytes.count, "unexpected end of input in a string")
            }
            throw invalidUTF8(at: index)
        }
        return index + length
    }

    /// How many bytes a UTF-8 sequence starting with `lead` has (0 for a byte that cannot lead one).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    /// Decodes the escape at `index` (its `\`) into `decoded`; returns the index after it.
    private mutating func decodeEscape(at index: Int) throws(JSONParseError) -> Int {
        guard index + 1 < bytes.count else { throw error(at: bytes.count, "unexpected end of input in a string") }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = bytes[index + 1]
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: index)
        case let next where (0x21...0x7E).contains(next):
            throw error(at: index, "invalid escape `\\\(Character(Unicode.Scalar(next)))` in a string")
        default:
            throw unexpected(at: index + 1, expected: "an escape character after `\\`")
        }
        decoded.append(simple)
        return index + 2
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; a lone surrogate is refused.
    private mutating func decodeUnicodeEscape(at index: Int) throws(JSONParseError) -> Int {
        let first = try hexQuad(at: index + 2)
        var value = first
        var end = index + 6
        switch first {
        case 0xD800...0xDBFF:
            // Made only when thrown: an error works out its line and column from the whole input.
            func loneSurrogate() -> JSONParseError {
                error(at: index, "lone surrogate \\u\(Self.hex(first)) (not followed by a low surrogate)")
            }
            for (offset, expected) in [(end, UInt8(ascii: "\\")), (end + 1, UInt8(ascii: "u"))] {
                guard offset < bytes.count else { throw error(at: bytes.count, "unexpected end of input in a string") }
                guard bytes[offset] == expected else { throw loneSurrogate() }
            }
            let second = try hexQuad(at: end + 2)
            guard (0xDC00...0xDFFF).contains(second) else { throw loneSurrogate() }
            value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            end += 6
        case 0xDC00...0xDFFF:
            throw error(at: index, "lone surrogate \\u\(Self.hex(first)) (not preceded by a high surrogate)")
        default:
            break
        }
        // Every value outside the surrogates is a scalar.
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        UTF8.encode(scalar) { decoded.append($0) }
        return end
    }

    /// The four hex digits at `index`.
    private func hexQuad(at index: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for offset in index..<(index + 4) {
            guard offset < bytes.count else { throw error(at: bytes.count, "unexpected end of input in a string") }
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw unexpected(at: offset, expected: "four hex digits after `\\u`")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
