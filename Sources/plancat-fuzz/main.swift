// The coverage-guided fuzzer of plancat's entry points (Docs/Robustness.md § Fuzzing).
//
// Everything is compiled only with `-D FUZZING`, in a build of this product alone with
// `-sanitize=fuzzer,address` (`.ci/fuzz` does both). A plain `swift build` gives an executable that only
// says how to build the real one, so the package still builds everywhere without libFuzzer.
//
//     plancat-fuzz HARNESS [libFuzzer options] [CORPUS_DIR…]
//
// HARNESS is one of `check`, `format`, `import`, `diff`; everything after it goes to libFuzzer.

#if FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCatalogFuzzing

/// libFuzzer's entry point for a program that has its own `main`: it parses the libFuzzer options in
/// `argv` and calls `callback` with each input until the time or run limit is reached.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var arguments = CommandLine.arguments
guard arguments.count >= 2, let harness = FuzzHarness(rawValue: arguments[1]) else {
    let names = FuzzHarness.allCases.map(\.rawValue).joined(separator: " | ")
    printError("usage: plancat-fuzz \(names) [libFuzzer options] [CORPUS_DIR…]\n")
    exit(64)
}
FuzzDriver.harness = harness
_ = FuzzDriver.baseline
arguments.remove(at: 1)

// libFuzzer keeps pointers into argv for the whole run, so the strings are never freed.
var argumentPointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
var argumentCount = Int32(arguments.count)
let status = argumentPointers.withUnsafeMutableBufferPointer { buffer in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argumentCount, &argv, LLVMFuzzerTestOneInput)
}
exit(status)
#else
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

printError("""
    plancat-fuzz was built without fuzzing support.
    Run `.ci/fuzz` from the repository root, which builds it with -sanitize=fuzzer,address -D FUZZING
    (Docs/Robustness.md § Fuzzing).

    """)
exit(64)
#endif

/// Writes to standard error with write(2), which needs no shared `FILE` stream.
func printError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}
