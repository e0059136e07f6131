/// A parsed JSON document as one flat array of nodes in document order — a "tape", as simdjson calls
/// it — rather than a tree of `JSONValue`s.
///
/// A 255 MB catalog.json holds some fifteen million values. As `JSONValue`s each would be an enum
/// payload, most with an array or a `String` of their own: several gigabytes and as many allocations,
/// and as many releases when the tree goes away. On the tape a value is one 12-byte node; a string or a
/// number is the range of its bytes in the input (or, for a string with escapes, in `decoded`); a
/// container is followed by its contents and knows where they end, so a reader can skip it whole. An
/// object's members are its key (a string node) and then its value. Nothing is copied out of the input
/// until a reader asks for it, and numbers stay text until a reader knows what they mean.
///
/// The parser (`JSONParser.tape(of:)`) makes a tape from bytes; `init(_:)` makes one from a built
/// `JSONValue`, so that one reader serves both. Readers work on a `JSONTapeView` (`withView`), whose
/// reads are plain pointer loads.
///
/// A class only to own the nodes, which the parser fills in a buffer of its own (`JSONParser.Buffer`)
/// and which are freed with the tape.
final class JSONTape {
    /// The kinds of node. A string node is either a key or a value: which it is follows from where it is.
    enum Kind: UInt8, Sendable {
        case null
        case `false`
        case `true`
        case number
        case string
        case array
        case object
    }

    /// One value. For a string or number, `first` and `second` are the offset and length of its bytes
    /// (in `decoded` when `isDecoded`, else in `text`); for an array or object, `first` is how many
    /// elements or members it has and `second` the index of the node after its contents.
    struct Node: Sendable {
        var kind: Kind
        /// The string's bytes are in `decoded` (it had escapes, or the tape was made from a `JSONValue`).
        var isDecoded: Bool
        /// The string holds one of `SecretScanner.markers` (`sk_`, `rk_`, `ec_`), which every secret key
        /// prefix does: only such strings need the full scan.
        var mayHoldSecret: Bool
        var first: UInt32
        var second: UInt32
    }

    /// The input the nodes point into.
    let text: [UInt8]
    /// Strings that had escapes, decoded; every string and number of a tape made from a `JSONValue`.
    let decoded: [UInt8]
    /// The nodes in document order; the document's value is node 0. Owned by the tape.
    private let nodes: UnsafeMutableBufferPointer<Node>

    /// A tape of `nodes`, which it now owns and frees.
    init(text: [UInt8], decoded: [UInt8], nodes: UnsafeMutableBufferPointer<Node>) {
        self.text = text
        self.decoded = decoded
        self.nodes = nodes
    }

    /// The tape of a built value. Nothing is checked: a repeated key or a number that is not JSON is kept
    /// as it is, for the reader to refuse as it would in parsed bytes.
    convenience init(_ value: JSONValue) {
        var builder = Builder()
        builder.append(value)
        let nodes = UnsafeMutableBufferPointer<Node>.allocate(capacity: builder.nodes.count)
        _ = nodes.initialize(from: builder.nodes)
        self.init(text: [], decoded: builder.decoded, nodes: nodes)
    }

    deinit { nodes.deallocate() }

    /// Lays a built value out as nodes, every string and number in `decoded`.
    private struct Builder {
        var decoded: [UInt8] = []
        var nodes: [Node] = []

        mutating func append(_ value: JSONValue) {
            switch value {
            case .null: appendNode(.null)
            case .bool(let flag): appendNode(flag ? .true : .false)
            case .number(let literal): appendText(literal, kind: .number)
            case .string(let string): appendText(string, kind: .string)
            case .array(let elements):
                let index = nodes.count
                appendNode(.array, first: elements.count)
                for element in elements { append(element) }
                nodes[index].second = UInt32(nodes.count)
            case .object(let members):
                let index = nodes.count
                appendNode(.object, first: members.count)
                for member in members {
                    appendText(member.key, kind: .string)
                    append(member.value)
                }
                nodes[index].second = UInt32(nodes.count)
            }
        }

        private mutating func appendNode(_ kind: Kind, first: Int = 0) {
            nodes.append(Node(kind: kind, isDecoded: false, mayHoldSecret: false, first: UInt32(first), second: 0))
        }

        private mutating func appendText(_ string: String, kind: Kind) {
            let start = decoded.count
            decoded.append(contentsOf: string.utf8)
            nodes.append(Node(kind: kind, isDecoded: true, mayHoldSecret: kind == .string,
                              first: UInt32(start), second: UInt32(decoded.count - start)))
        }
    }

    /// Runs `body` with a view of the tape, valid only while `body` runs.
    func withView<Result, Failure: Error>(_ body: (JSONTapeView) throws(Failure) -> Result) throws(Failure) -> Result {
        try text.withUnsafeBufferPointer { (text) throws(Failure) -> Result in
            try decoded.withUnsafeBufferPointer { (decoded) throws(Failure) -> Result in
                try body(JSONTapeView(text: text, decoded: decoded, nodes: UnsafeBufferPointer(nodes)))
            }
        }
    }

