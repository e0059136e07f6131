import PlanCatalog

/// The command line a command was run with, so that a suggested command can be the user's own with one
/// PATH changed: after `plancat build catalogs/ -o build`, `plancat build catalogs/teamspace -o build`.
///
/// A suggestion dropping the options the user typed would not do what they asked when pasted (`diff`
/// without `--against-ref` is a usage error). The suggestions are worded deep in code that `build` and
/// `diff` share, which is handed only operands; so the command line is set once per run, as a task-local
/// value (`current`) by `PlanCatalogCLI`, rather than threaded through every command. Task-local, not
/// global: tests run many commands at once in one process.
struct CommandInvocation: Sendable {
    /// `build`.
    let commandName: String
    /// The command's arguments exactly as given, after the command's name.
    let arguments: [String]
    /// Where each operand stands in `arguments`.
    let operandPositions: [Int]

    /// The command line being run, if any.
    @TaskLocal static var current: CommandInvocation?

    /// `plancat COMMAND …` with the operand `original` replaced by `replacement`, or with `replacement`
    /// added right after the command's name when the user gave no operand (it then named the default).
    /// Every argument that the shell would change is quoted, so that the line can be pasted as it is;
    /// control and invisible characters (a path's newline) are shown as `�`, so that it stays one line.
    func suggestion(replacingOperand original: String?, with replacement: String) -> String {
        var words = arguments
        if let original, let position = operandPositions.first(where: { arguments[$0] == original }) {
            words[position] = replacement
        } else {
            words.insert(replacement, at: 0)
        }
        return TerminalText.neutralised((["plancat", commandName] + words).map(Self.shellQuoted).joined(separator: " "))
    }

    /// `word` as a POSIX shell reads it back: unchanged when it holds only characters no shell treats
    /// specially, else in single quotes (a `'` inside written `'\''`).
    static func shellQuoted(_ word: String) -> String {
        let plain = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@%+=:,./-"
        if !word.isEmpty, word.allSatisfy({ plain.contains($0) }) { return word }
        return "'" + word.map { $0 == "'" ? "'\\''" : String($0) }.joined() + "'"
    }
}
