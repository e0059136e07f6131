/// Numbers by the JSON grammar. A number is kept as its literal text, never converted here: money must
/// stay exact, and the reader that knows what a number means decides how to read it.
extension JSONParser.State {
    /// A number by the JSON grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept
    /// as its literal text.
    mutating func parseNumber() throws(JSONParseError) {
        let start = position
        var index = position
        if input[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { throw error(at: index, "unexpected end of input in a number") }
        switch input[index] {
        case UInt8(ascii: "0"):
            index += 1
            if index < count, Self.isDigit(input[index]) {
                throw error(at: start, "a number cannot start with a leading zero")
            }
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            index = digitsEnd(from: index)
        default:
            throw unexpected(at: index, expected: "a digit after `-`")
        }
        if index < count, input[index] == UInt8(ascii: ".") {
            index = try requiredDigitsEnd(from: index + 1, expected: "a digit after the decimal point")
        }
        if index < count, input[index] == UInt8(ascii: "e") || input[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") {
                index += 1
            }
            index = try requiredDigitsEnd(from: index, expected: "a digit in the exponent")
        }
        guard index - start <= InputLimits.maximumJSONNumberLength else {
            throw error(at: start, "number longer than \(InputLimits.maximumJSONNumberLength) characters")
        }
        position = index
        appendNode(.number, start: start, length: index - start)
    }

    @inline(__always)
    private func requiredDigitsEnd(from index: Int, expected: String) throws(JSONParseError) -> Int {
        guard index < count else { throw error(at: index, "unexpected end of input in a number") }
        guard Self.isDigit(input[index]) else { throw unexpected(at: index, expected: expected) }
        return digitsEnd(from: index)
    }

    @inline(__always)
    private func digitsEnd(from index: Int) -> Int {
        var end = index
        while end < count, Self.isDigit(input[end]) { end += 1 }
        return end
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
