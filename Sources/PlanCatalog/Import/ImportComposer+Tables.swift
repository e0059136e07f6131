/// Pricing tables with their rows, and quotes with their negotiated prices.
extension ImportComposer {
    /// The badge of a `popular` row that names none.
    static let defaultPopularText = "Most popular"

    func write(_ table: CatalogDocument.PricingTable, at path: String, into writer: inout SourceWriter) {
        writer.block("pricing-table \(table.slug)", path: path) { writer in
            if table.name != table.slug {
                writer.statement("name", SourceWords.quoted(table.name), path: "\(path).name")
            }
            for (keyword, text) in [("heading", table.heading), ("subheading", table.subheading),
                                    ("description", table.description)] {
                if let text { writer.statement(keyword, SourceWords.quoted(text), path: "\(path).\(keyword)") }
            }
            if table.currency != document.defaultCurrency {
                writer.statement("currency", table.currency, path: "\(path).currency")
            }
            for (index, row) in table.planConfigs.enumerated() {
                writeRow(row, of: table, at: "\(path).planConfigs[\(index)]", into: &writer)
            }
        }
    }

    /// `row PLAN`, with a block only for what differs from the defaults.
    private func writeRow(_ row: CatalogDocument.PlanConfig, of table: CatalogDocument.PricingTable, at path: String,
                          into writer: inout SourceWriter) {
        var statements: [(words: [String], path: String)] = []
        if row.isPopular {
            let text = row.popularText.flatMap { $0 == Self.defaultPopularText ? nil : SourceWords.quoted($0) }
            statements.append((["popular"] + (text.map { [$0] } ?? []), "\(path).popularText"))
        }
        if row.buttonText != defaultButtonText(of: row) {
            statements.append((["button", SourceWords.quoted(row.buttonText)], "\(path).buttonText"))
        }
        if row.buttonOutline {
            statements.append((["outline"], "\(path).buttonOutline"))
        }
        if row.isEnterprisePlan, let url = row.enterpriseRedirectURL {
            statements.append((["enterprise", SourceWords.quoted(url)], "\(path).enterpriseRedirectUrl"))
        }
        if row.bullets != generatedBullets(of: row, in: table) {
            for (index, bullet) in row.bullets.enumerated() {
                statements.append((["bullet", SourceWords.quoted(bullet)], "\(path).bullets[\(index)]"))
            }
        }
        guard !statements.isEmpty else {
            writer.statement("row", row.planID, path: path)
            return
        }
        writer.block("row \(row.planID)", path: path) { writer in
            for statement in statements {
                writer.append(statement.words.joined(separator: " "), path: statement.path)
            }
        }
    }

    /// What `button` defaults to: "Contact sales" on an enterprise row, "Start free trial" when the plan
    /// has a trial, else "Get started".
    private func defaultButtonText(of row: CatalogDocument.PlanConfig) -> String {
        if row.isEnterprisePlan && row.enterpriseRedirectURL != nil { return "Contact sales" }
        return lookup.trial(of: row.planID) != nil ? "Start free trial" : "Get started"
    }

    /// The bullets a row without `bullet` lines gets, as the compiler generates them.
    func generatedBullets(of row: CatalogDocument.PlanConfig, in table: CatalogDocument.PricingTable) -> [String] {
        GeneratedBullets.bullets(for: PricingRow(row, in: table, lookup: lookup), lookup: lookup)
    }

    // MARK: Quotes

    func write(_ quote: CatalogDocument.Quote, at path: String, into writer: inout SourceWriter) {
        writer.block("quote \(quote.id)", path: path) { writer in
            writer.statement("plan", quote.planID, path: "\(path).planId")
            writer.statement("customer", SourceWords.quoted(quote.customer), path: "\(path).customer")
            if let subscription = quote.stableSubscriptionID {
                writer.statement("subscription", SourceWords.quoted(subscription), path: "\(path).stableSubscriptionId")
            }
            if quote.effective != .immediately {
                writer.statement("effective", quote.effective.rawValue, path: "\(path).effective")
            }
            if let price = lookup.prices[quote.priceID] {
                write(price, into: &writer)
            }
        }
    }
}
