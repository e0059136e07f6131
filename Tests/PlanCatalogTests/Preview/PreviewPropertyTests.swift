import PlanCatalogTestSupport
import Testing
@testable import PlanCatalog

/// Properties of every invoice, over catalogs and scenarios drawn by a seeded generator (the same ones
/// on every run): the lines add up to the subtotal, the subtotal plus the credits is the total, the total
/// is never negative, a component's lines never go below 0, and a catalog's preview equals the preview
/// of its imported-and-rebuilt catalog.
@Suite struct PreviewPropertyTests {
    @Test("invoices of generated scenarios add up, never go negative, and survive import and rebuild")
    func generatedScenarios() throws {
        var random = SplitMix64(name: "PreviewPropertyTests.generatedScenarios")
        var invoicesChecked = 0
        for round in 0..<120 {
            let generated = GeneratedPricing(using: &random)
            let catalog = try PreviewCatalog(generated.source)
            let imported = try CatalogImporter.source(for: catalog.document)
            let rebuilt = try PreviewCatalog(imported)
            for _ in 0..<6 {
                let request = generated.request(using: &random)
                let invoice: Invoice
                do {
                    invoice = try catalog.preview.invoice(for: request)
                } catch {
                    Issue.record("round \(round): \(error.message)\n\(generated.source)\n\(request)")
                    continue
                }
                invoicesChecked += 1
                let context = Comment(rawValue: "round \(round)\n\(generated.source)\n\(request)\n\(invoice)")
                #expect(invoice.sumOfChargeLines == invoice.subtotalMinor, context)
                #expect(invoice.subtotalMinor + invoice.creditsMinor == invoice.totalMinor, context)
                #expect(invoice.totalMinor >= 0 && invoice.creditsMinor <= 0, context)
                #expect(invoice.lines(.monetaryCredit).reduce(0) { $0 + $1.amountMinor } == invoice.creditsMinor, context)
                #expect(invoice.lines.allSatisfy { ![.usageCredit, .monetaryCredit].contains($0.kind) || $0.amountMinor <= 0 },
                        context)
                for componentID in Set(invoice.lines.compactMap(\.componentID)) {
                    let sum = invoice.lines.filter { $0.componentID == componentID }.reduce(0) { $0 + $1.amountMinor }
                    #expect(sum >= 0, "component \(componentID)'s lines: \(context)")
                }
                #expect(try rebuilt.preview.invoice(for: request) == invoice, context)
            }
        }
        #expect(invoicesChecked == 720)
    }
}

/// One generated plan with one price: a fixed fee, seats, and usage of two metrics, with usage credits
/// on components and features and monetary credits, in USD, EUR, JPY or KWD, on any period.
struct GeneratedPricing {
    let source: String
    let period: BillingPeriod
    let metrics = ["metric_a", "metric_b"]

