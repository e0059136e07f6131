/// A strict RFC 8259 JSON parser over UTF-8 bytes: the reader of catalog.json files that `diff` and
/// `import` take from elsewhere.
///
/// Foundation's `JSONSerialization` is not used because it is slow and memory-hungry on 100 MB files and
/// on Linux cannot tell `true` from `1`; it also loses key order and a number's literal text, both of
/// which plancat needs (OUTPUT.md fixes key order; money must stay exact). The parser makes a `JSONTape`:
/// one flat array of nodes that point into the input, so that a 255 MB file costs one node per value
/// rather than a tree of enums, arrays and strings. It keeps the containers it is inside on a heap stack,
/// so that nesting costs no call stack: 100,000 `[` fail at `maximumDepth` at once.
///
/// It stops at the first problem: a catalog.json is written by a program, so one precise message (where,
/// and what was expected) is worth more than recovery.
///
/// The parser is one `State` split by concern: this file holds the document, its containers, whitespace
/// and literals; `JSONParser+Strings.swift`, `JSONParser+Numbers.swift` and `JSONParser+Errors.swift` the
/// rest. It reads the input through an `UnsafeBufferPointer` (`State.input`), since it touches every byte
/// of files of hundreds of megabytes; every read is behind a check of `position` against `count`. The
/// functions of the main loop are `@inline(__always)`, so that it is one function whose state stays in
/// registers; and a call to a non-mutating method from a mutating one would copy the whole `State` first.
public enum JSONParser {
    /// The one JSON value that `bytes` hold (after an optional UTF-8 byte order mark, with only
    /// whitespace around it).
    ///
    /// Refused: anything RFC 8259 does not allow (comments, trailing commas, leading zeros, `NaN`, single
    /// quotes, raw control characters in strings, lone surrogates), invalid UTF-8, a key repeated in one
    /// object, and nesting deeper than `maximumDepth` arrays and objects.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = InputLimits.maximumJSONDepth) throws(JSONParseError) -> JSONValue {
        try tape(of: bytes, maximumDepth: maximumDepth).value
    }

    /// The document as a tape, refusing exactly what `parse` refuses.
    static func tape(of bytes: [UInt8], maximumDepth: Int = InputLimits.maximumJSONDepth) throws(JSONParseError) -> JSONTape {
        // Nodes hold offsets and counts in 32 bits; catalog.json files are at most 1 GiB (`InputLimits`).
        precondition(bytes.count <= UInt32.max, "JSON input larger than 4 GiB")
        return try bytes.withUnsafeBufferPointer { (input) throws(JSONParseError) -> JSONTape in
            var state = State(bytes: bytes, input: input, maximumDepth: maximumDepth)
            defer { state.containers.deallocate() }
            do throws(JSONParseError) {
                try state.parseDocument()
            } catch {
                state.nodes.deallocate()
                throw error
            }
            return JSONTape(text: bytes, decoded: state.decoded, nodes: state.nodes.elements)
        }
    }
}

extension JSONParser {
    /// An array or object whose closing bracket has not been reached yet.
    struct Container {
        /// The index of its node, whose count and end are filled in when it closes.
        let node: Int
        let isObject: Bool
        var count: UInt32 = 0
        /// Whether the object is big enough that its keys are in `State.largeObjectKeys`.
        var isLarge = false
        /// One bit per key so far, chosen by a hash of the key's length and first bytes: a key whose bit
        /// is clear is new without comparing it with any other (a filter of one word, as a Bloom filter
        /// does it). Only a key whose bit is set is compared with the earlier keys, found on the tape.
        var keyBits: UInt64 = 0
    }

    /// Objects with this many members or more find duplicate keys with a set rather than through
    /// `Container.keyBits` and a walk over their members: cheaper, below it, than hashing every key of
    /// every object of a file with millions of them.
    fileprivate static let linearKeySearchLimit = 32

