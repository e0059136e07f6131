import Foundation

/// A Markdown page of the repository, as the documentation tests see it: its lines and its fenced code
/// blocks, which can be replaced and written back.
///
/// Only what CommonMark says about fences matters here: an opening fence of three or more backticks or
/// tildes, indented at most three spaces (more inside a list item) and followed by an info string; a
/// closing fence of the same character, at least as long, with nothing after it. Content lines lose the
/// opening fence's indentation, so a block inside a list item reads like any other, and get it back when
/// written.
struct MarkdownPage {
    /// A fenced code block: what the page says about it, and where it is.
    struct Block {
        /// The info string after the fence, trimmed: `plancat`, `console`, `plancat path/to/file.plancat`.
        let info: String
        /// The 1-based line of the opening fence, for messages.
        let line: Int
        /// The content's lines, without the fence's indentation and without a newline.
        let lines: [String]
        /// Index in `MarkdownPage.lines` of the first content line, and how many there are.
        fileprivate let contentStart: Int
        fileprivate let indentation: String

        /// The first word of the info string: the language GitHub highlights it as.
        var language: Substring { info.split(separator: " ", maxSplits: 1).first ?? "" }
        /// The rest of the info string, which GitHub does not show.
        var attribute: String? {
            let parts = info.split(separator: " ", maxSplits: 1)
            return parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        }
        /// The content as a file: its lines, each ending with a newline.
        var text: String { lines.map { $0 + "\n" }.joined() }
    }

    /// The page's path from the repository root, as messages show it: `Docs/Language.md`.
    let path: String
    let lines: [String]
    let blocks: [Block]

    init(path: String, text: String) {
        self.path = path
        lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            guard let opening = Self.fence(lines[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count {
                if let closing = Self.fence(lines[end]), closing.info.isEmpty, closing.marker.first == opening.marker.first,
                   closing.marker.count >= opening.marker.count {
                    break
                }
                end += 1
            }
            let content = lines[(index + 1)..<end].map { Self.removing(opening.indentation, from: $0) }
            blocks.append(Block(info: opening.info, line: index + 1, lines: content, contentStart: index + 1,
                                indentation: opening.indentation))
            index = end + 1
        }
        self.blocks = blocks
    }

    /// The page with these blocks' contents replaced (each block as found by `init`, with its new lines).
    func replacing(_ replacements: [(block: Block, lines: [String])]) -> String {
        var result = lines
        for (block, newLines) in replacements.sorted(by: { $0.block.contentStart > $1.block.contentStart }) {
            let indented = newLines.map { $0.isEmpty ? $0 : block.indentation + $0 }
            result.replaceSubrange(block.contentStart..<(block.contentStart + block.lines.count), with: indented)
        }
        return result.joined(separator: "\n")
    }

    /// The fence a line opens or closes, if it is one: its indentation, its run of ``` ` ``` or `~`, and the
    /// info string after it.
    private static func fence(_ line: String) -> (indentation: String, marker: String, info: String)? {
        let indentation = String(line.prefix { $0 == " " })
        let rest = line.dropFirst(indentation.count)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let marker = String(rest.prefix { $0 == character })
        guard marker.count >= 3 else { return nil }
        let info = rest.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        // A backtick fence's info string cannot hold a backtick (CommonMark); such a line is inline code.
        if character == "`" && info.contains("`") { return nil }
        return (indentation, marker, info)
    }

    private static func removing(_ indentation: String, from line: String) -> String {
        var line = Substring(line)
        for _ in indentation where line.first == " " { line = line.dropFirst() }
        return String(line)
    }
}
