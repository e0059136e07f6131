import Foundation
import PlanCatalogCLI

/// A temporary directory with some files, removed when the test is done with it.
final class TemporaryDirectory {
    let path: String

    init(_ files: [String: String] = [:]) throws {
        path = NSTemporaryDirectory() + "plancat-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, contents) in files {
            let file = path + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: URL(fileURLWithPath: file))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Runs `plancat` with these arguments in this directory.
    func run(_ arguments: [String], configure: (RecordingTerminal) -> Void = { _ in })
        -> (status: Int32, terminal: RecordingTerminal) {
        let terminal = RecordingTerminal(currentDirectory: path)
        configure(terminal)
        let status = PlanCatalogCLI.run(arguments: arguments, terminal: terminal)
        return (status, terminal)
    }
}
