/// Something that stops the benchmark: a command that failed or a file that could not be written. The
/// message is printed as it is, on standard error, and the run exits 1 without writing a report: a
/// report with a hole in it would read as a measurement.
struct BenchmarkFailure: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
