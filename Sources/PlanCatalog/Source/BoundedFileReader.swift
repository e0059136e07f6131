#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Reads a file or stream, but never more than one byte past a limit.
///
/// plancat reads whatever path it is given, and a path can name something endless (`/dev/zero`, a FIFO
/// that never closes) or merely enormous. Reading at most `limit + 1` bytes keeps the memory bounded and
/// still tells the caller that the input is over the limit, which it reports in its own words
/// (`InputLimits`).
public enum BoundedFileReader {
    /// The bytes of the file at `path`, at most `limit + 1` of them; nil when it cannot be opened or read.
    public static func contents(ofFile path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return contents(ofDescriptor: descriptor, limit: limit)
    }

    /// The bytes of an open descriptor (standard input, say) up to its end, at most `limit + 1` of them;
    /// nil on a read error. The descriptor is left open.
    public static func contents(ofDescriptor descriptor: Int32, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let wanted = Swift.min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
