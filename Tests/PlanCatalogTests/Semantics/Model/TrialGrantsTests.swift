import Testing
@testable import PlanCatalog

/// What a trial grants (`Plan.grants(own:trialParent:)`): without a `features` block, exactly its
/// parent's features; with one, exactly what it lists. The checks, entitlements.json and import each
/// read it through that one rule.
@Suite struct TrialGrantsTests {
    static func source(trialFeatures: String) -> String {
        """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls; unit "API call" }
        feature seats { name "Seats"; type number }
        plan plan_pro {
          name "Pro"
          features {
            api-calls
            seats 10
          }
          price price_pro { interval month; component base { fixed 29 } }
        }
        plan plan_pro_trial {
          name "Pro trial"
          trial-of plan_pro
          trial-days 14
        \(trialFeatures)
          credit trial_quota { name "Trial quota"; applies-to api-calls; amount 100; renew never }
        }
        """
    }

    static func check(_ source: String) -> CheckResult {
        CatalogCompiler.check([SourceFile(path: "trial.plancat", text: source)])
    }

    @Test("the rule: a plan's own block; else a trial's parent's, unless that parent is a trial; else nothing")
    func rule() {
        #expect(Plan.grants(own: ["a"], trialParent: (["b"], false)) == ["a"])
        #expect(Plan.grants(own: [], trialParent: (["b"], false)) == [])
        #expect(Plan.grants(own: nil, trialParent: (["b"], false)) == ["b"])
        #expect(Plan.grants(own: nil, trialParent: (["b"], true)) == [])
        #expect(Plan.grants(own: nil, trialParent: (nil, false)) == [String]())
        #expect(Plan.grants(own: nil, trialParent: nil) == [String]())
    }

    @Test("a trial without a features block may apply a credit to its parent's feature, and is entitled to it")
    func inheritedGrants() throws {
        let result = CatalogCompiler.build([SourceFile(path: "trial.plancat", text: Self.source(trialFeatures: ""))])
        #expect(!result.check.diagnostics.contains { $0.code == .creditFeatureNotGranted })
        let output = try #require(result.output)
        let entitlements = try JSONParser.parse(try #require(output.file(at: "entitlements.json")).bytes)
        let trial = try #require(entitlements["plans"]?["plan_pro_trial"])
        #expect(trial["seats"]?["value"] == 10)
        #expect(trial["api-calls"]?["creditAllowance"] == 100)
        #expect(trial["api-calls"]?["renewOnBilling"] == false)
        let compiled = try #require(output.document.plans.first { $0.id == "plan_pro_trial" })
        #expect(compiled.features.map(\.slug) == ["api-calls", "seats"])
        // Import leaves out the block that would say no more than the parent's.
        let imported = try CatalogImporter.source(for: output.document)
        #expect(imported.components(separatedBy: "features {").count == 2, "\(imported)")
    }

    @Test("a trial with its own block grants only what it lists: a credit for a parent's feature is refused")
    func ownBlockWins() throws {
        let result = Self.check(Self.source(trialFeatures: "  features { seats 5 }"))
        let refused = result.diagnostics.filter { $0.code == .creditFeatureNotGranted }
        #expect(refused.count == 1)
        #expect(refused.first?.message.contains("plan_pro_trial") == true)
    }

    @Test("a trial's own block that differs from its parent's is written back by import")
    func differingOwnBlockIsWritten() throws {
        let source = Self.source(trialFeatures: "  features { api-calls }")
        let output = try #require(CatalogCompiler.build([SourceFile(path: "trial.plancat", text: source)]).output)
        let imported = try CatalogImporter.source(for: output.document)
        #expect(imported.components(separatedBy: "features {").count == 3, "\(imported)")
        let rebuilt = try #require(CatalogCompiler.build([SourceFile(path: "imported.plancat", text: imported)]).output)
        #expect(rebuilt.document == output.document)
    }

    @Test("a plan is free with at least one price and nothing charged; import refuses an isFree that says otherwise")
    func isFree() throws {
        #expect(Plan.isFree(prices: [true, true], chargesNothing: { $0 }))
        #expect(!Plan.isFree(prices: [true, false], chargesNothing: { $0 }))
        #expect(!Plan.isFree(prices: [Bool](), chargesNothing: { $0 }))
        let output = try #require(CatalogCompiler.build([SourceFile(path: "trial.plancat", text: Self.source(trialFeatures: ""))]).output)
        var document = output.document
        let position = try #require(document.plans.firstIndex { $0.id == "plan_pro" })
        document.plans[position].isFree = true
        #expect(throws: ImportError.self) { try CatalogImporter.source(for: document) }
    }
}
