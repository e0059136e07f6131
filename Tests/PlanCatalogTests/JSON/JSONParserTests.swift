import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// The strict JSON parser: what it accepts and exactly what it says about what it refuses.
@Suite struct JSONParserTests {
    private func parse(_ text: String, maximumDepth: Int = 128) throws(JSONParseError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    /// The error for `bytes`, or nil when they parse.
    private func error(of bytes: [UInt8], maximumDepth: Int = 128) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(bytes, maximumDepth: maximumDepth)
            return nil
        } catch {
            return error
        }
    }

    private func error(of text: String, maximumDepth: Int = 128) -> JSONParseError? {
        error(of: Array(text.utf8), maximumDepth: maximumDepth)
    }

    // MARK: Valid documents

    @Test("scalars keep their kind and a number keeps its literal text", arguments: [
        ("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null), ("1", .number("1")),
        ("0", .number("0")), ("-0", .number("-0")), ("-12.50", .number("-12.50")), ("2.9e3", .number("2.9e3")),
        ("1E-2", .number("1E-2")), ("0.1e+10", .number("0.1e+10")), ("\"\"", .string("")),
        (" \t\r\n \"x\" \n", .string("x")), ("123456789012345678901234567890", .number("123456789012345678901234567890")),
    ])
    func scalars(text: String, expected: JSONValue) throws {
        #expect(try parse(text) == expected)
    }

    @Test("true and 1 stay apart")
    func booleansAreNotNumbers() throws {
        #expect(try parse("[true, 1]") == .array([.bool(true), .number("1")]))
    }

    @Test("objects keep their member order, and containers nest")
    func containers() throws {
        let value = try parse(#"{"b": 1, "a": [true, false, null, []], "c": {}, "d": {"e": "f"}}"#)
        #expect(value == .object([
            .init("b", 1), .init("a", [true, false, nil, []]), .init("c", .object([])),
            .init("d", .object([.init("e", "f")])),
        ]))
    }

    @Test("strings decode every escape", arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{C}\n\r\t"),
        (#""\u00e9\u4E2D""#, "é中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""a\u0000b""#, "a\u{0}b"),
        (#""x\ny é 😀""#, "x\ny é 😀"),
        ("\"é😀 raw\u{7F}\"", "é😀 raw\u{7F}"),
    ])
    func strings(text: String, expected: String) throws {
        #expect(try parse(text) == .string(expected))
    }

    @Test("a byte order mark at the start is skipped, and columns start after it")
    func byteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([1]))
        let problem = try #require(error(of: [0xEF, 0xBB, 0xBF] + Array("x".utf8)))
        #expect((problem.offset, problem.line, problem.column) == (3, 1, 1))
        // Only at the start: elsewhere it is an unexpected character, named only, since it is invisible.
        #expect(error(of: Array("[".utf8) + [0xEF, 0xBB, 0xBF] + Array("1]".utf8))?.message
                == "expected a value, found U+FEFF")
    }

    @Test("what JSONWriter writes reads back as the same value")
    func readsWhatTheWriterWrites() throws {
        let value: JSONValue = .object([
            .init("name", "Acme \"Pro\" \\ tab\t nul\u{0} del\u{7F} c1\u{85} é 😀"),
            .init("amounts", .array([.number("0.002"), .number("-29"), .number("9007199254740991")])),
            .init("nested", .object([.init("empty", []), .init("flag", false), .init("none", nil)])),
        ])
        #expect(try JSONParser.parse(JSONWriter.bytes(of: value)) == value)
    }

    // MARK: Errors

    /// (input, line, column, message)
    static let malformed: [(String, Int, Int, String)] = [
        ("", 1, 1, "empty input; expected a JSON value"),
        ("   \n  ", 2, 3, "empty input; expected a JSON value"),
        (#"{"a":1,}"#, 1, 7, "trailing comma before `}`"),
        ("[1,2,]", 1, 5, "trailing comma before `]`"),
        ("[01]", 1, 2, "a number cannot start with a leading zero"),
        ("-01", 1, 1, "a number cannot start with a leading zero"),
        ("NaN", 1, 1, "expected a value, found `NaN`"),
        ("[Infinity]", 1, 2, "expected a value, found `Infinity`"),
        ("-Infinity", 1, 2, "expected a digit after `-`, found `I`"),
        ("True", 1, 1, "expected a value, found `True`"),
        ("truex", 1, 1, "expected a value, found `truex`"),
        ("{'a': 1}", 1, 2, "expected a string key or `}`, found `'`"),
        ("['a']", 1, 2, "expected a value, found `'`"),
        ("/* note */ 1", 1, 1, "expected a value, found `/`"),
        ("[1] // note", 1, 5, "expected end of input after the JSON value, found `/`"),
        ("1 2", 1, 3, "expected end of input after the JSON value, found `2`"),
        (#"{"a" 1}"#, 1, 6, "expected `:` after the object key, found `1`"),
        (#"{"a":1 "b":2}"#, 1, 8, "expected `,` or `}` after an object member, found `\"`"),
        ("[1 2]", 1, 4, "expected `,` or `]` after an array element, found `2`"),
        (#"{"a":1,,}"#, 1, 8, "expected a string key after `,`, found `,`"),
        (#"{"a":1,"a":2}"#, 1, 8, "duplicate key `a`"),
        (#"{"x": {"id": 1, "n": 2, "id": 3}}"#, 1, 25, "duplicate key `id`"),
        (".5", 1, 1, "expected a value, found `.`"),
        ("+1", 1, 1, "expected a value, found `+`"),
        ("[1.]", 1, 4, "expected a digit after the decimal point, found `]`"),
        ("[1e+]", 1, 5, "expected a digit in the exponent, found `]`"),
        ("[0x10]", 1, 3, "expected `,` or `]` after an array element, found `x`"),
        (#""a\qb""#, 1, 3, #"invalid escape `\q` in a string"#),
        (#""\u12G4""#, 1, 6, #"expected four hex digits after `\u`, found `G`"#),
        (#""\ud83d""#, 1, 2, #"lone surrogate \uD83D (not followed by a low surrogate)"#),
        (#""\ud83d\u0041""#, 1, 2, #"lone surrogate \uD83D (not followed by a low surrogate)"#),
        (#""\ude00""#, 1, 2, #"lone surrogate \uDE00 (not preceded by a high surrogate)"#),
        ("\"a\tb\"", 1, 3, "unescaped control character U+0009 in a string"),
        ("[\"line\nbreak\"]", 1, 7, "unescaped control character U+000A in a string"),
        ("[\u{0B}1]", 1, 2, "expected a value, found U+000B"),
        ("[1,\u{A0}2]", 1, 4, "expected a value, found `\u{A0}` (U+00A0)"),
        ("[\"日本\", x]", 1, 8, "expected a value, found `x`"),
        ("{\n  \"a\": [1,\n    2,,\n  ]\n}", 3, 7, "expected a value, found `,`"),
        ("{\r\n  \"a\": tru }", 2, 8, "expected a value, found `tru`"),
        // Cut short.
        (#""abc"#, 1, 5, "unexpected end of input in a string"),
        (#""ab\"#, 1, 5, "unexpected end of input in a string"),
        (#""\u12"#, 1, 6, "unexpected end of input in a string"),
        ("\"é", 1, 3, "unexpected end of input in a string"),
        ("tru", 1, 4, "unexpected end of input in `true`"),
        ("[nul", 1, 5, "unexpected end of input in `null`"),
        ("1.", 1, 3, "unexpected end of input in a number"),
        ("[1e", 1, 4, "unexpected end of input in a number"),
        ("-", 1, 2, "unexpected end of input in a number"),
        ("[", 1, 2, "unexpected end of input; expected a value"),
        ("[1,", 1, 4, "unexpected end of input; expected a value"),
        ("[1", 1, 3, "unexpected end of input; expected `,` or `]` after an array element"),
        ("{", 1, 2, "unexpected end of input; expected a string key or `}`"),
        (#"{"a""#, 1, 5, "unexpected end of input; expected `:` after the object key"),
        (#"{"a":"#, 1, 6, "unexpected end of input; expected a value"),
        (#"{"a":1"#, 1, 7, "unexpected end of input; expected `,` or `}` after an object member"),
        (#"{"a":1,"#, 1, 8, "unexpected end of input; expected a string key after `,`"),
    ]

    @Test("refuses malformed JSON with its line, column and message", arguments: malformed)
    func refuses(text: String, line: Int, column: Int, message: String) throws {
        let problem = try #require(error(of: text))
        #expect(problem.message == message)
        #expect(problem.line == line)
        #expect(problem.column == column)
        #expect(problem.description == "line \(line), column \(column): \(message)")
    }

    @Test("invalid UTF-8 is refused at its byte offset", arguments: [
        ([0x22, 0x61, 0xFF, 0x62, 0x22], 2, "invalid UTF-8 byte 0xFF"),       // "a\xFFb"
        ([0x22, 0xC3, 0x22], 1, "invalid UTF-8 byte 0xC3"),                   // lead byte, no continuation
        ([0x22, 0xC0, 0xAF, 0x22], 1, "invalid UTF-8 byte 0xC0"),             // overlong "/"
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, "invalid UTF-8 byte 0xED"),       // an encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, "invalid UTF-8 byte 0xF4"), // above U+10FFFF
        ([0x5B, 0x31, 0x2C, 0x80, 0x5D], 3, "invalid UTF-8 byte 0x80"),       // [1,\x80] outside a string
        ([0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x7D], 2, "invalid UTF-8 byte 0xFE"), // in a key
    ] as [([UInt8], Int, String)])
    func refusesInvalidUTF8(bytes: [UInt8], offset: Int, message: String) throws {
        let problem = try #require(error(of: bytes))
        #expect(problem.offset == offset)
        #expect(problem.message == message)
    }

    @Test("a big object finds a repeated key too")
    func duplicateKeyInBigObject() throws {
        let members = (0..<20).map { "\"key\($0)\": \($0)" } + ["\"key13\": 0"]
        let text = "{" + members.joined(separator: ", ") + "}"
        let problem = try #require(error(of: text))
        #expect(problem.message == "duplicate key `key13`")
        #expect(problem.offset == text.utf8.count - 11)
        let unique = "{" + (0..<40).map { "\"key\($0)\": \($0)" }.joined(separator: ", ") + "}"
        guard case .object(let parsed) = try parse(unique) else { Issue.record("not an object"); return }
        #expect(parsed.map(\.key) == (0..<40).map { "key\($0)" })
    }

    @Test("a key that would break a message line is quoted")
    func oddKeyIsQuoted() throws {
        #expect(error(of: #"{"a\nb":1,"a\nb":2}"#)?.message == #"duplicate key "a\nb""#)
    }

    // MARK: Depth

    @Test("nesting up to the limit is fine; one more level is refused at its bracket", arguments: [1, 5, 128])
    func depthLimit(limit: Int) throws {
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(error(of: atLimit, maximumDepth: limit) == nil)
        let beyond = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        let problem = try #require(error(of: beyond, maximumDepth: limit))
        #expect(problem.offset == limit)
        #expect(problem.message == "nesting deeper than \(limit) levels of arrays and objects")
    }

    @Test("objects count towards the depth like arrays")
    func objectDepth() {
        let text = #"{"a": {"b": [{}]}}"#
        #expect(error(of: text, maximumDepth: 4) == nil)
        #expect(error(of: text, maximumDepth: 3)?.message == "nesting deeper than 3 levels of arrays and objects")
        #expect(error(of: text, maximumDepth: 3)?.column == 14)
    }

    @Test("100,000 open brackets fail fast at the limit, without a stack overflow")
    func deepNesting() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(error(of: bytes)?.offset == 128)
        // With no practical limit the parser still uses no call stack: it runs out of input instead.
        #expect(error(of: bytes, maximumDepth: .max)?.message == "unexpected end of input; expected a value")
        let objects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(error(of: objects, maximumDepth: .max)?.message == "unexpected end of input; expected a value")
    }

    // MARK: Robustness

    @Test("every cut of a document is refused as cut short")
    func everyTruncation() throws {
        let text = #"{"name": "Acme é 😀", "n": [1, -2.5e3, true, false, null], "s": "a\"b\u00e9\ud83d\ude00", "o": {}}"#
        let bytes = Array(text.utf8)
        #expect(error(of: bytes) == nil)
        for length in 0..<bytes.count {
            let problem = try #require(error(of: Array(bytes[..<length])), "cut at \(length)")
            #expect(problem.message.hasPrefix("unexpected end of input") || problem.message.hasPrefix("empty input"),
                    "cut at \(length): \(problem.message)")
            #expect(problem.offset == length, "cut at \(length)")
        }
    }

    @Test("changed bytes never crash or hang the parser, and errors point inside the input")
    func changedBytes() {
        let text = #"{"plans": [{"id": "plan_pro", "price": 29.5, "tags": ["a", "é"], "free": false, "x": null}]}"#
        let original = Array(text.utf8)
        var generator = SplitMix64(name: "JSONParserTests.changedBytes")
        let replacements: [UInt8] = Array("{}[]\",:\\ -0.eE1tfnu".utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xED, 0xFF]
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = replacements.randomElement(using: &generator)!
            }
            if let problem = error(of: bytes) {
                #expect((0...bytes.count).contains(problem.offset))
                #expect(problem.line >= 1 && problem.column >= 1)
                #expect(!problem.message.isEmpty && !problem.message.contains("\n"))
            }
        }
    }
}
