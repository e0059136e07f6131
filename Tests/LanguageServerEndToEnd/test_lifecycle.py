"""`initialize` and the end of a session, as VS Code and Neovim see them."""

from __future__ import annotations

import asyncio

from conftest import PLANCAT, TIMEOUT
from pytest_lsp import LanguageClient, client_capabilities

# The encoding each recorded client gets: VS Code offers none, so positions are in UTF-16 (LSP's
# default); Neovim (0.11, the latest recording) offers utf-8 first, which the server takes.
EXPECTED_ENCODING = {"visual-studio-code": "utf-16", "neovim": "utf-8"}


async def test_initialize_names_the_server_and_negotiates_the_position_encoding(client: LanguageClient, request):
    played = request.node.callspec.params["client"]
    result = client.initialize_result
    assert result.server_info.name == "plancat"
    version = await asyncio.create_subprocess_exec(PLANCAT, "--version", stdout=asyncio.subprocess.PIPE)
    printed = (await version.communicate())[0].decode()
    assert result.server_info.version and result.server_info.version in printed
    offered = client_capabilities(played).general
    offered = (offered.position_encodings if offered else None) or []
    assert ("utf-8" in offered) == (EXPECTED_ENCODING[played] == "utf-8")
    assert result.capabilities.position_encoding == EXPECTED_ENCODING[played]


async def test_initialize_declares_what_the_tests_use(client: LanguageClient):
    capabilities = client.initialize_result.capabilities
    sync = capabilities.text_document_sync
    assert sync.open_close is True and sync.change == 1  # full text on every change
    assert capabilities.document_formatting_provider
    assert capabilities.document_symbol_provider
    assert capabilities.hover_provider and capabilities.definition_provider and capabilities.references_provider
    assert capabilities.rename_provider.prepare_provider  # Neovim 0.7 renames only through prepareRename
    assert capabilities.workspace_symbol_provider and capabilities.inlay_hint_provider


async def test_shutdown_then_exit_ends_the_server_with_status_0(client: LanguageClient):
    assert await client.shutdown_async(None) is None
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), TIMEOUT) == 0


async def test_exit_without_shutdown_ends_the_server_with_status_1(client: LanguageClient):
    client.exit(None)
    assert await asyncio.wait_for(client._server.wait(), TIMEOUT) == 1
