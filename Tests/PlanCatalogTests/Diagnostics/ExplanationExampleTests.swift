import Foundation
import Testing
@testable import PlanCatalog

/// Every explanation's example is compiled with the real checker and must report its code, and its fix
/// must not, nor any error the example does not report: an example that no longer shows its problem, or
/// a fix that does not fix it or trades it for another, is a wrong explanation that `plancat explain`
/// and Docs/Diagnostics.md would print.
///
/// Examples are mostly fragments. Each says where it stands (`Explanation.Setting`), and `catalog(_:in:)`
/// places it into `sample`, a small catalog that checks clean on its own. The checks are about the one
/// code: a fragment may draw other diagnostics from its setting (a second `plan_pro` is a duplicate id),
/// and the fix is the example with the fix applied, or the fixed part alone in the setting it names.
@Suite struct ExplanationExampleTests {
    /// Codes whose example is not literal source, with the reason; kept as short as honesty allows. Each
    /// of these examples elides what makes the problem (with `…`): the problem is a size, which the
    /// explanation describes instead of printing. `InputLimitTests` and the check fixtures cover them.
    static let exempt: [DiagnosticCode: String] = [
        .nestingTooDeep: "33 levels of nesting, elided as `… 30 more levels …`",
        .fileTooLarge: "a 300 MB file, elided as `… two million more quotes …`",
        .lineTooLong: "a line of 70,000 characters, elided",
        .tooManyProblems: "a million stray braces, elided",
        .tooManyWarnings: "1,500 placeholder plans, elided as `… 1,500 more …`",
        .idTooLong: "an id of more than 200 bytes, elided with `…`",
    ]

    /// Codes whose example is about the bytes of a file, not its text: the explanation says the example
    /// is saved as Windows-1252, so the test saves it so (and the fix as UTF-8).
    static let savedAsWindows1252: Set<DiagnosticCode> = [.invalidUTF8]

    static let compiledCodes = DiagnosticCode.allCases.filter { exempt[$0] == nil }

    @Test func everyCodeHasExactlyOneExplanation() {
        var count: [DiagnosticCode: Int] = [:]
        for family in DiagnosticCode.explanationFamilies {
            for (code, _) in family { count[code, default: 0] += 1 }
        }
        for code in DiagnosticCode.allCases {
            #expect(count[code] == 1, "\(code.rawValue) is explained \(count[code] ?? 0) times")
        }
    }

    /// A fragment's other diagnostics come from the fragment, never from the sample it is placed in.
    @Test(arguments: Explanation.Setting.allCases)
    func sampleChecksClean(_ setting: Explanation.Setting) {
        guard setting != .catalog else { return }
        let source = Self.catalog("", in: setting)
        let diagnostics = Self.check(source, as: .utf8)
        #expect(diagnostics.isEmpty, "the sample in \(setting) is not clean:\n\(Self.render(diagnostics, of: source))")
    }

