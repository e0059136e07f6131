/// Which blocks of a file lack their `}`, and where each of them ends: decided once, over the whole
/// file, where braces and indentation agree best.
///
/// Plain brace matching finds how many `{` are never closed, but not which: it blames the outermost
/// block still open at the end of the file, while the `}` a person forgets is usually an inner one, and
/// the lines after it say so by their indentation. Indentation alone is no better: a block whose body
/// is not indented (`price p {` with `interval month` under it at the same column) looks closed at its
/// first line. So the decision takes both, and braces first:
///
/// 1. The number of blocks left unclosed is the one plain matching gives: recovery never reports more
///    `{` or `}` problems than the braces force.
/// 2. Within that number, a block is taken to end early where indentation says it does — at a `}` on a
///    line of its own indented like an enclosing block's statement (that `}` closes the enclosing block),
///    or at a word starting a line indented like the block's own statement or less, once the block's
///    body was indented deeper (or, while it has none, the line is indented less or opens a block of
///    its own, like a sibling) — but only when the `}` still to come do not need
///    that block (ending it must not leave a later `}` without its `{`), and never a block that plain
///    matching closes with a `}` indented like its statement: that block has its own `}`.
///
/// These conditions are what keep a block whose body is merely unindented intact: in
///
///     plan plan_a {
///       price price_a {
///       interval month
///       }
///     }
///     plan plan_b {
///       name "B"
///
/// the `}` under `price_a` closes it where indentation expects, so `price_a` does not end before
/// `interval`, and the one missing `}` is `plan_b`'s. Had `plan_a` lacked its `}` instead, `plan plan_b`
/// at column 1 would end `plan_a`, and `plan_a` would be the one reported.
///
/// The decisions are made left to right, each the first one consistent with the braces; a block the
/// plan does not end early is closed by its own `}`, or by the end of the file. The parser consults the
/// plan only in a file whose braces do not balance, so a well-formed file is never second-guessed.
struct BraceRecovery {
    /// For each `{` (by offset) that is never closed and ends before the end of the file, the offset of
    /// the token before which its block ends.
    private let earlyEnds: [Int: Int]

    /// The offset of the token before which the block opened at `openBrace` ends, when that block's `}`
    /// is missing and something other than the end of the file ends it.
    func end(ofBlockOpenedAt openBrace: Int) -> Int? {
        earlyEnds.isEmpty ? nil : earlyEnds[openBrace]
    }

    /// One token that matters for the pairing.
    private struct Event {
        enum Kind { case open, close, lineStartWord }
        let kind: Kind
        let offset: Int
        /// `open`: the indentation of its statement's line. `close` and `lineStartWord`: the token's own
        /// indentation, or -1 for a `}` that does not start its line (it closes the innermost block).
        let indentation: Int
        /// `lineStartWord`: whether the statement it starts opens a block (`price p {`).
        var opensBlock = false
    }

    /// A block still open during the pass.
    private struct OpenBlock {
        let offset: Int
        /// Whether plain matching closes it with a `}` that stands where indentation expects its `}`:
        /// at the start of a line indented like its statement, or on a line after other tokens. Such a
        /// block has its own `}` and is never taken to lack it.
        let hasItsOwnClosingBrace: Bool
        let ownerIndentation: Int
        /// The indentation of the first line of its body below its `{`; nil while it has none.
        var contentIndentation: Int?
    }

    init(_ file: SourceFile) {
        let events = Self.events(in: file)
        earlyEnds = Self.earlyEnds(for: events)
    }

    // MARK: The pass

    private static func earlyEnds(for events: [Event]) -> [Int: Int] {
        // The depth after each event, with every `}` counted (unmatched ones too): how far the events after
        // a point pop below it is then the drop from there to the lowest depth that follows.
        var depthAfter = [Int](repeating: 0, count: events.count)
        var depth = 0
        // The `{` plain matching leaves open: when none is, every `}` is where it belongs.
        var unclosed = 0
        for (position, event) in events.enumerated() {
            switch event.kind {
            case .open:
                depth += 1
                unclosed += 1
            case .close:
                depth -= 1
                unclosed = Swift.max(0, unclosed - 1)
            case .lineStartWord: break
            }
            depthAfter[position] = depth
        }
        guard unclosed > 0 else { return [:] }
        let ownClosingBrace = closedWhereIndented(events)
        // lowestLater[i]: the lowest depth after any event after the i-th (Int.max when none follows).
        var lowestLater = [Int](repeating: Int.max, count: events.count)
        var lowest = Int.max
        for position in events.indices.reversed() {
            lowestLater[position] = lowest
            lowest = Swift.min(lowest, depthAfter[position])
        }
        /// How many of the blocks open after the `position`-th event the events after it close.
        func closedLater(_ position: Int) -> Int {
            Swift.max(0, depthAfter[position] - Swift.min(depthAfter[position], lowestLater[position]))
        }

        var open: [OpenBlock] = []
        var ends: [Int: Int] = [:]
        for (position, event) in events.enumerated() {
            switch event.kind {
            case .open:
                open.append(OpenBlock(offset: event.offset, hasItsOwnClosingBrace: ownClosingBrace[position],
                                      ownerIndentation: event.indentation))
            case .lineStartWord:
                // Blocks this line leaves, innermost first, as far as the later `}` allow.
                let spare = open.count - closedLater(position)
                var ending = 0
                while ending < spare, ending < open.count,
                      endsBefore(event, open[open.count - 1 - ending]) {
                    ending += 1
                }
                for _ in 0..<ending { ends[open.removeLast().offset] = event.offset }
                if !open.isEmpty, open[open.count - 1].contentIndentation == nil {
                    open[open.count - 1].contentIndentation = event.indentation
                }
            case .close:
                guard !open.isEmpty else { continue } // unmatched: the parser reports it
                let top = open[open.count - 1]
                if event.indentation >= 0, event.indentation < top.ownerIndentation,
                   let target = open.lastIndex(where: { $0.ownerIndentation <= event.indentation }),
                   open[target].ownerIndentation == event.indentation {
                    // A `}` indented like an enclosing block's statement closes that block, if the blocks
                    // inside it may stay unclosed without a later `}` losing its `{`.
                    let inside = open.count - 1 - target
                    if inside <= open.count - 1 - closedLater(position),
                       !open[(target + 1)...].contains(where: \.hasItsOwnClosingBrace) {
                        for _ in 0..<inside { ends[open.removeLast().offset] = event.offset }
                    }
                }
                open.removeLast()
            }
        }
        return ends
    }

