/// The bytes a `JSONWriter.Stream` has written and not yet handed on: a plain block of memory that
/// grows by doubling.
///
/// Hot path, kept apart: `[UInt8].append` checks that the array is uniquely referenced and goes through
/// the generic `Sequence` machinery on every call, and the writer makes tens of millions of small appends
/// for a large catalog; here an append is a bounds check and a copy. The type is not copyable, so the
/// memory has exactly one owner, which frees it.
extension JSONWriter {
    struct ByteBuffer: ~Copyable {
        private var start: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        /// How many bytes are written.
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            start = .allocate(capacity: self.capacity)
        }

        deinit { start.deallocate() }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if count == capacity { grow(toHold: count + 1) }
            start[count] = byte
            count += 1
        }

        @inline(__always)
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress else { return }
            if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
            (start + count).update(from: source, count: bytes.count)
            count += bytes.count
        }

        mutating func append(_ byte: UInt8, repeating times: Int) {
            guard times > 0 else { return }
            if count + times > capacity { grow(toHold: count + times) }
            (start + count).update(repeating: byte, count: times)
            count += times
        }

        /// The bytes written, lent to `body`.
        func withBytes<Result, Failure: Error>(
            _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            try body(UnsafeRawBufferPointer(start: start, count: count))
        }

        /// Forgets the bytes written, keeping the memory for more.
        mutating func removeAll() {
            count = 0
        }

        /// A copy of the bytes written.
        var array: [UInt8] {
            [UInt8](UnsafeBufferPointer(start: start, count: count))
        }

        /// Kept out of line, so that the appends, inlined everywhere, stay small.
        @inline(never)
        private mutating func grow(toHold needed: Int) {
            var newCapacity = capacity
            while newCapacity < needed { newCapacity *= 2 }
            let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newStart.initialize(from: start, count: count)
            start.deallocate()
            start = newStart
            capacity = newCapacity
        }
    }
}
