import PlanCatalog

/// What `plancat preview`'s command line asks for, read and checked: the catalog's scenarios, or one
/// ad-hoc subscription from `--price`, `--start`, `--seats` and `--usage`.
///
/// A value that cannot be what it stands for (`--start 2026-02-30`, `--seats many`, `--usage api_calls`) is
/// a usage error that says what is wrong with it, before the catalog is even checked; a price or metric
/// the catalog does not have is one too, with a did-you-mean, once the catalog is built.
extension PreviewCommand {
    enum Selection {
        /// The scenarios with these ids, in this order; every scenario when empty.
        case scenarios([String])
        case adHoc(AdHocSubscription)

        /// The options that describe an ad-hoc subscription, which need `--price`.
        static let adHocOptions = ["--start", "--seats", "--usage"]

        init(_ arguments: ScannedArguments) throws(UsageError) {
            let scenarioIDs = arguments.values(of: "--scenario")
            if scenarioIDs.contains("") {
                throw UsageError("`--scenario` needs a scenario id", hint: "leave it out to preview every scenario")
            }
            guard let priceID = arguments.value(of: "--price") else {
                if let option = Self.adHocOptions.first(where: { !arguments.values(of: $0).isEmpty }) {
                    throw UsageError("`\(option)` describes an ad-hoc subscription, which needs `--price ID`",
                                     hint: "name the price it is on, e.g. `--price price_team_monthly`; a "
                                        + "scenario of the catalog says its own \(option.dropFirst(2))")
                }
                self = .scenarios(scenarioIDs)
                return
            }
            guard scenarioIDs.isEmpty else {
                throw UsageError("`--scenario` and `--price` cannot be used together",
                                 hint: "`--scenario` previews scenarios of the catalog, `--price` one ad-hoc "
                                    + "subscription; drop one of them")
            }
            guard !priceID.isEmpty else {
                throw UsageError("`--price` needs a price id", hint: "e.g. `--price price_team_monthly`")
            }
            self = .adHoc(try AdHocSubscription(priceID: priceID, arguments: arguments))
        }
    }

    /// `--price ID [--start DATE] [--seats N] [--usage METRIC=QUANTITY]…`, read.
    struct AdHocSubscription {
        let priceID: String
        let start: CalendarDate?
        let seats: Int?
        let usage: [PreviewRequest.MetricUsage]

        init(priceID: String, arguments: ScannedArguments) throws(UsageError) {
            self.priceID = priceID
            start = try arguments.value(of: "--start").map { text throws(UsageError) in try Self.date(text) }
            seats = try arguments.value(of: "--seats").map { text throws(UsageError) in try Self.seats(text) }
            var usage: [PreviewRequest.MetricUsage] = []
            for text in arguments.values(of: "--usage") {
                let line = try Self.usage(text)
                if usage.contains(where: { $0.metricID == line.metricID }) {
                    throw UsageError("`--usage` gives the quantity of `\(line.metricID)` twice",
                                     hint: "give each metric's quantity over the whole period once")
                }
                usage.append(line)
            }
            self.usage = usage
        }

