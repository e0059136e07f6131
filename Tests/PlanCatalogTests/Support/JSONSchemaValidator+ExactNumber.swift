// MARK: - Exact numbers

extension JSONSchemaValidator {
    /// A JSON number's exact value, `digits × 10^exponent`, of any size, compared without rounding.
    ///
    /// `ExactDecimal` holds 19 digits and no exponent, which is right for money in the source language;
    /// a schema check must also read `1e3` and numbers of any length that another writer might produce.
    struct ExactNumber: Comparable {
        let isNegative: Bool
        /// The significant digits (0–9), without leading or trailing zeros; empty for zero.
        let digits: [UInt8]
        let exponent: Int

        /// Parses JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        init?(literal: String) {
            var bytes = Array(literal.utf8)[...]
            let isNegative = bytes.first == UInt8(ascii: "-")
            if isNegative { bytes = bytes.dropFirst() }
            func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
            let integerPart = bytes.prefix(while: isDigit)
            guard let first = integerPart.first, first != UInt8(ascii: "0") || integerPart.count == 1 else { return nil }
            bytes = bytes.dropFirst(integerPart.count)
            var fractionPart: ArraySlice<UInt8> = []
            if bytes.first == UInt8(ascii: ".") {
                fractionPart = bytes.dropFirst().prefix(while: isDigit)
                guard !fractionPart.isEmpty else { return nil }
                bytes = bytes.dropFirst(1 + fractionPart.count)
            }
            var writtenExponent = 0
            if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                let isExponentNegative = bytes.first == UInt8(ascii: "-")
                if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
                let exponentDigits = bytes.prefix(while: isDigit)
                guard !exponentDigits.isEmpty, exponentDigits.count <= 9,
                      let magnitude = Int(String(decoding: exponentDigits, as: UTF8.self)) else { return nil }
                writtenExponent = isExponentNegative ? -magnitude : magnitude
                bytes = bytes.dropFirst(exponentDigits.count)
            }
            guard bytes.isEmpty else { return nil }
            var digits = (integerPart + fractionPart).map { $0 - UInt8(ascii: "0") }
            var exponent = writtenExponent - fractionPart.count
            let leadingZeros = digits.prefix { $0 == 0 }.count
            digits.removeFirst(leadingZeros)
            while digits.last == 0 {
                digits.removeLast()
                exponent += 1
            }
            self.isNegative = isNegative && !digits.isEmpty
            self.digits = digits
            self.exponent = digits.isEmpty ? 0 : exponent
        }

        var isInteger: Bool { digits.isEmpty || exponent >= 0 }

        static func < (left: ExactNumber, right: ExactNumber) -> Bool {
            if left.isNegative != right.isNegative { return left.isNegative }
            return left.isNegative ? magnitudeIsLess(right, left) : magnitudeIsLess(left, right)
        }

        /// Compares absolute values: first by the place of the leading digit, then digit by digit.
        private static func magnitudeIsLess(_ left: ExactNumber, _ right: ExactNumber) -> Bool {
            if left.digits.isEmpty || right.digits.isEmpty { return left.digits.isEmpty && !right.digits.isEmpty }
            let leftPlace = left.digits.count + left.exponent
            let rightPlace = right.digits.count + right.exponent
            if leftPlace != rightPlace { return leftPlace < rightPlace }
            return left.digits.lexicographicallyPrecedes(right.digits)
        }
    }
}
