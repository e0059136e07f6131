import Foundation
import PackagePlugin

/// Generates `BuildCommit.swift`, which tells `plancat --version` the commit the binary was built from.
///
/// A prebuild command, because only a command that runs on every build keeps the commit current: a build
/// command runs only when its declared inputs change, and the commit lives in `.git`, which is not an
/// input SwiftPM can watch. The command is `/bin/sh` (prebuild commands must run an existing executable,
/// not one built from this package) running `git rev-parse`; it rewrites the generated file only when the
/// commit changed, so a rebuild on the same commit compiles nothing.
///
/// Where no commit is known — a source tarball, no `git` on PATH, or a package directory that is not the
/// top of its own work tree (sources copied into someone else's repository must not claim that
/// repository's commit) — the file says `nil` and `--version` prints only the version. Packagers who
/// build outside a checkout can set `PLANCAT_BUILD_COMMIT` (hexadecimal) at build time instead.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let outputDirectory = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let environment = ProcessInfo.processInfo.environment
        var commandEnvironment = ["PATH": environment["PATH"] ?? "/usr/bin:/bin"]
        if let commit = environment["PLANCAT_BUILD_COMMIT"] {
            commandEnvironment["PLANCAT_BUILD_COMMIT"] = commit
        }
        return [
            .prebuildCommand(
                displayName: "Recording the commit plancat is built from",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    "-c", Self.script, "build-commit",
                    context.package.directoryURL.path, outputDirectory.appending(path: "BuildCommit.swift").path,
                ],
                environment: commandEnvironment,
                outputFilesDirectory: outputDirectory
            ),
        ]
    }

    /// `$1` is the package directory, `$2` the file to write. Prints nothing unless it fails.
    static let script = #"""
        set -u
        package="$1" output="$2"
        commit="${PLANCAT_BUILD_COMMIT:-}"
        if [ -n "$commit" ]; then
            case "$commit" in
                *[!0-9a-f]*) echo "error: PLANCAT_BUILD_COMMIT must be a commit in lowercase hexadecimal, not '$commit'" >&2
                             exit 1 ;;
            esac
        elif top="$(git -C "$package" rev-parse --show-toplevel 2>/dev/null)" \
             && [ "$(cd "$top" && pwd -P)" = "$(cd "$package" && pwd -P)" ]; then
            commit="$(git -C "$package" rev-parse --verify --quiet HEAD 2>/dev/null)" || commit=""
        fi
        if [ -n "$commit" ]; then value="\"$commit\""; else value="nil"; fi
        mkdir -p "$(dirname "$output")"
        temporary="$output.tmp.$$"
        {
            echo '// Generated on every build by the BuildCommitPlugin (Sources/BuildCommitPlugin); do not edit.'
            echo 'extension PlanCatalogCLI {'
            echo '    /// The git commit this binary was built from, or nil where none is known.'
            echo "    static let buildCommit: String? = $value"
            echo '}'
        } > "$temporary"
        if cmp -s "$temporary" "$output"; then rm -f "$temporary"; else mv -f "$temporary" "$output"; fi
        """#
}
