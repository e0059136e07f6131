import Foundation

/// The general JSON readers the benchmark times beside plancat, on each size's own catalog.json: what any
/// program must at least spend to read as much as `check` does. A compiler of a 58 MB catalog that is
/// slower than Python's C JSON parser on the same catalog as JSON has room to go.
enum Floor: CaseIterable {
    /// CPython's `json.load`, a C parser that builds Python objects.
    case pythonJSON
    /// `jq .`: parse and print again (the printing goes to /dev/null, as plancat's output does not).
    case jq

    /// How the report names it.
    var name: String {
        switch self {
        case .pythonJSON: "python3 json.load"
        case .jq: "jq ."
        }
    }

    /// The program and its arguments for a size, relative to the work directory; nil when the program is
    /// not installed.
    func command(for workspace: SyntheticWorkspace) -> (program: String, arguments: [String])? {
        guard let program = program else { return nil }
        switch self {
        case .pythonJSON:
            return (program, ["-c", "import json, sys; json.load(open(sys.argv[1], 'rb'))", workspace.deployedName])
        case .jq:
            return (program, [".", workspace.deployedName])
        }
    }

    /// The reader's executable, looked up once per run rather than once per size.
    private var program: String? {
        switch self {
        case .pythonJSON: Self.pythonPath
        case .jq: Self.jqPath
        }
    }

    /// The interpreter itself, not a version manager's shim script in front of it (pyenv's costs a
    /// shell's start-up on every run).
    private static let pythonPath: String? = absolutePath(CommandOutput.text(["python3", "-c", "import sys; print(sys.executable)"]))
    private static let jqPath: String? = absolutePath(CommandOutput.text(["sh", "-c", "command -v jq"]))

    private static func absolutePath(_ path: String?) -> String? {
        path.flatMap { $0.hasPrefix("/") ? $0 : nil }
    }
}