    /// The document's value as a `JSONValue`.
    var value: JSONValue { withView { $0.value(at: 0) } }
}

/// A `JSONTape` as its readers see it: the tape's arrays as buffer pointers, so that reading a node is a
/// load, with no reference counting and no bounds check in release builds. The reader of catalog.json
/// reads every node of a file of hundreds of megabytes this way; a view is valid only inside
/// `JSONTape.withView`, which every reader runs in. Node indices come from the tape itself, so they are
/// always in range.
struct JSONTapeView {
    let text: UnsafeBufferPointer<UInt8>
    let decoded: UnsafeBufferPointer<UInt8>
    let nodes: UnsafeBufferPointer<JSONTape.Node>

    // MARK: Reading nodes

    func kind(at index: Int) -> JSONTape.Kind { nodes[index].kind }

    /// The index of the node after `index` and everything inside it.
    func end(of index: Int) -> Int {
        let node = nodes[index]
        switch node.kind {
        case .array, .object: return Int(node.second)
        default: return index + 1
        }
    }

    /// The bytes of a string or number node.
    func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
        let node = nodes[index]
        // An empty buffer may have no address at all.
        guard node.second > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        let storage = node.isDecoded ? decoded : text
        return UnsafeBufferPointer(start: storage.baseAddress! + Int(node.first), count: Int(node.second))
    }

    /// Whether a string or number node's bytes are `expected`.
    func bytes(at index: Int, equal expected: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(nodes[index].second) == expected.count else { return false }
        return Self.equal(bytes(at: index), expected)
    }

    /// Whether two runs of bytes are the same: eight bytes at a time, then byte by byte. Keys and enum
    /// spellings are short, and the reader compares millions of them.
    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = lhs.count
        guard count == rhs.count else { return false }
        guard count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        var offset = 0
        while offset + 8 <= count {
            guard UnsafeRawPointer(left + offset).loadUnaligned(as: UInt64.self)
                == UnsafeRawPointer(right + offset).loadUnaligned(as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < count {
            guard left[offset] == right[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// The text of a string or number node.
    func string(at index: Int) -> String { String(decoding: bytes(at: index), as: UTF8.self) }

    /// The node at `index`, and all it holds, as a `JSONValue`. Recursive, as deep as the value nests (at
    /// most the parser's `maximumDepth`).
    func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(string(at: index))
        case .string: return .string(string(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(node.first))
            var child = index + 1
            while child < Int(node.second) {
                elements.append(value(at: child))
                child = end(of: child)
            }
            return .array(elements)
        case .object:
            var members: [JSONValue.Member] = []
            members.reserveCapacity(Int(node.first))
            var key = index + 1
            while key < Int(node.second) {
                members.append(JSONValue.Member(string(at: key), value(at: key + 1)))
                key = end(of: key + 1)
            }
            return .object(members)
        }
    }

    // MARK: Paths

    /// The JSON path of the node at `target`, `$` or `$.plans[2].isFree`, and whether the node is a
    /// member's key (whose path is then its object's). A member whose key is not a plain word is written
    /// `["odd key"]`, so that a path stays one unambiguous line whatever the keys hold.
    ///
    /// Readers name the nodes they work on by index and ask for a path only when they report a problem:
    /// a path made for every record would cost more than reading the record.
    func location(of target: Int) -> (path: String, isKey: Bool) {
        var path = "$"
        var index = 0
        while index != target {
            var child = index + 1
            if nodes[index].kind == .object {
                // Members are a key and a value: find the member whose value holds the target.
                while end(of: child + 1) <= target { child = end(of: child + 1) }
                if child == target { return (path, true) }
                path += Self.memberPath(string(at: child))
                index = child + 1
            } else {
                var position = 0
                while end(of: child) <= target {
                    child = end(of: child)
                    position += 1
                }
                path += "[\(position)]"
                index = child
            }
        }
        return (path, false)
    }

    /// The JSON path of the node at `target` (of its object, for a key).
    func path(to target: Int) -> String { location(of: target).path }

    /// `.planName`, or `["odd key"]` for a key that is not made of ASCII letters, digits and `_` or that
    /// is longer than a message quotes. Such a key is quoted as messages quote (`JSONText.shown`): cut to
    /// its start and `…`, and with control and invisible characters escaped, so that a path through a key
    /// of a megabyte, or one holding an escape sequence or a right-to-left override, stays short and
    /// harmless.
    static func memberPath(_ key: String) -> String {
        guard !key.isEmpty, key.utf8.count <= Diagnostic.maximumQuoteLength else {
            return "[\(JSONText.shown(key))]"
        }
        let isPlain = key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
        return isPlain ? ".\(key)" : "[\(JSONText.shown(key))]"
    }
}
