@testable import PlanCatalog
import PlanCatalogTestSupport

/// Ways to break a catalog file, each drawn from a seeded generator and described well enough to redo
/// by hand: truncations, byte changes and token shuffles.
enum SourceMutator {
    /// The offsets to cut a file of `length` bytes at: all of them when there are at most `limit`,
    /// otherwise an even spread of `limit` offsets, each moved by a random amount within its stride.
    static func truncationOffsets(length: Int, limit: Int, using generator: inout SplitMix64) -> [Int] {
        guard length + 1 > limit else { return Array(0...length) }
        let stride = Double(length + 1) / Double(limit)
        var offsets = Set<Int>()
        for index in 0..<limit {
            let low = Int(Double(index) * stride)
            let high = Swift.max(low, Int(Double(index + 1) * stride) - 1)
            offsets.insert(Int.random(in: low...Swift.min(high, length), using: &generator))
        }
        return offsets.sorted()
    }

    /// Bytes that matter to the lexer or to UTF-8, drawn more often than the others.
    static let interestingBytes: [UInt8] = [
        0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x23, 0x2D, 0x2E, 0x30, 0x31, 0x35, 0x39, 0x3B, 0x5C, 0x5F,
        0x7B, 0x7D, 0x75, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFF,
    ]

    /// One to four byte changes: a byte replaced, inserted or removed.
    static func flipBytes(_ bytes: [UInt8], using generator: inout SplitMix64) -> (bytes: [UInt8], description: String) {
        var result = bytes
        var steps: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let byte = Bool.random(using: &generator)
                ? interestingBytes.randomElement(using: &generator)!
                : UInt8.random(in: 0...255, using: &generator)
            let offset = Int.random(in: 0...result.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where offset < result.count:
                result.remove(at: offset)
                steps.append("remove at \(offset)")
            case 1:
                result.insert(byte, at: offset)
                steps.append("insert \(hex(byte)) at \(offset)")
            default:
                if offset < result.count {
                    steps.append("set \(hex(result[offset]))→\(hex(byte)) at \(offset)")
                    result[offset] = byte
                } else {
                    result.append(byte)
                    steps.append("append \(hex(byte))")
                }
            }
        }
        return (result, "bytes: " + steps.joined(separator: ", "))
    }

    /// One to three token edits — swap two, delete one, duplicate one somewhere else, or replace one by
    /// another — with the text between tokens (spaces, stray characters) kept where it was.
    static func shuffleTokens(_ bytes: [UInt8], using generator: inout SplitMix64) -> (bytes: [UInt8], description: String) {
        let file = SourceFile(path: "shuffle", bytes: bytes)
        let tokens = Lexer.tokenize(file).tokens.dropLast()  // not the end of file
        guard !tokens.isEmpty else { return (bytes, "tokens: none to shuffle") }
        // gaps[i] is the text before token i; the last gap is the text after the last token.
        var gaps: [ArraySlice<UInt8>] = []
        var pieces: [ArraySlice<UInt8>] = []
        var position = 0
        for token in tokens {
            gaps.append(bytes[position..<token.span.start])
            pieces.append(bytes[token.span.start..<token.span.end])
            position = token.span.end
        }
        let tail = bytes[position...]
        var steps: [String] = []
        for _ in 0..<Int.random(in: 1...3, using: &generator) where !pieces.isEmpty {
            let first = Int.random(in: 0..<pieces.count, using: &generator)
            let second = Int.random(in: 0..<pieces.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                pieces.swapAt(first, second)
                steps.append("swap \(first) and \(second)")
            case 1:
                pieces.remove(at: first)
                steps.append("delete \(first)")
            case 2:
                pieces.insert(pieces[first], at: second)
                steps.append("duplicate \(first) before \(second)")
            default:
                pieces[first] = pieces[second]
                steps.append("replace \(first) by \(second)")
            }
        }
        var result: [UInt8] = []
        for (index, piece) in pieces.enumerated() {
            result += index < gaps.count ? gaps[index] : [UInt8(ascii: " ")]
            result += piece
        }
        result += tail
        return (result, "tokens: " + steps.joined(separator: ", "))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }
}
