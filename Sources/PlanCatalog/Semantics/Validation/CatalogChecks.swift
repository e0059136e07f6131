/// Runs every check family of LANGUAGE.md section 4 over a lowered catalog, in the order of the spec.
/// Each family reports all it finds; none stops the others.
enum CatalogChecks {
    static func run(_ catalog: Catalog) -> [Diagnostic] {
        let index = CatalogIndex(catalog)
        var diagnostics: [Diagnostic] = []
        IdentityChecks.run(index, into: &diagnostics)
        ReferenceChecks.run(index, into: &diagnostics)
        PlanKindChecks.run(index, into: &diagnostics)
        TrialChecks.run(index, into: &diagnostics)
        FeatureMetricChecks.run(index, into: &diagnostics)
        MoneyChecks.run(index, into: &diagnostics)
        PricingTableChecks.run(index, into: &diagnostics)
        return diagnostics
    }
}
