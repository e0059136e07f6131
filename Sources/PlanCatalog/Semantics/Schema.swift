/// The schema of LANGUAGE.md section 2 as data: which statements each block allows, with what
/// arguments, whether they take a block, and how often they may appear.
///
/// Keeping the schema declarative lets one checker report every schema problem (E02xx) the same way
/// and suggest the nearest valid statement, while lowering reads only values the checker has accepted.
struct Schema {
    /// The kinds of block, each with its own statements.
    enum Context: Int, Sendable, CaseIterable {
        case topLevel, metric, feature, plan, features, price, component, credit, pricingTable, row, quote, scenario

        /// How the context is named in messages ("unknown statement `nmae` in a plan").
        var description: String {
            switch self {
            case .topLevel: "at the top level"
            case .metric: "in a metric"
            case .feature: "in a feature"
            case .plan: "in a plan"
            case .features: "in a features block"
            case .price: "in a price"
            case .component: "in a component"
            case .credit: "in a credit"
            case .pricingTable: "in a pricing table"
            case .row: "in a pricing-table row"
            case .quote: "in a quote"
            case .scenario: "in a scenario"
            }
        }
    }

    /// The kind of value one argument must be.
    enum ArgumentKind: Sendable, Equatable {
        /// A word naming something (an id).
        case identifier
        case string
        case decimal
        case integer
        /// A whole number that counts something, so starts at 1 (`interval-count`, `min-seats`).
        case count
        /// One of a fixed set of words.
        case choice([String])
        /// `true` or `false`.
        case boolean
        /// A currency code word; checked against ISO 4217 by the money checks.
        case currencyCode
        /// A `price.component` reference or a feature id (a credit's `applies-to`).
        case identifierOrReference
        /// A number from 0 (a scenario's `usage` quantity).
        case quantity
        /// A whole number from 0 (a scenario's `seats`).
        case wholeQuantity
        /// A calendar day written `YYYY-MM-DD` (a scenario's `start`): a word, read by `CalendarDate`.
        case date

        var description: String {
            switch self {
            case .identifier: "an id"
            case .string: "a string"
            case .decimal: "a number"
            case .integer: "a whole number"
            case .count: "a whole number from 1"
            case .choice(let words) where words.count == 1: "`\(words[0])`"
            case .choice(let words): words.count == 2
                ? "`\(words[0])` or `\(words[1])`"
                : "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
            case .boolean: "`true` or `false`"
            case .currencyCode: "a currency code"
            case .identifierOrReference: "a `price.component` reference or a feature id"
            case .quantity: "a number from 0"
            case .wholeQuantity: "a whole number from 0"
            case .date: "a date `YYYY-MM-DD`"
            }
        }
    }

    enum Arguments: Sendable {
        case none
        case one(ArgumentKind)
        /// Zero or one argument (`popular` or `popular "Best value"`).
        case optional(ArgumentKind)
        /// A flag: nothing means `true`; `true` or `false` may be written.
        case flag
        /// One argument, optionally followed by a second of the same kind (a feature's `unit` and its
        /// plural: `unit "person" "people"`).
        case oneOrTwo(ArgumentKind)
        /// Exactly these arguments, in this order (`usage api-calls 48_213`); a fixed word among them is a
        /// one-word `choice` (`seats 7 from 2026-03-17`). At most one of them is a number, the one the
        /// checker hands to lowering.
        case sequence([ArgumentKind])

        /// How many arguments the shape takes.
        var countRange: ClosedRange<Int> {
            switch self {
            case .none: 0...0
            case .one: 1...1
            case .optional, .flag: 0...1
            case .oneOrTwo: 1...2
            case .sequence(let kinds): kinds.count...kinds.count
            }
        }
    }

    enum BlockRule: Sendable {
        case forbidden
        case required(Context)
        case optional(Context)
    }

    enum Occurrence: Sendable {
        case required
        case optional
        case repeatable
    }

    struct Rule: Sendable {
        let keyword: Keyword
        /// The keyword as written, kept beside it: the checker compares every statement's text with it.
        let spelling: String
        let arguments: Arguments
        let block: BlockRule
        let occurrence: Occurrence

        init(keyword: Keyword, arguments: Arguments, block: BlockRule, occurrence: Occurrence) {
            self.keyword = keyword
            self.spelling = keyword.rawValue
            self.arguments = arguments
            self.block = block
            self.occurrence = occurrence
        }

        /// Whether a statement's keyword text is this rule's. The lengths are compared first: they tell
        /// most keywords apart without a string comparison, and this runs for every statement of every
        /// block against the rules of its block in turn.
        func isSpelled(_ text: String) -> Bool {
            spelling.utf8.count == text.utf8.count && spelling == text
        }
    }

