import Foundation
import Testing
@testable import PlanCatalog
import PlanCatalogTestSupport

/// The three renderings of an invoice (text, Markdown, JSON) on samples computed through the whole
/// pipeline: a catalog with scenarios is compiled, each scenario becomes a request, and the preview runs
/// on catalog.json's document in the source's credit order — as `plancat preview` runs it.
///
/// Whole renderings are compared with golden files (`+Goldens`), the JSON with its schema (`+Schema`);
/// the tests here pin what a reader checks first: the money format of each currency, the wording of
/// proration and credit lines, and the escaping of catalog text.
@Suite struct InvoiceRendererTests {
    /// A catalog's scenarios, previewed.
    struct Sample: Sendable, CustomTestStringConvertible {
        let name: String
        let invoices: [Invoice]

        var testDescription: String { name }
    }

    /// The invoices of every scenario of `source`, in declaration order, or of `adHoc` requests after them.
    static func invoices(of source: String, adHoc: [PreviewRequest] = []) throws -> [Invoice] {
        let result = CatalogCompiler.build([SourceFile(path: "sample.plancat", text: source)])
        let messages = result.check.diagnostics.filter { $0.severity == .error }.map(\.message)
        let document = try #require(result.output?.document, "the sample does not check: \(messages)")
        let catalog = result.check.catalog
        let preview = BillingPreview(document: document, creditOrder: catalog.creditDeclarationOrder)
        let requests = catalog.scenarios.compactMap { PreviewRequest($0) } + adHoc
        return try requests.map { try preview.invoice(for: $0) }
    }

    static let workedExampleSource = """
        currency USD
        metric api-calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api-calls }
        plan plan_team {
          name "Team"
          features {
            api-calls
          }
          price price_team_monthly {
            interval month
            component comp_platform { fixed 49; label "Platform fee" }
            component comp_seats { per-seat 12; label "Seats" }
            component comp_api { usage api-calls; unit-price 0.0015; label "API calls"; unit "API call" }
          }
          credit team_api_quota {
            name "Included API calls"
            applies-to price_team_monthly.comp_api
            amount 2000
          }
          credit welcome_credit {
            name "Welcome credit"
            type monetary
            amount 25
          }
        }
        scenario acme_march {
          description "Five seats, two more from mid-March, heavy API use"
          price price_team_monthly
          start 2026-03-01
          seats 5
          seats 7 from 2026-03-17
          usage api-calls 48_213
        }
        """

    /// Yen have no minor unit: `¥500`, never `¥500.00`; a unit price below one yen keeps its decimals. A
    /// monetary credit in dollars adds a note, not a line; one that expires adds the expiry note.
    static let yenSource = """
        currency JPY
        metric messages { name "Messages" }
        feature messages { name "Messages"; type usage; metric messages }
        plan plan_chat {
          name "Chat"
          features {
            messages
          }
          price price_chat_monthly {
            interval month
            component comp_base { fixed 500; label "Base fee" }
            component comp_seats { per-seat 1_200; min-seats 3 }
            component comp_messages { usage messages; unit-price 0.5; unit "message" }
          }
          credit dollar_credit {
            name "Launch credit"
            type monetary
            currency USD
            amount 10
          }
          credit yen_credit {
            name "Yen credit"
            type monetary
            amount 1_000
            expires-after-days 30
          }
        }
        scenario tokyo_office {
          description "One seat held, billed at the minimum of three"
          price price_chat_monthly
          start 2026-02-01
          seats 1
          usage messages 1_001
        }
        """

    /// Kuwaiti dinars have three decimals: `KWD 1.250`.
    static let dinarSource = """
        currency KWD
        metric reports { name "Reports" }
        feature reports { name "Reports"; type usage; metric reports }
        plan plan_reports {
          name "Reports"
          features {
            reports
          }
          price price_reports_yearly {
            interval year
            component comp_base { fixed 1.25 }
            component comp_reports { usage reports; unit-price 0.0025; unit "report" }
          }
          credit free_reports {
            name "Free reports"
            applies-to price_reports_yearly.comp_reports
            amount 100
            billing-description "First 100 reports"
          }
        }
        scenario kuwait_year {
          price price_reports_yearly
          start 2026-01-01
          usage reports 1_234
        }
        """

    /// Catalog text that Markdown or a terminal would otherwise read: pipes, dollars, asterisks, HTML, a
    /// line break, an escape sequence and backticks.
    static let hostileSource = """
        currency USD
        plan plan_odd {
          name "Odd"
          price price_odd {
            interval month
            component comp_fee { fixed 5; label "Fee | *bold* <b>$1</b> `tick`" }
          }
        }
        scenario odd_one {
          description "Line one\\nline two \\u{1B}[31mred | $5 _x_"
          price price_odd
        }
        """

