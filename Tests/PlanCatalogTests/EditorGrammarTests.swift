import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// The editor files of Sources/Editors/ against the compiler: the TextMate grammar and the Vim syntax
/// file name exactly the schema's keywords and choice words, every regex of the grammar compiles, and
/// both highlight every shipped catalog with no token left uncovered or marked invalid.
///
/// The grammar is applied by `TextMateLines`, a small engine written for these tests (what it does not
/// model is listed there). The Vim syntax file is applied by Vim or Neovim itself, when the machine has one.
@Suite struct EditorGrammarTests {
    static let grammarPath = "Sources/Editors/textmate/plancat.tmLanguage.json"
    static let vimSyntaxPath = "Sources/Editors/nvim/syntax/plancat.vim"

    // MARK: The files parse

    @Test func theGrammarAndTheVSCodeFilesAreJSON() throws {
        let grammar = try Self.json(Self.grammarPath)
        #expect(grammar["scopeName"] as? String == "source.plancat")
        let package = try Self.json("Sources/Editors/vscode/package.json")
        let contributes = try #require(package["contributes"] as? [String: Any])
        let language = try #require((contributes["languages"] as? [[String: Any]])?.first)
        #expect(language["id"] as? String == "plancat")
        #expect(language["extensions"] as? [String] == [".plancat"])
        let contributed = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(contributed["scopeName"] as? String == "source.plancat")
        // The extension's grammar is a link to the one grammar, so that the two cannot differ.
        let path = try #require(contributed["path"] as? String)
        let linked = PackageRoot.url(of: "Sources/Editors/vscode").appendingPathComponent(path)
        #expect(try Data(contentsOf: linked) == Data(contentsOf: PackageRoot.url(of: Self.grammarPath)))
        let configurationPath = try #require(language["configuration"] as? String)
        let configuration = try Self.json("Sources/Editors/vscode/" + configurationPath)
        #expect((configuration["comments"] as? [String: Any])?["lineComment"] as? String == "#")
        #expect(configuration["brackets"] as? [[String]] == [["{", "}"]])
        for key in ["increaseIndentPattern", "decreaseIndentPattern"] {
            let pattern = try #require((configuration["indentationRules"] as? [String: String])?[key])
            _ = try NSRegularExpression(pattern: pattern)
        }
    }

    @Test func everyRegexOfTheGrammarCompiles() throws {
        let patterns = Self.regexes(in: try Self.json(Self.grammarPath))
        #expect(patterns.count > 20)
        for (path, pattern) in patterns {
            #expect(throws: Never.self, "\(path): \(pattern)") { try NSRegularExpression(pattern: pattern) }
        }
    }

    // MARK: Grammar and compiler agree

    @Test func theGrammarsKeywordsAreTheSchemas() throws {
        let grammar = try TextMateLines(grammar: try Self.json(Self.grammarPath))
        #expect(try grammar.words(of: "statement-keyword") == Self.schemaKeywords)
        let declarations = try grammar.words(of: "declaration")
        #expect(declarations.union(["row", "features"]) == Self.blockKeywords)
        #expect(declarations.isDisjoint(with: ["row", "features"]))
        #expect(try grammar.words(of: "row") == ["row"])
        #expect(try grammar.words(of: "features-block") == ["features"])
    }

    @Test func theGrammarsEnumWordsAreTheSchemasChoices() throws {
        let grammar = try TextMateLines(grammar: try Self.json(Self.grammarPath))
        let (enumWords, fixedWords) = Self.schemaChoiceWords
        #expect(try grammar.words(of: "enum-value") == enumWords)
        #expect(try grammar.words(of: "seat-change") == fixedWords)
        #expect(try grammar.words(of: "boolean") == ["true", "false"])
    }

    @Test func theVimSyntaxFileNamesTheSameWords() throws {
        let text = try String(contentsOf: PackageRoot.url(of: Self.vimSyntaxPath), encoding: .utf8)
        func keywords(of group: String) -> Set<String> {
            let prefix = "syntax keyword \(group) contained "
            return Set(text.split(separator: "\n").filter { $0.hasPrefix(prefix) }
                .flatMap { $0.dropFirst(prefix.count).split(separator: " ").map(String.init) })
        }
        #expect(keywords(of: "plancatStatement") == Self.schemaKeywords)
        #expect(keywords(of: "plancatBlock") == Self.blockKeywords)
        let (enumWords, fixedWords) = Self.schemaChoiceWords
        #expect(Self.vimAlternatives(of: "plancatEnum", in: text) == enumWords)
        #expect(Self.vimAlternatives(of: "plancatFrom", in: text) == fixedWords)
        #expect(Self.vimAlternatives(of: "plancatBoolean", in: text) == ["true", "false"])
    }

