/// LANGUAGE.md §4.4: every plan, feature, metric, price and component named resolves, with a
/// did-you-mean suggestion and a fix-it when a defined id is close.
enum ReferenceChecks {
    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let catalog = index.catalog
        for feature in catalog.features {
            for metric in feature.metricIDs {
                resolve(metric, in: index.metrics, kind: .metric, code: .unknownMetric, into: &diagnostics)
            }
        }
        for plan in catalog.plans {
            if let parent = plan.trialOf {
                resolve(parent, in: index.plans, kind: .plan, code: .unknownPlan, into: &diagnostics)
            }
            for grant in plan.grants ?? [] {
                resolve(grant.slug, in: index.features, kind: .feature, code: .unknownFeature, into: &diagnostics)
            }
            for credit in plan.credits {
                checkTarget(of: credit, in: index, into: &diagnostics)
            }
        }
        for price in index.allPrices {
            for component in price.components {
                if let metric = component.usageMetric {
                    resolve(metric, in: index.metrics, kind: .metric, code: .unknownMetric, into: &diagnostics)
                }
            }
        }
        for table in catalog.pricingTables {
            for row in table.rows {
                resolve(row.planID, in: index.plans, kind: .plan, code: .unknownPlan, into: &diagnostics)
            }
        }
        for quote in catalog.quotes {
            if let plan = quote.planID {
                resolve(plan, in: index.plans, kind: .plan, code: .unknownPlan, into: &diagnostics)
            }
        }
    }

    private static func checkTarget(of credit: CreditDefinition, in index: CatalogIndex,
                                    into diagnostics: inout [Diagnostic]) {
        guard let target = credit.appliesTo else { return }
        switch target.value {
        case .feature(let slug):
            resolve(Located(slug, at: target.location), in: index.features, kind: .feature, code: .unknownFeature,
                    into: &diagnostics)
        case .component(let priceID, let componentID):
            guard let price = index.prices[priceID] else {
                // Point at the price part of `price.component`.
                let span = Span(start: target.location.span.start,
                                end: target.location.span.start + priceID.utf8.count)
                resolve(Located(priceID, at: SourceLocation(file: target.location.file, span: span)),
                        in: index.prices, kind: .price, code: .unknownPrice, into: &diagnostics)
                return
            }
            guard !componentID.isEmpty else { return } // a malformed reference, already reported
            let componentIDs = price.components.map(\.id.value)
            guard !componentIDs.contains(componentID) else { return }
            let span = Span(start: target.location.span.end - componentID.utf8.count, end: target.location.span.end)
            let location = SourceLocation(file: target.location.file, span: span)
            let suggestion = Suggestion.closest(to: componentID, among: componentIDs)
            diagnostics.append(Diagnostic(
                .unknownComponent, "unknown component `\(componentID)` in price `\(priceID)`", at: location,
                label: "price `\(priceID)` has no component with this id",
                help: Suggestion.help(suggestion)
                    ?? "its components are " + componentIDs.map { "`\($0)`" }.joined(separator: ", "),
                fixes: Diagnostic.replacement(at: location, with: suggestion)))
        }
    }

    /// Reports `reference` when no element of `kind` has its id.
    static func resolve<Element>(_ reference: Located<String>, in elements: [String: Element], kind: EntityKind,
                                 code: DiagnosticCode, into diagnostics: inout [Diagnostic]) {
        guard elements[reference.value] == nil else { return }
        let suggestion = Suggestion.closest(to: reference.value, among: elements.keys.sorted())
        diagnostics.append(Diagnostic(
            code, "unknown \(kind.rawValue) `\(reference.value)`", at: reference.location,
            label: "no \(kind.rawValue) with this id", help: Suggestion.help(suggestion),
            fixes: Diagnostic.replacement(at: reference.location, with: suggestion)))
    }
}
