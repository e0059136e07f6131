/// Lowers the statement trees of one catalog into the typed model (`Catalog`).
///
/// The schema checker runs on every block first; lowering then reads only accepted statements, so a
/// problem is reported once and the model is as complete as the source allows — later checks still run
/// on every well-formed element of a catalog with errors elsewhere.
struct Lowering {
    private var checker = SchemaChecker()
    private var catalog: Catalog
    /// The first top-level statement of each rule of the top level, for the repeated-statement check.
    private var topLevelFirstOccurrence = SchemaChecker.Occurrences(of: .topLevel)
    /// Whether the top level's `currency` statement has been seen, which decides every price's currency.
    private var hasSeenCurrency = false
    /// Plans and quotes written before the `currency` statement, lowered once it is seen (or at the end).
    private var waitingForCurrency: [(node: Node, keyword: Schema.Keyword)] = []

    /// A lowering of the files of `files`, whose ids the statements' locations take (`add`).
    init(files: FileTable) {
        catalog = Catalog()
        catalog.files = files
    }

    /// Lowers whole trees, in the order given; the catalog's file table lists their files in that order.
    static func lower(_ trees: [SyntaxTree]) -> (catalog: Catalog, diagnostics: [Diagnostic]) {
        var lowering = Lowering(files: FileTable(trees.map(\.file)))
        for (index, tree) in trees.enumerated() {
            for statement in tree.statements { lowering.add(statement, in: FileID(index)) }
        }
        return lowering.finish()
    }

    /// Lowers one top-level statement of the file `file` (an id of the lowering's table). Statements come
    /// in source order, files in path order; each is lowered as it comes and then let go, so the whole
    /// catalog's tree never needs to exist at once.
    mutating func add(_ statement: Statement, in file: FileID) {
        let node = Node(statement: statement, file: file)
        let accepted = checker.checkTopLevel(node, occurrences: &topLevelFirstOccurrence)
        let keyword = statement.keyword.text
        if node.isWritten(as: .currency), !hasSeenCurrency {
            // The first `currency` statement decides, accepted or not: a later one is a repeat.
            hasSeenCurrency = true
            if accepted != nil { catalog.defaultCurrency = CheckedBlock.word(of: node) }
            let waiting = waitingForCurrency
            waitingForCurrency = []
            for (node, keyword) in waiting { lowerAccepted(node, as: keyword) }
        }
        guard let accepted else {
            catalog.refusedStatements.record(keyword, in: nil)
            switch statement.arguments.first?.value {
            case .word(let id)?, .string(let id)?: catalog.refusedStatements.recordRefusedDefinition(keyword, id: id)
            default: break
            }
            return
        }
        if !hasSeenCurrency, accepted == .plan || accepted == .quote {
            waitingForCurrency.append((node, accepted))
            return
        }
        lowerAccepted(node, as: accepted)
    }

    /// The catalog and every problem lowering found.
    mutating func finish() -> (catalog: Catalog, diagnostics: [Diagnostic]) {
        let waiting = waitingForCurrency
        waitingForCurrency = []
        for (node, keyword) in waiting { lowerAccepted(node, as: keyword) }
        return (catalog, checker.diagnostics)
    }

    private mutating func lowerAccepted(_ node: Node, as keyword: Schema.Keyword) {
        switch keyword {
        case .catalog:
            if catalog.name == nil { catalog.name = CheckedBlock.locatedString(of: node) }
        case .metric:
            if let metric = lowerMetric(node) { catalog.metrics.append(metric) }
        case .feature:
            if let feature = lowerFeature(node) { catalog.features.append(feature) }
        case .plan:
            if let plan = lowerPlan(node, defaultCurrency: catalog.defaultCurrency) { catalog.plans.append(plan) }
        case .pricingTable:
            if let table = lowerPricingTable(node) { catalog.pricingTables.append(table) }
        case .quote:
            if let quote = lowerQuote(node, defaultCurrency: catalog.defaultCurrency) { catalog.quotes.append(quote) }
        case .scenario:
            if let scenario = lowerScenario(node) { catalog.scenarios.append(scenario) }
        default:
            // `currency` is taken as it comes, in `add`.
            break
        }
    }

    /// Checks the block of `node` against the schema of `context`, and records what it refused, so that
    /// later checks take what a refused statement would have said as unknown rather than missing.
    private mutating func checked(_ node: Node, in context: Schema.Context) -> CheckedBlock {
        let written = node.statement.block
        let block = checker.check(written?.statements ?? .empty, in: node.file, context: context, owner: node)
        if let written, written.closeBrace == nil {
            catalog.refusedStatements.recordUnclosedBlock(of: node.headerLocation)
        }
        if block.acceptedCount < block.statements.count {
            for position in block.statements.indices where !block.isAccepted(at: position) {
                catalog.refusedStatements.record(block.statements[position].keyword.text, in: node.headerLocation)
            }
        }
        return block
    }

