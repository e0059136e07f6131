import Foundation
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// `plancat --version`: the version, and the commit the binary was built from where one is known.
@Suite struct VersionTests {
    /// This package's directory: the one BuildCommitPlugin asked git about when it built these tests.
    static let packageDirectory = PackageRoot.url.path

    /// The commit the build should have recorded, found the way the plugin finds it but independently:
    /// PLANCAT_BUILD_COMMIT if set (`swift test` builds with the environment it runs with), else HEAD when
    /// this package directory is the top of a git work tree, else none.
    static func expectedCommit() throws -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let commit = environment["PLANCAT_BUILD_COMMIT"], !commit.isEmpty { return commit }
        let git = GitProcess(directory: packageDirectory, environment: environment)
        guard let top = try? git.run(["rev-parse", "--show-toplevel"]), top.succeeded,
              URL(fileURLWithPath: top.outputLine).resolvingSymlinksInPath().path
                == URL(fileURLWithPath: packageDirectory).resolvingSymlinksInPath().path else { return nil }
        let head = try git.run(["rev-parse", "--verify", "HEAD"])
        return head.succeeded ? head.outputLine : nil
    }

    @Test func versionNamesTheVersionAndTheCommitOfThisCheckout() throws {
        let (status, terminal) = try TemporaryDirectory().run(["--version"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.isEmpty)
        if let commit = try Self.expectedCommit() {
            #expect(commit.count >= 12)
            #expect(terminal.standardOutput == "plancat 0.2.0 (commit \(commit.prefix(12)))\n")
        } else {
            #expect(terminal.standardOutput == "plancat 0.2.0\n")
        }
    }

    @Test func theRecordedCommitIsTheOneGitNames() throws {
        #expect(PlanCatalogCLI.buildCommit == (try Self.expectedCommit()))
        if let commit = PlanCatalogCLI.buildCommit {
            #expect(commit.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    /// A source tarball, or sources inside another repository: the build knows no commit.
    @Test func withoutACommitOnlyTheVersion() {
        #expect(PlanCatalogCLI.versionLine(commit: nil) == "plancat 0.2.0\n")
        #expect(PlanCatalogCLI.versionLine(commit: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b")
            == "plancat 0.2.0 (commit 1a2b3c4d5e6f)\n")
    }

    @Test func helpNamesTheSameVersion() throws {
        let (_, terminal) = try TemporaryDirectory().run(["--help"])
        #expect(terminal.standardOutput.hasPrefix("plancat 0.2.0 — "))
    }
}
