"""The outline (textDocument/documentSymbol) of a shipped catalog, as an editor's outline view shows it."""

from __future__ import annotations

from conftest import open_document, position_of
from lsprotocol import types
from pytest_lsp import LanguageClient


def names(symbols) -> list[str]:
    return [symbol.name for symbol in symbols]


async def test_the_outline_lists_every_definition_in_order_with_plans_holding_prices_and_credits(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert all(isinstance(symbol, types.DocumentSymbol) for symbol in symbols)
    assert names(symbols) == [
        "api-calls", "advanced-reports", "team-members", "api-calls", "support",
        "plan_free", "plan_pro", "plan_pro_trial", "plan_enterprise", "main", "quote_globex_2025",
        "free_user", "pro_month_with_overage", "pro_yearly", "globex_year",
    ]
    pro = symbols[names(symbols).index("plan_pro")]
    assert pro.kind == types.SymbolKind.Class
    assert pro.detail == "Pro"
    assert pro.selection_range.start.line == position_of(text, "plan plan_pro {", encoding).line
    assert names(pro.children) == ["price_pro_monthly", "price_pro_yearly", "included_api_quota", "included_api_quota_yearly"]
    monthly = pro.children[0]
    assert monthly.kind == types.SymbolKind.Method
    assert names(monthly.children) == ["comp_base", "comp_usage_api"]
    main = symbols[names(symbols).index("main")]
    assert names(main.children) == ["plan_free", "plan_pro", "plan_enterprise"]


async def test_each_file_of_a_catalog_directory_has_its_own_outline(client: LanguageClient, catalogs):
    uri = open_document(client, catalogs / "teamspace" / "quotes" / "initech.plancat")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert names(symbols) == ["quote_initech_volume"]
    assert names(symbols[0].children) == ["price_business_initech_quarterly"]
    assert names(symbols[0].children[0].children) == ["comp_platform", "comp_seats"]
