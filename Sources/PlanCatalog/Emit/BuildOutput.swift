/// Everything `plancat build` writes for one catalog: catalog.json, entitlements.json and one public
/// file per pricing table, under their paths relative to the output directory.
///
/// The files are derived from the catalog document alone, so a deployed catalog.json yields the same
/// files as the source it was built from.
///
/// Their bytes are made only when asked for, and can be had two ways: whole, in memory (`files`,
/// `file(at:)`), or a chunk at a time (`write(to:)`), which is how `plancat build` writes them. For a
/// large catalog the files run to hundreds of megabytes, which need never be held at once; and `diff`
/// and `import`, which build a catalog only for its document, never pay for the bytes at all.
public struct BuildOutput: Sendable {
    /// catalog.json's path.
    public static let catalogPath = "catalog.json"
    /// entitlements.json's path.
    public static let entitlementsPath = "entitlements.json"
    /// The directory of the public pricing tables.
    public static let pricingTablesDirectory = "pricing-tables"
    /// How many bytes `write(to:)` gathers before handing them on, unless told otherwise.
    public static let defaultChunkSize = 1 << 20

    public let document: CatalogDocument
    /// catalog.json, entitlements.json, then pricing-tables/SLUG.json in the document's order (by slug).
    public let paths: [String]

    public init(document: CatalogDocument) {
        self.document = document
        paths = [Self.catalogPath, Self.entitlementsPath]
            + document.pricingTables.map { Self.pricingTablePath(slug: $0.slug) }
    }

    /// `pricing-tables/SLUG.json`.
    public static func pricingTablePath(slug: String) -> String { "\(pricingTablesDirectory)/\(slug).json" }

    /// Every file with its bytes, in the order of `paths`.
    public var files: [OutputFile] {
        var lookup: CatalogDocumentIndex?
        return paths.indices.map { OutputFile(path: paths[$0], bytes: bytes(ofFile: $0, lookup: &lookup)) }
    }

    /// The file at a relative path, if the build has one.
    public func file(at path: String) -> OutputFile? {
        guard let index = paths.firstIndex(of: path) else { return nil }
        var lookup: CatalogDocumentIndex?
        return OutputFile(path: path, bytes: bytes(ofFile: index, lookup: &lookup))
    }

    /// Writes every file into `sink`, in the order of `paths`: each one's bytes in chunks of about
    /// `chunkSize` bytes, so that no file is ever held whole. A failure of the sink stops the writing.
    public func write<Sink: BuildOutputSink>(to sink: inout Sink,
                                             chunkSize: Int = defaultChunkSize) throws(Sink.Failure) {
        try write(paths, to: &sink, chunkSize: chunkSize)
    }

    /// Writes the files at `selected` (paths of `paths`, any others skipped) into `sink`, in that order,
    /// as `write(to:)` writes each. Files written together share what they look up, which the pricing
    /// tables of a large catalog would otherwise each work out again; writing two sets at once, from two
    /// threads, is safe.
    public func write<Sink: BuildOutputSink>(_ selected: [String], to sink: inout Sink,
                                             chunkSize: Int = defaultChunkSize) throws(Sink.Failure) {
        var lookup: CatalogDocumentIndex?
        let indices = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for path in selected {
            guard let index = indices[path] else { continue }
            try write(file: index, to: &sink, chunkSize: chunkSize, lookup: &lookup)
        }
    }

    /// Writes the one file at a relative path into `sink`, as `write(to:)` writes each; returns false,
    /// writing nothing, when the build has no such file.
    public func write<Sink: BuildOutputSink>(fileAt path: String, to sink: inout Sink,
                                             chunkSize: Int = defaultChunkSize) throws(Sink.Failure) -> Bool {
        guard let index = paths.firstIndex(of: path) else { return false }
        var lookup: CatalogDocumentIndex?
        try write(file: index, to: &sink, chunkSize: chunkSize, lookup: &lookup)
        return true
    }

    // MARK: Writing

