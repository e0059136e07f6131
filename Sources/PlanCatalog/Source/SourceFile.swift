import Foundation

/// One input file: its display path and its raw bytes, exactly as read.
///
/// The bytes are kept undecoded: the lexer works over UTF-8 bytes and reports invalid sequences itself,
/// so nothing is lost or replaced before a diagnostic can point at it.
public final class SourceFile: Sendable {
    /// The path as the user named it (or `<stdin>`), used in diagnostics.
    public let path: String
    public let bytes: [UInt8]
    /// Line starts, computed once when the file is created; lines and columns are derived from it on demand.
    public let lineTable: LineTable

    /// The masked regions of the lines that may hold a secret key, found on first use (see `location`).
    private let maskedRegions = MaskedRegionCache()

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineTable = LineTable(bytes: bytes)
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Whether the file is over `InputLimits.maximumSourceFileBytes`: then it is reported (E0113) and not
    /// looked at any further.
    public var exceedsSizeLimit: Bool { bytes.count > InputLimits.maximumSourceFileBytes }

    /// The text of a span, with invalid UTF-8 replaced (for messages only, never for meaning).
    ///
    /// The parser asks for the text of every word and number, nearly all of them short ASCII: the bytes
    /// are copied straight into the string, which then holds them inline (up to 15 bytes) and needs no
    /// UTF-8 check when they are ASCII. Any other text is checked and repaired as `String(decoding:)` does.
    public func text(of span: Span) -> String {
        let clamped = Swift.max(0, Swift.min(span.start, bytes.count))..<Swift.max(0, Swift.min(span.end, bytes.count))
        guard !clamped.isEmpty else { return "" }
        return bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: clamped.count) { text in
                UnsafeMutableRawBufferPointer(text).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: source[clamped])))
                return clamped.count
            }
        }
    }

    /// The line and column of `offset` as a diagnostic shows them: on a line that holds a secret key, the
    /// key counts as masked (`LineTable`).
    public func location(of offset: Int) -> LineColumn {
        lineTable.lineColumn(of: offset, in: bytes) { line, content in
            self.maskedRegions.regions(ofLine: line) { SecretScanner.maskedRegions(in: self.bytes, range: content) }
        }
    }
}

/// The masked regions of each line asked about, kept so that they are found once per line however many
/// diagnostics it has: a thousand of them on one long line with escapes would otherwise lex it a thousand
/// times. Locked, since a file's diagnostics may be worded on several threads.
private final class MaskedRegionCache: @unchecked Sendable {
    private var regionsByLine: [Int: [Range<Int>]] = [:]
    private let lock = NSLock()

    func regions(ofLine line: Int, finding: () -> [Range<Int>]) -> [Range<Int>] {
        if let known = lock.withLock({ regionsByLine[line] }) { return known }
        let found = finding()
        lock.withLock { regionsByLine[line] = found }
        return found
    }
}
