extension JSONParser {
    /// A growable array of plain values for the parser's hot loops: the nodes of the tape and the open
    /// containers.
    ///
    /// A Swift array checks on every append and every element update that its storage is not shared,
    /// and the parser appends some fifteen million nodes to a 255 MB file's tape and updates its open
    /// containers after every value; this buffer is owned by the parser alone, so it skips those checks.
    /// It is freed by `deallocate()` — the parser frees its stacks when it stops, and hands the nodes to
    /// the `JSONTape`, which frees them with itself.
    struct Buffer<Element: BitwiseCopyable> {
        private(set) var base: UnsafeMutablePointer<Element>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = Swift.max(capacity, 16)
            base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
        }

        var isEmpty: Bool { count == 0 }

        subscript(index: Int) -> Element {
            get {
                assert(index >= 0 && index < count, "index out of range")
                return base[index]
            }
            nonmutating set {
                assert(index >= 0 && index < count, "index out of range")
                base[index] = newValue
            }
        }

        var last: Element { self[count - 1] }

        @inline(__always)
        mutating func append(_ element: Element) {
            if count == capacity { grow() }
            (base + count).initialize(to: element)
            count += 1
        }

        mutating func removeLast() -> Element {
            precondition(count > 0, "removeLast of an empty buffer")
            count -= 1
            return base[count]
        }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        /// The elements, which the caller now owns (and must free with `deallocate()` on the buffer's base).
        var elements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

        func deallocate() { base.deallocate() }
    }
}
