/// One sample subscription to preview: what a `scenario` block says (PREVIEW.md § 1), or what
/// `plancat preview --price … --seats … --usage …` says ad hoc.
///
/// Plain values with no source locations: the preview runs on a catalog.json document, the source's or a
/// deployed one, and reports a problem by what it is about (the index of a seat change, a metric id), so
/// that the checks can place it at the statement that wrote it.
public struct PreviewRequest: Equatable, Sendable {
    /// The scenario's id, or nil for an ad-hoc preview.
    public var scenarioID: String?
    /// The scenario's `description`.
    public var description: String?
    /// The price the subscription is on: a plan's, or a quote's negotiated price.
    public var priceID: String
    /// The first day of the period previewed; without it the period has no dates.
    public var start: CalendarDate?
    /// Seats held at the start; nil when no `seats` line is written (the subscription then holds the
    /// component's `min-seats`, or 1).
    public var seats: Int?
    /// The dated seat changes, in the order written (they must be in increasing date order).
    public var seatChanges: [SeatChange]
    /// Each metric's quantity over the whole period, in the order written; a metric without a line has 0.
    public var usage: [MetricUsage]

    public init(scenarioID: String? = nil, description: String? = nil, priceID: String, start: CalendarDate? = nil,
                seats: Int? = nil, seatChanges: [SeatChange] = [], usage: [MetricUsage] = []) {
        self.scenarioID = scenarioID
        self.description = description
        self.priceID = priceID
        self.start = start
        self.seats = seats
        self.seatChanges = seatChanges
        self.usage = usage
    }

    /// `seats 7 from 2026-03-17`: from that day on the subscription holds that many seats.
    public struct SeatChange: Equatable, Sendable {
        public var seats: Int
        public var date: CalendarDate

        public init(seats: Int, from date: CalendarDate) {
            self.seats = seats
            self.date = date
        }
    }

    /// `usage api-calls 48_213`: a metric's quantity over the period, as Lumen aggregates it from events.
    public struct MetricUsage: Equatable, Sendable {
        public var metricID: String
        public var quantity: ExactDecimal

        public init(metricID: String, quantity: ExactDecimal) {
            self.metricID = metricID
            self.quantity = quantity
        }
    }
}
