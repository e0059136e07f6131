/// LANGUAGE.md §4.3: ids are unique within their kind across the whole catalog (component ids within
/// their price; price ids across plans and quotes alike; scenario ids among scenarios, PREVIEW.md § 1),
/// and feature slugs are of the form Lumen accepts.
enum IdentityChecks {
    static func run(_ index: CatalogIndex, into diagnostics: inout [Diagnostic]) {
        let catalog = index.catalog
        // The index interned each kind's ids: where none repeats, they need not be gone through again.
        if index.metrics.hasRepeatedIDs {
            reportDuplicates(of: .metric, catalog.metrics.map { $0.id }, into: &diagnostics)
        }
        if index.features.hasRepeatedIDs {
            reportDuplicates(of: .feature, catalog.features.map { $0.slug }, into: &diagnostics)
        }
        if index.plans.hasRepeatedIDs {
            reportDuplicates(of: .plan, catalog.plans.map { $0.id }, into: &diagnostics)
        }
        if index.prices.hasRepeatedIDs {
            reportDuplicates(of: .price, index.allPrices.map { $0.id }, into: &diagnostics)
        }
        // Nothing looks a credit up by id, so the index only found out whether two share one.
        if index.hasRepeatedCreditIDs {
            reportDuplicates(of: .credit, catalog.plans.flatMap { $0.credits.map { $0.id } }, into: &diagnostics)
        }
        reportDuplicates(of: .pricingTable, catalog.pricingTables.map { $0.slug }, into: &diagnostics)
        reportDuplicates(of: .quote, catalog.quotes.map { $0.id }, into: &diagnostics)
        reportDuplicates(of: .scenario, catalog.scenarios.map { $0.id }, into: &diagnostics)
        for price in index.allPrices where price.components.count > 1 {
            reportDuplicateComponents(of: price, into: &diagnostics)
        }
        reportOverlong(of: .metric, catalog.metrics.lazy.map { $0.id }, into: &diagnostics)
        reportOverlong(of: .plan, catalog.plans.lazy.map { $0.id }, into: &diagnostics)
        reportOverlong(of: .price, index.allPrices.lazy.map { $0.id }, into: &diagnostics)
        // Nested loops rather than a lazy `flatMap`, which costs a dozen times as much per id.
        var overlongComponentIDs: [Located<String>] = []
        for price in index.allPrices {
            for component in price.components where isOverlong(component.id) {
                overlongComponentIDs.append(component.id)
            }
        }
        reportOverlong(of: .component, overlongComponentIDs, into: &diagnostics)
        var overlongCreditIDs: [Located<String>] = []
        for plan in catalog.plans {
            for credit in plan.credits where isOverlong(credit.id) { overlongCreditIDs.append(credit.id) }
        }
        reportOverlong(of: .credit, overlongCreditIDs, into: &diagnostics)
        reportOverlong(of: .pricingTable, catalog.pricingTables.lazy.map { $0.slug }, into: &diagnostics)
        reportOverlong(of: .quote, catalog.quotes.lazy.map { $0.id }, into: &diagnostics)
        reportOverlong(of: .scenario, catalog.scenarios.lazy.map { $0.id }, into: &diagnostics)
        // A slug with letters outside ASCII was reported by the lexer (E0117).
        for feature in catalog.features where !isValidSlug(feature.slug.value) && feature.slug.value.utf8.allSatisfy({ $0 < 0x80 }) {
            diagnostics.append(invalidSlug(feature.slug))
        }
    }

