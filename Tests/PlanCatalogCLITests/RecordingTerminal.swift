import Foundation
import PlanCatalogCLI

/// An in-memory terminal: what a command wrote to each stream, and the environment it is given.
final class RecordingTerminal: Terminal {
    var standardOutput = ""
    var standardError = ""
    var interactiveStreams: Set<TerminalStream> = []
    var environment: [String: String] = [:]
    var currentDirectory: String
    var standardInput: [UInt8] = []

    init(currentDirectory: String) {
        self.currentDirectory = currentDirectory
    }

    func write(_ text: String, to stream: TerminalStream) {
        switch stream {
        case .standardOutput: standardOutput += text
        case .standardError: standardError += text
        }
    }

    func isInteractive(_ stream: TerminalStream) -> Bool { interactiveStreams.contains(stream) }

    func readStandardInput() throws -> [UInt8] { standardInput }
}
