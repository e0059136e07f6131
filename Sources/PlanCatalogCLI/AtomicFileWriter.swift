#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Replaces one existing file's contents atomically, for `plancat fmt`.
///
/// An editor, a language server or `git` may read the file at any moment, and the write may fail half
/// way (a full disk, Ctrl-C). So the new bytes go first, completely and synced, to a temporary dot-file
/// beside the file — `.pro.plancat.plancat-<pid>-<random>.tmp`, in the same directory so that the rename
/// stays on one file system, dot-prefixed so that catalog discovery skips it — and are then renamed over
/// the file: a reader sees the old bytes or the new ones, never half of either. A failure removes the
/// temporary file and leaves the file exactly as it was.
///
/// The file keeps its permission bits. A symbolic link is followed and its target replaced, so the link
/// stays a link. (Ownership, extended attributes and hard links to the old file are not carried over:
/// the file is a new inode, as with every editor that saves atomically.)
enum AtomicFileWriter {
    /// Why the file could not be replaced: one line naming it and the system's reason.
    struct Failure: Error, Equatable, Sendable {
        let message: String
    }

    /// Replaces the file at the absolute `path` (shown in messages as `shownPath`) with `bytes`.
    static func replace(_ path: String, with bytes: [UInt8], shownAs shownPath: String) throws(Failure) {
        let target = resolved(path)
        var information = stat()
        guard stat(target, &information) == 0 else {
            throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
        }
        let permissions = information.st_mode & 0o7777
        let temporary = temporaryPath(for: target)
        do throws(Failure) {
            try writeFile(bytes, to: temporary, permissions: permissions, shownAs: shownPath)
            guard rename(temporary, target) == 0 else {
                throw Failure(message: "cannot replace `\(shownPath)`: \(reason())")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes all the bytes to a new file with the given permissions and syncs it, so that a crash after
    /// the rename cannot leave an empty file under the final name.
    private static func writeFile(_ bytes: [UInt8], to path: String, permissions: mode_t,
                                  shownAs shownPath: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { buffer in
                writeToDescriptor(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
            }
            offset += count
        }
        // Set after creation: the mode given to open(2) is reduced by the umask, the file's own is not.
        guard fchmod(descriptor, permissions) == 0, fsync(descriptor) == 0 else {
            throw Failure(message: "cannot write `\(shownPath)`: \(reason())")
        }
    }

    /// The path with symbolic links resolved; the path itself when it cannot be resolved.
    private static func resolved(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return path }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A name beside `path` that no other run, and no other process, can pick.
    private static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return directory + ".\(name).plancat-\(getpid())-\(random).tmp"
    }

    /// The text of the last system error: "Permission denied".
    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}

/// `write(2)`, named apart so that it cannot be confused with a Swift `write` in scope.
private func writeToDescriptor(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
