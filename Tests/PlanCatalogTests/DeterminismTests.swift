import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Outputs are byte-identical across runs, across the order in which a directory's files are listed or
/// given to the compiler, and between a catalog split over several files and the same catalog in one
/// file (OUTPUT.md; Docs/Language.md: "the order in which files are read never changes the result").
///
/// Diagnostics are held to the same standard, since a CI log or an editor's list that reorders itself
/// between runs reads as a change: the same files give the same diagnostics, and a split catalog gives
/// the one-file catalog's diagnostics at the same lines and columns, in other files.
@Suite struct DeterminismTests {
    static let catalogs = CatalogCorpus.catalogs

    /// Every corpus catalog, spread over three files; and every catalog directory of the corpus as it is.
    static let multiFileCatalogs: [CatalogCorpus.Catalog] = {
        let directories = catalogs.filter { $0.files.count > 1 }
        let split = catalogs.map { catalog in
            let parts = CatalogSplitter.split(catalog.sourceFiles(), into: 3)
            return CatalogCorpus.Catalog(name: "\(catalog.name), split in 3",
                                         files: parts.map { .init(path: $0.path, bytes: $0.bytes) })
        }
        return directories + split
    }()

    /// Diagnostics exactly as `--diagnostics json` prints them: files, positions, notes, fixes.
    static func rendered(_ check: CheckResult) -> String {
        JSONDiagnosticRenderer().render(check.diagnostics, in: check.files)
    }

    /// Diagnostics without their files: what must survive a split. Sorted, since diagnostics are ordered
    /// by file first and the split changes the files.
    ///
    /// The notes of an unclosed `{` (E0104) can be left out: the parser ends such a block before the next
    /// line indented like its statement and says so in a note, but only when that line is in the same
    /// file — in a split catalog it may be in another, and the block rightly ends with its own file.
    static func withoutFiles(_ check: CheckResult, ignoringUnclosedBraceNotes: Bool = false) -> [String] {
        func position(_ location: PlanCatalog.SourceLocation?) -> String {
            guard let location else { return "-" }
            let start = check.files.start(of: location), end = check.files.end(of: location)
            return "\(start.line):\(start.column)-\(end.line):\(end.column)"
        }
        return check.diagnostics.map { diagnostic in
            let ignoresNotes = ignoringUnclosedBraceNotes && diagnostic.code == .unclosedBrace
            let notes = ignoresNotes ? [] : diagnostic.notes.map { "\($0.message) @\(position($0.location))" }
            let fixes = diagnostic.fixes.map { fix in
                fix.message + fix.edits.map { " @\(position($0.location)) → \($0.replacement)" }.joined()
            }
            return ["\(diagnostic.code.rawValue) @\(position(diagnostic.location)): \(diagnostic.message)",
                    "label: \(diagnostic.label ?? "-")", "help: \(diagnostic.help ?? "-")",
                    "notes: \(notes)", "fixes: \(fixes)"].joined(separator: " | ")
        }.sorted()
    }

    // MARK: Across runs

    @Test("two fresh compiles give byte-identical files and diagnostics", arguments: catalogs)
    func repeatedBuildsAreIdentical(_ catalog: CatalogCorpus.Catalog) {
        let first = CatalogCompiler.build(catalog.sourceFiles())
        let second = CatalogCompiler.build(catalog.sourceFiles())
        #expect(first.output?.files == second.output?.files)
        #expect(Self.rendered(first.check) == Self.rendered(second.check))
    }

    // MARK: Across threads

    /// A large file is parsed on one thread while its statements are lowered on another, a region at a
    /// time; a small one on the calling thread, a statement at a time. Every corpus catalog, forced each
    /// way and in regions of 1, 3 and 64 statements, compiles to the same bytes and diagnostics: region
    /// boundaries fall inside statements' trailing comments, before `currency`, and between duplicates.
    @Test("a catalog compiles the same whether its files are parsed beside their lowering or not",
          arguments: catalogs)
    func pipelinedParsingGivesTheSameResult(_ catalog: CatalogCorpus.Catalog) {
        func build(pipelinedFileSize: Int, regionSize: Int) -> (files: [OutputFile]?, diagnostics: String) {
            let check = CatalogCompiler.check(catalog.sourceFiles(), pipelinedFileSize: pipelinedFileSize,
                                              regionSize: regionSize)
            let output = check.hasErrors ? nil : BuildOutput(document: CatalogDocument(compiling: check.catalog))
            return (output?.files, Self.rendered(check))
        }
        let serial = build(pipelinedFileSize: .max, regionSize: 1)
        for regionSize in [1, 3, 64] {
            let pipelined = build(pipelinedFileSize: 0, regionSize: regionSize)
            #expect(pipelined.files == serial.files, "in regions of \(regionSize)")
            #expect(pipelined.diagnostics == serial.diagnostics, "in regions of \(regionSize)")
        }
    }