    /// The rules of each context in the order the spec lists them (for suggestions and for reporting
    /// missing statements in a stable order), built once and indexed by `Context.rawValue`.
    ///
    /// A context has at most ten statements, so a rule is found by comparing keywords in turn: cheaper
    /// than hashing the keyword, and this lookup runs for every statement of every catalog.
    private static let rulesByContext: [[Rule]] = Context.allCases.map { rules(for: $0) }

    /// Each context's keywords once each, in the spec's order (a keyword with two forms is one keyword).
    private static let keywordsByContext: [[String]] = rulesByContext.map { rules in
        var keywords: [String] = []
        for rule in rules where !keywords.contains(rule.spelling) { keywords.append(rule.spelling) }
        return keywords
    }

    /// Whether some keyword of the context has more than one rule (a scenario's two `seats`), so that the
    /// checker looks for the form that fits only where there is one to choose.
    private static let hasFormsByContext: [Bool] = rulesByContext.map { rules in
        rules.indices.contains { position in rules[..<position].contains { $0.keyword == rules[position].keyword } }
    }

    /// The rules of a context, in the spec's order.
    static func rules(in context: Context) -> [Rule] { rulesByContext[context.rawValue] }

    static func keywords(for context: Context) -> [String] { keywordsByContext[context.rawValue] }

    static func hasForms(in context: Context) -> Bool { hasFormsByContext[context.rawValue] }

    /// Among the rules of `rules` spelled like the one at `first`, the one a statement with
    /// `argumentCount` arguments is checked against: the first that takes that many, else the one whose
    /// count is nearest, the later on a tie (`seats 7 from` is a dated change missing its date).
    static func form(of argumentCount: Int, among rules: [Rule], spelledAs first: Int) -> Int {
        var best = first
        var bestDistance = Int.max
        for position in rules.indices[first...] where rules[position].keyword == rules[first].keyword {
            let range = rules[position].arguments.countRange
            let distance = range.contains(argumentCount) ? 0
                : min(abs(range.lowerBound - argumentCount), abs(range.upperBound - argumentCount))
            if distance == 0 { return position }
            if distance <= bestDistance {
                best = position
                bestDistance = distance
            }
        }
        return best
    }

