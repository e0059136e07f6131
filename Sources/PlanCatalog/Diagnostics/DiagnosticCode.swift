/// The registry of every diagnostic plancat reports: a stable code, a severity and a one-line title.
///
/// Codes are grouped by the check families of LANGUAGE.md section 4: `E01xx` syntax, `E02xx` schema,
/// `E03xx` identity, `E04xx` references, `E05xx` free and placeholder plans, `E06xx` trials,
/// `E07xx` features and metrics, `E08xx` money, `E09xx` pricing tables, `E10xx` secrets. Warnings use `W`
/// with the number of their family. A code, once published, never changes meaning; the long explanations
/// behind `plancat explain` live in `Explanations/`, one file per family, each with an example and a fix
/// that ExplanationExampleTests compiles; Docs/Diagnostics.md is generated from both. A new code is a case
/// here and an `Explanation` in its family's file.
public enum DiagnosticCode: String, CaseIterable, Sendable, Comparable {
    // Syntax
    case unterminatedString = "E0101"
    case invalidEscape = "E0102"
    case unexpectedCharacter = "E0103"
    case unclosedBrace = "E0104"
    case unmatchedClosingBrace = "E0105"
    case malformedNumber = "E0106"
    case braceOnOwnLine = "E0107"
    case invalidUTF8 = "E0108"
    case expectedStatement = "E0109"
    case expectedEndOfStatement = "E0110"
    case malformedReference = "E0111"
    case nestingTooDeep = "E0112"
    case fileTooLarge = "E0113"
    case lineTooLong = "E0114"
    case numberTooLong = "E0115"
    case tooManyProblems = "E0116"
    case nonASCIIWord = "E0117"
    case tooManyWarnings = "W0116"
    // Schema
    case unknownStatement = "E0201"
    case wrongArgumentCount = "E0202"
    case wrongArgumentKind = "E0203"
    case missingRequiredStatement = "E0204"
    case repeatedStatement = "E0205"
    case unexpectedBlock = "E0206"
    case missingBlock = "E0207"
    case invalidValue = "E0208"
    case valueOutOfRange = "E0209"
    case unsupportedCreditPack = "E0210"
    // Identity
    case duplicateID = "E0301"
    case invalidFeatureSlug = "E0302"
    case idTooLong = "E0303"
    // References
    case unknownMetric = "E0401"
    case unknownFeature = "E0402"
    case unknownPlan = "E0403"
    case unknownPrice = "E0404"
    case unknownComponent = "E0405"
    // Free and placeholder plans
    case monetaryCreditOnFreePlan = "E0501"
    case trialParentNotPaid = "E0502"
    case trialPlanCharges = "E0503"
    case unusedPlaceholderPlan = "W0501"
    // Trials
    case trialOfTrial = "E0601"
    case trialDaysOutOfRange = "E0602"
    case secondTrial = "E0603"
    case trialPlanInPricingTable = "E0604"
    case trialDaysWithoutTrialOf = "E0605"
    case trialOfWithoutTrialDays = "E0606"
    case trialWithoutAllowance = "W0601"
    // Features and metrics
    case usageFeatureWithoutMetric = "E0701"
    case metricOnNonUsageFeature = "E0702"
    case usageComponentWithoutFeature = "E0703"
    case creditComponentNotUsage = "E0704"
    case creditFeatureNotGranted = "E0705"
    case featureValueMismatch = "E0706"
    case appliesToMissing = "E0707"
    case appliesToOnMonetaryCredit = "E0708"
    case featureLimitTooLarge = "E0709"
    // Money
    case negativeAmount = "E0801"
    case tooManyDecimalPlaces = "E0802"
    case unknownCurrency = "E0803"
    case amountTooLarge = "E0804"
    case priceWithoutComponent = "E0805"
    case duplicatePricePeriod = "E0806"
    case componentKindCount = "E0807"
    case statementNotAllowedForComponent = "E0808"
    case usageWithoutUnitPrice = "E0809"
    case priceWithoutCurrency = "E0810"
    case priceWithoutInterval = "E0811"
    case monetaryCreditNotVisible = "E0812"
    case totalTooLarge = "E0813"
    case yearlyPriceOutOfProportion = "W0801"
    case creditCurrencyNotBilled = "W0802"
    // Pricing tables
    case pricingTableWithoutRows = "E0901"
    case duplicateRow = "E0902"
    case secondPopularRow = "E0903"
    case invalidEnterpriseURL = "E0904"
    case rowWithoutPrice = "E0905"
    case hiddenPlanInPricingTable = "E0906"
    // Secrets
    case secretKey = "E1001"

    public var severity: Severity {
        rawValue.hasPrefix("W") ? .warning : .error
    }

