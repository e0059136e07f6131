#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What a walk finds in a directory, entry by entry, and what it may do with each (Docs/Robustness.md
/// § Which files a catalog reads).
///
/// A walk lists a directory with readdir(2), so that it sees every name as bytes — `FileManager` leaves out
/// a name that is not UTF-8, which made such a file vanish from `check`, `build` and `fmt` without a word —
/// and looks at each entry with lstat(2), so that a symbolic link is judged before it is followed:
///
/// - a regular file named `*.plancat` is taken;
/// - a directory is walked (each directory once, by its device and inode);
/// - a symbolic link named `*.plancat` is followed only when what it leads to (realpath(3)) is a regular
///   file inside the walk's root — the catalog directory, or the folder of catalogs named as PATH — and
///   that file is read once, under its own name when the walk reaches it too; a `*.plancat` link that
///   leads outside or nowhere, and a link to a directory outside, is an error that names the link, and
///   nothing behind it is opened; a link to a directory inside is not followed (the walk reaches that
///   directory under its own name);
/// - a FIFO, socket or device named `*.plancat` is skipped with a warning, unopened;
/// - a name that is not valid UTF-8 is an error when it could hold part of a catalog (a `*.plancat`
///   name, a directory, a link), since a file plancat cannot name cannot be read without hiding it;
/// - an entry that cannot be looked at (a path over the system's limit, say) is an error naming it;
/// - names starting with `.` and other files are left alone, as before.
extension CatalogDiscovery {
    /// A file or directory as the system knows it, so that one reached by two paths is taken once.
    struct FileIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }

        /// The identity of what `path` names, links followed; nil when it cannot be looked at.
        init?(ofPath path: String) {
            var status = stat()
            guard stat(path, &status) == 0 else { return nil }
            self.init(status)
        }
    }

    /// One entry of a listed directory and what the walk does with it.
    struct Entry {
        enum Kind {
            /// A `*.plancat` file to read from `readPath` (a link's resolved target, else the entry itself).
            case catalogFile(readPath: String, identity: FileIdentity)
            /// A directory to walk.
            case directory(identity: FileIdentity)
            /// A `*.plancat` FIFO, socket or device: skipped, with a warning.
            case special(kind: String)
            /// An error naming the entry: the catalog that would hold it is not read.
            case refused(Failure.Reason)
            /// Not part of any catalog.
            case ignored
        }

        /// The name as shown: the entry's bytes, those that are not UTF-8 written `\xFF`.
        let name: String
        /// The entry's absolute path (its own, not a link's target); meaningful only for a UTF-8 name.
        let path: String
        let kind: Kind
    }

    /// The entries of the directory at `absolute`, sorted by name, judged against `root` (the walk's root,
    /// links resolved, shown as `rootShown`). A directory that cannot be listed is the failure's reason.
    static func entries(ofDirectory absolute: String, root: String,
                        rootShown: String) -> Result<[Entry], Unlisted> {
        guard let directory = opendir(absolute) else { return .failure(Unlisted(reason: reason(for: errno))) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(Unlisted(reason: reason(for: errno))) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            // `.` and `..`, and every other name starting with a dot (`.git`, editors' backups).
            if name.first == UInt8(ascii: ".") { continue }
            names.append(name)
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return .success(names.map { entry(named: $0, in: absolute, root: root, rootShown: rootShown) })
    }

    /// Why a directory could not be listed.
    struct Unlisted: Error {
        let reason: Failure.Reason
    }

    private static func entry(named bytes: [UInt8], in directory: String, root: String, rootShown: String) -> Entry {
        let isCatalogName = isCatalogFileName(bytes)
        guard let name = validUTF8(bytes) else {
            let shown = displayName(ofBytes: bytes)
            var path = Array(directory.utf8) + [UInt8(ascii: "/")] + bytes
            path.append(0)
            var status = stat()
            let looked = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &status) }
            }
            let mode = status.st_mode & S_IFMT
            if isCatalogName || (looked == 0 && (mode == S_IFDIR || mode == S_IFLNK)) {
                return Entry(name: shown, path: directory, kind: .refused(.nameNotUTF8))
            }
            return Entry(name: shown, path: directory, kind: .ignored)
        }
        let path = join(directory, name)
        var status = stat()
        guard lstat(path, &status) == 0 else {
            // Gone since the listing: nothing to read.
            if errno == ENOENT { return Entry(name: name, path: path, kind: .ignored) }
            return Entry(name: name, path: path, kind: .refused(reason(for: errno)))
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            return Entry(name: name, path: path, kind: .directory(identity: FileIdentity(status)))
        case S_IFREG:
            return Entry(name: name, path: path,
                         kind: isCatalogName ? .catalogFile(readPath: path, identity: FileIdentity(status)) : .ignored)
        case S_IFLNK:
            return Entry(name: name, path: path, kind: link(at: path, isCatalogName: isCatalogName, root: root, rootShown: rootShown))
        default:
            return Entry(name: name, path: path,
                         kind: isCatalogName ? .special(kind: FileKind.name(ofMode: status.st_mode)) : .ignored)
        }
    }

    /// What a walk does with the symbolic link at `path`.
    private static func link(at path: String, isCatalogName: Bool, root: String, rootShown: String) -> Entry.Kind {
        var status = stat()
        guard let target = realPath(path), stat(target, &status) == 0 else {
            return isCatalogName ? .refused(.linkLeadsNowhere) : .ignored
        }
        let mode = status.st_mode & S_IFMT
        guard isCatalogName || mode == S_IFDIR else { return .ignored }
        guard root == "/" || target == root || target.hasPrefix(root + "/") else {
            return .refused(.linkLeavesDirectory(directory: rootShown))
        }
        switch mode {
        // Everything inside the root is walked under its own name already; through the link it would only
        // be shown under a second one.
        case S_IFDIR: return .ignored
        case S_IFREG: return .catalogFile(readPath: target, identity: FileIdentity(status))
        default: return .special(kind: FileKind.name(ofMode: status.st_mode))
        }
    }

    /// The path with every symbolic link resolved; nil when it leads nowhere, or round in a loop.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A name's bytes for a person: UTF-8 as it is, every byte that is not part of a valid UTF-8
    /// character written `\xFF`.
    public static func displayName(ofBytes bytes: [UInt8]) -> String {
        var shown = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: index) {
                shown.append(scalar)
                index += length
            } else {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                shown.append(contentsOf: (bytes[index] < 0x10 ? "\\x0" : "\\x").unicodeScalars)
                shown.append(contentsOf: hex.unicodeScalars)
                index += 1
            }
        }
        return String(shown)
    }

    /// Whether a name, as the bytes a directory or git lists, is a catalog file's: `NAME.plancat`.
    public static func isCatalogFileName(_ bytes: [UInt8]) -> Bool {
        bytes.count > fileExtension.utf8.count && bytes.suffix(fileExtension.utf8.count).elementsEqual(fileExtension.utf8)
    }

    /// The string `bytes` spell when they are valid UTF-8, else nil. (`String(validating:as:)` would say it
    /// too, but needs macOS 15.)
    public static func validUTF8(_ bytes: some Collection<UInt8>) -> String? {
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }

    private static func reason(for error: Int32) -> Failure.Reason {
        error == EACCES || error == EPERM ? .unreadable : .cannotRead(reason: String(cString: strerror(error)))
    }
}
