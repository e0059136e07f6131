/// The plancat commands the benchmark times on every synthetic catalog, as a user runs them.
enum TimedCommand: CaseIterable {
    case check
    case build
    case diff
    case fmtCheck
    case `import`

    /// How the report names it.
    var name: String {
        switch self {
        case .check: "check"
        case .build: "build"
        case .diff: "diff"
        case .fmtCheck: "fmt --check"
        case .import: "import"
        }
    }

    /// The arguments for a size, relative to the work directory.
    func arguments(for workspace: SyntheticWorkspace) -> [String] {
        switch self {
        case .check: ["check", workspace.catalogName]
        // Into the same directory every run: build replaces its files atomically, as it does in CI.
        case .build: ["build", workspace.catalogName, "-o", "out-\(workspace.plans)"]
        // Exit 0 with changes: only `--detailed-exitcode` makes changes exit 2.
        case .diff: ["diff", workspace.repricedName, "--against", workspace.deployedName]
        case .fmtCheck: ["fmt", "--check", workspace.catalogName]
        case .import: ["import", workspace.deployedName, "-o", "imported-\(workspace.plans).plancat"]
        }
    }

    /// The bytes the command reads, for MB/s and RSS ÷ input.
    func inputBytes(of workspace: SyntheticWorkspace) -> Int {
        switch self {
        case .check, .build, .fmtCheck: workspace.sourceBytes
        case .diff: workspace.repricedBytes
        case .import: workspace.deployedBytes
        }
    }
}
