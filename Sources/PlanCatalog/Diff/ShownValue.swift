/// One side of a changed value as shown: one-line JSON, or an amount in major units and what it is per.
struct ShownValue: Equatable {
    /// `"Pro"`, `2900`, `["a", "b"]`, `$29.00`, `¥1,200`.
    let text: String
    /// `per seat per month`, for an amount; nil otherwise.
    let per: String?

    init(text: String, per: String? = nil) {
        self.text = text
        self.per = per
    }

    /// `value` shown in its currency's major units when `denomination` says it is money and it is a
    /// number; as one-line JSON otherwise.
    init(_ value: JSONValue, denomination: CatalogDiff.Denomination?) {
        if let denomination, case .number(let literal) = value, let minorUnits = ExactDecimal(jsonNumber: literal),
           let currency = Currency.named(denomination.currency) {
            self.init(text: DisplayText.money(minorUnits.shiftedDown(by: currency.minorUnitExponent),
                                              currency: currency.code, showsMinorUnits: true),
                      per: denomination.per.map(DiffTextRenderer.displayable))
        } else {
            self.init(text: JSONWriter.compactText(of: value))
        }
    }

    /// The text with what it is per: `$9.00 per seat per month`.
    var fullText: String { per.map { text + " " + $0 } ?? text }
}