    private static func rules(for context: Context) -> [Rule] {
        switch context {
        case .topLevel:
            [
                Rule(keyword: .catalog, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .currency, arguments: .one(.currencyCode), block: .forbidden, occurrence: .optional),
                Rule(keyword: .metric, arguments: .one(.identifier), block: .required(.metric), occurrence: .repeatable),
                Rule(keyword: .feature, arguments: .one(.identifier), block: .required(.feature), occurrence: .repeatable),
                Rule(keyword: .plan, arguments: .one(.identifier), block: .required(.plan), occurrence: .repeatable),
                Rule(keyword: .pricingTable, arguments: .one(.identifier), block: .required(.pricingTable),
                     occurrence: .repeatable),
                Rule(keyword: .quote, arguments: .one(.identifier), block: .required(.quote), occurrence: .repeatable),
                Rule(keyword: .scenario, arguments: .one(.identifier), block: .required(.scenario),
                     occurrence: .repeatable),
            ]
        case .metric:
            [
                Rule(keyword: .name, arguments: .one(.string), block: .forbidden, occurrence: .required),
                Rule(keyword: .description, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .event, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .aggregate, arguments: .one(.choice(Aggregation.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
                Rule(keyword: .value, arguments: .one(.choice(MetricValueType.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
            ]
        case .feature:
            [
                Rule(keyword: .name, arguments: .one(.string), block: .forbidden, occurrence: .required),
                Rule(keyword: .description, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .type, arguments: .one(.choice(FeatureType.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .required),
                Rule(keyword: .metric, arguments: .one(.identifier), block: .forbidden, occurrence: .repeatable),
                // The plural is plancat's addition to LANGUAGE.md (Docs/Language.md, "Units and plurals").
                Rule(keyword: .unit, arguments: .oneOrTwo(.string), block: .forbidden, occurrence: .optional),
            ]
        case .plan:
            [
                Rule(keyword: .name, arguments: .one(.string), block: .forbidden, occurrence: .required),
                Rule(keyword: .description, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .hidden, arguments: .flag, block: .forbidden, occurrence: .optional),
                Rule(keyword: .trialOf, arguments: .one(.identifier), block: .forbidden, occurrence: .optional),
                Rule(keyword: .trialDays, arguments: .one(.integer), block: .forbidden, occurrence: .optional),
                Rule(keyword: .features, arguments: .none, block: .required(.features), occurrence: .optional),
                Rule(keyword: .price, arguments: .one(.identifier), block: .required(.price), occurrence: .repeatable),
                Rule(keyword: .credit, arguments: .one(.identifier), block: .required(.credit), occurrence: .repeatable),
            ]
        case .features:
            // Every statement is a feature id; its value is checked against the feature's type.
            []
        case .price:
            [
                Rule(keyword: .currency, arguments: .one(.currencyCode), block: .forbidden, occurrence: .optional),
                Rule(keyword: .interval, arguments: .one(.choice(BillingInterval.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
                Rule(keyword: .intervalCount, arguments: .one(.count), block: .forbidden, occurrence: .optional),
                Rule(keyword: .component, arguments: .one(.identifier), block: .required(.component),
                     occurrence: .repeatable),
            ]
        case .component:
            [
                Rule(keyword: .fixed, arguments: .one(.decimal), block: .forbidden, occurrence: .optional),
                Rule(keyword: .perSeat, arguments: .one(.decimal), block: .forbidden, occurrence: .optional),
                Rule(keyword: .usage, arguments: .one(.identifier), block: .forbidden, occurrence: .optional),
                Rule(keyword: .unitPrice, arguments: .one(.decimal), block: .forbidden, occurrence: .optional),
                Rule(keyword: .label, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .unit, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .minSeats, arguments: .one(.count), block: .forbidden, occurrence: .optional),
                Rule(keyword: .billImmediately, arguments: .one(.boolean), block: .forbidden, occurrence: .optional),
                Rule(keyword: .interval, arguments: .one(.choice(BillingInterval.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
                Rule(keyword: .intervalCount, arguments: .one(.count), block: .forbidden, occurrence: .optional),
            ]
        case .credit:
            [
                Rule(keyword: .name, arguments: .one(.string), block: .forbidden, occurrence: .required),
                Rule(keyword: .type, arguments: .one(.choice(CreditType.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
                Rule(keyword: .appliesTo, arguments: .one(.identifierOrReference), block: .forbidden,
                     occurrence: .optional),
                Rule(keyword: .amount, arguments: .one(.decimal), block: .forbidden, occurrence: .required),
                Rule(keyword: .refill, arguments: .one(.decimal), block: .forbidden, occurrence: .optional),
                Rule(keyword: .renew, arguments: .one(.choice(CreditRenewal.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
                Rule(keyword: .expiresAfterDays, arguments: .one(.count), block: .forbidden, occurrence: .optional),
                Rule(keyword: .billingVisible, arguments: .one(.boolean), block: .forbidden, occurrence: .optional),
                Rule(keyword: .billingDescription, arguments: .one(.string), block: .forbidden,
                     occurrence: .optional),
                Rule(keyword: .currency, arguments: .one(.currencyCode), block: .forbidden, occurrence: .optional),
            ]
        case .pricingTable:
            [
                Rule(keyword: .name, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .heading, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .subheading, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .description, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .currency, arguments: .one(.currencyCode), block: .forbidden, occurrence: .optional),
                Rule(keyword: .row, arguments: .one(.identifier), block: .optional(.row), occurrence: .repeatable),
            ]
        case .row:
            [
                Rule(keyword: .popular, arguments: .optional(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .button, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .outline, arguments: .flag, block: .forbidden, occurrence: .optional),
                Rule(keyword: .enterprise, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .bullet, arguments: .one(.string), block: .forbidden, occurrence: .repeatable),
            ]
        case .quote:
            [
                Rule(keyword: .plan, arguments: .one(.identifier), block: .forbidden, occurrence: .required),
                Rule(keyword: .customer, arguments: .one(.string), block: .forbidden, occurrence: .required),
                Rule(keyword: .subscription, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .effective, arguments: .one(.choice(QuoteEffective.allCases.map(\.rawValue))),
                     block: .forbidden, occurrence: .optional),
                Rule(keyword: .price, arguments: .one(.identifier), block: .required(.price), occurrence: .required),
            ]
        case .scenario:
            // PREVIEW.md § 1. `seats` has two forms, told apart by their arguments
            // (`form(of:among:spelledAs:)`): the seats held at the start, once, and a dated change, repeatable.
            [
                Rule(keyword: .description, arguments: .one(.string), block: .forbidden, occurrence: .optional),
                Rule(keyword: .price, arguments: .one(.identifier), block: .forbidden, occurrence: .required),
                Rule(keyword: .start, arguments: .one(.date), block: .forbidden, occurrence: .optional),
                Rule(keyword: .seats, arguments: .one(.wholeQuantity), block: .forbidden, occurrence: .optional),
                Rule(keyword: .seats, arguments: .sequence([.wholeQuantity, .choice(["from"]), .date]),
                     block: .forbidden, occurrence: .repeatable),
                Rule(keyword: .usage, arguments: .sequence([.identifier, .quantity]), block: .forbidden,
                     occurrence: .repeatable),
                Rule(keyword: .expect, arguments: .sequence([.choice(Scenario.Expectation.Kind.allCases.map(\.rawValue)),
                                                             .decimal]),
                     block: .forbidden, occurrence: .repeatable),
            ]
        }
    }
}
