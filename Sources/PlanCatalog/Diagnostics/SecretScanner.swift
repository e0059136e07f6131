/// Finds what looks like a secret API key in a catalog's bytes, reports it (E1001), and masks it
/// wherever plancat would otherwise print it (LANGUAGE.md §4.10).
///
/// The scan runs over the raw bytes rather than over tokens, so a key is found wherever it stands —
/// in a string, in a comment, even in a line the lexer could not make sense of — and a file that does
/// not parse still cannot leak a key into a CI log. A key is one of the `prefixes`, not preceded by an
/// ASCII letter or digit (so the id `task_test_x` is not a key), followed by at least one ASCII letter
/// or digit; it runs on over `[A-Za-z0-9_]`.
public enum SecretScanner {
    /// The key prefixes of the payment providers a catalog is deployed to, in the order they are tried:
    /// Lumen's secret key, the secret and restricted keys of Stripe-style APIs in live and test mode, and
    /// webhook signing secrets. `lumen_sk_` comes first so that `lumen_sk_live_…` is one key, not a key
    /// inside a key. Publishable keys (`pk_live_`, `lumen_pk_`) are public by design and not listed.
    /// Docs/Robustness.md lists these; SecretScannerTests checks that the two agree.
    public static let prefixes = ["lumen_sk_", "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"]

    /// Three bytes that every prefix holds, each ending in its first or only `_` but one: `sk_`, `rk_`,
    /// `ec_`. A text without any of them holds no key, so the fast paths that decide whether a string or a
    /// line needs the full scan (the JSON parser, `LineTable`) look for these alone.
    public static let markers = ["sk_", "rk_", "ec_"]

    /// Whether the two bytes before a `_` make it the end of a marker (`sk_`, `rk_`, `ec_`).
    @inline(__always)
    public static func isMarker(_ first: UInt8, _ second: UInt8) -> Bool {
        (second == UInt8(ascii: "k") && (first == UInt8(ascii: "s") || first == UInt8(ascii: "r")))
            || (second == UInt8(ascii: "c") && first == UInt8(ascii: "e"))
    }

