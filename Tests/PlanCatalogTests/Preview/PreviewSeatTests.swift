import Testing
@testable import PlanCatalog

/// Per-seat components (PREVIEW.md § 2, step 2): seats billed are `max(seats, min-seats)`; a change bills
/// a proration only for seats above the most billed so far, and only when the component bills
/// immediately.
@Suite struct PreviewSeatTests {
    static let catalog = """
        currency USD
        plan plan_immediate {
          name "Immediate"
          price immediate { interval month; component seats { per-seat 12 } }
        }
        plan plan_next_period {
          name "Next period"
          price next_period { interval month; component seats { per-seat 12; bill-immediately false } }
        }
        plan plan_minimum {
          name "Minimum"
          price minimum { interval month; component seats { per-seat 12; min-seats 10 } }
        }
        plan plan_two_kinds {
          name "Two kinds"
          price two_kinds {
            interval month
            component editors { per-seat 20; label "Editors" }
            component viewers { per-seat 5; min-seats 3; unit "viewer" }
          }
        }
        """

    @Test("a decrease adds no line; a later increase prorates only the seats above the earlier most")
    func decreaseThenIncrease() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice(
            "immediate", start: "2026-03-01", seats: 5,
            changes: [(3, "2026-03-05"), (5, "2026-03-10"), (8, "2026-03-20")])
        #expect(invoice.lines.map(\.kind) == [.seats, .seatsProration])
        #expect(invoice.lines[1].quantity == ExactDecimal(3), "8 − 5, not 8 − 3")
        #expect(invoice.amounts == ["60", "13.94"], "3 × 12 × 12/31 = 13.935…")
    }

    @Test("each increase above the most so far adds its own line")
    func successiveIncreases() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice(
            "immediate", start: "2026-03-01", seats: 1, changes: [(2, "2026-03-11"), (4, "2026-03-21")])
        #expect(invoice.lines.map { $0.quantity?.description } == ["1", "1", "2"])
        #expect(invoice.amounts == ["12", "8.13", "8.52"], "12 × 21/31 = 8.129…, 2 × 12 × 11/31 = 8.516…")
        #expect(invoice.subtotal.description == "28.65")
    }

    @Test("a component that does not bill immediately bills the new count from the next period")
    func billImmediatelyFalse() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice(
            "next_period", start: "2026-03-01", seats: 5, changes: [(9, "2026-03-02")])
        #expect(invoice.lines.map(\.kind) == [.seats])
        #expect(invoice.amounts == ["60"])
    }

    @Test("min-seats above the seats held bills min-seats, and prorates only above it")
    func minimumSeats() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        let held = try catalog.invoice("minimum", start: "2026-03-01", seats: 3,
                                       changes: [(8, "2026-03-10"), (12, "2026-03-17")])
        #expect(held.lines.map { $0.quantity?.description } == ["10", "2"])
        #expect(held.amounts == ["120", "11.61"], "2 × 12 × 15/31, as in PREVIEW.md's example")
        let withoutSeatsLine = try catalog.invoice("minimum")
        #expect(withoutSeatsLine.lines.first?.quantity == ExactDecimal(10))
    }

    @Test("without a seats line the subscription holds one seat; zero seats bill nothing")
    func defaultSeats() throws {
        let catalog = try PreviewCatalog(Self.catalog)
        #expect(try catalog.invoice("immediate").amounts == ["12"])
        #expect(try catalog.invoice("immediate", seats: 0).amounts == ["0"])
    }

    @Test("a change dated without a seats line starts from the default")
    func changeFromDefault() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("immediate", start: "2026-03-01",
                                                               changes: [(2, "2026-03-17")])
        #expect(invoice.amounts == ["12", "5.81"], "1 × 12 × 15/31 = 5.806…")
    }

    @Test("every per-seat component bills the same seats, each with its own minimum and labels")
    func twoPerSeatComponents() throws {
        let invoice = try PreviewCatalog(Self.catalog).invoice("two_kinds", seats: 2)
        #expect(invoice.lines.map(\.componentID) == ["editors", "viewers"])
        #expect(invoice.lines.map(\.description) == ["Editors", "viewers"])
        #expect(invoice.lines.map(\.unitLabel) == ["seat", "viewer"])
        #expect(invoice.amounts == ["40", "15"], "viewers bill min-seats 3")
    }
}
