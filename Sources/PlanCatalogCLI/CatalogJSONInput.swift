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
        read(path, currentDirectory: terminal.currentDirectory, readStandardInput: { try terminal.readStandardInput() })
    }

    /// Reads and parses the file, without a terminal: `diff` reads a deployed file on another thread.
    static func read(_ path: String, currentDirectory: String,
                     readStandardInput: () throws -> [UInt8]) -> Result<CatalogDocument, Failure> {
        let shown = path == "-" ? standardInputName : path
        let bytes: [UInt8]
        switch readBytes(path, currentDirectory: currentDirectory, readStandardInput: readStandardInput) {
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

    /// Exit 65: the input is larger than any catalog.json plancat reads (`InputLimits`).
    private static func tooLarge(_ shown: String) -> Result<[UInt8], Failure> {
        let limit = InputLimits.maximumJSONFileBytes / (1024 * 1024 * 1024)
        return .failure(Failure(message: "`\(shown)` is larger than \(limit) GiB, the most a catalog.json may hold",
                                exitStatus: ExitStatus.invalidInputData))
    }

    private static func readBytes(_ path: String, currentDirectory: String,
                                  readStandardInput: () throws -> [UInt8]) -> Result<[UInt8], Failure> {
        func missing(_ reason: String) -> Result<[UInt8], Failure> {
            .failure(Failure(message: "cannot read `\(path)`: \(reason)", exitStatus: ExitStatus.missingInput))
        }
        if path == "-" {
            guard let bytes = try? readStandardInput() else {
                return .failure(Failure(message: "cannot read standard input", exitStatus: ExitStatus.missingInput))
            }
            return bytes.count > InputLimits.maximumJSONFileBytes ? tooLarge(standardInputName) : .success(bytes)
        }
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            return missing("no such file")
        }
        if isDirectory.boolValue {
            return missing("it is a directory; name the catalog.json file in it")
        }
        // A regular file's size is known before reading: one over the limit is refused without a read.
        if let size = try? FileManager.default.attributesOfItem(atPath: absolute)[.size] as? Int,
           size > InputLimits.maximumJSONFileBytes {
            return tooLarge(path)
        }
        guard let bytes = BoundedFileReader.contents(ofFile: absolute, limit: InputLimits.maximumJSONFileBytes) else {
            return missing("it is not readable (check its permissions)")
        }
        return bytes.count > InputLimits.maximumJSONFileBytes ? tooLarge(path) : .success(bytes)
    }
}
