import Foundation
import PlanCatalog
import Testing
import PlanCatalogTestSupport
@testable import PlanCatalogLanguageServer

/// Hover, definition, references, prepareRename, rename, workspace symbols and inlay hints, on a catalog
/// directory of four files, so that every reference crosses a file.
@Suite struct NavigationTests {
    static let files: [(name: String, text: String)] = [
        ("catalog.plancat", "catalog \"Nav\"\ncurrency USD\n"),
        ("features.plancat", """
            metric api-calls {
              name "API calls"
            }

            feature api {
              name "API"
              type usage
              metric api-calls
              unit "API call"
            }

            """),
        ("plans.plancat", """
            plan pro {
              name "Pro"
              features {
                api
              }
              price price_pro_yearly {
                interval year
                component comp_base { fixed 290 }
                component comp_api {
                  usage api-calls
                  unit-price 0.002
                }
              }
              credit quota {
                name "Included calls"
                applies-to price_pro_yearly.comp_api
                amount 1000
              }
            }

            plan pro_trial {
              name "Pro trial"
              trial-of pro
              trial-days 14
              credit trial_quota {
                name "Trial calls"
                applies-to api
                amount 100
                renew never
              }
            }

            """),
        ("tables.plancat", """
            pricing-table main {
              row pro
            }

            scenario pro_year {
              price price_pro_yearly
              usage api-calls 2_000
              expect total 292.00
            }

            """),
    ]

    /// The catalog directory written to a scratch directory, every file opened, then `requests`.
    private static func run(_ requests: [[UInt8]], directory: ScratchDirectory, encodings: [String]? = nil) throws -> ServerRun {
        for file in files { try directory.write(file.name, Array(file.text.utf8)) }
        let opens = files.map { Client.didOpen(directory.uri($0.name), $0.text) }
        return ServerRun(Client.start(encodings: encodings) + opens + requests + Client.stop)
    }

    private static func text(of name: String) -> String { files.first { $0.name == name }!.text }

    /// A request about the place of the `occurrence`th `needle` in the file `name`, `into` characters in.
    private static func request(_ id: Int, _ method: String, _ name: String, at needle: String, occurrence: Int = 0,
                                into: Int = 1, in directory: ScratchDirectory, extra: [JSONValue.Member] = []) -> [UInt8] {
        Client.request(id, method, .object([
            .init("textDocument", .object([.init("uri", .string(directory.uri(name)))])),
            .init("position", Place.position(of: needle, in: text(of: name), occurrence: occurrence, into: into)),
        ] + extra))
    }

    /// The file name and start line of a Location.
    private static func place(_ location: JSONValue?) -> (file: String, line: Int, character: Int)? {
        guard case .string(let uri)? = location?["uri"], let line = location?["range"]?["start"]?["line"]?.int,
              let character = location?["range"]?["start"]?["character"]?.int else { return nil }
        return (String(uri.split(separator: "/").last ?? ""), line, character)
    }

    @Test func declaresEachFeature() {
        let capabilities = ServerRun(Client.start() + Client.stop).response(1)?["result"]?["capabilities"]
        #expect(capabilities?["hoverProvider"] == .bool(true))
        #expect(capabilities?["definitionProvider"] == .bool(true))
        #expect(capabilities?["referencesProvider"] == .bool(true))
        #expect(capabilities?["renameProvider"]?["prepareProvider"] == .bool(true))
        #expect(capabilities?["workspaceSymbolProvider"] == .bool(true))
        #expect(capabilities?["inlayHintProvider"] == .bool(true))
    }

    // MARK: - Definition

