import Foundation
import PlanCatalog
import Testing
import PlanCatalogTestSupport
@testable import PlanCatalogLanguageServer

/// `textDocument/documentSymbol`: the outline of a file, from the model its catalog lowers to.
@Suite struct DocumentSymbolTests {
    private static func documentSymbol(_ id: Int, _ uri: String) -> [UInt8] {
        Client.request(id, "textDocument/documentSymbol", .object([
            .init("textDocument", .object([.init("uri", .string(uri))])),
        ]))
    }

    private static func names(_ symbols: JSONValue?) -> [String] {
        guard case .array(let list)? = symbols else { return [] }
        return list.compactMap { symbol in
            guard case .string(let name)? = symbol["name"] else { return nil }
            return name
        }
    }

    @Test func declaresIt() {
        let run = ServerRun(Client.start() + Client.stop)
        #expect(run.response(1)?["result"]?["capabilities"]?["documentSymbolProvider"] == .bool(true))
    }

    @Test func theShippedCatalogsOutlineInTheOrderWritten() throws {
        let url = PackageRoot.url.appendingPathComponent("catalogs/freemium-to-enterprise.plancat")
        let text = try String(contentsOf: url, encoding: .utf8)
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:acme.plancat", text),
                                              Self.documentSymbol(2, "untitled:acme.plancat")] + Client.stop)
        let symbols = run.response(2)?["result"]
        #expect(Self.names(symbols) == [
            "api-calls", "advanced-reports", "team-members", "api-calls", "support",
            "plan_free", "plan_pro", "plan_pro_trial", "plan_enterprise", "main", "quote_globex_2025",
            "free_user", "pro_month_with_overage", "pro_yearly", "globex_year",
        ])
        guard case .array(let list)? = symbols else { Issue.record("no symbols"); return }
        let pro = try #require(list.first { $0["name"] == "plan_pro" })
        #expect(Self.names(pro["children"]) == ["price_pro_monthly", "price_pro_yearly", "included_api_quota",
                                                "included_api_quota_yearly"])
        #expect(pro["kind"]?.int == SymbolKind.class.rawValue)
        #expect(pro["detail"] == "Pro")
        let monthly = try #require({ () -> JSONValue? in
            guard case .array(let children)? = pro["children"] else { return nil }
            return children.first
        }())
        #expect(Self.names(monthly["children"]) == ["comp_base", "comp_usage_api"])
        // The plan's symbol is where its statement starts: `plan plan_pro` on its line.
        let line = try #require(pro["range"]?["start"]?["line"]?.int)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[line].hasPrefix("plan plan_pro"))
        let quote = try #require(list.first { $0["name"] == "quote_globex_2025" })
        #expect(Self.names(quote["children"]) == ["price_enterprise_globex_yearly"])
    }

    @Test func aFileOfACatalogDirectoryListsOnlyItsOwnDefinitions() throws {
        let directory = try ScratchDirectory()
        defer { directory.remove() }
        try directory.write("catalog.plancat", Array("catalog \"Teamspace\"\ncurrency USD\n".utf8))
        let features = "feature sso {\n  name \"SSO\"\n  type boolean\n}\n"
        let plans = "plan plan_team {\n  name \"Team\"\n  features {\n    sso\n  }\n  price price_team_monthly {\n    interval month\n    component comp_seats { per-seat 10 }\n  }\n}\n"
        try directory.write("features.plancat", Array(features.utf8))
        try directory.write("plans.plancat", Array(plans.utf8))
        let run = ServerRun(Client.start() + [Client.didOpen(directory.uri("plans.plancat"), plans),
                                              Self.documentSymbol(2, directory.uri("plans.plancat"))] + Client.stop)
        #expect(Self.names(run.response(2)?["result"]) == ["plan_team"])
    }

    @Test func aBrokenOrUnopenedDocumentNeverFails() {
        let run = ServerRun(Client.start() + [Client.didOpen("untitled:a.plancat", "plan p {\n  price {\n"),
                                              Self.documentSymbol(2, "untitled:a.plancat"),
                                              Self.documentSymbol(3, "untitled:never-opened.plancat"),
                                              Client.request(4, "textDocument/documentSymbol", .object([]))]
                            + Client.stop)
        #expect(run.response(2)?["result"] != nil)
        #expect(run.response(3)?["result"] == .array([]))
        #expect(run.errorCode(4) == ResponseError.invalidParamsCode)
        #expect(run.status == 0)
    }
}
