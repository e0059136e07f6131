import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// `SemanticTokens.tokens(in:)`: what each piece of a file is, and that it agrees with the TextMate
/// grammar (Sources/Editors/textmate/) on every shipped catalog, as applied by `TextMateLines`, the small
/// engine of EditorGrammarTests.
@Suite struct SemanticTokenListTests {
    static func tokens(_ text: String) -> [(text: String, type: SemanticTokenType, isDeclaration: Bool)] {
        let file = SourceFile(path: "a.plancat", text: text)
        return SemanticTokens.tokens(in: Parser.parse(file).tree).map { (file.text(of: $0.span), $0.type, $0.isDeclaration) }
    }

    @Test func eachKindOfWordStringNumberAndComment() {
        let source = """
            # Pro
            metric api { name "API"; aggregate sum }
            plan plan_pro {
              trial-of plan_free
              features { sso true; seats unlimited; members 10 }
              price p_m { interval month; component c { usage api; unit-price 0.5 } }
              credit q { applies-to p_m.c; billing-visible false }
            }
            pricing-table main { currency USD; row plan_pro }
            scenario s { price p_m; start 2026-03-01; seats 7 from 2026-03-17; expect total -25 }
            """
        let found = Self.tokens(source).map { "\($0.text):\($0.type)\($0.isDeclaration ? "+" : "")" }
        #expect(found == [
            "# Pro:comment",
            "metric:keyword", "api:metric+", "name:keyword", "\"API\":string", "aggregate:keyword", "sum:enumMember",
            "plan:keyword", "plan_pro:plan+",
            "trial-of:keyword", "plan_free:plan",
            "features:keyword", "sso:feature", "true:enumMember", "seats:feature", "unlimited:enumMember",
            "members:feature", "10:number",
            "price:keyword", "p_m:price+", "interval:keyword", "month:enumMember", "component:keyword",
            "c:component+", "usage:keyword", "api:metric", "unit-price:keyword", "0.5:number",
            "credit:keyword", "q:credit+", "applies-to:keyword", "p_m:price", "c:component",
            "billing-visible:keyword", "false:enumMember",
            "pricing-table:keyword", "main:pricingTable+", "currency:keyword", "USD:enumMember", "row:keyword",
            "plan_pro:plan",
            "scenario:keyword", "s:scenario+", "price:keyword", "p_m:price", "start:keyword", "2026-03-01:number",
            "seats:keyword", "7:number", "from:keyword", "2026-03-17:number", "expect:keyword", "total:enumMember",
            "-25:number",
        ])
    }

    @Test func unknownStatementsMalformedNumbersAndHalfTypedFilesGetNoMadeUpTokens() {
        let found = Self.tokens("plan p {\n  nmae \"x\"\n  trial-days 1.5k\n  price m {\n    interval mo")
        #expect(found.map(\.text) == ["plan", "p", "\"x\"", "trial-days", "price", "m", "interval", "mo"])
        #expect(!found.contains { $0.text == "nmae" })
    }

    @Test func tokensAreInOrderAndEachOnOneLine() throws {
        for path in EditorGrammarTests.shippedCatalogFiles {
            let file = SourceFile(path: path, bytes: Array(try Data(contentsOf: PackageRoot.url(of: path))))
            let tokens = SemanticTokens.tokens(in: Parser.parse(file).tree)
            #expect(!tokens.isEmpty)
            for (previous, next) in zip(tokens, tokens.dropFirst()) {
                #expect(previous.span.end <= next.span.start, "\(path): \(previous) and \(next) overlap")
            }
            for token in tokens {
                #expect(file.lineTable.lineIndex(of: token.span.start) == file.lineTable.lineIndex(of: token.span.end))
            }
        }
    }

    @Test func everyPrefixOfTheShippedCatalogsHasOrderedOneLineTokens() throws {
        // A file being typed: whatever its end cuts, the tokens stay in order, apart, and on one line each.
        for path in EditorGrammarTests.shippedCatalogFiles {
            let bytes = Array(try Data(contentsOf: PackageRoot.url(of: path)))
            for end in stride(from: 0, through: bytes.count, by: 17) {
                let file = SourceFile(path: path, bytes: Array(bytes[..<end]))
                let tokens = SemanticTokens.tokens(in: Parser.parse(file).tree)
                for (previous, next) in zip(tokens, tokens.dropFirst()) where previous.span.end > next.span.start {
                    Issue.record("\(path) cut at \(end): \(previous) and \(next) overlap")
                }
                for token in tokens where token.span.isEmpty || token.span.end > end
                    || file.lineTable.lineIndex(of: token.span.start) != file.lineTable.lineIndex(of: token.span.end) {
                    Issue.record("\(path) cut at \(end): \(token) is empty, past the end or on two lines")
                }
            }
        }
    }

    /// The scope a token of each checked type must fall in, by its prefix.
    static let scopePrefixes: [SemanticTokenType: String] = [
        .keyword: "keyword.", .string: "string.", .number: "constant.numeric.", .comment: "comment.",
    ]

    /// Every keyword, string, number and comment token of a shipped catalog lies where the grammar gives
    /// a scope of the same kind, each of its characters; and the other way round, every character the
    /// grammar gives such a scope is in a token of that type.
    @Test(arguments: EditorGrammarTests.shippedCatalogFiles)
    func theTokensAgreeWithTheGrammar(_ path: String) throws {
        let grammar = try TextMateLines(grammar: try EditorGrammarTests.json(EditorGrammarTests.grammarPath))
        let bytes = Array(try Data(contentsOf: PackageRoot.url(of: path)))
        let file = SourceFile(path: path, bytes: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = try grammar.tokenize(text)
        // The scopes of each UTF-16 unit of each line, rebuilt from the grammar's tokens in order: what
        // lies between two of them is spaces and tabs (the grammar's own test holds nothing else uncovered).
        var scopes: [[[String]]] = []
        for (number, line) in lines.enumerated() {
            let lineText = file.text(of: Span(start: file.lineTable.lineStarts[number],
                                              end: file.lineTable.contentRange(ofLine: number, in: bytes).upperBound)) as NSString
            var unitScopes = [[String]](repeating: [], count: lineText.length)
            var position = 0
            for token in line.tokens {
                let found = lineText.range(of: token.text, range: NSRange(location: position, length: lineText.length - position))
                try #require(found.location != NSNotFound, "\(path):\(number + 1): `\(token.text)` not found")
                for unit in found.location..<(found.location + found.length) { unitScopes[unit] = token.scopes }
                position = found.location + found.length
            }
            scopes.append(unitScopes)
        }
        var covered: [SemanticTokenType: Set<[Int]>] = [:]
        for token in SemanticTokens.tokens(in: Parser.parse(file).tree) {
            guard let prefix = Self.scopePrefixes[token.type] else { continue }
            let line = file.lineTable.lineIndex(of: token.span.start)
            let lineStart = file.lineTable.lineStarts[line]
            let start = file.text(of: Span(start: lineStart, end: token.span.start)).utf16.count
            let end = file.text(of: Span(start: lineStart, end: token.span.end)).utf16.count
            for unit in start..<end {
                covered[token.type, default: []].insert([line, unit])
                #expect(scopes[line][unit].contains { $0.hasPrefix(prefix) },
                        "\(path):\(line + 1): `\(file.text(of: token.span))` is \(token.type), the grammar says \(scopes[line][unit])")
            }
        }
        #expect(covered[.keyword]?.isEmpty == false)
        for (line, units) in scopes.enumerated() {
            for (unit, names) in units.enumerated() {
                for (type, prefix) in Self.scopePrefixes where names.contains(where: { $0.hasPrefix(prefix) }) {
                    #expect(covered[type, default: []].contains([line, unit]),
                            "\(path):\(line + 1):\(unit + 1): the grammar says \(names), no \(type) token")
                }
            }
        }
    }
}
