import Foundation

/// Docs/Performance.md is part hand-written, part measured: the benchmark owns only what lies between
/// its two markers and leaves the rest as it is, so one file holds the numbers and what they mean.
enum ReportFile {
    static let beginMarker = "<!-- benchmark:begin -->"
    static let endMarker = "<!-- benchmark:end -->"

    /// Puts `section` between the markers of the file at `path`, atomically: a reader, or a run stopped
    /// half-way, sees the old file or the new one. A missing file is created with a title and the markers.
    static func write(section: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let existing = FileManager.default.fileExists(atPath: path)
            ? try String(contentsOf: url, encoding: .utf8)
            : "# Performance\n\n\(beginMarker)\n\(endMarker)\n"
        let text = try replacingSection(in: existing, with: section, path: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).plancat-bench-\(getpid())")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw BenchmarkFailure("cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// The text with everything between the markers replaced; a file without them gets them at its end.
    static func replacingSection(in text: String, with section: String, path: String) throws -> String {
        let body = "\(beginMarker)\n\(section.hasSuffix("\n") ? section : section + "\n")\(endMarker)"
        guard let begin = text.range(of: beginMarker) else {
            return text + (text.hasSuffix("\n") || text.isEmpty ? "" : "\n") + "\n" + body + "\n"
        }
        guard let end = text.range(of: endMarker, range: begin.upperBound..<text.endIndex) else {
            throw BenchmarkFailure("\(path) has \(beginMarker) but no \(endMarker) after it")
        }
        return text[..<begin.lowerBound] + body + text[end.upperBound...]
    }
}