        /// The request, once the price and every metric are found in the catalog's document. A `--usage`
        /// the price does not bill, or `--seats` on a price without seats, changes nothing: a warning says
        /// so, as the scenario checks warn of the same lines in a scenario (W1101, W1102).
        func request(in document: CatalogDocument, catalogPath: String,
                     terminal: some Terminal) throws(UsageError) -> PreviewRequest {
            guard let price = document.prices.first(where: { $0.id == priceID }) else {
                let known = document.prices.map(\.id)
                throw UsageError("no price `\(priceID)` in `\(catalogPath)`",
                                 hint: Suggestion.help(Suggestion.closest(to: priceID, among: known))
                                    ?? PreviewCommand.listing(known, of: "prices"))
            }
            let metricIDs = document.metrics.map(\.id)
            var billedMetrics: Set<String> = []
            var hasSeats = false
            for component in price.components {
                switch component.charge {
                case .usage(let metricID, _): billedMetrics.insert(metricID)
                case .perUnit: hasSeats = true
                case .fixed: break
                }
            }
            for line in usage {
                guard metricIDs.contains(line.metricID) else {
                    throw UsageError("no metric `\(line.metricID)` in `\(catalogPath)`",
                                     hint: Suggestion.help(Suggestion.closest(to: line.metricID, among: metricIDs))
                                        ?? PreviewCommand.listing(metricIDs, of: "metrics"))
                }
                if !billedMetrics.contains(line.metricID) {
                    terminal.report(.warning, "price `\(priceID)` bills no usage of `\(line.metricID)`: "
                                    + "`--usage \(line.metricID)=…` changes nothing")
                }
            }
            if seats != nil, !hasSeats {
                terminal.report(.warning, "price `\(priceID)` has no per-seat component: `--seats` changes nothing")
            }
            return PreviewRequest(priceID: priceID, start: start, seats: seats, usage: usage)
        }

        // MARK: Values

        static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

        /// `--start`: a real day written `YYYY-MM-DD`. A date of the right shape that is not a day says why
        /// (`February 2026 has 28 days`).
        static func date(_ text: String) throws(UsageError) -> CalendarDate {
            if let date = CalendarDate(text) { return date }
            let example = "e.g. `--start 2026-03-01`, the first day of the period previewed"
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, [4, 2, 2] == parts.map(\.count),
                  parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
                  let year = Int(parts[0]), let month = Int(parts[1]) else {
                throw UsageError("`--start` takes a date written YYYY-MM-DD, not `\(text)`", hint: example)
            }
            let why: String
            if year == 0 {
                why = "there is no year 0000"
            } else if !(1...12).contains(month) {
                why = "there is no month \(parts[1])"
            } else {
                let days = CalendarDate.days(inMonth: month, of: year)
                why = "\(monthNames[month - 1]) \(parts[0]) has \(days) days"
            }
            throw UsageError("`--start \(text)` is not a day: \(why)", hint: example)
        }

        /// `--seats`: a whole number, 0 or more.
        static func seats(_ text: String) throws(UsageError) -> Int {
            let isDigits = !text.isEmpty && text.allSatisfy { $0 >= "0" && $0 <= "9" }
            guard isDigits else {
                throw UsageError("`--seats` takes a whole number of seats, 0 or more, not `\(text)`",
                                 hint: "e.g. `--seats 5`")
            }
            guard let seats = Int(text) else {
                throw UsageError("`--seats \(text)` is more seats than plancat can count (at most \(Int.max))",
                                 hint: "e.g. `--seats 5`")
            }
            return seats
        }

        /// `--usage METRIC=QUANTITY`: a metric id and a number, 0 or more (`api_calls=48_213`, `storage=2.5`).
        static func usage(_ text: String) throws(UsageError) -> PreviewRequest.MetricUsage {
            let example = "e.g. `--usage api_calls=48213`: the metric's quantity over the whole period"
            guard let equals = text.firstIndex(of: "=") else {
                throw UsageError("`--usage` takes METRIC=QUANTITY, not `\(text)`", hint: example)
            }
            let metricID = String(text[..<equals])
            let quantityText = String(text[text.index(after: equals)...])
            guard !metricID.isEmpty else {
                throw UsageError("`--usage \(text)` names no metric before `=`", hint: example)
            }
            guard !quantityText.isEmpty else {
                throw UsageError("`--usage \(text)` gives no quantity after `=`", hint: example)
            }
            guard let quantity = ExactDecimal(parsing: quantityText) else {
                throw UsageError("`--usage \(text)`: `\(quantityText)` is not a number plancat reads", hint: example)
            }
            guard !quantity.isNegative else {
                throw UsageError("`--usage \(text)`: a quantity is 0 or more", hint: example)
            }
            return PreviewRequest.MetricUsage(metricID: metricID, quantity: quantity)
        }
    }
}
