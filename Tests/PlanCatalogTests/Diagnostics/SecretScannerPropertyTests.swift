import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// Every way a catalog can spell a secret key is refused or masked everywhere (issue 18): generated
/// keys of every prefix, each character written as itself or as an escape (`\u{5f}`, `\u{00073}`, in
/// either case), placed in a string among other text or in a comment, in `.plancat` source and in a
/// deployed catalog.json (`\u005f`). For each one the catalog does not build, E1001 is reported, and no
/// renderer's output holds the key's secret part.
@Suite struct SecretScannerPropertyTests {
    /// One generated key: its text, its secret part (what must never be printed) and a spelling of it.
    struct Case: Sendable, CustomTestStringConvertible {
        let key: String
        let secret: String
        /// The key as written in a `.plancat` string literal (escapes and all).
        let plancatSpelling: String
        /// The key as written in a JSON string.
        let jsonSpelling: String
        /// Text around the key in its string: never a letter or digit right before it.
        let before: String
        let after: String
        let inComment: Bool
        var testDescription: String { plancatSpelling }
    }

    static let cases: [Case] = {
        var random = SplitMix64(name: "secret spellings")
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let surroundings = ["", " ", "key: ", "(", "my_", "-", "é ", "\\\"", "\\t", "\\n"]
        let endings = ["", " ", ".", "-rest", ")", "\\\"", " é", "\\n"]
        return (0..<400).map { _ in
            let prefix = SecretScanner.prefixes.randomElement(using: &random)!
            // At least 12 characters, so that the secret is distinctive in any output, starting with a
            // letter or digit as a key's does; `_` may follow inside.
            let length = Int.random(in: 12...48, using: &random)
            var secret = String(alphabet.randomElement(using: &random)!)
            while secret.count < length {
                secret.append(Int.random(in: 0..<8, using: &random) == 0 ? "_" : alphabet.randomElement(using: &random)!)
            }
            if secret.last == "_" { secret.append("Z") }
            let key = prefix + secret
            let inComment = Int.random(in: 0..<5, using: &random) == 0
            let escapeRate = Int.random(in: 0...3, using: &random)  // 0: none; 3: often
            var plancat = "", json = ""
            for character in key {
                let scalar = character.unicodeScalars.first!.value
                if !inComment, escapeRate > 0, Int.random(in: 0..<4, using: &random) < escapeRate {
                    let digits = String(scalar, radix: 16, uppercase: Bool.random(using: &random))
                    let padded = String(repeating: "0", count: Int.random(in: 0...(6 - digits.count), using: &random)) + digits
                    plancat += "\\u{\(padded)}"
                    json += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    plancat.append(character)
                    json.append(character)
                }
            }
            let before = inComment ? [" ", "key: ", "("].randomElement(using: &random)! : surroundings.randomElement(using: &random)!
            let after = inComment ? [" ", ".", ""].randomElement(using: &random)! : endings.randomElement(using: &random)!
            return Case(key: key, secret: secret, plancatSpelling: plancat, jsonSpelling: json,
                        before: before, after: after, inComment: inComment)
        }
    }()

    static func source(for spelled: Case) -> String {
        let line = spelled.inComment
            ? "  # \(spelled.before)\(spelled.plancatSpelling)\(spelled.after)"
            : "  description \"\(spelled.before)\(spelled.plancatSpelling)\(spelled.after)\""
        return """
            catalog "Secrets"
            currency USD

            plan plan_pro {
              name "Pro"
            \(line)
              price price_pro { interval month; component comp_base { fixed 29 } }
            }

            """
    }

    @Test(arguments: cases)
    func aKeyInSourceIsRefusedAndNeverPrinted(_ spelled: Case) {
        let file = SourceFile(path: "secrets.plancat", text: Self.source(for: spelled))
        let result = CatalogCompiler.build([file])
        #expect(result.output == nil, "the catalog built")
        #expect(result.check.diagnostics.contains { $0.code == .secretKey }, "no E1001")
        let outputs = [
            TextDiagnosticRenderer().render(result.check.diagnostics, in: result.check.files),
            JSONDiagnosticRenderer().render(result.check.diagnostics, in: result.check.files),
            GitHubDiagnosticRenderer().render(result.check.diagnostics, in: result.check.files),
        ]
        for output in outputs {
            #expect(!output.contains(spelled.secret), "printed: \(output)")
        }
        // Positions on the key's line do not depend on the key's length either.
        let line = file.lineTable.lineIndex(of: file.bytes.count - 1) - 2
        let end = file.lineTable.contentRange(ofLine: line, in: file.bytes).upperBound
        #expect(file.location(of: end).column < 60 + spelled.before.count + spelled.after.count,
                "the line's end is at column \(file.location(of: end).column)")
    }

    @Test(arguments: cases.filter { !$0.inComment })
    func aKeyInADeployedCatalogIsRefusedAndNeverPrinted(_ spelled: Case) throws {
        let json = String(decoding: CatalogDocumentReaderTests.document.jsonBytes, as: UTF8.self)
        let parts = json.split(separator: #""planName": "Pro","#, omittingEmptySubsequences: false)
        try #require(parts.count == 2)
        let planted = parts.joined(separator: "\"planName\": \"Pro \(spelled.jsonSpelling)\",")
        do {
            _ = try CatalogDocument(json: Array(planted.utf8))
            Issue.record("the document was read, but it holds a secret key")
        } catch {
            #expect(error.message.contains("secret API key"), "\(error.message)")
            #expect(!error.message.contains(spelled.secret) && !error.description.contains(spelled.secret))
        }
    }

    /// The scan reads only the lines the line table marks as holding a marker; it finds what a scan of
    /// the whole file finds, on LF and CRLF lines, at a line's start and end, and next to a line end.
    @Test func scanningTheMarkedLinesFindsEveryKeyOfTheFile() {
        var random = SplitMix64(name: "lines with keys")
        let pieces = ["sk_live_a1", "rk_test_Z", "whsec_9", "lumen_sk_x_y", "task_test_x", "sk_", "x", "é", " ",
                      "\n", "\r\n", "\"", "ec_", "_", "a"]
        for _ in 0..<300 {
            let count = Int(random.next() % 24)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let file = SourceFile(path: "k.plancat", text: text)
            let expected = SecretScanner.keyRanges(in: file.bytes).map { Span(start: $0.lowerBound, end: $0.upperBound) }
            // No piece holds a backslash, so every key is spelled by the bytes themselves.
            let found = SecretScanner.diagnostics(in: file).map(\.location.span)
            #expect(found == expected, "\(text.debugDescription)")
        }
    }
}
