#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What is at a path, as the writers must know before they write there: nothing, a directory, a regular
/// file, or something else they must not write through.
///
/// `build`'s output directory and `import -o OUT` both decide from this whether to create, replace or
/// refuse, so they answer the same for the same path.
enum FileEntry: Equatable {
    case missing
    case directory
    case regularFile
    /// A symbolic link (when not followed), a dangling link, a socket, a device…
    case other

    /// What is at `path`; symbolic links are followed unless `followingLinks` is false. A dangling link is
    /// `other`, not `missing`: something is there that a write must not go through.
    init(at path: String, followingLinks: Bool = true) {
        var information = stat()
        let status = followingLinks ? stat(path, &information) : lstat(path, &information)
        guard status == 0 else {
            self = lstat(path, &information) == 0 ? .other : .missing
            return
        }
        switch information.st_mode & S_IFMT {
        case S_IFDIR: self = .directory
        case S_IFREG: self = .regularFile
        default: self = .other
        }
    }

    /// The directory holding `path`: `.` for a bare name, `/` for a name at the root; a trailing `/` is
    /// ignored.
    static func parent(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
