import Foundation
import PlanCatalog

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

    /// At most one byte past the largest input plancat accepts (a catalog.json), so that an endless
    /// stream cannot exhaust the memory; the command reports an input over its own limit.
    public func readStandardInput() throws -> [UInt8] {
        guard let bytes = BoundedFileReader.contents(ofDescriptor: STDIN_FILENO, limit: InputLimits.maximumJSONFileBytes)
        else { throw CocoaError(.fileReadUnknown) }
        return bytes
    }
}
