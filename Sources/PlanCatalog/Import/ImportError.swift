/// Why a catalog.json that the reader accepted cannot be turned into `.plancat` source, and where: the
/// JSON path of the record or field (`$.plans[2].id`, `$.prices[3].pricingData.components[0].label`).
///
/// Import never changes a catalog silently: an id that is not a word of the language, a record the
/// language has no way to say, or a field whose value the compiler would derive differently is refused
/// with one of these, rather than written as something close. The problem is kept typed, apart from its
/// wording, so that tests and callers can tell the cases apart.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// An id (plan, price, component, slug…) that is not a word: `[A-Za-z0-9_][A-Za-z0-9_-]*` and not
        /// a number. `kind` names what the id identifies ("plan id", "feature slug").
        case notAWord(kind: String, id: String)
        /// A feature slug that is a word but not one Lumen accepts (`^[a-z0-9-]{3,50}$`).
        case invalidFeatureSlug(String)
        /// A price of a plan that no plan lists in its `priceIds`: in source a price lives inside its plan.
        case unlistedPrice(priceID: String, planID: String)
        /// A plan's `isFree` that disagrees with its prices: the compiler derives it.
        case inconsistentFree(planID: String, isFree: Bool)
        /// A row with an empty `bullets` list where its plan generates some: a row without `bullet` lines
        /// always gets the generated ones.
        case emptyBullets(generated: [String])
        /// A credit's refill schedule the `renew` statement cannot say.
        case unsupportedRenewal(String)
        /// The source written for the document does not compile: the compiler's message and code.
        case doesNotCompile(code: String, message: String)
        /// The source compiles, but to a different value here: what the input says and what the source
        /// gives, as JSON text; nil where one of them has no such key or element.
        case differs(input: String?, rebuilt: String?)
    }

    /// `$` is the document, `.key` a member, `[n]` an element, with the input's own indices.
    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// One line saying what cannot be written and why.
    public var message: String {
        switch problem {
        case .notAWord(let kind, let id):
            return "\(kind) \(JSONText.shown(id)) cannot be written in .plancat: \(Self.whyNotAWord(id)); an id is "
                + "a word of letters, digits, `_` and `-` that does not start with `-`"
        case .invalidFeatureSlug(let slug):
            return "feature slug \(JSONText.shown(slug)) cannot be written in .plancat: a feature slug matches "
                + "^[a-z0-9-]{3,50}$ (error E0302)"
        case .unlistedPrice(let priceID, let planID):
            return "price \(JSONText.shown(priceID)) is not in the priceIds of its plan \(JSONText.shown(planID)) "
                + "and is no quote's: in .plancat a price is written inside the plan that lists it"
        case .inconsistentFree(let planID, let isFree):
            let derived = isFree ? "false" : "true"
            return "plan \(JSONText.shown(planID)) has isFree \(isFree), but its prices make it \(derived): "
                + ".plancat derives isFree (a plan is free when it has a price and every component of every price "
                + "is 0)"
        case .emptyBullets(let generated):
            return "an empty bullets list cannot be written in .plancat: a row without `bullet` lines shows the "
                + "bullets generated from its plan (" + generated.map { JSONText.shown($0) }.joined(separator: ", ")
                + ")"
        case .unsupportedRenewal(let reason):
            return "this renewal cannot be written in .plancat: \(reason)"
        case .doesNotCompile(let code, let message):
            return "cannot be written in .plancat: the source for it does not compile: \(message) (error \(code))"
        case .differs(let wholeInput, let wholeRebuilt):
            // Values as JSON text, which may be a name of a megabyte: cut as quotes are.
            let input = wholeInput.map(Diagnostic.shortenedQuote)
            let rebuilt = wholeRebuilt.map(Diagnostic.shortenedQuote)
            let built = "cannot be written in .plancat: the source that says everything else builds "
            switch (input, rebuilt) {
            case (let input?, let rebuilt?): return built + "\(rebuilt) here, not \(input)"
            case (nil, let rebuilt?): return built + "\(rebuilt) here, where the input has nothing"
            case (let input?, nil): return built + "nothing here, not \(input)"
            case (nil, nil): return built + "something else here"
            }
        }
    }

    /// `$.plans[0].id: plan id "plan pro" cannot be written in .plancat: …`.
    public var description: String { "\(path): \(message)" }

    /// What keeps a string from being a word, for the message.
    private static func whyNotAWord(_ id: String) -> String {
        if id.isEmpty { return "it is empty" }
        if let scalar = id.unicodeScalars.first(where: { !SourceWords.isWordCharacter($0) }) {
            let shown = scalar == " " ? "a space"
                : scalar.properties.generalCategory == .control || scalar == "\u{7F}"
                ? "the control character U+\(String(scalar.value, radix: 16, uppercase: true))"
                : "\(JSONText.shown(String(scalar)))"
            return "it holds \(shown)"
        }
        if id.hasPrefix("-") { return "it starts with `-`" }
        return "it reads as a number"
    }
}
