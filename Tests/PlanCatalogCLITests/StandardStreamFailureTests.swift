#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation
import PlanCatalogCLI
import Testing

/// Issue 18, item 11: `plancat build X --print catalog > /dev/full` trapped in `FileHandle.write` and
/// died with SIGILL, exit 70. A standard stream that cannot be written now ends the run with exit 74
/// (EX_IOERR): with one line on standard error for a full disk, quietly for a closed pipe. The built
/// executable is run as a child process, since only it has real descriptors 1 and 2.
@Suite(.serialized) struct StandardStreamFailureTests {
    static let catalog = """
        currency USD

        plan plan_pro {
          name "Pro"
          price price_pro {
            interval month
            component base { fixed 29 }
          }
        }

        """

    @Test func aFullStandardOutputIsExit74WithAMessage() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        for arguments in [["build", directory.path + "/pro.plancat", "--print", "catalog"], ["--help"],
                          ["check", "--diagnostics", "json", directory.path + "/pro.plancat"]] {
            let run = try PlancatProcess.run(arguments, in: directory.path, standardOutput: .path("/dev/full"))
            #expect(run.termination == .exited(74), "\(arguments): \(run.standardError)")
            #expect(run.standardError.hasSuffix("plancat: error: cannot write to standard output: "
                                                + "No space left on device\n"), "\(arguments): \(run.standardError)")
            #expect(!run.standardError.contains("internal error"))
        }
    }

    @Test func theHelpListsExit74() {
        let terminal = RecordingTerminal(currentDirectory: "/")
        #expect(PlanCatalogCLI.run(arguments: ["--help"], terminal: terminal) == 0)
        #expect(terminal.standardOutput.contains("74  standard output or standard error cannot be written"))
    }

    @Test func aClosedPipeIsExit74Quietly() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog])
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        close(ends[0])
        defer { close(ends[1]) }
        let run = try PlancatProcess.run(["build", directory.path + "/pro.plancat", "--print", "catalog"],
                                         in: directory.path, standardOutput: .descriptor(ends[1]))
        #expect(run.termination == .exited(74), "\(run.standardError)")
        // No one is left to read it, and the shell's user closed it on purpose: nothing is said about it.
        #expect(!run.standardError.contains("error"), "\(run.standardError)")
    }

    @Test func aFullStandardErrorIsExit74() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog + "plan plan_pro { name \"Again\" }\n"])
        // Standard error on /dev/full: the diagnostics are lost, and the exit status says so.
        let process = try PlancatProcess(["check", directory.path + "/pro.plancat"], standardError: "/dev/full")
        #expect(process.wait() == .exited(74))
    }
}

/// Issue 18, item 12, through the command line: a FIFO in a catalog directory or a folder of catalogs
/// made `check` and `fmt` wait for ever (`PlancatProcess.wait` kills a run after a minute and records it).
/// Now the FIFO is skipped with a warning, and a FIFO named as a PATH is exit 66.
@Suite struct NonRegularFileTests {
    static func tree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(["acme/catalog.plancat": StandardStreamFailureTests.catalog,
                                                "folder/a.plancat": StandardStreamFailureTests.catalog])
        for fifo in ["acme/pipe.plancat", "folder/b.plancat", "lone.plancat"] {
            try #require(mkfifo(directory.path + "/" + fifo, 0o600) == 0)
        }
        return directory
    }

    @Test(arguments: [["check"], ["fmt", "--check"]])
    func aFIFOInAWalkIsSkippedWithAWarning(command: [String]) throws {
        let directory = try Self.tree()
        let run = try PlancatProcess.run(command + [directory.path + "/acme", directory.path + "/folder"],
                                         in: directory.path)
        #expect(run.termination == .exited(0), "\(run.standardError)")
        #expect(run.standardError.contains("plancat: warning: skipped `\(directory.path)/acme/pipe.plancat`: "
                                           + "it is a FIFO, not a regular file\n"), "\(run.standardError)")
        #expect(run.standardError.contains("plancat: warning: skipped `\(directory.path)/folder/b.plancat`: "
                                           + "it is a FIFO, not a regular file\n"), "\(run.standardError)")
    }

    @Test(arguments: [["check"], ["fmt"], ["build", "--print", "catalog"]])
    func aFIFONamedAsAPathIsExit66(command: [String]) throws {
        let directory = try Self.tree()
        let run = try PlancatProcess.run(command + [directory.path + "/lone.plancat"], in: directory.path)
        #expect(run.termination == .exited(66), "\(run.standardError)")
        #expect(run.standardError.contains("`\(directory.path)/lone.plancat` is a FIFO, not a regular file; "
                                           + "to read a stream, pass `-` and redirect it to standard input"),
                "\(run.standardError)")
    }
}
