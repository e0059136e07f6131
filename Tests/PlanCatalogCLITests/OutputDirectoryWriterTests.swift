import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

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

    @Test("a file that differs from the previous one part way is written whole, the matched part included",
          arguments: ["changed in the middle", "cut short", "longer", "emptied"])
    func differsPartWay(previous kind: String) throws {
        let output = try Self.build()
        let directory = try TemporaryDirectory()
        let writer = OutputDirectoryWriter(directory: directory.path + "/out")
        _ = try writer.write(output, chunkSize: 64)
        let path = directory.path + "/out/catalog.json"
        var previous = Array(try #require(FileManager.default.contents(atPath: path)))
        switch kind {
        case "changed in the middle": previous[previous.count / 2] ^= 0x20
        case "cut short": previous.removeLast(previous.count / 3)
        case "longer": previous += Array("more\n".utf8)
        default: previous = []
        }
        try Data(previous).write(to: URL(fileURLWithPath: path))
        let report = try writer.write(output, chunkSize: 64)
        #expect(report.written == ["catalog.json"])
        #expect(report.unchanged == output.paths.filter { $0 != "catalog.json" })
        #expect(FileManager.default.contents(atPath: path) == Data(try #require(output.file(at: "catalog.json")).bytes))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out").sorted()
            == ["catalog.json", "entitlements.json", "pricing-tables"])
    }

    @Test("a build written in small chunks over its own files changes none of them")
    func rebuildInChunks() throws {
        let output = try Self.build()
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

    /// The shipped catalogs/freemium-to-enterprise.plancat, built.
    private static func build() throws -> BuildOutput {
        let root = PackageRoot.url
        let source = try String(contentsOf: root.appendingPathComponent("catalogs/freemium-to-enterprise.plancat"),
                                encoding: .utf8)
        let result = CatalogCompiler.build([SourceFile(path: "pro.plancat", text: source)])
        return try #require(result.output, "\(result.check.diagnostics)")
    }
}
