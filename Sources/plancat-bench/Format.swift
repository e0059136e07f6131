import Foundation

/// How the report writes numbers. Megabytes are 10⁶ bytes throughout, for sizes, throughput and memory
/// alike, so that MB/s and RSS ÷ input compare with the source sizes directly.
enum Format {
    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// A duration in the unit that keeps three significant digits readable: `8.42 ms`, `0.413 s`.
    static func duration(_ seconds: Double) -> String {
        seconds < 0.1 ? "\(fixed(seconds * 1000, digits: seconds < 0.01 ? 2 : 1)) ms" : "\(fixed(seconds, digits: 3)) s"
    }

    static func milliseconds(_ seconds: Double) -> String {
        "\(fixed(seconds * 1000, digits: 1)) ms"
    }

    static func megabytes(_ bytes: Int) -> String {
        let megabytes = Double(bytes) / 1e6
        return "\(fixed(megabytes, digits: megabytes < 10 ? 2 : 1)) MB"
    }

    static func throughput(bytes: Int, seconds: Double) -> String {
        fixed(Double(bytes) / 1e6 / seconds, digits: 1)
    }

    /// `100,000`: plan counts as the issue writes them.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }

    /// `1 run`, `5 runs`.
    static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// `1k`, `10k`, `100k`, `250`: plan counts in column headings.
    static func short(_ plans: Int) -> String {
        plans >= 1000 && plans % 1000 == 0 ? "\(plans / 1000)k" : grouped(plans)
    }
}