    static let samples: [Sample] = {
        func sample(_ name: String, _ source: String, adHoc: [PreviewRequest] = []) -> Sample {
            Sample(name: name, invoices: (try? invoices(of: source, adHoc: adHoc)) ?? [])
        }
        return [
            sample("worked-example", workedExampleSource),
            sample("yen", yenSource),
            sample("dinar", dinarSource),
            sample("hostile-strings", hostileSource),
            // An ad-hoc request after a scenario: no id, no description, no dates.
            sample("ad-hoc", workedExampleSource, adHoc: [
                PreviewRequest(priceID: "price_team_monthly", seats: 2,
                               usage: [.init(metricID: "api-calls", quantity: ExactDecimal(3_500))]),
            ]),
        ]
    }()

    static func sample(_ name: String) throws -> Sample {
        try #require(samples.first { $0.name == name })
    }

    @Test("every sample computes", arguments: samples)
    func sampleComputes(_ sample: Sample) {
        #expect(!sample.invoices.isEmpty, "the sample \(sample.name) has no invoice")
    }

    // MARK: Text

    @Test("text words the worked example like an invoice")
    func workedExampleText() throws {
        let text = InvoiceTextRenderer().render(try Self.sample("worked-example").invoices)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Scenario acme_march: Five seats, two more from mid-March, heavy API use")
        #expect(lines[1] == "plan plan_team, price price_team_monthly, USD")
        #expect(lines[2] == "period 2026-03-01 to 2026-03-31, every month")
        let rows = lines.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows.contains("Platform fee $49.00 $49.00"))
        #expect(rows.contains("Seats 5 seats $12.00 $60.00"))
        #expect(rows.contains("Seats: 2 seats added 2026-03-17, 15/31 of the period 2 seats $12.00 $11.61"))
        #expect(rows.contains("API calls 48,213 API calls $0.0015 $72.32"))
        #expect(rows.contains("Included API calls: 10,000 API calls covered 10,000 API calls $0.0015 −$15.00"))
        #expect(rows.contains("Subtotal $177.93"))
        #expect(rows.contains("Welcome credit −$25.00"))
        #expect(rows.contains("Credits −$25.00"))
        #expect(rows.contains("Total $152.93"))
        #expect(text.hasSuffix("Notes:\n  - taxes are not included\n"))
        // Amounts line up on the right.
        let amountRows = lines.filter { $0.hasSuffix(".00") || $0.hasSuffix(".61") || $0.hasSuffix(".32") || $0.hasSuffix(".93") }
        #expect(Set(amountRows.map(\.count)).count == 1, "\(amountRows)")
    }

    @Test("each currency's amounts in its own format, one sign style for credits")
    func currencyFormats() throws {
        let yen = InvoiceTextRenderer().render(try Self.sample("yen").invoices)
        #expect(yen.contains("¥500"))
        #expect(!yen.contains("¥500.00"))
        #expect(yen.contains("3 seats"), "one seat held, three billed")
        #expect(yen.contains("¥0.5 "), "a unit price below one yen keeps its decimals")
        #expect(yen.contains("¥501"), "1,001 × ¥0.5 = ¥500.5, rounded half away from zero")
        #expect(yen.contains("−¥1,000"))
        #expect(yen.contains("credit dollar_credit is in USD"))
        #expect(yen.contains("credit yen_credit expires 30 days after it is granted"))
        let dinar = InvoiceTextRenderer().render(try Self.sample("dinar").invoices)
        #expect(dinar.contains("KWD 1.250"))
        #expect(dinar.contains("KWD 0.0025"))
        #expect(dinar.contains("First 100 reports: 100 reports covered"))
        #expect(dinar.contains("−KWD 0.250"))
        #expect(dinar.contains("period 2026-01-01 to 2026-12-31, every year"))
        for text in [yen, dinar] {
            #expect(!text.contains("$-") && !text.contains("¥-") && !text.contains("KWD -"))
        }
    }

    @Test("an ad-hoc preview without dates is headed as one")
    func adHocHeading() throws {
        let invoices = try Self.sample("ad-hoc").invoices
        #expect(invoices.count == 2 && invoices[1].scenarioID == nil)
        let text = InvoiceTextRenderer().render(invoices[1])
        #expect(text.hasPrefix("Ad-hoc preview\nplan plan_team, price price_team_monthly, USD\nperiod every month, no dates\n"))
        #expect(InvoiceMarkdownRenderer().render(invoices[1]).hasPrefix("### Ad-hoc preview\n\n"))
    }

    @Test("colour makes only the heading and the total bold")
    func colour() throws {
        let invoices = try Self.sample("worked-example").invoices
        let coloured = InvoiceTextRenderer(usesColor: true).render(invoices)
        #expect(coloured.components(separatedBy: "\u{1B}[1m").count == 3)
        #expect(coloured.replacingOccurrences(of: "\u{1B}[1m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            == InvoiceTextRenderer().render(invoices))
    }

    @Test("catalog text neither drives the terminal nor breaks the Markdown table")
    func hostileText() throws {
        let invoices = try Self.sample("hostile-strings").invoices
        let text = InvoiceTextRenderer().render(invoices)
        #expect(!text.contains("\u{1B}"))
        #expect(text.hasPrefix("Scenario odd_one: Line one�line two �[31mred | $5 _x_\n"))
        let markdown = InvoiceMarkdownRenderer().render(invoices)
        #expect(markdown.contains("Line one<br>line two �\\[31mred \\| \\$5 \\_x\\_"))
        #expect(markdown.contains("| Fee \\| \\*bold\\* &lt;b&gt;\\$1&lt;/b&gt; \\`tick\\` | | \\$5.00 | \\$5.00 |"))
        // Every table row has its four cells: no pipe of the text splits one.
        for row in markdown.split(separator: "\n") where row.hasPrefix("|") {
            let separators = row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            #expect(separators == 5, "\(row)")
        }
    }

    // MARK: JSON

    @Test("the JSON holds PREVIEW.md § 4's keys in its order, with exact numbers")
    func workedExampleJSON() throws {
        let invoices = try Self.sample("worked-example").invoices
        let document = try JSONParser.parse(Array(InvoiceJSONRenderer.render(invoices).utf8))
        #expect(document["schemaVersion"] == .number("1"))
        guard case .array(let scenarios)? = document["scenarios"], let scenario = scenarios.first,
              case .object(let members) = scenario else {
            Issue.record("no scenario")
            return
        }
        #expect(members.map(\.key) == ["id", "description", "planId", "priceId", "currency", "periodStart",
                                       "periodEnd", "lines", "subtotal", "credits", "total", "subtotalMinor",
                                       "creditsMinor", "totalMinor", "notes"])
        #expect(scenario["id"] == .string("acme_march"))
        #expect(scenario["periodStart"] == .string("2026-03-01") && scenario["periodEnd"] == .string("2026-04-01"))
        #expect(scenario["subtotal"] == .number("177.93") && scenario["credits"] == .number("-25"))
        #expect(scenario["total"] == .number("152.93") && scenario["totalMinor"] == .number("15293"))
        #expect(scenario["notes"] == .array([.string("taxes are not included")]))
        guard case .array(let lines)? = scenario["lines"], case .object(let first) = lines[0] else {
            Issue.record("no lines")
            return
        }
        #expect(first.map(\.key) == ["kind", "componentId", "creditId", "description", "quantity", "unitAmount",
                                     "amount", "amountMinor"])
        #expect(lines.map { $0["kind"] } == ["fixed", "seats", "seats-proration", "usage", "usage-credit",
                                              "monetary-credit"].map { .string($0) })
        #expect(lines[0]["quantity"] == .null && lines[0]["creditId"] == .null)
        #expect(lines[2]["description"] == .string("Seats: 2 seats added 2026-03-17, 15/31 of the period"))
        #expect(lines[3]["unitAmount"] == .number("0.0015") && lines[3]["quantity"] == .number("48213"))
        #expect(lines[4]["amount"] == .number("-15") && lines[4]["amountMinor"] == .number("-1500"))
        #expect(lines[5]["componentId"] == .null && lines[5]["unitAmount"] == .null)
    }

    @Test("an ad-hoc preview without dates has null id, description and period")
    func adHocJSON() throws {
        let invoice = try #require(try Self.sample("ad-hoc").invoices.last)
        let value = InvoiceJSONRenderer.jsonValue(of: invoice)
        #expect(value["id"] == .null && value["description"] == .null)
        #expect(value["periodStart"] == .null && value["periodEnd"] == .null)
    }

    @Test("the major-unit numbers of the JSON are the minor units shifted, for every currency", arguments: samples)
    func majorUnitsAreExact(_ sample: Sample) throws {
        for invoice in sample.invoices {
            let value = InvoiceJSONRenderer.jsonValue(of: invoice)
            let exponent = invoice.minorUnitExponent
            for (major, minor) in [("subtotal", "subtotalMinor"), ("credits", "creditsMinor"), ("total", "totalMinor")] {
                guard case .number(let text)? = value[major], case .number(let minorText)? = value[minor],
                      let amount = ExactDecimal(parsing: text), let minorUnits = Int(minorText) else {
                    Issue.record("\(major) or \(minor) is not a number")
                    continue
                }
                #expect(amount == ExactDecimal(minorUnits: minorUnits, minorUnitExponent: exponent))
            }
        }
    }
}
