import Foundation

/// Progress lines on standard error, each with the time since the benchmark started: a full run takes
/// minutes, and a line per step shows where it is and what is slow.
enum Progress {
    private static let start = ContinuousClock.now

    static func note(_ message: String) {
        let seconds = (ContinuousClock.now - start).seconds
        FileHandle.standardError.write(Data("[\(Format.fixed(seconds, digits: 1)) s] \(message)\n".utf8))
    }
}
