import Testing
@testable import PlanCatalog

/// The scenario checks' edges that the check fixtures (`Fixtures/Check/scenarios*.plancat`) do not show
/// one by one: the end of periods of every interval, and one mistake giving one diagnostic when what a
/// check needs was refused.
@Suite struct ScenarioChecksTests {
    static func codes(_ source: String) -> [DiagnosticCode] {
        CatalogCompiler.check([SourceFile(path: "test.plancat", text: source)]).diagnostics.map(\.code)
    }

    /// A catalog with one per-seat price of the period given by `interval` lines, and one scenario on it.
    static func catalog(interval: String, scenario: String) -> String {
        """
        currency USD

        plan plan_team {
          name "Team"
          price price_team {
            \(interval)
            component comp_seats { per-seat 12 }
          }
        }

        scenario s {
          price price_team
          \(scenario)
        }

        """
    }

    @Test("the last day of a period takes a seat change; its end does not", arguments: [
        // A month from the 31st clamps: January 31 to February 28, not counted.
        ("interval month", "2026-01-31", "2026-02-27", "2026-02-28"),
        // March has 31 days.
        ("interval month", "2026-03-01", "2026-03-31", "2026-04-01"),
        // A year from a leap day ends on 28 February.
        ("interval year", "2028-02-29", "2029-02-27", "2029-02-28"),
        // A quarter.
        ("interval month\n    interval-count 3", "2026-01-15", "2026-04-14", "2026-04-15"),
        ("interval week", "2026-03-02", "2026-03-08", "2026-03-09"),
        ("interval day\n    interval-count 10", "2026-12-25", "2027-01-03", "2027-01-04"),
    ])
    func periodEnds(interval: String, start: String, lastDay: String, end: String) {
        let inside = Self.catalog(interval: interval, scenario: "start \(start)\n  seats 4 from \(lastDay)")
        #expect(Self.codes(inside) == [])
        let outside = Self.catalog(interval: interval, scenario: "start \(start)\n  seats 4 from \(end)")
        #expect(Self.codes(outside) == [.seatChangeOutsidePeriod])
    }

    @Test func aPeriodEndingPastTheCalendarLetsEveryLaterDayIn() {
        // No seat rule refuses the change; the period itself cannot be previewed (E1109).
        let source = Self.catalog(interval: "interval year", scenario: "start 9999-06-01\n  seats 4 from 9999-12-31")
        #expect(Self.codes(source) == [.scenarioNotComputable])
    }

    @Test func aRefusedIntervalLeavesThePeriodUnknown() {
        // `monthly` is refused (E0208): neither the mixed periods nor the period's end are judged.
        let source = """
            currency USD

            plan plan_team {
              name "Team"
              price price_team {
                interval monthly
                component comp_base { fixed 10; interval year }
                component comp_seats { per-seat 12 }
              }
            }

            scenario s {
              price price_team
              start 2026-03-01
              seats 4 from 2027-06-01
            }

            """
        #expect(Self.codes(source) == [.invalidValue])
    }

    @Test func aRefusedUsageComponentLeavesWhatThePriceBillsUnknown() {
        let source = """
            currency USD

            metric api-calls {
              name "API calls"
            }

            plan plan_pro {
              name "Pro"
              price price_pro {
                interval month
                component comp_api { usage "api-calls"; unit-price 0.002 }
              }
            }

            scenario s {
              price price_pro
              usage api-calls 10
              seats 3
            }

            """
        // The component's `usage` is refused (E0203), and its kind with it (E0807 follows from that):
        // neither the usage line nor the seats line is warned about.
        #expect(!Self.codes(source).contains(.scenarioUsageNotBilled))
        #expect(!Self.codes(source).contains(.scenarioSeatsNotBilled))
        #expect(Self.codes(source).contains(.wrongArgumentKind))
    }

    @Test func aRefusedPriceIsOneError() {
        let source = Self.catalog(interval: "interval month", scenario: "")
            .replacingOccurrences(of: "  price price_team\n  \n", with: "  price \"price_team\"\n")
        #expect(Self.codes(source) == [.wrongArgumentKind])
    }

    @Test func aScenarioOnAQuotesPriceBillsItsSeats() {
        let source = """
            currency USD

            plan plan_enterprise {
              name "Enterprise"
            }

            quote quote_globex {
              plan plan_enterprise
              customer "Globex"
              price price_globex {
                interval year
                component comp_seats { per-seat 120; min-seats 100 }
              }
            }

            scenario globex {
              price price_globex
              start 2026-01-01
              seats 100
              seats 140 from 2026-07-01
            }

            """
        #expect(Self.codes(source) == [])
    }

    /// Whether the amount is the computed one is not this check's business: only its precision is asked.
    @Test("an expect amount is as precise as the price's own currency", arguments: [
        ("JPY", "3000", false),
        ("JPY", "3000.5", true),
        ("KWD", "9.125", false),
        ("KWD", "9.1255", true),
        ("USD", "-0.01", false),
        ("USD", "0.001", true),
    ])
    func expectPrecision(currency: String, amount: String, isTooPrecise: Bool) {
        let source = """
            currency EUR

            plan plan_pro {
              name "Pro"
              price price_pro {
                currency \(currency)
                interval month
                component comp_base { fixed 3 }
              }
            }

            scenario s {
              price price_pro
              expect total \(amount)
            }

            """
        let codes = Self.codes(source)
        #expect(codes.contains(.expectedAmountTooPrecise) == isTooPrecise, "\(codes)")
        #expect(codes.allSatisfy { $0.rawValue.hasPrefix("E11") }, "\(codes)")
    }

    @Test func anUnknownPriceOrMetricSuggestsTheNearest() throws {
        let source = """
            currency USD

            metric api-calls {
              name "API calls"
            }

            plan plan_pro {
              name "Pro"
              price price_pro_monthly {
                interval month
                component comp_base { fixed 3 }
              }
            }

            scenario s {
              price price_pro_mothly
              usage api-cals 5
            }

            """
        let diagnostics = CatalogCompiler.check([SourceFile(path: "test.plancat", text: source)]).diagnostics
        #expect(diagnostics.map(\.code) == [.unknownPrice, .unknownMetric])
        #expect(diagnostics.map(\.help) == ["did you mean `price_pro_monthly`?", "did you mean `api-calls`?"])
        #expect(diagnostics.compactMap { $0.fixes.first?.edits.first?.replacement } == ["price_pro_monthly", "api-calls"])
    }
}
