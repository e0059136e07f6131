import PlanCatalog

/// Everything a command touches outside the library: its output streams, whether they are terminals,
/// the environment, standard input and the current directory.
///
/// Commands reach the world only through this, so tests drive the whole CLI in memory (swift-format and
/// SwiftPM keep their executables thin for the same reason); `ProcessTerminal` is the real one.
public protocol Terminal {
    /// Writes text exactly as given (commands end their lines themselves).
    func write(_ text: String, to stream: TerminalStream)
    /// Whether the stream is an interactive terminal, which decides `--color auto`.
    func isInteractive(_ stream: TerminalStream) -> Bool
    var environment: [String: String] { get }
    /// The directory relative paths are resolved against.
    var currentDirectory: String { get }
    /// All of standard input, for the PATH `-`.
    func readStandardInput() throws -> [UInt8]
}

/// The two output streams: a command's product goes to standard output, everything said about the run
/// (diagnostics, usage errors) to standard error.
public enum TerminalStream: Sendable, Hashable {
    case standardOutput
    case standardError
}

/// How bad a line `Terminal.report` writes is: `plancat: error: …`, `plancat: warning: …`, `plancat: note: …`.
enum ReportKind: String {
    case error, warning, note
}

extension Terminal {
    /// One line on standard error, `plancat: KIND: message`, with the message's unsafe characters shown as
    /// `�` (`TerminalText`): messages quote paths and arguments, and a file named with an escape sequence,
    /// a newline or a right-to-left override must neither drive the terminal nor forge a line.
    func report(_ kind: ReportKind, _ message: String) {
        write("plancat: \(kind.rawValue): " + TerminalText.neutralised(message) + "\n", to: .standardError)
    }
}
