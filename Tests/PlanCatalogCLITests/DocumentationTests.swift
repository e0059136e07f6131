import Foundation
import PlanCatalog
import PlanCatalogCLI
import PlanCatalogTestSupport
import Testing

/// The README and every page of Docs/ say only what is true, as Rust's doctests and swift-format's
/// generated-docs test keep theirs: every example is compiled, and every command output is the tool's.
///
/// What a page may hold, and what this test does with it:
///
/// - A ```` ```plancat ```` block is a complete catalog: it must check with no diagnostic at all, and be
///   in the canonical layout (`plancat fmt --check` would pass).
/// - A ```` ```plancat PATH ```` block (the info string names a file from the repository root, which
///   GitHub does not show) is that file's content, byte for byte. It is how a page shows a catalog that
///   is deliberately wrong or unformatted: the page must also run a `$ plancat …` command naming PATH,
///   so what plancat says about it is shown and checked too.
/// - Any other fenced block holding a line that starts with `$ ` is a transcript, and must start with
///   one. Each `$ plancat …` line is run in-process through `PlanCatalogCLI`, and the lines after it, up
///   to the next `$ ` line or the fence, must be exactly what it wrote: standard output and standard
///   error interleaved in the order written, as a terminal shows them. Commands run with the repository
///   root as their directory (see `DocumentationSandbox`), an empty environment and no terminal, so
///   nothing is coloured; a page's commands run in order, so a later one can read what an earlier one
///   built. A command may use words, quotes and `< FILE`, nothing else a shell interprets.
/// - A transcript fenced ```` ```console checked-by=SUITE ```` needs files made first (`check --fix`
///   rewrites what it fixes, and pages run against the repository itself): the suite of that name in
///   Tests/PlanCatalogCLITests makes them, runs the command and compares its output with the page.
/// - A ```` ```text ```` block that starts `plancat COMMAND [` is a synopsis: it must be the usage line of
///   `plancat COMMAND --help`, wrapped (compared with runs of spaces as one).
///
/// Nothing is normalised. Output that varies between runs or machines (a version with its commit, a git
/// revision, an absolute path) cannot be shown as a transcript: show such a command in a ```` ```sh ````
/// block, without a prompt, and describe what it prints in prose.
///
/// With `PLANCAT_UPDATE_GOLDENS=1` the test rewrites each page in place — transcripts from the real
/// output, `plancat PATH` blocks from their files, clean but unformatted examples through the formatter —
/// and still fails, so that every change is reviewed with `git diff`.
@Suite struct DocumentationTests {
    static let repository = PackageRoot.url

    /// The README and the pages of Docs/, from the repository root.
    static let pages: [String] = {
        let docs = repository.appendingPathComponent("Docs").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: docs)) ?? []).filter { $0.hasSuffix(".md") }
        return ["README.md"] + names.sorted().map { "Docs/" + $0 }
    }()

    static func page(_ path: String) throws -> MarkdownPage {
        let text = try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
        return MarkdownPage(path: path, text: text)
    }

    @Test("the page's examples compile and its command outputs are real", arguments: pages)
    func pageIsTrue(_ path: String) throws {
        let page = try Self.page(path)
        var check = PageCheck(page: page, sandbox: try DocumentationSandbox(repository: Self.repository.path))
        check.run()
        for problem in check.problems {
            Issue.record(Comment(rawValue: problem))
        }
        // The problems above already show each block's diff; when updating, the page is rewritten whole.
        if Golden.isUpdating, !check.replacements.isEmpty {
            Golden.expect(page.replacing(check.replacements), matchesFile: Self.repository.appendingPathComponent(path),
                          name: path)
        }
    }

    /// The test above must have something to check: pages that show examples and output still do.
    @Test func thePagesShowExamplesAndCommands() throws {
        func count(_ path: String, _ isCounted: (MarkdownPage.Block) -> Bool) throws -> Int {
            try Self.page(path).blocks.filter(isCounted).count
        }
        let isExample: (MarkdownPage.Block) -> Bool = { $0.info == "plancat" }
        let isTranscript: (MarkdownPage.Block) -> Bool = { $0.lines.first?.hasPrefix("$ ") == true }
        #expect(try count("Docs/Language.md", isExample) >= 20)
        #expect(try count("README.md", isExample) >= 1)
        #expect(try count("README.md", isTranscript) >= 1)
        #expect(try count("Docs/Diff.md", isTranscript) >= 3)
        #expect(try count("Docs/CLI.md", isTranscript) >= 3)
    }

    /// Hints link to `Language.md#what-plancat-does-not-model`, and a user reads it to find a limit before
    /// hitting it: the section is there under that heading, with each limit and a workaround catalog.
    @Test func theLanguageReferenceSaysWhatIsNotModelled() throws {
        let page = try Self.page("Docs/Language.md")
        guard let start = page.lines.firstIndex(of: "## What plancat does not model") else {
            Issue.record("Docs/Language.md has no `## What plancat does not model` section")
            return
        }
        let end = page.lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? page.lines.count
        let limits = page.lines[start..<end].filter { $0.hasPrefix("### ") }
        #expect(limits == [
            "### Tiered, volume and graduated prices",
            "### Package pricing (\"$2 per 1M\")",
            "### Add-ons",
            "### Percentage discounts and coupons",
            "### Spend caps",
            "### Prepaid top-up packs",
            "### Annual prepay with monthly usage",
        ])
        let workarounds = page.blocks.filter { $0.info == "plancat" && $0.line > start && $0.line <= end }
        #expect(workarounds.count == limits.count, "each limit shows its workaround as a catalog")
    }
}