    // MARK: Across the order of files

    /// Every rotation of the files, the reverse, and four shuffles drawn from the catalog's name.
    static func orders(of files: [SourceFile], seed: String) -> [[SourceFile]] {
        var orders = files.indices.map { Array(files[$0...] + files[..<$0]) }
        orders.append(files.reversed())
        var generator = SplitMix64(name: seed)
        for _ in 0..<4 { orders.append(files.shuffled(using: &generator)) }
        return orders
    }

    @Test("a catalog's files in any order give the same files and diagnostics", arguments: multiFileCatalogs)
    func fileOrderDoesNotMatter(_ catalog: CatalogCorpus.Catalog) {
        let files = catalog.sourceFiles()
        let expected = CatalogCompiler.build(files)
        for order in Self.orders(of: files, seed: catalog.name) {
            let result = CatalogCompiler.build(order)
            let shown = order.map(\.path).joined(separator: ", ")
            #expect(result.output?.files == expected.output?.files, "files given as \(shown)")
            #expect(Self.rendered(result.check) == Self.rendered(expected.check),
                    "files given as \(shown)")
        }
    }

    @Test("the corpus has catalog directories, and catalogs of both kinds among them")
    func corpusHasCatalogDirectories() {
        #expect(Self.catalogs.count { CatalogCompiler.build($0.sourceFiles()).output != nil } >= 10,
                "enough catalogs build that splitting them is tested on outputs")
        let directories = Self.catalogs.filter { $0.files.count > 1 }
        #expect(directories.count >= 2)
        #expect(directories.contains { CatalogCompiler.build($0.sourceFiles()).output != nil },
                "a catalog directory that builds, so file order is tested on outputs")
        #expect(directories.contains { CatalogCompiler.check($0.sourceFiles()).hasErrors },
                "a catalog directory with errors, so file order is tested on duplicates across files")
    }

    // MARK: Discovery

    /// A catalog directory written file by file in the order given, removed at the end of the test.
    final class DiskCatalog {
        let root: String

        init(_ files: [(path: String, bytes: [UInt8])], under base: String) throws {
            root = base + "/plancat-determinism-" + UUID().uuidString
            for file in files {
                let path = root + "/" + file.path
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        /// The one catalog discovery finds at `root/directory`, named as a user in `root` would.
        func discover(_ directory: String) throws -> CatalogDiscovery.CatalogFiles {
            let outcome = CatalogDiscovery(currentDirectory: root).discover([directory])
            #expect(outcome.failures.isEmpty)
            return try #require(outcome.catalogs.first)
        }
    }

    /// The shipped catalog directory, plus files of other shapes: nested directories, names that sort
    /// differently by bytes than by other rules (`Z` before `a`, `-` before `/`), and a non-ASCII name.
    static func directoryFiles() throws -> [(path: String, bytes: [UInt8])] {
        let teamspace = try #require(catalogs.first { $0.name == "catalogs/teamspace" })
        var files = teamspace.files.map { (path: "teamspace/" + $0.path.dropFirst("catalogs/teamspace/".count), bytes: $0.bytes) }
        for extra in ["Zeta.plancat", "plans-extra.plancat", "plans/extra.plancat", "a/b/c/deep.plancat", "été.plancat"] {
            files.append((path: "teamspace/" + extra, bytes: Array("# \(extra)\n".utf8)))
        }
        return files
    }

    /// Where to create the directories: the temporary directory, and a tmpfs where there is one. A file
    /// system that lists a directory in the order of a hash of the names (ext4) lists the same names the
    /// same way whatever order they were created in; tmpfs lists them by creation, so there the orders
    /// of creation below reach discovery as different listings.
    static let fileSystems: [String] = [NSTemporaryDirectory()]
        + ["/dev/shm"].filter { FileManager.default.isWritableFile(atPath: $0) }

    @Test("discovery lists a directory's files in one order, whatever order they were created in",
          arguments: fileSystems)
    func discoveryOrderDoesNotDependOnCreation(under base: String) throws {
        let files = try Self.directoryFiles()
        var generator = SplitMix64(name: "discovery")
        let creationOrders = [files, files.reversed(), files.shuffled(using: &generator), files.shuffled(using: &generator)]
        var found: [[String]] = []
        var outputs: [[OutputFile]?] = []
        for order in creationOrders {
            let disk = try DiskCatalog(order, under: base)
            let catalog = try disk.discover("teamspace")
            let paths = catalog.files.map(\.path)
            found.append(paths)
            #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "sorted by bytes")
            #expect(Set(paths) == Set(files.map(\.path)))
            outputs.append(CatalogCompiler.build(catalog.files).output?.files)
        }
        #expect(found.allSatisfy { $0 == found[0] }, "\(found)")
        #expect(outputs[0] != nil, "the directory builds")
        #expect(outputs.allSatisfy { $0 == outputs[0] })
    }

    // MARK: One file or several

    @Test("a catalog split over 2, 3 or 4 files builds the same bytes as in one file", arguments: catalogs)
    func splitCatalogBuildsTheSameBytes(_ catalog: CatalogCorpus.Catalog) {
        let whole = CatalogCompiler.build(catalog.sourceFiles())
        for count in 2...4 {
            let split = CatalogCompiler.build(CatalogSplitter.split(catalog.sourceFiles(), into: count))
            #expect(split.output?.files == whole.output?.files, "in \(count) files")
            // A catalog that builds has no duplicates, whose "later occurrence" is a matter of reading order.
            if whole.output != nil {
                #expect(Self.withoutFiles(split.check) == Self.withoutFiles(whole.check),
                        "in \(count) files")
            }
        }
    }

    /// Every diagnostic, errors included, at the same line and column with the same words, when the split
    /// keeps the statements in reading order: which of two duplicates is "the later" one is defined by
    /// that order (Docs/Diagnostics.md, E0205), so a split that reorders them rightly moves the report.
    @Test("a catalog split in order over 2, 3 or 4 files reports the same diagnostics, in other files",
          arguments: catalogs)
    func splitCatalogReportsTheSameDiagnostics(_ catalog: CatalogCorpus.Catalog) {
        let whole = CatalogCompiler.build(catalog.sourceFiles())
        for count in 2...4 {
            let split = CatalogCompiler.build(CatalogSplitter.split(catalog.sourceFiles(), into: count, layout: .inOrder))
            #expect(split.output?.files == whole.output?.files, "in \(count) files")
            #expect(Self.withoutFiles(split.check, ignoringUnclosedBraceNotes: true)
                        == Self.withoutFiles(whole.check, ignoringUnclosedBraceNotes: true),
                    "in \(count) files")
        }
    }

    @Test("the splitter spreads statements over every part, keeping every byte in exactly one")
    func splitterSpreadsEveryStatement() throws {
        let catalog = try #require(Self.catalogs.first { $0.name == "catalogs/freemium-to-enterprise.plancat" })
        let original = catalog.files[0].bytes
        let parts = CatalogSplitter.split(catalog.sourceFiles(), into: 4)
        #expect(parts.map(\.path) == ["split/catalog.plancat", "split/part-1-2.plancat", "split/part-1-3.plancat",
                                      "split/part-1-4.plancat"])
        for part in parts {
            let statements = Parser.parse(part).tree.statements
            #expect(statements.count >= 2, "\(part.path) holds \(statements.count) statements")
        }
        let roots = Parser.parse(parts[0]).tree.statements.map(\.keyword.text)
        #expect(roots.contains("catalog") && roots.contains("currency"))
        // Same lines everywhere; each non-blank byte of the original in exactly one part.
        let lineCount = original.count { $0 == UInt8(ascii: "\n") }
        #expect(parts.allSatisfy { $0.bytes.count { $0 == UInt8(ascii: "\n") } == lineCount })
        let visible = parts.map { $0.bytes.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") } }
        #expect(visible.map(\.count).reduce(0, +)
            == original.count { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") })
    }
}
