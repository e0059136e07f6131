// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plancat",
    products: [
        .executable(name: "plancat", targets: ["plancat"]),
        .library(name: "PlanCatalog", targets: ["PlanCatalog"]),
        .library(name: "PlanCatalogLanguageServer", targets: ["PlanCatalogLanguageServer"]),
    ],
    targets: [
        // Every stage of the compiler: source → tokens → statements → model → checks. Prints nothing.
        .target(name: "PlanCatalog"),
        // Argument scanning and commands; streams and environment are injected so tests can drive it.
        // The commit in `plancat --version` comes from BuildCommitPlugin, which runs `git rev-parse HEAD` on
        // every build.
        .target(name: "PlanCatalogCLI", dependencies: ["PlanCatalog", "PlanCatalogLanguageServer"],
                plugins: ["BuildCommitPlugin"]),
        // `plancat lsp`: the JSON-RPC transport, the lifecycle, the open documents and one handler per LSP
        // method, over the compiler's library. The protocol is not the compiler's business.
        .target(name: "PlanCatalogLanguageServer", dependencies: ["PlanCatalog"]),
        // Writes PlanCatalogCLI.buildCommit before each build: the commit of this checkout, nil without one,
        // or PLANCAT_BUILD_COMMIT when a packager sets it (Docs/Install.md).
        .plugin(name: "BuildCommitPlugin", capability: .buildTool(), path: "Sources/BuildCommitPlugin"),
        // A few lines that hand the process to PlanCatalogCLI.
        .executableTarget(name: "plancat", dependencies: ["PlanCatalogCLI"]),
        // The fuzz harnesses: each entry point that takes outside input, with the properties every input
        // must keep. Run by the libFuzzer driver below and, over the corpus and past findings, by the tests.
        .target(name: "PlanCatalogFuzzing", dependencies: ["PlanCatalog", "PlanCatalogLanguageServer"]),
        // The libFuzzer driver; only built by `.ci/fuzz`, alone, with -sanitize=fuzzer,address -D FUZZING
        // (Docs/Robustness.md § Fuzzing).
        .executableTarget(name: "plancat-fuzz", dependencies: ["PlanCatalog", "PlanCatalogFuzzing"],
                          exclude: ["Dictionaries"]),
        // The synthetic catalogs of the benchmark: valid, canonical and deterministic for a size and seed.
        .target(name: "PlanCatalogSynthesis"),
        // The benchmark program: times every command at 1k, 10k and 100k plans, as whole processes and per
        // pipeline stage, and writes Docs/Performance.md (run it in release: `.ci/bench`).
        .executableTarget(name: "plancat-bench",
                         dependencies: ["PlanCatalog", "PlanCatalogSynthesis", "PlanCatalogLanguageServer"]),
        // What both test targets share: the seeded random generator of generated tests, and the one
        // golden-file comparison (PLANCAT_UPDATE_GOLDENS=1 rewrites; a mismatch prints a unified diff).
        .target(name: "PlanCatalogTestSupport", dependencies: ["PlanCatalog"], path: "Tests/PlanCatalogTestSupport"),
        .testTarget(
            name: "PlanCatalogTests",
            dependencies: ["PlanCatalog", "PlanCatalogFuzzing", "PlanCatalogSynthesis", "PlanCatalogTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PlanCatalogCLITests",
            dependencies: ["PlanCatalogCLI", "PlanCatalog", "PlanCatalogTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PlanCatalogLanguageServerTests",
            dependencies: ["PlanCatalogLanguageServer", "PlanCatalog", "PlanCatalogTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
