/// How the text report shows values and free text: one line each, long values cut with a note of how
/// much was cut, and nothing that could drive or fool a terminal.
extension DiffTextRenderer {
    /// Values (as one-line JSON) longer than this many characters are cut to `shownValueLength`.
    public static let maximumValueLength = 200
    /// How many characters of a cut value are shown.
    public static let shownValueLength = 160

    /// The field's two sides as shown: `(absent)` for a side that does not exist, else one-line JSON, cut
    /// when long. When both sides are long and their cut forms would read the same (they differ only
    /// after the cut), both are shown whole: a reviewer must never see a change as no change.
    static func shownValues(_ field: CatalogDiff.FieldChange) -> (from: String, to: String) {
        let from = field.from.map(JSONWriter.compactText(of:))
        let to = field.to.map(JSONWriter.compactText(of:))
        let cutFrom = from.map(cut)
        let cutTo = to.map(cut)
        if let cutFrom, let cutTo, cutFrom == cutTo {
            return (from ?? "", to ?? "")
        }
        return (cutFrom ?? absent, cutTo ?? absent)
    }

    /// How a side that does not exist is shown; no JSON value starts with `(`.
    static let absent = "(absent)"

    /// `text` itself when short, else its first `shownValueLength` characters and
    /// `[… N more characters]`.
    static func cut(_ text: String) -> String {
        let length = text.count
        guard length > maximumValueLength else { return text }
        return String(text.prefix(shownValueLength)) + " [… \(length - shownValueLength) more characters]"
    }

    /// `text` with every control character, invisible format character (bidirectional overrides,
    /// zero-width spaces) and line or paragraph separator shown as `�`, so that what a catalog holds can
    /// neither move the cursor nor make a line read other than it is.
    static func displayable(_ text: String) -> String {
        // Printable ASCII, the usual case, is safe without looking up any scalar's properties.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || JSONWriter.isInvisible(scalar)
    }
}
