/// LANGUAGE.md §4.6: trial links. A trial names an existing plan that is not itself a trial, lasts 1 to
/// 365 days, a plan has at most one trial, and a trial plan is never a pricing-table row.
enum TrialChecks {
    static let dayRange = 1...365

    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let catalog = index.catalog
        for (position, plan) in catalog.plans.enumerated() {
            switch (plan.trialOf, plan.trialDays) {
            case (nil, let days?) where !index.wasRefused("trial-of", in: plan.location):
                diagnostics.append(Diagnostic(
                    .trialDaysWithoutTrialOf, "`trial-days` on plan `\(plan.id.value)`, which is not a trial",
                    at: days.location, label: "only a trial plan has a trial length",
                    help: "add `trial-of PLAN` to make this a trial of that plan, or remove `trial-days`"))
            case (let trialOf?, nil) where !index.wasRefused("trial-days", in: plan.location):
                diagnostics.append(Diagnostic(
                    .trialOfWithoutTrialDays, "trial plan `\(plan.id.value)` has no `trial-days`",
                    at: trialOf.location, label: "how long does the trial last?",
                    help: "add `trial-days 14` (any whole number from 1 to 365)"))
            default:
                break
            }
            if plan.isTrial, let days = plan.trialDays, !dayRange.contains(days.value) {
                diagnostics.append(Diagnostic(
                    .trialDaysOutOfRange, "a trial of \(days.value) days is outside 1 to 365", at: days.location,
                    label: "out of range", help: "a trial lasts from 1 to 365 days"))
            }
            if let trialOf = plan.trialOf, let parentID = index.trialParents[position] {
                let parent = index.plans[parentID]
                if parentID == index.plans.resolvedID(at: position) {
                    diagnostics.append(Diagnostic(
                        .trialOfTrial, "plan `\(plan.id.value)` is a trial of itself", at: trialOf.location,
                        label: "a trial names another, paid plan"))
                } else if let grandparent = parent.trialOf {
                    diagnostics.append(Diagnostic(
                        .trialOfTrial, "`\(plan.id.value)` is a trial of `\(parent.id.value)`, which is itself a trial",
                        at: trialOf.location, label: "trials cannot be chained",
                        notes: [Diagnostic.Note("`\(parent.id.value)` is a trial of `\(grandparent.value)`",
                                                at: grandparent.location)],
                        help: "make it a trial of the paid plan itself: `trial-of \(grandparent.value)`"))
                }
            }
        }
        // By the parent's id, as a reader looks them up.
        var parents: [(name: String, trials: [Plan])] = index.trialsOfUnknownParents.map { ($0.key, $0.value) }
        for parentID in index.plans.elements.indices.map(PlanID.init) where index.trialsByParent[parentID.index].count > 1 {
            parents.append((index.plans[parentID].id.value, index.trialsByParent[parentID.index].map { index.plans[$0] }))
        }
        for (parentID, trials) in parents.sorted(by: { $0.name < $1.name }) where trials.count > 1 {
            for trial in trials.dropFirst() {
                diagnostics.append(Diagnostic(
                    .secondTrial, "plan `\(parentID)` has more than one trial", at: trial.trialOf!.location,
                    label: "`\(trial.id.value)` is a second trial",
                    notes: [Diagnostic.Note("`\(trials[0].id.value)` is already its trial", at: trials[0].trialOf!.location)],
                    help: "a pricing table shows one trial per plan; keep one trial plan"))
            }
        }
        for (position, table) in catalog.pricingTables.enumerated() {
            for (row, planID) in zip(table.rows, index.rowPlans[position]) {
                guard let planID, let parent = index.plans[planID].trialOf else { continue }
                let plan = index.plans[planID]
                diagnostics.append(Diagnostic(
                    .trialPlanInPricingTable, "trial plan `\(plan.id.value)` cannot be a row of a pricing table",
                    at: row.planID.location, label: "a trial is shown on its parent's row",
                    help: "show `\(parent.value)` instead; its row offers the trial automatically"))
            }
        }
    }
}
