@testable import PlanCatalog

/// Inline source text with the spans a test expects marked in it: `⟨` opens a span and `⟩` closes it.
///
/// The markers are removed and their byte offsets kept, so a test reads like the source it checks:
/// `MarkedSource("plan x { name ⟨\"a⟩ }")` is the file `plan x { name "a }` with `spans[0]` covering `"a`.
/// Markers may nest; spans are numbered in the order they open. `⟨⟩` marks an empty span (a point).
/// Offsets are UTF-8 byte offsets, like `Span`, so multi-byte text before a marker counts in bytes.
struct MarkedSource {
    static let open: Unicode.Scalar = "⟨"
    static let close: Unicode.Scalar = "⟩"

    /// The source without its markers.
    let text: String
    /// The marked spans, in the order their `⟨` appear.
    let spans: [Span]
    let file: SourceFile

    init(_ marked: String, path: String = "test.plancat") {
        var text = ""
        var offset = 0
        var opened: [(index: Int, start: Int)] = []
        var spans: [Span?] = []
        for scalar in marked.unicodeScalars {
            switch scalar {
            case Self.open:
                opened.append((spans.count, offset))
                spans.append(nil)
            case Self.close:
                guard let (index, start) = opened.popLast() else {
                    preconditionFailure("`⟩` without a matching `⟨` in \(marked)")
                }
                spans[index] = Span(start: start, end: offset)
            default:
                text.unicodeScalars.append(scalar)
                offset += String(scalar).utf8.count
            }
        }
        precondition(opened.isEmpty, "`⟨` without a matching `⟩` in \(marked)")
        self.text = text
        self.spans = spans.map { $0! }
        self.file = SourceFile(path: path, text: text)
    }

    /// The one marked span of a source that has exactly one.
    var span: Span {
        precondition(spans.count == 1, "expected exactly one marked span, found \(spans.count)")
        return spans[0]
    }

    func tokens() -> (tokens: [Token], diagnostics: [Diagnostic]) { Lexer.tokenize(file) }

    func parse() -> (tree: SyntaxTree, diagnostics: [Diagnostic]) { Parser.parse(file) }

    /// Where a diagnostic of `tokens()` or `parse()` starts: the file is the only one of its table.
    func start(of location: PlanCatalog.SourceLocation) -> LineColumn { FileTable(file).start(of: location) }
}

extension SourceFile {
    /// A file made of raw bytes, for input that is not valid UTF-8 or that must hold exact bytes.
    static func bytes(_ bytes: [UInt8], path: String = "test.plancat") -> SourceFile {
        SourceFile(path: path, bytes: bytes)
    }
}

extension Array where Element == Diagnostic {
    /// The codes in the order reported.
    var codes: [DiagnosticCode] { map(\.code) }

    /// The spans in the order reported.
    var spans: [Span] { map(\.location.span) }
}

extension Array where Element == Token {
    /// The kinds without the final end-of-file token.
    var kinds: [TokenKind] { dropLast().map(\.kind) }
}

extension Token {
    /// The token's source text, for assertions.
    func text(in file: SourceFile) -> String { file.text(of: span) }
}
