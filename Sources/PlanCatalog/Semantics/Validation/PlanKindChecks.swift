/// LANGUAGE.md §3 and §4.5: free and placeholder plans. A free plan may not carry a monetary credit; a
/// trial's parent must be a paid plan; a trial charges nothing; and a plan without a price is expected
/// only where customers reach it another way (an enterprise row, a quote, a trial), else it is a warning.
enum PlanKindChecks {
    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let catalog = index.catalog
        // Which plans a row or quote names, by the plan its id resolves to.
        var isRowPlan = [Bool](repeating: false, count: catalog.plans.count)
        for table in catalog.pricingTables.indices {
            for case let planID? in index.rowPlans[table] { isRowPlan[planID.index] = true }
        }
        var isQuoted = [Bool](repeating: false, count: catalog.plans.count)
        for case let planID? in index.quotePlans { isQuoted[planID.index] = true }

        for (position, plan) in catalog.plans.enumerated() {
            if plan.isFree, index.pricesAreKnown(of: plan) {
                for credit in plan.credits where credit.applicationType == .monetary {
                    diagnostics.append(Diagnostic(
                        .monetaryCreditOnFreePlan,
                        "free plan `\(plan.id.value)` carries the monetary credit `\(credit.id.value)`",
                        at: credit.type?.location ?? credit.location, label: "a free plan has nothing to discount",
                        notes: [Diagnostic.Note("the plan is free because every component of every price is 0",
                                                at: plan.location)],
                        help: "remove the credit, or make it a usage credit for an included quota"))
                }
            }
            if let trialOf = plan.trialOf, let parent = index.trialParents[position].map({ index.plans[$0] }), !parent.isTrial,
               parent.isFree || parent.isPlaceholder, index.pricesAreKnown(of: parent) {
                let what = parent.isFree ? "is free" : "has no price"
                diagnostics.append(Diagnostic(
                    .trialParentNotPaid, "trial `\(plan.id.value)` is a trial of `\(parent.id.value)`, which \(what)",
                    at: trialOf.location, label: "a trial must lead to a paid plan",
                    notes: [Diagnostic.Note("`\(parent.id.value)` is defined here", at: parent.location)],
                    help: "at the trial's end the subscription moves to the parent's price; give "
                        + "`\(parent.id.value)` a paid price, or make this an ordinary plan"))
            }
            if plan.isTrial {
                for price in plan.prices where !price.chargesNothing {
                    diagnostics.append(Diagnostic(
                        .trialPlanCharges, "trial plan `\(plan.id.value)` charges money with price `\(price.id.value)`",
                        at: price.location, label: "a trial charges nothing",
                        help: "remove the price (a trial needs none), or set every component to 0"))
                }
            }
            if plan.isPlaceholder, !plan.isTrial, !isRowPlan[index.plans.resolvedID(at: position).index],
               !isQuoted[index.plans.resolvedID(at: position).index],
               // A row or quote naming an unknown plan may mean this one; a refused `price` may be its price.
               index.planReferencesAreKnown, !index.wasRefused("price", in: plan.location) {
                diagnostics.append(Diagnostic(
                    .unusedPlaceholderPlan, "plan `\(plan.id.value)` has no price, so customers cannot subscribe to it",
                    at: plan.location, label: "placeholder plan",
                    help: "give it a price, show it as an `enterprise` row of a pricing table, or quote it"))
            }
        }
    }
}
