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

/// `diff --against-ref` against a hostile or broken repository (issue 18, items 4, 8 and 9;
/// Docs/Robustness.md § `diff --against-ref`): git never fetches or runs a configured program, only the
/// catalog's blobs are read and never one over the size limit, and the revision's files are private and
/// gone however the run ends.
@Suite struct DiffAgainstRefHardeningTests {
    // MARK: Item 8: nothing the repository configures runs

    /// A partial clone whose catalog blob is missing, with `core.sshCommand` writing a marker: before, git
    /// ran the command to fetch the blob lazily (and plancat waited as long as it ran).
    @Test func aPartialClonesMissingBlobIsAnErrorNotAnSSHFetch() throws {
        let (directory, clone) = try Self.partialClone()
        let marker = directory.path + "/ssh-ran"
        try Self.plainGit(["config", "core.sshCommand", "touch '\(marker)'; sleep 20"], in: clone)
        try Self.plainGit(["config", "remote.origin.url", "ssh://git.example.invalid/pricing.git"], in: clone)
        try Self.expectMissingBlobError(in: clone)
        #expect(!FileManager.default.fileExists(atPath: marker), "git ran the repository's core.sshCommand")
    }

    /// The same through an `ext::` remote, which runs any command, allowed by the repository's own
    /// `protocol.ext.allow=always`: that per-protocol setting wins over `-c protocol.allow=never`, and only
    /// the empty `GIT_ALLOW_PROTOCOL` stops it (it did run, with `protocol.allow=never` alone).
    @Test func aPartialClonesExtRemoteIsNeverRun() throws {
        let (directory, clone) = try Self.partialClone()
        let marker = directory.path + "/ext-ran"
        try Self.plainGit(["config", "protocol.ext.allow", "always"], in: clone)
        try Self.plainGit(["config", "remote.origin.url", "ext::sh -c touch% " + marker], in: clone)
        try Self.expectMissingBlobError(in: clone)
        #expect(!FileManager.default.fileExists(atPath: marker), "git ran the repository's ext:: command")
    }

    /// A partial clone (`--filter=blob:none`, no checkout: no blob is in it) of a repository holding the
    /// diff tests' base catalog, with that catalog written in its working tree.
    private static func partialClone() throws -> (TemporaryDirectory, clone: String) {
        let directory = try TemporaryDirectory(["origin/catalogs/pro.plancat": DiffCommandTests.base])
        let origin = directory.path + "/origin"
        try plainGit(["init", "--quiet"], in: origin)
        try plainGit(["add", "."], in: origin)
        try plainGit(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit", "--quiet", "-m", "Base"],
                     in: origin)
        try plainGit(["config", "uploadpack.allowFilter", "true"], in: origin)
        try plainGit(["clone", "--quiet", "--no-checkout", "--filter=blob:none", "file://" + origin, "clone"],
                     in: directory.path)
        let clone = directory.path + "/clone"
        try FileManager.default.createDirectory(atPath: clone + "/catalogs", withIntermediateDirectories: true)
        try Data(DiffCommandTests.base.utf8).write(to: URL(fileURLWithPath: clone + "/catalogs/pro.plancat"))
        return (directory, clone)
    }

