import Foundation
import PlanCatalog

extension LanguageServer {
    /// Where a diagnostic's `codeDescription` links: Docs/Diagnostics.md, where each code has a section
    /// whose anchor is its lower-cased code (`#e0401`), the text `plancat explain CODE` prints.
    public static let diagnosticsDocumentation = "https://github.com/plancat/plancat/blob/main/Docs/Diagnostics.md"

    /// `textDocument/publishDiagnostics` for every file of the catalog of the open document `uri`: the
    /// compiler's diagnostics (`CatalogCompiler.check`, scenario `expect` mismatches included) for each
    /// file, an empty list for a file without any — which clears what was published before — and an
    /// empty list for each file in `cleared` and each file published last time that left the catalog.
    func publishDiagnostics(forCatalogOf uri: String, cleared: Set<String> = []) {
        guard let document = documents[uri] else { return }
        let started = ContinuousClock.now
        let analysis = analysis(of: document)
        let catalog = analysis.catalog, result = analysis.result
        var byFile: [String: [JSONValue]] = [:]
        for diagnostic in result.diagnostics {
            byFile[result.files[diagnostic.location.file].path, default: []].append(json(of: diagnostic, in: result.files))
        }
        let files = Set(catalog.files.map(\.path)).subtracting(cleared)
        for file in files.sorted() {
            publish(byFile[file] ?? [], forFile: file, uri: self.uri(ofFile: file))
        }
        for file in (publishedFiles[catalog.key] ?? []).union(cleared).subtracting(files).sorted() {
            publish([], forFile: file, uri: self.uri(ofFile: file))
        }
        publishedFiles[catalog.key] = files
        log("checked \(catalog.key): \(catalog.files.count) file(s), \(result.diagnostics.count) diagnostic(s), "
            + "published in \(started.duration(to: .now))")
    }

    /// One `publishDiagnostics` notification; an open document's version goes with it.
    func publish(_ diagnostics: [JSONValue], forFile file: String, uri: String) {
        var params: [JSONValue.Member] = [.init("uri", .string(uri))]
        if let version = documents[uri]?.version { params.append(.init("version", .number(version))) }
        params.append(.init("diagnostics", .array(diagnostics)))
        writer.send(Response.notification("textDocument/publishDiagnostics", params: .object(params)))
    }

    /// The URI to publish a file's diagnostics under: the open document's own, else its `file:` URI. A
    /// file named by something other than a path is an open document named by its URI.
    func uri(ofFile file: String) -> String {
        file.hasPrefix("/") ? documents.uri(ofPath: file) : file
    }

    /// An LSP Diagnostic: the range in the negotiated encoding, the code with its explanation's link,
    /// notes with a place as related information. The label, the help and notes without a place are
    /// added to the message, one line each, as `plancat check` shows them under it.
    func json(of diagnostic: Diagnostic, in files: FileTable) -> JSONValue {
        var message = diagnostic.message
        if let label = diagnostic.label, !label.isEmpty { message += "\n\(label)" }
        for note in diagnostic.notes where note.location == nil { message += "\nnote: \(note.message)" }
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        let related: [JSONValue] = diagnostic.notes.compactMap { note in
            guard let location = note.location else { return nil }
            return .object([
                .init("location", .object([.init("uri", .string(uri(ofFile: files.path(of: location)))),
                                           .init("range", range(of: location, in: files))])),
                .init("message", .string(note.message)),
            ])
        }
        let code = diagnostic.code.rawValue
        var members: [JSONValue.Member] = [
            .init("range", range(of: diagnostic.location, in: files)),
            .init("severity", .number(diagnostic.severity == .error ? 1 : 2)),
            .init("code", .string(code)),
            .init("codeDescription", .object([.init("href", .string(Self.diagnosticsDocumentation + "#" + code.lowercased()))])),
            .init("source", "plancat"),
            .init("message", .string(message)),
        ]
        if !related.isEmpty { members.append(.init("relatedInformation", .array(related))) }
        return .object(members)
    }

    private func range(of location: SourceLocation, in files: FileTable) -> JSONValue {
        positionEncoding.range(of: location.span, in: files[location.file])
    }
}
