/// Writing the imported source into `-o OUT`, all or nothing.
///
/// The write itself is `AtomicFileWriter.replace`'s: the source goes, completely and synced, to a dot-file
/// beside OUT (`.acme.plancat.plancat-<pid>-<random>.tmp`, skipped by catalog discovery and globs) and is
/// renamed over OUT only then, so an editor, a `plancat check` or a CI job reading OUT sees the old file or
/// the new one, never half of either, and a failure leaves the old file as it was; so does SIGINT,
/// SIGTERM or another terminating signal before the rename (`InterruptHandler` removes the dot-file). An
/// existing OUT keeps its permission bits, and a symbolic link at OUT stays a link, as with `plancat fmt`. What is left here is
/// where the source goes: into a directory named by OUT, and never into a directory that does not exist,
/// because import does not create directories; and onto standard output for `-o -` and `-o /dev/stdout`,
/// which name the stream rather than a file to replace (a rename over /dev/stdout would replace the
/// link, or, through it, whatever file the shell redirected standard output into).
///
/// Only a regular file is ever replaced (`AtomicFileWriter.Target`): a device node, a FIFO, a socket, or
/// a link to one of them or to nothing, is refused with exit 73 and left as it is.
extension ImportCommand {
    /// The names of OUT that mean standard output: the source is printed, as without `-o`.
    static let standardOutputNames: Set<String> = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]

    /// Writes `source` (UTF-8) into OUT (or OUT/catalog.plancat for a directory) and returns the path written, as
    /// the user would name it.
    static func write(_ source: [UInt8], to output: String,
                      terminal: some Terminal) throws(AtomicFileWriter.Failure) -> String {
        var shown = output
        var absolute = output.hasPrefix("/") ? output : terminal.currentDirectory + "/" + output
        if output.hasSuffix("/") || FileEntry(at: absolute) == .directory {
            shown = (output.hasSuffix("/") ? output : output + "/") + fileNameInDirectory
            absolute = (absolute.hasSuffix("/") ? absolute : absolute + "/") + fileNameInDirectory
        }
        switch FileEntry(at: absolute) {
        case .directory:
            throw AtomicFileWriter.Failure(message: "cannot write `\(shown)`: it is a directory")
        case .missing, .regularFile, .other:
            break
        }
        guard FileEntry(at: FileEntry.parent(of: absolute)) == .directory else {
            throw AtomicFileWriter.Failure(message: "cannot write `\(shown)`: its directory does not exist "
                                           + "(import does not create directories)")
        }
        try AtomicFileWriter.replace(absolute, with: source, shownAs: shown)
        return shown
    }
}
