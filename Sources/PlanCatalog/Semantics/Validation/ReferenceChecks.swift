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
        var checks = ReferenceChecks()
        checks.check(index)
        diagnostics += checks.diagnostics
    }

    private mutating func check(_ index: CatalogIndex) {
        let catalog = index.catalog
        refused = catalog.refusedStatements
        for feature in catalog.features {
            for metric in feature.metricIDs {
                resolve(metric, in: index.metrics, kind: .metric, code: .unknownMetric)
            }
        }
        for plan in catalog.plans {
            if let parent = plan.trialOf {
                resolve(parent, in: index.plans, kind: .plan, code: .unknownPlan)
            }
            for grant in plan.grants ?? [] {
                resolve(grant.slug, in: index.features, kind: .feature, code: .unknownFeature)
            }
            for credit in plan.credits {
                checkTarget(of: credit, in: index)
            }
        }
        for price in index.allPrices {
            for component in price.components {
                if let metric = component.usageMetric {
                    resolve(metric, in: index.metrics, kind: .metric, code: .unknownMetric)
                }
            }
        }
        for table in catalog.pricingTables {
            for row in table.rows {
                resolve(row.planID, in: index.plans, kind: .plan, code: .unknownPlan)
            }
        }
        for quote in catalog.quotes {
            if let plan = quote.planID {
                resolve(plan, in: index.plans, kind: .plan, code: .unknownPlan)
            }
        }
    }

    private mutating func checkTarget(of credit: CreditDefinition, in index: CatalogIndex) {
        guard let target = credit.appliesTo else { return }
        switch target.value {
        case .feature(let slug):
            resolve(Located(slug, at: target.location), in: index.features, kind: .feature, code: .unknownFeature)
        case .component(let priceID, let componentID):
            guard let price = index.prices[priceID] else {
                // Point at the price part of `price.component`.
                let span = Span(start: target.location.span.start,
                                end: target.location.span.start + priceID.utf8.count)
                resolve(Located(priceID, at: SourceLocation(file: target.location.file, span: span)),
                        in: index.prices, kind: .price, code: .unknownPrice)
                return
            }
            guard !componentID.isEmpty else { return } // a malformed reference, already reported
            let componentIDs = price.components.map(\.id.value)
            guard !componentIDs.contains(componentID) else { return }
            let span = Span(start: target.location.span.end - componentID.utf8.count, end: target.location.span.end)
            let location = SourceLocation(file: target.location.file, span: span)
            let suggestion = suggest(componentID, among: componentIDs)
            diagnostics.append(Diagnostic(
                .unknownComponent, "unknown component `\(componentID)` in price `\(priceID)`", at: location,
                label: "price `\(priceID)` has no component with this id",
                help: Suggestion.help(suggestion)
                    ?? "its components are " + componentIDs.map { "`\($0)`" }.joined(separator: ", "),
                fixes: Diagnostic.replacement(at: location, with: suggestion)))
        }
    }

    /// Reports `reference` when no element of `kind` has its id.
    private mutating func resolve<Element>(_ reference: Located<String>, in elements: [String: Element],
                                           kind: EntityKind, code: DiagnosticCode) {
        // A name with letters outside ASCII was reported by the lexer (E0117).
        guard elements[reference.value] == nil, reference.value.utf8.allSatisfy({ $0 < 0x80 }),
              !refused.containsRefusedDefinition(kind.rawValue, id: reference.value) else { return }
        let suggestion = suggestionsLeft > 0 ? suggest(reference.value, among: ids(of: kind, in: elements)) : nil
        diagnostics.append(Diagnostic(
            code, "unknown \(kind.rawValue) `\(reference.value)`", at: reference.location,
            label: "no \(kind.rawValue) with this id", help: Suggestion.help(suggestion),
            fixes: Diagnostic.replacement(at: reference.location, with: suggestion)))
    }

    private mutating func suggest(_ name: String, among candidates: [String]) -> String? {
        guard suggestionsLeft > 0 else { return nil }
        suggestionsLeft -= 1
        return Suggestion.closest(to: name, among: candidates)
    }

    private mutating func ids<Element>(of kind: EntityKind, in elements: [String: Element]) -> [String] {
        if let sorted = sortedIDs[kind] { return sorted }
        let sorted = elements.keys.sorted()
        sortedIDs[kind] = sorted
        return sorted
    }
}
