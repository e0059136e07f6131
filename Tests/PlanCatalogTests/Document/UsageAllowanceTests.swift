import Testing
@testable import PlanCatalog

/// A plan's allowance of a usage feature (`CatalogDocumentIndex.usageAllowance`): its usage credits for
/// the feature and for components billing the feature's metrics, added up. entitlements.json's
/// `creditAllowance` and a row's generated bullet both read it; a row counts only its shown price's
/// component credits.
@Suite struct UsageAllowanceTests {
    static let source = """
        currency USD
        metric api_calls { name "API calls" }
        feature api-calls { name "API calls"; type usage; metric api_calls; unit "API call" }
        plan plan_pro {
          name "Pro"
          features { api-calls }
          price price_monthly {
            interval month
            component base { fixed 29 }
            component calls { usage api_calls; unit-price 0.001 }
          }
          price price_yearly {
            interval year
            component base { fixed 290 }
            component calls { usage api_calls; unit-price 0.001 }
          }
          credit monthly_quota { name "Monthly quota"; applies-to price_monthly.calls; amount 1000 }
          credit bonus { name "Bonus"; applies-to api-calls; amount 500; renew never }
          credit yearly_quota { name "Yearly quota"; applies-to price_yearly.calls; amount 12000 }
        }
        plan plan_basic {
          name "Basic"
          features { api-calls }
          price price_basic { interval month; component calls { usage api_calls; unit-price 0.002 } }
          credit basic_bonus { name "Basic bonus"; applies-to api-calls; amount 50; renew monthly }
        }
        pricing-table main { row plan_pro; row plan_basic }
        """

    static func build() throws -> BuildOutput {
        try #require(CatalogCompiler.build([SourceFile(path: "allowance.plancat", text: source)]).output)
    }

    @Test("entitlements add up every usage credit of the plan for the feature, across credits and prices")
    func entitlementsSumAllCredits() throws {
        let output = try Self.build()
        let entitlements = try JSONParser.parse(try #require(output.file(at: "entitlements.json")).bytes)
        let pro = try #require(entitlements["plans"]?["plan_pro"]?["api-calls"])
        #expect(pro["creditAllowance"] == 13500)
        #expect(pro["renewOnBilling"] == true, "two of the three renew on billing")
        let basic = try #require(entitlements["plans"]?["plan_basic"]?["api-calls"])
        #expect(basic["creditAllowance"] == 50)
        #expect(basic["renewOnBilling"] == false, "its only credit refills monthly, on a schedule of its own")
    }

    @Test("a row's bullet counts the feature's credits and its shown price's, not another price's")
    func rowCountsTheShownPrice() throws {
        let output = try Self.build()
        let rows = try #require(output.document.pricingTables.first?.planConfigs)
        #expect(rows[0].bullets.contains("1,500 API calls included each billing period"), "\(rows[0].bullets)")
        #expect(rows[1].bullets.contains("50 API calls included each billing period"), "\(rows[1].bullets)")
    }

    @Test("the index answers both, from one rule: all prices, or only the one given")
    func indexAnswers() throws {
        let document = try Self.build().document
        let index = CatalogDocumentIndex(document)
        let feature = try #require(index.features["api-calls"])
        #expect(index.usageAllowance(of: "plan_pro", forFeature: feature.slug, metering: feature.metricIDs)
                == UsageAllowance(total: ExactDecimal(13500), renewsOnBilling: true))
        #expect(index.usageAllowance(of: "plan_pro", forFeature: feature.slug, metering: feature.metricIDs,
                                     onlyOf: "price_yearly")
                == UsageAllowance(total: ExactDecimal(12500), renewsOnBilling: true))
        #expect(index.usageAllowance(of: "plan_pro", forFeature: feature.slug, metering: [])
                == UsageAllowance(total: ExactDecimal(500), renewsOnBilling: false),
                "a component's credit counts only for a feature metering the component's metric")
        #expect(Array(index.creditPositions(of: "plan_pro")).map { document.creditDefinitions[$0].id }
                == ["bonus", "monthly_quota", "yearly_quota"], "in the document's order, which is by id")
        #expect(Array(index.creditPositions(of: "plan_none")).isEmpty)
    }

    @Test("a plan without a credit for the feature has no allowance")
    func noCreditNoAllowance() throws {
        let source = """
            currency USD
            metric api_calls { name "API calls" }
            feature api-calls { name "API calls"; type usage; metric api_calls }
            plan plan_payg {
              name "Pay as you go"
              features { api-calls }
              price price_payg { interval month; component calls { usage api_calls; unit-price 0.002 } }
            }
            """
        let output = try #require(CatalogCompiler.build([SourceFile(path: "payg.plancat", text: source)]).output)
        let index = CatalogDocumentIndex(output.document)
        let feature = try #require(index.features["api-calls"])
        #expect(index.usageAllowance(of: "plan_payg", forFeature: feature.slug, metering: feature.metricIDs) == nil)
        let entitlements = try JSONParser.parse(try #require(output.file(at: "entitlements.json")).bytes)
        #expect(entitlements["plans"]?["plan_payg"]?["api-calls"]?["creditAllowance"] == .null)
    }
}
