/// One value of a parsed catalog.json, as the reader's decoders take it: a node of a `JSONTapeView`.
///
/// The reader makes millions of these; they hold only the view's pointers and an index, so making,
/// copying and dropping one costs nothing.
struct JSONNode {
    let tape: JSONTapeView
    let index: Int

    var kind: JSONTape.Kind { tape.kind(at: index) }

    /// The value as a `JSONValue`: for messages, which show what was found.
    var value: JSONValue { tape.value(at: index) }

    /// A string's text.
    var string: String { tape.string(at: index) }

    /// How many bytes a string or number has.
    var length: Int { Int(tape.nodes[index].second) }

    /// A string's or number's bytes.
    var bytes: UnsafeBufferPointer<UInt8> { tape.bytes(at: index) }

    /// Whether a string's or number's bytes are `expected`.
    func bytesEqual(_ expected: [UInt8]) -> Bool {
        expected.withUnsafeBufferPointer { tape.bytes(at: index, equal: $0) }
    }

    /// `$.plans[2]`: worked out from the tape, so only when a problem is reported.
    var path: String { tape.path(to: index) }

    /// An array's elements, in order.
    var elements: JSONElements { JSONElements(tape: tape, array: index) }
}

/// The elements of an array node, each a `JSONNode`.
struct JSONElements: Sequence {
    let tape: JSONTapeView
    let array: Int

    var count: Int { Int(tape.nodes[array].first) }

    func makeIterator() -> Iterator { Iterator(tape: tape, position: array + 1, end: tape.end(of: array)) }

    struct Iterator: IteratorProtocol {
        let tape: JSONTapeView
        var position: Int
        let end: Int

        mutating func next() -> JSONNode? {
            guard position < end else { return nil }
            let node = JSONNode(tape: tape, index: position)
            position = tape.end(of: position)
            return node
        }
    }
}
