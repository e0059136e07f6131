import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// What a message quotes from the input stays short and harmless: a catalog.json key or id of a megabyte
/// is cut to its start and `…` as the compiler's messages cut a long word (`Diagnostic.maximumQuoteLength`),
/// and a file name holding an escape sequence, a newline or a right-to-left override is printed with those
/// characters replaced, as source lines are, so it can neither drive the terminal nor forge a line.
@Suite struct QuotedInputMessageTests {
    static let long = "k" + String(repeating: "x", count: 999_999)

    @Test func aMegabyteUnknownKeyGivesAShortMessage() throws {
        let text = HostileInputCLITests.validJSON.replacing("{", with: "{\"\(Self.long)\": 1, ", maxReplacements: 1)
        try expectShortRefusal(text, naming: "unknown key `kxxxx")
    }

    @Test func aMegabytePlanIDReferenceGivesAShortMessage() throws {
        let valid = HostileInputCLITests.validJSON
        #expect(valid.contains("\"planId\": \"plan_pro\""))
        // An id has at most 200 bytes (a longer one is refused by its length), so the longest that is
        // looked up: its message quotes 64 characters of it.
        let id = "k" + String(repeating: "x", count: 199)
        let text = valid.replacing("\"planId\": \"plan_pro\"", with: "\"planId\": \"\(id)\"")
        try expectShortRefusal(text, naming: "no plan with id \"kxxxx", under: 260)
    }

    private func expectShortRefusal(_ text: String, naming start: String, under limit: Int = 400) throws {
        let directory = try TemporaryDirectory(["catalog.json": text])
        let (status, terminal) = directory.run(["import", "catalog.json"])
        // Booleans, not the expressions: a failure must not print the megabyte it is about.
        let message = terminal.standardError
        let head = message.prefix(300)
        let namesTheStart = message.contains(start), isCut = message.contains("…")
        let length = message.utf8.count
        #expect(status == ExitStatus.invalidInputData, "\(head)")
        #expect(namesTheStart, "\(head)")
        #expect(isCut, "\(head)")
        #expect(length < limit, "\(head)")
    }

    @Test func aHostileFileNameIsPrintedNeutralised() throws {
        let name = "evil\u{1B}[31m\nname\u{202E}txt.plancat"
        let source = "currency USD\nplan plan_a {\n  name \"A\"\n}\nplan plan_a {\n  name \"B\"\n}\n"
        let directory = try TemporaryDirectory([name: source])
        let (status, terminal) = directory.run(["check", name])
        let output = terminal.standardOutput + terminal.standardError
        #expect(status == ExitStatus.failure, "\(output)")
        #expect(!output.unicodeScalars.contains("\u{1B}"), "\(output)")
        #expect(!output.unicodeScalars.contains("\u{202E}"), "\(output)")
        #expect(output.contains("evil\u{FFFD}[31m\u{FFFD}name\u{FFFD}txt.plancat:5:"), "\(output)")
        #expect(output.contains("--> evil\u{FFFD}[31m\u{FFFD}name\u{FFFD}txt.plancat:2:"), "\(output)")
        for line in output.split(separator: "\n") {
            #expect(!line.hasPrefix("name"), "no line starts with the name's second half: \(output)")
        }
    }
}
