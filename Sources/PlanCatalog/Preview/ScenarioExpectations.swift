/// Whether each scenario's `expect` lines hold (PREVIEW.md § 3): `check` computes every scenario's
/// invoice with the preview, from the catalog.json document the catalog compiles to, and reports an
/// `expect` whose amount differs (E1108) with a fix-it that writes the computed amount, so that
/// `plancat check --fix` updates a pricing's expectations after a deliberate price change. A scenario
/// whose invoice cannot be computed at all (an amount past 2^53 − 1 minor units) is E1109.
///
/// It runs only on a catalog with scenarios and without errors: the invoice of a catalog with errors
/// would be computed from a model the checks refused, and its amounts would mislead.
enum ScenarioExpectations {
    static func diagnostics(for catalog: Catalog) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (scenario, outcome) in ScenarioInvoices.computing(catalog) {
            switch outcome {
            case .success(let invoice):
                for expectation in scenario.expectations {
                    let groupsDigits = catalog.files.text(of: expectation.amount.location).contains("_")
                    if let mismatch = mismatch(of: expectation, in: scenario, invoice: invoice,
                                               groupsDigits: groupsDigits) {
                        diagnostics.append(mismatch)
                    }
                }
            case .failure(let error):
                diagnostics.append(Diagnostic(
                    .scenarioNotComputable, "scenario `\(scenario.id.value)` cannot be previewed: \(error.message)",
                    at: location(of: error, in: scenario)))
            }
        }
        return diagnostics
    }

    /// E1108 when the invoice's amount differs from the expected one; nil when they are equal. The fix-it
    /// groups the amount's digits with `_` when the expected amount was written so (`19_600` → `19_800.00`).
    private static func mismatch(of expectation: Scenario.Expectation, in scenario: Scenario,
                                 invoice: Invoice, groupsDigits: Bool) -> Diagnostic? {
        let computedMinor = switch expectation.kind.value {
        case .subtotal: invoice.subtotalMinor
        case .credits: invoice.creditsMinor
        case .total: invoice.totalMinor
        }
        let computed = invoice.majorUnits(computedMinor)
        guard computed != expectation.amount.value else { return nil }
        let kind = expectation.kind.value.rawValue
        // Worded as `plancat preview` words amounts: `$152.93`, `−$25.00`, `¥500`, `KWD 1.250`.
        let shownComputed = InvoiceRendererWording.money(computed, currency: invoice.currency)
        let shownExpected = InvoiceRendererWording.money(expectation.amount.value, currency: invoice.currency)
        let written = sourceText(ofMinorUnits: computedMinor, exponent: invoice.minorUnitExponent,
                                 groupsDigits: groupsDigits)
        return Diagnostic(
            .expectationMismatch,
            "scenario `\(scenario.id.value)`: the \(kind) is \(shownComputed), not the expected \(shownExpected)",
            at: expectation.location, label: "computed \(shownComputed)",
            help: "if the pricing changed on purpose, `plancat check --fix` writes the computed amount",
            fixes: [Diagnostic.FixIt("expect \(kind) \(written)",
                                     edits: [Diagnostic.Edit(expectation.amount.location, replacement: written)])])
    }

    /// An amount as a scenario writes it, with every minor-unit decimal: `171.10`, `-25.00`, `500`, and
    /// with `groupsDigits` `19_800.00`.
    static func sourceText(ofMinorUnits minorUnits: Int, exponent: Int, groupsDigits: Bool = false) -> String {
        let digits = String(minorUnits.magnitude)
        let sign = minorUnits < 0 ? "-" : ""
        let padded = String(repeating: "0", count: max(0, exponent + 1 - digits.count)) + digits
        let whole = String(padded.dropLast(exponent))
        let shownWhole = groupsDigits ? DisplayText.grouped(whole, separator: "_") : whole
        return exponent > 0 ? sign + shownWhole + "." + padded.suffix(exponent) : sign + shownWhole
    }

    /// Where a scenario the preview refuses is reported: the seat change or usage line the problem is
    /// about, else the scenario's `price`.
    private static func location(of error: PreviewError, in scenario: Scenario) -> SourceLocation {
        switch error {
        case .seatChangeNotAfterStart(let index, _, _), .seatChangeNotBeforeEnd(let index, _, _),
             .seatChangesOutOfOrder(let index, _, _), .seatChangeWithoutStart(let index):
            if scenario.seatChanges.indices.contains(index) { return scenario.seatChanges[index].location }
        case .negativeSeats(let index?, _):
            if scenario.seatChanges.indices.contains(index) { return scenario.seatChanges[index].location }
        case .negativeSeats(nil, _):
            if let seats = scenario.seats { return seats.location }
        case .negativeUsage(let metricID, _), .repeatedUsage(let metricID):
            if let usage = scenario.usage.first(where: { $0.metricID.value == metricID }) { return usage.location }
        case .periodEndsAfterLastDate:
            if let start = scenario.start { return start.location }
        default:
            break
        }
        return scenario.priceID?.location ?? scenario.location
    }
}
