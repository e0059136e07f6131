import PlanCatalogCLI

/// A terminal that records what a command writes the way a terminal window shows it: standard output and
/// standard error interleaved in the order they were written, as one transcript. Neither stream is
/// interactive and the environment is empty, so nothing is coloured.
final class TranscriptTerminal: Terminal {
    private(set) var transcript = ""
    let environment: [String: String] = [:]
    let currentDirectory: String
    private let input: [UInt8]

    init(currentDirectory: String, standardInput: [UInt8]) {
        self.currentDirectory = currentDirectory
        input = standardInput
    }

    func write(_ text: String, to stream: TerminalStream) { transcript += text }

    func isInteractive(_ stream: TerminalStream) -> Bool { false }

    func readStandardInput() throws -> [UInt8] { input }
}