    /// Reports every definition after the first of the same id, pointing back at the first.
    private static func reportDuplicates(of kind: EntityKind, _ ids: [Located<String>], scope: String = "",
                                         into diagnostics: inout [Diagnostic]) {
        let ordered = CatalogIndex.inSourceOrder(ids, by: { $0.location })
        // Most lists are a price's two or three components: comparing each with the ones before is
        // cheaper than hashing. Longer lists go through a dictionary, one hash per id.
        if ordered.count <= 8 {
            for (position, id) in ordered.enumerated() {
                if let earlier = ordered[..<position].first(where: { $0.value == id.value }) {
                    diagnostics.append(duplicate(kind, id, earlier: earlier, scope: scope))
                }
            }
            return
        }
        var firstPosition = IDNameTable(capacity: ordered.count)
        for (position, id) in ordered.enumerated() {
            guard let earlier = firstPosition.insert(id.value, at: Int32(position)) else { continue }
            diagnostics.append(duplicate(kind, id, earlier: ordered[Int(earlier)], scope: scope))
        }
    }

    /// A price's components, compared where they stand: a price has two or three, so neither a list
    /// of their ids nor a hash is worth making, unless they are out of source order or many.
    private static func reportDuplicateComponents(of price: Price, into diagnostics: inout [Diagnostic]) {
        let components = price.components
        let isSorted = zip(components, components.dropFirst()).allSatisfy {
            !CatalogIndex.sourceOrder($1.id.location, $0.id.location)
        }
        guard isSorted, components.count <= 8 else {
            reportDuplicates(of: .component, components.map(\.id), scope: " in price `\(price.id.value)`",
                             into: &diagnostics)
            return
        }
        for position in components.indices.dropFirst() {
            let id = components[position].id
            if let earlier = components[..<position].first(where: { $0.id.value == id.value }) {
                diagnostics.append(duplicate(.component, id, earlier: earlier.id, scope: " in price `\(price.id.value)`"))
            }
        }
    }

    private static func duplicate(_ kind: EntityKind, _ id: Located<String>, earlier: Located<String>,
                                  scope: String) -> Diagnostic {
        Diagnostic(.duplicateID, "duplicate \(kind.rawValue) id `\(id.value)`\(scope)", at: id.location,
                   label: "defined again here", notes: [Diagnostic.Note("first defined here", at: earlier.location)],
                   help: "ids must be unique within their kind; rename one of them")
    }

    /// Ids over `InputLimits.maximumIDBytes` (E0303), in source order. Feature slugs are left to E0302,
    /// whose limit is lower.
    private static func reportOverlong(of kind: EntityKind, _ ids: some Sequence<Located<String>>,
                                       into diagnostics: inout [Diagnostic]) {
        let overlong = ids.filter(isOverlong)
        for id in CatalogIndex.inSourceOrder(overlong, by: { $0.location }) {
            diagnostics.append(Diagnostic(
                .idTooLong, "\(kind.rawValue) id `\(id.value)` is \(DisplayText.number(id.value.utf8.count)) bytes long; "
                    + "ids hold at most \(DisplayText.number(InputLimits.maximumIDBytes))",
                at: id.location, label: "id too long",
                help: "give it a short id, and say the rest in its `name` or `description`"))
        }
    }

    private static func isOverlong(_ id: Located<String>) -> Bool {
        id.value.utf8.count > InputLimits.maximumIDBytes
    }

    /// `^[a-z0-9-]{3,50}$`, Lumen's rule for feature slugs.
    static func isValidSlug(_ slug: String) -> Bool {
        (3...50).contains(slug.utf8.count) && slug.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || Lexer.isDigit($0) || $0 == UInt8(ascii: "-")
        }
    }

    private static func invalidSlug(_ slug: Located<String>) -> Diagnostic {
        let text = slug.value
        let reason: String
        if text.utf8.count < 3 {
            reason = "a slug has at least 3 characters"
        } else if text.utf8.count > 50 {
            reason = "a slug has at most 50 characters"
        } else {
            reason = "a slug uses only lower-case letters, digits and `-`"
        }
        let repaired = text.lowercased().replacingUnderscores()
        let help = isValidSlug(repaired) ? "did you mean `\(repaired)`?" : "feature slugs match ^[a-z0-9-]{3,50}$"
        return Diagnostic(.invalidFeatureSlug, "feature slug `\(text)` is not valid", at: slug.location,
                          label: reason, help: help)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(unicodeScalars.map { $0 == "_" ? "-" : Character($0) })
    }
}
