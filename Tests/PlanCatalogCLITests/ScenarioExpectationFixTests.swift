import Foundation
import PlanCatalog
import Testing
@testable import PlanCatalogCLI

/// A deliberate price change and its scenarios: `check` reports each `expect` that no longer holds
/// (E1108) with the amount computed, and `check --fix` writes the computed amounts, so that one command
/// updates a pricing's expectations (PREVIEW.md § 3).
@Suite struct ScenarioExpectationFixTests {
    /// PREVIEW.md's example with the seat price given, and its expectations.
    private static func catalog(perSeat: String, subtotal: String, total: String, credits: String = "-25") -> String {
        """
        currency USD

        metric api-calls {
          name "API calls"
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
        }

        plan plan_team {
          name "Team"
          features {
            api-calls
          }
          price price_team_monthly {
            interval month
            component comp_platform { fixed 49 }
            component comp_seats { per-seat \(perSeat) }
            component comp_api { usage api-calls; unit-price 0.0015 }
          }
          credit team_api_quota {
            name "Included API calls"
            applies-to price_team_monthly.comp_api
            amount 2000
          }
          credit welcome_credit {
            name "Welcome credit"
            type monetary
            amount 25
          }
        }

        scenario acme_march {
          price price_team_monthly
          start 2026-03-01
          seats 5
          seats 7 from 2026-03-17
          usage api-calls 48_213
          expect subtotal \(subtotal)
          expect credits \(credits)
          expect total \(total)
        }

        """
    }

    @Test func theSpecificationsExampleHolds() throws {
        let directory = try TemporaryDirectory(["team.plancat": Self.catalog(perSeat: "12", subtotal: "177.93",
                                                                             total: "152.93")])
        let (status, terminal) = directory.run(["check", "team.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == "checked 1 catalog: no problems\n")
    }

    @Test func aPriceChangeIsReportedAtEachExpectationThatNoLongerHolds() throws {
        let directory = try TemporaryDirectory(["team.plancat": Self.catalog(perSeat: "14", subtotal: "177.93",
                                                                             total: "152.93")])
        let (status, terminal) = directory.run(["check", "team.plancat"])
        #expect(status == ExitStatus.failure)
        #expect(terminal.standardError.contains(
            "error[E1108]: scenario `acme_march`: the subtotal is $189.87, not the expected $177.93"))
        #expect(terminal.standardError.contains(
            "error[E1108]: scenario `acme_march`: the total is $164.87, not the expected $152.93"))
        // The monetary credit still comes to $25: that expectation holds and is not reported.
        #expect(!terminal.standardError.contains("the credits"))
        #expect(terminal.standardError.hasSuffix("checked 1 catalog: 2 errors\n"))
    }

    @Test func checkFixWritesTheComputedAmounts() throws {
        let directory = try TemporaryDirectory(["team.plancat": Self.catalog(perSeat: "14", subtotal: "177.93",
                                                                             total: "152.93")])
        let (status, terminal) = directory.run(["check", "--fix", "team.plancat"])
        #expect(status == ExitStatus.success)
        #expect(terminal.standardError == """
            fixed 2 problems in team.plancat
            checked 1 catalog: no problems

            """)
        let fixed = try String(contentsOfFile: directory.path + "/team.plancat", encoding: .utf8)
        #expect(fixed == Self.catalog(perSeat: "14", subtotal: "189.87", total: "164.87"))
    }

    @Test func aFixWritesEveryMinorUnitDigitAndTheSign() throws {
        // A $0 seat price leaves $49 + $72.32 − $15.00; written with its cents. A credits line expecting
        // nothing is written as the negative amount computed.
        let directory = try TemporaryDirectory(["team.plancat": Self.catalog(perSeat: "0", subtotal: "1",
                                                                             total: "1", credits: "0")])
        #expect(directory.run(["check", "--fix", "team.plancat"]).status == ExitStatus.success)
        let fixed = try String(contentsOfFile: directory.path + "/team.plancat", encoding: .utf8)
        #expect(fixed == Self.catalog(perSeat: "0", subtotal: "106.32", total: "81.32", credits: "-25.00"))
    }
}