    /// One line naming the problem, as `plancat explain` and Docs/Diagnostics.md title it.
    public var title: String {
        switch self {
        case .unterminatedString: "unterminated string"
        case .invalidEscape: "invalid escape sequence in a string"
        case .unexpectedCharacter: "a character that cannot start any token"
        case .unclosedBrace: "a `{` that is never closed"
        case .unmatchedClosingBrace: "a `}` without a matching `{`"
        case .malformedNumber: "malformed number"
        case .braceOnOwnLine: "a block's `{` on a line of its own"
        case .invalidUTF8: "bytes that are not valid UTF-8"
        case .expectedStatement: "a statement must start with a word"
        case .expectedEndOfStatement: "something after a statement's arguments that is not an argument"
        case .malformedReference: "malformed `price.component` reference"
        case .nestingTooDeep: "blocks nested too deeply"
        case .fileTooLarge: "a file larger than 128 MiB"
        case .lineTooLong: "a line longer than 64 KiB"
        case .numberTooLong: "a number with more than 40 digits"
        case .tooManyProblems: "more problems than one check reports"
        case .nonASCIIWord: "an id or keyword with letters outside ASCII"
        case .tooManyWarnings: "more warnings than one check reports"
        case .unknownStatement: "unknown statement for its context"
        case .wrongArgumentCount: "wrong number of arguments"
        case .wrongArgumentKind: "wrong kind of argument"
        case .missingRequiredStatement: "missing required statement"
        case .repeatedStatement: "a statement that may appear once is repeated"
        case .unexpectedBlock: "a block where none belongs"
        case .missingBlock: "a statement that needs a block has none"
        case .invalidValue: "a value that is not one of the allowed words"
        case .valueOutOfRange: "a number outside its allowed range"
        case .unsupportedCreditPack: "prepaid top-up credit packs are not supported"
        case .duplicateID: "duplicate id"
        case .invalidFeatureSlug: "feature slug not of the form Lumen accepts"
        case .idTooLong: "id longer than 200 bytes"
        case .unknownMetric: "unknown metric"
        case .unknownFeature: "unknown feature"
        case .unknownPlan: "unknown plan"
        case .unknownPrice: "unknown price"
        case .unknownComponent: "unknown price component"
        case .monetaryCreditOnFreePlan: "a free plan carries a monetary credit"
        case .trialParentNotPaid: "a trial's parent plan has no paid price"
        case .trialPlanCharges: "a trial plan charges money"
        case .unusedPlaceholderPlan: "a plan without a price that customers cannot subscribe to"
        case .trialOfTrial: "a trial of a trial"
        case .trialDaysOutOfRange: "trial length outside 1 to 365 days"
        case .secondTrial: "a plan with more than one trial"
        case .trialPlanInPricingTable: "a trial plan as a pricing-table row"
        case .trialDaysWithoutTrialOf: "`trial-days` on a plan that is not a trial"
        case .trialOfWithoutTrialDays: "a trial plan without `trial-days`"
        case .trialWithoutAllowance: "a trial without the usage allowance its parent's credits give"
        case .usageFeatureWithoutMetric: "a usage feature that names no metric"
        case .metricOnNonUsageFeature: "a metric on a feature that is not of type usage"
        case .usageComponentWithoutFeature: "a plan bills a metric it grants no feature for"
        case .creditComponentNotUsage: "a credit applied to a component that is not a usage component of its plan"
        case .creditFeatureNotGranted: "a credit applied to a feature its plan does not grant as usage or number"
        case .featureValueMismatch: "a feature value that does not fit the feature's type"
        case .appliesToMissing: "a usage credit without `applies-to`"
        case .appliesToOnMonetaryCredit: "`applies-to` on a monetary credit"
        case .featureLimitTooLarge: "a feature limit too large to be read exactly by JavaScript clients"
        case .negativeAmount: "a negative amount"
        case .tooManyDecimalPlaces: "an amount more precise than its currency allows"
        case .unknownCurrency: "not an ISO 4217 currency code"
        case .amountTooLarge: "an amount too large to be read exactly by JavaScript clients"
        case .priceWithoutComponent: "a price without components"
        case .duplicatePricePeriod: "two prices of one plan for the same currency and period"
        case .componentKindCount: "a component without exactly one of `fixed`, `per-seat`, `usage`"
        case .statementNotAllowedForComponent: "a statement that the type of its component or credit does not allow"
        case .usageWithoutUnitPrice: "a usage component without `unit-price`"
        case .priceWithoutCurrency: "a price or pricing table with no currency"
        case .priceWithoutInterval: "a price with no billing interval"
        case .monetaryCreditNotVisible: "a monetary credit hidden from billing"
        case .totalTooLarge: "amounts that add up to more than 2^53 − 1"
        case .yearlyPriceOutOfProportion: "a yearly price above 12 or below 5 times the monthly price"
        case .creditCurrencyNotBilled: "a monetary credit in a currency none of its plan's prices bill in"
        case .pricingTableWithoutRows: "a pricing table without rows"
        case .duplicateRow: "a plan shown twice in one pricing table"
        case .secondPopularRow: "more than one popular row"
        case .invalidEnterpriseURL: "an enterprise row whose URL is not `https://` or `mailto:`"
        case .rowWithoutPrice: "a row whose plan has no monthly or yearly price in the table's currency"
        case .hiddenPlanInPricingTable: "a hidden plan as a pricing-table row"
        case .secretKey: "a secret API key in the catalog"
        }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Looks a code up case-insensitively, as `plancat explain e0401` would name it.
    public init?(code: String) {
        self.init(rawValue: code.uppercased())
    }
}
