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

    @Test(arguments: [["help", "--help"], ["help", "-h"], ["help", "help"]])
    func helpForHelpIsTheHelp(arguments: [String]) throws {
        let (status, terminal) = try TemporaryDirectory().run(arguments)
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError.isEmpty)
        #expect(terminal.standardOutput == PlanCatalogCLI.help)
        #expect(terminal.standardOutput.contains("plancat help [COMMAND]"))
    }

    @Test func helpRefusesOptions() throws {
        let (status, terminal) = try TemporaryDirectory().run(["help", "--all"])
        #expect(status == ExitStatus.usageError)
        #expect(terminal.standardError.hasPrefix("plancat: error: unknown option `--all` for `plancat help`\n"))
    }

    /// The options of the global help are whole sentences; one line used to stop at "shows a command's".
    @Test func theGlobalOptionsReadAsWholeSentences() {
        #expect(PlanCatalogCLI.help.contains("""
            Options:
              -h, --help    show this help
              --version     print the version

            `plancat COMMAND --help` (or `plancat help COMMAND`) shows the options, exit statuses and
            examples of one command.

            """))
        #expect(!PlanCatalogCLI.help.contains("shows a command's\n"))
    }

    @Test(arguments: [["check", "--help"], ["check", "-h"], ["help", "check"], ["help", "check", "--help"],
                      ["check", "x.plancat", "--help"]])
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
