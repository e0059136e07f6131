/// How the text report shows free text: nothing that could drive or fool a terminal. Values are never cut:
/// a changed bullet at the end of a long list is the one a reviewer must see.
extension DiffTextRenderer {
    /// How a side that does not exist is shown; no JSON value starts with `(`.
    static let absent = "(absent)"

    /// `text` with every control character, invisible format character (bidirectional overrides,
    /// zero-width spaces) and line or paragraph separator shown as `�`, so that what a catalog holds can
    /// neither move the cursor nor make a line read other than it is (`TerminalText`, which diagnostics
    /// share).
    static func displayable(_ text: String) -> String {
        TerminalText.neutralised(text)
    }
}
