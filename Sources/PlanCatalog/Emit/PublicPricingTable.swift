/// pricing-tables/SLUG.json: a pricing table as Lumen's public endpoint returns it, for a pricing page
/// and Lumen's own pricing-table component (OUTPUT.md).
///
/// The file is public, so it is built from what a pricing page shows and nothing else: the rows' plans
/// and their own prices in the table's currency. Quotes, override prices, hidden plans and trial plans
/// never reach it (the checks refuse hidden and trial plans as rows; a trial appears only as the `trial`
/// of its parent's row).
struct PublicPricingTable {
    let table: CatalogDocument.PricingTable
    let lookup: CatalogDocumentIndex

    /// `lookup` indexes (at least) what the table's rows read, when the caller has it already.
    init(_ table: CatalogDocument.PricingTable, in document: CatalogDocument, lookup: CatalogDocumentIndex? = nil) {
        self.table = table
        self.lookup = lookup ?? CatalogDocumentIndex(document.rowSubset(planIDs: Set(table.planConfigs.map(\.planID))))
    }

    /// The file's bytes.
    var jsonBytes: [UInt8] {
        var stream = JSONWriter.Stream()
        write(to: &stream, betweenRecords: { _ in })
        return stream.finishedDocument()
    }

    /// Writes the file, without its final newline, calling `betweenRecords` after each row.
    func write(to stream: inout JSONWriter.Stream, betweenRecords: JSONWriter.Stream.RecordBoundary) {
        let rows = table.planConfigs.map { PricingRow($0, in: table, lookup: lookup) }
        // Lumen's component needs a string interval on every plan: an enterprise row takes "month" when
        // any other row has a monthly amount, else "year".
        let enterpriseInterval = rows.contains { !$0.config.isEnterprisePlan && $0.monthlyPrice != nil }
            ? BillingInterval.month.rawValue : BillingInterval.year.rawValue
        stream.beginObject()
        stream.key("pricingTable")
        stream.beginObject()
        stream.member("slug", string: table.slug)
        stream.member("heading", string: table.heading)
        stream.member("subheading", string: table.subheading)
        stream.member("description", string: table.description)
        stream.member("currency", string: table.currency.lowercased())
        stream.key("plans")
        stream.beginArray()
        for row in rows {
            stream.element()
            writePlan(row, enterpriseInterval: enterpriseInterval, to: &stream)
            betweenRecords(&stream)
        }
        stream.endArray()
        stream.endObject()
        stream.endObject()
    }

    private func writePlan(_ row: PricingRow, enterpriseInterval: String, to stream: inout JSONWriter.Stream) {
        let config = row.config
        let shown = row.shownPrice
        stream.beginObject()
        stream.member("planId", string: config.planID)
        stream.member("title", string: row.plan?.planName ?? config.planID)
        stream.member("description", string: row.plan?.planDescription)
        stream.member("price", number: shown.map(PricingRow.amount(of:)) ?? ExactDecimal(0))
        stream.member("priceMonthly", number: row.monthlyPrice.map(PricingRow.amount(of:)))
        stream.member("priceYearly", number: row.yearlyPrice.map(PricingRow.amount(of:)))
        stream.member("priceId", string: shown?.id)
        stream.member("priceIdMonthly", string: row.monthlyPrice?.id)
        stream.member("priceIdYearly", string: row.yearlyPrice?.id)
        stream.member("interval", string: row.intervalText ?? enterpriseInterval)
        stream.member("minSeats", number: shown.flatMap(PricingRow.minimumSeats(of:)))
        stream.member("currency", string: table.currency.lowercased())
        stream.key("features")
        stream.beginArray()
        for bullet in config.bullets {
            stream.element()
            stream.beginObject()
            stream.member("text", string: bullet)
            stream.endObject()
        }
        stream.endArray()
        stream.member("buttonText", string: config.buttonText)
        stream.member("buttonOutline", bool: config.buttonOutline)
        stream.member("isPopular", bool: config.isPopular)
        stream.member("popularText", string: config.popularText)
        stream.member("isFree", bool: row.plan?.isFree ?? false)
        stream.member("isEnterprisePlan", bool: config.isEnterprisePlan)
        stream.member("enterpriseRedirectUrl", string: config.enterpriseRedirectURL)
        stream.key("trial")
        if let trial = row.trial {
            stream.beginObject()
            stream.member("available", bool: true)
            stream.member("days", number: trial.trialDays)
            stream.member("trialPlanId", string: trial.id)
            stream.endObject()
        } else {
            stream.null()
        }
        stream.key("pricingData")
        if let shown { shown.writePricingData(to: &stream) } else { stream.null() }
        stream.endObject()
    }
}
