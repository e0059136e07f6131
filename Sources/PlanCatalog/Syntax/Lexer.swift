/// Turns the raw UTF-8 bytes of one file into tokens, reporting every malformed piece and going on.
///
/// The lexer never fails: a stray character, an unterminated string or a malformed number is reported
/// at its exact span and lexing resumes right after it, so one run reports every syntax problem.
/// It works on bytes, not `Character`s: only strings and comments are decoded.
public struct Lexer {
    private let file: SourceFile
    /// The file's id in its compilation's `FileTable`, which every location of a diagnostic names.
    private let fileID: FileID
    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [LexedToken] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Tokens lexed and already handed over and dropped, when the parser streams them (`token(at:)`).
    private var droppedTokenCount = 0
    /// `wordByteTable`, looked up for every byte of every word and number.
    private let wordBytes = Lexer.wordByteTable
    /// The values of the strings in `tokens` that are not their source's bytes (`LexedToken.StringValue`),
    /// in order, and how many before them were dropped with their tokens.
    private var decodedStrings: [String] = []
    private var droppedDecodedStringCount = 0

    /// A lexer of `file`, whose diagnostics name it as `id` (a file lexed on its own is `FileID.first`).
    public init(file: SourceFile, id: FileID = .first) {
        self.file = file
        self.fileID = id
        self.bytes = file.bytes
        // A byte order mark is ignored.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// Lexes the whole file. The last token is always `.endOfFile`.
    public static func tokenize(_ file: SourceFile, id: FileID = .first) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file, id: id)
        lexer.run()
        return (lexer.tokens.map(lexer.publicToken), lexer.diagnostics)
    }

    /// Lexes the whole file again, handing each token to `body` and keeping none: the parser's recovery
    /// of a missing `}` looks at a file's braces as a whole (`BraceRecovery`), and only in a file whose
    /// indentation looks wrong.
    static func forEachToken(in file: SourceFile, _ body: (Token) -> Void) {
        var lexer = Lexer(file: file)
        while lexer.position < lexer.bytes.count {
            let before = lexer.position
            lexer.lexToken()
            precondition(lexer.position > before, "the lexer must make progress")
            for token in lexer.tokens { body(lexer.publicToken(token)) }
            lexer.tokens.removeAll(keepingCapacity: true)
            lexer.decodedStrings.removeAll(keepingCapacity: true)
            lexer.droppedDecodedStringCount = 0
        }
        body(Token(kind: .endOfFile, span: .point(lexer.bytes.count)))
    }

    // MARK: Streaming

    /// A lexer that lexes only as far as the parser reads (`token(at:)`), so that a file's tokens never
    /// all exist at once: on a 50 MB catalog the token array alone would take hundreds of megabytes.
    static func streaming(_ file: SourceFile, id: FileID) -> Lexer {
        var lexer = Lexer(file: file, id: id)
        lexer.reportLongLines()
        return lexer
    }

    /// The token at `index` (counted from the file's first), lexing on to it. The last token is
    /// `.endOfFile`; no index past it is ever asked for.
    ///
    /// Asked for every token the parser reads, which is nearly always lexed already (the parser looks
    /// one token ahead): that case is inlined, and lexing on is a call.
    @inline(__always)
    mutating func token(at index: Int) -> LexedToken {
        if droppedTokenCount + tokens.count <= index { lex(through: index) }
        return tokens[index - droppedTokenCount]
    }

    /// Lexes on until the token at `index` exists.
    private mutating func lex(through index: Int) {
        while droppedTokenCount + tokens.count <= index {
            guard position < bytes.count else {
                tokens.append(LexedToken(kind: .endOfFile, span: .point(bytes.count)))
                continue
            }
            let before = position
            lexToken()
            precondition(position > before, "the lexer must make progress")
        }
    }

    /// Drops the tokens before `index`, which the parser will not read again. Done in batches, so that
    /// the few tokens kept are moved to the front of the buffer only once in a while; asked at every
    /// token, so the test for a batch is inlined.
    @inline(__always)
    mutating func dropTokens(before index: Int) {
        if index - droppedTokenCount >= 1024 { dropBatch(before: index) }
    }

    private mutating func dropBatch(before index: Int) {
        let count = index - droppedTokenCount
        tokens.removeFirst(count)
        droppedTokenCount = index
        if !decodedStrings.isEmpty { dropDecodedStrings() }
    }

    /// Drops the values of the strings whose tokens were dropped: those before the first kept token's,
    /// since strings are decoded in token order.
    private mutating func dropDecodedStrings() {
        var firstKept = droppedDecodedStringCount + decodedStrings.count
        for token in tokens {
            if case .decoded(let index) = token.value {
                firstKept = Int(index)
                break
            }
        }
        decodedStrings.removeFirst(firstKept - droppedDecodedStringCount)
        droppedDecodedStringCount = firstKept
    }

    /// The value of a string token: its source's bytes, or what the lexer decoded from them.
    func value(ofString token: LexedToken) -> String {
        switch token.value {
        case .notAString: ""
        case .verbatim(let end): file.text(of: Span(start: token.span.start + 1, end: Int(end)))
        case .decoded(let index): decodedStrings[Int(index) - droppedDecodedStringCount]
        }
    }

    /// The token as `tokenize` gives it, a string with its value.
    private func publicToken(_ token: LexedToken) -> Token {
        Token(kind: token.kind, span: token.span, stringValue: token.kind == .string ? value(ofString: token) : nil)
    }

    private mutating func run() {
        // About one token for every six bytes of a typical catalog: reserving a little more spares the
        // array's repeated doubling and copying on large files (pages never touched cost no memory).
        tokens.reserveCapacity(bytes.count / 4 + 16)
        reportLongLines()
        while position < bytes.count {
            let before = position
            lexToken()
            precondition(position > before, "the lexer must make progress")
        }
        tokens.append(LexedToken(kind: .endOfFile, span: .point(bytes.count)))
    }

    /// E0114 for every line longer than `InputLimits.maximumLineBytes`, pointing at the bytes past the
    /// limit. The line is still lexed: its tokens may be fine, and their problems are worth reporting.
    private mutating func reportLongLines() {
        let lineTable = file.lineTable
        // Nearly every file has no long line, and the table knows its longest: no need to measure each.
        guard lineTable.longestLineBytes > InputLimits.maximumLineBytes else { return }
        for line in 0..<lineTable.lineCount {
            let range = lineTable.contentRange(ofLine: line, in: bytes)
            guard range.count > InputLimits.maximumLineBytes else { continue }
            report(.lineTooLong,
                   "line \(line + 1) is \(DisplayText.number(range.count)) bytes long; lines hold at most "
                   + "\(DisplayText.number(InputLimits.maximumLineBytes))",
                   span: Span(start: range.lowerBound + InputLimits.maximumLineBytes, end: range.upperBound),
                   label: "past the limit", help: "break the line, or shorten the string on it")
        }
    }

    /// Lexes the token at `position`, after any spaces and tabs before it; it may add no token (a stray
    /// byte is only reported) or none at the end of the file.
    private mutating func lexToken() {
        // Spaces and tabs come in runs (indentation), passed here rather than a call for each.
        while bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
            guard position < bytes.count else { return }
        }
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\n"):
            position += 1
            emit(.newline, from: start)
        case UInt8(ascii: "\r") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n"):
            position += 2
            emit(.newline, from: start)
        case UInt8(ascii: "#"):
            lexComment()
        case UInt8(ascii: "\""):
            lexString()
        case UInt8(ascii: "{"):
            position += 1
            emit(.leftBrace, from: start)
        case UInt8(ascii: "}"):
            position += 1
            emit(.rightBrace, from: start)
        case UInt8(ascii: ";"):
            position += 1
            emit(.semicolon, from: start)
        case UInt8(ascii: "."):
            position += 1
            emit(.dot, from: start)
        case UInt8(ascii: "-") where position + 1 < bytes.count && Self.isDigit(bytes[position + 1]):
            position += 1
            lexNumberOrWord(from: start, isNegative: true)
        case _ where Self.isWordStart(byte):
            lexNumberOrWord(from: start, isNegative: false)
        default:
            lexStrayCharacter()
        }
    }

    // MARK: Words and numbers

    /// A run of word characters is a number when it is made of digits and `_` alone (optionally with a
    /// fraction); otherwise it is a word, even when it starts with a digit (`24x7-support`).
    private mutating func lexNumberOrWord(from start: Int, isNegative: Bool) {
        let runStart = position
        let looksNumeric = scanWordRun()
        let integerEnd = position
        if !isNegative, startsNonASCIIWordCharacter(at: position) {
            lexNonASCIIWord(from: start)
            return
        }
        guard looksNumeric else {
            if isNegative {
                report(.malformedNumber, "malformed number `\(shownNumber(Span(start: start, end: position)))`",
                       span: Span(start: start, end: position), label: "a number holds only digits")
                emit(.number, from: start)
            } else {
                emit(.word, from: start)
            }
            return
        }
        defer { reportTooManyDigits(from: start) }
        var isWellFormed = Self.hasWellPlacedUnderscores(bytes[runStart..<integerEnd])
        var problem = "`_` may stand only between digits"
        // `1,000`: digits grouped with commas, taken as one malformed number rather than three tokens.
        var commaGroupedDigits: String?
        while position + 1 < bytes.count, bytes[position] == UInt8(ascii: ","), Self.isDigit(bytes[position + 1]) {
            position += 1
            scanWordRun()
            isWellFormed = false
            problem = "digits are grouped with `_`, not `,`"
            commaGroupedDigits = String(file.text(of: Span(start: start, end: position)).map { $0 == "," ? "_" : $0 })
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            let next = position + 1 < bytes.count ? bytes[position + 1] : 0
            if Self.isDigit(next) || next == UInt8(ascii: "_") {
                position += 1
                let fractionStart = position
                scanWordRun()
                let fraction = bytes[fractionStart..<position]
                if !fraction.allSatisfy({ Self.isDigit($0) || $0 == UInt8(ascii: "_") }) {
                    isWellFormed = false
                    problem = "a number holds only digits"
                } else if !Self.hasWellPlacedUnderscores(fraction) {
                    isWellFormed = false
                }
                // A second fraction (`1.2.3`) belongs to the same malformed number.
                while position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."),
                      Self.isWordCharacter(bytes[position + 1]) {
                    position += 1
                    scanWordRun()
                    isWellFormed = false
                    problem = "a number has at most one decimal point"
                }
            } else {
                position += 1
                isWellFormed = false
                problem = "a decimal point must be followed by digits"
            }
        }
        if !isWellFormed {
            let span = Span(start: start, end: position)
            let text = file.text(of: span)
            // `1.5k`: a shorthand for thousands, which the language writes out.
            let grouped = commaGroupedDigits.flatMap { ExactDecimal(parsing: $0) != nil ? $0 : nil }
            let written = grouped ?? NumberShorthand.expansion(of: text)
            report(.malformedNumber, "malformed number `\(shownNumber(span))`", span: span, label: problem,
                   help: written.map { grouped == nil ? "write the number out in digits: `\($0)`" : "write `\($0)`" },
                   fixes: written.map { [Diagnostic.FixIt("write `\($0)`", edits: [
                       Diagnostic.Edit(SourceLocation(file: fileID, span: span), replacement: $0),
                   ])] } ?? [])
        }
        emit(.number, from: start)
    }

    /// E0115 for a number token with more than `InputLimits.maximumNumberDigits` digits. The message
    /// shows only the number's start, so that a megabyte of digits cannot flood a CI log.
    private mutating func reportTooManyDigits(from start: Int) {
        // A number no longer than the limit cannot have too many digits: most numbers are counted no further.
        guard position - start > InputLimits.maximumNumberDigits else { return }
        let digitCount = bytes[start..<position].count(where: Self.isDigit)
        guard digitCount > InputLimits.maximumNumberDigits else { return }
        let span = Span(start: start, end: position)
        report(.numberTooLong, "number `\(shownNumber(span))` has \(DisplayText.number(digitCount)) digits",
               span: span, label: "at most \(InputLimits.maximumNumberDigits) digits",
               help: "amounts are at most 2^53 − 1 minor units (9007199254740991)")
    }

    /// A number as messages quote it: whole up to 24 bytes, else its first 20 and `…`.
    private func shownNumber(_ span: Span) -> String {
        span.end - span.start <= 24 ? file.text(of: span)
            : file.text(of: Span(start: span.start, end: span.start + 20)) + "…"
    }

    /// Moves past a run of word characters, and tells whether the run could be a number's integer part:
    /// digits and `_` alone, with a digit. One pass, since every word and number of a catalog is scanned.
    @discardableResult
    private mutating func scanWordRun() -> Bool {
        var seen: WordByte = []
        while position < bytes.count {
            let kind = wordBytes[Int(bytes[position])]
            if kind.isEmpty { break }
            seen.formUnion(kind)
            position += 1
        }
        return seen.contains(.digit) && !seen.contains(.letterOrHyphen)
    }

    /// What a byte is to a run of word characters (`isWordCharacter`), as bits: `scanWordRun` reads
    /// every byte of every word and number, and decides each with one lookup in `wordBytes`.
    private struct WordByte: OptionSet {
        let rawValue: UInt8
        static let digit = WordByte(rawValue: 1)
        static let underscore = WordByte(rawValue: 2)
        /// A run with one of these is a word, never a number.
        static let letterOrHyphen = WordByte(rawValue: 4)
    }

    /// For each byte value, what it is to a word; empty for a byte that ends one. Each lexer keeps it
    /// (`wordBytes`): a static array is a lazily made global, whose initialization is checked at each use.
    private static let wordByteTable: [WordByte] = (0...255).map { value in
        let byte = UInt8(value)
        if isDigit(byte) { return .digit }
        if byte == UInt8(ascii: "_") { return .underscore }
        return isWordCharacter(byte) ? .letterOrHyphen : []
    }

    /// Underscores only between digits: `10_000`, not `10_`, `1__0` or `_1`.
    private static func hasWellPlacedUnderscores(_ digits: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = UInt8(ascii: "_")
        for byte in digits {
            if byte == UInt8(ascii: "_"), previous == UInt8(ascii: "_") { return false }
            previous = byte
        }
        return previous != UInt8(ascii: "_")
    }

    // MARK: Strings

    private mutating func lexString() {
        let start = position
        position += 1
        // Until the first escape, control character or invalid byte, the value is the source's own bytes:
        // only their end is kept, and the string is made from them once, so a plain string (almost every
        // one) needs no buffer of its own. `value` takes over from the first byte that is not verbatim.
        var verbatimEnd: Int? = position
        var value: [UInt8] = []
        func leaveVerbatim() {
            guard let end = verbatimEnd else { return }
            value.append(contentsOf: bytes[start + 1..<end])
            verbatimEnd = nil
        }
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n"),
                  !(bytes[position] == UInt8(ascii: "\r") && position + 1 < bytes.count
                    && bytes[position + 1] == UInt8(ascii: "\n")) else {
                let span = Span(start: start, end: position)
                report(.unterminatedString, "unterminated string", span: span,
                       label: "this string has no closing `\"`",
                       help: "close it with `\"` on the same line; write a line break as `\\n`")
                break
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                leaveVerbatim()
                lexEscape(into: &value)
                continue
            }
            if byte < 0x20 && byte != UInt8(ascii: "\t") || byte == 0x7F {
                leaveVerbatim()
                report(.unexpectedCharacter, "control character U+\(Self.hex(UInt32(byte))) in a string",
                       span: Span(start: position, end: position + 1), label: "not allowed in a string",
                       help: "remove it, or write a tab as `\\t` and a line break as `\\n`")
                position += 1
                continue
            }
            if byte < 0x80 {
                if verbatimEnd == nil { value.append(byte) }
                position += 1
            } else if let (_, length) = UTF8Decoding.scalar(in: bytes, at: position) {
                if verbatimEnd == nil { value.append(contentsOf: bytes[position..<position + length]) }
                position += length
            } else {
                leaveVerbatim()
                skipInvalidUTF8()
            }
            if verbatimEnd != nil { verbatimEnd = position }
        }
        // A verbatim value is made from the source only if the parser takes it (`value(ofString:)`).
        let stringValue: LexedToken.StringValue
        if let verbatimEnd {
            stringValue = .verbatim(end: Int32(verbatimEnd))
        } else {
            stringValue = .decoded(index: Int32(droppedDecodedStringCount + decodedStrings.count))
            decodedStrings.append(String(decoding: value, as: UTF8.self))
        }
        tokens.append(LexedToken(kind: .string, span: Span(start: start, end: position), value: stringValue))
    }

    /// `\"`, `\\`, `\n`, `\t` and `\u{1F600}` (one to six hex digits naming a Unicode scalar).
    private mutating func lexEscape(into value: inout [UInt8]) {
        let start = position
        position += 1
        guard position < bytes.count else { return }
        let marker = bytes[position]
        switch marker {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            value.append(marker)
            position += 1
            return
        case UInt8(ascii: "n"):
            value.append(UInt8(ascii: "\n"))
            position += 1
            return
        case UInt8(ascii: "t"):
            value.append(UInt8(ascii: "\t"))
            position += 1
            return
        case UInt8(ascii: "u"):
            position += 1
            if let scalar = lexUnicodeEscapeBody() {
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
                return
            }
            let span = Span(start: start, end: position)
            report(.invalidEscape, "invalid Unicode escape `\(file.text(of: span))`", span: span,
                   label: "expected `\\u{…}` with 1 to 6 hex digits naming a Unicode scalar")
        case UInt8(ascii: "\n"),
             UInt8(ascii: "\r") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n"):
            // A backslash at the end of the line: the string is unterminated, reported by the caller.
            let span = Span(start: start, end: position)
            report(.invalidEscape, "invalid escape `\\` at the end of a line", span: span,
                   label: "strings cannot continue on the next line", help: "write a line break as `\\n`")
        default:
            guard let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: position) else {
                // `\` before bytes that are not UTF-8: those bytes are the problem to report.
                report(.invalidEscape, "invalid escape sequence `\\`", span: Span(start: start, end: position),
                       label: "a `\\` must be followed by an escape",
                       help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`; write a backslash as `\\\\`")
                skipInvalidUTF8()
                return
            }
            position += length
            let span = Span(start: start, end: position)
            report(.invalidEscape, "invalid escape sequence `\\\(Self.shown(scalar))`", span: span,
                   label: "unknown escape",
                   help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{…}`; write a backslash as `\\\\`")
        }
    }

    /// Reads `{hex}` after `\u`, leaving `position` after what it consumed.
    private mutating func lexUnicodeEscapeBody() -> Unicode.Scalar? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { return nil }
        position += 1
        var value: UInt32 = 0
        var digitCount = 0
        while position < bytes.count, let digit = Self.hexValue(bytes[position]) {
            if digitCount < 8 { value = value << 4 | digit }
            digitCount += 1
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { return nil }
        position += 1
        guard (1...6).contains(digitCount) else { return nil }
        return Unicode.Scalar(value)
    }

    // MARK: Comments and stray bytes

    private mutating func lexComment() {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") {
            if bytes[position] == UInt8(ascii: "\r"), position + 1 < bytes.count,
               bytes[position + 1] == UInt8(ascii: "\n") { break }
            if bytes[position] >= 0x80 {
                if let (_, length) = UTF8Decoding.scalar(in: bytes, at: position) {
                    position += length
                } else {
                    skipInvalidUTF8()
                }
                continue
            } else if bytes[position] == 0 {
                report(.unexpectedCharacter, "NUL byte in a comment", span: Span(start: position, end: position + 1),
                       label: "not allowed in a catalog")
            }
            position += 1
        }
        emit(.comment, from: start)
    }

    private mutating func lexStrayCharacter() {
        let start = position
        guard let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: position) else {
            skipInvalidUTF8()
            return
        }
        if scalar.properties.isAlphabetic {
            // A word in a language other than English (`prö`): one problem for the whole word.
            lexNonASCIIWord(from: start)
            return
        }
        position += length
        let span = Span(start: start, end: position)
        let shown = Self.isInvisible(scalar) ? "U+\(Self.hex(scalar.value))" : "`\(Character(scalar))`"
        var help: String?
        var fixes: [Diagnostic.FixIt] = []
        switch scalar {
        case "'": help = "strings are written in double quotes: \"…\""
        case "=", ":": help = "a statement's arguments follow its keyword after a space: `name \"Pro\"`"
        case "\u{201C}", "\u{201D}": help = "use straight double quotes \" for strings"
        case "/": help = "comments start with `#`"
        case "$", "€", "£", "¥":
            // `fixed $290`: the price's currency says which money an amount is.
            guard position < bytes.count, Self.isDigit(bytes[position]) else { break }
            help = "write the amount without a currency symbol: the price's `currency` says which money it is"
            fixes = [Diagnostic.FixIt("remove `\(Character(scalar))`", edits: [
                Diagnostic.Edit(SourceLocation(file: fileID, span: span), replacement: ""),
            ])]
        case "%":
            help = "percentages are not modelled: a discount is a monetary credit of a fixed amount; see "
                + "Docs/Language.md#what-plancat-does-not-model"
        default: break
        }
        report(.unexpectedCharacter, "unexpected character \(shown)", span: span,
               label: "not part of any token", help: help, fixes: fixes)
    }

    /// Whether the bytes at `offset` hold a letter, mark or digit outside ASCII, which would continue a word.
    /// Asked at the end of every word and number, where the answer is nearly always an ASCII byte's no:
    /// inlined, that no costs a comparison instead of a call.
    @inline(__always)
    private func startsNonASCIIWordCharacter(at offset: Int) -> Bool {
        guard offset < bytes.count, bytes[offset] >= 0x80,
              let (scalar, _) = UTF8Decoding.scalar(in: bytes, at: offset) else { return false }
        return Self.continuesWord(scalar)
    }

    /// Never inlined: the Unicode properties it reads are types whose size the standard library keeps
    /// to itself, and a caller that inlined it would look that size up on every call (every word).
    @inline(never)
    private static func continuesWord(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return properties.isAlphabetic
        }
    }

    /// A word with letters outside ASCII (`plan_pró`), from `start` to the end of its run of ASCII word
    /// characters and non-ASCII letters: reported once (E0117) and kept as one word, so the statement
    /// still parses and one misspelt id gives one problem, not one per character.
    private mutating func lexNonASCIIWord(from start: Int) {
        var firstNonASCII: Span?
        while position < bytes.count {
            if Self.isWordCharacter(bytes[position]) {
                position += 1
            } else if bytes[position] >= 0x80, let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: position),
                      Self.continuesWord(scalar) {
                if firstNonASCII == nil { firstNonASCII = Span(start: position, end: position + length) }
                position += length
            } else {
                break
            }
        }
        let span = Span(start: start, end: position)
        let word = file.text(of: span)
        let character = firstNonASCII.map { file.text(of: $0) } ?? word
        let suggestion = NonASCIIWord.asciiSpelling(of: word)
        report(.nonASCIIWord, "`\(word)` is not an ASCII word: `\(character)` is outside ASCII", span: span,
               label: "ids and keywords are ASCII",
               help: "ids and keywords are written with ASCII letters, digits, `_` and `-`"
                   + (suggestion.map { "; did you mean `\($0)`?" } ?? "; names with other letters go in strings"),
               fixes: Diagnostic.replacement(at: SourceLocation(file: fileID, span: span), with: suggestion))
        emit(.word, from: start)
    }

    /// Reports the run of bytes at `position` that are not UTF-8 as one problem, and skips it. The run
    /// ends at the first byte that starts a valid scalar, so an ASCII `"` or line end after it still counts.
    private mutating func skipInvalidUTF8() {
        let start = position
        repeat { position += 1 } while position < bytes.count && UTF8Decoding.scalar(in: bytes, at: position) == nil
        let run = bytes[start..<position]
        let shown = run.prefix(4).map { "0x" + Self.hex(UInt32($0), width: 2) }.joined(separator: " ")
            + (run.count > 4 ? " …" : "")
        let noun = run.count == 1 ? "byte" : "bytes"
        report(.invalidUTF8, "invalid UTF-8 \(noun) \(shown) at byte offset \(start)",
               span: Span(start: start, end: position), label: "not valid UTF-8",
               help: "save the file as UTF-8")
    }

    // MARK: Helpers

    private mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(LexedToken(kind: kind, span: Span(start: start, end: position)))
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, span: Span,
                                 label: String? = nil, help: String? = nil, fixes: [Diagnostic.FixIt] = []) {
        diagnostics.appendWithinLimit(Diagnostic(code, message, at: SourceLocation(file: fileID, span: span),
                                                 label: label, help: help, fixes: fixes))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isWordStart(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || byte == UInt8(ascii: "_")
    }

    static func isWordCharacter(_ byte: UInt8) -> Bool { isWordStart(byte) || byte == UInt8(ascii: "-") }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Control characters, spaces other than U+0020 and format characters (a byte order mark, say) are
    /// named by code point in messages, so that a message never carries an invisible or raw control byte.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned,
             .privateUse, .surrogate, .nonspacingMark, .enclosingMark, .spacingMark:
            true
        default:
            false
        }
    }

    /// A scalar as a message shows it: itself, or `U+XXXX` when it would be invisible.
    private static func shown(_ scalar: Unicode.Scalar) -> String {
        isInvisible(scalar) ? "U+\(hex(scalar.value))" : String(Character(scalar))
    }

    private static func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