    /// The position in the bytes, the nodes so far and the open containers.
    ///
    /// Internal rather than private only so that its extensions in the sibling `JSONParser+*.swift` files
    /// can reach it; nothing outside the parser uses it.
    struct State {
        /// The input, for messages (which work out a line and column) and `UTF8Decoding`.
        let bytes: [UInt8]
        /// The same bytes, for the hot loops; valid while `JSONParser.tape(of:)` runs.
        let input: UnsafeBufferPointer<UInt8>
        let count: Int
        let maximumDepth: Int
        var position = 0
        /// About one value per 16 bytes of pretty-printed JSON; the buffer grows if there are more.
        var nodes: JSONParser.Buffer<JSONTape.Node>
        var decoded: [UInt8] = []
        var containers = JSONParser.Buffer<JSONParser.Container>(capacity: 64)
        /// The keys of the open objects big enough that comparing a key with each is slow, by depth.
        fileprivate var largeObjectKeys: [Int: Set<String>] = [:]

        init(bytes: [UInt8], input: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
            self.bytes = bytes
            self.input = input
            self.count = input.count
            self.maximumDepth = maximumDepth
            nodes = JSONParser.Buffer(capacity: input.count / 16 + 16)
        }

        /// Appends a node for a scalar or a string.
        mutating func appendNode(_ kind: JSONTape.Kind, start: Int = 0, length: Int = 0,
                                 isDecoded: Bool = false, mayHoldSecret: Bool = false) {
            nodes.append(JSONTape.Node(kind: kind, isDecoded: isDecoded, mayHoldSecret: mayHoldSecret,
                                       first: UInt32(truncatingIfNeeded: start), second: UInt32(truncatingIfNeeded: length)))
        }
    }
}

// MARK: - Structure

extension JSONParser.State {
    /// The whole document: one value, its containers closed, and nothing but whitespace after it.
    mutating func parseDocument() throws(JSONParseError) {
        if count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < count else { throw error(at: position, "empty input; expected a JSON value") }
        nextValue: while true {
            let before = position
            // Whitespace is skipped; a value starts here. False: a container was opened, and its first
            // value comes next.
            guard try parseValueOrOpenContainer() else {
                assert(position > before, "the JSON parser must make progress")
                continue
            }
            // A value ended: count it in its container, and close every container that ends right after it.
            while !containers.isEmpty {
                guard try afterValue() else { continue nextValue }
            }
            skipWhitespace()
            guard position == count else { throw unexpected(expected: "end of input after the JSON value") }
            return
        }
    }

    /// Parses a scalar (true), or opens a container, leaving the position at its first value (false), or
    /// opens and closes an empty one (true).
    @inline(__always)
    private mutating func parseValueOrOpenContainer() throws(JSONParseError) -> Bool {
        guard position < count else { throw unexpected(expected: "a value") }
        switch input[position] {
        case UInt8(ascii: "{"):
            try openContainer(isObject: true)
            if position < count, input[position] == UInt8(ascii: "}") {
                position += 1
                closeContainer()
                return true
            }
            try readKey(expected: "a string key or `}`")
            return false
        case UInt8(ascii: "["):
            try openContainer(isObject: false)
            if position < count, input[position] == UInt8(ascii: "]") {
                position += 1
                closeContainer()
                return true
            }
            return false
        case UInt8(ascii: "\""):
            _ = try parseString()
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber()
            return true
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            try parseLiteral()
            return true
        default:
            throw unexpected(expected: "a value")
        }
    }

    @inline(__always)
    private mutating func openContainer(isObject: Bool) throws(JSONParseError) {
        guard containers.count < maximumDepth else {
            throw error(at: position, "nesting deeper than \(maximumDepth) levels of arrays and objects")
        }
        containers.append(JSONParser.Container(node: nodes.count, isObject: isObject))
        appendNode(isObject ? .object : .array)
        position += 1
        skipWhitespace()
    }