/// What checking one page found: its problems, and the blocks to rewrite when updating.
struct PageCheck {
    let page: MarkdownPage
    let sandbox: DocumentationSandbox
    private(set) var problems: [String] = []
    private(set) var replacements: [(block: MarkdownPage.Block, lines: [String])] = []
    /// The files of ```` ```plancat PATH ```` blocks, and the files the page's commands name.
    private var shownFiles: [(path: String, line: Int)] = []
    private var commandedFiles: Set<String> = []

    init(page: MarkdownPage, sandbox: DocumentationSandbox) {
        self.page = page
        self.sandbox = sandbox
    }

    mutating func run() {
        for block in page.blocks {
            if block.language == "plancat" {
                if let path = block.attribute {
                    checkShownFile(block, path: path)
                } else {
                    checkExample(block)
                }
            } else if let suite = Self.checkingSuite(block) {
                checkCheckedElsewhere(block, suite: suite)
            } else if block.lines.contains(where: { $0.hasPrefix("$ ") }) {
                checkTranscript(block)
            } else if block.language == "text", let command = Self.synopsisCommand(block) {
                checkSynopsis(block, command: command)
            }
        }
        for (path, line) in shownFiles where !commandedFiles.contains(path) {
            problems.append("\(page.path):\(line): the page shows `\(path)` but runs no `$ plancat …` on it, "
                            + "so what plancat says about it is not shown")
        }
    }

    /// The test suite named by a transcript's `checked-by=SUITE` attribute: a run that needs files set up
    /// first (`check --fix` rewrites the catalog it fixes), so that suite makes them and compares its output
    /// with the page instead of this test.
    static func checkingSuite(_ block: MarkdownPage.Block) -> String? {
        guard let attribute = block.attribute, attribute.hasPrefix("checked-by=") else { return nil }
        return String(attribute.dropFirst("checked-by=".count))
    }

    /// A transcript left to another suite: that suite must exist and name this page, so the attribute
    /// cannot excuse a transcript that nothing checks.
    private mutating func checkCheckedElsewhere(_ block: MarkdownPage.Block, suite: String) {
        let file = DocumentationTests.repository.appendingPathComponent("Tests/PlanCatalogCLITests/\(suite).swift")
        guard let source = try? String(contentsOf: file, encoding: .utf8),
              source.contains("struct \(suite)"), source.contains(page.path) else {
            problems.append("\(page.path):\(block.line): `checked-by=\(suite)` names no suite of "
                            + "Tests/PlanCatalogCLITests that checks \(page.path)")
            return
        }
    }

    /// A complete catalog: no diagnostic, and already canonical.
    private mutating func checkExample(_ block: MarkdownPage.Block) {
        let location = "\(page.path):\(block.line)"
        let source = block.text
        let result = CatalogCompiler.check([SourceFile(path: location, text: source)])
        guard result.diagnostics.isEmpty else {
            let rendered = TextDiagnosticRenderer(usesColor: false).render(result.diagnostics, in: result.files)
            problems.append("\(location): the example does not check clean (fence a deliberate mistake as "
                            + "```plancat PATH and show its diagnostics):\n\(rendered)")
            return
        }
        guard let formatted = Formatter.format(source, path: location) else { return }
        if formatted != source {
            problems.append("\(location): the example is not in the canonical layout; `plancat fmt` would change it:\n"
                            + Self.difference(from: source, to: formatted, name: location))
            replacements.append((block, Self.lines(of: formatted)))
        }
    }

