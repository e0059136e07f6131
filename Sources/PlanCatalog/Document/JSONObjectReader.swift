/// One object of catalog.json, read key by key, so that every problem says where it is.
///
/// Strict on purpose: a key the record does not have is refused when the reader is made (a misspelt
/// `isfree` would otherwise be ignored and the file read as something it does not say), and a key the
/// record needs is reported missing when it is read.
///
/// Keys are looked up where they are expected next, because plancat writes them in the order they are
/// read; a hand-ordered object still works, through a search. Keys are `StaticString`s compared with the
/// tape's bytes, and the object's path is worked out from the tape only when a problem is reported.
struct JSONObjectReader {
    /// The keys a record may have.
    ///
    /// Made once per kind of record, as a static property, and never freed: the names are kept in a
    /// buffer of their own so that copying a `Keys` (into each of the millions of readers of a large
    /// file) costs no reference counting. Each name's length and first and last eight bytes are kept
    /// beside it, so that comparing a key of the file with a name of up to 16 bytes is three integer
    /// comparisons.
    struct Keys: @unchecked Sendable {
        struct Name {
            let text: StaticString
            let length: Int
            /// The first and last eight bytes (for a name of fewer than eight, its bytes and zeros, twice):
            /// together with the length, the whole name when it has at most 16 bytes.
            let head: UInt64
            let tail: UInt64
        }

        /// The names; immutable once made.
        private let entries: UnsafeBufferPointer<Name>

        init(_ names: [StaticString]) {
            precondition(names.count <= 64, "a record has at most 64 keys")
            let storage = UnsafeMutableBufferPointer<Name>.allocate(capacity: names.count)
            _ = storage.initialize(from: names.map { name in
                let bytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
                let (head, tail) = Keys.headAndTail(of: bytes)
                return Name(text: name, length: bytes.count, head: head, tail: tail)
            })
            entries = UnsafeBufferPointer(storage)
        }

        var names: [String] { entries.map { "\($0.text)" } }

        /// Where `key` is, searching from `start` first (the usual case: keys in order).
        func position(of key: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            let (head, tail) = Self.headAndTail(of: key)
            for position in start..<entries.count where matches(key, head: head, tail: tail, position) { return position }
            for position in 0..<Swift.min(start, entries.count) where matches(key, head: head, tail: tail, position) {
                return position
            }
            return nil
        }

        /// Where the key `name` is, searching from `start` first. The reader asks for keys by the same
        /// literals that list them, which the compiler lays out once, so their addresses usually match.
        @inline(__always)
        func position(ofName name: StaticString, from start: Int) -> Int? {
            if start < entries.count, entries[start].text.utf8Start == name.utf8Start { return start }
            return position(of: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount), from: start)
        }

        /// The positions of `subset`'s keys, one bit each: for `JSONObjectReader.firstKey(notIn:)`.
        func mask(of subset: [StaticString]) -> UInt64 {
            subset.reduce(0) { mask, name in
                guard let position = position(ofName: name, from: 0) else {
                    preconditionFailure("\(name) is not one of the keys")
                }
                return mask | 1 &<< position
            }
        }

        private func matches(_ key: UnsafeBufferPointer<UInt8>, head: UInt64, tail: UInt64, _ position: Int) -> Bool {
            let name = entries[position]
            guard key.count == name.length, head == name.head, tail == name.tail else { return false }
            return name.length <= 16
                || JSONTapeView.equal(key, UnsafeBufferPointer(start: name.text.utf8Start, count: name.length))
        }

        static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            JSONTapeView.equal(key, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }

        /// The first and the last eight bytes as words (for fewer than eight, the bytes and zeros, twice).
        @inline(__always)
        private static func headAndTail(of bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            if bytes.count >= 8, let base = bytes.baseAddress {
                return (UnsafeRawPointer(base).loadUnaligned(as: UInt64.self),
                        UnsafeRawPointer(base + bytes.count - 8).loadUnaligned(as: UInt64.self))
            }
            var word: UInt64 = 0
            for (offset, byte) in bytes.enumerated() { word |= UInt64(byte) &<< (8 * offset) }
            return (word, word)
        }
    }

    let object: JSONNode
    /// The keys the object may have; empty for an `unchecked` reader.
    private let keys: Keys
    /// Which of `keys` the object has, one bit per position in `keys`.
    private var presentKeys: UInt64 = 0
    /// Which of them belong to `nextMember` and the members after it.
    private var remainingKeys: UInt64 = 0
    /// Whether the members come in the order of `keys`, as plancat writes them: then the member of a key
    /// is found by counting the keys before it, without comparing any bytes.
    private var isInKeyOrder = true
    /// The key node of the member after the last one read.
    private var nextMember: Int
    /// Where in `keys` the next key asked for is looked for first: keys are read in their order.
    private var nextKeyPosition = 0

    private var tape: JSONTapeView { object.tape }

    /// Refuses a value that is not an object, a key not in `keys`, and a key given twice.
    init(_ node: JSONNode, keys: Keys) throws(CatalogDocumentError) {
        guard node.kind == .object else {
            throw CatalogDocumentError(path: node.path,
                                       message: "expected an object, found \(CatalogField.described(node.value))")
        }
        self.object = node
        self.keys = keys
        self.nextMember = node.index + 1
        var keyPosition = 0
        var member = node.index + 1
        let end = tape.end(of: node.index)
        while member < end {
            guard let position = keys.position(of: tape.bytes(at: member), from: keyPosition) else {
                let key = tape.string(at: member)
                let suggestion = Suggestion.closest(to: key, among: keys.names).map { "; did you mean `\($0)`?" } ?? ""
                throw CatalogDocumentError(path: node.path, message: "unknown key \(JSONParser.codeSpan(key))\(suggestion)")
            }
            guard presentKeys & (1 &<< position) == 0 else {
                throw CatalogDocumentError(
                    path: node.path, message: "duplicate key \(JSONParser.codeSpan(tape.string(at: member)))")
            }
            if position < keyPosition { isInKeyOrder = false }
            presentKeys |= 1 &<< position
            keyPosition = position + 1
            member = tape.end(of: member + 1)
        }
        remainingKeys = presentKeys
    }

    private static let noKeys = Keys([])

    /// A reader of an object node that takes its keys as they are: for a look at one key before the keys
    /// are checked.
    init(unchecked node: JSONNode) {
        precondition(node.kind == .object, "an object")
        self.object = node
        self.keys = Self.noKeys
        self.isInKeyOrder = false
        self.nextMember = node.index + 1
    }

    /// The object's path: `$`, `$.plans[2]`.
    var path: String { object.path }

    /// The path of a member: `$.plans[2].isFree`.
    func path(of key: StaticString) -> String { "\(path).\(key)" }

    /// The first key of the object, in its order, that is not in `allowed` (`Keys.mask(of:)`).
    func firstKey(notIn allowed: UInt64) -> String? {
        guard presentKeys & ~allowed != 0 else { return nil }
        var member = object.index + 1
        while member < tape.end(of: object.index) {
            if let position = keys.position(of: tape.bytes(at: member), from: 0), allowed & (1 &<< position) == 0 {
                return tape.string(at: member)
            }
            member = tape.end(of: member + 1)
        }
        return nil
    }

    // MARK: Values

    /// The value of a key that must be there.
    @inline(__always)
    mutating func value(_ key: StaticString) throws(CatalogDocumentError) -> JSONNode {
        guard let value = valueIfPresent(key) else {
            throw CatalogDocumentError(path: path, message: "missing key `\(key)`")
        }
        return value
    }

    /// The value of a key that may be left out.
    @inline(__always)
    mutating func valueIfPresent(_ key: StaticString) -> JSONNode? {
        guard isInKeyOrder else { return searchedValue(key) }
        guard let position = keys.position(ofName: key, from: nextKeyPosition) else {
            preconditionFailure("\(key) is not one of the record's keys")
        }
        nextKeyPosition = position + 1
        let bit: UInt64 = 1 &<< position
        guard presentKeys & bit != 0 else { return nil }
        if remainingKeys & bit == 0 {
            // Asked for after a later key: count again from the first member.
            nextMember = object.index + 1
            remainingKeys = presentKeys
        }
        // The members come in the order of their keys' positions: skip those of the keys before this one.
        while remainingKeys & (bit &- 1) != 0 {
            nextMember = tape.end(of: nextMember + 1)
            remainingKeys &= remainingKeys &- 1
        }
        let value = nextMember + 1
        nextMember = tape.end(of: value)
        remainingKeys &= remainingKeys &- 1
        return JSONNode(tape: tape, index: value)
    }

    /// The value of a key in an object whose keys are in another order: found by comparing bytes,
    /// from the member after the last one read.
    private mutating func searchedValue(_ key: StaticString) -> JSONNode? {
        let end = tape.end(of: object.index)
        if nextMember < end, Keys.matches(tape.bytes(at: nextMember), key) {
            let value = nextMember + 1
            nextMember = tape.end(of: value)
            return JSONNode(tape: tape, index: value)
        }
        var member = object.index + 1
        while member < end {
            if Keys.matches(tape.bytes(at: member), key) {
                nextMember = tape.end(of: member + 1)
                return JSONNode(tape: tape, index: member + 1)
            }
            member = tape.end(of: member + 1)
        }
        return nil
    }

    /// A key that must be there, with a value `decode` accepts.
    @inline(__always)
    mutating func read<Value>(_ key: StaticString,
                              _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value {
        let value = try self.value(key)
        do {
            return try decode(value)
        } catch {
            throw CatalogDocumentError(path: path(of: key), message: error.text)
        }
    }

    /// A key that must be there, `null` or a value `decode` accepts.
    @inline(__always)
    mutating func readNullable<Value>(_ key: StaticString,
                                      _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value? {
        try decodeNullable(key, try value(key), decode)
    }

    /// A key that may be left out (`pricingData` components omit unset keys); `null` reads as left out.
    @inline(__always)
    mutating func readIfPresent<Value>(_ key: StaticString,
                                       _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value? {
        guard let value = valueIfPresent(key) else { return nil }
        return try decodeNullable(key, value, decode)
    }

    @inline(__always)
    private func decodeNullable<Value>(
        _ key: StaticString, _ value: JSONNode, _ decode: CatalogField.Decoder<Value>
    ) throws(CatalogDocumentError) -> Value? {
        if value.kind == .null { return nil }
        do {
            return try decode(value)
        } catch {
            throw CatalogDocumentError(path: path(of: key), message: error.allowingNull.text)
        }
    }

    /// An array of strings: `metricIds`, `priceIds` (ids: `CatalogField.identifier`), `bullets`. A bad
    /// element is reported at its index.
    mutating func strings(
        _ key: StaticString, _ decode: CatalogField.Decoder<String> = CatalogField.string
    ) throws(CatalogDocumentError) -> [String] {
        let elements = try array(key)
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                texts.append(try decode(element))
            } catch {
                throw CatalogDocumentError(path: "\(path(of: key))[\(index)]", message: error.text)
            }
        }
        return texts
    }

    /// An array that must be there; `path(of: key)` names its elements.
    mutating func array(_ key: StaticString) throws(CatalogDocumentError) -> JSONElements {
        try read(key, CatalogField.array).elements
    }
}