    @Test func everyEditorStartsTheSameServer() throws {
        for path in ["Sources/Editors/helix/languages.toml", "Sources/Editors/nvim/lsp/plancat.lua",
                     "Sources/Editors/nvim/plugin/plancat.lua", "Docs/Editors.md"] {
            let text = try String(contentsOf: PackageRoot.url(of: path), encoding: .utf8)
            let startsServer = text.contains(#"command = "plancat""#) && text.contains(#"args = ["lsp"]"#)
                || text.contains("{ 'plancat', 'lsp' }") || text.contains(#""plancat" "lsp""#)
            #expect(startsServer, "\(path) does not start `plancat lsp`")
            #expect(text.contains("catalog.plancat"), "\(path) does not find a catalog directory's root")
        }
    }

    // MARK: Highlighting the shipped catalogs

    @Test(arguments: Self.shippedCatalogFiles)
    func theGrammarCoversAShippedCatalogWithNothingInvalid(_ path: String) throws {
        let grammar = try TextMateLines(grammar: try Self.json(Self.grammarPath))
        let text = try String(contentsOf: PackageRoot.url(of: path), encoding: .utf8)
        for (number, line) in try grammar.tokenize(text).enumerated() {
            for token in line.tokens {
                #expect(!token.scopes.contains { $0.hasPrefix("invalid") },
                        "\(path):\(number + 1): `\(token.text)` is \(token.scopes)")
            }
            #expect(line.uncovered.isEmpty, "\(path):\(number + 1): no scope for \(line.uncovered)")
        }
    }

    @Test func theGrammarScopesEachKindOfToken() throws {
        let grammar = try TextMateLines(grammar: try Self.json(Self.grammarPath))
        let source = """
            plan plan_pro {  # Pro
              features { team-members unlimited; api-calls }
              price p_m { interval month; component c { per-seat 12.50 } }
              credit q { applies-to p_m.c; amount 10_000; billing-visible true }
            }
            scenario s { price p_m; start 2026-03-01; seats 7 from 2026-03-17; expect credits -25 }
            catalog "a\\tb \\u{1F600}"; currency USD
            """
        let scopes = try grammar.innermostScopes(source)
        let expected: [(String, String)] = [
            ("plan", "keyword.other.block.plancat"), ("plan_pro", "entity.name.type.plancat"),
            ("{", "punctuation.section.block.begin.plancat"), ("#", "punctuation.definition.comment.plancat"),
            (" Pro", "comment.line.number-sign.plancat"), ("features", "keyword.other.block.plancat"),
            ("team-members", "variable.other.feature.plancat"), ("unlimited", "constant.language.unlimited.plancat"),
            (";", "punctuation.terminator.statement.plancat"), ("api-calls", "variable.other.feature.plancat"),
            ("interval", "keyword.other.statement.plancat"), ("month", "constant.language.enum.plancat"),
            ("12.50", "constant.numeric.decimal.plancat"), ("applies-to", "keyword.other.statement.plancat"),
            ("p_m", "variable.other.reference.price.plancat"), (".", "punctuation.accessor.plancat"),
            ("c", "variable.other.reference.component.plancat"), ("10_000", "constant.numeric.decimal.plancat"),
            ("true", "constant.language.boolean.plancat"), ("scenario", "keyword.other.block.plancat"),
            ("price", "keyword.other.statement.plancat"), ("p_m", "variable.other.plancat"),
            ("2026-03-01", "constant.numeric.date.plancat"), ("from", "keyword.other.from.plancat"),
            ("credits", "constant.language.enum.plancat"), ("-25", "constant.numeric.decimal.plancat"),
            ("\\t", "constant.character.escape.plancat"), ("\\u{1F600}", "constant.character.escape.plancat"),
            ("USD", "constant.other.currency.plancat"),
        ]
        var remaining = scopes[...]
        for (text, scope) in expected {
            // In source order: each expected token is looked for after the previous one.
            guard let found = remaining.firstIndex(where: { $0.text == text }) else {
                Issue.record("`\(text)` not found as a token after the previous ones")
                continue
            }
            #expect(remaining[found].scope == scope, "`\(text)`")
            remaining = remaining[(found + 1)...]
        }
    }

    /// The grammar marks a line invalid exactly where the lexer reports a problem: the lexical errors of
    /// LANGUAGE.md § 4.1, and lines that look like them but are fine.
    @Test(arguments: [
        ("amount 10_", true), ("amount 1__0", true), ("amount _1", true), ("amount 1,000", true),
        ("amount 1.5k", true), ("amount 1.", true), ("amount 1.2.3", true), ("amount -1x", true),
        ("name \"open", true), ("name \"bad \\q escape\"", true), ("name \"\\u{zz}\"", true),
        ("name \"\\u{}\"", true), ("name \"\\u{1234567}\"", true), ("fixed $29", true), ("name 'Pro'", true),
        ("unit prö", true), ("name \"tab\there\"", false), ("amount -0.5", false), ("amount 1_000.000_1", false),
        ("feature 24x7-support {", false), ("start 2026-03-17", false), ("name \"\\\"q\\\" \\\\ \\n\"", false),
        ("applies-to price_pro.comp_api", false), ("usage api-calls 48_213", false), ("outline", false),
    ])
    func theGrammarMarksInvalidWhatTheLexerReports(_ line: String, _ lexerReports: Bool) throws {
        let (_, diagnostics) = Lexer.tokenize(SourceFile(path: "line.plancat", bytes: Array(line.utf8)))
        try #require(diagnostics.isEmpty == !lexerReports, "the lexer's view of `\(line)` changed: \(diagnostics)")
        let grammar = try TextMateLines(grammar: try Self.json(Self.grammarPath))
        let invalid = try grammar.innermostScopes(line).filter { $0.scope.hasPrefix("invalid") }
        #expect(invalid.isEmpty == !lexerReports, "`\(line)`: \(invalid.map(\.text))")
    }

    /// Vim's own syntax engine over every shipped catalog: each non-blank character is in some syntax
    /// item, and none is an error item. Run where `vim` or `nvim` is installed; a sample with planted
    /// errors shows the check can fail.
    @Test(.enabled(if: Self.vim != nil, "needs vim or nvim on PATH"))
    func vimHighlightsEveryShippedCatalogWithNoError() throws {
        let problems = try Self.vimProblems(in: Self.shippedCatalogFiles.map { PackageRoot.url(of: $0).path })
        #expect(problems.isEmpty, "\(problems.prefix(20))")
        let planted = FileManager.default.temporaryDirectory
            .appendingPathComponent("plancat-vim-\(UUID().uuidString).plancat")
        try Data("plan p {\n  name \"bad \\q\"\n  x 10_ $\n}\n".utf8).write(to: planted)
        defer { try? FileManager.default.removeItem(at: planted) }
        let plantedProblems = try Self.vimProblems(in: [planted.path]).map { $0.split(separator: " ").last ?? "" }
        #expect(plantedProblems == ["plancatEscapeError", "plancatEscapeError", "plancatNumberError",
                                    "plancatNumberError", "plancatNumberError", "plancatError"])
    }
}

