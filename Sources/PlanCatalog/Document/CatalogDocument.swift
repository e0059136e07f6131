/// catalog.json as a typed value: the whole catalog in Lumen's shapes (OUTPUT.md), the unit that `build`
/// writes, `diff` compares and `import` turns back into source.
///
/// The document is what every output is derived from — entitlements.json and the public pricing tables
/// are functions of it — so anything `build` publishes can be read back from a deployed catalog.json.
/// Defaults are resolved (a credit's refill, a row's button text and bullets), money is in Lumen's units
/// (integer minor units, unit costs in exact fractions of one), and the top-level arrays are sorted by id.
public struct CatalogDocument: Equatable, Sendable {
    /// The only `schemaVersion` this version of plancat writes and reads.
    public static let schemaVersion = 1

    public var name: String?
    public var defaultCurrency: String?
    public var metrics: [Metric]
    public var features: [Feature]
    public var plans: [Plan]
    /// The plans' prices and the quotes' (`isOverridePrice`), sorted by id.
    public var prices: [Price]
    public var creditDefinitions: [CreditDefinition]
    public var pricingTables: [PricingTable]
    public var quotes: [Quote]

    public init(name: String?, defaultCurrency: String?, metrics: [Metric], features: [Feature], plans: [Plan],
                prices: [Price], creditDefinitions: [CreditDefinition], pricingTables: [PricingTable],
                quotes: [Quote]) {
        self.name = name
        self.defaultCurrency = defaultCurrency
        self.metrics = metrics
        self.features = features
        self.plans = plans
        self.prices = prices
        self.creditDefinitions = creditDefinitions
        self.pricingTables = pricingTables
        self.quotes = quotes
    }

    /// A usage metric (Lumen's `queryType` is always `simple` for plancat's metrics).
    public struct Metric: Equatable, Sendable {
        public var id: String
        public var name: String
        public var description: String?
        public var eventName: String
        public var aggregation: Aggregation
        public var valueType: MetricValueType

        public init(id: String, name: String, description: String?, eventName: String, aggregation: Aggregation,
                    valueType: MetricValueType) {
            self.id = id
            self.name = name
            self.description = description
            self.eventName = eventName
            self.aggregation = aggregation
            self.valueType = valueType
        }
    }

    public struct Feature: Equatable, Sendable {
        public var slug: String
        public var displayName: String
        public var description: String?
        public var featureType: FeatureType
        public var unitLabel: String?
        public var metricIDs: [String]

        public init(slug: String, displayName: String, description: String?, featureType: FeatureType,
                    unitLabel: String?, metricIDs: [String]) {
            self.slug = slug
            self.displayName = displayName
            self.description = description
            self.featureType = featureType
            self.unitLabel = unitLabel
            self.metricIDs = metricIDs
        }
    }

    public struct Plan: Equatable, Sendable {
        public var id: String
        public var planName: String
        public var planDescription: String?
        public var isFree: Bool
        public var isTrialPlan: Bool
        public var trialParentPlanID: String?
        public var trialDays: Int?
        public var isVisibleInPricingTable: Bool
        /// What the plan grants, in the order of its `features` block (a trial without one: its parent's).
        public var features: [GrantedFeature]
        /// The plan's own prices in declaration order; quotes' prices are never listed here.
        public var priceIDs: [String]

        public init(id: String, planName: String, planDescription: String?, isFree: Bool, isTrialPlan: Bool,
                    trialParentPlanID: String?, trialDays: Int?, isVisibleInPricingTable: Bool,
                    features: [GrantedFeature], priceIDs: [String]) {
            self.id = id
            self.planName = planName
            self.planDescription = planDescription
            self.isFree = isFree
            self.isTrialPlan = isTrialPlan
            self.trialParentPlanID = trialParentPlanID
            self.trialDays = trialDays
            self.isVisibleInPricingTable = isVisibleInPricingTable
            self.features = features
            self.priceIDs = priceIDs
        }
    }

    /// One feature a plan grants, with its `featureValue`.
    public struct GrantedFeature: Equatable, Sendable {
        public var slug: String
        public var value: FeatureValue

        public init(slug: String, value: FeatureValue) {
            self.slug = slug
            self.value = value
        }
    }

    /// Lumen's `featureValue`, by feature type. Reading it back needs the feature's type: a text feature's
    /// value may well be the word "unlimited".
    public enum FeatureValue: Equatable, Sendable {
        /// A boolean feature: `true`.
        case enabled
        /// A number feature's limit.
        case limit(ExactDecimal)
        /// A number feature without a limit: `"unlimited"`.
        case unlimited
        /// A text feature's value.
        case text(String)
        /// A usage feature: `"usage_based"` (the allowance comes from credits).
        case usageBased
    }

    public struct Price: Equatable, Sendable {
        public var id: String
        public var planID: String
        public var currency: String
        /// A quote's negotiated price.
        public var isOverridePrice: Bool
        /// `pricingData.components`, in declaration order.
        public var components: [Component]

        public init(id: String, planID: String, currency: String, isOverridePrice: Bool, components: [Component]) {
            self.id = id
            self.planID = planID
            self.currency = currency
            self.isOverridePrice = isOverridePrice
            self.components = components
        }

        /// The common period of all components, or nil when they differ or there are none (LANGUAGE.md §3,
        /// `BillingPeriod.common(of:)`).
        public var period: BillingPeriod? {
            BillingPeriod.common(of: components.lazy.map { Optional($0.period) })
        }
    }

