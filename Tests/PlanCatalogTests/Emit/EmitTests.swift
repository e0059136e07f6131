import Foundation
import Testing
@testable import PlanCatalog

/// What `build` derives, tested on small inline catalogs and on every shipped catalog: the guide's
/// credit, exact money, the public tables' shape and privacy, and byte-for-byte determinism.
@Suite struct EmitTests {
    /// Every catalog of the corpus that builds: the built-in sample, the shipped catalogs, the build
    /// fixtures and the check fixtures without errors.
    static let catalogs = CatalogCorpus.catalogs.filter { CatalogCompiler.build($0.sourceFiles()).output != nil }

    static func build(_ source: String) throws -> BuildOutput {
        let result = CatalogCompiler.build([SourceFile(path: "inline.plancat", bytes: Array(source.utf8))])
        return try #require(result.output, "\(TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files))")
    }

    static func json(_ file: OutputFile?) throws -> JSONValue {
        try JSONParser.parse(try #require(file).bytes)
    }

    // MARK: The guide's credit

    @Test("the guide's Included API Quota has exactly OUTPUT.md's pairs, plus its id and unset fields")
    func guideCredit() throws {
        let catalog = try #require(Self.catalogs.first { $0.name == "catalogs/freemium-to-enterprise.plancat" })
        let output = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        guard case .array(let credits)? = try Self.json(output.file(at: "catalog.json"))["creditDefinitions"] else {
            Issue.record("no creditDefinitions array")
            return
        }
        let credit = try #require(credits.first { $0["id"] == "included_api_quota" })
        let expected: [String: JSONValue] = [
            "scope": "plan", "applicationType": "usage", "planId": "plan_pro", "priceId": "price_pro_monthly",
            "priceComponentId": "comp_usage_api", "name": "Included API Quota", "defaultAmount": 10000,
            "refillAmount": 10000, "renewOnBilling": true, "billingVisible": true,
        ]
        guard case .object(let members) = credit else { return }
        for member in members where member.key != "id" {
            #expect(member.value == (expected[member.key] ?? .null), "\(member.key)")
        }
        #expect(Set(expected.keys).isSubset(of: members.map(\.key)))
    }

    // MARK: Exact money

    @Test("unit costs below a cent and summed amounts are exact decimals, never float artefacts")
    func exactMoney() throws {
        let output = try Self.build("""
            currency USD
            metric calls { name "Calls" }
            feature calls { name "Calls"; type usage; metric calls }
            plan plan_a {
              name "A"
              features { calls }
              price price_a {
                interval month
                component comp_one { fixed 0.10 }
                component comp_two { fixed 0.2 }
                component comp_calls { usage calls; unit-price 0.002 }
              }
            }
            pricing-table main { row plan_a }
            """)
        let catalog = String(decoding: try #require(output.file(at: "catalog.json")).bytes, as: UTF8.self)
        #expect(catalog.contains("\"unit_cost_cents\": 0.2,"))
        #expect(catalog.contains("\"amount_cents\": 10,"))
        let table = String(decoding: try #require(output.file(at: "pricing-tables/main.json")).bytes, as: UTF8.self)
        #expect(table.contains("\"price\": 0.3,"))
        #expect(table.contains("\"text\": \"$0.002 per unit\""))
    }

    @Test("amounts in zero- and three-decimal currencies keep their own minor units")
    func currencyExponents() throws {
        let output = try Self.build("""
            plan plan_a {
              name "A"
              price price_yen { currency JPY; interval month; component comp_base { fixed 1200 } }
              price price_dinar { currency KWD; interval month; component comp_base { fixed 1.005 } }
            }
            pricing-table yen { currency JPY; row plan_a }
            """)
        let catalog = String(decoding: try #require(output.file(at: "catalog.json")).bytes, as: UTF8.self)
        #expect(catalog.contains("\"amount_cents\": 1200,"))
        #expect(catalog.contains("\"amount_cents\": 1005,"))
        let table = try Self.json(output.file(at: "pricing-tables/yen.json"))
        guard case .array(let plans)? = table["pricingTable"]?["plans"] else { return }
        #expect(plans.first?["price"] == .number("1200"))
        #expect(table["pricingTable"]?["currency"] == "jpy")
    }

    // MARK: Rows

    @Test("per-seat rows: the interval names the unit, minimum seats, and the fixed fee as the first bullet")
    func perSeatRow() throws {
        let output = try Self.build("""
            currency USD
            feature sso { name "SSO"; type boolean }
            plan plan_team {
              name "Team"
              features { sso }
              price price_team {
                interval month
                component comp_fee { fixed 29 }
                component comp_seats { per-seat 9.5; unit "user"; min-seats 3 }
              }
            }
            pricing-table main { row plan_team }
            """)
        let table = try Self.json(output.file(at: "pricing-tables/main.json"))
        guard case .array(let plans)? = table["pricingTable"]?["plans"], let row = plans.first else {
            Issue.record("no plans")
            return
        }
        #expect(row["price"] == .number("9.5"))
        #expect(row["interval"] == "month per user")
        #expect(row["minSeats"] == 3)
        #expect(row["features"] == [.object([.init("text", "Plus $29/month platform fee")]),
                                    .object([.init("text", "SSO")])])
    }

    @Test("bullet lines replace the generated ones; a trial changes the button; an enterprise row shows no price")
    func rowDefaults() throws {
        let output = try Self.build("""
            currency USD
            plan plan_pro {
              name "Pro"
              price price_pro { interval year; component comp_base { fixed 290 } }
            }
            plan plan_pro_trial { name "Pro trial"; trial-of plan_pro; trial-days 14 }
            plan plan_enterprise { name "Enterprise" }
            pricing-table main {
              row plan_pro { bullet "Everything"; bullet "And more" }
              row plan_enterprise { enterprise "https://example.com/sales" }
            }
            """)
        let table = try Self.json(output.file(at: "pricing-tables/main.json"))
        guard case .array(let plans)? = table["pricingTable"]?["plans"], plans.count == 2 else {
            Issue.record("expected two rows")
            return
        }
        #expect(plans[0]["features"] == [.object([.init("text", "Everything")]), .object([.init("text", "And more")])])
        #expect(plans[0]["buttonText"] == "Start free trial")
        #expect(plans[0]["interval"] == "year")
        #expect(plans[0]["priceMonthly"] == .null)
        #expect(plans[0]["trial"] == .object([.init("available", true), .init("days", 14),
                                              .init("trialPlanId", "plan_pro_trial")]))
        #expect(plans[1]["price"] == 0)
        #expect(plans[1]["interval"] == "year", "no other row has a monthly amount")
        #expect(plans[1]["priceId"] == .null)
        #expect(plans[1]["buttonText"] == "Contact sales")
        #expect(plans[1]["pricingData"] == .null)
    }

    // MARK: Every shipped catalog

    @Test("public tables satisfy Lumen's component and leak nothing private", arguments: catalogs)
    func publicTablesArePublic(_ corpusCatalog: CatalogCorpus.Catalog) throws {
        let result = CatalogCompiler.build(corpusCatalog.sourceFiles())
        let output = try #require(result.output)
        let model = result.check.catalog
        let trialIDs = Set(model.plans.filter(\.isTrial).map(\.id.value))
        var forbidden = Set(model.plans.filter(\.isHidden).map(\.id.value))
        for quote in model.quotes {
            forbidden.insert(quote.id.value)
            forbidden.formUnion([quote.customer, quote.subscription, quote.price?.id.value].compactMap { $0 })
        }
        for file in output.files where file.path.hasPrefix("pricing-tables/") {
            let table = try JSONParser.parse(file.bytes)
            guard case .array(let plans)? = table["pricingTable"]?["plans"] else {
                Issue.record("\(file.path): no plans array")
                continue
            }
            for plan in plans {
                guard case .string? = plan["title"], case .string? = plan["buttonText"],
                      case .number? = plan["price"], case .string? = plan["interval"] else {
                    Issue.record("\(file.path): a plan lacks Lumen's required title, buttonText, price or interval")
                    continue
                }
                if case .string(let planID)? = plan["planId"] {
                    #expect(!trialIDs.contains(planID), "\(file.path): trial plan \(planID) has a row of its own")
                }
            }
            for problem in Self.privateText(in: table, forbidden: forbidden, trialIDs: trialIDs) {
                Issue.record("\(file.path) \(problem)")
            }
        }
    }

    /// Where a public table holds a private string, or a trial plan's id outside a row's `trial`.
    static func privateText(in table: JSONValue, forbidden: Set<String>, trialIDs: Set<String>) -> [String] {
        var problems: [String] = []
        for (path, text) in strings(in: table, path: "$") where !path.hasSuffix(".trial.trialPlanId") {
            if trialIDs.contains(text) { problems.append("\(path): trial plan id outside a row's trial") }
            for secret in forbidden where text.contains(secret) {
                problems.append("\(path): holds `\(secret)`, which is private")
            }
        }
        return problems
    }

    @Test("the privacy scan finds a planted customer name and a trial id outside a row's trial")
    func privacyScanBites() {
        let table: JSONValue = .object([.init("pricingTable", .object([.init("plans", [
            .object([.init("features", [.object([.init("text", "Built for Globex Corporation")])]),
                     .init("trial", .object([.init("trialPlanId", "plan_trial")])),
                     .init("planId", "plan_trial")]),
        ])]))])
        let problems = Self.privateText(in: table, forbidden: ["Globex Corporation"], trialIDs: ["plan_trial"])
        #expect(problems == ["$.pricingTable.plans[0].features[0].text: holds `Globex Corporation`, which is private",
                             "$.pricingTable.plans[0].planId: trial plan id outside a row's trial"])
    }

    /// Every string value of a document, with its path.
    static func strings(in value: JSONValue, path: String) -> [(String, String)] {
        switch value {
        case .string(let text): [(path, text)]
        case .array(let elements): elements.enumerated().flatMap { strings(in: $1, path: "\(path)[\($0)]") }
        case .object(let members): members.flatMap { strings(in: $0.value, path: "\(path).\($0.key)") }
        case .null, .bool, .number: []
        }
    }

    @Test("two builds are byte-identical and every file ends with one newline", arguments: catalogs)
    func repeatable(_ catalog: CatalogCorpus.Catalog) throws {
        let first = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        let second = try #require(CatalogCompiler.build(catalog.sourceFiles()).output)
        #expect(first.files == second.files)
        for file in first.files {
            #expect(file.bytes.last == UInt8(ascii: "\n") && file.bytes.dropLast().last != UInt8(ascii: "\n"))
        }
    }

    @Test("a catalog with errors builds nothing")
    func errorsBuildNothing() {
        let result = CatalogCompiler.build([SourceFile(path: "bad.plancat", bytes: Array("plan p {".utf8))])
        #expect(result.output == nil)
        #expect(result.check.hasErrors)
    }
}

