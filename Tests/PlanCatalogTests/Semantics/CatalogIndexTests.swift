import Testing
@testable import PlanCatalog

/// The check index interns ids and resolves references once: a repeated id resolves to its first
/// definition, an unknown name to nothing, and per-owner lists keep their members' order.
@Suite struct CatalogIndexTests {
    static func index(_ source: String) -> CatalogIndex {
        CatalogIndex(CatalogCompiler.check([SourceFile(path: "test.plancat", text: source)]).catalog)
    }

    static let source = """
        catalog "Index"
        currency USD
        metric api-calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api-calls; metric nothing }
        feature reports { name "Reports"; type boolean }
        plan plan_pro {
          name "Pro"
          features { reports; api-calls; missing-feature }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29 }
            component comp_api { usage api-calls; unit-price 0.002 }
          }
          credit quota { name "Quota"; applies-to price_pro_monthly.comp_api; amount 100 }
          credit other { name "Other"; applies-to price_nowhere.comp_api; amount 100 }
          credit direct { name "Direct"; applies-to api-calls; amount 100 }
        }
        plan plan_pro {
          name "Pro again"
          price price_twin { interval month; component comp_base { fixed 1 } }
        }
        plan plan_trial { name "Trial"; trial-of plan_pro; trial-days 14 }
        plan plan_orphan { name "Orphan"; trial-of plan_gone; trial-days 14 }
        pricing-table main { row plan_pro; row plan_unknown }
        quote acme { plan plan_pro; customer "Acme"; price price_acme { interval year; component base { fixed 1 } } }
        """

    @Test("a repeated id resolves to its first definition; the later one keeps its own place")
    func repeatedIDs() {
        let index = Self.index(Self.source)
        #expect(index.plans.hasRepeatedIDs)
        #expect(!index.features.hasRepeatedIDs)
        #expect(index.plans.id(named: "plan_pro") == PlanID(0))
        #expect(index.plans.resolvedID(at: 1) == PlanID(0))
        #expect(index.plans.resolvedID(at: 2) == PlanID(2))
        #expect(index.plans[PlanID(1)].name == "Pro again")
        #expect(index.plans.id(named: "plan_gone") == nil)
        #expect(Set(index.plans.names) == ["plan_pro", "plan_trial", "plan_orphan"])
    }

    @Test("references resolve once: trial-of, features lines, metric lines, rows and quote plans")
    func references() {
        let index = Self.index(Self.source)
        #expect(index.trialParents == [nil, nil, PlanID(0), nil])
        let reports = index.features.id(named: "reports"), apiCalls = index.features.id(named: "api-calls")
        #expect(Array(index.ownGrantFeatures[0]) == [reports, apiCalls, nil])
        #expect(Array(index.grantedFeatures(of: PlanID(2))) == [reports, apiCalls, nil])
        #expect(index.grantedFeatures(of: PlanID(3)).isEmpty)
        #expect(Array(index.featureMetrics[0]) == [index.metrics.id(named: "api-calls"), nil])
        #expect(Array(index.componentMetrics[0]) == [nil, index.metrics.id(named: "api-calls")])
        #expect(Array(index.rowPlans[0]) == [PlanID(0), nil])
        #expect(index.quotePlans == [PlanID(0)])
        #expect(!index.planReferencesAreKnown)
    }

    @Test("a plan's own prices and a quote's for it bill under the plan; each price knows its plan")
    func pricesByPlan() {
        let index = Self.index(Self.source)
        let names = { (plan: Int) in index.pricesBilled(under: PlanID(plan)).map { index.prices[$0].id.value } }
        #expect(names(0) == ["price_pro_monthly", "price_acme"])
        // The twin's id is `plan_pro` too: quotes for that id bill under it as well.
        #expect(names(1) == ["price_twin", "price_acme"])
        #expect(names(2).isEmpty)
        #expect(index.hasQuotePrices(for: PlanID(0)) && !index.hasQuotePrices(for: PlanID(2)))
        #expect(index.priceOwners == [PlanID(0), PlanID(0), nil])
    }

    @Test("applies-to resolves to a feature, or to a price and the place of its component")
    func creditTargets() {
        let index = Self.index(Self.source)
        let targets = Array(index.creditTargets[0])
        guard case .component(let price?, let component?) = targets[0] else {
            Issue.record("`quota` applies to a known component: \(targets[0])")
            return
        }
        #expect(index.prices[price].id.value == "price_pro_monthly" && component == 1)
        guard case .component(nil, nil) = targets[1] else {
            Issue.record("`other` names no price: \(targets[1])")
            return
        }
        guard case .feature(let feature?) = targets[2] else {
            Issue.record("`direct` applies to a feature: \(targets[2])")
            return
        }
        #expect(index.features[feature].slug.value == "api-calls")
        #expect(index.creditTargets[1].isEmpty)
    }

    @Test("grouped members keep the order they were given, by owner")
    func groups() {
        let groups = IDGroups<PlanID>([(owner: 2, member: PlanID(5)), (owner: 0, member: PlanID(1)),
                                       (owner: 2, member: PlanID(3))], ownerCount: 3)
        #expect(Array(groups[0]) == [PlanID(1)])
        #expect(groups[1].isEmpty)
        #expect(Array(groups[2]) == [PlanID(5), PlanID(3)])
        #expect(groups.member(1, of: 2) == PlanID(3))
        #expect(!groups.isEmpty && IDGroups<PlanID>([], ownerCount: 2).isEmpty)
    }
}
