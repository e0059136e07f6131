/// A subcommand of `plancat`: its name, its help, the options it accepts, and what it does.
///
/// `PlanCatalogCLI` scans the options (answering `--help` itself) before `run` is called, so a command
/// sees only a valid command line; one file per command, as swift-format does it.
protocol Command {
    /// The word that selects it: `check`.
    static var name: String { get }
    /// One line for the list of commands in `plancat --help`.
    static var abstract: String { get }
    /// The usage line: `plancat check [OPTIONS] [PATH…]`.
    static var usage: String { get }
    /// The whole of `plancat COMMAND --help`, ending with a newline.
    static var help: String { get }
    /// Its options, `--help` excepted (every command has it).
    static var options: [OptionDefinition] { get }

    /// Runs the command and returns its exit status; a `UsageError` becomes exit status 64.
    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32
}
