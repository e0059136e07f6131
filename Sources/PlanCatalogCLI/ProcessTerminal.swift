import Foundation
import PlanCatalog
#if canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#elseif canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Musl)
import Musl
private let systemWrite = Musl.write
#endif

/// The terminal of the running process: file descriptors 1 and 2, the process environment and the
/// working directory.
///
/// Output goes through `write(2)` directly. `FileHandle.write(_:)` traps on any error, so a full disk
/// (`> /dev/full`) or a closed pipe ended plancat with SIGILL and exit 70, a bug report for what is the
/// environment's problem (issue 18). Here a failed write is remembered instead, nothing more is written
/// to that stream, and `PlanCatalogCLI.main()` exits 74 (`outputStreamFailure`) once the command is done.
public final class ProcessTerminal: Terminal {
    /// A stream that could not be written, and why (`errno`).
    public struct WriteFailure: Sendable, Equatable {
        public let stream: TerminalStream
        public let errorNumber: Int32

        /// The reader went away (`plancat … | head -1`): no one to tell, so nothing is said.
        public var isClosedPipe: Bool { errorNumber == EPIPE }

        /// "cannot write to standard output: No space left on device".
        public var message: String {
            let name = stream == .standardOutput ? "standard output" : "standard error"
            return "cannot write to \(name): \(String(cString: strerror(errorNumber)))"
        }
    }

    /// The first failed write, if any; the stream it names is written no more.
    public var writeFailure: WriteFailure? { lock.withLock { firstFailure } }
    private var firstFailure: WriteFailure?
    private var failedStreams: Set<TerminalStream> = []
    /// Guards the two above: a command may write from more than one thread.
    private let lock = NSLock()

    public init() {}

    public func write(_ text: String, to stream: TerminalStream) {
        guard !text.isEmpty, !lock.withLock({ failedStreams.contains(stream) }) else { return }
        let descriptor = stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO
        var text = text
        let errorNumber: Int32? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        guard let errorNumber else { return }
        lock.withLock {
            failedStreams.insert(stream)
            if firstFailure == nil { firstFailure = WriteFailure(stream: stream, errorNumber: errorNumber) }
        }
    }

    /// The exit status of a run whose command returned `status`: 74 when a stream could not be written,
    /// after saying so on standard error when that is still possible and the failure was not a closed pipe.
    /// A command whose output or diagnostics were lost has not done what it was asked, whatever it found.
    public func finalStatus(_ status: Int32) -> Int32 {
        guard let writeFailure else { return status }
        if writeFailure.stream == .standardOutput, !writeFailure.isClosedPipe {
            write("plancat: error: \(writeFailure.message)\n", to: .standardError)
        }
        return ExitStatus.outputStreamFailure
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