    /// A file shown as it is, to be run by a command of the page.
    private mutating func checkShownFile(_ block: MarkdownPage.Block, path: String) {
        let location = "\(page.path):\(block.line)"
        shownFiles.append((path, block.line))
        guard let contents = try? String(contentsOfFile: sandbox.repository + "/" + path, encoding: .utf8) else {
            problems.append("\(location): `\(path)`, which the block shows, cannot be read from the repository root")
            return
        }
        if contents != block.text {
            problems.append("\(location): the block is not the content of `\(path)`:\n"
                            + Self.difference(from: block.text, to: contents, name: path))
            replacements.append((block, Self.lines(of: contents)))
        }
    }

    /// `$ plancat …` lines, each followed by exactly what it prints.
    private mutating func checkTranscript(_ block: MarkdownPage.Block) {
        guard block.lines.first?.hasPrefix("$ ") == true else {
            problems.append("\(page.path):\(block.line): a block with `$ ` commands must start with one")
            return
        }
        var entries: [(command: String, shown: [String])] = []
        for line in block.lines {
            if line.hasPrefix("$ ") {
                entries.append((String(line.dropFirst(2)), []))
            } else {
                entries[entries.count - 1].shown.append(line)
            }
        }
        var real: [String] = []
        var isTrue = true
        for (command, shown) in entries {
            let location = "\(page.path):\(block.line): `$ \(command)`"
            real.append("$ " + command)
            let parsed: ShownCommand
            do {
                parsed = try ShownCommand(command)
            } catch {
                problems.append("\(location): cannot be run: \(error)")
                real += shown
                continue
            }
            commandedFiles.formUnion(parsed.mentionedPaths)
            let output: String
            do {
                output = try sandbox.run(parsed)
            } catch {
                problems.append("\(location): cannot be run: \(error)")
                real += shown
                continue
            }
            let printed = Self.lines(of: output)
            if !output.isEmpty, !output.hasSuffix("\n") {
                problems.append("\(location): its output does not end with a newline, which a transcript cannot show")
            }
            if printed != shown {
                isTrue = false
                let shownText = shown.map { $0 + "\n" }.joined()
                problems.append("\(location): the page does not show what it prints:\n"
                                + Self.difference(from: shownText, to: output, name: "output"))
            }
            real += printed
        }
        if !isTrue { replacements.append((block, real)) }
    }

    /// The command whose synopsis a ```` ```text ```` block shows, when it starts `plancat COMMAND [`.
    static func synopsisCommand(_ block: MarkdownPage.Block) -> String? {
        let words = block.lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard words.count == 3, words[0] == "plancat", words[2].first == "[" || words[2].first == "(" else { return nil }
        return String(words[1])
    }

    /// A synopsis is `plancat COMMAND --help`'s usage line, wrapped: the same words, spaced alike.
    private mutating func checkSynopsis(_ block: MarkdownPage.Block, command: String) {
        let location = "\(page.path):\(block.line)"
        let help: String
        do {
            help = try sandbox.run(ShownCommand("plancat \(command) --help"))
        } catch {
            problems.append("\(location): cannot run `plancat \(command) --help`: \(error)")
            return
        }
        guard let first = help.split(separator: "\n").first, first.hasPrefix("usage: ") else {
            problems.append("\(location): `plancat \(command) --help` does not start with a usage line")
            return
        }
        let usage = String(first.dropFirst("usage: ".count))
        let shown = block.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        if shown != usage {
            let wrapped = Self.wrapped(usage, indentation: "plancat \(command) ".count)
            problems.append("\(location): the synopsis is not the usage line of `plancat \(command) --help`:\n"
                            + Self.difference(from: block.text, to: wrapped.map { $0 + "\n" }.joined(), name: "synopsis"))
            replacements.append((block, wrapped))
        }
    }

    /// A usage line broken at spaces outside brackets into lines of at most 110 columns, the later ones
    /// indented to line up after `plancat COMMAND `.
    static func wrapped(_ usage: String, indentation: Int) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in usage {
            if character == " " && depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            if character == "[" || character == "(" { depth += 1 }
            if character == "]" || character == ")" { depth -= 1 }
            current.append(character)
        }
        parts.append(current)
        var lines: [String] = []
        var line = ""
        for part in parts {
            if line.isEmpty {
                line = part
            } else if line.count + 1 + part.count <= 110 {
                line += " " + part
            } else {
                lines.append(line)
                line = String(repeating: " ", count: indentation) + part
            }
        }
        lines.append(line)
        return lines
    }

    /// A text's lines without their line ends; none for the empty text.
    static func lines(of text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.components(separatedBy: "\n")
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// A unified diff from what the page shows to what is real.
    static func difference(from shown: String, to real: String, name: String) -> String {
        UnifiedDiff().render(old: Array(shown.utf8), new: Array(real.utf8), oldName: "shown " + name,
                             newName: "real " + name)
    }
}
