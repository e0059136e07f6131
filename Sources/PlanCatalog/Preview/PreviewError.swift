/// Why a scenario cannot be previewed. The problem is typed and carries what it is about — a price id,
/// the index of a seat change in the request, a metric id — so that the scenario checks can report it at
/// the statement that wrote it, and the CLI at the option; `message` is the one-line wording both share.
///
/// Every input the preview refuses is refused with one of these: a huge quantity or seat count is an
/// error that says so, never an overflow or a trap.
public enum PreviewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No price of the document has this id.
    case unknownPrice(priceID: String)
    /// The price has no components, so no period to preview.
    case priceWithoutComponents(priceID: String)
    /// The price's components bill on different periods: one billing period of it does not exist.
    case periodsDiffer(priceID: String, periods: [BillingPeriod])
    /// The price's currency is not an ISO 4217 code plancat knows, so its minor unit is unknown.
    case unknownCurrency(priceID: String, currency: String)
    /// The period from `start` ends past 9999-12-31, the last day a date can name.
    case periodEndsAfterLastDate(start: CalendarDate, period: BillingPeriod)
    /// A seat change is dated but the request has no `start`.
    case seatChangeWithoutStart(index: Int)
    /// A seat change on or before the first day of the period.
    case seatChangeNotAfterStart(index: Int, date: CalendarDate, start: CalendarDate)
    /// A seat change on or after the period's end (the first day of the next period).
    case seatChangeNotBeforeEnd(index: Int, date: CalendarDate, end: CalendarDate)
    /// A seat change not later than the one before it.
    case seatChangesOutOfOrder(index: Int, date: CalendarDate, previous: CalendarDate)
    /// A negative seat count: `index` is nil for the seats at the start, else the change's index.
    case negativeSeats(index: Int?, seats: Int)
    /// A negative usage quantity.
    case negativeUsage(metricID: String, quantity: ExactDecimal)
    /// Two usage quantities for one metric.
    case repeatedUsage(metricID: String)
    /// A usage quantity or unit price with more decimal places than the preview computes with.
    case tooManyDecimalPlaces(value: ExactDecimal, of: String)
    /// A line or a sum comes to more than 2^53 − 1 minor units, the most an amount may be (the exact
    /// integers of JavaScript, and so of Lumen's clients). `of` says which amount, as `message` words it.
    case amountBeyondLimit(of: AmountSite)

    /// Which amount of an invoice went past the limit.
    public enum AmountSite: Equatable, Sendable {
        case line(InvoiceLine.Kind, componentID: String?, creditID: String?)
        case subtotal
    }

    public var message: String {
        switch self {
        case .unknownPrice(let priceID):
            return "no price has the id `\(priceID)`"
        case .priceWithoutComponents(let priceID):
            return "price `\(priceID)` has no components, so it has no billing period to preview"
        case .periodsDiffer(let priceID, let periods):
            let list = periods.map(\.description).joined(separator: ", ")
            return "price `\(priceID)` cannot be previewed: its components bill on different periods (\(list)), "
                + "so one billing period of it does not exist"
        case .unknownCurrency(let priceID, let currency):
            return "price `\(priceID)` is in `\(currency)`, which is not an ISO 4217 currency plancat knows"
        case .periodEndsAfterLastDate(let start, let period):
            return "the period from \(start), \(period), ends after 9999-12-31, the last day a date can name"
        case .seatChangeWithoutStart:
            return "a seat change is dated, but the scenario has no `start`: the period's dates are unknown"
        case .seatChangeNotAfterStart(_, let date, let start):
            return "the seat change of \(date) is not after the period's start, \(start): the seats held at the "
                + "start are the `seats` line's"
        case .seatChangeNotBeforeEnd(_, let date, let end):
            return "the seat change of \(date) is not inside the period, which ends before \(end)"
        case .seatChangesOutOfOrder(_, let date, let previous):
            return "the seat change of \(date) is not after the one before it (\(previous)): dates must increase"
        case .negativeSeats(_, let seats):
            return "a seat count of \(seats) is negative"
        case .negativeUsage(let metricID, let quantity):
            return "the usage of `\(metricID)` is \(quantity), which is negative"
        case .repeatedUsage(let metricID):
            return "the usage of `\(metricID)` is given more than once"
        case .tooManyDecimalPlaces(let value, let of):
            return "\(of) \(value) has more than \(PreviewLimits.maximumDecimalPlaces) decimal places, more "
                + "than the preview computes with"
        case .amountBeyondLimit(let site):
            return "\(Self.describe(site)) comes to more than \(ExactTotal.limit) (2^53 − 1) minor units, "
                + "more than an amount may be"
        }
    }

    public var description: String { message }

    private static func describe(_ site: AmountSite) -> String {
        switch site {
        case .subtotal:
            return "the subtotal"
        case .line(let kind, let componentID, let creditID):
            var what = "the \(kind.rawValue) line"
            if let creditID { what += " of credit `\(creditID)`" }
            if let componentID { what += (creditID == nil ? " of" : " on") + " component `\(componentID)`" }
            return what
        }
    }
}

/// The bounds of what the preview computes with.
public enum PreviewLimits {
    /// The most decimal places of a usage quantity or unit price (a catalog's unit prices have at most the
    /// currency's places plus 6). Past it the exact arithmetic would grow with the number of places.
    public static let maximumDecimalPlaces = 36
    /// 2^53 − 1: the largest amount, in minor units, of any line and of the subtotal.
    public static let largestAmount = ExactTotal.limit
}
