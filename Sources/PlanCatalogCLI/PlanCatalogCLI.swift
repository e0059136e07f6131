import Foundation
import PlanCatalog

/// The `plancat` command line: chooses the command, answers `--help` and `--version`, and turns usage
/// errors into exit status 64.
///
/// `main()` is the process's entry point; `run(arguments:terminal:)` is the whole CLI without the process
/// around it — no signal handler, no `exit` — so that tests can drive every command in memory.
public enum PlanCatalogCLI {
    public static let version = "0.1.0"

    /// Every command, in the order `plancat --help` lists them.
    static var commands: [any Command.Type] {
        [CheckCommand.self, BuildCommand.self, DiffCommand.self, FmtCommand.self, ImportCommand.self, ExplainCommand.self]
    }

    /// Runs the process: installs the crash and interrupt handlers, runs the command line, exits with its
    /// status.
    public static func main() -> Never {
        CrashHandler.install()
        InterruptHandler.install()
        ReleaseAtExit.isEnabled = true
        let status = run(arguments: Array(CommandLine.arguments.dropFirst()), terminal: ProcessTerminal())
        exit(status)
    }

    /// Runs one command line (without the program name) and returns its exit status.
    public static func run(arguments: [String], terminal: some Terminal) -> Int32 {
        guard let first = arguments.first else {
            terminal.write(help, to: .standardError)
            return ExitStatus.usageError
        }
        switch first {
        case "--help", "-h":
            terminal.write(help, to: .standardOutput)
            return ExitStatus.success
        case "--version":
            terminal.write("plancat \(version)\n", to: .standardOutput)
            return ExitStatus.success
        case "help":
            return runHelp(Array(arguments.dropFirst()), terminal: terminal)
        default:
            break
        }
        guard let command = command(named: first) else {
            let error: UsageError
            if first.hasPrefix("-") {
                error = UsageError("unknown option `\(first)`",
                                   hint: Suggestion.help(Suggestion.closest(to: first, among: ["--help", "--version"])))
            } else {
                error = UsageError("unknown command `\(first)`",
                                   hint: Suggestion.help(Suggestion.closest(to: first, among: commands.map { $0.name })))
            }
            report(error, usage: "plancat COMMAND [OPTIONS] [ARGUMENTS]", helpCommand: "plancat --help",
                   terminal: terminal)
            return ExitStatus.usageError
        }
        return run(command, arguments: Array(arguments.dropFirst()), terminal: terminal)
    }

    private static func run(_ command: any Command.Type, arguments: [String], terminal: some Terminal) -> Int32 {
        let scanner = ArgumentScanner(definitions: command.options + [.help], commandName: "plancat \(command.name)")
        do {
            let scanned = try scanner.scan(arguments)
            if scanned.has(OptionDefinition.help.name) {
                terminal.write(command.help, to: .standardOutput)
                return ExitStatus.success
            }
            let invocation = CommandInvocation(commandName: command.name, arguments: scanned.arguments,
                                               operandPositions: scanned.operandPositions)
            // `withValue` rethrows untyped errors: the result carries the typed one out.
            let result = CommandInvocation.$current.withValue(invocation) { () -> Result<Int32, UsageError> in
                do throws(UsageError) { return .success(try command.run(scanned, terminal: terminal)) }
                catch { return .failure(error) }
            }
            return try result.get()
        } catch {
            report(error, usage: command.usage, helpCommand: "plancat \(command.name) --help", terminal: terminal)
            return ExitStatus.usageError
        }
    }

    /// `plancat help [COMMAND]`, for those who type it that way: the same as `plancat --help` and
    /// `plancat COMMAND --help`. Asking `help` for its own help (`plancat help --help`, `plancat help help`)
    /// shows the global help, which is where `help` is described; `-h` / `--help` anywhere after `help`
    /// is taken that way.
    private static func runHelp(_ arguments: [String], terminal: some Terminal) -> Int32 {
        let arguments = arguments.filter { $0 != "--help" && $0 != "-h" }
        if let option = arguments.first(where: { $0.hasPrefix("-") }) {
            report(UsageError("unknown option `\(option)` for `plancat help`",
                              hint: "`plancat help` takes a COMMAND and no options"),
                   usage: helpUsage, helpCommand: "plancat --help", terminal: terminal)
            return ExitStatus.usageError
        }
        guard let name = arguments.first, !(name == "help" && arguments.count == 1) else {
            terminal.write(help, to: .standardOutput)
            return ExitStatus.success
        }
        guard let command = command(named: name), arguments.count == 1 else {
            let error = arguments.count > 1
                ? UsageError("`plancat help` takes at most one COMMAND")
                : UsageError("unknown command `\(name)`",
                             hint: Suggestion.help(Suggestion.closest(to: name, among: commands.map { $0.name })))
            report(error, usage: helpUsage, helpCommand: "plancat --help", terminal: terminal)
            return ExitStatus.usageError
        }
        terminal.write(command.help, to: .standardOutput)
        return ExitStatus.success
    }

    private static let helpUsage = "plancat help [COMMAND]"

    private static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
    }

    /// A usage error on standard error: what is wrong, the hint, the usage line, where to learn more.
    private static func report(_ error: UsageError, usage: String, helpCommand: String, terminal: some Terminal) {
        var text = "plancat: error: \(error.message)\n"
        if let hint = error.hint { text += "hint: \(hint)\n" }
        text += "usage: \(usage)\nRun `\(helpCommand)` for more information.\n"
        terminal.write(text, to: .standardError)
    }

    // MARK: Help

    static var help: String {
        let width = (commands.map { $0.name.count }.max() ?? 0) + 2
        let commandLines = commands.map { command in
            "  " + command.name + String(repeating: " ", count: width - command.name.count) + command.abstract
        }.joined(separator: "\n")
        return """
            plancat \(version) — the compiler for SaaS pricing catalogs (.plancat files)

            usage: plancat COMMAND [OPTIONS] [ARGUMENTS]
                   plancat --help | --version
                   plancat help [COMMAND]

            Commands:
            \(commandLines)

            Options:
              -h, --help    show this help
              --version     print the version

            `plancat COMMAND --help` (or `plancat help COMMAND`) shows the options, exit statuses and
            examples of one command.

            A PATH names catalogs: a .plancat file, a catalog directory (one holding catalog.plancat),
            or a folder of catalogs; `-` reads one file from standard input. Without a PATH, commands
            use catalogs/.

            Exit status:
              0   success
              1   a catalog has errors; fmt: a file has syntax errors, or --check / --diff found
                  a file that would change; diff --fail-on-breaking: a change is breaking
              2   diff --detailed-exitcode: there are changes
              64  usage error: unknown command or option, missing argument
              65  a catalog.json (diff --against, import) is not valid, or says what .plancat
                  cannot (import)
              66  an input file or directory does not exist or cannot be read
              70  internal error: a bug in plancat (please report it)
              73  an output file or directory cannot be created or written
              130 interrupted by SIGINT (Ctrl-C), 143 by SIGTERM: no temporary file is left, and
                  every file written is either as it was or entirely new

            Examples:
              plancat check                         check every catalog in catalogs/
              plancat check --diagnostics json      the same, as JSON on standard output
              plancat build catalogs/acme           write build/catalog.json and the rest
              plancat diff --against-ref origin/main
                                                    what this branch changes in the pricing
              plancat fmt --check                   list the files of catalogs/ that are not formatted
              plancat explain E0401                 what error[E0401] means and how to fix it

            """
    }
}
