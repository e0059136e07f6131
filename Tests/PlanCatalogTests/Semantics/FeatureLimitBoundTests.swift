import Testing
@testable import PlanCatalog

/// Issue 14: the compiler and catalog.json's reader agree on the largest feature limit, so that every
/// catalog.json `build` writes can be read back by `diff` and `import`.
@Suite struct FeatureLimitBoundTests {
    static func source(limit: String) -> String {
        """
        currency USD
        feature messages {
          name "Messages"
          type number
        }
        plan plan_pro {
          name "Pro"
          features {
            messages \(limit)
          }
          price price_pro {
            interval month
            component base { fixed 10 }
          }
        }
        """
    }

    @Test(arguments: ["9_007_199_254_740_991", "9007199254740990.5", "0.000001", "0"])
    func aLimitUpToTheBoundBuildsAndReadsBack(_ limit: String) throws {
        let result = CatalogCompiler.build([SourceFile(path: "limit.plancat", text: Self.source(limit: limit))])
        let output = try #require(result.output, "\(TextDiagnosticRenderer(usesColor: false).render(result.check.diagnostics, in: result.check.files))")
        let reread = try CatalogDocument(json: output.document.jsonBytes)
        #expect(reread == output.document)
        _ = try CatalogImporter.source(for: reread)
    }

    @Test(arguments: ["9_007_199_254_740_992", "9007199254740991.5", "100_000_000_000_000_000",
                      "100_000_000_000_000_000_000_000"])
    func aLimitAboveTheBoundIsOneErrorThatSuggestsUnlimited(_ limit: String) throws {
        let result = CatalogCompiler.check([SourceFile(path: "limit.plancat", text: Self.source(limit: limit))])
        #expect(result.diagnostics.map(\.code) == [.featureLimitTooLarge])
        #expect(result.diagnostics.first?.help?.contains("`messages unlimited`") == true)
    }

    /// The reader refuses the first value above the bound, as the compiler does: the bound is one.
    @Test func theReaderRefusesWhatTheCompilerRefuses() throws {
        let built = try #require(CatalogCompiler.build([SourceFile(path: "limit.plancat",
                                                                    text: Self.source(limit: "9007199254740991"))]).output)
        let json = String(decoding: built.document.jsonBytes, as: UTF8.self)
        #expect(json.contains("9007199254740991"))
        let above = json.replacing("9007199254740991", with: "9007199254740992")
        #expect(throws: (any Error).self) { try CatalogDocument(json: Array(above.utf8)) }
    }
}
