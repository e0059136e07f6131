/// Checks the statements of one block against the schema (LANGUAGE.md §2) and reports every schema
/// problem: unknown statements (with the nearest valid one), wrong argument count or kind, invalid
/// values, blocks where none belongs or none where one is required, repeated singletons and missing
/// required statements. A date argument that is not a real day is refused here too, as any argument of
/// the wrong shape is, under the code of the scenarios that write dates (E1101).
struct SchemaChecker {
    private(set) var diagnostics: [Diagnostic] = []
    /// The occurrences of the last block checked, kept so that the next block reuses their storage: a
    /// block's check never nests in another's (lowering checks a nested block after its owner's check
    /// has returned), and a catalog has a block for every plan, price, component and credit.
    private var spareOccurrences: Occurrences?

    /// Checks `statements`, standing in `file`, as the contents of a block of `context` owned by `owner`.
    mutating func check(_ statements: StatementList, in file: FileID, context: Schema.Context, owner: Node)
        -> CheckedBlock {
        var block = CheckedBlock(statements: statements, file: file)
        var occurrences = spareOccurrences ?? Occurrences(of: context)
        spareOccurrences = nil
        occurrences.reset(to: context)
        defer { spareOccurrences = occurrences }
        for statement in statements {
            block.record(checkStatement(Node(statement: statement, file: file), occurrences: &occurrences))
        }
        // A block that is never closed (E0104) ends where the parser guessed: what it lacks is unknown.
        if owner.statement.block.map({ $0.closeBrace != nil }) ?? true {
            for (ruleIndex, rule) in occurrences.rules.enumerated() where rule.occurrence == .required {
                guard occurrences.first[ruleIndex] == nil else { continue }
                let keyword = rule.spelling
                report(Diagnostic(
                    .missingRequiredStatement,
                    "`\(owner.statement.keyword.text)` is missing its required `\(keyword)` statement",
                    at: owner.headerLocation, label: "no `\(keyword)` in this block",
                    help: "add `\(keyword) \(Self.placeholder(for: rule.arguments))` to the block"))
            }
        }
        return block
    }

    /// Checks one top-level statement, as the compiler lowers them one at a time; returns its keyword
    /// when it is accepted, nil when it is refused. The top level has no required statement, so nothing is
    /// left to check at the end.
    mutating func checkTopLevel(_ node: Node, occurrences: inout Occurrences) -> Schema.Keyword? {
        checkStatement(node, occurrences: &occurrences)?.keyword
    }

    /// The statements seen so far in one block: where the keyword of the first of each rule stands, by the
    /// rule's position (a location, not the statement, so remembering it copies no statement).
    struct Occurrences {
        private(set) var context: Schema.Context
        private(set) var rules: [Schema.Rule]
        var first: [SourceLocation?]

        init(of context: Schema.Context) {
            self.context = context
            rules = Schema.rules(in: context)
            first = Array(repeating: nil, count: rules.count)
        }

        /// Forgets what was seen and takes on `context`, keeping the storage.
        mutating func reset(to context: Schema.Context) {
            self.context = context
            rules = Schema.rules(in: context)
            first.removeAll(keepingCapacity: true)
            first.append(contentsOf: repeatElement(nil, count: rules.count))
        }
    }

