/// JSON written straight into bytes, one value at a time, in exactly the layout `JSONWriter.bytes(of:)`
/// gives a `JSONValue` (OUTPUT.md): two-space indentation, `"key": value`, members and elements one per
/// line, `[]` and `{}` for empty containers.
///
/// `plancat build` writes hundreds of megabytes of JSON for a large catalog. Building a `JSONValue` tree
/// first cost an allocation per value and held the whole tree beside the whole file; this writes from
/// the typed records instead (each record type has a small serializer beside its `jsonValue`), and the
/// caller drains the bytes in chunks at record boundaries, so that a file never has to be held whole.
///
/// The caller says where each member or element starts (`key`, `element`) and writes its value; the
/// stream adds the comma, the newline and the indentation. It trusts the caller to nest correctly: every
/// `begin…` has its `end…`, members go in objects and elements in arrays.
///
/// Hot path: every byte of every output goes through here, so it appends to a plain block of memory
/// (`ByteBuffer`), copies a string's UTF-8 in one piece when it needs no escape, and writes numbers from
/// their integer representation without making a `String`.
extension JSONWriter {
    struct Stream: ~Copyable {
        /// The bytes written and not yet drained.
        private var buffer: ByteBuffer
        /// How deep the value being written is nested: 0 for the document itself.
        private var depth = 0
        /// Whether the innermost open container has no member or element yet, so the next one takes no
        /// comma, and closing it writes `{}` or `[]`.
        private var isContainerEmpty = false

        /// `capacity`: how many bytes to make room for at once (a chunk and a record beyond it, for a
        /// stream that is drained; a guess at the whole document otherwise).
        init(capacity: Int = 4096) {
            buffer = ByteBuffer(capacity: capacity)
        }

        /// Called between two records of a document: where the caller may drain what has been written.
        typealias RecordBoundary = (inout Stream) -> Void

        /// How many bytes are waiting to be drained.
        var count: Int { buffer.count }

        /// A copy of the bytes waiting to be drained.
        var bytes: [UInt8] { buffer.array }

        /// Hands the bytes written so far to `body`, then forgets them (keeping the room for more).
        mutating func drain<Failure: Error>(
            _ body: (UnsafeRawBufferPointer) throws(Failure) -> Void
        ) throws(Failure) {
            guard buffer.count > 0 else { return }
            try buffer.withBytes(body)
            buffer.removeAll()
        }

        /// Forgets the bytes written so far, as `drain` does, without handing them on.
        mutating func discard() {
            buffer.removeAll()
        }

        /// The document, ending with a newline, as the stream's whole bytes.
        consuming func finishedDocument() -> [UInt8] {
            finishDocument()
            return buffer.array
        }

        /// Ends the document: the trailing newline of every file plancat writes.
        mutating func finishDocument() {
            precondition(depth == 0, "a document is finished with every container closed")
            buffer.append(UInt8(ascii: "\n"))
        }

        // MARK: Where values go

        /// Starts a member of the open object: its key, then the value is written next.
        mutating func key(_ key: StaticString) {
            startItem()
            // Keys given as literals are plain ASCII names (OUTPUT.md's), which need no escape.
            buffer.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { buffer.append($0) }
            buffer.append(UInt8(ascii: "\""))
            appendColon()
        }

        /// Starts a member whose key is data (a plan id, a feature slug), quoted and escaped.
        mutating func key(_ key: String) {
            startItem()
            string(key)
            appendColon()
        }

        /// Starts an element of the open array; the value is written next.
        mutating func element() {
            startItem()
        }

        // MARK: Values

        mutating func beginObject() { begin(UInt8(ascii: "{")) }
        mutating func endObject() { end(UInt8(ascii: "}")) }
        mutating func beginArray() { begin(UInt8(ascii: "[")) }
        mutating func endArray() { end(UInt8(ascii: "]")) }

        mutating func null() {
            appendASCII("null")
        }

        mutating func bool(_ value: Bool) {
            appendASCII(value ? "true" : "false")
        }

        mutating func string(_ text: String) {
            buffer.append(UInt8(ascii: "\""))
            JSONText.forEachPiece(ofEscaped: text) { buffer.append($0) }
            buffer.append(UInt8(ascii: "\""))
        }

        /// A number's literal text as it is (`JSONValue.number` holds text).
        mutating func numberLiteral(_ text: String) {
            var text = text
            text.withUTF8 { buffer.append($0) }
        }

        mutating func number(_ value: Int) {
            if value < 0 { buffer.append(UInt8(ascii: "-")) }
            appendDigits(of: UInt64(value.magnitude), scale: 0)
        }

