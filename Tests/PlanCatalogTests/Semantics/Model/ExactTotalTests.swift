import Testing
@testable import PlanCatalog

/// E0813's limit and sum (`ExactTotal`), and the compiler's check and the catalog.json reader drawing the
/// line at the same total: what `check` accepts, `build` writes and `diff`/`import` read back; one unit
/// more is refused by both.
@Suite struct ExactTotalTests {
    @Test("a total may reach 2^53 − 1 but not pass it")
    func limit() {
        #expect(ExactTotal.limit == 9_007_199_254_740_991)
        var total = ExactTotal()
        let first = total.add(ExactDecimal(4_503_599_627_370_495))
        let second = total.add(ExactDecimal(4_503_599_627_370_496))
        #expect(first && second)
        #expect(total.value == ExactTotal.limit && !total.exceedsLimit)
        let third = total.add(ExactDecimal(1))
        #expect(!third)
        #expect(total.exceedsLimit)
    }

    @Test("amounts refused on their own are left out of the total")
    func leavesOutInvalidAmounts() throws {
        let fraction = try #require(ExactDecimal(parsing: "0.5"))
        let negative = try #require(ExactDecimal(parsing: "-3"))
        let tooLarge = try #require(ExactDecimal(parsing: "9007199254740992"))
        #expect(!ExactTotal.exceedsLimit([fraction, negative, tooLarge, ExactDecimal(7)]))
        var total = ExactTotal()
        for amount in [fraction, negative, tooLarge, ExactDecimal(7)] { total.add(amount) }
        #expect(total.value == 7)
    }

    @Test("a total past the limit stays past it without overflowing")
    func saturates() {
        let amounts = Array(repeating: ExactDecimal(Int(ExactTotal.limit)), count: 5_000)
        #expect(ExactTotal.exceedsLimit(amounts))
        var total = ExactTotal()
        for amount in amounts { total.add(amount) }
        #expect(total.value == ExactTotal.limit + 1)
    }

    /// A plan whose usage credits add up to `creditTotal` units and whose price's fixed and per-seat
    /// amounts add up to `priceTotal` minor units (each split in two halves, the second the larger).
    static func source(creditTotal: UInt64, priceTotal: UInt64) -> String {
        func halves(_ total: UInt64) -> (UInt64, UInt64) { (total / 2, total - total / 2) }
        func dollars(_ cents: UInt64) -> String { "\(cents / 100).\(String(cents % 100).leftPadded(to: 2))" }
        let (credit1, credit2) = halves(creditTotal)
        let (fixed, seats) = halves(priceTotal)
        return """
            currency USD
            metric api_calls { name "API calls" }
            feature api-calls { name "API calls"; type usage; metric api_calls; unit "API call" }
            plan plan_big {
              name "Big"
              features { api-calls }
              price price_big {
                interval month
                component base { fixed \(dollars(fixed)) }
                component seats { per-seat \(dollars(seats)) }
              }
              credit first { name "First"; applies-to api-calls; amount \(credit1) }
              credit second { name "Second"; applies-to api-calls; amount \(credit2) }
            }
            """
    }

    static func check(_ text: String) -> [Diagnostic] {
        CatalogCompiler.check([SourceFile(path: "totals.plancat", text: text)]).diagnostics
    }

    @Test("check and the reader both accept totals of exactly 2^53 − 1, and both refuse one more")
    func checkAndReaderAgree() throws {
        let limit = ExactTotal.limit
        let atLimit = Self.source(creditTotal: limit, priceTotal: limit)
        #expect(Self.check(atLimit).filter { $0.code == .totalTooLarge }.isEmpty)
        let output = try #require(CatalogCompiler.build([SourceFile(path: "totals.plancat", text: atLimit)]).output)
        let json = String(decoding: try #require(output.file(at: "catalog.json")).bytes, as: UTF8.self)
        _ = try CatalogDocument(json: Array(json.utf8))

        // One more unit of credit.
        let creditMessages = Self.check(Self.source(creditTotal: limit + 1, priceTotal: limit))
            .filter { $0.code == .totalTooLarge }.map(\.message)
        #expect(creditMessages == ["the usage credits of plan `plan_big` add up to more than 2^53 − 1 units"])
        let secondCredit = limit - limit / 2
        let creditJSON = json.replacing("\"defaultAmount\": \(secondCredit),", with: "\"defaultAmount\": \(secondCredit + 1),")
        #expect(creditJSON != json)
        #expect(throws: CatalogDocumentError.self) { try CatalogDocument(json: Array(creditJSON.utf8)) }
        #expect(Self.readingError(creditJSON)?.contains("the usage credits of plan \"plan_big\" add up to more than") == true)

        // One more minor unit of price.
        let priceMessages = Self.check(Self.source(creditTotal: limit, priceTotal: limit + 1))
            .filter { $0.code == .totalTooLarge }.map(\.message)
        #expect(priceMessages == ["the amounts of price `price_big` add up to more than 2^53 − 1 minor units"])
        let seats = limit - limit / 2
        let priceJSON = json.replacing("\"amount_cents\": \(seats),", with: "\"amount_cents\": \(seats + 1),")
        #expect(priceJSON != json)
        #expect(Self.readingError(priceJSON)?.contains("amounts of price \"price_big\" add up to more than") == true)
    }

    static func readingError(_ json: String) -> String? {
        do {
            _ = try CatalogDocument(json: Array(json.utf8))
            return nil
        } catch {
            return error.description
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
