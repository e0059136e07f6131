import Foundation
import PlanCatalogSynthesis
import Testing
@testable import PlanCatalog

/// What a pricing reviewer reads in the text and Markdown renderings: money in the currency's units, lists
/// item by item and never cut, where each record is defined, manual steps in full, and a comment that
/// fits GitHub's limit — while the JSON keeps catalog.json's values.
@Suite struct DiffReviewTests {
    /// The diff of two sources (each one file, or several files of one catalog), with the source's
    /// locations.
    static func diff(deployed: [String: String], source: [String: String]) throws -> (CatalogDiff, DiffSourceLocations) {
        func build(_ files: [String: String]) throws -> BuildResult {
            let result = CatalogCompiler.build(files.sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) })
            let diagnostics = TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files)
            try #require(result.output != nil, "\(diagnostics)")
            return result
        }
        let deployedDocument = try CatalogDocument(json: try build(deployed).output!.document.jsonBytes)
        let sourceResult = try build(source)
        let diff = CatalogDiff(deployed: deployedDocument, source: sourceResult.output!.document)
        return (diff, DiffSourceLocations(catalog: sourceResult.check.catalog, changes: diff.changes))
    }

    static func diff(deployed: String, source: String) throws -> (CatalogDiff, DiffSourceLocations) {
        try diff(deployed: ["pricing.plancat": deployed], source: ["pricing.plancat": source])
    }

    static func text(_ diff: CatalogDiff, _ locations: DiffSourceLocations? = nil) -> String {
        DiffTextRenderer(usesColor: false).render(diff, source: "s", deployed: "d", locations: locations)
    }

    /// A catalog in `currency` with a fixed fee, a per-seat amount, a usage price and a monetary credit.
    static func catalog(currency: String, fixed: String, seat: String, usage: String, credit: String) -> String {
        """
        catalog "Money"
        currency \(currency)

        metric api-calls {
          name "API calls"
          aggregate count
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
          unit "API call"
        }

        plan plan_pro {
          name "Pro"
          features {
            api-calls
          }
          price price_pro_monthly {
            interval month
            component comp_base { fixed \(fixed) }
            component comp_seats { per-seat \(seat) }
            component comp_calls { usage api-calls; unit-price \(usage); unit "API call" }
          }
          credit welcome {
            name "Welcome credit"
            type monetary
            amount \(credit)
          }
        }

        """
    }

    // MARK: Money

    @Test("money reads in the currency's own units, with what it is per", arguments: [
        ("USD", ["fixed 29 → 35", "seat 8.75 → 9", "usage 0.09 → 0.08", "credit 10.50 → 12"],
         ["$29.00 → $35.00 per month", "$8.75 → $9.00 per seat per month", "$0.09 → $0.08 per API call",
          "defaultAmount: $10.50 → $12.00"]),
        ("JPY", ["fixed 2900 → 3500", "seat 875 → 900", "usage 0.5 → 0.25", "credit 1000 → 1200"],
         ["¥2,900 → ¥3,500 per month", "¥875 → ¥900 per seat per month", "¥0.5 → ¥0.25 per API call",
          "defaultAmount: ¥1,000 → ¥1,200"]),
        ("EUR", ["fixed 29 → 35", "seat 8.75 → 9", "usage 0.09 → 0.08", "credit 10.50 → 12"],
         ["€29.00 → €35.00 per month", "€8.75 → €9.00 per seat per month", "€0.09 → €0.08 per API call",
          "defaultAmount: €10.50 → €12.00"]),
        ("CHF", ["fixed 29 → 35", "seat 8.75 → 9", "usage 0.09 → 0.08", "credit 10.50 → 12"],
         ["CHF 29.00 → CHF 35.00 per month", "CHF 8.75 → CHF 9.00 per seat per month",
          "CHF 0.09 → CHF 0.08 per API call", "defaultAmount: CHF 10.50 → CHF 12.00"]),
        ("KWD", ["fixed 29 → 35.5", "seat 8.75 → 9", "usage 0.09 → 0.0805", "credit 10.5 → 12"],
         ["KWD 29.000 → KWD 35.500 per month", "KWD 8.750 → KWD 9.000 per seat per month",
          "KWD 0.090 → KWD 0.0805 per API call", "defaultAmount: KWD 10.500 → KWD 12.000"]),
    ])
    func moneyInMajorUnits(currency: String, changes: [String], expected: [String]) throws {
        func side(_ index: Int) -> [String] {
            changes.map { String($0.split(separator: " ")[index == 0 ? 1 : 3]) }
        }
        let old = side(0), new = side(1)
        let (diff, _) = try Self.diff(
            deployed: Self.catalog(currency: currency, fixed: old[0], seat: old[1], usage: old[2], credit: old[3]),
            source: Self.catalog(currency: currency, fixed: new[0], seat: new[1], usage: new[2], credit: new[3]))
        let text = Self.text(diff)
        let markdown = DiffMarkdownRenderer().render(diff, source: "s", deployed: "d")
        for line in expected {
            #expect(text.contains(line), "\(line) in:\n\(text)")
        }
        // Markdown shows each side whole, with what it is per.
        #expect(markdown.contains(": " + (expected[1].split(separator: " → ").last.map(String.init) ?? "")), "\(markdown)")
        // The JSON keeps catalog.json's minor units.
        let json = String(decoding: diff.jsonBytes, as: UTF8.self)
        #expect(json.contains("\"path\": \"pricingData.components[comp_base].amount_cents\""))
        #expect(!json.contains("per month") && !json.contains("$") && !json.contains("¥"))
    }

    @Test func moneyOfACreatedPriceAndOfAComponentAddedWhole() throws {
        let deployed = Self.catalog(currency: "USD", fixed: "29", seat: "9", usage: "0.002", credit: "10")
        let source = deployed.replacing("component comp_base { fixed 29 }", with: "")
            .replacing("credit welcome", with: """
                price price_pro_yearly {
                    interval year
                    component comp_base { fixed 290 }
                  }
                  credit welcome
                """)
        let (diff, _) = try Self.diff(deployed: deployed, source: source)
        let text = Self.text(diff)
        #expect(text.contains("pricingData.components[comp_base].amount_cents:    (absent) → $290.00 per year"), "\(text)")
        // The component gone from the monthly price is shown leaf by leaf, its amount as money.
        #expect(text.contains("pricingData.components[comp_base].amount_cents:    $29.00 per month → (absent)"), "\(text)")
        #expect(text.contains("pricingData.components[comp_calls].unit_cost_cents") == false)
    }

    @Test func aUsageCreditsAmountIsNotMoney() throws {
        let (diff, _) = try Self.diff(deployed: DiffScenarioSources.pro(quota: "10000"),
                                      source: DiffScenarioSources.pro(quota: "20000"))
        #expect(Self.text(diff).contains("defaultAmount: 10000 → 20000"))
    }

    @Test func periodsOfRecurrenceRules() {
        typealias Denominations = CatalogDiff.Denominations
        #expect(Denominations.period(ofRule: "RRULE:FREQ=MONTHLY;INTERVAL=1") == "per month")
        #expect(Denominations.period(ofRule: "RRULE:FREQ=MONTHLY;INTERVAL=3") == "every 3 months")
        #expect(Denominations.period(ofRule: "RRULE:FREQ=YEARLY;INTERVAL=1") == "per year")
        #expect(Denominations.period(ofRule: "RRULE:FREQ=WEEKLY;INTERVAL=2") == "every 2 weeks")
        #expect(Denominations.period(ofRule: "RRULE:FREQ=HOURLY;INTERVAL=1") == nil)
        #expect(Denominations.period(ofRule: "FREQ=MONTHLY") == nil)
    }

    @Test func aUnitFromTheCatalogCannotDriveTheTerminal() {
        let value = ShownValue(.number("900"), denomination: .init(currency: "USD", per: "per a\u{1B}[31mb\u{202E}c"))
        #expect(value.fullText == "$9.00 per a\u{FFFD}[31mb\u{FFFD}c")
        // A currency plancat does not know leaves the amount as catalog.json has it.
        #expect(ShownValue(.number("900"), denomination: .init(currency: "XXX", per: "per seat")).fullText == "900")
    }

    // MARK: Lists

    @Test func aBulletAddedInTheMiddleOfALongListIsShownAloneAndWhole() throws {
        let bullets = (1...12).map { "Bullet number \($0) with enough words to make the list long" }
        var added = bullets
        added.insert("Data exports", at: 6)
        let diff = CatalogDiff(changes: [.init(kind: .pricingTable, id: "main", action: .update, reason: "r", fields: [
            .init(path: "planConfigs[plan_pro].bullets", from: .strings(bullets), to: .strings(added)),
        ])], operations: [])
        let text = Self.text(diff)
        #expect(text.contains("""
                  planConfigs[plan_pro].bullets:
                    … 6 unchanged
                    + "Data exports"
                    … 6 unchanged

            """), "\(text)")
        #expect(!text.contains("more characters"))
        let markdown = DiffMarkdownRenderer().render(diff, source: "s", deployed: "d")
        #expect(markdown.contains("""
              planConfigs[plan_pro].bullets:
                … 6 unchanged
            +   "Data exports"
                … 6 unchanged
            """), "\(markdown)")
        // The JSON keeps both lists whole.
        let json = String(decoding: diff.jsonBytes, as: UTF8.self)
        #expect(json.components(separatedBy: "\"Bullet number 12 with enough words").count == 3)
        #expect(json.components(separatedBy: "\"Data exports\"").count == 2)
    }

    @Test func listLinesGroupEachRunOfChanges() {
        let lines = ShownField.listLines(from: ["a", "b", "c", "d", "e"], to: ["a", "B", "c", "d", "e", "f"])
        #expect(lines == [.unchanged(count: 1), .removed("\"b\""), .added("\"B\""), .unchanged(count: 3),
                          .added("\"f\"")])
        #expect(ShownField.listLines(from: [], to: ["x"]) == [.added("\"x\"")])
    }

    @Test func priceIdsAndFeaturesOfARealChangeAreDiffedItemByItem() throws {
        let deployed = Self.catalog(currency: "USD", fixed: "29", seat: "9", usage: "0.002", credit: "10")
        let source = deployed.replacing("credit welcome", with: """
            price price_pro_yearly {
                interval year
                component comp_base { fixed 290 }
              }
              credit welcome
            """)
        let (diff, _) = try Self.diff(deployed: deployed, source: source)
        let text = Self.text(diff)
        #expect(text.contains("""
                  priceIds:
                    … 1 unchanged
                    + "price_pro_yearly"

            """), "\(text)")
    }

    // MARK: Where

    @Test func everyChangeOfACatalogDirectoryNamesItsFileAndLine() throws {
        let head = """
            catalog "Split"
            currency USD

            feature reports {
              name "Reports"
              type boolean
            }

            """
        let plans = { (amount: String, old: Bool) in """
            plan plan_pro {
              name "Pro"
              features {
                reports
              }
              price price_pro_monthly {
                interval month
                component comp_base { fixed \(amount) }
              }
            }

            """ + (old ? """
            plan plan_old {
              name "Old"
              price price_old { interval month; component comp_base { fixed 5 } }
            }

            """ : "") }
        let (diff, locations) = try Self.diff(
            deployed: ["acme/catalog.plancat": head, "acme/plans.plancat": plans("29", true)],
            source: ["acme/catalog.plancat": head.replacing("\"Reports\"", with: "\"Reporting\""),
                     "acme/plans.plancat": plans("39", false)])
        let text = Self.text(diff, locations)
        #expect(text.contains("feature reports (update)\n      # defined at acme/catalog.plancat:4\n"), "\(text)")
        #expect(text.contains("plan    plan_pro (new-version, breaking)\n      # defined at acme/plans.plancat:1\n"), "\(text)")
        #expect(text.contains("price   price_pro_monthly (replace, breaking)\n      # defined at acme/plans.plancat:6\n"), "\(text)")
        #expect(text.contains("plan    plan_old (archive, breaking)\n      # deployed only\n"), "\(text)")
        let markdown = DiffMarkdownRenderer().render(diff, source: "acme", deployed: "d", locations: locations)
        #expect(markdown.contains("| | Kind | Id | Defined at | Action | Breaking | Reason |"))
        #expect(markdown.contains("| `price_pro_monthly` | `acme/plans.plancat:6` | replace |"), "\(markdown)")
        #expect(markdown.contains("| `plan_old` | deployed only | archive |"), "\(markdown)")
        // Without locations, nothing is said of where records are.
        #expect(!Self.text(diff).contains("defined at"))
    }

    // MARK: Manual steps

    @Test func aManualStepShowsTheBodyItRefersTo() throws {
        let (diff, _) = try Self.diff(deployed: DiffScenarioSources.pro(quota: "10000"),
                                      source: DiffScenarioSources.pro(quota: "20000"))
        let text = Self.text(diff)
        let manual = try #require(text.split(separator: "\n").firstIndex { $0.contains("MANUAL change credit definition") })
        let lines = text.split(separator: "\n")
        #expect(lines[manual].contains("to the values in the body"))
        #expect(lines[manual + 1].trimmingCharacters(in: .whitespaces)
                == "body: {\"defaultAmount\": 20000, \"refillAmount\": 20000}", "\(text)")
    }

    // MARK: Comment size

    @Test func aDiffOfThousandsOfChangesFitsInOneGitHubComment() throws {
        let plans = 1_000
        let deployed = CatalogCompiler.build([SourceFile(path: "s.plancat", text: SyntheticCatalog(plans: plans).source())])
        let source = CatalogCompiler.build([SourceFile(path: "s.plancat",
                                                       text: SyntheticCatalog(plans: plans, repricedEvery: 1).source())])
        let diff = CatalogDiff(deployed: try #require(deployed.output).document, source: try #require(source.output).document)
        #expect(diff.changes.count >= 2 * plans)
        let locations = DiffSourceLocations(catalog: source.check.catalog, changes: diff.changes)
        let markdown = DiffMarkdownRenderer().render(diff, source: "catalogs/synthetic", deployed: "origin/main",
                                                     locations: locations)
        #expect(markdown.utf8.count <= DiffMarkdownRenderer.defaultMaximumLength)
        #expect(markdown.utf8.count > DiffMarkdownRenderer.defaultMaximumLength - 5_000, "folded no more than needed")
        #expect(markdown.hasPrefix("<!-- plancat-diff -->\n### plancat diff\n"))
        #expect(markdown.contains("**0 to create, 0 to update, \(diff.count(of: .newVersion)) new versions, "
                                  + "\(diff.count(of: .replace)) to replace, 0 to archive**"))
        // What is left out is said, with where to see it.
        #expect(markdown.contains("changes' fields are left out to fit GitHub's comment limit"))
        #expect(markdown.contains("more changes are left out of this table to fit GitHub's comment limit"))
        #expect(markdown.contains("`--format json`"))
    }

    @Test("each fold leaves out more, and says what", arguments: [40_000, 8_000, 3_000])
    func foldingIsProgressiveAndSaid(limit: Int) throws {
        let (diff, locations) = try Self.diff(
            deployed: Self.catalog(currency: "USD", fixed: "29", seat: "9", usage: "0.002", credit: "10"),
            source: Self.catalog(currency: "USD", fixed: "35", seat: "9.5", usage: "0.003", credit: "12"))
        var big = diff
        for copy in 1...40 {
            big.changes += diff.changes.map { var change = $0; change.id += "_\(copy)"; return change }
            big.operations += diff.operations
        }
        let full = DiffMarkdownRenderer(maximumLength: .max).render(big, source: "s", deployed: "d", locations: locations)
        #expect(full.utf8.count > 40_000)
        let folded = DiffMarkdownRenderer(maximumLength: limit).render(big, source: "s", deployed: "d", locations: locations)
        #expect(folded.utf8.count <= limit)
        #expect(folded.contains("left out") && folded.contains("to fit GitHub's comment limit"))
        #expect(folded.contains(DiffTextRenderer.summaryLine(of: big)))
        // Just under the full size, only the largest field blocks go; the operations stay whole.
        let slightly = DiffMarkdownRenderer(maximumLength: full.utf8.count - 1_000)
            .render(big, source: "s", deployed: "d", locations: locations)
        #expect(slightly.contains("changes' fields are left out"))
        #expect(!slightly.contains("API calls are left out") && !slightly.contains("bodies are left out"))
        #expect(slightly.utf8.count > full.utf8.count - 3_000)
    }

    @Test func aCommentWithinTheLimitIsNotFolded() throws {
        for sample in DiffRendererTests.samples {
            let markdown = DiffMarkdownRenderer().render(sample.diff, source: "s", deployed: "d")
            #expect(!markdown.contains("to fit GitHub's comment limit"))
        }
    }

    // MARK: Several catalogs

    @Test func severalCatalogsHaveOneMarkerAndASectionEach() throws {
        let (diff, locations) = try Self.diff(deployed: DiffScenarioSources.pro(quota: "10000"),
                                              source: DiffScenarioSources.pro(quota: "20000"))
        let sections: [DiffReportSection] = [
            .init(source: "catalogs/a", deployed: "HEAD", outcome: .compared(diff), locations: locations),
            .init(source: "catalogs/b", deployed: "HEAD", outcome: .compared(CatalogDiff(changes: [], operations: []))),
            .init(source: "catalogs/c", deployed: "HEAD", outcome: .notCompared("the source has errors; see the diagnostics")),
        ]
        let markdown = DiffMarkdownRenderer().render(sections)
        #expect(markdown.components(separatedBy: "<!-- plancat-diff -->").count == 2)
        #expect(markdown.contains("### plancat diff: `catalogs/a`\n"))
        #expect(markdown.contains("### plancat diff: `catalogs/b`\n\nComparing `catalogs/b` (source) with `HEAD` (deployed).\n\n**No changes.**"))
        #expect(markdown.contains("### plancat diff: `catalogs/c`\n\nComparing `catalogs/c` (source) with `HEAD` (deployed).\n\n**Not compared:** the source has errors; see the diagnostics\n"))
        let text = DiffTextRenderer(usesColor: false).render(sections)
        #expect(text.contains("Comparing catalogs/a (source) with HEAD (deployed)\n"))
        #expect(text.contains("Comparing catalogs/c (source) with HEAD (deployed)\n\nNot compared: the source has errors"))
        #expect(text.hasSuffix("3 catalogs (1 not compared): 0 to create, 1 to update, 0 new versions, 0 to replace, 0 to archive\n0 breaking changes\n"))
    }
}

/// Small sources shared by the review tests.
enum DiffScenarioSources {
    /// A plan with a usage credit of `quota` calls.
    static func pro(quota: String) -> String {
        """
        catalog "Quota"
        currency USD

        metric api-calls {
          name "API calls"
          aggregate count
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
        }

        plan plan_pro {
          name "Pro"
          features {
            api-calls
          }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29 }
          }
          credit included {
            name "Included API calls"
            applies-to api-calls
            amount \(quota)
          }
        }

        """
    }
}
