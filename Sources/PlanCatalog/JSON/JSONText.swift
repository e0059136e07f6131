/// JSON string literals as every plancat output writes them (OUTPUT.md): raw UTF-8, escaping only `"`,
/// `\` and control characters — no `\/`, no `\u` for printable text — so that output is readable and
/// byte-for-byte deterministic whatever a name or message holds.
enum JSONText {
    /// `text` as a quoted JSON string.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a quoted JSON string, or `null`.
    static func quoted(_ text: String?) -> String {
        text.map { quoted($0) } ?? "null"
    }

    /// Appends `text` as a quoted JSON string.
    ///
    /// Works on the UTF-8 bytes: the control characters are U+0000–U+001F, U+007F and U+0080–U+009F
    /// (the C1 controls, encoded as `C2 80`…`C2 9F`); every other byte is copied as it is.
    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20, 0x7F:
                appendUnicodeEscape(UInt32(byte), to: &bytes)
            case 0xC2 where index != utf8.endIndex && (0x80...0x9F).contains(utf8[index]):
                appendUnicodeEscape(UInt32(utf8[index]), to: &bytes)
                utf8.formIndex(after: &index)
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\u00XX` with lower-case hex digits.
    private static func appendUnicodeEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        bytes.append(hexDigits[Int(value >> 4)])
        bytes.append(hexDigits[Int(value & 0xF)])
    }
}
