/// Pricing tables with their rows, and quotes with their negotiated prices.
extension ImportComposer {
    func write(_ table: CatalogDocument.PricingTable, at path: @autoclosure () -> String,
               into writer: inout SourceWriter) {
        writer.block("pricing-table", table.slug, path: path()) { writer in
            if table.name != table.slug {
                writer.statement("name", .text(table.name), path: path() + ".\(CatalogKey.name)")
            }
            for (keyword, text) in [("heading", table.heading), ("subheading", table.subheading),
                                    ("description", table.description)] {
                if let text { writer.statement(keyword, .text(text), path: path() + ".\(keyword)") }
            }
            if table.currency != document.defaultCurrency {
                writer.statement("currency", .word(table.currency), path: path() + ".\(CatalogKey.currency)")
            }
            for (index, row) in table.planConfigs.enumerated() {
                writeRow(row, of: table, at: path() + ".\(CatalogKey.planConfigs)[\(index)]", into: &writer)
            }
        }
    }

    /// `row PLAN`, with a block only for what differs from the defaults.
    private func writeRow(_ row: CatalogDocument.PlanConfig, of table: CatalogDocument.PricingTable,
                          at path: @autoclosure () -> String, into writer: inout SourceWriter) {
        var statements: [(keyword: String, argument: SourceWriter.Argument?, field: String)] = []
        if row.isPopular {
            let text = row.popularText.flatMap { $0 == CatalogDefaults.popularText ? nil : $0 }
            statements.append(("popular", text.map(SourceWriter.Argument.text), "\(CatalogKey.popularText)"))
        }
        if row.buttonText != defaultButtonText(of: row) {
            statements.append(("button", .text(row.buttonText), "\(CatalogKey.buttonText)"))
        }
        if row.buttonOutline {
            statements.append(("outline", nil, "\(CatalogKey.buttonOutline)"))
        }
        if row.isEnterprisePlan, let url = row.enterpriseRedirectURL {
            statements.append(("enterprise", .text(url), "\(CatalogKey.enterpriseRedirectUrl)"))
        }
        if row.bullets != generatedBullets(of: row, in: table) {
            for (index, bullet) in row.bullets.enumerated() {
                statements.append(("bullet", .text(bullet), "\(CatalogKey.bullets)[\(index)]"))
            }
        }
        guard !statements.isEmpty else {
            writer.statement("row", .word(row.planID), path: path())
            return
        }
        writer.block("row", row.planID, path: path()) { writer in
            for statement in statements {
                writer.statement(statement.keyword, statement.argument, path: path() + "." + statement.field)
            }
        }
    }

    /// What `button` defaults to (`CatalogDefaults.buttonText`); a row is written as enterprise only with
    /// its URL.
    private func defaultButtonText(of row: CatalogDocument.PlanConfig) -> String {
        CatalogDefaults.buttonText(isEnterprise: row.isEnterprisePlan && row.enterpriseRedirectURL != nil,
                                   hasTrial: rowLookup.trial(of: row.planID) != nil)
    }

    /// The bullets a row without `bullet` lines gets, as the compiler generates them.
    func generatedBullets(of row: CatalogDocument.PlanConfig, in table: CatalogDocument.PricingTable) -> [String] {
        GeneratedBullets.bullets(for: PricingRow(row, in: table, lookup: rowLookup), lookup: rowLookup,
                                 unitPlurals: unitPlurals)
    }

    /// Lookups over the records a row can reach, which is all that the rows' defaults ask about: the
    /// plans with a row's id, their trials, their prices and credits, the prices those credits apply to,
    /// and every feature. Each is kept in the input's order, so that the first with an id is the same
    /// record as in the whole document. A pricing table shows a few plans of a catalog that may hold a
    /// hundred thousand, and lookups over all of them would cost more than the rest of import; the
    /// records are picked by the indices already found, without hashing their ids again.
    static func rowLookup(for document: CatalogDocument, plans: IDIndices, prices: IDIndices,
                          creditOwners: [Int?]) -> CatalogDocumentIndex {
        let rowPlanIDs = Set(document.pricingTables.flatMap { $0.planConfigs.map(\.planID) })
        let rowPlans = Set(rowPlanIDs.compactMap { plans.byID[$0] })
        let keptPlans = document.plans.indices.filter { index in
            rowPlans.contains(plans.first[index])
                || document.plans[index].trialParentPlanID.map(rowPlanIDs.contains) == true
        }
        // A credit whose `planId` no plan has can still be asked for by a row naming that id.
        let keptCredits = document.creditDefinitions.indices.filter { index in
            creditOwners[index].map(rowPlans.contains) ?? rowPlanIDs.contains(document.creditDefinitions[index].planID)
        }
        var priceIDs = keptPlans.filter { rowPlans.contains(plans.first[$0]) }.flatMap { document.plans[$0].priceIDs }
        priceIDs += keptCredits.compactMap { document.creditDefinitions[$0].priceID }
        let rowPrices = Set(priceIDs.compactMap { prices.byID[$0] })
        let keptPrices = document.prices.indices.filter { rowPrices.contains(prices.first[$0]) }
        return CatalogDocumentIndex(CatalogDocument(
            name: document.name, defaultCurrency: document.defaultCurrency, metrics: document.metrics,
            features: document.features, plans: keptPlans.map { document.plans[$0] },
            prices: keptPrices.map { document.prices[$0] },
            creditDefinitions: keptCredits.map { document.creditDefinitions[$0] },
            pricingTables: document.pricingTables, quotes: []))
    }

    // MARK: Quotes

    func write(_ quote: CatalogDocument.Quote, at path: @autoclosure () -> String, into writer: inout SourceWriter) {
        writer.block("quote", quote.id, path: path()) { writer in
            writer.statement("plan", .word(quote.planID), path: path() + ".\(CatalogKey.planId)")
            writer.statement("customer", .text(quote.customer), path: path() + ".\(CatalogKey.customer)")
            if let subscription = quote.stableSubscriptionID {
                writer.statement("subscription", .text(subscription), path: path() + ".\(CatalogKey.stableSubscriptionId)")
            }
            if quote.effective != .immediately {
                writer.statement("effective", .word(quote.effective.rawValue), path: path() + ".\(CatalogKey.effective)")
            }
            if let priceIndex = priceIndices[quote.priceID] {
                writePrice(at: priceIndex, into: &writer)
            }
        }
    }
}
