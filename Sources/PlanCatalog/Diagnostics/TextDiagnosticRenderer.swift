/// Diagnostics worded for people, the way compilers print them (CLI.md):
///
/// ```
/// catalogs/pro.plancat:14:11: error[E0401]: unknown metric `api-call`
///    |
/// 14 |     usage api-call
///    |           ^^^^^^^^ no metric with this id
///    = help: did you mean `api-calls`?
/// ```
///
/// The first line is the one editors and CI logs parse; the snippet shows the source line with carets
/// under the exact span (to the end of the first line when the span runs on). A note that points
/// somewhere shows that place too, under ` --> path:line:col`, underlined with `-` so that it never
/// reads as the problem itself.
///
/// Every source line shown goes through `SecretScanner`, so a key is printed as `sk_live_••••` with the
/// carets under the masked text. What `TerminalText` calls unsafe (control characters, bidirectional
/// overrides and other invisible characters) is shown as `�`, in source lines and file paths alike, so a
/// catalog cannot drive the terminal or forge a line. Alignment survives tabs (the caret line copies the source's tabs
/// into its padding) and wide or combining characters (each takes the cells a terminal gives it).
public struct TextDiagnosticRenderer: Sendable {
    /// Whether to add ANSI colour: bold red errors, yellow warnings, a blue gutter.
    public var usesColor: Bool

    public init(usesColor: Bool = false) {
        self.usesColor = usesColor
    }

    /// Every diagnostic in the order given, each followed by a blank line, as rustc separates them.
    /// `files` is the table of the compilation that found them, where their locations' files are.
    public func render(_ diagnostics: [Diagnostic], in files: FileTable) -> String {
        diagnostics.map { render($0, in: files) + "\n" }.joined()
    }

    /// One diagnostic: the location line, the snippet, then notes and help; ends with a newline.
    public func render(_ diagnostic: Diagnostic, in files: FileTable) -> String {
        let location = diagnostic.location
        let start = files.start(of: location)
        let gutterWidth = gutterWidth(for: diagnostic, in: files)
        let gutter = String(repeating: " ", count: gutterWidth)
        let severityStyle: Style = diagnostic.severity == .error ? .error : .warning

        var output = paint("\(TerminalText.neutralised(files.path(of: location))):\(start.line):\(start.column):", .bold) + " "
            + paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]", severityStyle)
            + paint(": \(diagnostic.message)", .bold) + "\n"
        output += snippet(at: location, in: files, marker: "^", style: severityStyle, label: diagnostic.label,
                          gutterWidth: gutterWidth)

