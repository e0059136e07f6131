/// Escaping for each place of a comment where text from a catalog or the command line lands. A catalog's
/// strings are arbitrary UTF-8, and a pull-request comment must show them exactly, without rendering them
/// as Markdown or HTML, breaking the table, or closing a code block early.
extension DiffMarkdownRenderer {
    /// A code span: shown literally (no Markdown, HTML, mentions or links inside). The fence is one
    /// backtick longer than the longest run of backticks in the text, padded with spaces when the text
    /// starts or ends with a backtick or a space; `|` is escaped in a table cell, where GitHub splits
    /// cells before it reads code spans. Control and invisible characters are shown as `�`.
    static func codeSpan(_ text: String, inTable: Bool = false) -> String {
        var content = DiffTextRenderer.displayable(text)
        if inTable { content = content.replacingOccurrences(of: "|", with: "\\|") }
        let fence = String(repeating: "`", count: longestBacktickRun(in: content) + 1)
        let needsPadding = content.hasPrefix("`") || content.hasSuffix("`") || content.hasPrefix(" ")
            || content.hasSuffix(" ") || content.isEmpty
        return needsPadding ? fence + " " + content + " " + fence : fence + content + fence
    }

    /// Inline Markdown text, as in a table cell: every character that could start Markdown or HTML is
    /// escaped (`\*`, `\|`, `\$` so that GitHub's math does not start, `&lt;`, `&amp;` …), a line break
    /// becomes `<br>` so a cell stays on its row, and control and invisible characters are shown as `�`.
    static func inlineText(_ text: String) -> String {
        // Most reasons are printable ASCII with nothing to escape: a table of thousands of rows is
        // escaped without looking at one character at a time.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !inlineSpecialBytes.contains($0) }) { return text }
        var output = ""
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for character in normalized {
            switch character {
            case "\n": output += "<br>"
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "$", "!":
                output += "\\" + String(character)
            default: output += DiffTextRenderer.displayable(String(character))
            }
        }
        return output
    }

    /// The ASCII bytes `inlineText` escapes.
    private static let inlineSpecialBytes = Set("&<>\\`*_[]|~#$!".utf8)

    /// Text inside an HTML element (a `<summary>`): `&`, `<`, `>` and `"` as entities, and control and
    /// invisible characters as `�`.
    static func html(_ text: String) -> String {
        var output = ""
        for character in DiffTextRenderer.displayable(text) {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Free text on one line of a fenced block: shown literally, so only what would break the line (or the
    /// reader's screen) is replaced, by `�`.
    static func plainLine(_ text: String) -> String {
        DiffTextRenderer.displayable(text)
    }

    /// A fenced code block of `lines`, whose fence is longer than any run of backticks in them so that no
    /// line can close it, ending with a newline.
    static func fencedBlock(_ lines: [String], language: String?) -> String {
        let longest = lines.map(longestBacktickRun(in:)).max() ?? 0
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + (language ?? "") + "\n" + lines.map { $0 + "\n" }.joined() + fence + "\n"
    }

    /// The length of the longest run of consecutive backticks.
    static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
