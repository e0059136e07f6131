import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// The writer compares each new file with the one it replaces as the chunks come, rather than reading the
/// old file whole: a file is unchanged only when every byte and the length agree, and whatever the
/// verdict no temporary file is left.
@Suite struct OutputDirectoryWriterTests {
    @Test("a file that only begins or only ends like the previous one is replaced",
          arguments: [("same\n", "same\n", true), ("same\nand more\n", "same\n", false),
                      ("same\n", "same\nand more\n", false), ("", "new\n", false), ("sane\n", "same\n", false)])
    func comparesWholeFiles(previous: String, next: String, isUnchanged: Bool) throws {
        let directory = try TemporaryDirectory(["out/catalog.json": previous])
        let writer = OutputDirectoryWriter(directory: directory.path + "/out")
        let report = try writer.write([OutputFile(path: "catalog.json", bytes: Array(next.utf8))])
        #expect(report.unchanged == (isUnchanged ? ["catalog.json"] : []))
        #expect(report.written == (isUnchanged ? [] : ["catalog.json"]))
        #expect(try String(contentsOfFile: directory.path + "/out/catalog.json", encoding: .utf8) == next)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out") == ["catalog.json"])
    }

    @Test("a build written in small chunks over its own files changes none of them")
    func rebuildInChunks() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let source = try String(contentsOf: root.appendingPathComponent("catalogs/freemium-to-enterprise.plancat"),
                                encoding: .utf8)
        let result = CatalogCompiler.build([SourceFile(path: "pro.plancat", text: source)])
        let output = try #require(result.output, "\(result.check.diagnostics)")
        let directory = try TemporaryDirectory()
        let writer = OutputDirectoryWriter(directory: directory.path + "/out")
        let first = try writer.write(output, chunkSize: 64)
        #expect(first.written == output.paths)
        let second = try writer.write(output, chunkSize: 64)
        #expect(second.unchanged == output.paths && second.written.isEmpty)
        for file in output.files {
            #expect(FileManager.default.contents(atPath: directory.path + "/out/" + file.path) == Data(file.bytes))
        }
    }
}
