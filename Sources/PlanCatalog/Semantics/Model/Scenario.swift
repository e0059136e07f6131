/// A sample subscription kept in the catalog (PREVIEW.md § 1): a price, the first day of the billing
/// period previewed, the seats held and the usage over that period, and the amounts its invoice is
/// expected to come to.
///
/// A scenario describes a customer, not the catalog: nothing of it is emitted into catalog.json,
/// entitlements.json or a pricing table. The checks (`ScenarioChecks`) and the preview read it; every
/// field keeps where it was written, so that a problem, or an `expect` that does not hold, points at it.
public struct Scenario: Sendable {
    /// A dated line `seats N from YYYY-MM-DD`: from that day on, the subscription holds `seats` seats.
    public struct SeatChange: Sendable {
        public let seats: Located<Int>
        public let date: Located<CalendarDate>
        /// The whole line, keyword and arguments.
        public let location: SourceLocation

        public init(seats: Located<Int>, date: Located<CalendarDate>, location: SourceLocation) {
            self.seats = seats
            self.date = date
            self.location = location
        }
    }

    /// A line `usage METRIC QUANTITY`: the metric's quantity over the whole period.
    public struct Usage: Sendable {
        public let metricID: Located<String>
        /// 0 or more; not necessarily whole (gigabytes stored).
        public let quantity: Located<ExactDecimal>
        public let location: SourceLocation

        public init(metricID: Located<String>, quantity: Located<ExactDecimal>, location: SourceLocation) {
            self.metricID = metricID
            self.quantity = quantity
            self.location = location
        }
    }

    /// A line `expect subtotal|credits|total AMOUNT`: an amount the invoice must come to, in major units
    /// of the price's currency.
    public struct Expectation: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            /// The sum of the rounded charge and usage-credit lines.
            case subtotal
            /// The sum of the monetary credit lines (0 or less).
            case credits
            /// `subtotal + credits`.
            case total
        }

        public let kind: Located<Kind>
        /// As written: any sign, at most the currency's minor-unit decimals (E1107).
        public let amount: Located<ExactDecimal>
        public let location: SourceLocation

        public init(kind: Located<Kind>, amount: Located<ExactDecimal>, location: SourceLocation) {
            self.kind = kind
            self.amount = amount
            self.location = location
        }
    }

    public let id: Located<String>
    public let description: Located<String>?
    /// The price the subscription is on, as written; nil when the required `price` is missing or was
    /// refused (both already reported).
    public let priceID: Located<String>?
    /// The first day of the period; nil when not written (or refused).
    public let start: Located<CalendarDate>?
    /// The undated `seats N`: the seats held at the start; nil when not written.
    public let seats: Located<Int>?
    /// The dated `seats N from DATE` lines, in source order.
    public let seatChanges: [SeatChange]
    /// The `usage` lines, in source order (a metric named twice is reported, E1106).
    public let usage: [Usage]
    /// The `expect` lines, in source order.
    public let expectations: [Expectation]
    /// The `scenario ID` header.
    public let location: SourceLocation

    /// A scenario as lowering reads it from a `scenario` block; public so that a scenario given another
    /// way (on a command line) is the same value.
    public init(id: Located<String>, description: Located<String>?, priceID: Located<String>?,
                start: Located<CalendarDate>?, seats: Located<Int>?, seatChanges: [SeatChange], usage: [Usage],
                expectations: [Expectation], location: SourceLocation) {
        self.id = id
        self.description = description
        self.priceID = priceID
        self.start = start
        self.seats = seats
        self.seatChanges = seatChanges
        self.usage = usage
        self.expectations = expectations
        self.location = location
    }
}
