#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where the server's bytes come from: chunks as they arrive, nil at the end of the stream.
///
/// The process reads standard input (`FileDescriptorInput`); tests hand over bytes they wrote
/// (`BytesInput`), in one chunk or in pieces, so that framing is tested across any split.
public protocol ByteInput {
    /// The next bytes, at least one; nil once the stream has ended (or failed).
    mutating func nextChunk() -> [UInt8]?
}

/// Bytes given in advance, handed out in chunks of `chunkSize`.
public struct BytesInput: ByteInput {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0

    public init(_ bytes: [UInt8], chunkSize: Int = 65_536) {
        self.bytes = bytes
        self.chunkSize = Swift.max(1, chunkSize)
    }

    public mutating func nextChunk() -> [UInt8]? {
        guard position < bytes.count else { return nil }
        let end = Swift.min(bytes.count, position + chunkSize)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

/// A file descriptor read as it fills (standard input, for `plancat lsp`). A read interrupted by a
/// signal is retried; any other failure ends the stream.
public struct FileDescriptorInput: ByteInput {
    private let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public mutating func nextChunk() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer[0..<count]) }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}
