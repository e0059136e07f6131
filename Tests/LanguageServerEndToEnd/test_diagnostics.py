"""Diagnostics as you type: a planted error in a copy of a shipped catalog, published with its code,
severity, exact range and a link to its explanation, and cleared once fixed."""

from __future__ import annotations

from conftest import change_document, character, open_document, position_of, wait_for_diagnostics
from lsprotocol import types
from pytest_lsp import LanguageClient

DOCS = "https://github.com/plancat/plancat/blob/main/Docs/Diagnostics.md"


async def test_a_planted_unknown_plan_is_reported_then_cleared_when_fixed(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    shipped = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    assert await wait_for_diagnostics(client, uri, lambda d: True, "at all after opening") == []

    broken = shipped.replace("trial-of plan_pro\n", "trial-of plan_gold\n")
    assert broken != shipped
    change_document(client, uri, 2, broken)
    diagnostics = await wait_for_diagnostics(client, uri, lambda d: len(d) > 0, "for plan_gold")
    assert len(diagnostics) == 1
    diagnostic = diagnostics[0]
    assert diagnostic.code == "E0403"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "plancat"
    assert "unknown plan `plan_gold`" in diagnostic.message
    assert diagnostic.code_description.href == f"{DOCS}#e0403"
    start = position_of(broken, "plan_gold", encoding)
    end = position_of(broken, "plan_gold", encoding, within=len("plan_gold"))
    assert diagnostic.range == types.Range(start=start, end=end)

    change_document(client, uri, 3, shipped)
    assert await wait_for_diagnostics(client, uri, lambda d: len(d) == 0, "cleared after the fix") == []


async def test_columns_after_an_emoji_follow_the_negotiated_encoding(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    broken = path.read_text(encoding="utf-8").replace(
        '  trial-of plan_pro\n', '  name "Pro trial 🚀 試用"; trial-of plan_gold\n')
    uri = open_document(client, path, broken)
    diagnostics = await wait_for_diagnostics(client, uri, lambda d: any(x.code == "E0403" for x in d), "for plan_gold")
    unknown = next(x for x in diagnostics if x.code == "E0403")
    line = broken.split("\n")[unknown.range.start.line]
    column = line.index("plan_gold")
    # The emoji is 4 bytes and 2 UTF-16 units, each CJK character 3 bytes and 1 unit.
    expected = {"utf-8": column + 3 + 2 * 2, "utf-16": column + 1}[encoding]
    assert unknown.range.start.character == character(line, column, encoding) == expected


async def test_an_error_in_one_file_of_a_catalog_directory_is_published_for_the_file_it_breaks(client: LanguageClient, catalogs):
    features = catalogs / "teamspace" / "features.plancat"
    plans = catalogs / "teamspace" / "plans.plancat"
    shipped = features.read_text(encoding="utf-8")
    uri = open_document(client, features)
    plans_uri = plans.as_uri()
    assert await wait_for_diagnostics(client, plans_uri, lambda d: True, "for a file of the catalog") == []

    # Without `feature sso`, the plans that grant it (in plans.plancat, which is not open) are wrong.
    without_sso = shipped.replace('feature sso {\n  name "SAML single sign-on"\n  type boolean\n}\n', "")
    assert without_sso != shipped
    change_document(client, uri, 2, without_sso)
    diagnostics = await wait_for_diagnostics(client, plans_uri, lambda d: len(d) > 0, "for the granted sso")
    plans_text = plans.read_text(encoding="utf-8")
    granted = {position_of(plans_text, "    sso\n", client.position_encoding, occurrence=n, within=4).line
               for n in range(plans_text.count("    sso\n"))}
    assert {d.range.start.line for d in diagnostics} == granted
    assert all(d.severity == types.DiagnosticSeverity.Error and "sso" in d.message for d in diagnostics)

    change_document(client, uri, 3, shipped)
    assert await wait_for_diagnostics(client, plans_uri, lambda d: len(d) == 0, "cleared after the fix") == []


async def test_closing_the_broken_file_clears_its_diagnostics(client: LanguageClient, catalogs):
    path = catalogs / "docsift-api.plancat"
    broken = path.read_text(encoding="utf-8") + "\nplan {\n"
    uri = open_document(client, path, broken)
    await wait_for_diagnostics(client, uri, lambda d: len(d) > 0, "for the unclosed block")
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert await wait_for_diagnostics(client, uri, lambda d: len(d) == 0, "cleared after closing") == []
