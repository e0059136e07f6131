/// One command timed on one catalog size, as whole processes.
struct CommandResult {
    let command: String
    let plans: Int
    let inputBytes: Int
    let samples: Samples
    /// The largest peak RSS of the timed runs.
    let peakResidentBytes: Int

    /// Input megabytes per second of the median run.
    var throughput: String { Format.throughput(bytes: inputBytes, seconds: samples.median) }

    /// Peak memory as a multiple of the input: what the memory targets bound.
    var memoryRatio: Double { Double(peakResidentBytes) / Double(inputBytes) }
}