// MARK: - The schema's words

extension EditorGrammarTests {
    static let schemaKeywords = Set(Schema.Keyword.allCases.map(\.rawValue))

    /// The keywords that take a block in some context.
    static var blockKeywords: Set<String> {
        Set(Schema.Context.allCases.flatMap { context in
            Schema.rules(in: context).compactMap { rule -> String? in
                if case .forbidden = rule.block { return nil }
                return rule.spelling
            }
        })
    }

    /// The words of the schema's choices: those that stand for a value (`month`, `on-billing`), and the
    /// fixed words inside a statement's sequence of arguments (`from` in `seats 7 from 2026-03-17`).
    static var schemaChoiceWords: (values: Set<String>, fixed: Set<String>) {
        var values = Set<String>()
        var fixed = Set<String>()
        for context in Schema.Context.allCases {
            for rule in Schema.rules(in: context) {
                switch rule.arguments {
                case .one(.choice(let words)), .optional(.choice(let words)), .oneOrTwo(.choice(let words)):
                    values.formUnion(words)
                case .sequence(let kinds):
                    for case .choice(let words) in kinds {
                        if words.count == 1 { fixed.formUnion(words) } else { values.formUnion(words) }
                    }
                default:
                    break
                }
            }
        }
        return (values, fixed)
    }

