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

    /// The plural of a unit, by the last word: `team member` → `team members`, `inbox` → `inboxes`,
    /// `query` → `queries`.
    static func plural(_ unit: String) -> String {
        guard let last = unit.last, last.isLetter else { return unit }
        let lowercased = unit.lowercased()
        if ["s", "x", "z", "ch", "sh"].contains(where: { lowercased.hasSuffix($0) }) { return unit + "es" }
        if lowercased.hasSuffix("y"), let beforeY = lowercased.dropLast().last, !"aeiou".contains(beforeY) {
            return unit.dropLast() + "ies"
        }
        return unit + "s"
    }

    /// `count unit`, the unit plural unless the count is 1.
    static func count(_ value: ExactDecimal, _ unit: String) -> String {
        number(value) + " " + (value == ExactDecimal(1) ? unit : plural(unit))
    }

    /// Symbols of the currencies pricing pages show most; any other currency is written with its code.
    private static let symbols: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩", "CAD": "CA$", "AUD": "A$",
        "NZD": "NZ$", "BRL": "R$", "MXN": "MX$", "CNY": "CN¥",
    ]

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
