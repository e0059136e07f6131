#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// What `plancat import -o OUT` may replace: a regular file, or nothing (Docs/CLI.md § plancat import).
///
/// A rename over a device node, a FIFO or a socket swaps the node for a plain file: run as root,
/// `plancat import catalog.json -o /dev/null` replaced /dev/null. Each is refused with exit 73 and left as
/// it was — checked by its kind after the run, not only by the message — and so is a link to one of them,
/// or to nothing. `-o -` and `-o /dev/stdout` name standard output, and print the source there.
@Suite struct ImportOutputTargetTests {
    /// The seed guide's catalog.json, as `plancat build` writes it.
    private static let catalogJSON: [UInt8]? = {
        let root = PackageRoot.url
        guard let data = FileManager.default.contents(
            atPath: root.appendingPathComponent("catalogs/freemium-to-enterprise.plancat").path) else { return nil }
        return CatalogCompiler.build([SourceFile(path: "guide.plancat", bytes: Array(data))]).output?.document.jsonBytes
    }()

    /// A FIFO, and links to it and to nothing: refused, and still what they were.
    @Test(arguments: ["a FIFO", "a link to a FIFO", "a link to nothing"])
    func anOutputThatIsNotARegularFileIsRefused(kind: String) throws {
        let directory = try Self.directory()
        let fifo = directory.path + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let output: String
        switch kind {
        case "a FIFO":
            output = "fifo"
        case "a link to a FIFO":
            output = "link"
            try #require(symlink("fifo", directory.path + "/link") == 0)
        default:
            output = "link"
            try #require(symlink("nowhere", directory.path + "/link") == 0)
        }
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", output])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardOutput.isEmpty)
        let described = kind == "a link to nothing" ? "a symbolic link that leads nowhere" : "a FIFO"
        #expect(terminal.standardError == "plancat: error: cannot write `\(output)`: it is \(described), not a "
            + "regular file; plancat replaces only regular files\n")
        #expect(Self.kind(of: fifo) == S_IFIFO)
        if output == "link" { #expect(Self.kind(of: directory.path + "/link") == S_IFLNK) }
        // No temporary file left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == (output == "link" ? ["catalog.json", "fifo", "link"] : ["catalog.json", "fifo"]))
    }

    /// `mknod mynull c 1 3` (the device of /dev/null) as in the report, and a link to it; root only, as
    /// making a device node is.
    @Test(.enabled(if: geteuid() == 0, "making a device node needs root"),
          arguments: ["mynull", "link-to-mynull"])
    func aDeviceNodeIsRefusedAndStaysADevice(output: String) throws {
        let directory = try Self.directory()
        let device = directory.path + "/mynull"
        try #require(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0,
                     "mknod: \(String(cString: strerror(errno)))")
        try #require(symlink("mynull", directory.path + "/link-to-mynull") == 0)
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", output])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardError == "plancat: error: cannot write `\(output)`: it is a character device, "
            + "not a regular file; plancat replaces only regular files\n")
        var information = stat()
        #expect(lstat(device, &information) == 0)
        #expect(information.st_mode & S_IFMT == S_IFCHR)
        #expect(information.st_rdev == dev_t(1 << 8 | 3))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == ["catalog.json", "link-to-mynull", "mynull"])
    }

    /// A link to a regular file is still followed, as before: the target is replaced, the link stays.
    @Test func aLinkToARegularFileReplacesItsTarget() throws {
        let directory = try Self.directory()
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: directory.path + "/target.plancat"))
        try #require(symlink("target.plancat", directory.path + "/link.plancat") == 0)
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", "link.plancat"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(Self.kind(of: directory.path + "/link.plancat") == S_IFLNK)
        let written = try String(contentsOfFile: directory.path + "/target.plancat", encoding: .utf8)
        #expect(written.hasPrefix("catalog \"Acme Analytics\""))
    }

    /// `-o -` and `-o /dev/stdout` print the source, exactly as without `-o`, and write no file.
    @Test(arguments: ["-", "/dev/stdout"])
    func standardOutputNamedByOutputGetsTheSource(output: String) throws {
        let directory = try Self.directory()
        let (plainStatus, plain) = directory.run(["import", "catalog.json"])
        #expect(plainStatus == ExitStatus.success)
        let (status, terminal) = directory.run(["import", "catalog.json", "-o", output])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        #expect(terminal.standardOutput == plain.standardOutput)
        #expect(terminal.standardError.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["catalog.json"])
    }

    // MARK: Helpers

    private static func directory() throws -> TemporaryDirectory {
        let json = try #require(catalogJSON, "catalogs/freemium-to-enterprise.plancat does not build")
        return try TemporaryDirectory(["catalog.json": String(decoding: json, as: UTF8.self)])
    }

    /// The kind of what is at `path`, links not followed: S_IFIFO, S_IFLNK…; 0 when nothing is there.
    private static func kind(of path: String) -> mode_t {
        var information = stat()
        guard lstat(path, &information) == 0 else { return 0 }
        return information.st_mode & S_IFMT
    }
}
