import Foundation
import PlanCatalog

/// The terminal every command writes through: it masks each secret key (`sk_live_••••`) in everything
/// written to standard output and standard error, so that no key leaves the process, whoever quoted it —
/// a diagnostic, a file path, an echoed argument, a formatter's diff (issue 18, item 6).
///
/// The library already keeps keys out of what it words (`Diagnostic` masks its texts, the catalog.json
/// reader its errors); this is the last place a key can be caught, and the one that covers the CLI's own
/// messages. The products a key could reach are refused before they are written (`build` fails on E1001,
/// the catalog.json reader refuses a key, `fmt -` refuses to print a source that holds one), so masking
/// never changes what a command meant to output.
///
/// A key never holds anything but letters, digits and `_`, so one that two writes split (`sk_li` then
/// `ve_…`) lies in the run of such characters that ends the first write: that run is held back and
/// written with the next text, or by `flush()` at the end of the run.
final class SecretMaskingTerminal<Base: Terminal>: Terminal {
    private let base: Base
    /// The tail held back from each stream, and the lock around it: a command may write from more than
    /// one thread.
    private var held: [TerminalStream: String] = [:]
    private let lock = NSLock()

    init(_ base: Base) {
        self.base = base
    }

    func write(_ text: String, to stream: TerminalStream) {
        let ready: String = lock.withLock {
            // The usual write (nothing held, ending in a line end) goes on as it is, with no copy: a
            // `--print catalog` of a huge catalog is one write of hundreds of megabytes.
            if held[stream, default: ""].isEmpty, let last = text.utf8.last, !SecretScanner.isKeyCharacter(last) { return text }
            let pending = (held[stream] ?? "") + text
            let cut = Self.heldBackStart(in: pending)
            held[stream] = String(pending[cut...])
            return String(pending[..<cut])
        }
        if !ready.isEmpty { base.write(SecretScanner.masked(ready), to: stream) }
    }

    /// Writes what is held back; the CLI calls it once the command is done.
    func flush() {
        for stream in [TerminalStream.standardOutput, .standardError] {
            let rest: String = lock.withLock { held.removeValue(forKey: stream) ?? "" }
            if !rest.isEmpty { base.write(SecretScanner.masked(rest), to: stream) }
        }
    }

    /// Where the trailing run of key characters (ASCII letters, digits and `_`) starts: the part a key
    /// could continue into the next write.
    private static func heldBackStart(in text: String) -> String.Index {
        var start = text.utf8.endIndex
        while start > text.utf8.startIndex {
            let before = text.utf8.index(before: start)
            guard SecretScanner.isKeyCharacter(text.utf8[before]) else { break }
            start = before
        }
        return start
    }

    func isInteractive(_ stream: TerminalStream) -> Bool { base.isInteractive(stream) }
    var environment: [String: String] { base.environment }
    var currentDirectory: String { base.currentDirectory }
    func readStandardInput() throws -> [UInt8] { try base.readStandardInput() }
}