    /// Whether a line starting with `word` lies outside `block`: it is indented like the block's statement
    /// or less, and the block's body so far was indented deeper. For a block with no body yet, the line
    /// must be indented less than the block's statement, or like it and open a block of its own — a
    /// sibling (`features {` left open before `price p {`); a plain statement at the block's own
    /// indentation is taken as the first line of a body that is not indented (`price p {` above
    /// `interval month`), and the block then ends only at a `}`.
    private static func endsBefore(_ word: Event, _ block: OpenBlock) -> Bool {
        guard word.indentation <= block.ownerIndentation, !block.hasItsOwnClosingBrace else { return false }
        guard let content = block.contentIndentation else {
            return word.indentation < block.ownerIndentation || word.opensBlock
        }
        return content > block.ownerIndentation
    }

    /// For each event, whether it is a `{` that plain matching closes with a `}` standing where
    /// indentation expects it (`OpenBlock.hasItsOwnClosingBrace`).
    private static func closedWhereIndented(_ events: [Event]) -> [Bool] {
        var result = [Bool](repeating: false, count: events.count)
        var opens: [Int] = []
        for (position, event) in events.enumerated() {
            switch event.kind {
            case .open:
                opens.append(position)
            case .close:
                guard let open = opens.popLast() else { continue }
                result[open] = event.indentation < 0 || event.indentation == events[open].indentation
            case .lineStartWord:
                break
            }
        }
        return result
    }

    // MARK: Events

    /// Every `{`, every `}` and every word that starts a line, lexed again without keeping tokens.
    private static func events(in file: SourceFile) -> [Event] {
        var events: [Event] = []
        var previousKind: TokenKind?
        // The kind of the last token that is not a line end: a `{` on a line of its own after a word,
        // string, number or `.` is the block of the statement on the line before (the parser reports it,
        // E0107, and takes it so); after anything else it is a stray block of its own.
        var lastSignificantKind: TokenKind?
        // The indentation of the line of the last word, string, number or `.`.
        var contentLineIndentation = 0
        var lineIndentation = 0
        // The event of the word that starts the current statement, while no line end or `;` has ended it.
        var statementStart: Int?
        Lexer.forEachToken(in: file) { token in
            let isFirstOnItsLine = previousKind == nil || previousKind == .newline
            if isFirstOnItsLine, token.kind != .newline, token.kind != .endOfFile {
                lineIndentation = indentation(of: token.span.start, in: file)
            }
            switch token.kind {
            case .leftBrace:
                if let statementStart { events[statementStart].opensBlock = true }
                let continuesStatement = isFirstOnItsLine && previousKind == .newline
                    && [.word, .string, .number, .dot].contains(lastSignificantKind)
                events.append(Event(kind: .open, offset: token.span.start,
                                    indentation: continuesStatement ? contentLineIndentation : lineIndentation))
            case .rightBrace:
                events.append(Event(kind: .close, offset: token.span.start,
                                    indentation: isFirstOnItsLine ? lineIndentation : -1))
            case .word:
                if isFirstOnItsLine {
                    statementStart = events.count
                    events.append(Event(kind: .lineStartWord, offset: token.span.start, indentation: lineIndentation))
                }
                contentLineIndentation = lineIndentation
            case .string, .number, .dot:
                contentLineIndentation = lineIndentation
            case .semicolon, .newline:
                statementStart = nil
            case .comment, .endOfFile:
                break
            }
            if token.kind != .newline { lastSignificantKind = token.kind }
            previousKind = token.kind
        }
        return events
    }

    /// Spaces and tabs before the first token of the line holding `offset`.
    static func indentation(of offset: Int, in file: SourceFile) -> Int {
        let bytes = file.bytes
        var position = offset
        while position > 0, bytes[position - 1] == UInt8(ascii: " ") || bytes[position - 1] == UInt8(ascii: "\t") {
            position -= 1
        }
        if position == 0 || bytes[position - 1] == UInt8(ascii: "\n") {
            return offset - position
        }
        position = file.lineTable.lineStarts[file.lineTable.lineIndex(of: offset)]
        var count = 0
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            count += 1
            position += 1
        }
        return count
    }
}
