/// JSON string literals as the diagnostic renderers write them.
///
/// Only `"`, `\` and control characters are escaped; everything else is written as raw UTF-8, so that
/// output is readable and byte-for-byte deterministic whatever the message holds.
enum JSONText {
    /// `text` as a quoted JSON string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }

    /// `text` as a quoted JSON string, or `null`.
    static func quoted(_ text: String?) -> String {
        text.map { quoted($0) } ?? "null"
    }
}