    /// Checks one statement of a block; returns its keyword, and its number argument's value, when it is
    /// accepted (known, not repeated, with the right arguments and block), nil when it is refused.
    private mutating func checkStatement(_ node: Node, occurrences: inout Occurrences)
        -> CheckedBlock.AcceptedStatement? {
        let context = occurrences.context
        var keyword = node.statement.keyword.text
        var ruleIndex = occurrences.rules.firstIndex { $0.isSpelled(keyword) }
        // Every rule is spelled in ASCII, so only a keyword that matches none can be a non-ASCII one.
        if ruleIndex == nil, !keyword.utf8.allSatisfy({ $0 < 0x80 }) {
            // Reported by the lexer (E0117), with its ASCII spelling: taken as that keyword, so that
            // `nàme` is one problem, not also an unknown statement and a missing `name`.
            keyword = NonASCIIWord.asciiSpelling(of: keyword) ?? keyword
            guard let asciiRuleIndex = occurrences.rules.firstIndex(where: { $0.isSpelled(keyword) }) else { return nil }
            ruleIndex = asciiRuleIndex
        }
        guard var ruleIndex else {
            reportUnknownStatement(node, in: context)
            return nil
        }
        if Schema.hasForms(in: context) {
            ruleIndex = Schema.form(of: node.statement.arguments.count, among: occurrences.rules, spelledAs: ruleIndex)
        }
        let rule = occurrences.rules[ruleIndex]
        if rule.occurrence != .repeatable, let earlier = occurrences.first[ruleIndex] {
            // A keyword with several forms names the form repeated, and the others it may be meant as.
            let otherForms = occurrences.rules.indices.filter {
                $0 != ruleIndex && occurrences.rules[$0].keyword == rule.keyword
            }.map { "`\(keyword) \(Self.placeholder(for: occurrences.rules[$0].arguments))`" }
            let form = otherForms.isEmpty ? keyword : "\(keyword) \(Self.placeholder(for: rule.arguments))"
            report(Diagnostic(
                .repeatedStatement, "`\(form)` is given more than once \(context.description)",
                at: node.keywordLocation, label: "repeated here",
                notes: [Diagnostic.Note("first given here", at: earlier)],
                help: "keep one `\(form)` statement"
                    + (otherForms.isEmpty ? "" : "; the other form is " + otherForms.joined(separator: ", "))))
            return nil
        }
        if occurrences.first[ruleIndex] == nil { occurrences.first[ruleIndex] = node.keywordLocation }
        var number: ExactDecimal?
        let argumentsAreValid = checkArguments(of: node, against: rule.arguments, context: context, number: &number)
        let blockIsValid = checkBlock(of: node, against: rule.block)
        guard argumentsAreValid, blockIsValid else { return nil }
        return CheckedBlock.AcceptedStatement(keyword: rule.keyword, number: number)
    }

    // MARK: Statements

    private mutating func reportUnknownStatement(_ node: Node, in context: Schema.Context) {
        let keyword = node.statement.keyword
        let candidates = Schema.keywords(for: context)
        let suggestion = Suggestion.closest(to: keyword.text, among: candidates)
        let help = Suggestion.help(suggestion)
            ?? "statements allowed \(context.description): " + candidates.map { "`\($0)`" }.joined(separator: ", ")
        report(Diagnostic(.unknownStatement, "unknown statement `\(keyword.text)` \(context.description)",
                          at: node.keywordLocation, label: "not a statement of this block", help: help,
                          fixes: Diagnostic.replacement(at: node.keywordLocation, with: suggestion)))
    }

    private mutating func checkBlock(of node: Node, against rule: Schema.BlockRule) -> Bool {
        let keyword = node.statement.keyword.text
        switch rule {
        case .forbidden:
            guard let block = node.statement.block else { return true }
            report(Diagnostic(.unexpectedBlock, "`\(keyword)` does not take a block",
                              at: node.location(block.openBrace), label: "unexpected block",
                              help: "remove the block; `\(keyword)` takes its value as an argument"))
            return false
        case .required:
            guard node.statement.block == nil else { return true }
            report(Diagnostic(.missingBlock, "`\(keyword)` needs a block", at: node.headerLocation,
                              label: "expected `{ … }` after this",
                              help: "open its block on the same line: `\(keyword) … {`"))
            return false
        case .optional:
            return true
        }
    }

    // MARK: Arguments