    /// Whether `bytes` hold a marker: `false` means they hold no key.
    public static func mayHoldKey<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "_"), isMarker(first, second) { return true }
            first = second
            second = byte
        }
        return false
    }

    /// What replaces the secret part of a key when it is shown: `sk_live_••••`. Four bullets whatever the
    /// key's length, so that not even the length of the key leaks.
    public static let mask = "••••"

    /// One E1001 error for each key in the file, at the key's span, with the key masked in the message;
    /// and one at a string's span for each key that only its escapes spell (`"sk\u{5f}live_…"`). The
    /// diagnostics name the file as `id`, its id in the compilation's `FileTable`.
    ///
    /// Only the lines the line table marks as holding a marker are scanned (`LineTable`): a key is one
    /// line's run of key characters, and it holds a marker.
    public static func diagnostics(in file: SourceFile, id: FileID = .first) -> [Diagnostic] {
        let lines = file.lineTable
        let raw = lines.linesThatMayHoldAKey.flatMap { line in
            keyRanges(in: file.bytes[lines.contentRange(ofLine: line, in: file.bytes)]).map { range in
                diagnostic(key: keyText(file.bytes[range]), in: id, span: Span(start: range.lowerBound, end: range.upperBound))
            }
        }
        return raw + escapedKeyDiagnostics(in: file, id: id)
    }

    /// E1001 at a string's span for each key that its value holds but its source bytes do not.
    private static func escapedKeyDiagnostics(in file: SourceFile, id: FileID) -> [Diagnostic] {
        escapedKeyStrings(in: file).flatMap { string in
            string.keys.map { diagnostic(key: $0, in: id, span: string.span) }
        }
    }

    /// The string literals whose value holds a key that their source bytes do not spell, with those keys.
    ///
    /// A string's value is what reaches the pricing table, and an escape (`\u{5f}` for `_`, `\u{73}` for
    /// `s`, in any mix) would otherwise spell a key past the scan of the bytes. The text is lexed again
    /// only when it holds a backslash, so a catalog without escapes costs nothing more. The renderer masks
    /// these strings whole in the lines it shows, since the key is not a run of bytes there.
    static func escapedKeyStrings(in file: SourceFile) -> [(span: Span, keys: [String])] {
        // The line table has looked at every byte already: asking it spares reading the file once more.
        guard file.lineTable.holdsBackslash else { return [] }
        var found: [(span: Span, keys: [String])] = []
        Lexer.forEachToken(in: file) { token in
            guard token.kind == .string, let value = token.stringValue else { return }
            let source = file.bytes[token.span.start..<token.span.end]
            guard source.contains(UInt8(ascii: "\\")) else { return }
            let spelled = Set(keyRanges(in: source).map { keyText(source[$0]) })
            let bytes = Array(value.utf8)
            let keys = keyRanges(in: bytes).map { keyText(bytes[$0]) }.filter { !spelled.contains($0) }
            if !keys.isEmpty { found.append((token.span, keys)) }
        }
        return found
    }

    private static func diagnostic(key: String, in file: FileID, span: Span) -> Diagnostic {
        Diagnostic(
            .secretKey,
            "secret API key `\(masked(key))` in the catalog",
            at: SourceLocation(file: file, span: span),
            label: "this looks like a secret API key",
            help: "remove the key from the catalog and rotate it with your payment provider: "
                + "it has been committed, so treat it as leaked"
        )
    }

    /// The byte ranges of every key in `bytes`, in order and never overlapping.
    ///
    /// The ranges are indices of `bytes`, so a slice of a file's bytes yields offsets into the file.
    public static func keyRanges<Bytes: Collection<UInt8>>(in bytes: Bytes) -> [Range<Bytes.Index>] {
        var ranges: [Range<Bytes.Index>] = []
        var index = bytes.startIndex
        var previous: UInt8?
        while index != bytes.endIndex {
            // Most bytes of a file start no prefix, and are passed after one table lookup.
            let byte = bytes[index]
            if startsPrefix[Int(byte)],
               previous.map(isLetterOrDigit) != true, let prefixEnd = matchedPrefixEnd(in: bytes, at: index),
               prefixEnd != bytes.endIndex, isLetterOrDigit(bytes[prefixEnd]) {
                var end = prefixEnd
                var last = bytes[prefixEnd]
                while end != bytes.endIndex, isKeyCharacter(bytes[end]) {
                    last = bytes[end]
                    end = bytes.index(after: end)
                }
                ranges.append(index..<end)
                previous = last
                index = end
                continue
            }
            previous = byte
            index = bytes.index(after: index)
        }
        return ranges
    }

    /// The text with the secret part of every key replaced by `mask`: `sk_live_abc123` → `sk_live_••••`.
    ///
    /// Anything that prints source text (a diagnostic's snippet, a formatter's diff) passes it through here.
    public static func masked(_ text: String) -> String {
        guard mayHoldKey(text.utf8) else { return text }
        let bytes = Array(text.utf8)
        let ranges = keyRanges(in: bytes)
        guard !ranges.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges {
            result.append(contentsOf: bytes[position..<range.lowerBound])
            result.append(contentsOf: maskedKey(bytes[range]).utf8)
            position = range.upperBound
        }
        result.append(contentsOf: bytes[position...])
        return String(decoding: result, as: UTF8.self)
    }

    /// The byte ranges of `range` (a line, or the part of one that is shown) that are shown as `mask`:
    /// the secret part of each key after its visible prefix, and the inside of each string whose escapes
    /// spell a key (no run of its bytes is the key, so none can stay visible). Sorted, never overlapping.
    ///
    /// The text renderer prints these as bullets and `LineTable` counts them as the mask's four columns,
    /// so that the line and the positions on it agree and neither tells the key's length.
    public static func maskedRegions(in bytes: [UInt8], range: Range<Int>) -> [Range<Int>] {
        var regions = keyRanges(in: bytes[range]).map { key in
            key.lowerBound + prefixLength(ofKey: bytes[key])..<key.upperBound
        }
        if bytes[range].contains(UInt8(ascii: "\\")) {
            for string in escapedKeyStrings(in: SourceFile(path: "", bytes: Array(bytes[range]))) {
                let start = range.lowerBound + string.span.start, end = range.lowerBound + string.span.end
                // An unterminated string has no closing quote to keep.
                let closes = end - 1 > start && bytes[end - 1] == UInt8(ascii: "\"")
                regions.append(start + 1..<(closes ? end - 1 : end))
            }
            regions.sort { $0.lowerBound < $1.lowerBound }
        }
        var merged: [Range<Int>] = []
        for region in regions {
            if let last = merged.last, region.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<Swift.max(last.upperBound, region.upperBound)
            } else {
                merged.append(region)
            }
        }
        return merged
    }

    /// How a key found by `keyRanges` is shown: its prefix and the mask.
    public static func maskedKey<Bytes: Collection<UInt8>>(_ key: Bytes) -> String {
        let text = keyText(key)
        let prefix = prefixes.first { text.hasPrefix($0) } ?? ""
        return prefix + mask
    }

    /// The number of bytes of a key's prefix, which stays visible when the key is masked.
    static func prefixLength<Bytes: Collection<UInt8>>(ofKey key: Bytes) -> Int {
        let text = keyText(key)
        return prefixes.first { text.hasPrefix($0) }?.utf8.count ?? 0
    }

    // MARK: Bytes

    private static let prefixBytes = prefixes.map { Array($0.utf8) }

    /// For each byte value, whether some prefix starts with it.
    private static let startsPrefix: [Bool] = (0...255).map { byte in prefixBytes.contains { $0.first == UInt8(byte) } }

    /// The index just after the prefix that starts at `index`, if one does.
    private static func matchedPrefixEnd<Bytes: Collection<UInt8>>(in bytes: Bytes, at index: Bytes.Index)
        -> Bytes.Index? {
        for prefix in prefixBytes {
            var position = index
            var matches = true
            for byte in prefix {
                guard position != bytes.endIndex, bytes[position] == byte else {
                    matches = false
                    break
                }
                position = bytes.index(after: position)
            }
            if matches { return position }
        }
        return nil
    }

    private static func keyText<Bytes: Collection<UInt8>>(_ key: Bytes) -> String {
        String(decoding: key, as: UTF8.self)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// Whether `byte` can be part of a key: an ASCII letter or digit, or `_`.
    public static func isKeyCharacter(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: "_")
    }
}
