#if FUZZING
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCatalog
import PlanCatalogFuzzing

/// Called by libFuzzer with each input: runs the harness chosen on the command line, and turns a broken
/// property into a crash, which libFuzzer reports and saves like any other.
@_cdecl("LLVMFuzzerTestOneInput")
func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = FuzzDriver.harness.run(bytes, baseline: FuzzDriver.baseline)
    if !problems.isEmpty { fatalError("property broken: " + problems.joined(separator: "; ")) }
    return 0
}

/// What the driver sets up once, before libFuzzer starts calling.
enum FuzzDriver {
    /// Chosen from the command line before libFuzzer starts; never changed afterwards.
    nonisolated(unsafe) static var harness = FuzzHarness.check

    /// The catalog the diff harness compares each input with: the shipped freemium-to-enterprise
    /// catalog, or the `.plancat` file `PLANCAT_FUZZ_BASELINE` names.
    static let baseline: CatalogDocument = {
        let path = getenv("PLANCAT_FUZZ_BASELINE").map { String(cString: $0) }
            ?? "catalogs/freemium-to-enterprise.plancat"
        guard let bytes = BoundedFileReader.contents(ofFile: path, limit: InputLimits.maximumSourceFileBytes) else {
            fatalError("cannot read the diff baseline \(path)")
        }
        guard let document = FuzzHarness.baseline(fromSource: bytes, path: path) else {
            fatalError("the diff baseline \(path) has errors")
        }
        return document
    }()
}
#endif
