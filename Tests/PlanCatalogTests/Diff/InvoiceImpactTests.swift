import Foundation
import Testing
@testable import PlanCatalog

/// The invoice impact of a diff (PREVIEW.md § 5) beyond the goldens of `Fixtures/DiffScenarios/`
/// (`invoice-impact`, `no-change-with-scenarios`): the side a source cannot produce through `plancat
/// diff` (a price gone from the source), the source's credit order on both sides, the arithmetic of the
/// change and its percentage, and that a source without scenarios costs and shows nothing.
@Suite struct InvoiceImpactTests {
    /// Builds one catalog; its document read back from its bytes, as a deployed catalog.json is.
    static func build(_ source: String) throws -> (document: CatalogDocument, catalog: Catalog) {
        let result = CatalogCompiler.build([SourceFile(path: "pricing.plancat", text: source)])
        let diagnostics = TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files)
        let output = try #require(result.output, "\(diagnostics)")
        return (try CatalogDocument(json: output.document.jsonBytes), result.check.catalog)
    }

    static let proAndTeam = """
        catalog "Impact"
        currency USD

        plan plan_pro {
          name "Pro"
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29 }
          }
        }

        plan plan_team {
          name "Team"
          price price_team_monthly {
            interval month
            component comp_base { fixed 99 }
          }
        }
        """

    // MARK: Sides without an invoice

    @Test("a price gone from the source has no invoice after: `price removed`, null in JSON")
    func priceRemovedFromTheSource() throws {
        let deployed = try Self.build(Self.proAndTeam)
        let source = try Self.build(Self.proAndTeam.replacing("""
            plan plan_pro {
              name "Pro"
              price price_pro_monthly {
                interval month
                component comp_base { fixed 29 }
              }
            }

            """, with: ""))
        let diff = CatalogDiff(deployed: deployed.document, source: source.document)
        let requests = [PreviewRequest(scenarioID: "pro_month", priceID: "price_pro_monthly"),
                        PreviewRequest(scenarioID: "team_month", priceID: "price_team_monthly")]
        let impact = try #require(diff.invoiceImpact(deployed: deployed.document, source: source.document,
                                                     scenarios: requests, creditOrder: []))
        #expect(impact.rows.map(\.scenarioID) == ["pro_month", "team_month"])
        #expect(impact.rows[0].before == .invoice(.init(currency: "USD", minorUnitExponent: 2, subtotalMinor: 2900,
                                                        totalMinor: 2900)))
        #expect(impact.rows[0].after == .noPrice)
        #expect(impact.rows[0].changeMinor == nil && impact.rows[0].change == nil)
        #expect(impact.rows[1].changeMinor == 0)

        let text = DiffTextRenderer(usesColor: false).render(diff, source: "s", deployed: "d", impact: impact)
        #expect(text.contains("""
            Invoice impact:
              # each scenario's total for one billing period, before (deployed) and after (source); taxes not included
              scenario    before   after  change
              pro_month   $29.00       —  price removed
              team_month  $99.00  $99.00  no change

            """), "\(text)")
        let markdown = DiffMarkdownRenderer().render(diff, source: "s", deployed: "d", impact: impact)
        #expect(markdown.contains("| `pro_month` | \\$29.00 | — | price removed |\n"), "\(markdown)")

        let json = try JSONParser.parse(diff.jsonBytes(invoiceImpact: impact))
        #expect(json["invoiceImpact"] == .array([
            .object([.init("scenario", "pro_month"),
                     .init("before", .object([.init("subtotal", .number("29")), .init("total", .number("29"))])),
                     .init("after", nil), .init("change", nil)]),
            .object([.init("scenario", "team_month"),
                     .init("before", .object([.init("subtotal", .number("99")), .init("total", .number("99"))])),
                     .init("after", .object([.init("subtotal", .number("99")), .init("total", .number("99"))])),
                     .init("change", .number("0"))]),
        ]))
        let errors = try JSONSchemaValidator(schema: DiffRendererTests.diffSchema()).validate(json)
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("a side the engine refuses is null, and a note under the table says why")
    func refusedSide() throws {
        let refusal = PreviewError.amountBeyondLimit(of: .subtotal)
        let impact = InvoiceImpact(rows: [
            .init(scenarioID: "huge", before: .invoice(.init(currency: "USD", minorUnitExponent: 2, subtotalMinor: 100,
                                                              totalMinor: 100)),
                  after: .refused(refusal)),
        ])
        let diff = try #require(try DiffScenarioTests.diff(of: "pricing-change"))
        let text = DiffTextRenderer(usesColor: false).render(diff, source: "s", deployed: "d", impact: impact)
        #expect(text.contains("  huge       $1.00      —  not compared\n"), "\(text)")
        #expect(text.contains("  # huge: not computed on the source: " + refusal.message + "\n"), "\(text)")
        let markdown = DiffMarkdownRenderer().render(diff, source: "s", deployed: "d", impact: impact)
        #expect(markdown.contains("| `huge` | \\$1.00 | — | not compared |\n\n- `huge`: not computed on the source: "),
                "\(markdown)")
        let json = try JSONParser.parse(diff.jsonBytes(invoiceImpact: impact))
        #expect(json["invoiceImpact"]?.arrayElements?.first?["after"] == .null)
        #expect(try JSONSchemaValidator(schema: DiffRendererTests.diffSchema()).validate(json).isEmpty)
    }

    @Test("the schema refuses a change beside a side without an invoice, and a negative total")
    func schemaRefusesWrongImpacts() throws {
        let schema = try JSONSchemaValidator(schema: DiffRendererTests.diffSchema())
        func document(_ row: JSONValue) -> JSONValue {
            .object([.init("schemaVersion", 1),
                     .init("summary", .object(["create", "update", "newVersion", "replace", "archive", "breaking"]
                                                .map { .init($0, 0) })),
                     .init("changes", []), .init("operations", []), .init("invoiceImpact", [row])])
        }
        let totals = JSONValue.object([.init("subtotal", .number("10")), .init("total", .number("10"))])
        let good = JSONValue.object([.init("scenario", "s"), .init("before", nil), .init("after", totals),
                                     .init("change", nil)])
        #expect(schema.validate(document(good)).isEmpty)
        let changeWithoutBefore = JSONValue.object([.init("scenario", "s"), .init("before", nil), .init("after", totals),
                                                    .init("change", .number("10"))])
        #expect(schema.validate(document(changeWithoutBefore)).contains { $0.message.contains("matches none") })
        let negative = JSONValue.object([.init("scenario", "s"), .init("before", totals),
                                         .init("after", .object([.init("subtotal", .number("0")),
                                                                 .init("total", .number("-1"))])),
                                         .init("change", .number("-11"))])
        #expect(!schema.validate(document(negative)).isEmpty)
    }

    // MARK: The same inputs on both sides

    /// A feature's credit covers both of its metrics' components; a component's credit covers only the
    /// first. Declared component credit first (`z_…`), they apply in the opposite order to their ids'.
    static let creditOrder = """
        catalog "Order"
        currency USD

        metric reads {
          name "Reads"
        }

        metric writes {
          name "Writes"
        }

        feature storage-ops {
          name "Storage operations"
          type usage
          metric reads
          metric writes
        }

        plan plan_store {
          name "Store"
          features {
            storage-ops
          }
          price price_store_monthly {
            interval month
            component comp_reads { usage reads; unit-price 1 }
            component comp_writes { usage writes; unit-price 1 }
          }
          credit z_read_credit {
            name "Reads included"
            applies-to price_store_monthly.comp_reads
            amount 100
          }
          credit a_ops_credit {
            name "Operations included"
            applies-to storage-ops
            amount 100
            billing-visible true
          }
        }

        scenario busy_month {
          price price_store_monthly
          usage reads 100
          usage writes 100
        }
        """

    @Test("both sides apply credits in the source's declaration order, so an order alone is no change")
    func sourceCreditOrderOnBothSides() throws {
        let deployed = try Self.build(Self.creditOrder)
        let source = try Self.build(Self.creditOrder.replacing("name \"Store\"", with: "name \"Storage\""))
        let diff = CatalogDiff(deployed: deployed.document, source: source.document)
        #expect(!diff.isEmpty)
        let requests = source.catalog.scenarios.compactMap { PreviewRequest($0) }
        #expect(source.catalog.creditDeclarationOrder == ["z_read_credit", "a_ops_credit"])
        let impact = try #require(diff.invoiceImpact(deployed: deployed.document, source: source.document,
                                                     scenarios: requests,
                                                     creditOrder: source.catalog.creditDeclarationOrder))
        // In declaration order every unit is covered; in the ids' order the writes are not.
        #expect(impact.rows.map(\.before.totals?.totalMinor) == [0])
        #expect(impact.rows.map(\.changeMinor) == [0])
        let byID = try BillingPreview(document: deployed.document).invoice(for: requests[0])
        #expect(byID.totalMinor == 100_00, "the order matters here, so the test can fail")
    }

    // MARK: The change

    static func row(before: Int, after: Int, beforeCurrency: String = "USD", afterCurrency: String = "USD",
                    exponent: Int = 2) -> InvoiceImpact.Row {
        InvoiceImpact.Row(scenarioID: "s",
                          before: .invoice(.init(currency: beforeCurrency, minorUnitExponent: exponent,
                                                 subtotalMinor: before, totalMinor: before)),
                          after: .invoice(.init(currency: afterCurrency, minorUnitExponent: exponent,
                                                subtotalMinor: after, totalMinor: after)))
    }

    @Test("the percentage is of the total before, to a tenth, rounded half away from zero")
    func percentage() {
        #expect(Self.row(before: 15293, after: 16487).changeInTenthsOfAPercent == 78)
        #expect(InvoiceImpact.change(of: Self.row(before: 15293, after: 16487)) == "+$11.94 (+7.8%)")
        #expect(Self.row(before: 400, after: 401).changeInTenthsOfAPercent == 3)
        #expect(Self.row(before: 400, after: 399).changeInTenthsOfAPercent == -3)
        #expect(InvoiceImpact.change(of: Self.row(before: 400, after: 399)) == "−$0.01 (−0.3%)")
        #expect(InvoiceImpact.change(of: Self.row(before: 100_000, after: 100_001)) == "+$0.01 (+0.0%)")
        #expect(InvoiceImpact.change(of: Self.row(before: 100, after: 1_250_100)) == "+$12,500.00 (+1,250,000.0%)")
        #expect(InvoiceImpact.change(of: Self.row(before: 500, after: 0)) == "−$5.00 (−100.0%)")
    }

    @Test("a change from 0 has no percentage; one in another currency is not compared; ¥ and KWD read as such")
    func changeWording() {
        #expect(Self.row(before: 0, after: 1000).changeInTenthsOfAPercent == nil)
        #expect(InvoiceImpact.change(of: Self.row(before: 0, after: 1000)) == "+$10.00")
        #expect(InvoiceImpact.change(of: Self.row(before: 0, after: 0)) == "no change")
        let currencyChanged = Self.row(before: 1900, after: 1900, afterCurrency: "EUR")
        #expect(currencyChanged.changeMinor == nil && currencyChanged.change == nil)
        #expect(InvoiceImpact.change(of: currencyChanged) == "not compared")
        #expect(InvoiceImpact(rows: [currencyChanged]).notes.map(\.text)
                == ["the price's currency changed from USD to EUR; totals in different currencies are not compared"])
        #expect(InvoiceImpact.change(of: Self.row(before: 1200, after: 1500, beforeCurrency: "JPY", afterCurrency: "JPY",
                                                  exponent: 0)) == "+¥300 (+25.0%)")
        let kuwaiti = Self.row(before: 9000, after: 9250, beforeCurrency: "KWD", afterCurrency: "KWD", exponent: 3)
        #expect(InvoiceImpact.change(of: kuwaiti) == "+KWD 0.250 (+2.8%)")
        #expect(InvoiceImpact.amount(of: kuwaiti.after) == "KWD 9.250")
        #expect(kuwaiti.change == ExactDecimal(parsing: "0.25"))
    }

    // MARK: Without scenarios, or without a change

    @Test("no scenarios: no impact at all; no change: an impact without rows, shown as no table")
    func nothingToShow() throws {
        let deployed = try Self.build(Self.proAndTeam)
        let changed = try Self.build(Self.proAndTeam.replacing("fixed 29", with: "fixed 35"))
        let diff = CatalogDiff(deployed: deployed.document, source: changed.document)
        #expect(diff.invoiceImpact(deployed: deployed.document, source: changed.document, scenarios: [],
                                   creditOrder: []) == nil)
        #expect(diff.jsonBytes(invoiceImpact: nil) == diff.jsonBytes)
        #expect(try JSONParser.parse(diff.jsonBytes)["invoiceImpact"] == nil)

        let unchanged = CatalogDiff(deployed: deployed.document, source: deployed.document)
        let requests = [PreviewRequest(scenarioID: "pro_month", priceID: "price_pro_monthly")]
        let none = try #require(unchanged.invoiceImpact(deployed: deployed.document, source: deployed.document,
                                                        scenarios: requests, creditOrder: []))
        #expect(none.rows.isEmpty)
        let text = DiffTextRenderer(usesColor: false).render(unchanged, source: "s", deployed: "d", impact: none)
        #expect(text == DiffTextRenderer(usesColor: false).render(unchanged, source: "s", deployed: "d"))
        #expect(DiffMarkdownRenderer().render(unchanged, source: "s", deployed: "d", impact: none)
                == DiffMarkdownRenderer().render(unchanged, source: "s", deployed: "d"))
        #expect(try JSONParser.parse(unchanged.jsonBytes(invoiceImpact: none))["invoiceImpact"] == .array([]))
    }

    @Test("colour paints the heading and comments, and adds nothing else")
    func colour() throws {
        let diff = try #require(try DiffScenarioTests.diff(of: "invoice-impact"))
        let impact = try DiffScenarioTests.impact(of: "invoice-impact", for: diff)
        let coloured = DiffTextRenderer(usesColor: true).render(diff, source: "s", deployed: "d", impact: impact)
        #expect(coloured.contains("\u{1B}[1mInvoice impact:\u{1B}[0m\n"))
        let plain = DiffTextRenderer(usesColor: false).render(diff, source: "s", deployed: "d", impact: impact)
        #expect(coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "") == plain)
    }
}

private extension JSONValue {
    var arrayElements: [JSONValue]? {
        if case .array(let elements) = self { elements } else { nil }
    }
}