    // MARK: Metrics and features

    private mutating func lowerMetric(_ node: Node) -> Metric? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .metric)
        let aggregation = block.choice(.aggregate, as: Aggregation.self)?.value ?? Metric.defaultAggregation
        let valueType = block.choice(.value, as: MetricValueType.self)?.value
            ?? Metric.defaultValueType(for: aggregation)
        return Metric(id: id, name: block.string(.name) ?? id.value, description: block.string(.description),
                      eventName: block.string(.event) ?? Metric.defaultEventName(for: id.value),
                      aggregation: aggregation, valueType: valueType)
    }

    private mutating func lowerFeature(_ node: Node) -> Feature? {
        guard let slug = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .feature)
        return Feature(slug: slug, name: block.string(.name) ?? slug.value, description: block.string(.description),
                       type: block.choice(.type, as: FeatureType.self),
                       metricIDs: block.nodes(.metric).compactMap(CheckedBlock.word(of:)),
                       unit: block.string(.unit), unitPlural: block.node(.unit).flatMap(Self.secondString),
                       location: node.headerLocation)
    }

    /// The second argument of an accepted statement, when it is a string (a unit's plural).
    private static func secondString(of node: Node) -> String? {
        guard node.statement.arguments.count > 1, case .string(let text) = node.statement.arguments[1].value else {
            return nil
        }
        return text
    }

    // MARK: Plans

    private mutating func lowerPlan(_ node: Node, defaultCurrency: Located<String>?) -> Plan? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .plan)
        let features = block.node(.features)
        let grants = features.map { lowerGrants($0) }
        if let features, features.statement.block?.closeBrace == nil {
            // A `features` block never closed may grant more than it lists.
            catalog.refusedStatements.record("features", in: node.headerLocation)
        }
        let prices = block.nodes(.price).compactMap {
            lowerPrice($0, owner: .plan(id.value), planID: id.value, defaultCurrency: defaultCurrency)
        }
        let credits = block.nodes(.credit).compactMap { lowerCredit($0, planID: id.value) }
        return Plan(id: id, name: block.string(.name) ?? id.value, description: block.string(.description),
                    isHidden: block.flag(.hidden), trialOf: block.word(.trialOf),
                    trialDays: block.integer(.trialDays), grants: grants, prices: prices, credits: credits,
                    location: node.headerLocation)
    }

    /// How many grants a features block may hold before a repeat is looked for in a dictionary rather
    /// than by comparing with each earlier grant.
    static let grantsComparedInTurn = 16

    /// A `features` block: every statement is a feature id with an optional value, checked here because
    /// its keywords are ids rather than schema words. The value's fit to the feature type is a later check.
    private mutating func lowerGrants(_ node: Node) -> [FeatureGrant] {
        let statements = node.statement.block?.statements ?? .empty
        var grants: [FeatureGrant] = []
        grants.reserveCapacity(statements.count)
        // A repeated feature is found by comparing its slug with each earlier grant's while the block is
        // short (a plan lists a handful of features, and a dictionary made for every plan's block cost
        // more than the comparisons), and through a dictionary of their positions once the block is long,
        // so that a block of thousands of grants still takes linear time.
        var positionBySlug: [String: Int] = [:]
        for statement in statements {
            let child = Node(statement: statement, file: node.file)
            let slug = Located(statement.keyword.text, at: child.keywordLocation)
            let earlier: FeatureGrant?
            if grants.count <= Self.grantsComparedInTurn {
                earlier = grants.first { $0.slug.value == slug.value }
            } else {
                if positionBySlug.isEmpty {
                    for (position, grant) in grants.enumerated() { positionBySlug[grant.slug.value] = position }
                }
                earlier = positionBySlug[slug.value].map { grants[$0] }
            }
            if let earlier {
                checker.report(Diagnostic(
                    .repeatedStatement, "feature `\(slug.value)` is listed more than once in this features block",
                    at: child.keywordLocation, label: "listed again here",
                    notes: [Diagnostic.Note("first listed here", at: earlier.slug.location)],
                    help: "keep one line per feature"))
                continue
            }
            if !positionBySlug.isEmpty { positionBySlug[slug.value] = grants.count }
            if let block = statement.block {
                checker.report(Diagnostic(.unexpectedBlock, "a feature grant does not take a block",
                                          at: child.location(block.openBrace), label: "unexpected block",
                                          help: "write the value after the feature id: `\(slug.value) 10`"))
            }
            if statement.arguments.count > 1 {
                let span = statement.arguments[1].span.union(statement.arguments.last!.span)
                checker.report(Diagnostic(.wrongArgumentCount, "a feature grant takes at most one value",
                                          at: child.location(span), label: "unexpected argument",
                                          help: "a text value with spaces is written as one string: \"…\""))
            }
            var value: Located<GrantValue>?
            if let argument = statement.firstArgument {
                let location = child.location(argument.span)
                switch argument.value {
                case .number(let text):
                    if let decimal = ExactDecimal(parsing: text) {
                        value = Located(.limit(decimal), at: location)
                    } else {
                        value = Located(.unreadableNumber(text), at: location)
                    }
                case .word("unlimited"):
                    value = Located(.unlimited, at: location)
                case .string(let text):
                    value = Located(.text(text), at: location)
                case .word(let text):
                    value = Located(.invalid(text), at: location)
                case .reference(let price, let component):
                    value = Located(.invalid("\(price).\(component)"), at: location)
                }
            }
            grants.append(FeatureGrant(slug: slug, value: value, location: child.headerLocation))
        }
        return grants
    }

    // MARK: Prices

    private mutating func lowerPrice(_ node: Node, owner: Price.Owner, planID: String?,
                                     defaultCurrency: Located<String>?) -> Price? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .price)
        let currency = block.word(.currency)
        let components = block.nodes(.component).compactMap { lowerComponent($0) }
        return Price(id: id, owner: owner, planID: planID, currency: currency,
                     resolvedCurrency: Currency.resolvedCode(own: currency?.value, catalogDefault: defaultCurrency?.value),
                     interval: block.choice(.interval, as: BillingInterval.self),
                     intervalCount: block.integer(.intervalCount), components: components,
                     location: node.headerLocation)
    }

    private mutating func lowerComponent(_ node: Node) -> PriceComponent? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .component)
        // The first of `fixed`, `per-seat`, `usage` in source order; the money checks report the rest.
        var kind: (start: Int, kind: PriceComponent.Kind)?
        func consider(_ start: Int, _ candidate: PriceComponent.Kind) {
            if kind.map({ start < $0.start }) ?? true { kind = (start, candidate) }
        }
        if let fixed = block.decimal(.fixed) { consider(fixed.location.span.start, .fixed(fixed)) }
        if let perSeat = block.decimal(.perSeat) { consider(perSeat.location.span.start, .perSeat(perSeat)) }
        if let usage = block.word(.usage) { consider(usage.location.span.start, .usage(metric: usage)) }
        return PriceComponent(
            id: id, kind: kind?.kind, unitPrice: block.decimal(.unitPrice),
            label: block.string(.label), unit: block.string(.unit), minSeats: block.integer(.minSeats),
            billImmediately: block.boolean(.billImmediately),
            interval: block.choice(.interval, as: BillingInterval.self),
            intervalCount: block.integer(.intervalCount),
            declaredKinds: block.statements.indices.compactMap { position in
                guard block.isWritten(at: position, as: .fixed) || block.isWritten(at: position, as: .perSeat)
                    || block.isWritten(at: position, as: .usage) else { return nil }
                let keyword = block.statements[position].keyword
                return Located(keyword.text, at: block.location(keyword.span))
            },
            hasUnitPriceStatement: block.statements.indices.contains { block.isWritten(at: $0, as: .unitPrice) },
            location: node.headerLocation)
    }

    // MARK: Credits

    private mutating func lowerCredit(_ node: Node, planID: String) -> CreditDefinition? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .credit)
        var appliesTo: Located<CreditTarget>?
        if let position = block.position(of: .appliesTo), let argument = block.statements[position].firstArgument {
            switch argument.value {
            case .reference(let price, let component):
                appliesTo = Located(.component(price: price, component: component), at: block.location(argument.span))
            case .word(let feature):
                appliesTo = Located(.feature(feature), at: block.location(argument.span))
            default:
                break
            }
        }
        return CreditDefinition(
            id: id, planID: planID, name: block.string(.name) ?? id.value,
            type: block.choice(.type, as: CreditType.self), appliesTo: appliesTo,
            amount: block.decimal(.amount), refill: block.decimal(.refill),
            renewal: block.choice(.renew, as: CreditRenewal.self)?.value ?? .onBilling,
            expiresAfterDays: block.integer(.expiresAfterDays), billingVisible: block.boolean(.billingVisible),
            billingDescription: block.string(.billingDescription), currency: block.word(.currency),
            hasRefusedType: block.position(of: .type) == nil
                && block.statements.indices.contains { block.isWritten(at: $0, as: .type) },
            location: node.headerLocation)
    }

    // MARK: Pricing tables and quotes

    private mutating func lowerPricingTable(_ node: Node) -> PricingTable? {
        guard let slug = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .pricingTable)
        let rows = block.nodes(.row).compactMap { lowerRow($0) }
        return PricingTable(slug: slug, name: block.string(.name), heading: block.string(.heading),
                            subheading: block.string(.subheading), description: block.string(.description),
                            currency: block.word(.currency), rows: rows, location: node.headerLocation)
    }

    private mutating func lowerRow(_ node: Node) -> PricingTableRow? {
        guard let planID = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .row)
        var popular: Located<String>?
        if let position = block.position(of: .popular) {
            popular = block.locatedString(.popular)
                ?? Located("Most popular", at: block.location(block.statements[position].keyword.span))
        }
        let bullets = block.nodes(.bullet).compactMap { node -> String? in
            if case .string(let text)? = node.firstArgument?.value { return text }
            return nil
        }
        return PricingTableRow(planID: planID, popular: popular, buttonText: block.string(.button),
                               isOutlined: block.flag(.outline), enterpriseURL: block.locatedString(.enterprise),
                               bullets: bullets, location: node.headerLocation)
    }

    private mutating func lowerQuote(_ node: Node, defaultCurrency: Located<String>?) -> Quote? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .quote)
        let planID = block.word(.plan)
        let price = block.node(.price).flatMap {
            lowerPrice($0, owner: .quote(id.value), planID: planID?.value, defaultCurrency: defaultCurrency)
        }
        return Quote(id: id, planID: planID, customer: block.string(.customer),
                     subscription: block.string(.subscription),
                     effective: block.choice(.effective, as: QuoteEffective.self)?.value ?? .immediately,
                     price: price, location: node.headerLocation)
    }

    // MARK: Scenarios

    /// A `scenario` block (PREVIEW.md § 1). Its statements are read as the checker accepted them: a date
    /// argument is a real day (`CalendarDate`), a count or quantity is 0 or more.
    private mutating func lowerScenario(_ node: Node) -> Scenario? {
        guard let id = CheckedBlock.word(of: node) else { return nil }
        let block = checked(node, in: .scenario)
        var seats: Located<Int>?
        var seatChanges: [Scenario.SeatChange] = []
        for (seatsNode, number) in block.nodesWithNumbers(.seats) {
            let arguments = seatsNode.statement.arguments
            guard let count = number?.integerValue, let first = arguments.first else { continue }
            let located = Located(count, at: seatsNode.location(first.span))
            // The checker accepts one argument (the seats at the start) or three (`N from DATE`).
            if arguments.count == 3 {
                guard case .word(let text) = arguments[2].value, let date = CalendarDate(text) else { continue }
                let dated = Located(date, at: seatsNode.location(arguments[2].span))
                seatChanges.append(Scenario.SeatChange(seats: located, date: dated, location: seatsNode.headerLocation))
            } else if seats == nil {
                seats = located
            }
        }
        let usage = block.nodesWithNumbers(.usage).compactMap { usageNode, number -> Scenario.Usage? in
            let arguments = usageNode.statement.arguments
            guard let metric = CheckedBlock.word(of: usageNode), let number, arguments.count == 2 else { return nil }
            return Scenario.Usage(metricID: metric, quantity: Located(number, at: usageNode.location(arguments[1].span)),
                                  location: usageNode.headerLocation)
        }
        let expectations = block.nodesWithNumbers(.expect).compactMap { expectNode, number -> Scenario.Expectation? in
            let arguments = expectNode.statement.arguments
            guard let word = CheckedBlock.word(of: expectNode), let kind = Scenario.Expectation.Kind(rawValue: word.value),
                  let number, arguments.count == 2 else { return nil }
            return Scenario.Expectation(kind: Located(kind, at: word.location),
                                        amount: Located(number, at: expectNode.location(arguments[1].span)),
                                        location: expectNode.headerLocation)
        }
        let start = block.word(.start).flatMap { word in CalendarDate(word.value).map { Located($0, at: word.location) } }
        return Scenario(id: id, description: block.locatedString(.description), priceID: block.word(.price),
                        start: start, seats: seats, seatChanges: seatChanges, usage: usage,
                        expectations: expectations, location: node.headerLocation)
    }
}
