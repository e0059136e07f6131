#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writing the imported source into `-o OUT`, all or nothing.
///
/// The write itself is `AtomicFileWriter.replace`'s: the source goes, completely and synced, to a dot-file
/// beside OUT (`.acme.plancat.plancat-<pid>-<random>.tmp`, skipped by catalog discovery and globs) and is
/// renamed over OUT only then, so an editor, a `plancat check` or a CI job reading OUT sees the old file or
/// the new one, never half of either, and a failure leaves the old file as it was. An existing OUT keeps
/// its permission bits, and a symbolic link at OUT stays a link, as with `plancat fmt`. What is left here
/// is where the source goes: into a directory named by OUT, and never into a directory that does not
/// exist, because import does not create directories.
extension ImportCommand {
    /// Writes `source` into OUT (or OUT/catalog.plancat for a directory) and returns the path written, as
    /// the user would name it.
    static func write(_ source: String, to output: String,
                      terminal: some Terminal) throws(AtomicFileWriter.Failure) -> String {
        var shown = output
        var absolute = output.hasPrefix("/") ? output : terminal.currentDirectory + "/" + output
        if output.hasSuffix("/") || kind(of: absolute) == .directory {
            shown = (output.hasSuffix("/") ? output : output + "/") + fileNameInDirectory
            absolute = (absolute.hasSuffix("/") ? absolute : absolute + "/") + fileNameInDirectory
        }
        switch kind(of: absolute) {
        case .directory:
            throw AtomicFileWriter.Failure(message: "cannot write `\(shown)`: it is a directory")
        case .missing, .regularFile, .other:
            break
        }
        guard kind(of: parent(of: absolute)) == .directory else {
            throw AtomicFileWriter.Failure(message: "cannot write `\(shown)`: its directory does not exist "
                                           + "(import does not create directories)")
        }
        try AtomicFileWriter.replace(absolute, with: Array(source.utf8), shownAs: shown)
        return shown
    }

    private enum Kind: Equatable {
        case missing
        case directory
        case regularFile
        /// A dangling symbolic link, a socket, a device…
        case other
    }

    /// What is at `path`, following symbolic links: a link to a directory is a directory to write into.
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
}
