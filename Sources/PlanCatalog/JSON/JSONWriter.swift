/// Writes a `JSONValue` as the bytes of OUTPUT.md: two-space indentation, `"key": value`, members and
/// elements one per line, `[]` and `{}` for empty containers, and a trailing newline.
///
/// The bytes depend on nothing but the value (no dictionary order, no locale, no floating point), which
/// is what makes two builds of one catalog byte-identical.
public enum JSONWriter {
    /// The document's bytes, ending with a newline.
    public static func bytes(of value: JSONValue) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, indentation: 0, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The document as text, ending with a newline.
    public static func text(of value: JSONValue) -> String {
        String(decoding: bytes(of: value), as: UTF8.self)
    }

    private static func append(_ value: JSONValue, indentation: Int, to bytes: inout [UInt8]) {
        switch value {
        case .null:
            bytes.append(contentsOf: "null".utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text):
            bytes.append(contentsOf: text.utf8)
        case .string(let text):
            JSONText.appendQuoted(text, to: &bytes)
        case .array(let elements):
            guard !elements.isEmpty else {
                bytes.append(contentsOf: "[]".utf8)
                return
            }
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendNewline(indentation: indentation + 1, to: &bytes)
                append(element, indentation: indentation + 1, to: &bytes)
            }
            appendNewline(indentation: indentation, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                bytes.append(contentsOf: "{}".utf8)
                return
            }
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendNewline(indentation: indentation + 1, to: &bytes)
                JSONText.appendQuoted(member.key, to: &bytes)
                bytes.append(contentsOf: ": ".utf8)
                append(member.value, indentation: indentation + 1, to: &bytes)
            }
            appendNewline(indentation: indentation, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func appendNewline(indentation: Int, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indentation * 2))
    }
}
