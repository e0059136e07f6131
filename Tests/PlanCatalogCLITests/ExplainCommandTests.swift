import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// `plancat explain CODE`.
@Suite struct ExplainCommandTests {
    @Test(arguments: ["E0401", "e0401"])
    func explainsAKnownCode(code: String) throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain", code])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.isEmpty)
        #expect(terminal.standardOutput.hasPrefix("E0401 (error): unknown metric\n\n"))
        #expect(terminal.standardOutput.contains(DiagnosticCode.unknownMetric.explanation))
        #expect(terminal.standardOutput.hasSuffix("\n"))
    }

    @Test func explainsAWarning() throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain", "W0501"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("W0501 (warning): "))
    }

    @Test func anUnknownCodeIsAUsageError() throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain", "E9999"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.hasPrefix("plancat: error: unknown diagnostic code `E9999`\n"))
    }

    @Test func aMistypedCodeGetsASuggestion() throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain", "E041"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("hint: did you mean `E0401`?"))
    }

    @Test func aMissingCodeIsAUsageError() throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix("plancat: error: missing CODE"))
    }

    @Test func twoCodesAreAUsageError() throws {
        let (status, _) = try TemporaryDirectory().run(["explain", "E0401", "E0402"])
        #expect(status == ExitStatus.usageError)
    }

    @Test func listNamesEveryCode() throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain", "--list"])
        #expect(status == ExitStatus.success)
        let lines = terminal.standardOutput.split(separator: "\n")
        #expect(lines.count == DiagnosticCode.allCases.count)
        #expect(lines.contains("E0401  error  unknown metric"))
    }

    @Test func helpSaysHowToUseIt() throws {
        let (status, terminal) = try TemporaryDirectory().run(["explain", "--help"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput.hasPrefix("usage: plancat explain CODE"))
        #expect(terminal.standardOutput.contains("Example"))
    }
}
