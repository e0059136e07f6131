import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// A command suggested in a hint is the user's own command line with the folder replaced by one catalog,
/// so that pasting it does what they asked — options kept, and quoted for the shell.
@Suite struct SuggestedCommandTests {
    /// The package's root, from this file's place in it.
    private static let packageRoot = PackageRoot.url
    private static let catalog: String = {
        let url = packageRoot.appendingPathComponent("catalogs/freemium-to-enterprise.plancat")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    private static func twoCatalogs() throws -> TemporaryDirectory {
        try TemporaryDirectory(["catalogs/pro.plancat": catalog, "catalogs/acme/catalog.plancat": catalog])
    }

    /// The commands the hint lists, each split into words as a POSIX shell would read the quoting used.
    private static func suggestions(in standardError: String) -> [String] {
        standardError.split(separator: "\n").filter { $0.hasPrefix("  plancat ") }.map { String($0.dropFirst(2)) }
    }

    private static func words(_ line: String) -> [String] {
        var words: [String] = [], current = "", isQuoted = false, hasWord = false
        for character in line {
            if character == "'" { isQuoted.toggle(); hasWord = true; continue }
            if character == " ", !isQuoted {
                if hasWord { words.append(current) }
                current = ""; hasWord = false
                continue
            }
            current.append(character); hasWord = true
        }
        if hasWord { words.append(current) }
        return words
    }

    @Test func buildKeepsTheOutputDirectory() throws {
        let directory = try Self.twoCatalogs()
        let (status, terminal) = directory.run(["build", "catalogs/", "-o", "build"])
        #expect(status == ExitStatus.usageError)
        #expect(Self.suggestions(in: terminal.standardError) == [
            "plancat build catalogs/acme -o build",
            "plancat build catalogs/pro.plancat -o build",
        ])
        // Pasting a suggestion builds that catalog into the directory asked for.
        let pasted = directory.run(Array(Self.words(Self.suggestions(in: terminal.standardError)[1]).dropFirst()))
        #expect(pasted.status == ExitStatus.success)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/build/catalog.json"))
    }

    @Test func argumentsThatNeedQuotingAreQuoted() throws {
        let directory = try Self.twoCatalogs()
        let (_, terminal) = directory.run(["build", "--output=my build", "--", "catalogs"])
        let suggestions = Self.suggestions(in: terminal.standardError)
        #expect(suggestions == [
            "plancat build '--output=my build' -- catalogs/acme",
            "plancat build '--output=my build' -- catalogs/pro.plancat",
        ])
        let pasted = directory.run(Array(Self.words(suggestions[0]).dropFirst()))
        #expect(pasted.status == ExitStatus.success)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/my build/catalog.json"))
    }

    @Test func withoutAPathTheCatalogIsAddedAfterTheCommand() throws {
        let directory = try Self.twoCatalogs()
        let (_, terminal) = directory.run(["build", "--print", "catalog"])
        #expect(Self.suggestions(in: terminal.standardError) == [
            "plancat build catalogs/acme --print catalog",
            "plancat build catalogs/pro.plancat --print catalog",
        ])
    }

    @Test func diffKeepsWhatItComparesWith() throws {
        let directory = try Self.twoCatalogs()
        #expect(directory.run(["build", "catalogs/pro.plancat", "-o", "deployed"]).status == ExitStatus.success)
        let (status, terminal) = directory.run(["diff", "catalogs", "--against", "deployed/catalog.json",
                                                "--format", "markdown"])
        #expect(status == ExitStatus.usageError)
        let suggestions = Self.suggestions(in: terminal.standardError)
        #expect(suggestions == [
            "plancat diff catalogs/acme --against deployed/catalog.json --format markdown",
            "plancat diff catalogs/pro.plancat --against deployed/catalog.json --format markdown",
        ])
        for suggestion in suggestions {
            let pasted = directory.run(Array(Self.words(suggestion).dropFirst()))
            #expect(pasted.status == ExitStatus.success, "\(suggestion): \(pasted.terminal.standardError)")
        }
    }

    @Test(arguments: [
        ("catalogs/pro.plancat", "catalogs/pro.plancat"),
        ("--output=a,b:c@d%e+f", "--output=a,b:c@d%e+f"),
        ("my build", "'my build'"),
        ("it's", "'it'\\''s'"),
        ("", "''"),
        ("$HOME", "'$HOME'"),
        ("~/x", "'~/x'"),
        ("a*b", "'a*b'"),
    ])
    func shellQuoting(word: String, quoted: String) {
        #expect(CommandInvocation.shellQuoted(word) == quoted)
    }
}
