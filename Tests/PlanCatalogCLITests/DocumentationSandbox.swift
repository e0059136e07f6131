import Foundation
import PlanCatalogCLI

/// Where the documentation's commands run: a temporary directory that looks like the repository root —
/// a symbolic link to each of its top-level entries — but has its own `build/`, so that a page may show
/// `plancat build` (and then read what it built) without writing into the checkout, and paths print
/// exactly as a reader at the repository root would see them.
///
/// The checkout's own `build/`, `.build/`, `.git` and other dot-entries are left out: what a command
/// prints must not depend on what happened to be built or committed before.
final class DocumentationSandbox {
    let repository: String
    let path: String

    init(repository: String) throws {
        self.repository = repository
        path = NSTemporaryDirectory() + "plancat-docs-" + UUID().uuidString
        let manager = FileManager.default
        try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        for entry in try manager.contentsOfDirectory(atPath: repository).sorted()
        where !entry.hasPrefix(".") && entry != "build" {
            try manager.createSymbolicLink(atPath: path + "/" + entry, withDestinationPath: repository + "/" + entry)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    struct MissingInput: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs the command here and returns what it wrote, both streams interleaved.
    func run(_ command: ShownCommand) throws -> String {
        var input: [UInt8] = []
        if let file = command.standardInput {
            guard let data = FileManager.default.contents(atPath: path + "/" + file) else {
                throw MissingInput(description: "no file `\(file)` to read standard input from")
            }
            input = Array(data)
        }
        let terminal = TranscriptTerminal(currentDirectory: path, standardInput: input)
        _ = PlanCatalogCLI.run(arguments: command.arguments, terminal: terminal)
        return terminal.transcript
    }
}
