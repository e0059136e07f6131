/// An ISO 4217 currency and the number of decimal places of its minor unit (USD 2, JPY 0, KWD 3).
///
/// The table is built in: plancat must not depend on the machine's locale data to decide how many
/// cents a dollar has.
public struct Currency: Hashable, Sendable {
    public let code: String
    public let minorUnitExponent: Int

    /// The currency with this exact (upper-case) code, or nil.
    public static func named(_ code: String) -> Currency? {
        table[code].map { Currency(code: code, minorUnitExponent: $0) }
    }

    /// Every code in the table, sorted; used for did-you-mean suggestions.
    public static let allCodes: [String] = table.keys.sorted()

    /// Active ISO 4217 codes with their minor-unit exponents (the ISO list, without funds codes and
    /// precious metals, which have no minor unit and cannot price a subscription).
    private static let table: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDecimals = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD \
            CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD \
            GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD \
            MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP \
            PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS \
            TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES VED WST XCD XCG YER ZAR ZMW ZWG
            """
        for code in twoDecimals.split(separator: " ") { table[String(code)] = 2 }
        for code in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(separator: " ") {
            table[String(code)] = 0
        }
        for code in "BHD IQD JOD KWD LYD OMR TND".split(separator: " ") { table[String(code)] = 3 }
        for code in "CLF UYW".split(separator: " ") { table[String(code)] = 4 }
        return table
    }()
}

/// Which currency a price, credit or pricing table is in (LANGUAGE.md §4.8): its own `currency`, else the
/// catalog's. Stated once, for prices (`Price.resolvedCurrency`, set at lowering), credits and tables
/// (their `resolvedCurrency(defaultCurrency:)`), which the money checks, the review warnings and the
/// compiler all read.
extension Currency {
    /// The code a price, credit or table bills in: `own`, else `catalogDefault`, as the checks read it
    /// (`normalizedCode`); nil when neither is given.
    static func resolvedCode(own: String?, catalogDefault: String?) -> String? {
        (own ?? catalogDefault).map(normalizedCode)
    }

    /// A currency code as later checks should read it: `usd` is reported once (it must be upper case) and
    /// then treated as `USD`, so that its prices are still checked for precision and size. A valid code is
    /// itself.
    static func normalizedCode(_ code: String) -> String {
        named(code) == nil && named(code.uppercased()) != nil ? code.uppercased() : code
    }
}