        /// An exact decimal in its shortest form without an exponent, as `ExactDecimal.description`
        /// spells it (`29`, `0.002`, `-1.25`), written from its significand and scale.
        mutating func number(_ value: ExactDecimal) {
            if value.isNegative { buffer.append(UInt8(ascii: "-")) }
            appendDigits(of: value.significand, scale: value.scale)
        }

        /// An array of strings.
        mutating func strings(_ texts: [String]) {
            beginArray()
            // Through the buffer, which lends each string where it is (`texts[i]` would copy it).
            texts.withUnsafeBufferPointer { texts in
                for index in texts.indices {
                    element()
                    string(texts[index])
                }
            }
            endArray()
        }

        // MARK: Members, as `JSONValue`'s helpers take them: nil is `null`

        mutating func member(_ name: StaticString, string value: String) {
            // Without the optional of the next one: wrapping a string in one retains it.
            key(name)
            string(value)
        }

        mutating func member(_ name: StaticString, string value: String?) {
            key(name)
            if let value { string(value) } else { null() }
        }

        mutating func member(_ name: StaticString, bool value: Bool?) {
            key(name)
            if let value { bool(value) } else { null() }
        }

        mutating func member(_ name: StaticString, number value: Int?) {
            key(name)
            if let value { number(value) } else { null() }
        }

        mutating func member(_ name: StaticString, number value: ExactDecimal?) {
            key(name)
            if let value { number(value) } else { null() }
        }

        mutating func member(_ name: StaticString, strings value: [String]) {
            key(name)
            strings(value)
        }

        /// `"name": [ … ]` of objects that `schema` writes: a plan's granted features, a price's
        /// components, a table's rows.
        mutating func member<Item>(_ name: StaticString, items: [Item], _ schema: RecordSchema<Item>) {
            key(name)
            beginArray()
            // Through the buffer, which lends each item where it is (`for … in` would copy it).
            items.withUnsafeBufferPointer { items in
                for index in items.indices {
                    element()
                    schema.write(items[index], to: &self)
                }
            }
            endArray()
        }

        // MARK: Layout

        /// `\n` and two spaces per level, for every depth a document of plancat's reaches; deeper levels
        /// (a `JSONValue` read from anywhere) are written in more than one piece. A static string, so
        /// that reading it costs no reference counting.
        private static var newlineAndIndentation: StaticString {
            "\n                                                                "
        }

        private mutating func startItem() {
            if !isContainerEmpty { buffer.append(UInt8(ascii: ",")) }
            isContainerEmpty = false
            appendNewline()
        }

        /// A newline, then the indentation of the current depth.
        private mutating func appendNewline() {
            Self.newlineAndIndentation.withUTF8Buffer { prefix in
                let widest = prefix.count - 1
                var spaces = 2 * depth
                buffer.append(UnsafeBufferPointer(rebasing: prefix[...min(spaces, widest)]))
                spaces -= min(spaces, widest)
                while spaces > 0 {
                    buffer.append(UnsafeBufferPointer(rebasing: prefix[1...min(spaces, widest)]))
                    spaces -= min(spaces, widest)
                }
            }
        }

        private mutating func appendColon() {
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
        }

        private mutating func begin(_ opening: UInt8) {
            buffer.append(opening)
            depth += 1
            isContainerEmpty = true
        }

        private mutating func end(_ closing: UInt8) {
            depth -= 1
            // An empty container closes right after it opens: `{}`, `[]`.
            if !isContainerEmpty { appendNewline() }
            isContainerEmpty = false
            buffer.append(closing)
        }

        private mutating func appendASCII(_ text: StaticString) {
            text.withUTF8Buffer { buffer.append($0) }
        }

        /// `significand × 10^-scale` in decimal digits: `0.002` for (2, 3), `29` for (29, 0).
        private mutating func appendDigits(of significand: UInt64, scale: Int) {
            // UInt64 has at most 20 decimal digits; they are produced last first, into a fixed buffer.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var value = significand
                var start = digits.count
                repeat {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
                    value /= 10
                } while value != 0
                let written = UnsafeBufferPointer(rebasing: digits[start...])
                guard scale > 0 else {
                    buffer.append(written)
                    return
                }
                if written.count <= scale {
                    buffer.append(UInt8(ascii: "0"))
                    buffer.append(UInt8(ascii: "."))
                    buffer.append(UInt8(ascii: "0"), repeating: scale - written.count)
                    buffer.append(written)
                } else {
                    let integerCount = written.count - scale
                    buffer.append(UnsafeBufferPointer(rebasing: written[..<integerCount]))
                    buffer.append(UInt8(ascii: "."))
                    buffer.append(UnsafeBufferPointer(rebasing: written[integerCount...]))
                }
            }
        }
    }
}
