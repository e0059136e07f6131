import Foundation
import PlanCatalog

/// Reads a catalog.json named on the command line (a path, or `-` for standard input).
///
/// Shared by the commands that take a deployed or assembled catalog.json (`import FILE`, and
/// `diff --against FILE`), so that they all refuse the same inputs with the same words and exit statuses:
/// 66 for a file that is not there or cannot be read (a directory included: there is no file to read),
/// 65 for one that is not a valid catalog.json, with the reader's location — a line and column for bytes
/// that are not JSON, a JSON path for JSON that is not a catalog.
enum CatalogJSONInput {
    struct Failure: Error {
        /// One line without the `plancat: error:` prefix: "cannot read `deployed.json`: no such file".
        let message: String
        /// `ExitStatus.missingInput` (66) or `ExitStatus.invalidInputData` (65).
        let exitStatus: Int32
    }

    /// How messages name standard input.
    static let standardInputName = "<stdin>"

    /// Reads and parses the file; relative paths resolve against `terminal.currentDirectory`.
    static func read(_ path: String, terminal: some Terminal) -> Result<CatalogDocument, Failure> {
        let shown = path == "-" ? standardInputName : path
        let bytes: [UInt8]
        switch readBytes(path, terminal: terminal) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(failure)
        }
        do {
            return .success(try CatalogDocument(json: bytes))
        } catch {
            return .failure(Failure(message: "`\(shown)` is not a valid catalog.json: \(error.description)",
                                    exitStatus: ExitStatus.invalidInputData))
        }
    }

    private static func readBytes(_ path: String, terminal: some Terminal) -> Result<[UInt8], Failure> {
        func missing(_ reason: String) -> Result<[UInt8], Failure> {
            .failure(Failure(message: "cannot read `\(path)`: \(reason)", exitStatus: ExitStatus.missingInput))
        }
        if path == "-" {
            guard let bytes = try? terminal.readStandardInput() else {
                return .failure(Failure(message: "cannot read standard input", exitStatus: ExitStatus.missingInput))
            }
            return .success(bytes)
        }
        let absolute = path.hasPrefix("/") ? path : terminal.currentDirectory + "/" + path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            return missing("no such file")
        }
        if isDirectory.boolValue {
            return missing("it is a directory; name the catalog.json file in it")
        }
        guard FileManager.default.isReadableFile(atPath: absolute),
              let data = FileManager.default.contents(atPath: absolute) else {
            return missing("it is not readable (check its permissions)")
        }
        return .success(Array(data))
    }
}