    @Test(arguments: [
        // (file, needle, occurrence) of a reference → (file, line) of its definition
        ("plans.plancat", "trial-of pro", 0, 9, "plans.plancat", 0),
        ("plans.plancat", "    api\n", 0, 4, "features.plancat", 4),
        ("plans.plancat", "usage api-calls", 0, 6, "features.plancat", 0),
        ("plans.plancat", "price_pro_yearly.comp_api", 0, 1, "plans.plancat", 5),
        ("plans.plancat", "price_pro_yearly.comp_api", 0, 18, "plans.plancat", 8),
        ("plans.plancat", "applies-to api", 0, 11, "features.plancat", 4),
        ("features.plancat", "metric api-calls\n", 0, 7, "features.plancat", 0),
        ("tables.plancat", "row pro", 0, 4, "plans.plancat", 0),
        ("tables.plancat", "price price_pro_yearly", 0, 7, "plans.plancat", 5),
        ("tables.plancat", "usage api-calls", 0, 7, "features.plancat", 0),
        // A definition leads to itself.
        ("plans.plancat", "plan pro_trial", 0, 6, "plans.plancat", 20),
    ])
    func everyReferenceLeadsToItsDefinitionInAnyFile(file: String, needle: String, occurrence: Int, into: Int,
                                                     definitionFile: String, definitionLine: Int) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([Self.request(2, "textDocument/definition", file, at: needle, occurrence: occurrence,
                                             into: into, in: directory)], directory: directory)
        let found = try #require(Self.place(run.response(2)?["result"]))
        #expect(found.file == definitionFile)
        #expect(found.line == definitionLine)
    }

    @Test func aQuotesPlanLeadsToThePlan() throws {
        let text = "plan p {\n  name \"P\"\n}\n\nquote q {\n  plan p\n  customer \"Globex\"\n  price price_q {\n    currency USD\n    interval month\n    component c { fixed 5 }\n  }\n}\n"
        let run = ServerRun(Client.start() + [
            Client.didOpen("untitled:q.plancat", text),
            Client.request(2, "textDocument/definition", .object([
                .init("textDocument", .object([.init("uri", "untitled:q.plancat")])),
                .init("position", Place.position(of: "plan p\n  customer", in: text, into: 5)),
            ])),
        ] + Client.stop)
        #expect(run.response(2)?["result"]?["range"]?["start"]?["line"]?.int == 0)
    }

    @Test func offAnIdOrOffTheFileThereIsNothing() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([
            Self.request(2, "textDocument/definition", "plans.plancat", at: "name \"Pro\"", into: 7, in: directory),
            Client.request(3, "textDocument/definition", .object([
                .init("textDocument", .object([.init("uri", .string(directory.uri("plans.plancat")))])),
                .init("position", .object([.init("line", 10_000), .init("character", 99)])),
            ])),
            Client.request(4, "textDocument/definition", .object([
                .init("textDocument", .object([.init("uri", "untitled:never-opened.plancat")])),
                .init("position", .object([.init("line", 0), .init("character", 0)])),
            ])),
            Client.request(5, "textDocument/definition", .object([
                .init("textDocument", .object([.init("uri", .string(directory.uri("plans.plancat")))])),
            ])),
        ], directory: directory)
        #expect(run.response(2)?["result"] == .null)
        #expect(run.response(3)?["result"] == .null)
        #expect(run.response(4)?["result"] == .null)
        #expect(run.errorCode(5) == ResponseError.invalidParamsCode)
        #expect(run.status == 0)
    }

    // MARK: - References and rename

    @Test func referencesListEveryPlaceDefinitionFirst() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([
            Self.request(2, "textDocument/references", "features.plancat", at: "metric api-calls {", into: 8,
                         in: directory, extra: [.init("context", .object([.init("includeDeclaration", true)]))]),
            Self.request(3, "textDocument/references", "features.plancat", at: "metric api-calls {", into: 8,
                         in: directory, extra: [.init("context", .object([.init("includeDeclaration", false)]))]),
        ], directory: directory)
        guard case .array(let all)? = run.response(2)?["result"], case .array(let uses)? = run.response(3)?["result"] else {
            Issue.record("no references")
            return
        }
        let places = all.compactMap { Self.place($0) }.map { "\($0.file):\($0.line)" }
        #expect(places == ["features.plancat:0", "features.plancat:7", "plans.plancat:9", "tables.plancat:6"])
        #expect(uses.count == 3)
    }

    @Test func renameChangesTheIdInEveryFileOfTheCatalog() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([
            Self.request(2, "textDocument/prepareRename", "tables.plancat", at: "row pro", into: 5, in: directory),
            Self.request(3, "textDocument/rename", "tables.plancat", at: "row pro", into: 5, in: directory,
                         extra: [.init("newName", "plan_pro")]),
        ], directory: directory)
        #expect(run.response(2)?["result"]?["placeholder"] == "pro")
        #expect(run.response(2)?["result"]?["range"]?["start"]?["character"]?.int == 6)
        let changes = try #require(run.response(3)?["result"]?["changes"])
        let edited = try Self.files.map { file -> String in
            guard case .array(let edits)? = changes[directory.uri(file.name)] else { return file.text }
            return try Self.applying(edits, to: file.text)
        }
        #expect(edited[2].contains("plan plan_pro {") && edited[2].contains("trial-of plan_pro"))
        #expect(edited[3].contains("row plan_pro"))
        #expect(!edited.joined().contains("plan pro {"))
        // The renamed catalog checks clean, as the original does.
        let renamed = zip(Self.files, edited).map { SourceFile(path: $0.name, bytes: Array($1.utf8)) }
        #expect(CatalogCompiler.check(renamed).diagnostics.isEmpty)
    }

    @Test func renamingAComponentRenamesItsAppliesToHalfOnly() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([
            Self.request(2, "textDocument/rename", "plans.plancat", at: "component comp_api", into: 12, in: directory,
                         extra: [.init("newName", "comp_calls")]),
        ], directory: directory)
        guard case .array(let edits)? = run.response(2)?["result"]?["changes"]?[directory.uri("plans.plancat")] else {
            Issue.record("no edits")
            return
        }
        let edited = try Self.applying(edits, to: Self.text(of: "plans.plancat"))
        #expect(edited.contains("component comp_calls {"))
        #expect(edited.contains("applies-to price_pro_yearly.comp_calls"))
    }

    @Test(arguments: [
        ("pro_trial", "a plan `pro_trial` already exists"),
        ("two words", "`two words` is not an id"),
        ("10", "`10` is not an id"),
        ("a.b", "`a.b` is not an id"),
        ("", "`` is not an id"),
    ])
    func renameRefusesWithTheReason(newName: String, reason: String) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([
            Self.request(2, "textDocument/rename", "tables.plancat", at: "row pro", into: 5, in: directory,
                         extra: [.init("newName", .string(newName))]),
        ], directory: directory)
        #expect(run.errorCode(2) == ResponseError.requestFailedCode)
        guard case .string(let message)? = run.response(2)?["error"]?["message"] else {
            Issue.record("no message")
            return
        }
        #expect(message.contains(reason))
    }

    @Test func anUndefinedIdCannotBeRenamed() {
        let text = "plan p {\n  name \"P\"\n  trial-of nowhere\n  trial-days 3\n}\n"
        let uri = "untitled:u.plancat"
        let position = Place.position(of: "nowhere", in: text, into: 2)
        let params = JSONValue.object([.init("textDocument", .object([.init("uri", .string(uri))])), .init("position", position)])
        var renameParams = params
        if case .object(let members) = params { renameParams = .object(members + [.init("newName", "p2")]) }
        let run = ServerRun(Client.start() + [Client.didOpen(uri, text),
                                              Client.request(2, "textDocument/prepareRename", params),
                                              Client.request(3, "textDocument/rename", renameParams)] + Client.stop)
        #expect(run.response(2)?["result"] == .null)
        #expect(run.errorCode(3) == ResponseError.requestFailedCode)
    }

    // MARK: - Hover

    @Test(arguments: [
        ("plans.plancat", "plan pro {", 6, ["**plan** `pro` — Pro", "- `price_pro_yearly`: $290/year + $0.002 per API call (≈ $24.17/month)",
                                             "Trials: `pro_trial` (14 days)", "Features: `api`", "Credits: `quota`",
                                             "Shown in `main` (column 1 of 1)."]),
        ("plans.plancat", "plan pro_trial", 6, ["**plan** `pro_trial` — Pro trial", "No price: a placeholder plan.",
                                                "A 14-day trial of `pro`.", "Shown in no pricing table."]),
        ("plans.plancat", "price price_pro_yearly", 7, ["**price** `price_pro_yearly` of plan `pro` — paid",
                                                        "- `comp_base`: $290/year", "- `comp_api`: $0.002 per API call"]),
        ("features.plancat", "feature api", 9, ["**feature** `api` — API", "- Type: usage", "- Unit: API call",
                                                "- Metrics: `api-calls`", "Granted by `pro`."]),
        ("tables.plancat", "usage api-calls", 8, ["**metric** `api-calls` — API calls", "- Aggregate: sum",
                                                  "Measured by `api`.", "Billed by `price_pro_yearly.comp_api`."]),
        ("plans.plancat", "credit quota", 8, ["**credit** `quota` of plan `pro` — Included calls",
                                              "- Balance: 1,000 API calls, usage credit",
                                              "- Applies to `price_pro_yearly.comp_api`"]),
        ("tables.plancat", "scenario pro_year", 10, ["**scenario** `pro_year`", "| Subtotal | $292.00 |",
                                                     "| **Total** | **$292.00** |"]),
        ("plans.plancat", "trial-of pro", 3, ["**trial-of** in a plan: `trial-of ID`", "a trial of another plan"]),
        ("plans.plancat", "interval year", 2, ["**interval** in a price", "`day`, `week`, `month` or `year`"]),
    ])
    func hoverResolvesWhatItPointsAt(file: String, needle: String, into: Int, parts: [String]) throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([Self.request(2, "textDocument/hover", file, at: needle, into: into, in: directory)],
                               directory: directory)
        let result = run.response(2)?["result"]
        #expect(result?["contents"]?["kind"] == "markdown")
        guard case .string(let markdown)? = result?["contents"]?["value"] else {
            Issue.record("no hover for \(needle)")
            return
        }
        for part in parts { #expect(markdown.contains(part), "\(part) in \(markdown)") }
    }

    @Test func aScenarioOfACatalogWithErrorsHasNoInvoice() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        var broken = Self.files
        broken[2].text = broken[2].text.replacingOccurrences(of: "trial-days 14", with: "trial-days fourteen")
        for file in broken { try directory.write(file.name, Array(file.text.utf8)) }
        let run = ServerRun(Client.start() + broken.map { Client.didOpen(directory.uri($0.name), $0.text) } + [
            Self.request(2, "textDocument/hover", "tables.plancat", at: "scenario pro_year", into: 10, in: directory),
        ] + Client.stop)
        guard case .string(let markdown)? = run.response(2)?["result"]?["contents"]?["value"] else {
            Issue.record("no hover")
            return
        }
        #expect(markdown.contains("No invoice while the catalog has errors."))
    }

    @Test func hoverOnNothingIsNull() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([Self.request(2, "textDocument/hover", "plans.plancat", at: "\"Pro\"", into: 2, in: directory)],
                               directory: directory)
        #expect(run.response(2)?["result"] == .null)
    }

    // MARK: - Positions

    @Test(arguments: ["utf-16", "utf-8"])
    func columnsCountTheNegotiatedUnitsAfterAnEmojiAndACJKNameOnCRLFLines(encoding: String) throws {
        let text = "plan p { name \"😀 プロ\"; trial-of q; trial-days 3 }\r\nplan q {\r\n  name \"Q\"\r\n}\r\n"
        let uri = "untitled:wide.plancat"
        let run = ServerRun(Client.start(encodings: [encoding]) + [
            Client.didOpen(uri, text),
            Client.request(2, "textDocument/definition", .object([
                .init("textDocument", .object([.init("uri", .string(uri))])),
                .init("position", Place.position(of: "trial-of q", in: text, into: 9, encoding: encoding)),
            ])),
            Client.request(3, "textDocument/hover", .object([
                .init("textDocument", .object([.init("uri", .string(uri))])),
                .init("position", Place.position(of: "trial-of q", in: text, into: 9, encoding: encoding)),
            ])),
        ] + Client.stop)
        #expect(run.response(2)?["result"]?["range"]?["start"]?["line"]?.int == 1)
        #expect(run.response(2)?["result"]?["range"]?["start"]?["character"]?.int == 5)
        let start = try #require(run.response(3)?["result"]?["range"]?["start"]?["character"]?.int)
        #expect(start == Place.position(of: "trial-of q", in: text, into: 9, encoding: encoding)["character"]?.int)
    }

    /// A 10 MB file — a comment of 100,000 lines of emoji and CJK, then a plan and a half-typed one — is
    /// answered like any other: the reference after the comment leads to its plan, the plan's hover is
    /// there, and a place past the end is nothing.
    @Test func aTenMegabyteFileIsAnswered() throws {
        let comment = String(repeating: "# 😀 プロ " + String(repeating: "x", count: 90) + "\n", count: 100_000)
        let text = comment + "plan p {\n  name \"P\"\n}\nplan q {\n  name \"Q\n  trial-of p\n"
        #expect(text.utf8.count > 10_000_000)
        let uri = "untitled:big.plancat"
        func at(_ id: Int, _ method: String, line: Int, character: Int) -> [UInt8] {
            Client.request(id, method, .object([
                .init("textDocument", .object([.init("uri", .string(uri))])),
                .init("position", .object([.init("line", .number(line)), .init("character", .number(character))])),
            ]))
        }
        let run = ServerRun(Client.start() + [
            Client.didOpen(uri, text),
            at(2, "textDocument/definition", line: 100_005, character: 11),
            at(3, "textDocument/hover", line: 100_000, character: 6),
            at(4, "textDocument/hover", line: 2_000_000, character: 0),
        ] + Client.stop)
        #expect(run.response(2)?["result"]?["range"]?["start"]?["line"]?.int == 100_000)
        guard case .string(let markdown)? = run.response(3)?["result"]?["contents"]?["value"] else {
            Issue.record("no hover on the plan after the comment")
            return
        }
        #expect(markdown.hasPrefix("**plan** `p` — P"))
        #expect(run.response(4)?["result"] == .null)
        #expect(run.status == 0)
    }

    // MARK: - Workspace symbols and inlay hints

    @Test func workspaceSymbolsFindIdsByTheirLettersInOrder() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let run = try Self.run([
            Client.request(2, "workspace/symbol", .object([.init("query", "prtr")])),
            Client.request(3, "workspace/symbol", .object([.init("query", "")])),
            Client.request(4, "workspace/symbol", .object([])),
        ], directory: directory)
        guard case .array(let found)? = run.response(2)?["result"], case .array(let all)? = run.response(3)?["result"] else {
            Issue.record("no symbols")
            return
        }
        #expect(found.compactMap { $0["name"] } == ["pro_trial"])
        #expect(found.first?["kind"]?.int == SymbolKind.class.rawValue)
        #expect(Self.place(found.first?["location"])?.file == "plans.plancat")
        #expect(all.count == 11)
        #expect(all.contains { $0["name"] == "comp_api" && $0["containerName"] == "price price_pro_yearly" })
        #expect(run.errorCode(4) == ResponseError.invalidParamsCode)
    }

    @Test func inlayHintsShowTheMonthlyAmountAndTheScenarioTotal() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        let whole = JSONValue.object([.init("start", .object([.init("line", 0), .init("character", 0)])),
                                      .init("end", .object([.init("line", 100), .init("character", 0)]))])
        let firstLines = JSONValue.object([.init("start", .object([.init("line", 0), .init("character", 0)])),
                                           .init("end", .object([.init("line", 3), .init("character", 0)]))])
        func hints(_ id: Int, _ name: String, _ range: JSONValue) -> [UInt8] {
            Client.request(id, "textDocument/inlayHint", .object([
                .init("textDocument", .object([.init("uri", .string(directory.uri(name)))])), .init("range", range),
            ]))
        }
        let run = try Self.run([hints(2, "plans.plancat", whole), hints(3, "tables.plancat", whole),
                                hints(4, "tables.plancat", firstLines)], directory: directory)
        #expect(run.response(2)?["result"] == .array([.object([
            .init("position", Place.position(of: "fixed 290", in: Self.text(of: "plans.plancat"), into: 9)),
            .init("label", "≈ $24.17/month"), .init("paddingLeft", true),
        ])]))
        #expect(run.response(3)?["result"] == .array([.object([
            .init("position", Place.position(of: "scenario pro_year", in: Self.text(of: "tables.plancat"), into: 17)),
            .init("label", "total $292.00"), .init("paddingLeft", true),
        ])]))
        #expect(run.response(4)?["result"] == .array([]))
    }

    // MARK: - Helpers

    /// `text` with LSP TextEdits (UTF-16 positions, none overlapping) applied.
    private static func applying(_ edits: [JSONValue], to text: String) throws -> String {
        let file = SourceFile(path: "", bytes: Array(text.utf8))
        var bytes = file.bytes
        let spans = try edits.map { edit -> (Int, Int, String) in
            let start = try #require(edit["range"]?["start"]), end = try #require(edit["range"]?["end"])
            guard case .string(let newText)? = edit["newText"] else { throw PlaceError.noText }
            return (PositionEncoding.utf16.byteOffset(line: start["line"]!.int!, character: start["character"]!.int!, in: file),
                    PositionEncoding.utf16.byteOffset(line: end["line"]!.int!, character: end["character"]!.int!, in: file),
                    newText)
        }
        for (start, end, newText) in spans.sorted(by: { $0.0 > $1.0 }) {
            bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private enum PlaceError: Error { case noText }
}

/// LSP positions of places in a test's text, counted independently of the server's `PositionEncoding`.
enum Place {
    /// The position `into` characters after the start of the `occurrence`th `needle` in `text`, its
    /// character counted in UTF-16 units or UTF-8 bytes.
    static func position(of needle: String, in text: String, occurrence: Int = 0, into: Int = 0,
                         encoding: String = "utf-16") -> JSONValue {
        let bytes = Array(text.utf8), wanted = Array(needle.utf8)
        var found = 0
        var seen = -1
        for start in bytes.indices where bytes[start...].starts(with: wanted) {
            seen += 1
            found = start
            if seen == occurrence { break }
        }
        // Needles are ASCII: `into` characters are as many bytes.
        let target = found + into
        let line = bytes[..<target].filter { $0 == UInt8(ascii: "\n") }.count
        let lineStart = (bytes[..<target].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let prefix = String(decoding: bytes[lineStart..<target], as: UTF8.self)
        let character = encoding == "utf-8" ? prefix.utf8.count : prefix.utf16.count
        return .object([.init("line", .number(line)), .init("character", .number(character))])
    }
}