    /// One component of `pricingData`.
    public struct Component: Equatable, Sendable {
        public enum Charge: Equatable, Sendable {
            /// `type: fixed`, `amount_cents`.
            case fixed(amountCents: ExactDecimal)
            /// `type: per_unit`: `amount_cents` per seat, `min_seats`, `bill_immediately`.
            case perUnit(amountCents: ExactDecimal, minSeats: Int?, billImmediately: Bool)
            /// `type: usage`: `metric_id`, `unit_cost_cents` (exact, possibly below one).
            case usage(metricID: String, unitCostCents: ExactDecimal)

            /// Lumen's `type`.
            public var typeName: String {
                switch self {
                case .fixed: "fixed"
                case .perUnit: "per_unit"
                case .usage: "usage"
                }
            }
        }

        public var id: String
        public var charge: Charge
        public var label: String?
        public var unitLabel: String?
        /// The component's `recurrence_rule`.
        public var period: BillingPeriod

        public init(id: String, charge: Charge, label: String?, unitLabel: String?, period: BillingPeriod) {
            self.id = id
            self.charge = charge
            self.label = label
            self.unitLabel = unitLabel
            self.period = period
        }

        /// Whether the component charges nothing: a 0 amount or a 0 unit cost.
        public var chargesNothing: Bool {
            switch charge {
            case .fixed(let amount), .perUnit(let amount, _, _), .usage(_, let amount): amount.isZero
            }
        }
    }

    /// A plan-scoped credit definition (`scope: plan`).
    public struct CreditDefinition: Equatable, Sendable {
        public var id: String
        public var applicationType: CreditType
        public var planID: String
        /// Usage credits applied to a component: the price and component.
        public var priceID: String?
        public var priceComponentID: String?
        /// Usage credits applied to a feature.
        public var featureSlug: String?
        public var name: String
        /// Usage: units; monetary: minor units of `currency`.
        public var defaultAmount: ExactDecimal
        /// Nil when the credit never renews.
        public var refillAmount: ExactDecimal?
        public var renewOnBilling: Bool
        /// `refillRrule`: a refill on its own schedule (`renew monthly` / `renew yearly`).
        public var refillPeriod: BillingPeriod?
        public var expiryDays: Int?
        public var billingVisible: Bool
        public var billingDescription: String?
        /// Monetary credits only.
        public var currency: String?

        public init(id: String, applicationType: CreditType, planID: String, priceID: String?,
                    priceComponentID: String?, featureSlug: String?, name: String, defaultAmount: ExactDecimal,
                    refillAmount: ExactDecimal?, renewOnBilling: Bool, refillPeriod: BillingPeriod?,
                    expiryDays: Int?, billingVisible: Bool, billingDescription: String?, currency: String?) {
            self.id = id
            self.applicationType = applicationType
            self.planID = planID
            self.priceID = priceID
            self.priceComponentID = priceComponentID
            self.featureSlug = featureSlug
            self.name = name
            self.defaultAmount = defaultAmount
            self.refillAmount = refillAmount
            self.renewOnBilling = renewOnBilling
            self.refillPeriod = refillPeriod
            self.expiryDays = expiryDays
            self.billingVisible = billingVisible
            self.billingDescription = billingDescription
            self.currency = currency
        }
    }

    /// A pricing table as Lumen's management API holds it.
    public struct PricingTable: Equatable, Sendable {
        public var slug: String
        public var name: String
        public var heading: String?
        public var subheading: String?
        public var description: String?
        /// The currency whose prices the table shows (upper case, as in prices).
        public var currency: String
        /// Rows in display order.
        public var planConfigs: [PlanConfig]

        public init(slug: String, name: String, heading: String?, subheading: String?, description: String?,
                    currency: String, planConfigs: [PlanConfig]) {
            self.slug = slug
            self.name = name
            self.heading = heading
            self.subheading = subheading
            self.description = description
            self.currency = currency
            self.planConfigs = planConfigs
        }
    }

    /// One row (column on the page) of a pricing table, with its defaults resolved.
    public struct PlanConfig: Equatable, Sendable {
        public var planID: String
        /// 1, 2, … in row order.
        public var displayOrder: Int
        public var isPopular: Bool
        public var popularText: String?
        public var buttonText: String
        public var buttonOutline: Bool
        public var isEnterprisePlan: Bool
        public var enterpriseRedirectURL: String?
        /// The row's `bullet` lines, or the ones generated from what the plan grants.
        public var bullets: [String]

        public init(planID: String, displayOrder: Int, isPopular: Bool, popularText: String?, buttonText: String,
                    buttonOutline: Bool, isEnterprisePlan: Bool, enterpriseRedirectURL: String?, bullets: [String]) {
            self.planID = planID
            self.displayOrder = displayOrder
            self.isPopular = isPopular
            self.popularText = popularText
            self.buttonText = buttonText
            self.buttonOutline = buttonOutline
            self.isEnterprisePlan = isEnterprisePlan
            self.enterpriseRedirectURL = enterpriseRedirectURL
            self.bullets = bullets
        }
    }

    /// A negotiated price for one customer; its price is in `prices` with `isOverridePrice: true`.
    public struct Quote: Equatable, Sendable {
        public var id: String
        public var planID: String
        public var customer: String
        public var stableSubscriptionID: String?
        public var effective: QuoteEffective
        public var priceID: String

        public init(id: String, planID: String, customer: String, stableSubscriptionID: String?,
                    effective: QuoteEffective, priceID: String) {
            self.id = id
            self.planID = planID
            self.customer = customer
            self.stableSubscriptionID = stableSubscriptionID
            self.effective = effective
            self.priceID = priceID
        }
    }
}
