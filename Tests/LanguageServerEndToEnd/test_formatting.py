"""Format Document: the layout of `plancat fmt`, as one edit the editor applies."""

from __future__ import annotations

import re

from conftest import apply_edits, open_document
from lsprotocol import types
from pytest_lsp import LanguageClient

OPTIONS = types.FormattingOptions(tab_size=4, insert_spaces=False)


def formatting(uri: str) -> types.DocumentFormattingParams:
    return types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS)


async def test_a_badly_laid_out_catalog_formats_back_to_the_shipped_file(client: LanguageClient, catalogs):
    path = catalogs / "freemium-to-enterprise.plancat"
    shipped = path.read_text(encoding="utf-8")  # shipped catalogs are canonical (`plancat fmt --check` in CI)
    # Indentation doubled, four spaces after each keyword and blank lines doubled (comments untouched).
    messy = re.sub(r"(?m)^( +)", lambda m: m.group(1) * 2, shipped)
    messy = re.sub(r"(?m)^(\s*[a-z-]+) (?=[^#\n]*$)", r"\1    ", messy).replace("\n\n", "\n\n\n")
    assert messy != shipped
    uri = open_document(client, path, messy)
    edits = await client.text_document_formatting_async(formatting(uri))
    assert len(edits) == 1  # the whole document, replaced
    assert edits[0].range.start == types.Position(line=0, character=0)
    assert apply_edits(messy, edits, client.position_encoding) == shipped


async def test_a_canonical_catalog_gets_no_edit(client: LanguageClient, catalogs):
    uri = open_document(client, catalogs / "teamspace" / "plans.plancat")
    assert list(await client.text_document_formatting_async(formatting(uri)) or []) == []


async def test_a_catalog_with_a_syntax_error_is_left_as_it_is(client: LanguageClient, catalogs):
    path = catalogs / "docsift-api.plancat"
    uri = open_document(client, path, path.read_text(encoding="utf-8") + "\nplan   broken {\n")
    assert list(await client.text_document_formatting_async(formatting(uri)) or []) == []
