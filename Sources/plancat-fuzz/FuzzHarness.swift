#if FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCatalog

/// Called by libFuzzer with each input; runs the harness chosen on the command line.
@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzHarness.selected.run(bytes)
    return 0
}

/// One entry point of plancat that takes outside input, driven the way the CLI drives it.
///
/// A harness does more than look for crashes: it checks the properties that must hold for every input
/// (spans inside the file, the formatter idempotent and token-preserving, a built catalog read back by the
/// strict reader, a catalog diffed against itself empty, imported source compiling cleanly). A broken
/// property is a `fatalError`, which libFuzzer reports and saves like any crash.
enum FuzzHarness: String, CaseIterable {
    /// `.plancat` text through check, emit and every diagnostic renderer.
    case check
    /// `.plancat` text through the formatter.
    case format
    /// catalog.json through the strict reader and the importer.
    case `import`
    /// catalog.json through the strict reader and the differ, both ways against a real catalog.
    case diff

    /// Chosen once, before libFuzzer starts calling; never changed afterwards.
    nonisolated(unsafe) static var selected = FuzzHarness.check

    /// Work done once per process, so that each input pays only for itself.
    func prepare() {
        if self == .diff { _ = FuzzBaseline.document }
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .check: Self.check(bytes)
        case .format: Self.format(bytes)
        case .import: Self.importJSON(bytes)
        case .diff: Self.diff(bytes)
        }
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("property broken: \(message())") }
    }
}
#endif