    /// Fills in the innermost container's node: how many values it holds, and where they end.
    @inline(__always)
    private mutating func closeContainer() {
        let container = containers.removeLast()
        var node = nodes[container.node]
        node.first = container.count
        node.second = UInt32(truncatingIfNeeded: nodes.count)
        nodes[container.node] = node
        if container.isLarge { largeObjectKeys[containers.count] = nil }
    }

    /// Counts a finished value in the innermost container, then reads what follows it: a `,` (and in an
    /// object the next key and `:`), returning false because another value comes next; or the closing
    /// bracket, returning true because the container is a finished value too.
    @inline(__always)
    private mutating func afterValue() throws(JSONParseError) -> Bool {
        var container = containers.last
        container.count += 1
        containers[containers.count - 1] = container
        let isObject = container.isObject
        skipWhitespace()
        let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        guard position < count else {
            throw unexpected(expected: isObject ? "`,` or `}` after an object member" : "`,` or `]` after an array element")
        }
        switch input[position] {
        case UInt8(ascii: ","):
            let commaOffset = position
            position += 1
            skipWhitespace()
            if position < count, input[position] == closer {
                throw error(at: commaOffset, "trailing comma before `\(Character(Unicode.Scalar(closer)))`")
            }
            if isObject { try readKey(expected: "a string key after `,`") }
            return false
        case closer:
            position += 1
            closeContainer()
            return true
        default:
            throw unexpected(expected: isObject ? "`,` or `}` after an object member" : "`,` or `]` after an array element")
        }
    }

    /// Reads `"key" :` into the innermost object, refusing a key it already has.
    @inline(__always)
    private mutating func readKey(expected: String) throws(JSONParseError) {
        guard position < count, input[position] == UInt8(ascii: "\"") else {
            throw unexpected(expected: expected)
        }
        let keyOffset = position
        let key = try parseString()
        guard registerKey(key) else {
            throw error(at: keyOffset, "duplicate key \(JSONParser.codeSpan(keyText(key)))")
        }
        skipWhitespace()
        guard position < count, input[position] == UInt8(ascii: ":") else {
            throw unexpected(expected: "`:` after the object key")
        }
        position += 1
        skipWhitespace()
    }

