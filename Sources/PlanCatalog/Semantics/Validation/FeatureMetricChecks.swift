/// LANGUAGE.md §4.7: the links between features, metrics, components and credits, which decide whether
/// an app can gate and bill usage: usage features name metrics and others do not; a billed metric is
/// granted as a feature; credits apply to a usage component or a usage/number feature of their own plan;
/// a plan gives each feature the kind of value its type needs.
enum FeatureMetricChecks {
    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let catalog = index.catalog
        for feature in catalog.features {
            checkMetrics(of: feature, into: &diagnostics)
        }
        for (position, plan) in catalog.plans.enumerated() {
            let planID = PlanID(position)
            for (grant, featureID) in zip(plan.grants ?? [], index.ownGrantFeatures[position]) {
                guard let featureID, let type = index.features[featureID].type?.value else { continue }
                checkValue(of: grant, for: index.features[featureID], type: type, into: &diagnostics)
            }
            checkBilledMetrics(of: planID, in: index, into: &diagnostics)
            for (credit, target) in zip(plan.credits, index.creditTargets[position]) where !credit.hasRefusedType {
                checkTarget(of: credit, resolved: target, plan: planID, in: index, into: &diagnostics)
            }
        }
    }

    private static func checkMetrics(of feature: Feature, into diagnostics: inout [Diagnostic]) {
        guard let type = feature.type else { return }
        if type.value == .usage, feature.metricIDs.isEmpty {
            diagnostics.append(Diagnostic(
                .usageFeatureWithoutMetric, "usage feature `\(feature.slug.value)` names no metric",
                at: type.location, label: "a usage feature is measured by a metric",
                help: "add `metric METRIC_ID` to the feature"))
        } else if type.value != .usage {
            for metric in feature.metricIDs {
                diagnostics.append(Diagnostic(
                    .metricOnNonUsageFeature, "\(type.value.rawValue) feature `\(feature.slug.value)` cannot name a metric",
                    at: metric.location, label: "only usage features are measured",
                    notes: [Diagnostic.Note("the feature's type is given here", at: type.location)],
                    help: "remove the `metric` line, or make the feature `type usage`"))
            }
        }
    }

    /// A value exactly for number (a non-negative number or `unlimited`) and text (a string) features.
    private static func checkValue(of grant: FeatureGrant, for feature: Feature, type: FeatureType,
                                   into diagnostics: inout [Diagnostic]) {
        let slug = grant.slug.value
        func report(_ message: String, at location: SourceLocation, label: String, help: String) {
            diagnostics.append(Diagnostic(
                .featureValueMismatch, message, at: location, label: label,
                notes: [Diagnostic.Note("`\(slug)` is a \(type.rawValue) feature", at: feature.type?.location)],
                help: help))
        }
        switch (type, grant.value?.value) {
        case (.boolean, nil), (.usage, nil), (.text, .text?), (.number, .unlimited?):
            return
        case (.number, .limit(let limit)?):
            if limit.isNegative {
                report("limit for `\(slug)` is negative", at: grant.value!.location, label: "a limit is 0 or more",
                       help: "write a non-negative number, or `unlimited`")
            } else if limit.magnitudeExceeds(ExactTotal.limit) {
                reportTooLarge(grant, limit.description, into: &diagnostics)
            }
        case (.number, .unreadableNumber(let text)?):
            // A malformed number was reported by the lexer; a well-formed one has too many digits to read.
            guard SchemaChecker.isWellFormedNumber(text) else { return }
            if text.hasPrefix("-") {
                report("limit for `\(slug)` is negative", at: grant.value!.location, label: "a limit is 0 or more",
                       help: "write a non-negative number, or `unlimited`")
            } else {
                reportTooLarge(grant, text, into: &diagnostics)
            }
        case (.boolean, let value?), (.usage, let value?):
            let what = type == .boolean ? "a boolean feature is granted by listing it"
                : "a usage feature's allowance comes from credits"
            report("`\(slug)` takes no value (\(describe(value)))", at: grant.value!.location, label: what,
                   help: "write `\(slug)` alone")
        case (.number, nil):
            report("number feature `\(slug)` needs a limit", at: grant.slug.location, label: "no limit given",
                   help: "write `\(slug) 10` or `\(slug) unlimited`")
        case (.number, let value?):
            var help = "write `\(slug) 10` or `\(slug) unlimited`"
            if case .invalid(let text) = value, let written = NumberShorthand.expansion(of: text) {
                help = "write the number out in digits: `\(slug) \(written)`"
            }
            report("limit for `\(slug)` must be a number or `unlimited`, found \(describe(value))",
                   at: grant.value!.location, label: "not a limit", help: help)
        case (.text, nil):
            report("text feature `\(slug)` needs a value", at: grant.slug.location, label: "no value given",
                   help: "write `\(slug) \"Priority email\"`")
        case (.text, let value?):
            report("value for text feature `\(slug)` must be a string, found \(describe(value))",
                   at: grant.value!.location, label: "not a string", help: "quote it: `\(slug) \"…\"`")
        }
    }

    /// E0709: a number feature's limit above 2^53 − 1. catalog.json's reader refuses such a limit
    /// (`CatalogField.nonNegativeNumber`), by the same bound, so that `diff` and `import` can read back
    /// every catalog.json that `build` writes.
    private static func reportTooLarge(_ grant: FeatureGrant, _ written: String, into diagnostics: inout [Diagnostic]) {
        let slug = grant.slug.value
        diagnostics.append(Diagnostic(
            .featureLimitTooLarge, "limit `\(written)` for `\(slug)` is too large", at: grant.value!.location,
            label: "more than 2^53 − 1",
            help: "for no limit, write `\(slug) unlimited`; a limit is at most \(ExactTotal.limit)"))
    }

    private static func describe(_ value: GrantValue) -> String {
        switch value {
        case .limit(let number): "`\(number)`"
        case .unlimited: "`unlimited`"
        case .text(let text): "the string \"\(text)\""
        case .invalid(let text), .unreadableNumber(let text): "`\(text)`"
        }
    }

    /// A plan that bills a usage component on a metric also grants a usage feature linked to it.
    private static func checkBilledMetrics(of planID: PlanID, in index: CatalogIndex,
                                           into diagnostics: inout [Diagnostic]) {
        let granted = index.grantedFeatures(of: planID)
        // A plan grants a handful of features and bills a usage component or two: scanning the grants
        // for each component is cheaper than gathering their metrics into a list or set per plan.
        func isGated(_ metric: MetricID) -> Bool {
            granted.contains { featureID in
                guard let featureID, index.features[featureID].type?.value == .usage else { return false }
                return index.featureMetrics[featureID.index].contains(metric)
            }
        }
        let plan = index.plans[planID]
        var gatedMetricsAreKnown: Bool?
        func check(_ priceID: PriceID) {
            let price = index.prices[priceID]
            for (component, metricID) in zip(price.components, index.componentMetrics[priceID.index]) {
                guard let metricID, !isGated(metricID), let metric = component.usageMetric else { continue }
                // A grant or metric that does not resolve was reported; the plan may gate the metric
                // through it. Asked only here, of the rare plan that seems to bill an ungated metric.
                if gatedMetricsAreKnown == nil { gatedMetricsAreKnown = index.gatedMetricsAreKnown(of: planID) }
                guard gatedMetricsAreKnown == true else { return }
                // The first usage feature on the metric, by the same id resolution as the rest.
                let candidate = index.catalog.features.indices.first { position in
                    index.catalog.features[position].type?.value == .usage
                        && index.featureMetrics[position].contains(metricID)
                }.map { index.catalog.features[$0] }
                let help = candidate.map { "add `\($0.slug.value)` to the `features` block of `\(plan.id.value)`" }
                    ?? "declare a `type usage` feature with `metric \(metric.value)` and grant it in `\(plan.id.value)`"
                diagnostics.append(Diagnostic(
                    .usageComponentWithoutFeature,
                    "plan `\(plan.id.value)` bills metric `\(metric.value)` but grants no usage feature for it",
                    at: metric.location, label: "billed here", help: help))
            }
        }
        // The prices billed under the plan (`CatalogIndex.pricesBilled(under:)`), its own then its
        // quotes', gone through where they stand rather than gathered into a list.
        for position in index.ownPrices(of: planID) { check(PriceID(position)) }
        for priceID in index.quotePrices(billedUnder: planID) { check(priceID) }
    }

    private static func checkTarget(of credit: CreditDefinition, resolved: CatalogIndex.AppliesTo, plan planID: PlanID,
                                    in index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let plan = index.plans[planID]
        guard let target = credit.appliesTo else {
            if credit.applicationType == .usage, !index.wasRefused("applies-to", in: credit.location) {
                diagnostics.append(Diagnostic(
                    .appliesToMissing, "usage credit `\(credit.id.value)` does not say what it applies to",
                    at: credit.location, label: "no `applies-to`",
                    help: "add `applies-to PRICE.COMPONENT` (a usage component of this plan) or `applies-to FEATURE`"))
            }
            return
        }
        guard credit.applicationType == .usage else {
            diagnostics.append(Diagnostic(
                .appliesToOnMonetaryCredit, "monetary credit `\(credit.id.value)` cannot have `applies-to`",
                at: target.location, label: "a monetary credit applies to the whole invoice",
                help: "remove `applies-to`, or make it a usage credit"))
            return
        }
        switch (target.value, resolved) {
        case (.component(let priceID, let componentID), .component(let resolvedPrice?, let position?)):
            let price = index.prices[resolvedPrice]
            let component = price.components[Int(position)]
            if index.priceOwners[resolvedPrice.index] != index.plans.resolvedID(at: planID.index) {
                diagnostics.append(Diagnostic(
                    .creditComponentNotUsage,
                    "credit `\(credit.id.value)` applies to price `\(priceID)`, which is not a price of `\(plan.id.value)`",
                    at: target.location, label: "another plan's price",
                    notes: [Diagnostic.Note("`\(priceID)` is defined here", at: price.location)],
                    help: "a plan-scoped credit applies to a usage component of its own plan"))
            } else if component.usageMetric == nil {
                let kind = component.kind?.name ?? "untyped"
                diagnostics.append(Diagnostic(
                    .creditComponentNotUsage,
                    "credit `\(credit.id.value)` applies to `\(priceID).\(componentID)`, a \(kind) component",
                    at: target.location, label: "not a usage component",
                    notes: [Diagnostic.Note("the component is defined here", at: component.location)],
                    help: "a usage credit covers metered usage: apply it to a `usage` component"))
            }
        case (.feature(let slug), .feature(let featureID?)):
            guard let type = index.features[featureID].type?.value else { return }
            let grantsIt = index.grantedFeatures(of: planID).contains(featureID)
            if type != .usage && type != .number {
                diagnostics.append(Diagnostic(
                    .creditFeatureNotGranted,
                    "credit `\(credit.id.value)` applies to `\(slug)`, a \(type.rawValue) feature",
                    at: target.location, label: "credits count usage or number features",
                    help: "apply the credit to a usage or number feature"))
            } else if !grantsIt, index.grantsAreKnown(of: planID) {
                diagnostics.append(Diagnostic(
                    .creditFeatureNotGranted,
                    "credit `\(credit.id.value)` applies to `\(slug)`, which plan `\(plan.id.value)` does not grant",
                    at: target.location, label: "not in the plan's features",
                    help: "add `\(slug)` to the `features` block of `\(plan.id.value)`"))
            }
        default:
            return // a reference that does not resolve, reported by the reference checks
        }
    }
}
