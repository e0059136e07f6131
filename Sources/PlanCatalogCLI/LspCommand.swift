import PlanCatalogLanguageServer

/// `plancat lsp`: the language server, on standard input and output, for as long as the editor keeps it.
///
/// It speaks the Language Server Protocol to the process's own streams rather than through the
/// `Terminal`: its output is protocol only, framed bytes, and the server writes it itself.
enum LspCommand: Command {
    static let name = "lsp"
    static let abstract = "the language server, for editors (LSP over standard input and output)"
    static let usage = "plancat lsp [--stdio]"
    static let options: [OptionDefinition] = [.flag("--stdio")]

    static let help = """
        usage: \(usage)

        Run the plancat language server: JSON-RPC 2.0 messages of the Language Server Protocol
        (3.17) on standard input and output, logs on standard error. An editor starts it; it
        publishes the diagnostics of `plancat check` for every file of the catalog of each open
        file, as it is typed, and answers hover, definition, references, rename, completion,
        quick fixes, inlay hints and the rest (Docs/LanguageServer.md).

        Options:
          --stdio      accepted and ignored: standard input and output are the only transport
          -h, --help   show this help

        Exit status:
          0   the editor sent `shutdown`, then `exit`
          1   `exit` came without `shutdown`, or the input ended first

        Examples:
          plancat lsp

        """

    static func run(_ arguments: ScannedArguments, terminal: some Terminal) throws(UsageError) -> Int32 {
        if let operand = arguments.operands.first {
            throw UsageError("unexpected argument `\(operand)`: lsp takes no PATH",
                             hint: "the editor sends the files it opens")
        }
        return LanguageServer.runOnStandardStreams(serverVersion: PlanCatalogCLI.version)
    }
}
