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
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= limit {
            return contents(ofRegularFile: descriptor, size: Int(status.st_size), limit: limit)
        }
        return contents(ofDescriptor: descriptor, limit: limit)
    }

    /// Why `contents(ofRegularFile:limit:)` returned no bytes.
    public enum RegularFileFailure: Error, Equatable {
        /// A FIFO, socket or device ("a FIFO"): refused without waiting on it.
        case notRegularFile(kind: String)
        /// It does not exist, or cannot be opened or read.
        case unreadable
        /// A file of the kernel: under `/proc` or `/sys`, or on the same file system as one of them wherever
        /// it is mounted. Such a file says it is regular (of size 0) and holds the
        /// machine's state — `/proc/self/environ` is the environment, tokens included — so it is never read.
        case kernelFile
    }

    /// The directories whose files belong to the kernel. (`/dev` is not one: what it holds is devices, which
    /// are not regular files and are refused as such, and `/dev/shm` is an ordinary tmpfs.)
    static let kernelDirectories = ["/proc", "/sys"]

    /// Whether the file open at `descriptor`, opened as `path`, is a file of the kernel (`kernelFile`): its
    /// path, links resolved, is under one of `kernelDirectories`, or it lies on the same file system as
    /// one of them (`/proc` mounted again elsewhere, as containers do).
    static func isKernelFile(descriptor: Int32, path: String) -> Bool {
        var status = stat(), systemRoot = stat()
        if fstat(descriptor, &status) == 0, stat("/", &systemRoot) == 0 {
            // A /proc or /sys that is a plain directory of the root file system (nothing mounted there)
            // says nothing.
            for directory in kernelDirectories {
                var kernel = stat()
                if stat(directory, &kernel) == 0, kernel.st_dev != systemRoot.st_dev,
                   kernel.st_dev == status.st_dev { return true }
            }
        }
        guard let pointer = realpath(path, nil) else { return false }
        defer { free(pointer) }
        let resolved = String(cString: pointer)
        return kernelDirectories.contains { resolved == $0 || resolved.hasPrefix($0 + "/") }
    }

    /// The bytes of the regular file at `path`, at most `limit + 1` of them; anything else is refused, and
    /// so is a file of the kernel (`RegularFileFailure.kernelFile`), before a byte of it is read.
    ///
    /// The file is opened with `O_NONBLOCK`, so that a FIFO put in its place after the caller looked is
    /// not waited on either (the flag means nothing for a regular file), and its kind is checked on the
    /// open descriptor before a byte is read.
    public static func contents(ofRegularFile path: String, limit: Int) -> Result<[UInt8], RegularFileFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable) }
        let kind = FileKind(mode: status.st_mode)
        guard kind == .regularFile else {
            if case .other(let name) = kind { return .failure(.notRegularFile(kind: name)) }
            return .failure(.unreadable)
        }
        guard !isKernelFile(descriptor: descriptor, path: path) else { return .failure(.kernelFile) }
        let bytes = Int(status.st_size) <= limit
            ? contents(ofRegularFile: descriptor, size: Int(status.st_size), limit: limit)
            : contents(ofDescriptor: descriptor, limit: limit)
        return bytes.map { .success($0) } ?? .failure(.unreadable)
    }

    /// A regular file's bytes, read straight into an array of its size: a 255 MB catalog.json read a
    /// chunk at a time into a growing array took 0.3 s, most of it spent copying the array as it grew.
    /// One byte more than the size is asked for, to see whether the file has grown since; if it has, the
    /// rest is read as a stream, still to at most `limit + 1` bytes in all.
    private static func contents(ofRegularFile descriptor: Int32, size: Int, limit: Int) -> [UInt8]? {
        var failed = false
        let wanted = size + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
            while count < wanted {
                let received = read(descriptor, buffer.baseAddress! + count, wanted - count)
                if received < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if received == 0 { return }
                count += received
            }
        }
        guard !failed else { return nil }
        if bytes.count > size {
            guard let rest = contents(ofDescriptor: descriptor, limit: limit - bytes.count) else { return nil }
            bytes += rest
        }
        return bytes
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
