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

    /// The scanner looks for a key only at an `l` or an `s`, which is what makes it cheap on large files.
    @Test func everyPrefixStartsWithALetterTheScannerStopsAt() {
        #expect(SecretScanner.prefixes.allSatisfy { $0.hasPrefix("l") || $0.hasPrefix("s") })
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
        #expect(first.location.start == LineColumn(line: 1, column: 16))
        #expect(first.location.end == LineColumn(line: 1, column: 30))
        #expect(first.help?.contains("rotate") == true)
        let second = diagnostics[1]
        #expect(second.message == "secret API key `lumen_sk_••••` in the catalog")
        #expect(second.location.start == LineColumn(line: 2, column: 16))
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
