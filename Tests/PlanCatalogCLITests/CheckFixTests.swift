import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat check --fix`: the unambiguous fix-its are applied, each file is rewritten atomically, and the
/// catalog is checked again; the exit status is that of what is left.
@Suite struct CheckFixTests {
    /// A clean catalog, into which the tests put typos whose did-you-mean has one candidate.
    private static func catalog(currency: String = "USD", metric: String = "api-calls",
                                feature: String = "api-calls", extra: String = "") -> String {
        """
        catalog "Acme"
        currency \(currency)

        metric api-calls {
          name "API calls"
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
        }

        plan plan_pro {
          name "Pro"
          features {
            \(feature)
          }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29\(extra) }
            component comp_api { usage \(metric); unit-price 0.002 }
          }
        }

        """
    }

    private func contents(_ directory: TemporaryDirectory, _ name: String) throws -> String {
        try String(contentsOfFile: directory.path + "/" + name, encoding: .utf8)
    }

    @Test func aDidYouMeanTypoIsFixedAndTheFileRewritten() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog(metric: "api-call")])
        let before = directory.run(["check", "pro.plancat"])
        #expect(before.status == ExitStatus.failure)

        let (status, terminal) = directory.run(["check", "--fix", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(try contents(directory, "pro.plancat") == Self.catalog())
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == """
            fixed 1 problem in pro.plancat
            checked 1 catalog: no problems

            """)
        // Written atomically: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pro.plancat"])
    }

    @Test func twoFixesInOneFile() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog(currency: "usd", metric: "api-call")])
        let (status, terminal) = directory.run(["check", "--fix", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(try contents(directory, "pro.plancat") == Self.catalog())
        #expect(terminal.standardError.hasPrefix("fixed 2 problems in pro.plancat\n"))
    }

    @Test func fixesInSeveralFilesOfOneCatalog() throws {
        let directory = try TemporaryDirectory([
            "acme/catalog.plancat": "catalog \"Acme\"\ncurrency usd\n",
            "acme/plans.plancat": Self.catalog(metric: "api-call")
                .replacingOccurrences(of: "catalog \"Acme\"\ncurrency USD\n", with: ""),
        ])
        let (status, terminal) = directory.run(["check", "--fix", "acme"])
        #expect(status == ExitStatus.success)
        #expect(try contents(directory, "acme/catalog.plancat") == "catalog \"Acme\"\ncurrency USD\n")
        #expect(terminal.standardError == """
            fixed 1 problem in acme/catalog.plancat
            fixed 1 problem in acme/plans.plancat
            checked 1 catalog: no problems

            """)
    }

    @Test func anUnfixableErrorIsLeftAndFailsTheRun() throws {
        // A negative amount has no fix-it; the typo beside it is still fixed.
        let source = Self.catalog(metric: "api-call").replacingOccurrences(of: "fixed 29", with: "fixed -29")
        let directory = try TemporaryDirectory(["pro.plancat": source])
        let (status, terminal) = directory.run(["check", "--fix", "pro.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(try contents(directory, "pro.plancat")
                == Self.catalog().replacingOccurrences(of: "fixed 29", with: "fixed -29"))
        #expect(terminal.standardError.hasPrefix("fixed 1 problem in pro.plancat\n"))
        #expect(terminal.standardError.contains("error[E0801]: amount `-29` is negative"))
        #expect(!terminal.standardError.contains("E0401"))
        #expect(terminal.standardError.hasSuffix("checked 1 catalog: 1 error\n"))
    }

    @Test func aSecondRunChangesNothing() throws {
        let directory = try TemporaryDirectory(["pro.plancat": Self.catalog(currency: "usd", metric: "api-call")])
        _ = directory.run(["check", "--fix", "pro.plancat"])
        let fixed = try contents(directory, "pro.plancat")
        let path = directory.path + "/pro.plancat"
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date

        let (status, terminal) = directory.run(["check", "--fix", "pro.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")
        #expect(try contents(directory, "pro.plancat") == fixed)
        // Not written at all: the file keeps its modification time.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == modified)
    }

    @Test func whatIsLeftIsReportedInTheChosenFormat() throws {
        let source = Self.catalog(metric: "api-call").replacingOccurrences(of: "fixed 29", with: "fixed -29")
        let directory = try TemporaryDirectory(["pro.plancat": source])
        let (status, terminal) = directory.run(["check", "--fix", "--diagnostics", "json", "pro.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError == "fixed 1 problem in pro.plancat\n")
        #expect(terminal.standardOutput.contains("\"code\": \"E0801\""))
        #expect(!terminal.standardOutput.contains("E0401"))
    }

    @Test func aFileThatCannotBeWrittenExits73AndIsLeftAsItWas() throws {
        let source = Self.catalog(metric: "api-call")
        let directory = try TemporaryDirectory(["locked/pro.plancat": source])
        let locked = directory.path + "/locked"
        try FmtCommandTests.makeUnwritable(locked)
        defer { FmtCommandTests.makeWritable(locked) }
        let (status, terminal) = directory.run(["check", "--fix", "locked/pro.plancat"])
        #expect(status == ExitStatus.cannotCreateOutput)
        #expect(terminal.standardError.hasPrefix("plancat: error: cannot write `locked/pro.plancat`: "))
        #expect(terminal.standardError.contains("; it is left as it was\n"))
        // What is left is the unfixed file's problem, reported as check reports it.
        #expect(terminal.standardError.contains("error[E0401]"))
        #expect(try contents(directory, "locked/pro.plancat") == source)
    }

    @Test func standardInputCannotBeFixed() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["check", "--fix", "-"]) {
            $0.standardInput = Array(Self.catalog(metric: "api-call").utf8)
        }
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasPrefix("""
            plancat: error: `--fix` rewrites files, and standard input is not a file
            hint: an editor can apply the `fixes` that `plancat check --diagnostics json -` lists

            """))
    }

    // MARK: Which fix-its are applied

    private static func location(_ file: SourceFile, _ range: Range<Int>) -> PlanCatalog.SourceLocation {
        PlanCatalog.SourceLocation(file: .first, span: Span(start: range.lowerBound, end: range.upperBound))
    }

    private static func diagnostic(_ file: SourceFile, _ fixes: [(Range<Int>, String)]...) -> Diagnostic {
        // Reported where its first edit is, which decides the order the fix-its are taken in.
        Diagnostic(.unknownMetric, "test", at: location(file, fixes.first?.first?.0 ?? 0..<1), fixes: fixes.map { edits in
            Diagnostic.FixIt("fix", edits: edits.map { Diagnostic.Edit(location(file, $0.0), replacement: $0.1) })
        })
    }

    @Test func overlappingFixesAreSkippedAndCounted() {
        let file = SourceFile(path: "a.plancat", text: "abcdefgh")
        let plan = FixPlan([
            Self.diagnostic(file, [(0..<3, "X")]),
            Self.diagnostic(file, [(2..<4, "Y")]),  // overlaps the first
            Self.diagnostic(file, [(6..<8, "Z")]),
        ], in: FileTable(file))
        #expect(plan.overlappingCount == 1)
        #expect(plan.changes.count == 1)
        #expect(plan.changes.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "XdefZ")
        #expect(plan.changes.first?.fixCount == 2)
    }

    @Test func aDiagnosticWithSeveralFixesIsLeftToAPerson() {
        let file = SourceFile(path: "a.plancat", text: "abcdefgh")
        let plan = FixPlan([Self.diagnostic(file, [(0..<1, "X")], [(0..<1, "Y")])], in: FileTable(file))
        #expect(plan.changes.isEmpty)
        #expect(plan.overlappingCount == 0)
    }

    @Test func theSameEditAskedTwiceIsOneEditAndTwoRepairs() {
        let file = SourceFile(path: "a.plancat", text: "abcdefgh")
        let plan = FixPlan([Self.diagnostic(file, [(1..<2, "B")]), Self.diagnostic(file, [(1..<2, "B")])], in: FileTable(file))
        #expect(plan.overlappingCount == 0)
        #expect(plan.changes.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "aBcdefgh")
        #expect(plan.changes.first?.fixCount == 2)
    }

    @Test func twoInsertionsAtOneOffsetConflict() {
        let file = SourceFile(path: "a.plancat", text: "ab")
        let plan = FixPlan([Self.diagnostic(file, [(1..<1, "X")]), Self.diagnostic(file, [(1..<1, "Y")])], in: FileTable(file))
        #expect(plan.overlappingCount == 1)
        #expect(plan.changes.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "aXb")
    }
}
