import Testing
@testable import PlanCatalog

/// The defaults the compiler writes and import leaves out (`CatalogDefaults`, `CreditRenewal+Lumen`):
/// each is stated once, and a statement equal to it is not written back.
@Suite struct CatalogDefaultsTests {
    @Test("every renewal reads back from the fields it writes", arguments: CreditRenewal.allCases)
    func renewalRoundTrip(_ renewal: CreditRenewal) {
        #expect(CreditRenewal(renewsOnBilling: renewal.renewsOnBilling, refillPeriod: renewal.refillPeriod) == renewal)
    }

    @Test("fields no renewal writes read back as none")
    func unsayableRenewals() {
        #expect(CreditRenewal(renewsOnBilling: true, refillPeriod: .monthly) == nil)
        #expect(CreditRenewal(renewsOnBilling: false, refillPeriod: BillingPeriod(interval: .month, count: 3)) == nil)
    }

    @Test("the button: enterprise first, then a trial, else Get started", arguments: [
        (true, true, "Contact sales"), (true, false, "Contact sales"), (false, true, "Start free trial"),
        (false, false, "Get started"),
    ])
    func buttonText(_ isEnterprise: Bool, _ hasTrial: Bool, _ expected: String) {
        #expect(CatalogDefaults.buttonText(isEnterprise: isEnterprise, hasTrial: hasTrial) == expected)
    }

    @Test("a credit is billing-visible by default unless it is a usage credit applied to a feature")
    func billingVisibility() {
        #expect(CatalogDefaults.isBillingVisible(isMonetary: true, appliesToComponent: false))
        #expect(CatalogDefaults.isBillingVisible(isMonetary: false, appliesToComponent: true))
        #expect(!CatalogDefaults.isBillingVisible(isMonetary: false, appliesToComponent: false))
    }

    @Test("statements equal to a default are not written back by import, and others are")
    func importLeavesOutDefaults() throws {
        let source = """
            currency USD
            metric api_calls { name "API calls" }
            feature api-calls { name "API calls"; type usage; metric api_calls }
            plan plan_team {
              name "Team"
              features { api-calls }
              price price_team {
                interval month
                component seats { per-seat 9; unit "seat"; bill-immediately true }
                component calls { usage api_calls; unit-price 0.001 }
              }
              credit quota { name "Quota"; applies-to price_team.calls; amount 100; billing-visible true; renew monthly }
              credit bonus { name "Bonus"; applies-to api-calls; amount 10; billing-visible true }
            }
            plan plan_team_trial { name "Team trial"; trial-of plan_team; trial-days 7 }
            pricing-table main { row plan_team { popular "Most popular"; button "Start free trial" } }
            """
        let output = try #require(CatalogCompiler.build([SourceFile(path: "defaults.plancat", text: source)]).output)
        let credits = output.document.creditDefinitions
        #expect(credits.map(\.billingVisible) == [true, true])
        #expect(credits.first { $0.id == "quota" }?.refillPeriod == .monthly)
        let imported = try CatalogImporter.source(for: output.document)
        for defaulted in ["unit \"seat\"", "bill-immediately", "button", "\"Most popular\"", "renew on-billing"] {
            #expect(!imported.contains(defaulted), "\(defaulted) in \(imported)")
        }
        #expect(imported.contains("renew monthly"), "\(imported)")
        #expect(imported.components(separatedBy: "billing-visible true").count == 2,
                "only the feature credit's visibility differs from its default: \(imported)")
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "imported.plancat", text: imported)]).output)
        #expect(rebuilt.document == output.document)
    }
}