    private func write<Sink: BuildOutputSink>(file index: Int, to sink: inout Sink, chunkSize: Int,
                                              lookup: inout CatalogDocumentIndex?) throws(Sink.Failure) {
        try sink.beginFile(at: paths[index])
        // Room for a chunk and the record that takes it past `chunkSize`, so the buffer never grows.
        var stream = JSONWriter.Stream(capacity: chunkSize + chunkSize / 4)
        // The serializers do not throw (they are not generic over the sink's failure, which kept them
        // from being specialized); the first failure is kept here, and once there is one the rest of the
        // file is made but no longer handed on.
        var failure: Sink.Failure?
        func drain(_ stream: inout JSONWriter.Stream) {
            guard failure == nil else { return stream.discard() }
            do throws(Sink.Failure) {
                try stream.drain { chunk throws(Sink.Failure) in try sink.write(chunk) }
            } catch {
                failure = error
            }
        }
        write(file: index, to: &stream, lookup: &lookup) { stream in
            if stream.count >= chunkSize { drain(&stream) }
        }
        stream.finishDocument()
        drain(&stream)
        if let failure { throw failure }
        try sink.endFile()
    }

    /// The whole file, in memory.
    private func bytes(ofFile index: Int, lookup: inout CatalogDocumentIndex?) -> [UInt8] {
        var stream = JSONWriter.Stream()
        write(file: index, to: &stream, lookup: &lookup, betweenRecords: { _ in })
        return stream.finishedDocument()
    }

    /// Writes file `index` of `paths`, without its final newline, calling `betweenRecords` wherever the
    /// bytes so far may be drained. `lookup` is the pricing tables' index, made the first time a table
    /// needs it and then shared by the others.
    private func write(file index: Int, to stream: inout JSONWriter.Stream, lookup: inout CatalogDocumentIndex?,
                       betweenRecords: JSONWriter.Stream.RecordBoundary) {
        switch index {
        case 0:
            document.write(to: &stream, betweenRecords: betweenRecords)
        case 1:
            EntitlementsDocument(document).write(to: &stream, betweenRecords: betweenRecords)
        default:
            let table = PublicPricingTable(document.pricingTables[index - 2], in: document,
                                           lookup: rowIndex(&lookup))
            table.write(to: &stream, betweenRecords: betweenRecords)
        }
    }

    /// The index the pricing tables' rows read, made the first time a table needs it: of the part of the
    /// document the rows read (`rowSubset`), which for a large catalog is a small part.
    private func rowIndex(_ lookup: inout CatalogDocumentIndex?) -> CatalogDocumentIndex {
        if let lookup { return lookup }
        let planIDs = document.pricingTables.flatMap { table in table.planConfigs.map(\.planID) }
        let made = CatalogDocumentIndex(document.rowSubset(planIDs: Set(planIDs)))
        lookup = made
        return made
    }
}

/// Where `BuildOutput.write(to:)` puts a build's files: a directory of temporary files for
/// `plancat build`, standard output for `--print`.
///
/// Each file is announced, then given in chunks, then ended. A chunk always ends between two records of
/// the file (or at its end), never inside a string, so each chunk is whole UTF-8 text by itself.
public protocol BuildOutputSink {
    associatedtype Failure: Error
    /// A new file begins, at a path relative to the output directory.
    mutating func beginFile(at path: String) throws(Failure)
    /// The next bytes of the current file.
    mutating func write(_ chunk: UnsafeRawBufferPointer) throws(Failure)
    /// The current file is complete.
    mutating func endFile() throws(Failure)
}

/// One file of a build: its path relative to the output directory, and its exact bytes.
public struct OutputFile: Equatable, Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

extension CatalogCompiler {
    /// Checks a catalog and, when it has no errors, builds its document; the output's bytes are made when
    /// asked for. Warnings do not stop a build.
    public static func build(_ files: [SourceFile]) -> BuildResult {
        let check = check(files)
        guard !check.hasErrors else { return BuildResult(check: check, output: nil) }
        let document = CatalogDocument(compiling: check.catalog)
        return BuildResult(check: check, output: BuildOutput(document: document))
    }
}

/// What building one catalog produced.
public struct BuildResult: Sendable {
    public let check: CheckResult
    /// Nil when the catalog has errors: nothing is emitted from a catalog that does not check.
    public let output: BuildOutput?
}
