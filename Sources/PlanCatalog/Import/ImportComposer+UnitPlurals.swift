/// A feature's unit may give its plural in the source (`unit "index" "indices"`), which catalog.json does
/// not keep: only the generated bullets that count the unit show it ("3 indices"). Import reads it back
/// from them, so that such a row needs no `bullet` lines and the feature says its plural again.
extension ImportComposer {
    /// For each row whose bullets are the generated ones but for the plural of some units, those units'
    /// plurals. A plural is taken only when, with it, the row's generated bullets are exactly its stored
    /// ones; a row that still differs keeps its `bullet` lines, so `build` gives the same catalog.json
    /// either way.
    static func inferredUnitPlurals(in document: CatalogDocument, lookup: CatalogDocumentIndex) -> [String: String] {
        var plurals: [String: String] = [:]
        for table in document.pricingTables {
            for row in table.planConfigs where !row.bullets.isEmpty {
                let pricing = PricingRow(row, in: table, lookup: lookup)
                guard let plan = pricing.plan else { continue }
                var candidate = plurals
                var generated = GeneratedBullets.bullets(for: pricing, lookup: lookup, unitPlurals: candidate)
                guard generated != row.bullets, generated.count == row.bullets.count else { continue }
                for granted in plan.features where candidate[granted.slug] == nil {
                    guard let unit = lookup.features[granted.slug]?.unitLabel,
                          let plural = Self.plural(of: unit, shownIn: row.bullets, insteadOf: generated) else { continue }
                    var attempt = candidate
                    attempt[granted.slug] = plural
                    let regenerated = GeneratedBullets.bullets(for: pricing, lookup: lookup, unitPlurals: attempt)
                    if mismatches(regenerated, row.bullets) < mismatches(generated, row.bullets) {
                        candidate = attempt
                        generated = regenerated
                    }
                }
                if generated == row.bullets { plurals = candidate }
            }
        }
        return plurals
    }

    /// The plural a stored bullet shows where the generated one has `DisplayText.plural(unit)`: the same
    /// text around it, something else in its place.
    private static func plural(of unit: String, shownIn stored: [String], insteadOf generated: [String]) -> String? {
        let derived = DisplayText.plural(unit)
        for (made, shown) in zip(generated, stored) where made != shown {
            guard let range = made.firstRange(of: derived) else { continue }
            let prefix = made[..<range.lowerBound]
            let suffix = made[range.upperBound...]
            guard shown.count > prefix.count + suffix.count, shown.hasPrefix(prefix), shown.hasSuffix(suffix) else { continue }
            return String(shown.dropFirst(prefix.count).dropLast(suffix.count))
        }
        return nil
    }

    private static func mismatches(_ generated: [String], _ stored: [String]) -> Int {
        zip(generated, stored).count { $0 != $1 }
    }
}