    static let shippedCatalogFiles: [String] = {
        let root = PackageRoot.url(of: "catalogs")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { ($0 as? URL)?.path }
            .filter { $0.hasSuffix(".plancat") } ?? []
        return files.map { "catalogs/" + $0.dropFirst(root.path.count + 1) }.sorted()
    }()

    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: PackageRoot.url(of: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path) is no object")
    }

    /// Every `match`, `begin` and `end` of a grammar, with where it stands.
    static func regexes(in node: Any, at path: String = "") -> [(String, String)] {
        if let object = node as? [String: Any] {
            return object.keys.sorted().flatMap { key -> [(String, String)] in
                if ["match", "begin", "end"].contains(key), let pattern = object[key] as? String {
                    return [("\(path)/\(key)", pattern)]
                }
                return regexes(in: object[key]!, at: "\(path)/\(key)")
            }
        }
        if let array = node as? [Any] {
            return array.enumerated().flatMap { regexes(in: $1, at: "\(path)/\($0)") }
        }
        return []
    }

    /// The words of the `\%(a\|b\)` alternation in the Vim match `group`.
    static func vimAlternatives(of group: String, in text: String) -> Set<String> {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("syntax match \(group) ") }),
              let start = line.range(of: "\\@<!\\%(", options: .backwards)
                ?? line.range(of: "\\@<!", options: .backwards) else { return [] }
        let rest = line[start.upperBound...]
        let end = rest.range(of: "\\)") ?? rest.range(of: "[")
        let body = rest[..<(end?.lowerBound ?? rest.endIndex)]
        return Set(body.components(separatedBy: "\\|"))
    }

    // MARK: Vim

    static let vim: String? = ["vim", "nvim"].lazy.compactMap { name -> String? in
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    /// Every non-blank character of `files` that Vim puts in no syntax item or in an error item, as
    /// `file:line:column: item`.
    static func vimProblems(in files: [String]) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plancat-vim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("check.vim")
        let report = directory.appendingPathComponent("report.txt")
        let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        try Data("""
            set nocompatible
            syntax on
            let s:out = []
            for s:file in [\(files.map(quoted).joined(separator: ", "))]
              execute 'silent edit ' . fnameescape(s:file)
              syntax clear
              unlet! b:current_syntax
              execute 'source ' . fnameescape(\(quoted(PackageRoot.url(of: vimSyntaxPath).path)))
              for s:l in range(1, line('$'))
                let s:text = getline(s:l)
                for s:c in range(1, strlen(s:text))
                  if s:text[s:c - 1] =~# '[ \\t\\r]'
                    continue
                  endif
                  let s:name = synIDattr(synID(s:l, s:c, 0), 'name')
                  if s:name ==# '' || s:name =~# 'Error\\|Unterminated\\|Control'
                    call add(s:out, s:file . ':' . s:l . ':' . s:c . ': ' . (s:name ==# '' ? 'none' : s:name))
                  endif
                endfor
              endfor
            endfor
            call writefile(s:out, \(quoted(report.path)))
            qall!

            """.utf8).write(to: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(vim))
        process.arguments = ["-Es", "-N", "-u", "NONE", "-i", "NONE", "-S", script.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "vim ended with \(process.terminationStatus)")
        return try String(contentsOf: report, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

// MARK: - A small TextMate engine

/// Applies a TextMate grammar's top-level patterns to text line by line, as an editor would, closely
/// enough to test a grammar of one-line tokens:
/// - `include` of `#repository` entries and nested `patterns` lists are followed; among the patterns
///   the earliest match wins, and the first listed on a tie, as in TextMate;
/// - a `begin`/`end` rule is entered and left, its inner patterns applied, the end winning a tie, and it
///   carries over to the next line while its end has not matched;
/// - `name`, `captures`, `beginCaptures` and `endCaptures` give scopes.
///
/// It does not model: `include` of `$self`, `$base` or other grammars; `while` rules; `applyEndPatternLast`;
/// back-references from `end` to `begin` captures; `\G` and the anchors of a line fed with its newline;
/// injections; `contentName`. The grammar uses none of these. Its regexes run on ICU
/// (NSRegularExpression), where editors run Oniguruma: the grammar keeps to what both read alike.
struct TextMateLines {
    struct Token {
        let text: String
        let scopes: [String]
    }

    struct Line {
        var tokens: [Token] = []
        /// The characters other than spaces and tabs that no pattern matched.
        var uncovered: [String] = []
    }

    struct GrammarError: Error, CustomStringConvertible {
        let description: String
    }

    /// A pattern with its regex compiled.
    final class Rule {
        let name: String?
        let match: NSRegularExpression?
        let begin: NSRegularExpression?
        let end: NSRegularExpression?
        let captures: [Int: String]
        let beginCaptures: [Int: String]
        let endCaptures: [Int: String]
        var patterns: [Rule] = []

        init(_ object: [String: Any]) throws {
            func regex(_ key: String) throws -> NSRegularExpression? {
                try (object[key] as? String).map { try NSRegularExpression(pattern: $0) }
            }
            func captures(_ key: String) -> [Int: String] {
                var result: [Int: String] = [:]
                for (group, value) in object[key] as? [String: [String: String]] ?? [:] {
                    if let index = Int(group), let name = value["name"] { result[index] = name }
                }
                return result
            }
            name = object["name"] as? String
            match = try regex("match")
            begin = try regex("begin")
            end = try regex("end")
            self.captures = captures("captures")
            beginCaptures = object["beginCaptures"] == nil ? self.captures : captures("beginCaptures")
            endCaptures = object["endCaptures"] == nil ? self.captures : captures("endCaptures")
        }
    }

    private let repository: [String: Any]
    let topLevel: [Rule]

    init(grammar: [String: Any]) throws {
        repository = grammar["repository"] as? [String: Any] ?? [:]
        var built: [String: [Rule]] = [:]
        topLevel = try Self.rules(grammar["patterns"], repository: repository, built: &built)
    }

    /// The rules of a `patterns` list, includes followed, each repository entry built once. An entry
    /// with neither `match` nor `begin` only groups patterns: they stand in its place.
    private static func rules(_ list: Any?, repository: [String: Any], built: inout [String: [Rule]]) throws -> [Rule] {
        var result: [Rule] = []
        for case let object as [String: Any] in list as? [Any] ?? [] {
            guard let include = object["include"] as? String else {
                result += try rules(of: object, repository: repository, built: &built)
                continue
            }
            guard include.hasPrefix("#"), let entry = repository[String(include.dropFirst())] as? [String: Any] else {
                throw GrammarError(description: "unsupported include \(include)")
            }
            if let done = built[include] {
                result += done
            } else {
                let done = try rules(of: entry, repository: repository, built: &built)
                built[include] = done
                result += done
            }
        }
        return result
    }

    private static func rules(of object: [String: Any], repository: [String: Any],
                              built: inout [String: [Rule]]) throws -> [Rule] {
        let inner = try rules(object["patterns"], repository: repository, built: &built)
        guard object["match"] != nil || object["begin"] != nil else { return inner }
        let rule = try Rule(object)
        rule.patterns = inner
        return [rule]
    }

    /// The words of the first alternation `(?:a|b)` of a repository entry's `match` or `begin`, or the
    /// entry's whole regex when it is a word.
    func words(of entry: String) throws -> Set<String> {
        let object = try #require(repository[entry] as? [String: Any], "no repository entry \(entry)")
        let pattern = try #require((object["match"] ?? object["begin"]) as? String)
        let alternation = try NSRegularExpression(pattern: #"\(\?:([a-z|-]+)\)(?!\?)|\(([a-z-]+)\)"#)
        let text = pattern as NSString
        guard let found = alternation.firstMatch(in: pattern, range: NSRange(location: 0, length: text.length)) else {
            let bare = try NSRegularExpression(pattern: #"(?<![\[{\\])\b([a-z][a-z-]+)\b(?![\]}])"#)
            return Set(bare.matches(in: pattern, range: NSRange(location: 0, length: text.length))
                .map { text.substring(with: $0.range(at: 1)) })
        }
        let group = found.range(at: 1).location != NSNotFound ? found.range(at: 1) : found.range(at: 2)
        return Set(text.substring(with: group).split(separator: "|").map(String.init))
    }

    /// Each token of `text` with the innermost scope it gets, in order.
    func innermostScopes(_ text: String) throws -> [(text: String, scope: String)] {
        try tokenize(text).flatMap { line in line.tokens.compactMap { token in token.scopes.last.map { (token.text, $0) } } }
    }

    /// The tokens of every line of `text` (lines end at LF; a CR before it is not part of the line).
    func tokenize(_ text: String) throws -> [Line] {
        var open: [Rule] = []
        return try text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            try tokenize(line: String(line.hasSuffix("\r") ? line.dropLast() : line), open: &open)
        }
    }

    private func tokenize(line: String, open: inout [Rule]) throws -> Line {
        let text = line as NSString
        // The scopes of each UTF-16 unit, outermost first.
        var scopes = [[String]?](repeating: nil, count: text.length)
        func scope(_ range: NSRange, _ names: [String]) {
            guard range.location != NSNotFound else { return }
            for index in range.location..<range.location + range.length {
                scopes[index] = (scopes[index] ?? []) + names
            }
        }
        func scope(_ result: NSTextCheckingResult, _ captures: [Int: String], under outer: [String]) {
            for (group, name) in captures.sorted(by: { $0.key < $1.key }) where group < result.numberOfRanges {
                scope(result.range(at: group), outer + [name])
            }
        }
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        var position = 0
        while position <= text.length {
            let enclosing = open.compactMap(\.name)
            let candidates = open.last?.patterns ?? topLevel
            var best: (rule: Rule, result: NSTextCheckingResult, isEnd: Bool)?
            let range = NSRange(location: position, length: text.length - position)
            if let rule = open.last, let end = rule.end?.firstMatch(in: line, options: options, range: range) {
                best = (rule, end, true)
            }
            for rule in candidates {
                guard let regex = rule.match ?? rule.begin,
                      let found = regex.firstMatch(in: line, options: options, range: range) else { continue }
                // A match that takes nothing is no progress; only a `begin` may be empty.
                if found.range.length == 0 && rule.begin == nil { continue }
                if best == nil || found.range.location < best!.result.range.location { best = (rule, found, false) }
            }
            guard let (rule, found, isEnd) = best else { break }
            if isEnd {
                scope(found.range, enclosing)
                scope(found, rule.endCaptures, under: enclosing)
                open.removeLast()
            } else if rule.begin != nil {
                let names = enclosing + (rule.name.map { [$0] } ?? [])
                scope(found.range, names)
                scope(found, rule.beginCaptures, under: names)
                open.append(rule)
            } else {
                let names = enclosing + (rule.name.map { [$0] } ?? [])
                scope(found.range, names)
                scope(found, rule.captures, under: names)
            }
            // Inside a begin/end rule, what no inner pattern matched still has the rule's scope.
            if !enclosing.isEmpty { scope(NSRange(location: position, length: found.range.location - position), enclosing) }
            let next = found.range.location + found.range.length
            if next == position && (isEnd || rule.begin != nil) && found.range.length == 0 {
                // An empty end (`$`) closes the rule; an empty begin would loop, so it ends the line.
                if !isEnd { break }
                if position == text.length { break }
                continue
            }
            position = next
        }
        if let rule = open.last, let name = rule.name, position < text.length {
            scope(NSRange(location: position, length: text.length - position), open.compactMap(\.name) + [name])
        }
        return Self.line(text, scopes)
    }

    /// Runs of UTF-16 units with the same scopes, as tokens, and the uncovered characters.
    private static func line(_ text: NSString, _ scopes: [[String]?]) -> Line {
        var result = Line()
        var start = 0
        while start < text.length {
            var end = start + 1
            while end < text.length && scopes[end] == scopes[start] { end += 1 }
            let piece = text.substring(with: NSRange(location: start, length: end - start))
            if let names = scopes[start] {
                result.tokens.append(Token(text: piece, scopes: names))
            } else {
                result.uncovered += piece.map(String.init).filter { $0 != " " && $0 != "\t" }
            }
            start = end
        }
        return result
    }
}
