import Testing
@testable import PlanCatalog

/// E1001 and the masking every printed line goes through (LANGUAGE.md §4.10).
@Suite struct SecretScannerTests {
    private func keys(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SecretScanner.keyRanges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test(arguments: [
        ("sk_live_abc123", ["sk_live_abc123"]),
        ("sk_test_X", ["sk_test_X"]),
        ("lumen_sk_9f8e", ["lumen_sk_9f8e"]),
        ("lumen_sk_live_abc", ["lumen_sk_live_abc"]),
        ("\"key sk_live_abc_DEF_123-rest\"", ["sk_live_abc_DEF_123"]),
        ("# sk_live_a and sk_test_b", ["sk_live_a", "sk_test_b"]),
        ("my_sk_live_abc", ["sk_live_abc"]),
        ("-sk_live_abc.", ["sk_live_abc"]),
        ("é sk_live_1", ["sk_live_1"]),
    ])
    func findsKeys(text: String, expected: [String]) {
        #expect(keys(in: text) == expected)
    }

    @Test(arguments: [
        "task_test_x",            // `sk_test_` inside a word: preceded by a letter
        "disk_live_a",
        "1sk_live_a",
        "sk_live_",               // a prefix alone
        "sk_live__abc",           // not followed by a letter or digit
        "sk_live_-abc",
        "sk_test_ and more",
        "SK_LIVE_abc",            // prefixes are case-sensitive, as the providers issue them
        "sk_abc123",
        "",
    ])
    func ignoresWhatIsNotAKey(text: String) {
        #expect(keys(in: text).isEmpty)
    }

    /// The fast paths (the JSON parser, `LineTable`) look only for the markers: a prefix without one
    /// would go unseen there.
    @Test func everyPrefixHoldsAMarker() {
        for prefix in SecretScanner.prefixes {
            #expect(SecretScanner.markers.contains { prefix.contains($0) }, "\(prefix)")
            #expect(SecretScanner.mayHoldKey(Array(prefix.utf8)), "\(prefix)")
        }
        for marker in SecretScanner.markers {
            let bytes = Array(marker.utf8)
            #expect(SecretScanner.isMarker(bytes[0], bytes[1]) && bytes[2] == UInt8(ascii: "_"))
        }
        #expect(!SecretScanner.mayHoldKey(Array("plan_pro pk_live_1 lumen_pk_2 basic_plan".utf8)))
    }

    /// The keys of other billing platforms are keys too, each masked to its prefix (Docs/Robustness.md).
    @Test(arguments: ["rk_live_51Hq9", "rk_test_Z", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "lumen_sk_live_1"])
    func findsTheKeysOfOtherPlatforms(key: String) {
        #expect(keys(in: "name \"\(key)\"") == [key])
        let prefix = SecretScanner.prefixes.first { key.hasPrefix($0) }!
        #expect(SecretScanner.masked("x \(key) y") == "x \(prefix)•••• y")
    }

    /// Publishable keys are meant for browsers: not secrets, so not refused.
    @Test(arguments: ["pk_live_51Hq9", "pk_test_Z", "lumen_pk_abc", "network_whsec", "dark_live_1"])
    func publishableKeysAndLookalikesAreNotKeys(text: String) {
        #expect(keys(in: text).isEmpty)
    }

    /// On a line that holds a key, a column counts the key as shown: whatever the key's length, the
    /// positions on the line are the same, so they do not tell it.
    @Test(arguments: [1, 7, 40, 300])
    func columnsOnALineWithAKeyDoNotTellItsLength(length: Int) {
        let key = "sk_live_" + String(repeating: "a", count: length)
        let file = SourceFile(path: "s.plancat", text: "first line\nname \"\(key)\" trailing\n")
        let keySpan = SecretScanner.diagnostics(in: file)[0].location
        #expect(FileTable(file).start(of: keySpan) == LineColumn(line: 2, column: 7))
        #expect(FileTable(file).end(of: keySpan) == LineColumn(line: 2, column: 19))
        let trailing = Array(file.bytes).firstRange(of: Array("trailing".utf8))!
        let after = SourceLocation(file: .first, span: Span(start: trailing.lowerBound, end: trailing.upperBound))
        #expect(FileTable(file).start(of: after) == LineColumn(line: 2, column: 21))
        #expect(FileTable(file).end(of: after) == LineColumn(line: 2, column: 29))
        // An offset inside the secret part stands at the mask's start.
        if length > 1 { #expect(file.location(of: keySpan.span.start + 9) == LineColumn(line: 2, column: 15)) }
    }

    /// A string whose escapes spell a key is shown as `"••••"`, and counted so.
    @Test func columnsCountAStringThatSpellsAKeyWithEscapesAsItsMask() {
        let file = SourceFile(path: "s.plancat", text: "name \"sk\\u{5f}live_abcdef\" x\n")
        let string = SecretScanner.diagnostics(in: file)[0].location
        #expect(FileTable(file).start(of: string) == LineColumn(line: 1, column: 6))
        #expect(FileTable(file).end(of: string) == LineColumn(line: 1, column: 12))
        let x = Array(file.bytes).lastIndex(of: UInt8(ascii: "x"))!
        #expect(file.location(of: x) == LineColumn(line: 1, column: 13))
    }

    /// A line with escapes is lexed once to find what it masks, however many positions are asked on it:
    /// a thousand diagnostics on one long line used to lex it a thousand times (minutes for 180 KB).
    @Test(.timeLimit(.minutes(1)))
    func manyPositionsOnALongLineWithEscapesStayCheap() {
        let file = SourceFile(path: "s.plancat", text: String(repeating: "zz \"\\n\"; ", count: 20_000) + "sk_live_x\n")
        var columns: [Int] = []
        for offset in stride(from: 0, to: file.bytes.count - 10, by: 180) { columns.append(file.location(of: offset).column) }
        #expect(columns.count == 1_000)
        #expect(columns.last == 1 + 999 * 180)
    }

    /// Lines without a key count every Unicode scalar, as LANGUAGE.md §4 says, even next to one.
    @Test func linesWithoutAKeyKeepTheirColumns() {
        let file = SourceFile(path: "s.plancat", text: "sk_live_abcdef\nsk_1 \"é\\n\" tail\n")
        let tail = Array(file.bytes).firstRange(of: Array("tail".utf8))!
        #expect(file.location(of: tail.lowerBound) == LineColumn(line: 2, column: 12))
    }

    @Test func reportsEachKeyAtItsSpanWithAMaskedMessage() {
        let text = "catalog \"日本\" # sk_live_abc123\nplan p { name \"lumen_sk_XYZ\" }\n"
        let file = SourceFile(path: "s.plancat", text: text)
        let diagnostics = SecretScanner.diagnostics(in: file)
        #expect(diagnostics.count == 2)
        let first = diagnostics[0]
        #expect(first.code == .secretKey)
        #expect(first.severity == .error)
        #expect(first.message == "secret API key `sk_live_••••` in the catalog")
        #expect(file.text(of: first.location.span) == "sk_live_abc123")
        #expect(FileTable(file).start(of: first.location) == LineColumn(line: 1, column: 16))
        // The end counts the key as shown, `sk_live_••••`, so the span does not tell the key's length.
        #expect(FileTable(file).end(of: first.location) == LineColumn(line: 1, column: 28))
        #expect(first.help?.contains("rotate") == true)
        let second = diagnostics[1]
        #expect(second.message == "secret API key `lumen_sk_••••` in the catalog")
        #expect(FileTable(file).start(of: second.location) == LineColumn(line: 2, column: 16))
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.contains("abc123") && !diagnostic.message.contains("XYZ"))
        }
    }

    @Test func findsKeysEvenWhereTheLexerCannotMakeSenseOfTheLine() {
        let file = SourceFile(path: "s.plancat", bytes: [0xFF] + Array("sk_test_1 \"unterminated sk_live_2".utf8))
        #expect(SecretScanner.diagnostics(in: file).map { file.text(of: $0.location.span) } == ["sk_test_1", "sk_live_2"])
    }

    @Test func masksEveryKeyInAText() {
        #expect(SecretScanner.masked("name \"sk_live_abc\" # lumen_sk_1 and sk_test_Z9") ==
            "name \"sk_live_••••\" # lumen_sk_•••• and sk_test_••••")
        #expect(SecretScanner.masked("task_test_x stays") == "task_test_x stays")
        #expect(SecretScanner.masked("日本 sk_live_x 😀") == "日本 sk_live_•••• 😀")
    }

    @Test func keyRangesOfASliceAreOffsetsIntoTheFile() {
        let bytes = Array("line one\nname sk_live_k\n".utf8)
        #expect(SecretScanner.keyRanges(in: bytes[9...]) == [14..<23])
    }
}
