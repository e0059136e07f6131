/// Cuts the byte stream into the bodies of base protocol messages: a header part of `Name: value` lines,
/// each ended by `\r\n`, an empty line, then exactly `Content-Length` bytes — bytes, not characters.
///
/// `Content-Type` and any other header are accepted and ignored (the body is always UTF-8 JSON). A header
/// part without a usable `Content-Length`, or one longer than `maximumHeaderBytes`, cannot say where its
/// body ends: it is reported as `malformed` and dropped, and reading goes on after it. A body over
/// `maximumBodyBytes` (256 MiB) is reported and skipped as it arrives, without being kept.
struct MessageReader {
    /// One unit the reader found in the stream.
    enum Frame: Equatable {
        /// A message's body, still undecoded.
        case body([UInt8])
        /// A header part that was dropped, and why.
        case malformed(String)
    }

    /// A header part is a few dozen bytes; one this long is not a header.
    static let maximumHeaderBytes = 8_192
    /// Twice the largest source file plancat reads (`InputLimits.maximumSourceFileBytes`), which a
    /// didOpen carries as a JSON string, escapes and all.
    static let defaultMaximumBodyBytes = 256 * 1_024 * 1_024

    /// The longest body kept (`defaultMaximumBodyBytes` but in tests).
    let maximumBodyBytes: Int

    private var buffer: [UInt8] = []
    /// Where the unread bytes of `buffer` start.
    private var start = 0
    /// Bytes of an oversized body still to be thrown away as they come.
    private var skipping = 0

    init(maximumBodyBytes: Int = Self.defaultMaximumBodyBytes) {
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Adds bytes read from the stream.
    mutating func append(_ bytes: [UInt8]) {
        if skipping > 0 {
            let skipped = Swift.min(skipping, bytes.count)
            skipping -= skipped
            buffer += bytes[skipped...]
        } else {
            buffer += bytes
        }
    }

    /// Every frame complete in what has been appended, in order.
    mutating func frames() -> [Frame] {
        var frames: [Frame] = []
        while let frame = nextFrame() { frames.append(frame) }
        // Drop what was read, so that the buffer holds only the frame still arriving.
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        return frames
    }

    /// Bytes left over at the end of the stream: a message cut short.
    var hasPartialMessage: Bool { start < buffer.count || skipping > 0 }

    private mutating func nextFrame() -> Frame? {
        guard skipping == 0, start < buffer.count else { return nil }
        guard let headerEnd = Self.endOfHeader(in: buffer, from: start) else {
            if buffer.count - start > Self.maximumHeaderBytes {
                start = buffer.count
                return .malformed("a header part longer than \(Self.maximumHeaderBytes) bytes without an empty line")
            }
            return nil
        }
        let header = buffer[start..<headerEnd]
        let bodyStart = headerEnd + 4
        guard let length = Self.contentLength(in: header) else {
            start = bodyStart
            return .malformed("a header part without a valid Content-Length")
        }
        if length > maximumBodyBytes {
            let available = buffer.count - bodyStart
            skipping = length - Swift.min(length, available)
            start = Swift.min(buffer.count, bodyStart + length)
            return .malformed("a body of \(length) bytes, over the limit of \(maximumBodyBytes)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        start = bodyStart + length
        return .body(Array(buffer[bodyStart..<start]))
    }

    /// Where `\r\n\r\n` starts, at or after `from`.
    private static func endOfHeader(in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The value of the one `Content-Length` header (its name in any case), a run of decimal digits; nil
    /// when it is missing, repeated with another value, or not a number that fits.
    private static func contentLength(in header: ArraySlice<UInt8>) -> Int? {
        var length: Int?
        for line in header.split(separator: 10, omittingEmptySubsequences: false) {
            var line = line
            if line.last == 13 { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            guard name.lowercased() == "content-length" else { continue }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let parsed = Int(value) else {
                return nil
            }
            if let length, length != parsed { return nil }
            length = parsed
        }
        return length
    }
}

extension String {
    /// Without the spaces and tabs around it.
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
