"""Completion, semantic tokens, quick fixes and fix-all, as VS Code and Neovim ask for them: each answer
must be one the played client accepts (pytest.ini turns pytest-lsp's specification warnings into
failures)."""

from __future__ import annotations

from conftest import apply_edits, change_document, open_document, position_of, wait_for_diagnostics
from lsprotocol import types
from pytest_lsp import LanguageClient


async def completion_labels(client: LanguageClient, uri: str, position: types.Position) -> set[str]:
    """The labels of the completion items offered at `position`, from a list or a CompletionList."""
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position))
    items = result.items if isinstance(result, types.CompletionList) else result
    return {item.label for item in items}


async def test_completion_after_trial_of_offers_the_other_plans(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8").replace("trial-of plan_pro", "trial-of ")
    uri = open_document(client, path, text)
    position = position_of(text, "trial-of ", encoding, within=len("trial-of "))
    labels = await completion_labels(client, uri, position)
    assert {"plan_free", "plan_pro", "plan_enterprise"} <= labels
    assert "plan_pro_trial" not in labels  # the plan being written is not its own parent


async def test_completion_in_a_plan_offers_its_statements(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8").replace("plan plan_free {\n", "plan plan_free {\n  \n", 1)
    uri = open_document(client, path, text)
    position = position_of(text, "plan plan_free {\n  ", encoding, within=len("plan plan_free {\n  "))
    labels = await completion_labels(client, uri, position)
    assert {"price", "credit", "trial-of"} <= labels
    assert "name" not in labels  # the plan already has its one `name`
    assert "component" not in labels  # a price's statement, not a plan's


async def test_semantic_tokens_decode_to_the_keywords_and_ids_of_the_catalog(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    legend = client.initialize_result.capabilities.semantic_tokens_provider.legend
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    data = tokens.data
    assert len(data) % 5 == 0 and data
    line = character = 0
    decoded = {}
    for index in range(0, len(data), 5):
        delta_line, delta_start, length, token_type, _ = data[index:index + 5]
        line += delta_line
        character = character + delta_start if delta_line == 0 else delta_start
        decoded[(line, character)] = (legend.token_types[token_type], length)
    plan = position_of(text, "plan plan_pro {", encoding)
    assert decoded[(plan.line, plan.character)] == ("keyword", 4)
    plan_id = position_of(text, "plan plan_pro {", encoding, within=len("plan "))
    assert decoded[(plan_id.line, plan_id.character)] == ("class", len("plan_pro"))


async def test_a_quick_fix_and_fix_all_repair_a_misspelt_plan(client: LanguageClient, catalogs):
    encoding = client.position_encoding
    path = catalogs / "freemium-to-enterprise.plancat"
    text = path.read_text(encoding="utf-8")
    uri = open_document(client, path)
    await wait_for_diagnostics(client, uri, lambda found: len(found) == 0, "(none) for the shipped catalog")
    planted = text.replace("row plan_free", "row plan_fre", 1)
    change_document(client, uri, 2, planted)
    diagnostics = await wait_for_diagnostics(client, uri, lambda found: len(found) == 1, "for the planted typo")
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=10_000, character=0))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostics[0].range,
        context=types.CodeActionContext(diagnostics=diagnostics, only=[types.CodeActionKind.QuickFix])))
    assert len(actions) == 1 and actions[0].kind == types.CodeActionKind.QuickFix
    assert apply_edits(planted, actions[0].edit.changes[uri], encoding) == text
    fix_all = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=whole,
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert len(fix_all) == 1 and fix_all[0].kind == types.CodeActionKind.SourceFixAll
    assert apply_edits(planted, fix_all[0].edit.changes[uri], encoding) == text
