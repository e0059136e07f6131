/// Bytes written through a pointer into room reserved for them: the array a source is laid out in.
///
/// Import writes tens of millions of small pieces (a keyword, a space, an id, a newline) at a hundred
/// thousand plans. `[UInt8].append` checks for each one that its storage is unique and large enough, and
/// growing means copying everything written so far; here an append compares two integers. The room is
/// the uninitialized capacity of the array being made (`array(capacity:_:)`), so the bytes are never
/// copied into an array afterwards. When they do not fit, nothing more is written and the whole is
/// written again into twice the room: deterministic writers make that safe, generous guesses rare.
struct ByteBuffer {
    private let start: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0
    /// Whether something did not fit; then the rest is not written.
    private(set) var hasOverflowed = false

    /// The bytes `write` appends, in an array made with room for `capacity` of them (and made again with
    /// twice the room while that is too little), with what `write` returned. The memory reserved and not
    /// written is never touched, so a generous guess costs address space, not memory.
    static func array<Result>(capacity: Int, _ write: (inout ByteBuffer) -> Result) -> (bytes: [UInt8], result: Result) {
        var capacity = Swift.max(capacity, 64)
        while true {
            var result: Result?
            let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { room, initializedCount in
                var buffer = ByteBuffer(start: room.baseAddress!, capacity: room.count)
                let value = write(&buffer)
                if !buffer.hasOverflowed { result = value }
                initializedCount = buffer.hasOverflowed ? 0 : buffer.count
            }
            if let result { return (bytes, result) }
            capacity *= 2
        }
    }

    private init(start: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.start = start
        self.capacity = capacity
    }

    /// Whether `extra` more bytes fit; when they do not, the buffer is marked as overflowed.
    private mutating func hasRoom(for extra: Int) -> Bool {
        if !hasOverflowed && capacity - count >= extra { return true }
        hasOverflowed = true
        return false
    }

    mutating func append(_ byte: UInt8) {
        guard hasRoom(for: 1) else { return }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, hasRoom(for: bytes.count) else { return }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// A string's UTF-8.
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var contiguous = text
            contiguous.withUTF8 { append($0) }
        }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(repeating byte: UInt8, count: Int) {
        guard hasRoom(for: count) else { return }
        (start + self.count).initialize(repeating: byte, count: count)
        self.count += count
    }

    /// `count` bytes, which `write` must set every one of.
    mutating func append(count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) {
        guard hasRoom(for: count) else { return }
        write(UnsafeMutableBufferPointer(start: start + self.count, count: count))
        self.count += count
    }

    /// Takes back everything written from `offset` on.
    mutating func truncate(to offset: Int) {
        precondition(offset >= 0 && offset <= count, "a buffer is truncated to a length it has")
        count = offset
    }

    /// Reads the bytes written from `offset` on.
    func withBytes<Result>(from offset: Int, _ read: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        read(UnsafeBufferPointer(start: start + offset, count: count - offset))
    }
}