        for note in diagnostic.notes {
            output += attachment("note", note.message, gutter: gutter)
            if let noteLocation = note.location {
                let noteStart = files.start(of: noteLocation)
                output += paint(gutter + "--> ", .gutter)
                    + "\(TerminalText.neutralised(files.path(of: noteLocation))):\(noteStart.line):\(noteStart.column)\n"
                output += snippet(at: noteLocation, in: files, marker: "-", style: .gutter, label: nil,
                                  gutterWidth: gutterWidth)
            }
        }
        if let help = diagnostic.help {
            output += attachment("help", help, gutter: gutter)
        } else {
            // A fix-it's message is the only advice some diagnostics carry; say it where help would be.
            for fix in diagnostic.fixes {
                output += attachment("help", fix.message, gutter: gutter)
            }
        }
        return output
    }

    /// "2 errors, 1 warning", "1 error", "no problems": the tail of the CLI's last line.
    public func summary(errorCount: Int, warningCount: Int) -> String {
        var parts: [String] = []
        if errorCount > 0 { parts.append(paint(Self.count(errorCount, "error"), .error)) }
        if warningCount > 0 { parts.append(paint(Self.count(warningCount, "warning"), .warning)) }
        return parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    }

    /// "1 catalog", "3 catalogs": a count with its noun, plural unless it is one.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    // MARK: Parts

    /// Room for the widest line number the diagnostic shows, its notes' lines included.
    private func gutterWidth(for diagnostic: Diagnostic, in files: FileTable) -> Int {
        let lines = [files.start(of: diagnostic.location).line]
            + diagnostic.notes.compactMap { $0.location.map { files.start(of: $0).line } }
        return String(lines.max() ?? 1).count
    }

    /// `   = help: text`, with any further lines of the text aligned under its first.
    private func attachment(_ kind: String, _ text: String, gutter: String) -> String {
        let continuation = "\n" + gutter + String(repeating: " ", count: kind.count + 5)
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: continuation)
        return paint(gutter + " =", .gutter) + " " + paint(kind, .bold) + ": " + body + "\n"
    }

    /// The gutter, the source line holding the start of `location`, and the underline beneath it.
    private func snippet(at location: SourceLocation, in files: FileTable, marker: Character, style: Style,
                         label: String?, gutterWidth: Int) -> String {
        let file = files[location.file]
        let lineIndex = file.lineTable.lineIndex(of: Swift.min(location.span.start, file.bytes.count))
        let lineRange = file.lineTable.contentRange(ofLine: lineIndex, in: file.bytes)
        let window = Self.window(of: lineRange, around: location.span, in: file.bytes)
        let line = SourceLineDisplay(bytes: file.bytes, range: window,
                                     isClippedBefore: window.lowerBound > lineRange.lowerBound,
                                     isClippedAfter: window.upperBound < lineRange.upperBound)
        let number = String(lineIndex + 1)
        let emptyGutter = paint(String(repeating: " ", count: gutterWidth) + " |", .gutter)
        let numberGutter = paint(number + String(repeating: " ", count: gutterWidth - number.count) + " |",
                                 .gutter)

        let (padding, underline) = line.underline(location.span, marker: marker)
        var underlineLine = emptyGutter + " " + padding + paint(underline, style)
        if let label, !label.isEmpty { underlineLine += " " + paint(label, style) }

        let text = line.text
        return emptyGutter + "\n"
            + numberGutter + (text.isEmpty ? "" : " " + text) + "\n"
            + underlineLine + "\n"
    }

    /// How many bytes of a long line are shown before and after the start of the span.
    static let windowBefore = 80
    static let windowAfter = 160

    /// The part of a line that is shown: all of it when it is short, else a window around the span's
    /// start, so that printing a diagnostic costs the same on a 1 MB line as on a short one.
    ///
    /// The window never starts inside a run of word characters (it moves forward past the fragment), so a
    /// secret key is always seen from its prefix and masked; it starts and ends on character boundaries.
    static func window(of line: Range<Int>, around span: Span, in bytes: [UInt8]) -> Range<Int> {
        guard line.count > windowBefore + windowAfter else { return line }
        let anchor = Swift.min(Swift.max(span.start, line.lowerBound), line.upperBound)
        var start = Swift.max(line.lowerBound, anchor - windowBefore)
        if start > line.lowerBound {
            while start < anchor, Lexer.isWordCharacter(bytes[start - 1]), Lexer.isWordCharacter(bytes[start]) {
                start += 1
            }
            while start < anchor, bytes[start] & 0xC0 == 0x80 { start += 1 }
        }
        var end = Swift.min(line.upperBound, anchor + windowAfter)
        while end < line.upperBound, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return start..<end
    }

    // MARK: Colour

    private enum Style {
        case bold, error, warning, gutter

        var escape: String {
            switch self {
            case .bold: "\u{1B}[1m"
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;33m"
            case .gutter: "\u{1B}[1;34m"
            }
        }
    }

    private func paint(_ text: some StringProtocol, _ style: Style) -> String {
        guard usesColor, !text.isEmpty else { return String(text) }
        return style.escape + text + "\u{1B}[0m"
    }
}

