/// A command line the documentation shows after a `$ ` prompt, read the way a POSIX shell would read the
/// few things it may use: words separated by spaces, `'…'` and `"…"` quoting, and `< FILE` for standard
/// input. Anything else a shell would interpret (pipes, `>`, `&&`, `$`, globs…) is refused rather than
/// run differently from how a reader's shell would run it.
struct ShownCommand: Equatable {
    /// The words after `plancat`.
    let arguments: [String]
    /// The file given with `<`, relative to the directory the command runs in.
    let standardInput: String?

    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    init(_ line: String) throws(Refusal) {
        var words: [String] = []
        var redirections: [Int] = []
        var current: String?
        var quote: Character?
        for character in line {
            if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    current?.append(character)
                }
                continue
            }
            switch character {
            case " ":
                if let word = current { words.append(word) }
                current = nil
            case "'", "\"":
                quote = character
                current = current ?? ""
            case "<" where current == nil:
                redirections.append(words.count)
                words.append("<")
            case "|", ">", "&", ";", "$", "`", "*", "?", "(", ")", "\\", "#", "~", "[", "{", "<":
                throw Refusal(description: "`\(character)` means something to a shell; the documentation tests "
                              + "run only plain words, quotes and `< FILE`")
            default:
                current = (current ?? "") + String(character)
            }
        }
        if quote != nil { throw Refusal(description: "an unclosed quote") }
        if let word = current { words.append(word) }
        guard words.first == "plancat" else {
            throw Refusal(description: "only `plancat …` commands are run; show other commands without a `$ ` prompt")
        }
        var input: String?
        for position in redirections.reversed() {
            guard position + 1 < words.count, input == nil else {
                throw Refusal(description: "`<` needs one file after it, once")
            }
            input = words[position + 1]
            words.removeSubrange(position...(position + 1))
        }
        arguments = Array(words.dropFirst())
        standardInput = input
    }

    /// The words a reader would type that name files: every argument, and the redirected input.
    var mentionedPaths: [String] { arguments + (standardInput.map { [$0] } ?? []) }
}