    /// Checks the arguments' count and kinds; a number argument's value, once parsed, is left in `number`.
    private mutating func checkArguments(of node: Node, against shape: Schema.Arguments,
                                         context: Schema.Context, number: inout ExactDecimal?) -> Bool {
        let keyword = node.statement.keyword.text
        let arguments = node.statement.arguments
        switch shape {
        case .none:
            guard let first = arguments.first else { return true }
            reportExtraArguments(node, from: first, expected: "no arguments")
            return false
        case .one(let kind):
            guard let first = arguments.first else {
                report(Diagnostic(.wrongArgumentCount, "`\(keyword)` needs \(kind.description)",
                                  at: node.keywordLocation, label: "missing argument",
                                  help: "write `\(keyword) \(Self.placeholder(for: kind))`"))
                return false
            }
            if arguments.count > 1 {
                reportExtraArguments(node, from: arguments[1], expected: "one argument",
                                     help: context == .component && keyword == "unit"
                                         ? "a component's unit is shown only in the singular (\"per user\"); "
                                             + "a plural belongs to a feature's `unit`" : nil)
                return false
            }
            return checkArgument(first, of: node, is: kind, context: context, number: &number)
        case .optional(let kind):
            guard let first = arguments.first else { return true }
            if arguments.count > 1 {
                reportExtraArguments(node, from: arguments[1], expected: "at most one argument")
                return false
            }
            return checkArgument(first, of: node, is: kind, context: context, number: &number)
        case .oneOrTwo(let kind):
            guard !arguments.isEmpty else {
                report(Diagnostic(.wrongArgumentCount, "`\(keyword)` needs \(kind.description)",
                                  at: node.keywordLocation, label: "missing argument",
                                  help: "write `\(keyword) \(Self.placeholder(for: kind))`"))
                return false
            }
            if arguments.count > 2 {
                reportExtraArguments(node, from: arguments[2], expected: "one or two arguments")
                return false
            }
            var isValid = true
            for argument in arguments where !checkArgument(argument, of: node, is: kind, context: context,
                                                           number: &number) {
                isValid = false
            }
            return isValid
        case .sequence(let kinds):
            let shape = kinds.map(Self.placeholder(for:)).joined(separator: " ")
            if arguments.count < kinds.count {
                let missing = kinds[arguments.count...].map(\.description)
                report(Diagnostic(.wrongArgumentCount,
                                  "`\(keyword)` needs \(Self.listed(kinds.map(\.description)))",
                                  at: arguments.isEmpty ? node.keywordLocation : node.headerLocation,
                                  label: "missing \(Self.listed(missing))", help: "write `\(keyword) \(shape)`"))
                return false
            }
            if arguments.count > kinds.count {
                reportExtraArguments(node, from: arguments[kinds.count], expected: "\(kinds.count) arguments",
                                     help: "write `\(keyword) \(shape)`")
                return false
            }
            var isValid = true
            for (argument, kind) in zip(arguments, kinds)
            where !checkArgument(argument, of: node, is: kind, context: context, number: &number) {
                isValid = false
            }
            return isValid
        case .flag:
            guard let first = arguments.first else { return true }
            if arguments.count > 1 {
                reportExtraArguments(node, from: arguments[1], expected: "at most one argument")
                return false
            }
            return checkArgument(first, of: node, is: .boolean, context: context, number: &number)
        }
    }

    private mutating func reportExtraArguments(_ node: Node, from first: Argument, expected: String,
                                               help: String? = nil) {
        let keyword = node.statement.keyword.text
        let span = first.span.union(node.statement.arguments.last!.span)
        let hint = help ?? (node.statement.arguments.contains(where: { if case .string = $0.value { true } else { false } })
            ? nil : "a name with spaces is written as one string: \"…\"")
        report(Diagnostic(.wrongArgumentCount, "`\(keyword)` takes \(expected)", at: node.location(span),
                          label: "unexpected argument", help: hint))
    }

