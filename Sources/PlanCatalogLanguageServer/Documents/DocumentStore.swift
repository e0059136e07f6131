import Foundation
import PlanCatalog

/// The documents the client has open, by URI: their text as the editor holds it, which wins over the
/// file on disk until the document is closed.
struct DocumentStore {
    struct Document {
        /// The URI exactly as the client sent it; what the server answers with.
        let uri: String
        /// The file's path, for a `file:` URI; nil for any other scheme (an unsaved buffer).
        let path: String?
        var version: Int?
        var bytes: [UInt8]
    }

    private(set) var documents: [String: Document] = [:]

    subscript(uri: String) -> Document? { documents[uri] }

    mutating func open(uri: String, version: Int?, text: String) {
        documents[uri] = Document(uri: uri, path: Self.path(ofURI: uri), version: version, bytes: Array(text.utf8))
    }

    /// Replaces an open document's text; false when the document is not open.
    mutating func change(uri: String, version: Int?, text: String) -> Bool {
        guard documents[uri] != nil else { return false }
        documents[uri]?.version = version
        documents[uri]?.bytes = Array(text.utf8)
        return true
    }

    mutating func close(uri: String) -> Document? {
        documents.removeValue(forKey: uri)
    }

    /// The open document at a path, if one is.
    func document(atPath path: String) -> Document? {
        documents.values.first { $0.path == path }
    }

    /// The path of a `file:` URI, its percent escapes decoded; nil for another scheme.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.scheme?.lowercased() == "file", url.isFileURL else { return nil }
        let path = url.path
        return path.isEmpty ? nil : path
    }

    /// The URI of a path: an open document's own URI when one is open there, else a `file:` URI.
    func uri(ofPath path: String) -> String {
        document(atPath: path)?.uri ?? URL(fileURLWithPath: path).absoluteString
    }
}

extension LanguageServer {
    /// The open document a request's `textDocument.uri` names: what every request about one document
    /// starts from. A request without the URI is invalid (-32602); one about a document that is not open
    /// gets nil, and the handler answers with an empty result, as LSP allows.
    func openDocument(in params: JSONValue?, for method: String) throws(ResponseError) -> DocumentStore.Document? {
        guard case .string(let uri)? = params?["textDocument"]?["uri"] else {
            throw .invalidParams("\(method) needs `textDocument.uri`")
        }
        guard let document = documents[uri] else {
            log("\(method) of a document that is not open: an empty result")
            return nil
        }
        return document
    }
}
