"""Hover, go to definition, find references and rename, on shipped catalogs, across the files of a
catalog directory; workspace symbols and inlay hints."""

from __future__ import annotations

import subprocess

import pygls.exceptions
import pytest
from conftest import PLANCAT, apply_edits, id_pattern, occurrences, open_document, position_of
from lsprotocol import types
from pytest_lsp import LanguageClient


def at(uri: str, position: types.Position) -> dict:
    """The text document and position every request below is about."""
    return {"text_document": types.TextDocumentIdentifier(uri=uri), "position": position}


def token_range(text: str, needle: str, encoding: str, occurrence: int = 0, within: int = 0,
                length: int | None = None) -> types.Range:
    """The range of `needle[within:within+length]` at the `occurrence`-th `needle`."""
    length = len(needle) - within if length is None else length
    return types.Range(start=position_of(text, needle, encoding, occurrence, within),
                       end=position_of(text, needle, encoding, occurrence, within + length))


def one_location(result) -> types.Location:
    """A definition's answer: one Location (a list holding only it is accepted as the same answer)."""
    if isinstance(result, list):
        assert len(result) == 1, result
        result = result[0]
    assert isinstance(result, types.Location), result
    return result


async def test_hover_on_a_plan_shows_its_name_and_prices(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    row = token_range(text, "row plan_pro", encoding, within=len("row "))
    hover = await client.text_document_hover_async(types.HoverParams(**at(uri, row.start)))
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "plan_pro" in hover.contents.value and "Pro" in hover.contents.value  # its id and its name
    assert "$29/month" in hover.contents.value and "$290/year" in hover.contents.value
    assert hover.range == row


async def test_definition_of_trial_of_lands_on_the_plan(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    reference = position_of(text, "trial-of plan_pro", encoding, within=len("trial-of ") + 3)
    location = one_location(await client.text_document_definition_async(types.DefinitionParams(**at(uri, reference))))
    assert location.uri == uri
    assert location.range.start.line == position_of(text, "plan plan_pro {", encoding).line
    assert location.range == token_range(text, "plan plan_pro {", encoding, within=len("plan "), length=len("plan_pro"))


async def test_definition_crosses_the_files_of_a_catalog_directory(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    quote = catalogs / "teamspace" / "quotes" / "initech.plancat"
    plans = catalogs / "teamspace" / "plans.plancat"
    uri = open_document(client, quote)
    reference = position_of(quote.read_text(encoding="utf-8"), "plan plan_business", encoding, within=len("plan "))
    location = one_location(await client.text_document_definition_async(types.DefinitionParams(**at(uri, reference))))
    assert location.uri == plans.as_uri()
    plans_text = plans.read_text(encoding="utf-8")
    assert location.range == token_range(plans_text, "plan plan_business {", encoding, within=len("plan "),
                                         length=len("plan_business"))


async def test_references_of_a_plan_list_every_use_in_every_file(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    teamspace = catalogs / "teamspace"
    plans = teamspace / "plans.plancat"
    uri = open_document(client, plans)
    declaration = position_of(plans.read_text(encoding="utf-8"), "plan plan_business {", encoding, within=len("plan "))
    locations = await client.text_document_references_async(types.ReferenceParams(
        **at(uri, declaration), context=types.ReferenceContext(include_declaration=True)))
    found = {(location.uri, location.range.start.line, location.range.start.character, location.range.end.character)
             for location in locations}
    expected = {(file.as_uri(), *place) for file in sorted(teamspace.rglob("*.plancat"))
                for place in occurrences(file, "plan_business", encoding)}
    assert len(expected) == 5  # the plan, its trial's trial-of, two pricing-table rows, Initech's quote
    assert found == expected


async def test_prepare_rename_names_the_id_under_the_cursor(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "teamspace" / "catalog.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    row = token_range(text, "row plan_business", encoding, within=len("row "))
    inside = position_of(text, "row plan_business", encoding, within=len("row plan_"))
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(**at(uri, inside)))
    assert isinstance(prepared, types.PrepareRenamePlaceholder), prepared
    assert prepared.placeholder == "plan_business"
    assert prepared.range == row


async def test_rename_of_a_plan_changes_every_occurrence_across_the_catalog_directory(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    teamspace = catalogs / "teamspace"
    plans = teamspace / "plans.plancat"
    uri = open_document(client, plans)
    use = position_of(plans.read_text(encoding="utf-8"), "trial-of plan_business", encoding, within=len("trial-of "))
    edit = await client.text_document_rename_async(types.RenameParams(**at(uri, use), new_name="plan_scale"))
    assert isinstance(edit, types.WorkspaceEdit) and edit.changes
    files = {file.as_uri(): file for file in teamspace.rglob("*.plancat")}
    assert set(edit.changes) <= set(files)
    for file_uri, edits in edit.changes.items():
        file = files[file_uri]
        text = file.read_text(encoding="utf-8")
        assert apply_edits(text, edits, encoding) == id_pattern("plan_business").sub("plan_scale", text)
        file.write_text(apply_edits(text, edits, encoding), encoding="utf-8")
    # Every file that named the plan was edited, and the renamed catalog still checks clean.
    assert all(not id_pattern("plan_business").search(file.read_text(encoding="utf-8")) for file in files.values())
    check = subprocess.run([PLANCAT, "check", str(teamspace)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("new_name", ["plan_team", "not an id"])
async def test_rename_refuses_an_existing_or_invalid_id(client: LanguageClient, catalogs, new_name):
    encoding = client.position_encoding
    plans = catalogs / "teamspace" / "plans.plancat"
    uri = open_document(client, plans)
    declaration = position_of(plans.read_text(encoding="utf-8"), "plan plan_business {", encoding, within=len("plan "))
    with pytest.raises(pygls.exceptions.JsonRpcException) as refusal:
        await client.text_document_rename_async(types.RenameParams(**at(uri, declaration), new_name=new_name))
    assert refusal.value.code == -32803  # RequestFailed: the server understood and refuses
    assert f"`{new_name}`" in refusal.value.message  # the reason the editor shows names the id


async def test_workspace_symbols_find_a_plan_of_an_open_catalog(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    plans = catalogs / "teamspace" / "plans.plancat"
    open_document(client, catalogs / "teamspace" / "catalog.plancat")
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="plan_business"))
    found = {(symbol.name, symbol.location.uri) for symbol in symbols}
    assert ("plan_business", plans.as_uri()) in found
    business = next(symbol for symbol in symbols if symbol.name == "plan_business")
    assert business.location.range.start.line == position_of(plans.read_text(encoding="utf-8"), "plan plan_business {", encoding).line


async def test_inlay_hints_show_a_yearly_price_per_month_and_a_scenario_total(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=text.count("\n"), character=0))
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=whole))
    labels = {(hint.position.line, hint.position.character): hint.label for hint in hints}
    after_yearly_fee = position_of(text, "fixed 290;", encoding, within=len("fixed 290"))
    assert labels.get((after_yearly_fee.line, after_yearly_fee.character)) == "≈ $24.17/month"
    after_scenario = position_of(text, "scenario pro_month_with_overage", encoding, within=len("scenario pro_month_with_overage"))
    assert labels.get((after_scenario.line, after_scenario.character)) == "total $38.00"  # its `expect total 38`
