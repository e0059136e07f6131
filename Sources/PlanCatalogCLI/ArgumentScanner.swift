import PlanCatalog

/// One option a command accepts: a flag (`--warnings-as-errors`) or an option with a value
/// (`--diagnostics json`, `--diagnostics=json`).
struct OptionDefinition: Sendable {
    /// The long name with its dashes: `--diagnostics`.
    let name: String
    /// A one-letter alias with its dash (`-h`), if any.
    let shortName: String?
    /// How help names the value (`FORMAT`); nil for a flag.
    let valueName: String?
    /// The values accepted, when they are a fixed set; empty when any value is.
    let allowedValues: [String]

    static func flag(_ name: String, short shortName: String? = nil) -> OptionDefinition {
        OptionDefinition(name: name, shortName: shortName, valueName: nil, allowedValues: [])
    }

    static func value(_ name: String, _ valueName: String, allowed allowedValues: [String] = [],
                      short shortName: String? = nil) -> OptionDefinition {
        OptionDefinition(name: name, shortName: shortName, valueName: valueName, allowedValues: allowedValues)
    }

    /// The help options every command accepts.
    static let help = flag("--help", short: "-h")
}

/// What a command line said, once scanned: the options given, by long name, and the operands in order.
struct ScannedArguments: Sendable {
    /// The value of each option given (the last one, when given twice).
    var values: [String: String] = [:]
    /// Every value of each option given, in order: for options that may be repeated (`--usage`).
    var repeatedValues: [String: [String]] = [:]
    var flags: Set<String> = []
    var operands: [String] = []
    /// The arguments exactly as given, and where each operand stands among them: a suggested command
    /// is the user's own command line with one operand replaced (`CommandInvocation`).
    var arguments: [String] = []
    var operandPositions: [Int] = []

    func value(of name: String) -> String? { values[name] }
    func values(of name: String) -> [String] { repeatedValues[name] ?? [] }
    func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// Splits a command's arguments into options and operands, refusing anything it does not know.
///
/// Rules, as in most Unix tools: options may come before, between or after operands; `--name=value` and
/// `--name value` are the same; `--` ends the options (later arguments are operands even if they start
/// with `-`); `-` alone is an operand (standard input). An unknown option, a flag given a value, an
/// option without its value or with a value outside its set is a `UsageError` with a did-you-mean hint
/// when something is close. An option given twice keeps its last value, so a script can override a default.
struct ArgumentScanner {
    let definitions: [OptionDefinition]
    /// How the command is named in messages: `plancat check`.
    let commandName: String

    func scan(_ arguments: [String]) throws(UsageError) -> ScannedArguments {
        var result = ScannedArguments()
        result.arguments = arguments
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                result.operands += arguments[index...]
                result.operandPositions += index..<arguments.count
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                result.operands.append(argument)
                result.operandPositions.append(index - 1)
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            let definition = try definition(named: name)
            guard let valueName = definition.valueName else {
                if inlineValue != nil { throw UsageError("`\(definition.name)` takes no value") }
                result.flags.insert(definition.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("`\(definition.name)` needs a value: \(definition.name) \(valueName)",
                                 hint: Self.choices(definition))
            }
            try check(value, for: definition)
            result.values[definition.name] = value
            result.repeatedValues[definition.name, default: []].append(value)
        }
        return result
    }

    private func definition(named name: String) throws(UsageError) -> OptionDefinition {
        if let definition = definitions.first(where: { $0.name == name || $0.shortName == name }) {
            return definition
        }
        // Only long names are suggested: any one-letter option is one edit away from any other.
        throw UsageError("unknown option `\(name)` for `\(commandName)`",
                         hint: Suggestion.help(Suggestion.closest(to: name, among: definitions.map(\.name))))
    }

    private func check(_ value: String, for definition: OptionDefinition) throws(UsageError) {
        guard !definition.allowedValues.isEmpty, !definition.allowedValues.contains(value) else { return }
        throw UsageError("invalid value `\(value)` for `\(definition.name)`",
                         hint: Suggestion.help(Suggestion.closest(to: value, among: definition.allowedValues))
                            ?? Self.choices(definition))
    }

    /// "one of: text, json, github", when the values are a fixed set.
    private static func choices(_ definition: OptionDefinition) -> String? {
        definition.allowedValues.isEmpty ? nil : "use one of: \(definition.allowedValues.joined(separator: ", "))"
    }
}
