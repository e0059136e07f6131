extension CatalogDiff.Kind {
    /// The schema of the kind's records, without their Swift type: their keys, identity and the action
    /// of each field.
    var recordShape: ObjectShape {
        switch self {
        case .metric: CatalogDocument.Metric.schema.shape
        case .feature: CatalogDocument.Feature.schema.shape
        case .plan: CatalogDocument.Plan.schema.shape
        case .price: CatalogDocument.Price.schema.shape
        case .creditDefinition: CatalogDocument.CreditDefinition.schema.shape
        case .pricingTable: CatalogDocument.PricingTable.schema.shape
        case .quote: CatalogDocument.Quote.schema.shape
        }
    }
}
