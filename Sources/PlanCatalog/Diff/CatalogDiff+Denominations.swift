/// What the money fields of a change are counted in, so that the text and Markdown renderings can show
/// `$8.75 → $9.00 per seat per month` where catalog.json holds `875` and `900` minor units.
///
/// catalog.json keeps money in the currency's minor units (`amount_cents`, `unit_cost_cents`, a monetary
/// credit's `defaultAmount` and `refillAmount`), and the JSON rendering keeps those values: they are what
/// a deploy step sends. A reviewer, though, reads prices in the currency's own units; the currency and
/// what an amount is charged per live elsewhere in the record (the price's `currency`, the component's
/// `type`, `unit_label` and `recurrence_rule`), so the differ, which has both records, finds them once
/// per side and the renderers look them up by field path.
extension CatalogDiff {
    /// The currency an amount is in and what it is charged per.
    public struct Denomination: Equatable, Sendable {
        /// The ISO 4217 code; the field holds minor units of it.
        public var currency: String
        /// What one amount buys, as a reader says it: `per seat per month`, `per API call`, `per year`;
        /// nil for a credit's amount.
        public var per: String?

        public init(currency: String, per: String?) {
            self.currency = currency
            self.per = per
        }
    }

    /// The money fields of a change's two records, by field path
    /// (`pricingData.components[comp_base].amount_cents`, `defaultAmount`): every money leaf of each side,
    /// changed or not, so that a component added whole can be shown leaf by leaf.
    public struct Denominations: Equatable, Sendable {
        public var deployed: [String: Denomination]
        public var source: [String: Denomination]

        public init(deployed: [String: Denomination] = [:], source: [String: Denomination] = [:]) {
            self.deployed = deployed
            self.source = source
        }

        /// No money fields: every kind but prices and monetary credits.
        public static let none = Denominations()

        /// The money fields of both records of a change of `kind` (nil for a side that does not exist);
        /// `units` name what a usage component without a unit of its own counts, by metric, on each side.
        static func of(_ kind: Kind, deployed: JSONValue?, source: JSONValue?,
                       units: (deployed: [String: String], source: [String: String]) = ([:], [:])) -> Denominations {
            Denominations(deployed: deployed.map { moneyFields(of: $0, kind: kind, metricUnits: units.deployed) } ?? [:],
                          source: source.map { moneyFields(of: $0, kind: kind, metricUnits: units.source) } ?? [:])
        }

        /// What one unit of each metric is called, as generated bullets call it when a usage component
        /// has no unit of its own (`$0.002 per API call`): the unit of the first feature measuring it.
        static func metricUnits(of document: CatalogDocument) -> [String: String] {
            var units: [String: String] = [:]
            for feature in document.features {
                guard let unit = feature.unitLabel else { continue }
                for metric in feature.metricIDs where units[metric] == nil { units[metric] = unit }
            }
            return units
        }

        /// A price's component amounts, a monetary credit's amounts; nothing for other kinds, and nothing
        /// for a record whose currency is not a known ISO code (its amounts are then shown as they are).
        static func moneyFields(of record: JSONValue, kind: Kind, metricUnits: [String: String] = [:]) -> [String: Denomination] {
            guard case .string(let currency)? = record[key: CatalogKey.currency], Currency.named(currency) != nil else {
                return [:]
            }
            switch kind {
            case .price:
                guard case .array(let components)? = record[key: CatalogKey.pricingData]?[key: CatalogKey.components] else {
                    return [:]
                }
                var fields: [String: Denomination] = [:]
                for component in components {
                    guard case .string(let id)? = component[key: CatalogKey.component_id] else { continue }
                    let path = "\(CatalogKey.pricingData).\(CatalogKey.components)[\(id)]."
                    let unit: String? = if case .string(let label)? = component[key: CatalogKey.unit_label] { label } else { nil }
                    let period: String? = if case .string(let rule)? = component[key: CatalogKey.recurrence_rule] {
                        Self.period(ofRule: rule)
                    } else {
                        nil
                    }
                    guard case .string(let type)? = component[key: CatalogKey.type],
                          let componentKind = CatalogDocument.Component.Kind(rawValue: type) else { continue }
                    switch componentKind {
                    case .fixed:
                        fields[path + "\(CatalogKey.amount_cents)"] = Denomination(currency: currency, per: period)
                    case .perUnit:
                        let per = ["per " + (unit ?? CatalogDefaults.seatUnit), period].compactMap { $0 }.joined(separator: " ")
                        fields[path + "\(CatalogKey.amount_cents)"] = Denomination(currency: currency, per: per)
                    case .usage:
                        let metricUnit: String? = if case .string(let metric)? = component[key: CatalogKey.metric_id] {
                            metricUnits[metric]
                        } else {
                            nil
                        }
                        fields[path + "\(CatalogKey.unit_cost_cents)"] = Denomination(currency: currency,
                                                                                     per: "per " + (unit ?? metricUnit ?? "unit"))
                    }
                }
                return fields
            case .creditDefinition:
                guard record[key: CatalogKey.applicationType] == .string(CreditType.monetary.rawValue) else { return [:] }
                let denomination = Denomination(currency: currency, per: nil)
                return ["\(CatalogKey.defaultAmount)": denomination, "\(CatalogKey.refillAmount)": denomination]
            default:
                return [:]
            }
        }

        /// `per month`, `per year`, `every 3 months` from `RRULE:FREQ=MONTHLY;INTERVAL=3`; nil for a rule
        /// of another form (`BillingPeriod.init?(recurrenceRule:)`), which is then left unsaid rather than
        /// guessed.
        static func period(ofRule rule: String) -> String? {
            guard let period = BillingPeriod(recurrenceRule: rule) else { return nil }
            let unit = period.interval.rawValue
            return period.count == 1 ? "per \(unit)" : "every \(period.count) \(unit)s"
        }
    }
}
