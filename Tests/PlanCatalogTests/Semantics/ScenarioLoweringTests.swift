import Testing
@testable import PlanCatalog

/// What lowering makes of `scenario` blocks (PREVIEW.md § 1): every statement read into `Scenario` with
/// where it was written, the two forms of `seats` told apart, scenarios kept in declaration order, and
/// nothing of them in what `build` writes.
@Suite struct ScenarioLoweringTests {
    static func check(_ source: String) -> CheckResult {
        CatalogCompiler.check([SourceFile(path: "test.plancat", text: source)])
    }

    static let catalog = """
        catalog "Scenarios"
        currency USD

        metric api-calls {
          name "API calls"
        }

        metric storage-gb {
          name "Storage"
          aggregate max
        }

        feature api-calls {
          name "API calls"
          type usage
          metric api-calls
        }

        feature storage {
          name "Storage"
          type usage
          metric storage-gb
        }

        plan plan_team {
          name "Team"
          features {
            api-calls
            storage
          }
          price price_team_monthly {
            interval month
            component comp_platform { fixed 49 }
            component comp_seats { per-seat 12 }
            component comp_api { usage api-calls; unit-price 0.0015 }
            component comp_storage { usage storage-gb; unit-price 0.1 }
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

        pricing-table pricing {
          row plan_team
        }

        """

    /// The amounts are PREVIEW.md § 2's: 49 + 5 × 12 + 11.61 (two seats for 15 of March's 31 days)
    /// + 9.29 (two more for 12 days) + 72.32 (48,213 calls) − 15.00 (10,000 calls covered, 2,000 for
    /// each of the 5 seats) + 1.28 (12.75 GB at 0.1, rounded half away from zero) = 188.50, less the
    /// 25.00 welcome credit.
    static let scenarios = """
        scenario acme_march {
          description "Five seats, two more from mid-March"
          price price_team_monthly
          start 2026-03-01
          seats 5
          seats 7 from 2026-03-17
          seats 9 from 2026-03-20
          usage api-calls 48_213
          usage storage-gb 12.75
          expect subtotal 188.50
          expect credits -25
          expect total 163.50
        }

        scenario bare {
          price price_team_monthly
        }

        """

    /// The text `source` holds at `location`.
    static func text(at location: PlanCatalog.SourceLocation, in source: String) -> String {
        let bytes = Array(source.utf8)[location.span.start..<location.span.end]
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func everyStatementIsLoweredWithItsLocation() throws {
        let source = Self.catalog + Self.scenarios
        let result = Self.check(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let scenarios = result.catalog.scenarios
        #expect(scenarios.map(\.id.value) == ["acme_march", "bare"])
        let acme = scenarios[0]
        #expect(Self.text(at: acme.location, in: source) == "scenario acme_march")
        #expect(acme.description?.value == "Five seats, two more from mid-March")
        #expect(acme.priceID?.value == "price_team_monthly")
        #expect(Self.text(at: try #require(acme.priceID).location, in: source) == "price_team_monthly")
        #expect(acme.start?.value == CalendarDate(year: 2026, month: 3, day: 1))
        #expect(Self.text(at: try #require(acme.start).location, in: source) == "2026-03-01")
        #expect(acme.seats?.value == 5)
        #expect(Self.text(at: try #require(acme.seats).location, in: source) == "5")

        #expect(acme.seatChanges.map(\.seats.value) == [7, 9])
        #expect(acme.seatChanges.map(\.date.value.description) == ["2026-03-17", "2026-03-20"])
        #expect(acme.seatChanges.map { Self.text(at: $0.location, in: source) }
            == ["seats 7 from 2026-03-17", "seats 9 from 2026-03-20"])
        #expect(acme.seatChanges.map { Self.text(at: $0.date.location, in: source) } == ["2026-03-17", "2026-03-20"])

        #expect(acme.usage.map(\.metricID.value) == ["api-calls", "storage-gb"])
        #expect(acme.usage.map(\.quantity.value) == [ExactDecimal(48_213), ExactDecimal(parsing: "12.75")!])
        #expect(acme.usage.map { Self.text(at: $0.quantity.location, in: source) } == ["48_213", "12.75"])
        #expect(acme.usage.map { Self.text(at: $0.location, in: source) }
            == ["usage api-calls 48_213", "usage storage-gb 12.75"])

        #expect(acme.expectations.map(\.kind.value) == [.subtotal, .credits, .total])
        #expect(acme.expectations.map(\.amount.value.description) == ["188.5", "-25", "163.5"])
        #expect(acme.expectations.map { Self.text(at: $0.amount.location, in: source) } == ["188.50", "-25", "163.50"])
        #expect(acme.expectations.map { Self.text(at: $0.kind.location, in: source) } == ["subtotal", "credits", "total"])
        #expect(Self.text(at: acme.expectations[2].location, in: source) == "expect total 163.50")

        let bare = scenarios[1]
        #expect(bare.description == nil && bare.start == nil && bare.seats == nil)
        #expect(bare.seatChanges.isEmpty && bare.usage.isEmpty && bare.expectations.isEmpty)
    }

