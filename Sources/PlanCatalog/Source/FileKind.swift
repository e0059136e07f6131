#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What a path names, asked of `stat(2)` without opening it (symbolic links followed, as opening would).
///
/// Catalog discovery reads regular files only: opening a FIFO blocks until something writes to it, and a
/// device or socket is no catalog, so those are told apart before anything is opened.
public enum FileKind: Equatable {
    case regularFile
    case directory
    /// Anything else, named for a person: "a FIFO", "a socket", "a character device", "a block device".
    case other(String)

    /// The kind of what `path` names; nil when nothing does (a dangling symbolic link included).
    init?(atPath path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(mode: status.st_mode)
    }

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regularFile
        case S_IFDIR: self = .directory
        default: self = .other(Self.name(ofMode: mode))
        }
    }

    /// How a message names what a file's mode says it is — "a regular file", "a FIFO", "a symbolic link"
    /// (from lstat(2)) — so that discovery and the writers word the same kind alike.
    public static func name(ofMode mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a regular file"
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file or directory"
        }
    }
}
