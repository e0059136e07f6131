/// What the schema says a statement of the tree is, read the way the checker reads it, for the editor's
/// features (completion, semantic tokens): its rules, the block it opens, and what each argument names.
///
/// The checker decides what a statement means while it lowers a whole catalog; an editor asks about one
/// file, often half typed, and about one place in it. So this reads the same `Schema` without checking
/// anything: a statement the schema does not know has no rules here, and nothing under it is read.
struct StatementRole {
    /// The block the statement stands in.
    let context: Schema.Context
    /// The statement's keyword as written.
    let keyword: String
    /// Every form of the keyword in `context`, in the schema's order (a scenario's `seats` has two);
    /// empty for an unknown keyword, and in a `features` block, whose statements are feature ids.
    let rules: [Schema.Rule]

    init(keyword: String, in context: Schema.Context) {
        self.context = context
        self.keyword = keyword
        rules = Schema.rules(in: context).filter { $0.isSpelled(keyword) }
    }

    /// Whether the keyword is one of the schema's in this block.
    var isKnown: Bool { !rules.isEmpty }

    /// The context of the statement's block, when the schema gives it one.
    var blockContext: Schema.Context? {
        for rule in rules {
            switch rule.block {
            case .required(let context), .optional(let context): return context
            case .forbidden: continue
            }
        }
        return nil
    }

    /// The rule a statement with `argumentCount` arguments is read by: the checker's choice among the
    /// forms (`Schema.form(of:among:spelledAs:)`).
    func rule(forArgumentCount argumentCount: Int) -> Schema.Rule? {
        guard !rules.isEmpty else { return nil }
        return rules[Schema.form(of: argumentCount, among: rules, spelledAs: 0)]
    }

    /// The kinds the argument at `index` may be, over every form of the keyword, each once.
    func argumentKinds(at index: Int) -> [Schema.ArgumentKind] {
        var kinds: [Schema.ArgumentKind] = []
        for rule in rules {
            if let kind = Self.kind(at: index, of: rule.arguments), !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    /// The kind of the argument at `index` of a shape, nil past its last.
    static func kind(at index: Int, of shape: Schema.Arguments) -> Schema.ArgumentKind? {
        switch shape {
        case .none: nil
        case .one(let kind), .optional(let kind): index == 0 ? kind : nil
        case .flag: index == 0 ? .boolean : nil
        case .oneOrTwo(let kind): index < 2 ? kind : nil
        case .sequence(let kinds): index < kinds.count ? kinds[index] : nil
        }
    }

    /// What an id argument (`ArgumentKind.identifier`) of this statement stands for: the definition of a
    /// new id, or a reference to one of a kind; nil when the statement takes no id there.
    func identifier(at index: Int) -> IdentifierRole? {
        switch (context, keyword, index) {
        case (.topLevel, "metric", 0): .definition(.metric)
        case (.topLevel, "feature", 0): .definition(.feature)
        case (.topLevel, "plan", 0): .definition(.plan)
        case (.topLevel, "pricing-table", 0): .definition(.pricingTable)
        case (.topLevel, "quote", 0): .definition(.quote)
        case (.topLevel, "scenario", 0): .definition(.scenario)
        case (.plan, "price", 0), (.quote, "price", 0): .definition(.price)
        case (.plan, "credit", 0): .definition(.credit)
        case (.price, "component", 0): .definition(.component)
        case (.plan, "trial-of", 0), (.pricingTable, "row", 0), (.quote, "plan", 0): .reference(.plan)
        case (.component, "usage", 0), (.feature, "metric", 0), (.scenario, "usage", 0): .reference(.metric)
        case (.scenario, "price", 0): .reference(.price)
        default: nil
        }
    }

    /// What an id argument stands for.
    enum IdentifierRole: Equatable {
        case definition(EntityKind)
        case reference(EntityKind)
    }
}

extension Schema.Rule {
    /// How the statement is written, for an editor to show: `trial-of ID`, `price ID { … }`.
    var form: String {
        var text = spelling
        let placeholder = SchemaChecker.placeholder(for: arguments)
        if !placeholder.isEmpty { text += " " + placeholder }
        switch block {
        case .forbidden: break
        case .required: text += " { … }"
        case .optional: text += " [{ … }]"
        }
        return text
    }

    /// How often the statement may stand in its block, in words.
    var occurrenceDescription: String {
        switch occurrence {
        case .required: "required"
        case .optional: "optional"
        case .repeatable: "repeatable"
        }
    }
}
