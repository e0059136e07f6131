// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plancat",
    products: [
        .executable(name: "plancat", targets: ["plancat"]),
        .library(name: "PlanCatalog", targets: ["PlanCatalog"]),
    ],
    targets: [
        // Every stage of the compiler: source → tokens → statements → model → checks. Prints nothing.
        .target(name: "PlanCatalog"),
        // Argument scanning and commands; streams and environment are injected so tests can drive it.
        .target(name: "PlanCatalogCLI", dependencies: ["PlanCatalog"]),
        // A few lines that hand the process to PlanCatalogCLI.
        .executableTarget(name: "plancat", dependencies: ["PlanCatalogCLI"]),
        // libFuzzer harnesses for every entry point that takes outside input; only built by `.ci/fuzz`,
        // with -sanitize=fuzzer,address -D FUZZING (Docs/Robustness.md § Fuzzing).
        .executableTarget(name: "plancat-fuzz", dependencies: ["PlanCatalog"], exclude: ["Dictionaries"]),
        .testTarget(
            name: "PlanCatalogTests",
            dependencies: ["PlanCatalog"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PlanCatalogCLITests",
            dependencies: ["PlanCatalogCLI", "PlanCatalog"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
