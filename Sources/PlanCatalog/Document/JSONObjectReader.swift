/// One object of catalog.json, read key by key with its JSON path, so that every problem says where it is.
///
/// Strict on purpose: a key the record does not have is refused when the reader is made (a misspelt
/// `isfree` would otherwise be ignored and the file read as something it does not say), and a key the
/// record needs is reported missing when it is read.
///
/// Keys are looked up where they are expected next, because plancat writes them in the order they are
/// read; a hand-ordered object still works, through a search.
struct JSONObjectReader {
    /// `$`, `$.plans[2]`.
    let path: String
    private let members: [JSONValue.Member]
    private var nextMember = 0

    /// Refuses a value that is not an object, a key not in `keys`, and a key given twice.
    init(_ value: JSONValue, at path: String, keys: [String]) throws(CatalogDocumentError) {
        guard case .object(let members) = value else {
            throw CatalogDocumentError(path: path, message: "expected an object, found \(CatalogField.described(value))")
        }
        self.path = path
        self.members = members
        precondition(keys.count <= 64, "a record has at most 64 keys")
        var seenKeys: UInt64 = 0
        var keyPosition = 0
        for member in members {
            guard let position = Self.position(of: member.key, in: keys, from: keyPosition) else {
                let suggestion = Suggestion.closest(to: member.key, among: keys).map { "; did you mean `\($0)`?" } ?? ""
                throw CatalogDocumentError(path: path,
                                           message: "unknown key \(JSONParser.codeSpan(member.key))\(suggestion)")
            }
            guard seenKeys & (1 << position) == 0 else {
                throw CatalogDocumentError(path: path, message: "duplicate key \(JSONParser.codeSpan(member.key))")
            }
            seenKeys |= 1 << position
            keyPosition = position + 1
        }
    }

    /// Where `key` is in `keys`, searching from `start` first (the usual case: keys in order).
    private static func position(of key: String, in keys: [String], from start: Int) -> Int? {
        if start < keys.count, let position = keys[start...].firstIndex(of: key) { return position }
        return keys[..<Swift.min(start, keys.count)].firstIndex(of: key)
    }

    /// The path of a member: `$.plans[2].isFree`.
    func path(of key: String) -> String { "\(path).\(key)" }

    /// The first key of the object that is not in `keys`.
    func firstKey(notIn keys: [String]) -> String? {
        members.first { !keys.contains($0.key) }?.key
    }

    // MARK: Values

    /// The value of a key that must be there.
    mutating func value(_ key: String) throws(CatalogDocumentError) -> JSONValue {
        guard let value = valueIfPresent(key) else {
            throw CatalogDocumentError(path: path, message: "missing key `\(key)`")
        }
        return value
    }

    /// The value of a key that may be left out.
    mutating func valueIfPresent(_ key: String) -> JSONValue? {
        if nextMember < members.count, members[nextMember].key == key {
            nextMember += 1
            return members[nextMember - 1].value
        }
        guard let index = members.firstIndex(where: { $0.key == key }) else { return nil }
        nextMember = index + 1
        return members[index].value
    }

    /// A key that must be there, with a value `decode` accepts.
    mutating func read<Value>(_ key: String, _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value {
        let value = try self.value(key)
        do {
            return try decode(value)
        } catch {
            throw CatalogDocumentError(path: path(of: key), message: error.text)
        }
    }

    /// A key that must be there, `null` or a value `decode` accepts.
    mutating func readNullable<Value>(_ key: String,
                                      _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value? {
        try decodeNullable(key, try value(key), decode)
    }

    /// A key that may be left out (`pricingData` components omit unset keys); `null` reads as left out.
    mutating func readIfPresent<Value>(_ key: String,
                                       _ decode: CatalogField.Decoder<Value>) throws(CatalogDocumentError) -> Value? {
        guard let value = valueIfPresent(key) else { return nil }
        return try decodeNullable(key, value, decode)
    }

    private func decodeNullable<Value>(
        _ key: String, _ value: JSONValue, _ decode: CatalogField.Decoder<Value>
    ) throws(CatalogDocumentError) -> Value? {
        if value == .null { return nil }
        do {
            return try decode(value)
        } catch {
            throw CatalogDocumentError(path: path(of: key), message: error.allowingNull.text)
        }
    }

    /// An array of strings: `metricIds`, `priceIds` (ids: `CatalogField.identifier`), `bullets`. A bad
    /// element is reported at its index.
    mutating func strings(
        _ key: String, _ decode: CatalogField.Decoder<String> = CatalogField.string
    ) throws(CatalogDocumentError) -> [String] {
        let (elements, arrayPath) = try array(key)
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                texts.append(try decode(element))
            } catch {
                throw CatalogDocumentError(path: "\(arrayPath)[\(index)]", message: error.text)
            }
        }
        return texts
    }

    /// An array that must be there, with its path for naming its elements.
    mutating func array(_ key: String) throws(CatalogDocumentError) -> (elements: [JSONValue], path: String) {
        (try read(key, CatalogField.array), path(of: key))
    }
}
