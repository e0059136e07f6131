/// Which characters of the input are never shown as they are, and how text holding them is shown: one
/// definition for every place that puts a file name, key, id or value into a line of output.
///
/// A control character (C0, DEL, C1) can move the cursor, colour a terminal, set its title or end a line
/// of a CI log; an invisible format character (the bidirectional overrides, isolates and marks, the
/// Arabic letter mark, zero-width spaces and joiners, the byte-order mark) or a line or paragraph
/// separator can make a line read other than it is. Where the output is JSON, such a character is escaped
/// (`JSONWriter.displayQuoted`), so the text stays exact; where it is text for a person, it is shown as
/// `�` (U+FFFD) by `neutralised`. Public so that the command line shows the names and arguments it
/// echoes by the same rule.
public enum TerminalText {
    /// Whether `scalar` is never written to a terminal, a log or a comment as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || JSONWriter.isInvisible(scalar)
    }

    /// `text` with every unsafe character but those in `kept` shown as `�`.
    ///
    /// `kept` is for a caller that escapes some characters itself, in its own way: the GitHub renderer
    /// percent-encodes line breaks, which are the annotation's own.
    public static func neutralised(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
        // Printable ASCII, the usual case, is safe without looking up any scalar's properties.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        func isReplaced(_ scalar: Unicode.Scalar) -> Bool { isUnsafe(scalar) && !kept.contains(scalar) }
        guard text.unicodeScalars.contains(where: isReplaced) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isReplaced(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }
}