/// The en-US wording of pricing pages.
@Suite struct DisplayTextTests {
    @Test(arguments: [("0", "0"), ("999", "999"), ("1000", "1,000"), ("1234567.25", "1,234,567.25"), ("0.5", "0.5")])
    func grouping(_ input: String, _ expected: String) throws {
        #expect(DisplayText.number(try #require(ExactDecimal(parsing: input))) == expected)
    }

    @Test(arguments: [("29", "USD", "$29"), ("9.5", "USD", "$9.50"), ("0.002", "USD", "$0.002"),
                      ("18000", "EUR", "€18,000"), ("12.5", "CHF", "CHF 12.50"), ("1200", "JPY", "¥1,200"),
                      ("1.25", "KWD", "KWD 1.250")])
    func money(_ amount: String, _ currency: String, _ expected: String) throws {
        #expect(DisplayText.money(try #require(ExactDecimal(parsing: amount)), currency: currency) == expected)
    }

    @Test(arguments: [("team member", "team members"), ("inbox", "inboxes"), ("query", "queries"),
                      ("day", "days"), ("branch", "branches"), ("API call", "API calls"), ("Seat", "Seats"),
                      // Issue 14: abbreviations and units in capitals, and measures, stay as written.
                      ("GB", "GB"), ("GB egress", "GB egress"), ("TB of data", "TB of data"), ("vCPU", "vCPU"),
                      ("SMS", "SMS"), ("kWh", "kWh"), ("5xx error", "5xx errors"), ("hour of support", "hours of support"),
                      ("person", "people"), ("Person", "People"), ("child", "children")])
    func plural(_ unit: String, _ expected: String) {
        #expect(DisplayText.plural(unit) == expected)
    }

