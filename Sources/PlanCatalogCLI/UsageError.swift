/// A command line that cannot be run as written: an unknown command or option, a missing or invalid
/// value. It ends the run with exit status 64 and a message on standard error, never a guess.
struct UsageError: Error {
    /// One line saying what is wrong: "unknown option `--diagnostic`".
    let message: String
    /// What to do instead, when something close exists: "did you mean `--diagnostics`?".
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
