/// One thing an editor may offer at a place in a file.
public struct CompletionItem: Sendable, Equatable {
    /// What the item is, for the editor's icon.
    public enum Kind: Sendable, Equatable {
        /// A statement's keyword.
        case keyword
        /// One word of a fixed set: a choice (`month`, `sum`), `true` or `false`, `unlimited`.
        case value
        /// A currency code.
        case currency
        /// The id of something the catalog defines (a plan, a metric, a feature, a price), or a
        /// `price.component` reference (`.component`).
        case reference(EntityKind)
    }

    /// The text inserted.
    public let label: String
    public let kind: Kind
    /// A word on what it is: a plan's name, a statement's form.
    public let detail: String?
    /// For a keyword, what the statement means in its block, in Markdown (`Schema.meaning`); nil otherwise.
    public let documentation: String?
    /// The bytes the label replaces: the word being typed (empty when none is).
    public let replacing: Span
}

/// Completion by context, from the schema `plancat check` uses: the statements a block allows, the ids
/// of the right kind where a statement takes one, the words of a choice.
public enum Completion {
    /// What may be written at `offset` of the file of `tree` (`Parser.parse`), whose catalog — as checked with the file's current text —
    /// is `catalog`: the ids offered are those it defines. Empty inside a comment or a string, past the end
    /// of the file, inside an unknown statement's block, and where the schema expects no word (a string,
    /// a number).
    ///
    /// Not filtered by what is already typed of the word: editors filter and rank themselves, and the
    /// word's span is each item's `replacing`.
    public static func items(in tree: SyntaxTree, at offset: Int, catalog: Catalog) -> [CompletionItem] {
        guard let context = CompletionContext(file: tree.file, tree: tree, offset: offset) else { return [] }
        var builder = Builder(context: context, catalog: catalog)
        switch context.position {
        case .statement: builder.addStatements()
        case .argument(let statement, let index): builder.addArguments(of: statement, at: index)
        }
        return builder.items
    }

    /// Gathers the items of one context, each label once.
    private struct Builder {
        let context: CompletionContext
        let catalog: Catalog
        private(set) var items: [CompletionItem] = []
        private var labels = Set<String>()

        init(context: CompletionContext, catalog: Catalog) {
            self.context = context
            self.catalog = catalog
        }

        mutating func add(_ label: String, _ kind: CompletionItem.Kind, detail: String?, documentation: String? = nil) {
            guard !label.isEmpty, labels.insert(label).inserted else { return }
            items.append(CompletionItem(label: label, kind: kind, detail: detail, documentation: documentation,
                                        replacing: context.word))
        }

        /// The statements this block allows, in the schema's order, but those that may stand once and
        /// already do; in a `features` block, the features it does not list yet.
        mutating func addStatements() {
            let written = context.siblings.filter { $0.keyword.span.start != context.word.start }.map(\.keyword.text)
            if context.context == .features {
                for feature in catalog.features where !written.contains(feature.slug.value) {
                    add(feature.slug.value, .reference(.feature),
                        detail: feature.type.map { "\(feature.name) · \($0.value.rawValue) feature" } ?? feature.name)
                }
                return
            }
            let rules = Schema.rules(in: context.context)
            for rule in rules {
                let forms = rules.filter { $0.keyword == rule.keyword }
                let isUsedUp = forms.allSatisfy { $0.occurrence != .repeatable } && written.contains(rule.spelling)
                guard !isUsedUp else { continue }
                let detail = forms.map(\.form).joined(separator: " or ")
                    + " · \(rule.occurrenceDescription) \(context.context.description)"
                add(rule.spelling, .keyword, detail: detail,
                    documentation: Schema.meaning(of: rule.keyword, in: context.context))
            }
        }

        /// The words the argument at `index` of `statement` may be.
        mutating func addArguments(of statement: Statement, at index: Int) {
            if context.context == .features {
                addFeatureValues(of: statement.keyword.text, at: index)
                return
            }
            let role = StatementRole(keyword: statement.keyword.text, in: context.context)
            for kind in role.argumentKinds(at: index) {
                switch kind {
                case .choice(let words):
                    for word in words { add(word, .value, detail: "\(role.keyword) \(context.context.description)") }
                case .boolean:
                    for word in ["true", "false"] { add(word, .value, detail: "\(role.keyword) \(context.context.description)") }
                case .currencyCode:
                    for code in Currency.allCodes { add(code, .currency, detail: nil) }
                case .identifier:
                    if case .reference(let kind)? = role.identifier(at: index) { addIDs(of: kind) }
                case .identifierOrReference:
                    addCreditTargets()
                case .string, .decimal, .integer, .count, .quantity, .wholeQuantity, .date:
                    break
                }
            }
        }

        /// A feature's value in a `features` block: `true` or `false` for a boolean feature, `unlimited`
        /// for a number feature.
        private mutating func addFeatureValues(of slug: String, at index: Int) {
            guard index == 0, let type = catalog.features.first(where: { $0.slug.value == slug })?.type?.value else { return }
            switch type {
            case .boolean: for word in ["true", "false"] { add(word, .value, detail: "boolean feature") }
            case .number: add("unlimited", .value, detail: "number feature: no limit")
            case .text, .usage: break
            }
        }

        private mutating func addIDs(of kind: EntityKind) {
            switch kind {
            case .plan:
                let current = context.owner(in: .topLevel).flatMap(\.firstArgument)
                for plan in catalog.plans where Argument.Value.word(plan.id.value) != current?.value {
                    add(plan.id.value, .reference(.plan), detail: plan.name)
                }
            case .metric:
                for metric in catalog.metrics { add(metric.id.value, .reference(.metric), detail: metric.name) }
            case .price:
                for plan in catalog.plans {
                    for price in plan.prices { add(price.id.value, .reference(.price), detail: Self.detail(of: price, in: plan.name)) }
                }
                for quote in catalog.quotes {
                    if let price = quote.price { add(price.id.value, .reference(.price), detail: Self.detail(of: price, in: quote.id.value)) }
                }
            case .feature, .component, .credit, .pricingTable, .quote, .scenario:
                break
            }
        }

        private static func detail(of price: Price, in owner: String) -> String {
            guard let period = price.period else { return owner }
            return "\(owner) · \(period)"
        }

        /// A credit's `applies-to`: the usage components of its plan's prices, as `price.component`, and the
        /// usage and number features (LANGUAGE.md: what a credit may apply to).
        private mutating func addCreditTargets() {
            let planID = context.owner(in: .topLevel).flatMap(\.firstArgument)?.value
            let plans = catalog.plans.filter { Argument.Value.word($0.id.value) == planID }
            for plan in plans {
                for price in plan.prices {
                    for component in price.components {
                        guard let metric = component.usageMetric else { continue }
                        add("\(price.id.value).\(component.id.value)", .reference(.component),
                            detail: "usage of \(metric.value)")
                    }
                }
            }
            for feature in catalog.features {
                guard let type = feature.type?.value, type == .usage || type == .number else { continue }
                add(feature.slug.value, .reference(.feature), detail: "\(feature.name) · \(type.rawValue) feature")
            }
        }
    }
}