    init(using random: inout SplitMix64) {
        let currency = ["USD", "EUR", "JPY", "KWD"][Int(random.next() % 4)]
        let places = Currency.named(currency)?.minorUnitExponent ?? 2
        let interval = BillingInterval.allCases[Int(random.next() % 4)]
        period = BillingPeriod(interval: interval, count: Int(random.next() % 3) + 1)
        func amount(upTo minor: UInt64, extraPlaces: Int = 0) -> String {
            ExactDecimal(isNegative: false, significand: random.next() % minor, scale: places + extraPlaces).description
        }
        let oneFeature = random.next() % 2 == 0
        var lines = ["currency \(currency)"]
        lines += metrics.map { "metric \($0) { name \"\($0)\" }" }
        if oneFeature {
            lines.append("feature usage-all { name \"All usage\"; type usage; metric metric_a; metric metric_b }")
        } else {
            lines.append("feature usage-a { name \"A\"; type usage; metric metric_a }")
            lines.append("feature usage-b { name \"B\"; type usage; metric metric_b }")
        }
        lines.append("plan plan_generated {")
        lines.append("  name \"Generated\"")
        lines.append(oneFeature ? "  features { usage-all }" : "  features { usage-a; usage-b }")
        lines.append("  price price_generated {")
        lines.append("    interval \(interval.rawValue); interval-count \(period.count)")
        var components: [String] = []
        if random.next() % 3 != 0 { components.append("component base { fixed \(amount(upTo: 100_000)) }") }
        if random.next() % 3 != 0 {
            var seats = "component seats { per-seat \(amount(upTo: 10_000))"
            if random.next() % 2 == 0 { seats += "; min-seats \(random.next() % 5 + 1)" }
            if random.next() % 3 == 0 { seats += "; bill-immediately false" }
            components.append(seats + " }")
        }
        for metric in metrics where random.next() % 4 != 0 {
            components.append("component use_\(metric) { usage \(metric); unit-price \(amount(upTo: 100_000, extraPlaces: Int(random.next() % 7))) }")
        }
        if components.isEmpty { components.append("component base { fixed 1 }") }
        lines += components.map { "    " + $0 }
        lines.append("  }")
        let usageComponents = components.compactMap { $0.hasPrefix("component use_") ? String($0.split(separator: " ")[1]) : nil }
        for index in 0..<Int(random.next() % 4) {
            let renewal = ["on-billing", "monthly", "yearly", "never"][Int(random.next() % 4)]
            var credit = "  credit usage_\(index) { name \"Usage \(index)\"; amount \(random.next() % 5_000 + 1); renew \(renewal)"
            if !usageComponents.isEmpty, random.next() % 2 == 0 {
                credit += "; applies-to price_generated.\(usageComponents[Int(random.next() % UInt64(usageComponents.count))])"
            } else {
                let feature = oneFeature ? "usage-all" : ["usage-a", "usage-b"][Int(random.next() % 2)]
                credit += "; applies-to \(feature); billing-visible \(random.next() % 4 != 0)"
            }
            if random.next() % 5 == 0 { credit += "; expires-after-days \(random.next() % 60 + 1)" }
            lines.append(credit + " }")
        }
        for index in 0..<Int(random.next() % 3) {
            let minor = random.next() % 50_000 + 1
            var credit = "  credit money_\(index) { name \"Money \(index)\"; type monetary"
            if random.next() % 4 == 0 {
                // In another currency: a whole amount, which every currency can hold.
                credit += "; amount \(minor); currency \(currency == "EUR" ? "USD" : "EUR")"
            } else {
                credit += "; amount \(ExactDecimal(isNegative: false, significand: minor, scale: places))"
            }
            if random.next() % 3 == 0 { credit += "; renew monthly" }
            lines.append(credit + " }")
        }
        lines.append("}")
        source = lines.joined(separator: "\n") + "\n"
    }

    /// A scenario on the price: maybe a start, maybe seats, seat changes inside the period, usage.
    func request(using random: inout SplitMix64) -> PreviewRequest {
        var request = PreviewRequest(priceID: "price_generated")
        if random.next() % 4 != 0 {
            let year = 2020 + Int(random.next() % 12)
            let month = Int(random.next() % 12) + 1
            let day = random.next() % 5 == 0 ? CalendarDate.days(inMonth: month, of: year) : Int(random.next() % 28) + 1
            request.start = CalendarDate(year: year, month: month, day: day)
        }
        if random.next() % 3 != 0 { request.seats = Int(random.next() % 40) }
        if let start = request.start, let end = start.adding(period) {
            let days = CalendarDate.days(from: start, to: end)
            if days > 1 {
                let offsets = Set((0..<Int(random.next() % 4)).map { _ in Int(random.next() % UInt64(days - 1)) + 1 })
                request.seatChanges = offsets.sorted().compactMap { offset in
                    start.adding(days: offset).map { .init(seats: Int(random.next() % 60), from: $0) }
                }
            }
        }
        for metric in metrics where random.next() % 4 != 0 {
            let quantity = ExactDecimal(isNegative: false, significand: random.next() % 2_000_000,
                                        scale: random.next() % 4 == 0 ? 2 : 0)
            request.usage.append(.init(metricID: metric, quantity: quantity))
        }
        return request
    }
}
