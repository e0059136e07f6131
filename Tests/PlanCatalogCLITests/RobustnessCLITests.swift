import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI
import PlanCatalogTestSupport

/// Bad input gets a diagnostic and exit 1, never a crash or a hang — through the whole command line.
///
/// A few hundred broken versions of the shipped catalogs (and of a small built-in one, so the test never
/// runs empty) go through `plancat check -` in process, in every diagnostics format. Each run must end
/// with status 0 or 1, say `error[…]` exactly when it fails, and in JSON print a parseable array. The
/// generator is seeded, so a failure names a mutation that reproduces.
@Suite struct RobustnessCLITests {
    private static let mutationCount = 300

    @Test(.timeLimit(.minutes(1)))
    func brokenCatalogsExitWithZeroOrOne() {
        let originals = Self.corpus()
        var generator = SplitMix64(seed: 0xC0FF_EE00_1234)
        var problems: [String] = []
        let formats = ["text", "json", "github"]

        for iteration in 0..<Self.mutationCount {
            let (name, original) = originals[iteration % originals.count]
            let (bytes, mutation) = Self.mutate(original, using: &generator)
            let format = formats[iteration % formats.count]
            let terminal = RecordingTerminal(currentDirectory: FileManager.default.currentDirectoryPath)
            terminal.standardInput = bytes
            let status = PlanCatalogCLI.run(arguments: ["check", "--diagnostics", format, "-"], terminal: terminal)

            var found: [String] = []
            if status != ExitStatus.success && status != ExitStatus.failure {
                found.append("exit status \(status)")
            }
            switch format {
            case "text":
                let saysError = terminal.standardError.contains("error[")
                if (status == ExitStatus.failure) != saysError {
                    found.append("exit status \(status) but `error[` \(saysError ? "printed" : "not printed")")
                }
            case "json":
                let parsed = try? JSONSerialization.jsonObject(with: Data(terminal.standardOutput.utf8))
                if !(parsed is [Any]) { found.append("standard output is not a JSON array") }
            default:
                let saysError = terminal.standardOutput.contains("::error ")
                if (status == ExitStatus.failure) != saysError {
                    found.append("exit status \(status) but `::error` \(saysError ? "printed" : "not printed")")
                }
            }
            if !found.isEmpty {
                problems.append("\(name), --diagnostics \(format), \(mutation): \(found.joined(separator: "; "))\n"
                    + "  input: \(String(decoding: bytes.prefix(1_000), as: UTF8.self).debugDescription)")
            }
        }
        let report = problems.prefix(5).joined(separator: "\n")
        #expect(problems.isEmpty, "\(problems.count) of \(Self.mutationCount) runs broke a promise:\n\(report)")
    }

    // MARK: The corpus

    /// Every `.plancat` under catalogs/, in path order, after a small built-in catalog.
    private static func corpus() -> [(name: String, bytes: [UInt8])] {
        var result = [(name: "built-in", bytes: Array(builtIn.utf8))]
        let root = PackageRoot.url.appendingPathComponent("catalogs")
        if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            var found: [(String, [UInt8])] = []
            for case let url as URL in enumerator where url.pathExtension == "plancat" {
                if let data = FileManager.default.contents(atPath: url.path) {
                    found.append((url.lastPathComponent, Array(data)))
                }
            }
            result += found.sorted { $0.0 < $1.0 }
        }
        return result
    }

    private static let builtIn = """
        catalog "Mini"
        currency USD

        feature seats {
          name "Seats"
          type number
          unit "seat"
        }

        plan plan_pro {
          name "Pro"
          features {
            seats 10
          }
          price price_pro_monthly {
            interval month
            component comp_seats { per-seat 12.50; min-seats 1 }
          }
        }

        pricing-table main {
          row plan_pro { popular }
        }

        """

    // MARK: Mutations

    /// A truncation, one to four byte changes, or one to three token edits, with its description.
    private static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> ([UInt8], String) {
        switch Int.random(in: 0..<3, using: &generator) {
        case 0:
            let offset = Int.random(in: 0...bytes.count, using: &generator)
            return (Array(bytes[..<offset]), "truncated at byte \(offset)")
        case 1:
            var result = bytes
            var steps: [String] = []
            let interesting: [UInt8] = [0x00, 0x0A, 0x0D, 0x22, 0x23, 0x2E, 0x3B, 0x5C, 0x7B, 0x7D, 0x80, 0xC3, 0xE2, 0xFF]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let byte = Bool.random(using: &generator)
                    ? interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
                let offset = Int.random(in: 0...result.count, using: &generator)
                if offset < result.count, Bool.random(using: &generator) {
                    result[offset] = byte
                    steps.append("set \(byte) at \(offset)")
                } else {
                    result.insert(byte, at: offset)
                    steps.append("insert \(byte) at \(offset)")
                }
            }
            return (result, "bytes: " + steps.joined(separator: ", "))
        default:
            let tokens = Lexer.tokenize(SourceFile(path: "-", bytes: bytes)).tokens.dropLast()
            guard tokens.count > 1 else { return (bytes, "unchanged") }
            var pieces = tokens.map { bytes[$0.span.start..<$0.span.end] }
            var gaps: [ArraySlice<UInt8>] = []
            var position = 0
            for token in tokens {
                gaps.append(bytes[position..<token.span.start])
                position = token.span.end
            }
            var steps: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) where pieces.count > 1 {
                let first = Int.random(in: 0..<pieces.count, using: &generator)
                let second = Int.random(in: 0..<pieces.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: pieces.swapAt(first, second); steps.append("swap \(first) and \(second)")
                case 1: pieces.remove(at: first); steps.append("delete \(first)")
                default: pieces.insert(pieces[first], at: second); steps.append("duplicate \(first) before \(second)")
                }
            }
            var result: [UInt8] = []
            for (index, piece) in pieces.enumerated() {
                result += index < gaps.count ? gaps[index] : [UInt8(ascii: " ")]
                result += piece
            }
            result += bytes[position...]
            return (result, "tokens: " + steps.joined(separator: ", "))
        }
    }
}