    /// `diff --against-ref HEAD` in the clone answers at once that the blob is not there (exit 66).
    private static func expectMissingBlobError(in clone: String) throws {
        let start = ContinuousClock.now
        let terminal = RecordingTerminal(currentDirectory: clone)
        let status = PlanCatalogCLI.run(arguments: ["diff", "catalogs/pro.plancat", "--against-ref", "HEAD"],
                                        terminal: terminal)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(status == ExitStatus.missingInput)
        #expect(terminal.standardError.contains(
            "cannot read `catalogs/pro.plancat` at `HEAD`: its object is not in this repository"),
                "\(terminal.standardError)")
        #expect(terminal.standardError.contains("plancat never lets git fetch"))
    }

    /// A file-system monitor, hooks and a pager configured in the repository, each a program that would
    /// leave a marker. (None of the plumbing commands plancat runs starts them today; this guards the
    /// `-c` options that keep it so.)
    @Test func noConfiguredProgramRuns() throws {
        let directory = try DiffAgainstRefTests.repository { $0.replacing("fixed 29", with: "fixed 39") }
        let marker = directory.path + "/program-ran"
        let program = directory.path + "/program.sh"
        try Self.writeExecutable(program, "#!/bin/sh\ntouch '\(marker)'\ncat\n")
        for (key, value) in [("core.fsmonitor", program), ("core.hooksPath", directory.path),
                             ("core.pager", program), ("pager.cat-file", program), ("pager.ls-tree", program),
                             ("core.askPass", program), ("credential.helper", "!" + program)] {
            try Self.plainGit(["config", key, value], in: directory.path)
        }
        for hook in ["post-checkout", "pre-commit", "reference-transaction", "post-index-change"] {
            try FileManager.default.copyItem(atPath: program, toPath: directory.path + "/" + hook)
        }
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD",
                                                "--detailed-exitcode"])
        #expect(status == ExitStatus.changesFound, "\(terminal.standardError)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    /// Git is killed, with what it started, as soon as a signal is pending: a `git` that hangs stops the
    /// wait at once instead of holding plancat (and outliving it). Before, `run` waited the whole sleep.
    @Test func aHangingGitIsKilledWhenPlancatIsInterrupted() throws {
        let directory = try TemporaryDirectory()
        let pidFile = directory.path + "/git.pid"
        try Self.writeExecutable(directory.path + "/bin/git", "#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 30\n")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory.path + "/bin:" + (environment["PATH"] ?? "/usr/bin:/bin")
        var git = GitProcess(directory: directory.path, environment: environment)
        git.shouldStop = { FileManager.default.fileExists(atPath: pidFile) }
        let start = ContinuousClock.now
        let result = try git.run(["rev-parse", "--show-toplevel"])
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(!result.succeeded)
        let pid = pid_t(try String(contentsOfFile: pidFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(pid > 0 && kill(pid, 0) != 0, "git (pid \(pid)) still runs")
        if pid > 0 { kill(pid, SIGKILL) }
    }

    /// The same through the real `plancat` and a real signal: a `git` on PATH that hangs, SIGINT or SIGTERM
    /// once it runs. plancat exits 130/143 at once and git is gone. Before, plancat exited and the
    /// hanging git (in the issue, git and the ssh it started) went on running.
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalKillsAHangingGit(signal: Int32) throws {
        let directory = try TemporaryDirectory(["pro.plancat": DiffCommandTests.base])
        let pidFile = directory.path + "/git.pid"
        try Self.writeExecutable(directory.path + "/bin/git", "#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 30\n")
        let path = directory.path + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let child = try PlancatProcess(["diff", "pro.plancat", "--against-ref", "HEAD"],
                                       standardError: directory.path + "/stderr.txt", environment: ["PATH": path],
                                       directory: directory.path)
        let deadline = ContinuousClock.now + .seconds(20)
        var pid: pid_t = 0
        while ContinuousClock.now < deadline, child.poll() == nil, pid == 0 {
            pid = pid_t((try? String(contentsOfFile: pidFile, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            usleep(1_000)
        }
        let early = (try? String(contentsOfFile: directory.path + "/stderr.txt", encoding: .utf8)) ?? ""
        try #require(pid > 0, "the fake git never ran: \(child.poll().map { "\($0)" } ?? "running"), \(early)")
        defer { kill(pid, SIGKILL) }
        let start = ContinuousClock.now
        kill(child.identifier, signal)
        #expect(child.wait() == .exited(128 + signal))
        #expect(ContinuousClock.now - start < .seconds(10))
        // Killed and reaped by plancat: no such process any more.
        usleep(100_000)
        #expect(kill(pid, 0) != 0, "git (pid \(pid)) still runs")
    }

    @Test func theHardenedEnvironmentOverridesTheCallersPrograms() {
        let environment = GitProcess.hardenedEnvironment(["GIT_SSH_COMMAND": "evil", "GIT_ASKPASS": "evil",
                                                          "GIT_PAGER": "evil", "PATH": "/bin"])
        #expect(environment["GIT_SSH_COMMAND"] == "")
        #expect(environment["GIT_ASKPASS"] == "")
        #expect(environment["GIT_PAGER"] == "cat")
        #expect(environment["GIT_NO_LAZY_FETCH"] == "1")
        #expect(environment["GIT_ALLOW_PROTOCOL"] == "")
        #expect(environment["GIT_TERMINAL_PROMPT"] == "0")
        #expect(GitProcess.hardeningOptions.contains("protocol.allow=never"))
    }

    // MARK: Item 9: only the catalog's blobs, sizes first

    /// A blob elsewhere in the repository is never read: here it is missing altogether, and the catalog
    /// is still compared. Before, every `.plancat` blob of the revision was read, and this one stopped
    /// the run (exit 66).
    @Test func aBlobOutsideTheCatalogIsNeverRead() throws {
        let directory = try DiffAgainstRefTests.repository()
        try Data("plan broken {\n".utf8).write(to: URL(fileURLWithPath: directory.path + "/elsewhere.plancat"))
        try DiffAgainstRefTests.git(["add", "elsewhere.plancat"], in: directory)
        try DiffAgainstRefTests.git(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit",
                                     "--quiet", "-m", "Elsewhere"], in: directory)
        let object = try GitProcess(directory: directory.path, environment: ProcessInfo.processInfo.environment)
            .run(["rev-parse", "HEAD:elsewhere.plancat"]).outputLine
        try FileManager.default.removeItem(atPath: directory.path + "/.git/objects/" + object.prefix(2) + "/"
                                           + object.dropFirst(2))
        let (status, terminal) = directory.run(["diff", "catalogs/pro.plancat", "--against-ref", "HEAD",
                                                "--detailed-exitcode"])
        #expect(status == ExitStatus.success, "\(terminal.standardError)")
        // The same missing blob inside the compared PATH is named.
        let (folderStatus, folder) = directory.run(["diff", ".", "--against-ref", "HEAD"])
        #expect(folderStatus == ExitStatus.missingInput)
        #expect(folder.standardError.contains("cannot read `elsewhere.plancat` at `HEAD`"), "\(folder.standardError)")
    }

    /// A blob over 128 MiB is reported as a too-large working-tree file is (E0113), from its size alone.
    /// The object here is only a header claiming 128 MiB + 1 bytes with a hundred behind it: reading it
    /// fails, as it did before (exit 66, "unable to stream"), so passing shows it was never read.
    @Test func aBlobOverTheSizeLimitIsReportedWithoutBeingRead() throws {
        let directory = try DiffAgainstRefTests.repository()
        let size = InputLimits.maximumSourceFileBytes + 1
        let object = "ab" + String(repeating: "0", count: 37) + "9"
        var payload = Array("blob \(size)\0".utf8) + [UInt8](repeating: 0, count: 100)
        // A zlib stream of one stored (uncompressed) deflate block, cut short: git reads the header from it.
        let length = UInt16(payload.count)
        payload = [0x78, 0x01, 0x00, UInt8(length & 0xff), UInt8(length >> 8),
                   UInt8(~length & 0xff), UInt8(~length >> 8)] + payload
        let objects = directory.path + "/.git/objects/ab"
        try FileManager.default.createDirectory(atPath: objects, withIntermediateDirectories: true)
        try Data(payload).write(to: URL(fileURLWithPath: objects + "/" + object.dropFirst(2)))
        let git = GitProcess(directory: directory.path, environment: ProcessInfo.processInfo.environment)
        let tree = try git.run(["mktree"], input: Data("100644 blob \(object)\thuge.plancat\n".utf8)).outputLine
        let commit = try git.run(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit-tree", tree,
                                  "-m", "Huge"]).outputLine
        try DiffAgainstRefTests.git(["update-ref", "refs/heads/huge", commit], in: directory)
        try Data(DiffCommandTests.base.utf8).write(to: URL(fileURLWithPath: directory.path + "/huge.plancat"))

        let (status, terminal) = directory.run(["diff", "huge.plancat", "--against-ref", "huge"])
        #expect(status == ExitStatus.failure, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("huge:huge.plancat:1:1: error[E0113]: file is larger than 128 MiB"),
                "\(terminal.standardError)")
        #expect(terminal.standardError.contains("checked huge:huge.plancat: 1 error; nothing compared"))
    }

    /// A relative PATH whose `..` lead out of the repository is refused as an absolute one outside it is.
    /// Before, it led out of the revision's directory too, into `$TMPDIR`, and whatever was there was read
    /// as the revision's catalog (here: nothing, "comparing with an empty catalog").
    @Test func aRelativePathOutOfTheRepositoryIsRefused() throws {
        let directory = try TemporaryDirectory(["outside.plancat": DiffCommandTests.base,
                                                "repository/catalogs/pro.plancat": DiffCommandTests.base])
        let repository = directory.path + "/repository"
        try Self.plainGit(["init", "--quiet"], in: repository)
        try Self.plainGit(["add", "."], in: repository)
        try Self.plainGit(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit", "--quiet", "-m", "Base"],
                          in: repository)
        let terminal = RecordingTerminal(currentDirectory: repository + "/catalogs")
        let status = PlanCatalogCLI.run(arguments: ["diff", "../../outside.plancat", "--against-ref", "HEAD"],
                                        terminal: terminal)
        #expect(status == ExitStatus.usageError, "\(terminal.standardError)")
        #expect(terminal.standardError.contains("`../../outside.plancat` is outside the git repository"),
                "\(terminal.standardError)")
    }

    // MARK: Item 4: the revision's directory

    /// Created 0700 with files 0600 (before: 0755 and 0644, readable by every user of the machine), and
    /// removed by `remove`.
    @Test func theRevisionsFilesArePrivate() throws {
        let directory = try DiffAgainstRefTests.repository()
        let files = try GitRevisionFiles.checkOut(revision: "HEAD", path: "catalogs", workingDirectory: directory.path,
                                                  environment: ProcessInfo.processInfo.environment)
        #expect(Self.permissions(files.root) == 0o700)
        #expect(Self.permissions(files.root + "/catalogs") == 0o700)
        #expect(Self.permissions(files.root + "/catalogs/pro.plancat") == 0o600)
        // README is not a catalog's file: not written.
        #expect(!FileManager.default.fileExists(atPath: files.root + "/README"))
        files.remove()
        #expect(!FileManager.default.fileExists(atPath: files.root))
    }

    /// SIGINT and SIGTERM to the real `plancat` while the revision's files exist: the handler removes them.
    /// Before, the directory was not registered and stayed behind.
    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedDiffLeavesNoTemporaryDirectory(signal: Int32) throws {
        // Big enough that checking both sides takes a while: the signal comes while the files exist.
        let big = (0..<3000).map { DiffCommandTests.base.replacing("plan_", with: "plan\($0)_") }.joined()
        let directory = try TemporaryDirectory(["repository/big.plancat": big])
        let repository = directory.path + "/repository"
        try Self.plainGit(["init", "--quiet"], in: repository)
        try Self.plainGit(["add", "."], in: repository)
        try Self.plainGit(["-c", "user.name=t", "-c", "user.email=t@plancat.invalid", "commit", "--quiet", "-m", "Big"],
                          in: repository)
        let temporary = directory.path + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let child = try PlancatProcess(["diff", "big.plancat", "--against-ref", "HEAD"],
                                       standardError: directory.path + "/stderr.txt",
                                       environment: ["TMPDIR": temporary + "/"], directory: repository)
        let deadline = ContinuousClock.now + .seconds(60)
        var sawDirectory = false
        while ContinuousClock.now < deadline, child.poll() == nil {
            if !((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).isEmpty {
                sawDirectory = true
                kill(child.identifier, signal)
                break
            }
            usleep(500)
        }
        let termination = child.wait()
        #expect(sawDirectory, "the diff ended before its temporary directory was seen")
        if sawDirectory {
            #expect(termination == .exited(128 + signal), "\(termination)")
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }

    // MARK: Helpers

    private static func permissions(_ path: String) -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        return status.st_mode & 0o777
    }

    /// Writes a script through a close-on-exec descriptor: a child another test spawns meanwhile must not
    /// inherit it open for writing, which would make running the script fail with ETXTBSY.
    private static func writeExecutable(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        try #require(descriptor >= 0)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        try #require(written == bytes.count)
    }

    /// Git as a user runs it, without plancat's hardening (a clone needs a transport).
    static func plainGit(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")): \(text)")
    }
}

