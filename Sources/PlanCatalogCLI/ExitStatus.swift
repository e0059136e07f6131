/// The exit statuses of CLI.md, named. They follow BSD `sysexits.h` where one fits (64 usage, 65 bad
/// data, 66 no input, 70 internal software error, 73 cannot create output), so that scripts and CI can
/// tell a user's mistake from a catalog's problems and from a bug in plancat.
public enum ExitStatus {
    /// Success; for `diff`, no changes; for `fmt --check`, every file formatted.
    public static let success: Int32 = 0
    /// A catalog has errors (or warnings, with `--warnings-as-errors`); `fmt --check` found unformatted
    /// files; `diff --fail-on-breaking` found a breaking change.
    public static let failure: Int32 = 1
    /// `diff --detailed-exitcode` found changes and no errors.
    public static let changesFound: Int32 = 2
    /// An unknown command or option, a missing or invalid argument.
    public static let usageError: Int32 = 64
    /// A deployed catalog or an imported file is not a valid catalog.json.
    public static let invalidInputData: Int32 = 65
    /// An input file or directory does not exist or cannot be read. It wins over `failure`: a run that
    /// could not read all of its input has not checked what it was asked to.
    public static let missingInput: Int32 = 66
    /// A bug in plancat: a trap caught by the crash handler.
    public static let internalError: Int32 = 70
    /// An output file or directory cannot be created or written (`sysexits.h` `EX_CANTCREAT`): the
    /// environment's problem — a file where the directory should be, permissions, a full disk — and not
    /// the catalog's, so a script can tell "fix the catalog" (1) from "fix the machine" (73).
    public static let cannotCreateOutput: Int32 = 73
    /// Standard output or standard error could not be written (`sysexits.h` `EX_IOERR`): a full disk
    /// (`> /dev/full`), a closed pipe (`| head -1`), a broken terminal. Not 73, which names a file
    /// plancat was asked to create: here what the command said was lost, so the run did not do its job.
    public static let outputStreamFailure: Int32 = 74
}
