/// Why a catalog.json cannot be read, and where: a JSON path into the document (`$.plans[2].isFree`)
/// for a document that is JSON but not a valid catalog, or a line and column for bytes that are not JSON.
///
/// A path rather than a line is given for the first kind because the document is a value by then (it may
/// not even come from a file: `init(jsonValue:)`), and a path says which record and field to fix however
/// the file is laid out.
public struct CatalogDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Location: Equatable, Sendable {
        /// A JSON path: `$` is the document, `.key` a member, `[n]` an element.
        case path(String)
        /// Where the bytes stop being JSON (1-based; the column counts Unicode scalars).
        case position(line: Int, column: Int)
    }

    public let location: Location
    /// One line saying what is wrong: "expected true or false, found a string".
    public let message: String

    /// Secret API keys in the message or path are masked (`sk_live_••••`, as `SecretScanner` shows them):
    /// messages quote what the document holds (`unknown key …`, `duplicate key …`), and whatever holds
    /// a key, the error that reports it is printed to a terminal or a CI log.
    public init(location: Location, message: String) {
        switch location {
        case .path(let path): self.location = .path(SecretScanner.masked(path))
        case .position: self.location = location
        }
        self.message = SecretScanner.masked(message)
    }

    init(path: String, message: String) {
        self.init(location: .path(path), message: message)
    }

    /// The bytes are not JSON.
    init(syntax error: JSONParseError) {
        self.init(location: .position(line: error.line, column: error.column), message: error.message)
    }

    /// The JSON path, when the document is JSON.
    public var path: String? {
        if case .path(let path) = location { return path }
        return nil
    }

    /// `$.plans[2].isFree: expected true or false, found a string`, or
    /// `not JSON: line 3, column 15: expected …`.
    public var description: String {
        switch location {
        case .path(let path): "\(path): \(message)"
        case .position(let line, let column): "not JSON: line \(line), column \(column): \(message)"
        }
    }
}
