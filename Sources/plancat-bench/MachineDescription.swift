import Foundation

/// The machine and the code a report's numbers come from: without them a time says nothing, and two
/// reports cannot be compared.
struct MachineDescription {
    var processor = "unknown"
    var cores = ProcessInfo.processInfo.activeProcessorCount
    var memory = "unknown"
    var kernel = "unknown"
    var swift = "unknown"
    /// `2025-01-31 14:05 UTC`.
    var date: String
    /// The short commit of the current directory's repository, with a note when the tree has changes.
    var commit = "unknown"

    /// Reads /proc, uname, `swift --version` and `git` in the current directory; whatever cannot be read
    /// stays "unknown".
    static func current() -> MachineDescription {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        var machine = MachineDescription(date: formatter.string(from: Date()))

        if let model = field("model name", inFile: "/proc/cpuinfo") { machine.processor = model }
        if let total = field("MemTotal", inFile: "/proc/meminfo"),
           let kilobytes = Double(total.split(separator: " ").first ?? "") {
            machine.memory = "\(Format.fixed(kilobytes / 1_048_576, digits: 1)) GiB"
        }
        var names = utsname()
        if uname(&names) == 0 {
            machine.kernel = [names.sysname, names.release, names.machine].map(string(of:)).joined(separator: " ")
        }
        if let version = CommandOutput.text(["swift", "--version"])?.split(separator: "\n").first {
            machine.swift = String(version)
        }
        if let commit = CommandOutput.text(["git", "rev-parse", "--short", "HEAD"]) {
            let changes = CommandOutput.text(["git", "status", "--porcelain", "--untracked-files=no"]) ?? ""
            machine.commit = changes.isEmpty ? commit : "\(commit) with uncommitted changes"
        }
        return machine
    }

    /// The value of the first `NAME : value` line of a /proc file.
    private static func field(_ name: String, inFile path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 && parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A fixed-size C character array of `utsname` as a string.
    private static func string<Characters>(of characters: Characters) -> String {
        withUnsafeBytes(of: characters) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
