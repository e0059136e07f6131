/// Writes a `JSONValue` as the bytes of OUTPUT.md: two-space indentation, `"key": value`, members and
/// elements one per line, `[]` and `{}` for empty containers, and a trailing newline.
///
/// The bytes depend on nothing but the value (no dictionary order, no locale, no floating point), which
/// is what makes two builds of one catalog byte-identical. The layout itself is `JSONWriter.Stream`'s,
/// which the build's outputs are written with directly; a value goes through the same stream, so the
/// two can never lay JSON out differently.
public enum JSONWriter {
    /// The document's bytes, ending with a newline.
    public static func bytes(of value: JSONValue) -> [UInt8] {
        var stream = Stream()
        stream.value(value)
        return stream.finishedDocument()
    }

    /// The document as text, ending with a newline.
    public static func text(of value: JSONValue) -> String {
        String(decoding: bytes(of: value), as: UTF8.self)
    }
}

extension JSONWriter.Stream {
    /// Writes a whole `JSONValue`.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null:
            null()
        case .bool(let flag):
            bool(flag)
        case .number(let text):
            numberLiteral(text)
        case .string(let text):
            string(text)
        case .array(let elements):
            beginArray()
            for element in elements {
                self.element()
                self.value(element)
            }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }
}
