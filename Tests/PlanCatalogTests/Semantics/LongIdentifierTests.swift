import Testing
@testable import PlanCatalog

/// Issue 18, item 10: did-you-mean was quadratic in the length of ids, so two plans with 60,000-character
/// ids and one unknown row (180 KB) took 21 s to check, and ten of each more than 300 s. The edit distance
/// now computes only a band around the diagonal, skips candidates whose length is out of reach, and ids
/// are capped at 200 bytes (E0303; catalog.json: exit 65). These tests check the work and the result,
/// never the time; a return of the old quadratic search would show as a suite that does not end.
@Suite struct LongIdentifierTests {
    /// The full optimal string alignment distance, the definition the banded one must agree with.
    static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    @Test("the banded distance agrees with the full one, up to its limit")
    func bandedAgreesWithFull() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc_".unicodeScalars)
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let limit = Int.random(in: 1...3, using: &generator)
            let expected = min(Self.fullDistance(a, b), limit + 1)
            let banded = Suggestion.editDistance(a, b, limit: limit)
            #expect(banded == expected, "\(String(String.UnicodeScalarView(a))) / \(String(String.UnicodeScalarView(b))) limit \(limit)")
        }
    }

    @Test("two 60,000-character ids cost a band of cells, not 60,000²")
    func workIsBounded() {
        let body = String(repeating: "x", count: 60_000)
        let source = Array(("pa" + body + "y").unicodeScalars)
        let target = Array(("pb" + body + "x").unicodeScalars)
        var steps = 0
        #expect(Suggestion.editDistance(source, target, limit: 3, steps: &steps) == 2)
        #expect(steps <= source.count * 7, "\(steps) cells for two ids of \(source.count)")
        // A candidate too far off in length costs nothing at all.
        steps = 0
        #expect(Suggestion.editDistance(source, Array(body.dropFirst(10).unicodeScalars), limit: 3, steps: &steps) == 4)
        #expect(steps == 0)
    }

    /// `count` plans with ids of `length` characters and, in a pricing table, a row one letter off
    /// each of them: the probe's input.
    static func catalog(plans count: Int, length: Int) -> String {
        var text = "currency USD\n"
        var rows = ""
        for index in 0..<count {
            let id = "p" + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index))) + String(repeating: "x", count: length - 2)
            text += "plan \(id) {\n  name \"P\(index)\"\n}\n"
            rows += "  row \(id.dropLast())y\n"
        }
        return text + "pricing-table main {\n  name \"Main\"\n\(rows)}\n"
    }

    /// The time limit only turns a return of the old hang into a failure instead of a suite that never
    /// ends; what is asserted is the result.
    @Test("two plans with 60,000-character ids and unknown rows: E0303 for each id, E0403 with a suggestion",
          .timeLimit(.minutes(1)), arguments: [2, 10])
    func probeInput(plans: Int) {
        let diagnostics = CatalogCompiler.check([SourceFile(path: "long.plancat",
                                                            text: Self.catalog(plans: plans, length: 60_000))]).diagnostics
        #expect(diagnostics.filter { $0.code == .idTooLong }.count == plans)
        let unknown = diagnostics.filter { $0.code == .unknownPlan }
        #expect(unknown.count == plans)
        #expect(unknown.allSatisfy { $0.help?.hasPrefix("did you mean `p") == true })
        #expect(diagnostics.first { $0.code == .idTooLong }?.message
                    .hasSuffix("is 60,000 bytes long; ids hold at most 200") == true)
    }

    @Test("an id of 200 bytes is fine, 201 is E0303, for every kind")
    func limit() {
        let fine = "p" + String(repeating: "x", count: 199)
        let long = "p" + String(repeating: "x", count: 200)
        func codes(_ id: String) -> [DiagnosticCode] {
            let text = """
                currency USD
                metric m\(id) { name "M" }
                plan \(id) {
                  name "P"
                  price r\(id) { interval month; component c\(id) { fixed 1 } }
                }
                pricing-table t\(id) { name "T"; row \(id) }
                quote q\(id) { plan \(id); customer "C"; price o\(id) { interval month; component c\(id) { fixed 1 } } }

                """
            return CatalogCompiler.check([SourceFile(path: "ids.plancat", text: text)]).diagnostics
                .map(\.code).filter { $0 == .idTooLong }
        }
        #expect(codes(String(fine.dropLast())).isEmpty)
        // metric, plan, price, component, pricing table, quote, override price, its component.
        #expect(codes(long).count == 8)
    }

    @Test("catalog.json: an id over 200 bytes is refused with its path")
    func readerRefusesLongIDs() throws {
        let text = CatalogDocumentReaderTests.text
        let long = "plan_pro" + String(repeating: "x", count: 80_000)
        let edited = text.replacing("\"plan_pro\"", with: "\"\(long)\"")
        #expect(edited != text)
        do {
            _ = try CatalogDocument(json: Array(edited.utf8))
            Issue.record("an 80,008-byte id was read")
        } catch {
            #expect(error.description.hasSuffix("an id has at most 200 bytes, found a string of 80,008"))
            #expect(error.description.utf8.count < 200)
        }
        let atLimit = "plan_pro" + String(repeating: "x", count: 192)
        _ = try CatalogDocument(json: Array(text.replacing("\"plan_pro\"", with: "\"\(atLimit)\"").utf8))
    }
}
