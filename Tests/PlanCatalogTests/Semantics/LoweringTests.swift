import Testing
@testable import PlanCatalog

/// What lowering derives from the source: defaults resolved, money exact, quotes kept apart.
@Suite struct LoweringTests {
    static func lower(_ source: String) -> CheckResult {
        CatalogCompiler.check([SourceFile(path: "test.plancat", text: source)])
    }

    static let guide = """
        catalog "Acme"
        currency USD
        metric api-calls { name "API calls" }
        metric visitors { name "Visitors"; aggregate unique-count; event "page.view" }
        feature api-calls { name "API calls"; type usage; metric api-calls; unit "API call" }
        feature advanced-reports { name "Advanced reports"; type boolean }
        feature team-members { name "Team members"; type number }
        plan plan_pro {
          name "Pro"
          features { advanced-reports; team-members unlimited; api-calls }
          price price_pro_monthly {
            interval month
            component comp_base { fixed 29 }
            component comp_usage_api { usage api-calls; unit-price 0.002 }
          }
          price price_pro_quarterly {
            interval month
            interval-count 3
            component seats { per-seat 25; min-seats 3 }
          }
          credit included_api_quota {
            name "Included API Quota"
            applies-to price_pro_monthly.comp_usage_api
            amount 10000
          }
        }
        plan plan_pro_trial {
          name "Pro trial"
          trial-of plan_pro
          trial-days 14
          credit trial_api_quota { name "Trial API Quota"; applies-to api-calls; amount 5000; renew never }
        }
        plan plan_enterprise { name "Enterprise" }
        quote acme {
          plan plan_enterprise
          customer "Acme Corp"
          price price_acme { interval year; component base { fixed 12000 } }
        }
        """

    @Test("a feature listed twice is reported once, at the repeat, in a short and in a long features block",
          arguments: [3, LoweringTests.longFeaturesBlock])
    func repeatedGrant(featureCount: Int) throws {
        let slugs = (0..<featureCount).map { "feature-\($0)" }
        let features = slugs.map { "feature \($0) { name \"\($0)\"; type boolean }" }.joined(separator: "\n")
        // The first feature is listed twice in a row at the start; the second and the last again at the end
        // (in a long block, the last was listed after the dictionary was made).
        let listing = ([slugs[0], slugs[0]] + slugs.dropFirst() + [slugs[1], slugs[featureCount - 1]])
            .joined(separator: "\n    ")
        let source = "\(features)\nplan plan_a {\n  name \"A\"\n  features {\n    \(listing)\n  }\n}\n"
        let result = Self.lower(source)
        let repeats = result.diagnostics.filter { $0.code == .repeatedStatement }
        #expect(repeats.map(\.message) == [0, 1, featureCount - 1].map {
            "feature `feature-\($0)` is listed more than once in this features block"
        })
        let file = SourceFile(path: "test.plancat", text: source)
        let firstListed = repeats.compactMap { $0.notes.first?.location }.map { file.location(of: $0.span.start).line }
        let linesBeforeListing = featureCount + 3
        #expect(firstListed == [1, 3, featureCount + 1].map { linesBeforeListing + $0 })
        let plan = try #require(result.catalog.plans.first)
        #expect(plan.grants?.map(\.slug.value) == slugs)
    }

    /// More grants than lowering compares in turn, so that repeats are found through its dictionary.
    static let longFeaturesBlock = Lowering.grantsComparedInTurn * 3

    @Test("the guide's catalog checks clean")
    func checksClean() {
        let result = Self.lower(Self.guide)
        #expect(result.diagnostics.isEmpty)
    }

    @Test("metric defaults: event is the id, aggregation sum, unique-count counts strings")
    func metricDefaults() throws {
        let catalog = Self.lower(Self.guide).catalog
        let calls = try #require(catalog.metrics.first { $0.id.value == "api-calls" })
        #expect(calls.eventName == "api-calls")
        #expect(calls.aggregation == .sum)
        #expect(calls.valueType == .numeric)
        let visitors = try #require(catalog.metrics.first { $0.id.value == "visitors" })
        #expect(visitors.eventName == "page.view")
        #expect(visitors.aggregation.lumenName == "UNIQUE_COUNT")
        #expect(visitors.valueType == .string)
    }

    @Test("prices keep exact amounts, periods and the catalog currency")
    func prices() throws {
        let plan = try #require(Self.lower(Self.guide).catalog.plans.first { $0.id.value == "plan_pro" })
        let monthly = try #require(plan.prices.first)
        #expect(monthly.resolvedCurrency == "USD")
        #expect(monthly.period == .monthly)
        #expect(monthly.period?.recurrenceRule == "RRULE:FREQ=MONTHLY;INTERVAL=1")
        guard case .usage(let metric)? = monthly.components[1].kind else {
            Issue.record("expected a usage component")
            return
        }
        #expect(metric.value == "api-calls")
        #expect(monthly.components[1].unitPrice?.value.shifted(by: 2)?.description == "0.2")
        let quarterly = plan.prices[1]
        #expect(quarterly.period == BillingPeriod(interval: .month, count: 3))
        #expect(quarterly.components[0].isPerSeat)
        #expect(quarterly.components[0].minSeats?.value == 3)
        #expect(!plan.isFree)
    }

    @Test("credits default to renewing on billing")
    func creditDefaults() throws {
        let plan = try #require(Self.lower(Self.guide).catalog.plans.first { $0.id.value == "plan_pro" })
        let credit = try #require(plan.credits.first)
        #expect(credit.applicationType == .usage)
        #expect(credit.renewal == .onBilling)
        #expect(credit.appliesTo?.value == .component(price: "price_pro_monthly", component: "comp_usage_api"))
        #expect(credit.amount?.value.integerValue == 10000)
    }

    @Test("a trial without features grants its parent's; a quote's price is an override, not the plan's")
    func trialsAndQuotes() throws {
        let catalog = Self.lower(Self.guide).catalog
        let index = CatalogIndex(catalog)
        let trial = try #require(index.plans.id(named: "plan_pro_trial"))
        #expect(index.grants(of: trial).map(\.slug.value) == ["advanced-reports", "team-members", "api-calls"])
        // The index resolved the same lines to the parent's features, by interned id.
        let slugs = index.grantedFeatures(of: trial).map { $0.map { index.features[$0].slug.value } }
        #expect(slugs == ["advanced-reports", "team-members", "api-calls"])
        let enterprise = try #require(index.plans["plan_enterprise"])
        #expect(enterprise.isPlaceholder)
        let quotePrice = try #require(catalog.quotes.first?.price)
        #expect(quotePrice.isOverride)
        #expect(quotePrice.planID == "plan_enterprise")
        #expect(enterprise.prices.isEmpty)
    }

    @Test("a free plan is one whose every component is 0")
    func freePlan() throws {
        let result = Self.lower("""
            currency EUR
            metric calls { name "Calls" }
            feature calls { name "Calls"; type usage; metric calls }
            plan plan_free {
              name "Free"
              features { calls }
              price price_free {
                interval month
                component base { fixed 0.00 }
                component usage { usage calls; unit-price 0 }
              }
            }
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.catalog.plans.first).isFree)
    }

    @Test("flags read true alone or with `true`, false with `false`")
    func flags() throws {
        let result = Self.lower("""
            currency USD
            plan a { name "A"; hidden; price pa { interval month; component c { fixed 1 } } }
            plan b { name "B"; hidden false; price pb { interval month; component c { fixed 1 } } }
            plan c { name "C"; hidden true; price pc { interval month; component c { fixed 1 } } }
            """)
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog.plans.map(\.isHidden) == [true, false, true])
    }
}
