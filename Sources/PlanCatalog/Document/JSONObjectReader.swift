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
    struct Keys {
        let names: [StaticString]

        init(_ names: [StaticString]) {
            precondition(names.count <= 64, "a record has at most 64 keys")
            self.names = names
        }

        /// Where `key` is, searching from `start` first (the usual case: keys in order).
        func position(of key: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            for position in start..<names.count where Self.matches(key, names[position]) { return position }
            for position in 0..<Swift.min(start, names.count) where Self.matches(key, names[position]) { return position }
            return nil
        }

        func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
            names.contains { Self.matches(key, $0) }
        }

        static func matches(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            JSONTapeView.equal(key, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }
    }

    let object: JSONNode
    /// The key node of the member expected next.
    private var nextMember: Int

    private var tape: JSONTapeView { object.tape }

    /// Refuses a value that is not an object, a key not in `keys`, and a key given twice.
    init(_ node: JSONNode, keys: Keys) throws(CatalogDocumentError) {
        guard node.kind == .object else {
            throw CatalogDocumentError(path: node.path,
                                       message: "expected an object, found \(CatalogField.described(node.value))")
        }
        self.init(unchecked: node)
        var seenKeys: UInt64 = 0
        var keyPosition = 0
        var member = node.index + 1
        let end = tape.end(of: node.index)
        while member < end {
            guard let position = keys.position(of: tape.bytes(at: member), from: keyPosition) else {
                let key = tape.string(at: member)
                let names = keys.names.map { "\($0)" }
                let suggestion = Suggestion.closest(to: key, among: names).map { "; did you mean `\($0)`?" } ?? ""
                throw CatalogDocumentError(path: node.path, message: "unknown key \(JSONParser.codeSpan(key))\(suggestion)")
            }
            guard seenKeys & (1 << position) == 0 else {
                throw CatalogDocumentError(
                    path: node.path, message: "duplicate key \(JSONParser.codeSpan(tape.string(at: member)))")
            }
            seenKeys |= 1 << position
            keyPosition = position + 1
            member = tape.end(of: member + 1)
        }
    }

    /// A reader of an object node that takes its keys as they are: for a look at one key before the keys
    /// are checked.
    init(unchecked node: JSONNode) {
        precondition(node.kind == .object, "an object")
        self.object = node
        self.nextMember = node.index + 1
    }

    /// The object's path: `$`, `$.plans[2]`.
    var path: String { object.path }

    /// The path of a member: `$.plans[2].isFree`.
    func path(of key: StaticString) -> String { "\(path).\(key)" }

    /// The first key of the object that is not in `keys`.
    func firstKey(notIn keys: Keys) -> String? {
        var member = object.index + 1
        let end = tape.end(of: object.index)
        while member < end {
            if !keys.contains(tape.bytes(at: member)) { return tape.string(at: member) }
            member = tape.end(of: member + 1)
        }
        return nil
    }

    // MARK: Values

    /// The value of a key that must be there.
    mutating func value(_ key: StaticString) throws(CatalogDocumentError) -> JSONNode {
        guard let value = valueIfPresent(key) else {
            throw CatalogDocumentError(path: path, message: "missing key `\(key)`")
        }
        return value
    }

    /// The value of a key that may be left out.
    mutating func valueIfPresent(_ key: StaticString) -> JSONNode? {
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
    mutating func readNullable<Value>(_ key: StaticString,
                                      _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value? {
        try decodeNullable(key, try value(key), decode)
    }

    /// A key that may be left out (`pricingData` components omit unset keys); `null` reads as left out.
    mutating func readIfPresent<Value>(_ key: StaticString,
                                       _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value? {
        guard let value = valueIfPresent(key) else { return nil }
        return try decodeNullable(key, value, decode)
    }

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
