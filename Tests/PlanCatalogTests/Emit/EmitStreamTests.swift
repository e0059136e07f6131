import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// The outputs are written straight from the typed records (`JSONWriter.Stream`), while `diff` and the
/// tests read records as `JSONValue`s: these hold the two forms to the same bytes, and the stream's
/// pieces — numbers, strings, chunks — to what the tree-based writer always wrote.
@Suite struct EmitStreamTests {
    static let documents: [(name: String, document: CatalogDocument)] = CatalogCorpus.catalogs.compactMap { catalog in
        CatalogCompiler.build(catalog.sourceFiles()).output.map { (catalog.name, $0.document) }
    }

    @Test("catalog.json written from the records is its JSONValue written")
    func recordsAndValuesAgree() {
        #expect(!Self.documents.isEmpty)
        for (name, document) in Self.documents {
            #expect(document.jsonBytes == JSONWriter.bytes(of: document.jsonValue), "\(name)")
        }
    }

    @Test("written in chunks, every file is the same bytes, and every chunk is whole UTF-8 text")
    func chunksAddUpToTheFiles() {
        for (name, document) in Self.documents {
            let output = BuildOutput(document: document)
            for chunkSize in [1, 100, 1 << 20] {
                var collector = ChunkCollector()
                output.write(to: &collector, chunkSize: chunkSize)
                #expect(collector.files == output.files, "\(name), chunks of \(chunkSize)")
                #expect(collector.isEveryChunkText, "\(name), chunks of \(chunkSize)")
            }
        }
    }

    @Test("one file written alone is the file of the whole build")
    func oneFile() {
        for (_, document) in Self.documents {
            let output = BuildOutput(document: document)
            for path in output.paths {
                var collector = ChunkCollector()
                #expect(output.write(fileAt: path, to: &collector))
                #expect(collector.files == [output.file(at: path)].compactMap { $0 })
            }
            var collector = ChunkCollector()
            #expect(!output.write(fileAt: "pricing-tables/none.json", to: &collector))
            #expect(collector.files.isEmpty)
        }
    }

    @Test("numbers are written as ExactDecimal and Int describe themselves")
    func numbers() {
        var generator = SplitMix64(seed: 7)
        var decimals = [ExactDecimal(0), ExactDecimal(-1), ExactDecimal(10), ExactDecimal(Int.max),
                        ExactDecimal(isNegative: false, significand: .max, scale: 0),
                        ExactDecimal(isNegative: false, significand: .max, scale: 19),
                        ExactDecimal(isNegative: false, significand: .max, scale: 20),
                        ExactDecimal(isNegative: true, significand: 2, scale: 40)]
        for _ in 0..<2_000 {
            let significand = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            decimals.append(ExactDecimal(isNegative: Bool.random(using: &generator), significand: significand,
                                         scale: Int.random(in: 0...25, using: &generator)))
        }
        for decimal in decimals {
            var stream = JSONWriter.Stream()
            stream.number(decimal)
            #expect(String(decoding: stream.bytes, as: UTF8.self) == decimal.description)
        }
        for integer in [0, 7, -7, 1_000_000, Int.max, Int.min] {
            var stream = JSONWriter.Stream()
            stream.number(integer)
            #expect(String(decoding: stream.bytes, as: UTF8.self) == String(integer))
        }
    }

    @Test("strings are escaped as they always were: only quotes, backslashes and control characters")
    func strings() {
        let texts = ["", "plain", "say \"hi\"", "back\\slash", "tab\tnew\nline\r", "\u{0}\u{8}\u{C}\u{1F}\u{7F}",
                     "C1 \u{80} and \u{9F}, not \u{A0} or \u{FF}", "€ 👍🏽 ü", "\u{9F}", "end \u{85}",
                     "\u{202E}bidi", String(repeating: "long ", count: 1_000) + "\""]
        for text in texts {
            var bytes: [UInt8] = []
            JSONText.appendQuoted(text, to: &bytes)
            #expect(bytes == Self.quotedByteByByte(text), "\(text.debugDescription)")
        }
    }

    @Test("values nested deeper than the indentation at hand are laid out the same")
    func deepNesting() throws {
        var value: JSONValue = .array([1, "x"])
        for depth in 0..<40 { value = .object([.init("level\(depth)", value), .init("empty", .object([]))]) }
        let text = JSONWriter.text(of: value)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0 == String(repeating: "  ", count: 41) + "1," })
        #expect(lines.contains { $0 == String(repeating: "  ", count: 40) + "\"empty\": {}" })
        #expect(try JSONParser.parse(Array(text.utf8), maximumDepth: 100) == value)
    }

    /// JSONText's escaping as it was first written, a byte at a time: the reference for the fast one.
    private static func quotedByteByByte(_ text: String) -> [UInt8] {
        func unicodeEscape(_ value: UInt8) -> [UInt8] {
            Array("\\u00".utf8) + Array(String(value, radix: 16).count == 1 ? "0\(String(value, radix: 16))".utf8
                                                                             : String(value, radix: 16).utf8)
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): bytes += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): bytes += Array("\\\\".utf8)
            case UInt8(ascii: "\n"): bytes += Array("\\n".utf8)
            case UInt8(ascii: "\r"): bytes += Array("\\r".utf8)
            case UInt8(ascii: "\t"): bytes += Array("\\t".utf8)
            case 0x08: bytes += Array("\\b".utf8)
            case 0x0C: bytes += Array("\\f".utf8)
            case 0x00..<0x20, 0x7F: bytes += unicodeEscape(byte)
            case 0xC2 where index < utf8.count && (0x80...0x9F).contains(utf8[index]):
                bytes += unicodeEscape(utf8[index])
                index += 1
            default: bytes.append(byte)
            }
        }
        return bytes + [UInt8(ascii: "\"")]
    }
}

/// Gathers what `BuildOutput.write(to:)` gives, checking each chunk on its own.
private struct ChunkCollector: BuildOutputSink {
    var files: [OutputFile] = []
    var isEveryChunkText = true
    private var current: (path: String, bytes: [UInt8])?

    mutating func beginFile(at path: String) { current = (path, []) }

    mutating func write(_ chunk: UnsafeRawBufferPointer) {
        let bytes = Array(chunk)
        if Array(String(decoding: bytes, as: UTF8.self).utf8) != bytes { isEveryChunkText = false }
        current?.bytes += bytes
    }

    mutating func endFile() {
        if let current { files.append(OutputFile(path: current.path, bytes: current.bytes)) }
        current = nil
    }
}
