/// The `reason` of a change: one plain sentence saying why the action is what it is, naming the fields
/// (or prices) that decided it and, for a breaking change, what it does to subscribers or apps.
///
/// Every sentence follows one pattern — what changed; what Lumen does about it — so that text, JSON and
/// Markdown readers learn it once: "the price's pricingData changed; Lumen cannot edit a price in place,
/// so a new price replaces it and existing subscribers keep the old one".
enum ChangeReason {
    static let created = "in the source, not deployed"

    static func text(for record: ComparedRecord) -> String {
        switch record.action {
        case .create:
            return created
        case .archive:
            return "deployed, gone from the source: " + archiveConsequence(of: record.kind)
        case .update:
            return "only the \(possessive(record.kind)) \(list(record.decidingFields)) changed; " + updateConsequence(of: record.kind)
        case .newVersion:
            return "the plan's \(causes(of: record)); Lumen makes a new plan version and existing subscribers "
                + "stay on the old version until migrated"
        case .replace:
            return "the \(possessive(record.kind)) \(causes(of: record)); " + replaceConsequence(of: record.kind)
        }
    }

    /// "features changed", "price price_pro is replaced", "priceIds changed, price price_a is created and
    /// price price_b is archived": the deciding fields, then the prices that decided it.
    private static func causes(of record: ComparedRecord) -> String {
        var parts: [String] = []
        if !record.decidingFields.isEmpty { parts.append("\(list(record.decidingFields)) changed") }
        for action in [CatalogDiff.Action.create, .replace, .archive] {
            let ids = record.priceEvents.filter { $0.action == action }.map(\.priceID)
            guard !ids.isEmpty else { continue }
            let subject = ids.count == 1 ? "price \(ids[0]) is" : "prices \(list(ids)) are"
            parts.append("\(subject) \(participle(action))")
        }
        return list(parts)
    }

    private static func participle(_ action: CatalogDiff.Action) -> String {
        switch action {
        case .create: "created"
        case .replace: "replaced"
        case .archive: "archived"
        case .update: "updated"
        case .newVersion: "versioned"
        }
    }

    /// A quote is not a Lumen object: what changes is where or when its price applies, never the price.
    private static func updateConsequence(of kind: CatalogDiff.Kind) -> String {
        kind == .quote ? "the negotiated price itself stays the same" : "Lumen edits it in place"
    }

    private static func replaceConsequence(of kind: CatalogDiff.Kind) -> String {
        switch kind {
        case .metric:
            "Lumen cannot edit a metric's event, aggregation or value type in place, so a new metric replaces it "
                + "and apps already sending the old event must be checked"
        case .feature:
            "Lumen cannot change a feature's type in place, so a new feature replaces it and apps reading its "
                + "value must expect the new type"
        case .price:
            "Lumen cannot edit a price in place, so a new price replaces it and existing subscribers keep the old one"
        case .creditDefinition:
            "Lumen cannot edit what a credit applies to, how it renews or expires in place, so a new credit "
                + "definition replaces it and credits already granted keep the old terms"
        case .quote:
            "the negotiated price must be applied to the customer's subscription again"
        case .plan, .pricingTable:
            // Neither kind has a field that calls for a replace; said plainly should one ever appear.
            "Lumen cannot edit it in place, so a new \(kind.displayName) replaces it"
        }
    }

    private static func archiveConsequence(of kind: CatalogDiff.Kind) -> String {
        switch kind {
        case .metric:
            "the metric is deleted and events sent under its name are no longer aggregated"
        case .feature:
            "the feature is deleted and apps checking it see it as not entitled"
        case .plan:
            "the plan is archived and no longer offered; existing subscribers stay on it until migrated"
        case .price:
            "the price is archived and no longer offered; existing subscribers keep paying it until migrated"
        case .creditDefinition:
            "the credit is retired and no longer granted; credits already granted stay until they expire"
        case .pricingTable:
            "the pricing table is deleted and pages that embed it stop showing it"
        case .quote:
            "the negotiated price is no longer in the catalog; the subscription keeps it until its override is removed"
        }
    }

    /// "the price's", "the credit definition's".
    private static func possessive(_ kind: CatalogDiff.Kind) -> String { "\(kind.displayName)'s" }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
