#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Writing the imported source into `-o OUT`, all or nothing.
///
/// The source is written, completely and synced, to a dot-file beside OUT
/// (`.acme.plancat.plancat-<pid>-<random>.tmp`, skipped by catalog discovery and globs) and renamed over
/// OUT only then: `rename(2)` replaces a file atomically, so an editor, a `plancat check` or a CI job
/// reading OUT sees the old file or the new one, never half of either, and a failure leaves the old file
/// as it was. OUT's directory must exist; import does not create directories.
extension ImportCommand {
    /// Why OUT could not be written: one line naming it and the reason.
    struct WriteFailure: Error {
        let message: String
    }

    /// Writes `source` into OUT (or OUT/catalog.plancat for a directory) and returns the path written, as
    /// the user would name it.
    static func write(_ source: String, to output: String, terminal: some Terminal) throws(WriteFailure) -> String {
        var shown = output
        var absolute = output.hasPrefix("/") ? output : terminal.currentDirectory + "/" + output
        if output.hasSuffix("/") || kind(of: absolute) == .directory {
            shown = (output.hasSuffix("/") ? output : output + "/") + fileNameInDirectory
            absolute = (absolute.hasSuffix("/") ? absolute : absolute + "/") + fileNameInDirectory
        }
        switch kind(of: absolute) {
        case .directory:
            throw WriteFailure(message: "cannot write `\(shown)`: it is a directory")
        case .missing, .regularFile, .other:
            break
        }
        let directory = parent(of: absolute)
        guard kind(of: directory) == .directory else {
            throw WriteFailure(message: "cannot write `\(shown)`: its directory does not exist (import does not "
                               + "create directories)")
        }
        let name = absolute.split(separator: "/").last.map(String.init) ?? fileNameInDirectory
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = directory + "/.\(name).plancat-\(getpid())-\(random).tmp"
        do throws(WriteFailure) {
            try writeSynced(Array(source.utf8), to: temporary, shownAs: shown)
            guard rename(temporary, absolute) == 0 else {
                throw WriteFailure(message: "cannot replace `\(shown)`: \(reason())")
            }
        } catch {
            unlink(temporary)
            throw error
        }
        return shown
    }

    /// Writes all the bytes to a new file and syncs it, so that a crash after the rename cannot leave an
    /// empty file under OUT's name.
    private static func writeSynced(_ bytes: [UInt8], to path: String, shownAs shown: String) throws(WriteFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw WriteFailure(message: "cannot write `\(shown)`: \(reason())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(message: "cannot write `\(shown)`: \(reason())")
            }
            offset += count
        }
        if fsync(descriptor) != 0 { throw WriteFailure(message: "cannot write `\(shown)`: \(reason())") }
    }

    private enum Kind: Equatable {
        case missing
        case directory
        case regularFile
        case other
    }

    private static func kind(of path: String) -> Kind {
        var information = stat()
        guard stat(path, &information) == 0 else { return lstat(path, &information) == 0 ? .other : .missing }
        switch information.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    private static func parent(of absolute: String) -> String {
        let trimmed = absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The text of the last system error: "Permission denied".
    private static func reason() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from `ImportCommand.write`, which hides it inside the type.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