    @Test func scenariosKeepDeclarationOrderAcrossFiles() {
        let files = [
            SourceFile(path: "b.plancat", text: "scenario zeta {\n  price price_team_monthly\n}\n"
                + "scenario alpha {\n  price price_team_monthly\n}\n"),
            SourceFile(path: "a.plancat", text: Self.catalog + "scenario middle {\n  price price_team_monthly\n}\n"),
        ]
        let result = CatalogCompiler.check(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        // Files are read in path order, statements in source order.
        #expect(result.catalog.scenarios.map(\.id.value) == ["middle", "zeta", "alpha"])
    }

    @Test func aScenarioBeforeTheCurrencyStatementIsKeptInItsPlace() {
        let source = "scenario early {\n  price price_team_monthly\n}\n\n" + Self.catalog
            + "scenario late {\n  price price_team_monthly\n}\n"
        let result = Self.check(source)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.catalog.scenarios.map(\.id.value) == ["early", "late"])
    }

    @Test func refusedStatementsLeaveTheirFieldsEmpty() throws {
        let source = Self.catalog + """
            scenario refused {
              price price_team_monthly
              start 2026-02-30
              seats -1
              seats 7 from 2026-13-01
              seats 8 from 2026-03-17
              usage api-calls -5
              usage storage-gb 1
              expect net 3
              expect total 4
            }
            """
        let result = Self.check(source)
        let scenario = try #require(result.catalog.scenarios.first)
        #expect(scenario.start == nil)
        #expect(scenario.seats == nil)
        #expect(scenario.seatChanges.map(\.seats.value) == [8])
        #expect(scenario.usage.map(\.metricID.value) == ["storage-gb"])
        #expect(scenario.expectations.map(\.kind.value) == [.total])
        // A refused `start` is not reported again as missing for the dated change.
        let codes = Set(result.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: [.invalidDate, .valueOutOfRange, .invalidValue]))
        #expect(!codes.contains(.seatChangeWithoutStart))
    }

    @Test("two undated `seats` are a repeat; dated ones are not", arguments: [
        ("seats 5\n  seats 6", [DiagnosticCode.repeatedStatement]),
        ("seats 5\n  seats 6 from 2026-03-10\n  seats 7 from 2026-03-20", []),
        ("seats 6 from 2026-03-10\n  seats 5", []),
    ])
    func seatsForms(lines: String, codes: [DiagnosticCode]) {
        let source = Self.catalog + "scenario s {\n  price price_team_monthly\n  start 2026-03-01\n  \(lines)\n}\n"
        #expect(Self.check(source).diagnostics.map(\.code) == codes)
    }

    @Test func aMisspeltStatementSuggestsTheNearestOnce() throws {
        let source = Self.catalog + "scenario s {\n  price price_team_monthly\n  seat 5\n}\n"
        let diagnostic = try #require(Self.check(source).diagnostics.first)
        #expect(diagnostic.code == .unknownStatement)
        #expect(diagnostic.help == "did you mean `seats`?")
        let noSuggestion = try #require(Self.check(Self.catalog + "scenario s {\n  price price_team_monthly\n  xyzzy 5\n}\n")
            .diagnostics.first)
        #expect(noSuggestion.help == "statements allowed in a scenario: `description`, `price`, `start`, `seats`, "
            + "`usage`, `expect`")
    }

    @Test("the missing-argument messages name what each form takes", arguments: [
        ("seats", "`seats` needs a whole number from 0"),
        ("seats 7 from", "`seats` needs a whole number from 0, `from` and a date `YYYY-MM-DD`"),
        ("usage", "`usage` needs an id and a number from 0"),
        ("expect total", "`expect` needs one of `subtotal`, `credits`, `total` and a number"),
    ])
    func missingArguments(line: String, message: String) throws {
        let source = Self.catalog + "scenario s {\n  price price_team_monthly\n  \(line)\n}\n"
        let diagnostic = try #require(Self.check(source).diagnostics.first)
        #expect(diagnostic.code == .wrongArgumentCount)
        #expect(diagnostic.message == message)
    }

    @Test func aQuotedDateIsFixedByRemovingTheQuotes() throws {
        let source = Self.catalog + "scenario s {\n  price price_team_monthly\n  start \"2026-03-01\"\n}\n"
        let diagnostic = try #require(Self.check(source).diagnostics.first)
        #expect(diagnostic.code == .wrongArgumentKind)
        #expect(diagnostic.fixes.first?.edits.first?.replacement == "2026-03-01")
    }

    /// PREVIEW.md § 3: scenarios describe sample customers, not the catalog, so a catalog with them
    /// builds to exactly the bytes of the same catalog without them.
    @Test func scenariosNeverReachTheBuild() throws {
        let with = CatalogCompiler.build([SourceFile(path: "catalog.plancat", text: Self.catalog + Self.scenarios)])
        let without = CatalogCompiler.build([SourceFile(path: "catalog.plancat", text: Self.catalog)])
        let withFiles = try #require(with.output?.files, "\(with.check.diagnostics.map(\.message))")
        let withoutFiles = try #require(without.output?.files)
        #expect(withFiles.map(\.path) == withoutFiles.map(\.path))
        #expect(withFiles.map(\.path).contains { $0.contains("pricing") }, "the build has a pricing table")
        for (scenarioFile, plainFile) in zip(withFiles, withoutFiles) {
            #expect(scenarioFile.bytes == plainFile.bytes, "\(scenarioFile.path) differs")
            #expect(!String(decoding: scenarioFile.bytes, as: UTF8.self).contains("acme_march"))
        }
    }
}