    /// Checks one argument's kind and value; reports and returns false when it does not fit. A number's
    /// value is left in `number`, so that lowering does not parse the text again.
    private mutating func checkArgument(_ argument: Argument, of node: Node, is kind: Schema.ArgumentKind,
                                        context: Schema.Context, number: inout ExactDecimal?) -> Bool {
        let keyword = node.statement.keyword.text
        let location = node.location(argument.span)
        switch (kind, argument.value) {
        case (.identifier, .word), (.currencyCode, .word), (.identifierOrReference, .word),
             (.identifierOrReference, .reference), (.string, .string):
            return true
        case (.decimal, .number(let text)), (.integer, .number(let text)), (.count, .number(let text)),
             (.quantity, .number(let text)), (.wholeQuantity, .number(let text)):
            guard let value = ExactDecimal(parsing: text) else {
                // A malformed number was reported by the lexer; only an oversized one is new here.
                if Self.isWellFormedNumber(text) {
                    report(Diagnostic(.amountTooLarge, "number `\(text)` is too large", at: location,
                                      label: "more than 19 significant digits",
                                      help: "amounts are at most 2^53 − 1 minor units (9007199254740991)"))
                }
                return false
            }
            if kind == .integer || kind == .count || kind == .wholeQuantity, value.integerValue == nil {
                report(Diagnostic(.wrongArgumentKind, "`\(keyword)` needs a whole number, found `\(text)`",
                                  at: location, label: "not a whole number"))
                return false
            }
            if kind == .count, let count = value.integerValue, count < 1 {
                report(Diagnostic(.valueOutOfRange, "`\(keyword)` must be at least 1, found \(count)", at: location,
                                  label: "out of range", help: "use a whole number from 1"))
                return false
            }
            if kind == .quantity || kind == .wholeQuantity, value.isNegative {
                report(Diagnostic(.valueOutOfRange, "`\(keyword)` must be at least 0, found \(value)", at: location,
                                  label: "out of range",
                                  help: "use a \(kind == .quantity ? "number" : "whole number") from 0"))
                return false
            }
            number = value
            return true
        case (.date, .word(let text)):
            if CalendarDate(text) != nil { return true }
            report(Self.invalidDate(text, at: location))
            return false
        case (.choice(let words), .word(let word)):
            if words.contains(word) { return true }
            if context == .credit, keyword == "type", Self.creditPackWords.contains(word.lowercased()) {
                report(Diagnostic(.unsupportedCreditPack, "prepaid top-up credit packs are not supported",
                                  at: location, label: "`\(word)` credits cannot be expressed",
                                  help: "a plan-scoped credit is `type usage` (an included quota) or "
                                      + "`type monetary` (an allowance of money)"))
                return false
            }
            reportInvalidChoice(word, for: keyword, among: words, at: location)
            return false
        case (.boolean, .word(let word)):
            if word == "true" || word == "false" { return true }
            reportInvalidChoice(word, for: keyword, among: ["true", "false"], at: location)
            return false
        default:
            reportWrongKind(argument, of: node, expected: kind)
            return false
        }
    }

    private mutating func reportInvalidChoice(_ word: String, for keyword: String, among words: [String],
                                              at location: SourceLocation) {
        let suggestion = Suggestion.closest(to: word, among: words)
        report(Diagnostic(
            .invalidValue, "`\(word)` is not a valid value for `\(keyword)`", at: location,
            label: "expected \(Schema.ArgumentKind.choice(words).description)",
            help: Suggestion.help(suggestion),
            fixes: Diagnostic.replacement(at: location, with: suggestion)))
    }

