import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat build` of one catalog, run again into another directory — and from a copy of its files
/// written in the opposite order — writes the same bytes: the determinism the library's tests prove,
/// seen where a deploy step sees it, through the command and its atomic writer.
@Suite struct BuildDeterminismTests {
    /// The package's root, from this file's place in it.
    private static let packageRoot = PackageRoot.url

    /// The shipped catalogs, each as its files' paths under `catalogs/` and their bytes, in path order.
    static let shipped: [String: [(path: String, bytes: Data)]] = {
        let root = packageRoot.appendingPathComponent("catalogs").path
        var catalogs: [String: [(path: String, bytes: Data)]] = [:]
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
        for name in names.sorted() where name.hasSuffix(".plancat") {
            guard let bytes = FileManager.default.contents(atPath: root + "/" + name) else { continue }
            let catalog = name.split(separator: "/").first.map(String.init) ?? name
            catalogs[catalog, default: []].append((name, bytes))
        }
        return catalogs
    }()

    /// Every file under `directory`, by its path relative to it.
    static func tree(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: directory) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: directory + "/" + path)
        }
        return files
    }

    @Test func theShippedCatalogsAreThere() {
        #expect(Set(Self.shipped.keys) == ["docsift-api.plancat", "freemium-to-enterprise.plancat", "teamspace"])
        #expect((Self.shipped["teamspace"]?.count ?? 0) > 1, "a catalog directory")
    }

    @Test(arguments: ["docsift-api.plancat", "freemium-to-enterprise.plancat", "teamspace"])
    func buildingTwiceIntoTwoDirectoriesWritesTheSameBytes(catalog: String) throws {
        let files = try #require(Self.shipped[catalog])
        let directory = try TemporaryDirectory()
        // Two copies of the source, written in opposite orders.
        for (copy, order) in [("forward", files), ("backward", files.reversed())] {
            for file in order {
                let path = "\(directory.path)/\(copy)/\(file.path)"
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try file.bytes.write(to: URL(fileURLWithPath: path))
            }
        }
        var trees: [[String: Data]] = []
        for (source, output) in [("forward", "out-1"), ("forward", "out-2"), ("backward", "out-3")] {
            let (status, terminal) = directory.run(["build", "\(source)/\(catalog)", "-o", output])
            #expect(status == ExitStatus.success, "\(terminal.standardError)")
            trees.append(try Self.tree(directory.path + "/" + output))
        }
        #expect(!trees[0].isEmpty)
        #expect(trees[0].keys.contains("catalog.json") && trees[0].keys.contains("entitlements.json"))
        #expect(trees[1] == trees[0], "a second build into another directory")
        #expect(trees[2] == trees[0], "a build of the files written in the opposite order")

        // And the bytes are the library's, unchanged by the writer.
        let sources = files.map { SourceFile(path: $0.path, bytes: Array($0.bytes)) }
        let output = try #require(CatalogCompiler.build(sources).output)
        #expect(Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, Data($0.bytes)) }) == trees[0])
    }

    /// Two `plancat` processes hash with two random seeds, so an output that followed the order of a
    /// `Dictionary` or `Set` would differ between them even where two builds in one process agree. One run
    /// also hashes deterministically (`SWIFT_DETERMINISTIC_HASHING`), the other randomly.
    @Test(arguments: ["docsift-api.plancat", "freemium-to-enterprise.plancat", "teamspace"])
    func buildsInSeparateProcessesWriteTheSameBytes(catalog: String) throws {
        let directory = try TemporaryDirectory()
        let source = Self.packageRoot.appendingPathComponent("catalogs/" + catalog).path
        var trees: [[String: Data]] = []
        for (index, environment) in [["SWIFT_DETERMINISTIC_HASHING": "1"], [:], [:]].enumerated() {
            let output = directory.path + "/out-\(index)"
            let run = try PlancatProcess.run(["build", source, "-o", output], in: directory.path,
                                             environment: environment)
            #expect(run.termination == .exited(0), "\(run.standardError)")
            trees.append(try Self.tree(output))
        }
        #expect(trees[0].count >= 3)
        #expect(trees[1] == trees[0])
        #expect(trees[2] == trees[0])
    }
}
