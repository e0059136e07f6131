/// The invoice of one billing period, as the preview computes it from a catalog (PREVIEW.md § 2): the
/// value that `check` compares `expect` lines with, `plancat preview` renders and `diff` compares across
/// the deployed and the source catalog.
///
/// Amounts are integers of the currency's minor unit (`amountMinor`, `subtotalMinor`, …), each line
/// already rounded; the major-unit forms (`152.93`) are exact decimals derived from them, so JSON can print
/// them exactly. Wording ("5 seats × $12.00") is the renderers' business: a line carries the data to word
/// it — its kind, component and credit, quantity, unit amount, and a proration's days.
public struct Invoice: Equatable, Sendable {
    public var scenarioID: String?
    public var scenarioDescription: String?
    /// The price's plan (a quote's price belongs to the quote's plan).
    public var planID: String
    public var priceID: String
    /// The price's currency code (`USD`) and its minor unit's decimal places (2, JPY 0, KWD 3).
    public var currency: String
    public var minorUnitExponent: Int
    /// The period every component of the price bills on.
    public var period: BillingPeriod
    /// The first day of the period and the day after its last; nil without a `start`.
    public var periodStart: CalendarDate?
    public var periodEnd: CalendarDate?
    /// The price's components' lines in declaration order (each followed by its usage credits' lines),
    /// then the monetary credits'.
    public var lines: [InvoiceLine]
    /// The sum of the lines of fixed, per-seat and usage components and of usage credits (≥ 0).
    public var subtotalMinor: Int
    /// The sum of the monetary credits' lines (≤ 0).
    public var creditsMinor: Int
    /// `subtotalMinor + creditsMinor`, never below 0.
    public var totalMinor: Int
    public var notes: [InvoiceNote]

    public init(scenarioID: String?, scenarioDescription: String?, planID: String, priceID: String, currency: String,
                minorUnitExponent: Int, period: BillingPeriod, periodStart: CalendarDate?, periodEnd: CalendarDate?,
                lines: [InvoiceLine], subtotalMinor: Int, creditsMinor: Int, totalMinor: Int, notes: [InvoiceNote]) {
        self.scenarioID = scenarioID
        self.scenarioDescription = scenarioDescription
        self.planID = planID
        self.priceID = priceID
        self.currency = currency
        self.minorUnitExponent = minorUnitExponent
        self.period = period
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.lines = lines
        self.subtotalMinor = subtotalMinor
        self.creditsMinor = creditsMinor
        self.totalMinor = totalMinor
        self.notes = notes
    }

    /// The subtotal in major units (`177.93`).
    public var subtotal: ExactDecimal { majorUnits(subtotalMinor) }
    /// The monetary credits in major units (`-25`).
    public var credits: ExactDecimal { majorUnits(creditsMinor) }
    /// The total in major units (`152.93`).
    public var total: ExactDecimal { majorUnits(totalMinor) }

    /// An amount of this invoice's minor units in major units.
    public func majorUnits(_ minorUnits: Int) -> ExactDecimal {
        ExactDecimal(minorUnits: minorUnits, minorUnitExponent: minorUnitExponent)
    }
}

/// One line of an invoice (Kill Bill's invoice item): a charge of a component, or a credit against one.
public struct InvoiceLine: Equatable, Sendable {
    /// PREVIEW.md § 4's `kind`.
    public enum Kind: String, Sendable, CaseIterable {
        /// A fixed component's amount.
        case fixed
        /// A per-seat component: the seats billed at the start × the per-seat amount.
        case seats
        /// Seats added during the period, prorated over the days left.
        case seatsProration = "seats-proration"
        /// A usage component: the period's quantity × the unit price.
        case usage
        /// A usage credit covering units of a usage component (negative or 0).
        case usageCredit = "usage-credit"
        /// A monetary credit against what is still due (negative or 0).
        case monetaryCredit = "monetary-credit"
    }

    public var kind: Kind
    /// The component the line charges or credits; nil for monetary credits.
    public var componentID: String?
    /// The credit of a credit line; nil for charges.
    public var creditID: String?
    /// What the line is about, as the catalog names it: the component's `label` (else its id), or the
    /// credit's billing description (else its name).
    public var description: String
    /// The component's `unit` label (`API call`), for usage and credit lines that count units.
    public var unitLabel: String?
    /// Seats billed, seats added, units used or units a credit covered; nil for fixed and monetary lines.
    public var quantity: ExactDecimal?
    /// The amount per unit in major units (a fixed fee, a seat's amount for the whole period, a usage
    /// unit price like `0.0015`); nil for monetary credits.
    public var unitAmount: ExactDecimal?
    /// The line's amount, rounded to the minor unit: its value on the invoice.
    public var amountMinor: Int
    /// `amountMinor` in major units (`11.61`).
    public var amount: ExactDecimal
    /// Seats added mid-period: the day of the change, and the days it bills of the period's days.
    public var proration: Proration?

    public init(kind: Kind, componentID: String?, creditID: String?, description: String, unitLabel: String?,
                quantity: ExactDecimal?, unitAmount: ExactDecimal?, amountMinor: Int, amount: ExactDecimal,
                proration: Proration?) {
        self.kind = kind
        self.componentID = componentID
        self.creditID = creditID
        self.description = description
        self.unitLabel = unitLabel
        self.quantity = quantity
        self.unitAmount = unitAmount
        self.amountMinor = amountMinor
        self.amount = amount
        self.proration = proration
    }

    /// How much of the period a seats-proration line bills: `days(date, end) / days(start, end)`.
    public struct Proration: Equatable, Sendable {
        /// The day the seats were added.
        public var date: CalendarDate
        /// `days(date, end)`: the days billed.
        public var daysBilled: Int
        /// `days(start, end)`: the period's days.
        public var daysInPeriod: Int

        public init(date: CalendarDate, daysBilled: Int, daysInPeriod: Int) {
            self.date = date
            self.daysBilled = daysBilled
            self.daysInPeriod = daysInPeriod
        }
    }
}

/// Something the invoice does not show, said beside it (PREVIEW.md § 2). Typed, so that renderers and
/// tests tell the cases apart; `message` is the wording all formats share.
public enum InvoiceNote: Equatable, Sendable {
    /// A monetary credit of the plan in a currency other than the price's adds no line.
    case creditInOtherCurrency(creditID: String, currency: String?)
    /// A credit that adds lines expires after some days; the preview does not model expiry.
    case expiryNotModelled(creditID: String, days: Int)
    /// Taxes are out of scope: always the last note.
    case taxesNotIncluded

    /// One sentence.
    public var message: String {
        switch self {
        case .creditInOtherCurrency(let creditID, let currency):
            "credit \(creditID) is in \(currency ?? "no currency"), not the price's currency: it adds no line"
        case .expiryNotModelled(let creditID, let days):
            "credit \(creditID) expires \(days) \(days == 1 ? "day" : "days") after it is granted; the preview "
                + "does not model expiry"
        case .taxesNotIncluded:
            "taxes are not included"
        }
    }
}

extension ExactDecimal {
    /// An amount of minor units in major units, exactly: 15293 cents are `152.93`, ¥500 are `500`, 1250
    /// fils are `1.25` KWD. The preview's amounts are minor-unit integers; JSON and text show them as these.
    public init(minorUnits: Int, minorUnitExponent: Int) {
        self.init(isNegative: minorUnits < 0, significand: UInt64(minorUnits.magnitude), scale: minorUnitExponent)
    }
}