    @Test func count() throws {
        #expect(DisplayText.count(ExactDecimal(1), "seat") == "1 seat")
        #expect(DisplayText.count(ExactDecimal(10_000), "API call") == "10,000 API calls")
        #expect(DisplayText.count(ExactDecimal(8), "GB") == "8 GB")
        #expect(DisplayText.count(ExactDecimal(5), "person") == "5 people")
        // A plural the source gives wins; the singular stays for 1.
        #expect(DisplayText.count(ExactDecimal(3), "index", plural: "indices") == "3 indices")
        #expect(DisplayText.count(ExactDecimal(1), "index", plural: "indices") == "1 index")
    }

    /// Issue 14: the examples of the issue, built from source, and a unit's own plural in every bullet
    /// that counts it, while catalog.json's `unitLabel` stays singular.
    @Test func generatedBulletsUseTheRightPlurals() throws {
        let source = """
            currency USD
            metric messages {
              name "Messages"
            }
            feature storage {
              name "Storage"
              type number
              unit "GB"
            }
            feature egress {
              name "Egress"
              type number
              unit "GB egress"
            }
            feature archive {
              name "Archive"
              type number
              unit "TB of data"
            }
            feature guests {
              name "Guests"
              type number
              unit "person"
            }
            feature members {
              name "Members"
              type number
              unit "member" "team members"
            }
            feature messages {
              name "Messages"
              type usage
              metric messages
              unit "message" "text messages"
            }
            plan plan_pro {
              name "Pro"
              features {
                storage 8
                egress 5
                archive 2
                guests 5
                members unlimited
                messages
              }
              price price_pro {
                interval month
                component base { fixed 10 }
              }
              credit included {
                name "Included"
                applies-to messages
                amount 100
              }
            }
            pricing-table main {
              row plan_pro
            }
            """
        let output = try #require(CatalogCompiler.build([SourceFile(path: "plurals.plancat", text: source)]).output)
        let bullets = output.document.pricingTables.first?.planConfigs.first?.bullets
        #expect(bullets == ["8 GB", "5 GB egress", "2 TB of data", "5 people", "Unlimited team members",
                            "100 text messages included each billing period"])
        #expect(output.document.features.first { $0.slug == "members" }?.unitLabel == "member")
        let json = String(decoding: output.document.jsonBytes, as: UTF8.self)
        #expect(!json.contains("team members\"") || json.contains("\"Unlimited team members\""))
        #expect(!json.contains("\"unitLabel\": \"team members\""))
    }
}

/// Docs/Language.md states what its "Derived" example's row shows; the build must agree.
@Suite struct DerivedExampleTests {
    @Test("the row of Language.md's derived example shows what the page says")
    func languageDocumentExample() throws {
        let text = try String(contentsOf: CatalogCorpus.packageRoot.appendingPathComponent("Docs/Language.md"), encoding: .utf8)
        let blocks = text.components(separatedBy: "```plancat\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let example = try #require(blocks.first { $0.hasPrefix("catalog \"Derived\"") })
        let output = try EmitTests.build(example)
        let table = try EmitTests.json(output.file(at: "pricing-tables/main.json"))
        guard case .array(let plans)? = table["pricingTable"]?["plans"], let row = plans.first else {
            Issue.record("no row")
            return
        }
        #expect(row["price"] == 10)
        #expect(row["priceYearly"] == 100)
        #expect(row["interval"] == "month per seat")
        #expect(row["features"] == .array([
            "Plus $29/month platform fee", "Unlimited projects", "Audit log", "Support: Email",
            "500 automation runs included each billing period per seat",
        ].map { .object([.init("text", .string($0))]) }))
    }
}
