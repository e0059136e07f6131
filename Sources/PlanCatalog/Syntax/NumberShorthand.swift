/// The shorthands people write for large numbers on pricing pages — `10k`, `1.5k`, `2M`, `3bn` — and
/// the number the language wants instead, so that a diagnostic can say what to write (`10_000`).
///
/// The language itself never reads them: a number is digits (LANGUAGE.md §1), and `10k` lexes as a word.
enum NumberShorthand {
    /// `10k` → `10_000`, `1.5k` → `1_500`, `2M` → `2_000_000`, `3bn` → `3_000_000_000`; nil for anything
    /// else, and for a fraction the multiplier does not make whole (`1.2345k`).
    static func expansion(of text: String) -> String? {
        let multipliers: [(suffix: String, zeros: Int)] = [("bn", 9), ("k", 3), ("K", 3), ("M", 6), ("m", 6), ("B", 9), ("b", 9)]
        guard let (suffix, zeros) = multipliers.first(where: { text.hasSuffix($0.suffix) }) else { return nil }
        let digits = text.dropLast(suffix.count).filter { $0 != "_" }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, parts.count <= 2,
              digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(parts.count == 2 && fraction.isEmpty), fraction.count <= zeros else { return nil }
        let value = String(whole) + fraction + String(repeating: "0", count: zeros - fraction.count)
        let trimmed = value.drop { $0 == "0" }
        return DisplayText.grouped(trimmed.isEmpty ? "0" : String(trimmed), separator: "_")
    }
}
