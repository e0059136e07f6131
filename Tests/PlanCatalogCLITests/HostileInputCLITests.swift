import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// Hostile catalog.json files given to `plancat diff --against` and `plancat import`: each is refused with
/// exit 65 and a message saying where and why, prints nothing on standard output, and never crashes.
/// Also the input-size limits of both readers, and an endless `.plancat` file (`/dev/zero`).
@Suite struct HostileInputCLITests {
    /// A small valid catalog.json, built from source so that it is exactly what `plancat build` writes.
    static let validJSON: String = {
        let source = """
            currency USD
            plan plan_pro {
              name "Pro"
              price price_pro {
                interval month
                component comp_base { fixed 29 }
              }
            }
            """
        let output = CatalogCompiler.build([SourceFile(path: "pro.plancat", text: source)]).output
        return output.map { String(decoding: $0.document.jsonBytes, as: UTF8.self) } ?? ""
    }()

    /// A hostile file and a piece of the message it must give.
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let message: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ message: String) {
            self.init(name, Array(text.utf8), message)
        }

        init(_ name: String, _ bytes: [UInt8], _ message: String) {
            self.name = name
            self.bytes = bytes
            self.message = message
        }
    }

    static func nested(_ depth: Int) -> String {
        "{\"schemaVersion\": 1, \"x\": " + String(repeating: "[", count: depth - 1)
            + String(repeating: "]", count: depth - 1) + "}"
    }

    static let hostile: [Hostile] = [
        Hostile("empty", "", "line 1, column 1"),
        Hostile("truncated", String(validJSON.prefix(validJSON.count / 2)), "unexpected end of input"),
        Hostile("nesting one past the limit", nested(InputLimits.maximumJSONDepth + 1),
                "nesting deeper than 128 levels"),
        Hostile("100,000 open brackets", String(repeating: "[", count: 100_000), "nesting deeper than 128 levels"),
        Hostile("a number one character too long", validJSON.replacing("\"amount_cents\": 2900",
                with: "\"amount_cents\": 1" + String(repeating: "0", count: InputLimits.maximumJSONNumberLength)),
                "number longer than 100 characters"),
        Hostile("an enormous exponent", validJSON.replacing("\"amount_cents\": 2900",
                with: "\"amount_cents\": 1e999999999"), "$.prices[0].pricingData.components[0].amount_cents"),
        Hostile("a huge integer", validJSON.replacing("\"amount_cents\": 2900",
                with: "\"amount_cents\": 9007199254740992"), "$.prices[0].pricingData.components[0].amount_cents"),
        Hostile("a duplicate key", validJSON.replacing("\"schemaVersion\": 1,", with: "\"schemaVersion\": 1, \"schemaVersion\": 1,"),
                "duplicate key `schemaVersion`"),
        Hostile("a wrong type", validJSON.replacing("\"isFree\": false", with: "\"isFree\": 0"), "$.plans[0].isFree"),
        Hostile("a NUL byte", Array(validJSON.utf8.prefix(5)) + [0] + Array(validJSON.utf8.dropFirst(5)),
                "control character U+0000"),
        Hostile("invalid UTF-8 in a string", validJSON.replacing("\"Pro\"", with: "\"Pr\u{1}o\""), "line"),
        Hostile("invalid UTF-8 bytes", Array(validJSON.utf8.prefix(40)) + [0xC3, 0x28] + Array(validJSON.utf8.dropFirst(40)),
                "UTF-8"),
        Hostile("a top-level string", "\"catalog\"", "$"),
        Hostile("trailing garbage", validJSON + "}", "expected end of input after the JSON value"),
    ]

    @Test func theValidFileIsAccepted() throws {
        #expect(!Self.validJSON.isEmpty)
        let directory = try TemporaryDirectory(["catalog.json": Self.validJSON])
        #expect(directory.run(["import", "catalog.json"]).status == ExitStatus.success)
    }

    @Test(arguments: hostile)
    func importRefusesIt(_ hostile: Hostile) throws {
        try expectRefused(hostile, command: ["import", "catalog.json"])
    }

    @Test(arguments: hostile)
    func diffRefusesIt(_ hostile: Hostile) throws {
        try expectRefused(hostile, command: ["diff", "pro.plancat", "--against", "catalog.json"])
    }

    private func expectRefused(_ hostile: Hostile, command: [String]) throws {
        let directory = try TemporaryDirectory(["pro.plancat": "currency USD\n"])
        try Data(hostile.bytes).write(to: URL(fileURLWithPath: directory.path + "/catalog.json"))
        let (status, terminal) = directory.run(command)
        #expect(status == ExitStatus.invalidInputData, "\(terminal.standardError)")
        #expect(terminal.standardOutput.isEmpty)
        #expect(terminal.standardError.contains(hostile.message), "\(terminal.standardError)")
        #expect(terminal.standardError.utf8.count < 1_000, "the message stays one short line")
    }

    @Test func nestingAtTheLimitIsReadAndRefusedOnlyAsNotACatalog() throws {
        let directory = try TemporaryDirectory(["catalog.json": Self.nested(InputLimits.maximumJSONDepth)])
        let (status, terminal) = directory.run(["import", "catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(!terminal.standardError.contains("nesting"), "\(terminal.standardError)")
        #expect(terminal.standardError.contains("$: unknown key `x`"), "\(terminal.standardError)")
    }

    @Test func aNumberAtTheLengthLimitIsReadAndRefusedOnlyForItsValue() throws {
        let long = "1" + String(repeating: "0", count: InputLimits.maximumJSONNumberLength - 1)
        let text = Self.validJSON.replacing("\"amount_cents\": 2900", with: "\"amount_cents\": " + long)
        let directory = try TemporaryDirectory(["catalog.json": text])
        let (status, terminal) = directory.run(["import", "catalog.json"])
        #expect(status == ExitStatus.invalidInputData)
        #expect(!terminal.standardError.contains("longer than"), "\(terminal.standardError)")
        #expect(terminal.standardError.contains("amount_cents"), "\(terminal.standardError)")
    }

    // MARK: Size

    /// A sparse file one byte over 1 GiB takes no disk and is refused from its size, without a read.
    @Test func aCatalogJSONOverTheSizeLimitIsRefusedUnread() throws {
        let directory = try TemporaryDirectory(["pro.plancat": "currency USD\n"])
        let path = directory.path + "/catalog.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(InputLimits.maximumJSONFileBytes + 1))
        try handle.close()
        for command in [["import", "catalog.json"], ["diff", "pro.plancat", "--against", "catalog.json"]] {
            let (status, terminal) = directory.run(command)
            #expect(status == ExitStatus.invalidInputData)
            #expect(terminal.standardError.contains("`catalog.json` is larger than 1 GiB"), "\(terminal.standardError)")
        }
    }

    @Test func standardInputOverTheSizeLimitIsRefused() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["import", "-"]) { terminal in
            terminal.standardInput = [UInt8](repeating: UInt8(ascii: " "), count: InputLimits.maximumJSONFileBytes + 1)
        }
        #expect(status == ExitStatus.invalidInputData)
        #expect(terminal.standardError.contains("`<stdin>` is larger than 1 GiB"), "\(terminal.standardError)")
    }

    /// An endless stream is read to one byte past the limit and reported (E0113). A device named as a PATH
    /// (`zero.plancat -> /dev/zero`) is not read at all since issue 18: only regular files are, and a
    /// stream comes through `-`.
    @Test func anEndlessPlancatFileIsReadOnlyToTheLimit() throws {
        let directory = try TemporaryDirectory()
        let (status, terminal) = directory.run(["check", "-"]) { terminal in
            terminal.standardInput = [UInt8](repeating: UInt8(ascii: " "), count: InputLimits.maximumSourceFileBytes + 1)
        }
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.contains("error[E0113]: file is larger than 128 MiB"), "\(terminal.standardError)")

        try FileManager.default.createSymbolicLink(atPath: directory.path + "/zero.plancat", withDestinationPath: "/dev/zero")
        let device = directory.run(["check", "zero.plancat"])
        #expect(device.status == ExitStatus.missingInput)
        #expect(device.terminal.standardError.hasPrefix(
            "plancat: error: `zero.plancat` is a character device, not a regular file;"), "\(device.terminal.standardError)")
    }

    // MARK: Repetition

    /// `count` plans without a price (a warning each), each granting an unknown feature when `broken`
    /// (an error each).
    static func repeatedPlans(_ count: Int, broken: Bool) -> String {
        (0..<count).map { index in
            "plan plan_\(index) {\n  name \"Plan \(index)\"\n" + (broken ? "  features {\n    nothing\n  }\n" : "") + "}\n"
        }.joined()
    }

    @Test func aCheckPastTheLimitCountsEveryProblemInItsSummary() throws {
        let directory = try TemporaryDirectory(["warnings.plancat": Self.repeatedPlans(1_500, broken: false),
                                                "errors.plancat": Self.repeatedPlans(1_200, broken: true)])
        let warnings = directory.run(["check", "warnings.plancat"])
        #expect(warnings.status == ExitStatus.success, "a flood of warnings alone passes")
        #expect(warnings.terminal.standardError.contains("warning[W0116]: too many warnings: 500 more not shown"))
        #expect(warnings.terminal.standardError.hasSuffix("checked 1 catalog: 1500 warnings (500 not shown)\n"))
        let errors = directory.run(["check", "errors.plancat"])
        #expect(errors.status == ExitStatus.failure)
        #expect(errors.terminal.standardError.contains("error[E0116]: too many problems: 1,400 more not shown"))
        #expect(errors.terminal.standardError.hasSuffix("checked 1 catalog: 1200 errors, 1200 warnings (1400 not shown)\n"))
        let json = directory.run(["check", "--diagnostics", "json", "errors.plancat"])
        #expect(json.status == ExitStatus.failure)
        let array = try JSONParser.parse(Array(json.terminal.standardOutput.utf8))
        guard case .array(let elements) = array else { Issue.record("not an array"); return }
        #expect(elements.count == InputLimits.maximumDiagnostics + 1)
    }
}
