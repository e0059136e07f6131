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

    /// `text` as a message quotes it: a quoted JSON string, cut to its start and `…` when it is longer
    /// than a diagnostic quotes (`Diagnostic.shortenedQuote`), so that an id of a megabyte read from a
    /// catalog.json does not make a message of a megabyte; invisible characters such as a right-to-left
    /// override are escaped too (`\u202e`, `JSONWriter.displayQuoted`), as control characters are, so
    /// that a quote can neither drive a terminal nor make its line read other than it is.
    static func shown(_ text: String) -> String {
        JSONWriter.displayQuoted(Diagnostic.shortenedQuote(text))
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
        forEachPiece(ofEscaped: text) { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The inside of `text` quoted (without the quotes), in the pieces it is made of: runs of bytes
    /// copied as they are, and escape sequences, in order. Every writer of JSON strings goes through it.
    ///
    /// Hot path (every string of every output): bytes that need no escape — nearly all of them — are
    /// skipped over and handed on a run at a time, rather than one by one.
    @inline(__always)
    static func forEachPiece(ofEscaped text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // A native string lends its UTF-8 as it is; `withUTF8`, the fallback for any other, is
        // mutating, and the copy it needs costs a retain and a release per string.
        let lent: Void? = text.utf8.withContiguousStorageIfAvailable { forEachPiece(ofEscaped: $0, body) }
        guard lent == nil else { return }
        var text = text
        text.withUTF8 { forEachPiece(ofEscaped: $0, body) }
    }

    @inline(__always)
    private static func forEachPiece(ofEscaped utf8: UnsafeBufferPointer<UInt8>,
                                     _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            // Everything but controls, `"`, `\` and the lead byte of a C1 control is copied as it is.
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
                    || byte == 0xC2 else {
                index += 1
                continue
            }
            let isC1Control = byte == 0xC2
            if isC1Control, index + 1 == utf8.count || !(0x80...0x9F).contains(utf8[index + 1]) {
                index += 1 // `C2 A0` and the like: printable, copied with the run.
                continue
            }
            if runStart < index { body(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            escape(isC1Control ? utf8[index + 1] : byte, body)
            index += isC1Control ? 2 : 1
            runStart = index
        }
        if runStart < utf8.count { body(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }

    /// The escape of a control character, `"` or `\`: the short forms JSON has, else `\u00xx` with
    /// lower-case hex digits.
    private static func escape(_ byte: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let short: UInt8? = switch byte {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "\n"): UInt8(ascii: "n")
        case UInt8(ascii: "\r"): UInt8(ascii: "r")
        case UInt8(ascii: "\t"): UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        func hexDigit(_ nibble: UInt8) -> UInt8 {
            nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
        }
        let sequence: [UInt8] = if let short {
            [UInt8(ascii: "\\"), short]
        } else {
            [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4),
             hexDigit(byte & 0xF)]
        }
        sequence.withUnsafeBufferPointer(body)
    }
}