    private mutating func reportWrongKind(_ argument: Argument, of node: Node, expected kind: Schema.ArgumentKind) {
        let keyword = node.statement.keyword.text
        let location = node.location(argument.span)
        var help: String?
        var fixes: [Diagnostic.FixIt] = []
        switch (kind, argument.value) {
        case (.string, .word(let word)), (.string, .number(let word)):
            // A second argument (a unit's plural) is shown alone: the statement keeps its first.
            help = argument.span == node.statement.arguments.first?.span
                ? "write it as a string: `\(keyword) \"\(word)\"`" : "write it as a string: `\"\(word)\"`"
            fixes = [Diagnostic.FixIt("quote it", edits: [Diagnostic.Edit(location, replacement: "\"\(word)\"")])]
        case (.identifier, .string(let text)), (.currencyCode, .string(let text)),
             (.identifierOrReference, .string(let text)):
            if Self.isWord(text) {
                help = "ids are written without quotes: `\(keyword) \(text)`"
                fixes = [Diagnostic.FixIt("remove the quotes", edits: [Diagnostic.Edit(location, replacement: text)])]
            } else {
                help = "an id is one word of letters, digits, `_` and `-`"
            }
        case (.identifier, .reference), (.currencyCode, .reference):
            help = "a reference `price.component` is allowed only in a credit's `applies-to`"
        case (.date, .string(let text)) where CalendarDate(text) != nil:
            help = "dates are written without quotes: `\(text)`"
            fixes = [Diagnostic.FixIt("remove the quotes", edits: [Diagnostic.Edit(location, replacement: text)])]
        case (.decimal, .word(let word)), (.integer, .word(let word)), (.count, .word(let word)),
             (.quantity, .word(let word)), (.wholeQuantity, .word(let word)):
            // `amount 10k`: a shorthand the language writes out in digits.
            if let written = NumberShorthand.expansion(of: word) {
                help = "write the number out in digits: `\(keyword) \(written)`"
                fixes = [Diagnostic.FixIt("write `\(written)`", edits: [Diagnostic.Edit(location, replacement: written)])]
            }
        default:
            break
        }
        report(Diagnostic(.wrongArgumentKind,
                          "`\(keyword)` needs \(kind.description), found \(argument.kindDescription)",
                          at: location, label: "expected \(kind.description)", help: help, fixes: fixes))
    }

    // MARK: Helpers

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]

    private static let creditPackWords: Set<String> = ["top-up", "topup", "pack", "prepaid", "top-up-pack"]

    private static func isWord(_ text: String) -> Bool {
        guard let first = text.utf8.first, Lexer.isWordStart(first) else { return false }
        return text.utf8.allSatisfy(Lexer.isWordCharacter)
    }

    /// Whether the lexer found nothing wrong with the number: only its value can be wrong then. A number
    /// with more than `InputLimits.maximumNumberDigits` digits was reported by the lexer (E0115).
    static func isWellFormedNumber(_ text: String) -> Bool {
        text.utf8.count(where: Lexer.isDigit) <= InputLimits.maximumNumberDigits && text.utf8.allSatisfy { Lexer.isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            || $0 == UInt8(ascii: ".") } && text.utf8.count(where: { $0 == UInt8(ascii: ".") }) <= 1
    }

    static func placeholder(for shape: Schema.Arguments) -> String {
        switch shape {
        case .none, .flag, .optional: ""
        case .one(let kind), .oneOrTwo(let kind): placeholder(for: kind)
        case .sequence(let kinds): kinds.map(placeholder(for:)).joined(separator: " ")
        }
    }

    /// "an id and a number", "a, b and c".
    private static func listed(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// E1101: a `date` argument that is not `YYYY-MM-DD` naming a real day (`CalendarDate`), with what is
    /// wrong with it: its shape, its month, or its day.
    static func invalidDate(_ text: String, at location: SourceLocation) -> Diagnostic {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let digitCounts = parts.map { $0.utf8.count }
        var label = "not of the form `YYYY-MM-DD`"
        if parts.count == 3, digitCounts == [4, 2, 2], parts.allSatisfy({ $0.utf8.allSatisfy(Lexer.isDigit) }),
           let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) {
            if year == 0 {
                label = "years run from 0001"
            } else if !(1...12).contains(month) {
                label = "there is no month \(month)"
            } else if day == 0 {
                label = "there is no day 0"
            } else {
                let days = CalendarDate.days(inMonth: month, of: year)
                label = "\(monthNames[month - 1]) \(parts[0]) has \(days) days"
            }
        }
        return Diagnostic(.invalidDate, "`\(text)` is not a date", at: location, label: label,
                          help: "write a real calendar day as four digits, two and two: `2026-03-17`")
    }

    static func placeholder(for kind: Schema.ArgumentKind) -> String {
        switch kind {
        case .identifier: "ID"
        case .string: "\"…\""
        case .decimal: "AMOUNT"
        case .integer, .count: "N"
        case .choice(let words): words.first ?? ""
        case .boolean: "true"
        case .currencyCode: "USD"
        case .identifierOrReference: "price.component"
        case .quantity, .wholeQuantity: "N"
        case .date: "YYYY-MM-DD"
        }
    }
}
