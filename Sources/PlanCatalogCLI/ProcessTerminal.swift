import Foundation

/// The terminal of the running process: file descriptors 1 and 2, the process environment and the
/// working directory.
public final class ProcessTerminal: Terminal {
    public init() {}

    public func write(_ text: String, to stream: TerminalStream) {
        guard !text.isEmpty else { return }
        let handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    public func isInteractive(_ stream: TerminalStream) -> Bool {
        isatty(stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1
    }

    public var environment: [String: String] { ProcessInfo.processInfo.environment }

    public var currentDirectory: String { FileManager.default.currentDirectoryPath }

    public func readStandardInput() throws -> [UInt8] {
        [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
    }
}
