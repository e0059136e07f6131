import Testing
@testable import PlanCatalog

/// The strict reader refuses a catalog.json holding what looks like a secret API key, anywhere — a value
/// the schema knows, one it does not, a member's key — at the key's JSON path, with the key masked.
///
/// The input is the reader tests' document, which holds every record kind, written by the writer and
/// then given one planted key: anything else about it reads back fine, so each refusal is the key's.
@Suite struct CatalogDocumentSecretTests {
    static let json = String(decoding: CatalogDocumentReaderTests.document.jsonBytes, as: UTF8.self)

    /// The document's text with `old` (which must occur exactly once) replaced by `new`.
    static func planted(_ old: String, _ new: String) throws -> [UInt8] {
        let parts = json.split(separator: old, omittingEmptySubsequences: false)
        try #require(parts.count == 2, "`\(old)` occurs \(parts.count - 1) times in the document")
        return Array(parts.joined(separator: new).utf8)
    }

    /// The error the reader throws for `bytes`, failing the test when it reads them.
    static func refusal(_ bytes: [UInt8]) -> CatalogDocumentError? {
        do {
            _ = try CatalogDocument(json: bytes)
            Issue.record("the document was read, but it holds a secret key")
            return nil
        } catch {
            return error
        }
    }

    struct Plant: Sendable, CustomTestStringConvertible {
        let name: String
        let old: String
        let new: String
        /// The raw key, which no message may show.
        let key: String
        let expected: String
        var testDescription: String { name }
    }

    static let advice = "; a catalog never holds secrets: remove it, and rotate the key with your payment provider"

    static let plants: [Plant] = [
        Plant(name: "a plan's name", old: #""planName": "Pro","#, new: #""planName": "Pro sk_live_4eC39HqLyjWDarjtT1zdp7dc","#,
              key: "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
              expected: "$.plans[2].planName: holds what looks like a secret API key, `sk_live_••••`" + advice),
        Plant(name: "the catalog's name", old: #""name": "Acme Analytics","#, new: #""name": "lumen_sk_live_9f8e7d","#,
              key: "lumen_sk_live_9f8e7d",
              expected: "$.name: holds what looks like a secret API key, `lumen_sk_••••`" + advice),
        Plant(name: "a bullet, inside an array", old: #""10 seats","#, new: #""10 seats, sk_test_abc123","#,
              key: "sk_test_abc123",
              expected: "$.pricingTables[0].planConfigs[1].bullets[0]: holds what looks like a secret API key, "
                  + "`sk_test_••••`" + advice),
        Plant(name: "a subscription id", old: #""stableSubscriptionId": "sub_123""#,
              new: #""stableSubscriptionId": "sk_live_sub123""#, key: "sk_live_sub123",
              expected: "$.quotes[0].stableSubscriptionId: holds what looks like a secret API key, `sk_live_••••`" + advice),
        Plant(name: "a key spelt with JSON escapes", old: #""planName": "Pro","#, new: #""planName": "sk\u005flive\u005fescaped1","#,
              key: "sk_live_escaped1",
              expected: "$.plans[2].planName: holds what looks like a secret API key, `sk_live_••••`" + advice),
        Plant(name: "a member's key", old: #""planName": "Pro","#, new: #""planName": "Pro", "sk_live_inakey42": true,"#,
              key: "sk_live_inakey42",
              expected: "$.plans[2]: a member's key holds what looks like a secret API key, `sk_live_••••`" + advice),
        Plant(name: "an unknown key's value, under an odd key", old: #""planName": "Pro","#,
              new: #""planName": "Pro", "odd key": ["x", {"note": "sk_test_deep9"}],"#, key: "sk_test_deep9",
              expected: #"$.plans[2]["odd key"][1].note: holds what looks like a secret API key, `sk_test_••••`"# + advice),
        Plant(name: "schemaVersion, read before anything else", old: #""schemaVersion": 1,"#,
              new: #""schemaVersion": "sk_live_v2","#, key: "sk_live_v2",
              expected: "$.schemaVersion: holds what looks like a secret API key, `sk_live_••••`" + advice),
    ]

    @Test("a planted key is refused at its path, masked", arguments: plants)
    func plantedKeyIsRefused(_ plant: Plant) throws {
        let error = try #require(Self.refusal(try Self.planted(plant.old, plant.new)))
        #expect(error.description == plant.expected)
        #expect(!error.description.contains(plant.key))
    }

    @Test("the first key in document order is the one reported")
    func firstKeyIsReported() throws {
        var bytes = try Self.planted(#""planName": "Pro","#, #""planName": "Pro sk_live_second","#)
        bytes = Array(String(decoding: bytes, as: UTF8.self)
            .replacing(#""defaultCurrency": "USD","#, with: #""defaultCurrency": "USD", "sk_test_first": 1,"#).utf8)
        let error = try #require(Self.refusal(bytes))
        #expect(error.path == "$")
        #expect(error.message.hasPrefix("a member's key holds what looks like a secret API key, `sk_test_••••`"))
    }

    @Test("what is not a key still reads: a prefix inside a word, or one with nothing after it")
    func lookalikesAreRead() throws {
        let bytes = try Self.planted(#""planName": "Pro","#, #""planName": "Pro task_test_x disk_live_a sk_live_","#)
        let document = try CatalogDocument(json: bytes)
        #expect(document.plans[2].planName == "Pro task_test_x disk_live_a sk_live_")
    }

    @Test("a document that is not JSON never shows a key either")
    func syntaxErrorsAreMasked() throws {
        // The parser refuses a duplicate key and quotes it; the reader's error masks it.
        let bytes = try Self.planted(#""planName": "Pro","#,
                                     #""sk_live_dup1": 1, "sk_live_dup1": 2, "planName": "Pro","#)
        let error = try #require(Self.refusal(bytes))
        #expect(error.path == nil)
        #expect(error.description.contains("duplicate key `sk_live_••••`"), "\(error.description)")
        #expect(!error.description.contains("sk_live_dup1"))
    }

    @Test("every error's message and path are masked, however it was made")
    func errorsMaskWhatTheyAreGiven() {
        let error = CatalogDocumentError(location: .path("$.sk_live_path1"), message: "unknown key `sk_test_msg1`")
        #expect(error.description == "$.sk_live_••••: unknown key `sk_test_••••`")
    }
}