    /// Whether the key node `key` is new to the innermost object.
    @inline(__always)
    private mutating func registerKey(_ key: Int) -> Bool {
        let innermost = containers.count - 1
        var container = containers[innermost]
        if container.isLarge {
            return largeObjectKeys[innermost, default: []].insert(keyText(key)).inserted
        }
        let bit: UInt64 = 1 &<< ((fingerprint(of: key) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if container.keyBits & bit != 0 {
            // The earlier members, each a key and its value, lie between the object's node and this key.
            var member = container.node + 1
            while member < key {
                if nodes[member].second == nodes[key].second, keyBytes(member) == keyBytes(key) { return false }
                member = end(of: member + 1)
            }
        }
        container.keyBits |= bit
        if container.count + 1 >= JSONParser.linearKeySearchLimit {
            container.isLarge = true
            var keys: Set<String> = [keyText(key)]
            var member = container.node + 1
            while member < key {
                keys.insert(keyText(member))
                member = end(of: member + 1)
            }
            largeObjectKeys[innermost] = keys
        }
        containers[innermost] = container
        return true
    }

    /// The index of the node after the finished value at `index`.
    private func end(of index: Int) -> Int {
        let node = nodes[index]
        return node.kind == .array || node.kind == .object ? Int(node.second) : index + 1
    }

    /// The key's length and first bytes (up to seven), in one word.
    @inline(__always)
    private func fingerprint(of key: Int) -> UInt64 {
        let node = nodes[key]
        let length = Int(node.second)
        let start = Int(node.first)
        var prefix: UInt64 = 0
        if !node.isDecoded, start + 8 <= count {
            // One load of the eight bytes from the key's start; those past its seventh byte are masked off.
            prefix = UInt64(littleEndian: UnsafeRawPointer(input.baseAddress! + start).loadUnaligned(as: UInt64.self))
        } else {
            for offset in 0..<Swift.min(length, 8) {
                prefix |= UInt64(node.isDecoded ? decoded[start + offset] : input[start + offset]) << (8 * offset)
            }
        }
        let kept = Swift.min(length, 7)
        prefix &= kept == 0 ? 0 : UInt64.max >> (64 - 8 * kept)
        return prefix | UInt64(truncatingIfNeeded: length) << 56
    }

    private func keyBytes(_ key: Int) -> ArraySlice<UInt8> {
        let node = nodes[key]
        let range = Int(node.first)..<Int(node.first) + Int(node.second)
        return node.isDecoded ? decoded[range] : bytes[range]
    }

    private func keyText(_ key: Int) -> String { String(decoding: keyBytes(key), as: UTF8.self) }

    // MARK: Whitespace

    /// Skips spaces, tabs and line ends. Most calls find none at all (a `,` or `:` follows at once), and
    /// most others one space (`"key": value`), so those cases are checked inline before the loop.
    @inline(__always)
    mutating func skipWhitespace() {
        if position < count, input[position] > UInt8(ascii: " ") { return }
        if position + 1 < count, input[position] == UInt8(ascii: " "), input[position + 1] > UInt8(ascii: " ") {
            position += 1
            return
        }
        skipWhitespaceRun()
    }

    /// Pretty-printed JSON is mostly indentation, so after each whitespace byte a run of spaces is skipped
    /// eight bytes at a time: the first byte of a word that is not a space ends it.
    private mutating func skipWhitespaceRun() {
        // Bits 9, 10, 13 and 32: tab, line feed, carriage return and space.
        let whitespace: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20
        while position < count {
            let byte = input[position]
            guard byte <= 0x20, whitespace &>> byte & 1 != 0 else { return }
            position += 1
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(input.baseAddress! + position).loadUnaligned(as: UInt64.self))
                let notSpaces = word ^ 0x2020_2020_2020_2020
                if notSpaces != 0 {
                    position += notSpaces.trailingZeroBitCount / 8
                    break
                }
                position += 8
            }
        }
    }

    // MARK: Literals

    /// `true`, `false` or `null`. A run of letters is read whole, so that `truex` or `NaN` is named in
    /// the message rather than half-accepted.
    private mutating func parseLiteral() throws(JSONParseError) {
        // The usual case, a whole `true`, `false` or `null` (its bytes as a little-endian word), read
        // from one load.
        let known: (word: UInt64, length: Int, kind: JSONTape.Kind)? = switch input[position] {
        case UInt8(ascii: "t"): (0x6575_7274, 4, .true)
        case UInt8(ascii: "f"): (0x65_736C_6166, 5, .false)
        case UInt8(ascii: "n"): (0x6C6C_756E, 4, .null)
        default: nil
        }
        if let known, position + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(input.baseAddress! + position).loadUnaligned(as: UInt64.self))
            if word & (UInt64.max >> (64 - 8 * known.length)) == known.word, !Self.isWordByte(input[position + known.length]) {
                position += known.length
                appendNode(known.kind)
                return
            }
        }
        let start = position
        var end = position
        while end < count, Self.isWordByte(input[end]) { end += 1 }
        let word = UnsafeBufferPointer(rebasing: input[start..<end])
        let literal: (text: StaticString, kind: JSONTape.Kind)? = switch input[start] {
        case UInt8(ascii: "t"): ("true", .true)
        case UInt8(ascii: "f"): ("false", .false)
        case UInt8(ascii: "n"): ("null", .null)
        default: nil
        }
        if let (text, kind) = literal {
            let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            if JSONTapeView.equal(word, expected) {
                position = end
                appendNode(kind)
                return
            }
            if end == count, expected.starts(with: word) {
                throw error(at: end, "unexpected end of input in `\(text)`")
            }
        }
        let shown = String(decoding: word.prefix(24), as: UTF8.self) + (word.count > 24 ? "…" : "")
        throw error(at: start, "expected a value, found `\(shown)`")
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
