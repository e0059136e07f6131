/// A quote's operations. A quote is not a Lumen object: it is a negotiated price (created among the
/// prices) applied to one customer's subscription. Lumen's API applies it at once with a price override;
/// anything else — a change at the next billing date (a scheduled change), a quote that names no
/// subscription, taking an override off — is a manual step.
extension OperationSteps {
    mutating func addQuoteSteps() {
        switch record.action {
        case .create, .replace:
            applying.append(applyingQuote())
        case .update:
            // The customer's name is plancat's label alone; only where and when the price applies matter.
            guard record.hasChanged(CatalogKey.stableSubscriptionId) || record.hasChanged(CatalogKey.effective) else { return }
            applying.append(applyingQuote())
            if record.hasChanged(CatalogKey.stableSubscriptionId),
               case .string(let previous)? = record.deployedValue(of: CatalogKey.stableSubscriptionId) {
                retiring.append(removingOverride(subscription: previous, why: "the quote moved to another subscription"))
            }
        case .archive:
            let subscription: String? = if case .string(let text)? = record.deployedValue(of: CatalogKey.stableSubscriptionId) {
                text
            } else {
                nil
            }
            retiring.append(removingOverride(subscription: subscription, why: "the quote is gone from the source"))
        case .newVersion:
            break
        }
    }

    /// The price override, or the manual step that stands for it.
    private func applyingQuote() -> CatalogDiff.Operation {
        let priceID = record.sourceValue(of: CatalogKey.priceId) ?? .null
        let body = JSONValue.object([.init("\(CatalogKey.priceId)", priceID)])
        let priceText = if case .string(let text) = priceID { text } else { "its price" }
        guard case .string(let subscription)? = record.sourceValue(of: CatalogKey.stableSubscriptionId) else {
            return .manualStep("apply price \(priceText) of quote \(id) to the customer's subscription by hand: "
                               + "the quote names no subscription, so there is nothing to override", body: body)
        }
        if record.sourceValue(of: CatalogKey.effective) == .string(QuoteEffective.nextBilling.lumenName) {
            return .manualStep("schedule a change of subscription \(subscription) to price \(priceText) at its next "
                               + "billing date (quote \(id)): Lumen's price override applies at once, a change at "
                               + "the next billing date is a scheduled change", body: body)
        }
        return .init(method: "POST", path: "/v1/subscriptions/price-override/\(Self.pathSegment(subscription))",
                     body: body, description: "apply quote \(id) to subscription \(subscription)")
    }

    private func removingOverride(subscription: String?, why: String) -> CatalogDiff.Operation {
        let target = subscription.map { "subscription \($0)" } ?? "the customer's subscription"
        return .manualStep("remove the price override of quote \(id) from \(target) by hand (\(why)): Lumen's API "
                           + "has no call to remove an override", body: nil)
    }
}
