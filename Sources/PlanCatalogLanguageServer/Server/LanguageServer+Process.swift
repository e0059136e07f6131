#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension LanguageServer {
    /// Serves the client on the process's standard input and output, logging on standard error, and
    /// returns the exit status (`run(input:)`). A write that fails (the client went away) is logged once
    /// and the rest of the output dropped; the loop ends when the input does.
    public static func runOnStandardStreams(serverVersion: String) -> Int32 {
        var outputFailed = false
        let server = LanguageServer(serverVersion: serverVersion, output: { bytes in
            guard !outputFailed else { return }
            if !writeAll(bytes, to: STDOUT_FILENO) {
                outputFailed = true
                _ = writeAll(Array("plancat lsp: cannot write to standard output\n".utf8), to: STDERR_FILENO)
            }
        }, log: { line in
            _ = writeAll(Array("plancat lsp: \(line)\n".utf8), to: STDERR_FILENO)
        })
        return server.run(input: FileDescriptorInput(descriptor: STDIN_FILENO))
    }

    /// Writes every byte, retrying after a signal and after a short write; false on any other failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count > 0 { written += count } else if count < 0, errno == EINTR { continue } else { return false }
        }
        return true
    }
}