    @Test(arguments: compiledCodes)
    func exampleReportsItsCode(_ code: DiagnosticCode) throws {
        let explanation = try #require(DiagnosticCode.explanations[code])
        let source = Self.catalog(explanation.example.source, in: explanation.example.setting)
        let encoding: String.Encoding = Self.savedAsWindows1252.contains(code) ? .windowsCP1252 : .utf8
        let diagnostics = Self.check(source, as: encoding)
        #expect(diagnostics.contains { $0.code == code },
                "the example of \(code.rawValue) does not report it:\n\(source)\n\(Self.render(diagnostics, of: source, as: encoding))")
    }

    @Test(arguments: compiledCodes)
    func fixDoesNotReportItsCode(_ code: DiagnosticCode) throws {
        let explanation = try #require(DiagnosticCode.explanations[code])
        let source = Self.catalog(explanation.fix.source, in: explanation.fix.setting)
        let diagnostics = Self.check(source, as: .utf8)
        #expect(!diagnostics.contains { $0.code == code },
                "the fix of \(code.rawValue) still reports it:\n\(source)\n\(Self.render(diagnostics, of: source))")
    }

    /// A fix does not trade one error for another: every error it reports, the example reports too
    /// (a fragment's errors that come from its setting, such as a duplicate id, are in both).
    @Test(arguments: compiledCodes)
    func fixAddsNoError(_ code: DiagnosticCode) throws {
        let explanation = try #require(DiagnosticCode.explanations[code])
        let example = Self.check(Self.catalog(explanation.example.source, in: explanation.example.setting),
                                 as: Self.savedAsWindows1252.contains(code) ? .windowsCP1252 : .utf8)
        let fixSource = Self.catalog(explanation.fix.source, in: explanation.fix.setting)
        let fix = Self.check(fixSource, as: .utf8)
        let added = Set(fix.filter { $0.severity == .error }.map(\.code)).subtracting(example.map(\.code))
        #expect(added.isEmpty, """
            the fix of \(code.rawValue) reports \(added.map(\.rawValue).sorted()), which its example does not:
            \(fixSource)
            \(Self.render(fix, of: fixSource))
            """)
    }

    /// An exemption lasts only while it is needed: an exempt example that compiles to its code belongs
    /// with the others.
    @Test(arguments: Array(exempt.keys).sorted())
    func exemptExampleIsNotLiteralSource(_ code: DiagnosticCode) throws {
        let explanation = try #require(DiagnosticCode.explanations[code])
        #expect(explanation.example.source.contains("…"), "\(code.rawValue) is exempt but elides nothing")
        let source = Self.catalog(explanation.example.source, in: explanation.example.setting)
        #expect(!Self.check(source, as: .utf8).contains { $0.code == code },
                "\(code.rawValue) is exempt, yet its example reports it: compile it with the others")
    }

    // MARK: The sample catalog

    static func check(_ source: String, as encoding: String.Encoding) -> [Diagnostic] {
        let bytes = Array(source.data(using: encoding) ?? Data(source.utf8))
        return CatalogCompiler.check([SourceFile(path: "example.plancat", bytes: bytes)]).diagnostics
    }

    /// The diagnostics that `check` found in `source`, the only file of its check (`FileID.first`).
    static func render(_ diagnostics: [Diagnostic], of source: String, as encoding: String.Encoding = .utf8) -> String {
        let bytes = Array(source.data(using: encoding) ?? Data(source.utf8))
        return TextDiagnosticRenderer(usesColor: false).render(
            diagnostics, in: FileTable(SourceFile(path: "example.plancat", bytes: bytes)))
    }

    /// `fragment` placed where `setting` says, indented to its block.
    static func catalog(_ fragment: String, in setting: Explanation.Setting) -> String {
        func at(_ place: Explanation.Setting, indent: Int) -> String {
            guard place == setting, !fragment.isEmpty else { return "" }
            let pad = String(repeating: " ", count: indent)
            return fragment.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
        }
        switch setting {
        case .catalog:
            return fragment + "\n"
        case .declarations:
            return declarations + "\n" + at(.declarations, indent: 0)
        case .topLevel, .plan, .secondPlan, .price, .pricingTable:
            return declarations + "\n" + plans(plan: at(.plan, indent: 2), secondPlan: at(.secondPlan, indent: 2),
                                              price: at(.price, indent: 4), pricingTable: at(.pricingTable, indent: 2))
                + "\n" + at(.topLevel, indent: 0)
        }
    }

    static let declarations = """
        currency USD

        metric api-calls {
          name "API calls"
        }

        feature advanced-reports {
          name "Advanced reports"
          type boolean
        }

        feature team-members {
          name "Team members"
          type number
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
        }

        feature support {
          name "Support"
          type text
        }

        feature messages {
          name "Messages"
          type number
        }

        """

    static func plans(plan: String, secondPlan: String, price: String, pricingTable: String) -> String {
        """
        plan plan_free {
          name "Free"
          price price_free_monthly {
            interval month
            component comp_base { fixed 0 }
          }
        }

        plan plan_pro {
          name "Pro"
          features {
            advanced-reports
            api-calls
            team-members 10
          }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29 }
            component comp_usage_api { usage api-calls; unit-price 0.002 }
        \(price)  }
          price price_pro_monthly_eur {
            currency EUR
            interval month
            component comp_base { fixed 27 }
          }
          credit pro_api_quota {
            name "Included API calls"
            applies-to api-calls
            amount 10000
          }
        \(plan)}

        plan plan_business {
          name "Business"
          price price_business_yearly {
            interval year
            component comp_base { fixed 99 }
          }
        \(secondPlan)}

        pricing-table pricing {
          row plan_free
          row plan_pro { popular }
          row plan_business
        \(pricingTable)}

        """
    }
}
