/// The few pieces of English and en-US number formatting that pricing pages need: grouped digits,
/// amounts with a currency symbol, and plural units. Built in, so a build never depends on the locale of
/// the machine it runs on.
enum DisplayText {
    /// A count in en-US digits, as messages show sizes: `65536` → `65,536`.
    static func number(_ value: Int) -> String { number(ExactDecimal(value)) }

    /// en-US digits: `10000` → `10,000`, `1234.5` → `1,234.5`.
    static func number(_ value: ExactDecimal) -> String {
        let text = value.description
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = sign.isEmpty ? Substring(text) : text.dropFirst()
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + grouped(String(parts[0])) + fraction
    }

    /// An amount in major units as a price reads: `$29`, `$9.50`, `$0.002`, `€25`, `CHF 29`. Whole amounts
    /// have no decimals unless `showsMinorUnits` (a diff's `$9.00 → $9.50`, where the two sides must
    /// read alike); others show at least the currency's minor-unit digits.
    static func money(_ amount: ExactDecimal, currency: String, showsMinorUnits: Bool = false) -> String {
        let exponent = Currency.named(currency)?.minorUnitExponent ?? 2
        var text = number(amount)
        if amount.isInteger, showsMinorUnits, exponent > 0 {
            text += "." + String(repeating: "0", count: exponent)
        } else if !amount.isInteger, amount.scale < exponent {
            text += String(repeating: "0", count: exponent - amount.scale)
        }
        if let symbol = symbols[currency] { return symbol + text }
        return currency + " " + text
    }

    /// The plural of a unit a feature counts, when the source gives none (`unit "person" "people"`).
    ///
    /// Only one word of the unit is made plural: the last (`team member` → `team members`, `API call`
    /// → `API calls`), or the one before `of` (`hour of support` → `hours of support`). It is left as
    /// written unless it is an English word — letters only, capital at most at its start — so that
    /// abbreviations and units written in capitals (`GB`, `vCPU`, `SMS`, `kWh`, `5xx`) stay as they are;
    /// and a unit whose first word is a unit of measure (`GB egress`, `TB of data`) is a measure of what
    /// follows, counted in that unit, and stays whole. The word itself takes `-es` after a hiss
    /// (`inbox` → `inboxes`), `-ies` for a consonant and `y` (`query` → `queries`), the irregular plural
    /// of a word for people (`person` → `people`), and `-s` otherwise. A unit that needs anything else
    /// (a mass noun such as `data`, say) is given its plural in the source.
    static func plural(_ unit: String) -> String {
        let words = unit.split(separator: " ", omittingEmptySubsequences: false)
        guard let first = words.first, !unitsOfMeasure.contains(String(first)) else { return unit }
        let headIndex = words.dropFirst().firstIndex(of: "of").map { $0 - 1 } ?? words.count - 1
        let head = words[headIndex]
        guard isEnglishWord(head) else { return unit }
        var plural = words.map(String.init)
        plural[headIndex] = pluralOfWord(String(head))
        return plural.joined(separator: " ")
    }

    /// `count unit`, the unit plural unless the count is 1: `plural` when the source gives one.
    static func count(_ value: ExactDecimal, _ unit: String, plural: String? = nil) -> String {
        number(value) + " " + (value == ExactDecimal(1) ? unit : plural ?? self.plural(unit))
    }

    /// Letters only, and no capital after the first: `seat`, `Seat`; not `GB`, `vCPU`, `kWh`, `5xx`.
    private static func isEnglishWord(_ word: Substring) -> Bool {
        guard !word.isEmpty, word.allSatisfy({ $0.isLetter }) else { return false }
        return !word.dropFirst().contains(where: \.isUppercase) && !(word.count == 1 && word.first!.isUppercase)
    }

    private static func pluralOfWord(_ word: String) -> String {
        let lowercased = word.lowercased()
        if let irregular = irregularPlurals[lowercased] {
            return word.first!.isUppercase ? irregular.prefix(1).uppercased() + irregular.dropFirst() : irregular
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lowercased.hasSuffix($0) }) { return word + "es" }
        if lowercased.hasSuffix("y"), let beforeY = lowercased.dropLast().last, !"aeiou".contains(beforeY) {
            return word.dropLast() + "ies"
        }
        return word + "s"
    }

    /// Words for people, which seat-based plans count, whose plural is not regular.
    private static let irregularPlurals = ["person": "people", "man": "men", "woman": "women", "child": "children"]

    /// Units of digital measure: a unit that starts with one counts in it (`5 GB egress`, `2 TB of data`).
    private static let unitsOfMeasure: Set<String> = [
        "B", "KB", "kB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "PiB",
        "Kb", "Mb", "Gb", "Tb", "kbps", "Kbps", "Mbps", "Gbps",
    ]

    /// Symbols of the currencies pricing pages show most; any other currency is written with its code.
    private static let symbols: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩", "CAD": "CA$", "AUD": "A$",
        "NZD": "NZ$", "BRL": "R$", "MXN": "MX$", "CNY": "CN¥",
    ]

    /// `1500000` → `1,500,000`: digits in groups of three from the right, as pricing pages write them
    /// (and, with `_`, as the language writes large numbers).
    static func grouped(_ digits: String, separator: Character = ",") -> String {
        var result = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { result.append(separator) }
            result.append(digit)
        }
        return result
    }
}
