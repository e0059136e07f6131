/// LANGUAGE.md §4.4: every plan, feature, metric, price and component named resolves, with a
/// did-you-mean suggestion and a fix-it when a defined id is close.
///
/// A suggestion compares the name with every id of its kind, so it is offered for the first
/// `maximumSuggestions` unknown names only: a generated catalog with 100,000 broken references and
/// 100,000 ids would otherwise take 10^10 comparisons, for suggestions no one would read.
struct ReferenceChecks {
    static let maximumSuggestions = 100

    private var diagnostics: [Diagnostic] = []
    private var suggestionsLeft = Self.maximumSuggestions
    /// Each kind's ids, sorted once, so that a suggestion is the same whatever the dictionary order.
    private var sortedIDs: [EntityKind: [String]] = [:]
    /// Definitions refused at the top level (`plan "plan_pro" {`), by the id they were meant to have: a
    /// reference to that id is not reported again.
    private var refused = RefusedStatements()

    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        // Each report below is of a reference the index could not resolve.
        guard !index.everyReferenceResolves else { return }
        var checks = ReferenceChecks()
        checks.check(index)
        diagnostics += checks.diagnostics
    }

    /// The index resolved every reference once; here each one that resolved to nothing is reported, in
    /// the order of the catalog.
    private mutating func check(_ index: CatalogIndex) {
        let catalog = index.catalog
        refused = catalog.refusedStatements
        for (position, feature) in catalog.features.enumerated() {
            for (metric, resolved) in zip(feature.metricIDs, index.featureMetrics[position]) where resolved == nil {
                report(metric, among: index.metrics, kind: .metric, code: .unknownMetric)
            }
        }
        for (position, plan) in catalog.plans.enumerated() {
            if let parent = plan.trialOf, index.trialParents[position] == nil {
                report(parent, among: index.plans, kind: .plan, code: .unknownPlan)
            }
            for (grant, resolved) in zip(plan.grants ?? [], index.ownGrantFeatures[position]) where resolved == nil {
                report(grant.slug, among: index.features, kind: .feature, code: .unknownFeature)
            }
            for (credit, target) in zip(plan.credits, index.creditTargets[position]) {
                checkTarget(of: credit, resolved: target, in: index)
            }
        }
        for (position, price) in index.allPrices.enumerated() {
            for (component, resolved) in zip(price.components, index.componentMetrics[position]) where resolved == nil {
                if let metric = component.usageMetric {
                    report(metric, among: index.metrics, kind: .metric, code: .unknownMetric)
                }
            }
        }
        for (position, table) in catalog.pricingTables.enumerated() {
            for (row, resolved) in zip(table.rows, index.rowPlans[position]) where resolved == nil {
                report(row.planID, among: index.plans, kind: .plan, code: .unknownPlan)
            }
        }
        for (quote, resolved) in zip(catalog.quotes, index.quotePlans) where resolved == nil {
            if let plan = quote.planID {
                report(plan, among: index.plans, kind: .plan, code: .unknownPlan)
            }
        }
    }

    private mutating func checkTarget(of credit: CreditDefinition, resolved: CatalogIndex.AppliesTo,
                                      in index: CatalogIndex) {
        guard let target = credit.appliesTo else { return }
        switch (target.value, resolved) {
        case (.feature(let slug), .feature(let feature)):
            if feature == nil {
                report(Located(slug, at: target.location), among: index.features, kind: .feature, code: .unknownFeature)
            }
        case (.component(let priceID, let componentID), .component(let price, let component)):
            // Each part of `price.component` is pointed at on its own.
            let words = Argument.wordSpans(ofReference: target.location.span, first: priceID, second: componentID)
            guard let price else {
                report(Located(priceID, at: SourceLocation(file: target.location.file, span: words.first)),
                       among: index.prices, kind: .price, code: .unknownPrice)
                return
            }
            guard !componentID.isEmpty else { return } // a malformed reference, already reported
            guard component == nil else { return }
            let componentIDs = index.prices[price].components.map(\.id.value)
            let location = SourceLocation(file: target.location.file, span: words.second)
            let suggestion = suggest(componentID, among: componentIDs)
            diagnostics.append(Diagnostic(
                .unknownComponent, "unknown component `\(componentID)` in price `\(priceID)`", at: location,
                label: "price `\(priceID)` has no component with this id",
                help: Suggestion.help(suggestion)
                    ?? "its components are " + componentIDs.map { "`\($0)`" }.joined(separator: ", "),
                fixes: Diagnostic.replacement(at: location, with: suggestion)))
        default:
            preconditionFailure("the index resolves `applies-to` as written")
        }
    }

    /// Reports `reference`, which names no element of `kind`.
    private mutating func report<Element>(_ reference: Located<String>, among elements: IDTable<Element>,
                                          kind: EntityKind, code: DiagnosticCode) {
        // A name with letters outside ASCII was reported by the lexer (E0117).
        guard reference.value.utf8.allSatisfy({ $0 < 0x80 }),
              !refused.containsRefusedDefinition(kind.rawValue, id: reference.value) else { return }
        let suggestion = suggestionsLeft > 0 ? suggest(reference.value, among: ids(of: kind, in: elements)) : nil
        diagnostics.append(Self.unknown(reference, kind: kind, code: code, suggestion: suggestion))
    }

    /// The report of a reference to an element of `kind` that does not exist, with `suggestion` as its
    /// did-you-mean and fix-it: worded once, for these checks and the scenarios' (`ScenarioChecks`).
    static func unknown(_ reference: Located<String>, kind: EntityKind, code: DiagnosticCode,
                        suggestion: String?) -> Diagnostic {
        Diagnostic(code, "unknown \(kind.rawValue) `\(reference.value)`", at: reference.location,
                   label: "no \(kind.rawValue) with this id", help: Suggestion.help(suggestion),
                   fixes: Diagnostic.replacement(at: reference.location, with: suggestion))
    }

    private mutating func suggest(_ name: String, among candidates: [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestion.closest(to: name, among: candidates)
    }

    private mutating func ids<Element>(of kind: EntityKind, in elements: IDTable<Element>) -> [String] {
        if let sorted = sortedIDs[kind] { return sorted }
        let sorted = elements.names.sorted()
        sortedIDs[kind] = sorted
        return sorted
    }
}