/// One source line made ready to print: secret keys masked, unsafe characters replaced, and for every
/// character shown the source bytes it stands for and the terminal cells it takes, so that carets land
/// under the right characters whatever the line holds.
private struct SourceLineDisplay {
    /// One character as shown: a tab is kept as a tab; a masked key's bullets all stand for its secret part.
    private struct Cell {
        let text: String
        let width: Int
        let isTab: Bool
        let source: Range<Int>
    }

    private var cells: [Cell] = []

    /// `range` is the line's content in `bytes` (or the window of it that is shown), without its line end;
    /// a clipped side is shown as `…`.
    init(bytes: [UInt8], range: Range<Int>, isClippedBefore: Bool = false, isClippedAfter: Bool = false) {
        defer {
            if isClippedAfter {
                cells.append(Cell(text: "…", width: 1, isTab: false, source: range.upperBound..<range.upperBound))
            }
        }
        if isClippedBefore {
            cells.append(Cell(text: "…", width: 1, isTab: false, source: range.lowerBound..<range.lowerBound))
        }
        let masked = SecretScanner.maskedRegions(in: bytes, range: range)
        var nextMasked = masked.startIndex
        var position = range.lowerBound
        while position < range.upperBound {
            if nextMasked < masked.endIndex, masked[nextMasked].lowerBound == position {
                let region = masked[nextMasked]
                for bullet in SecretScanner.mask {
                    cells.append(Cell(text: String(bullet), width: 1, isTab: false, source: region))
                }
                position = region.upperBound
                nextMasked += 1
                continue
            }
            guard let (scalar, length) = UTF8Decoding.scalar(in: bytes, at: position),
                  position + length <= range.upperBound else {
                cells.append(Cell(text: "\u{FFFD}", width: 1, isTab: false, source: position..<position + 1))
                position += 1
                continue
            }
            let source = position..<position + length
            if scalar == "\t" {
                cells.append(Cell(text: "\t", width: 1, isTab: true, source: source))
            } else if TerminalText.isUnsafe(scalar) {
                cells.append(Cell(text: "\u{FFFD}", width: 1, isTab: false, source: source))
            } else {
                cells.append(Cell(text: String(scalar), width: Self.width(of: scalar), isTab: false, source: source))
            }
            position += length
        }
    }

    /// The line as printed.
    var text: String { cells.map(\.text).joined() }

    /// What goes before the underline (spaces, and tabs where the source has tabs) and the underline
    /// itself: `marker` under every cell the span covers on this line, at least one.
    func underline(_ span: Span, marker: Character) -> (padding: String, underline: String) {
        let markerText = String(marker)
        let covered: Range<Int>
        if span.isEmpty {
            guard let index = cells.firstIndex(where: { $0.source.upperBound > span.start }) else {
                return (padding(before: cells.endIndex), markerText)
            }
            covered = index..<index + 1
        } else {
            guard let first = cells.firstIndex(where: { $0.source.upperBound > span.start && $0.source.lowerBound < span.end }) else {
                // The span starts at the line end (a newline, say): point just after the last character.
                return (padding(before: cells.endIndex), markerText)
            }
            let last = cells.lastIndex(where: { $0.source.lowerBound < span.end }) ?? first
            covered = first..<Swift.max(first, last) + 1
        }
        var underline = ""
        for cell in cells[covered] {
            underline += cell.isTab ? "\t" : String(repeating: markerText, count: span.isEmpty ? 1 : cell.width)
        }
        if !underline.contains(marker) { underline = markerText + underline }
        return (padding(before: covered.lowerBound), underline)
    }

    private func padding(before index: Int) -> String {
        cells[..<index].map { $0.isTab ? "\t" : String(repeating: " ", count: $0.width) }.joined()
    }

    // MARK: Characters

    /// The cells a terminal gives a character: none for combining marks and invisible format characters,
    /// two for East Asian wide characters and emoji, one otherwise.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
