extension Schema {
    /// What a statement means in a context, in a sentence, as LANGUAGE.md § 2 and PREVIEW.md § 1 say it:
    /// what an editor shows on a keyword (hover) and beside a statement it offers (completion). Every rule
    /// of the schema has one (`SchemaMeaningTests`).
    static func meaning(of keyword: Keyword, in context: Context) -> String? {
        meanings[context.rawValue][keyword]
    }

    private static let meanings: [[Keyword: String]] = Context.allCases.map { context in
        switch context {
        case .topLevel: [
            .catalog: "The catalog's display name.",
            .currency: "The default currency of prices and monetary credits (an ISO 4217 code), once per catalog.",
            .metric: "A usage metric, fed by the events the app sends.",
            .feature: "A feature that plans grant.",
            .plan: "A plan customers subscribe to.",
            .pricingTable: "A public pricing table; its id is its slug.",
            .quote: "A negotiated price for one customer on a plan.",
            .scenario: "A sample subscription whose invoice `plancat preview` computes and `check` verifies.",
        ]
        case .metric: [
            .name: "The metric's display name.",
            .description: "A description of the metric.",
            .event: "The event name the app sends; default: the metric id.",
            .aggregate: "How events add up over a period: `count`, `sum` (default), `max`, `min`, `avg` or `unique-count`.",
            .value: "The type of the events' value: `numeric` (default) or `string` (the default for `unique-count`).",
        ]
        case .feature: [
            .name: "The feature's display name.",
            .description: "A description of the feature.",
            .type: "`boolean` (on or off), `number` (a limit), `text` (a value such as a support level) or `usage` (metered).",
            .metric: "A metric this feature measures: required for `usage` features, refused for others.",
            .unit: "The unit the feature counts, singular, with an optional plural (`unit \"person\" \"people\"`).",
        ]
        case .plan: [
            .name: "The plan's display name.",
            .description: "A description of the plan.",
            .hidden: "Left out of pricing tables.",
            .trialOf: "Makes this plan a trial of another plan, whose features it grants unless it lists its own.",
            .trialDays: "How many days the trial lasts: required with `trial-of`, refused without it.",
            .features: "What the plan grants: one line per feature, with its value.",
            .price: "A price of this plan.",
            .credit: "A credit the plan's subscribers receive: usage units or money.",
        ]
        case .features: [:]
        case .price: [
            .currency: "The price's currency; default: the catalog's `currency`.",
            .interval: "The billing period of every component: `day`, `week`, `month` or `year`.",
            .intervalCount: "How many intervals one period lasts (`month` and 3 is quarterly); default 1.",
            .component: "A part of the price: a fixed fee, a per-seat fee or a usage rate.",
        ]
        case .component: [
            .fixed: "A fixed amount each period.",
            .perSeat: "An amount per seat each period.",
            .usage: "Bills the usage of a metric, at `unit-price` per unit.",
            .unitPrice: "The price of one unit of usage (it may be below the currency's minor unit).",
            .label: "The component's label on invoices.",
            .unit: "The unit label (`seat` unless it says otherwise).",
            .minSeats: "Per-seat only: the fewest seats billed.",
            .billImmediately: "Per-seat only: whether seats added mid-period are prorated at once; default `true`.",
            .interval: "The component's own billing period, overriding the price's.",
            .intervalCount: "The component's own count of intervals per period.",
        ]
        case .credit: [
            .name: "The credit's display name.",
            .type: "`usage` (units of a metered component or feature, the default) or `monetary` (money off invoices).",
            .appliesTo: "What a usage credit covers: a `price.component` of this plan, or a usage or number feature.",
            .amount: "The balance granted: usage units, or an amount of money for a monetary credit.",
            .refill: "The balance after each renewal; default: `amount`.",
            .renew: "When the balance renews: `on-billing` (default), `monthly`, `yearly` or `never`.",
            .expiresAfterDays: "Days after which a granted balance expires.",
            .billingVisible: "Whether invoices show the credit.",
            .billingDescription: "How invoices describe the credit.",
            .currency: "A monetary credit's currency; default: the catalog's `currency`.",
        ]
        case .pricingTable: [
            .name: "The table's management name; default: its id.",
            .heading: "The heading shown above the table.",
            .subheading: "The subheading shown above the table.",
            .description: "A description shown above the table.",
            .currency: "The currency whose prices the table shows; default: the catalog's `currency`.",
            .row: "A column of the table, for a plan, in this order.",
        ]
        case .row: [
            .popular: "Marks the column as popular, with an optional badge text (default \"Most popular\").",
            .button: "The button's text; by default \"Get started\", \"Start free trial\" or \"Contact sales\".",
            .outline: "Draws the button as an outline.",
            .enterprise: "An enterprise column: the button leads to this URL instead of checkout.",
            .bullet: "A line shown in the column; by default the lines are generated from the plan's features.",
        ]
        case .quote: [
            .plan: "The plan the negotiated price belongs to.",
            .customer: "Who the quote is for: a name or a customer id.",
            .subscription: "The subscription the price applies to.",
            .effective: "`immediately` (default) or at the `next-billing` date.",
            .price: "The negotiated price.",
        ]
        case .scenario: [
            .description: "Shown with the scenario.",
            .price: "The price the subscription is on: a plan's, or a quote's negotiated price.",
            .start: "The first day of the billing period previewed.",
            .seats: "The seats held at the start of the period, or, with `from` and a date, a seat change.",
            .usage: "A metric's quantity over the whole period.",
            .expect: "An amount the invoice must show (`subtotal`, `credits` or `total`); `check` reports a difference.",
        ]
        }
    }
}
