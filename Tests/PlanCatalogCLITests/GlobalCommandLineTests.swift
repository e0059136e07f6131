import Testing
@testable import PlanCatalogCLI

/// `plancat` itself: help and command lines it must refuse (`--version`: VersionTests).
@Suite struct GlobalCommandLineTests {
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func helpListsCommandsOptionsAndExitStatuses(arguments: [String]) throws {
        let (status, terminal) = try TemporaryDirectory().run(arguments)
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.isEmpty)
        let help = terminal.standardOutput
        #expect(help.contains("usage: plancat COMMAND [OPTIONS] [ARGUMENTS]"))
        #expect(help.contains("  check    parse and validate catalogs"))
        #expect(help.contains("  explain  the long explanation"))
        #expect(help.contains("Exit status:"))
        #expect(help.contains("66  an input file or directory does not exist or cannot be read"))
        #expect(help.contains("Examples:"))
    }

    @Test(arguments: [["check", "--help"], ["check", "-h"], ["help", "check"], ["check", "x.plancat", "--help"]])
    func commandHelp(arguments: [String]) throws {
        let (status, terminal) = try TemporaryDirectory().run(arguments)
        #expect(status == ExitStatus.success)
        #expect(terminal.standardOutput == CheckCommand.help)
        #expect(terminal.standardOutput.hasPrefix("usage: plancat check "))
        #expect(terminal.standardError.isEmpty)
    }

    @Test func noArgumentsIsAUsageErrorThatShowsHelp() throws {
        let (status, terminal) = try TemporaryDirectory().run([])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains("usage: plancat COMMAND"))
    }

    @Test func unknownCommandSuggestsTheNearestOne() throws {
        let (status, terminal) = try TemporaryDirectory().run(["chek", "catalogs"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError == """
            plancat: error: unknown command `chek`
            hint: did you mean `check`?
            usage: plancat COMMAND [OPTIONS] [ARGUMENTS]
            Run `plancat --help` for more information.

            """)
    }

    @Test func unknownCommandWithNothingClose() throws {
        let (status, terminal) = try TemporaryDirectory().run(["deploy"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix("plancat: error: unknown command `deploy`\nusage:"))
    }

    @Test func unknownGlobalOption() throws {
        let (status, terminal) = try TemporaryDirectory().run(["--verison"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("unknown option `--verison`\nhint: did you mean `--version`?"))
    }

    @Test func helpForAnUnknownCommand() throws {
        let (status, terminal) = try TemporaryDirectory().run(["help", "explian"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.contains("did you mean `explain`?"))
    }
}
