"""Fixtures of the end-to-end tests: `plancat lsp` over stdio, driven by pytest-lsp playing VS Code and
Neovim with the client capabilities those editors really sent (recorded by pytest-lsp).

Every test works on a copy of the repository's catalogs/ in a temporary folder, never on the files
themselves. The server is the `plancat` executable named by the environment variable `PLANCAT`
(.ci/editors passes the debug build's), else the debug build in this checkout's .build/.
"""

from __future__ import annotations

import asyncio
import os
import pathlib
import re
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
PLANCAT = os.environ.get("PLANCAT") or str(REPOSITORY / ".build" / "debug" / "plancat")

if not os.access(PLANCAT, os.X_OK):
    sys.exit(f"error: no plancat executable at {PLANCAT}: build it (`swift build --product plancat`) "
             "or name it with PLANCAT=/path/to/plancat")

# The clients played, by pytest-lsp's name for their recorded capabilities: the latest recording of each.
CLIENTS = ["visual-studio-code", "neovim"]

# How long a test waits for the server's notifications before it fails.
TIMEOUT = 10.0


@pytest.fixture
def catalogs(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the repository's catalogs/, for the test to open, edit and rename in."""
    copy = tmp_path / "catalogs"
    shutil.copytree(REPOSITORY / "catalogs", copy)
    return copy


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[PLANCAT, "lsp"]),
    params=CLIENTS,
)
async def client(lsp_client: LanguageClient, request, catalogs: pathlib.Path):
    """A client with the capabilities of `request.param`, initialized with the copied catalogs/ as its
    workspace; `lsp_client.initialize_result` is the server's answer. It shuts the server down at the
    end, unless the test already did."""
    workspace = types.WorkspaceFolder(uri=catalogs.as_uri(), name="catalogs")
    params = types.InitializeParams(
        capabilities=client_capabilities(request.param),
        client_info=types.ClientInfo(name=request.param),
        root_uri=workspace.uri,
        workspace_folders=[workspace],
    )
    lsp_client.initialize_result = await lsp_client.initialize_session(params)
    lsp_client.position_encoding = lsp_client.initialize_result.capabilities.position_encoding or "utf-16"
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()


# Helpers the tests share.

def open_document(client: LanguageClient, path: pathlib.Path, text: str | None = None) -> str:
    """Opens `path` in the server, with `text` as the editor's buffer (the file's own text when None),
    and returns its URI."""
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(
            uri=uri, language_id="plancat", version=1,
            text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change_document(client: LanguageClient, uri: str, version: int, text: str) -> None:
    """Replaces the whole text of an open document, as a client with full sync does."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def wait_for_diagnostics(client: LanguageClient, uri: str, predicate, what: str):
    """The last diagnostics published for `uri` once `predicate` holds for them; fails after `TIMEOUT`
    seconds, saying `what` was awaited and what was last published."""
    async def poll():
        while uri not in client.diagnostics or not predicate(client.diagnostics[uri]):
            await asyncio.sleep(0.02)
        return list(client.diagnostics[uri])
    try:
        return await asyncio.wait_for(poll(), TIMEOUT)
    except TimeoutError:
        pytest.fail(f"no diagnostics {what} for {uri} within {TIMEOUT}s; last published: "
                    f"{client.diagnostics.get(uri, 'nothing')}")


def character(line: str, index: int, encoding: str) -> int:
    """The LSP `character` of the `index`-th Python character of `line`, in the negotiated encoding."""
    prefix = line[:index]
    if encoding == "utf-8":
        return len(prefix.encode("utf-8"))
    if encoding == "utf-16":
        return len(prefix.encode("utf-16-le")) // 2
    return len(prefix)


def offset(text: str, position: types.Position, encoding: str) -> int:
    """The index in `text` of an LSP position in the negotiated encoding."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    index = 0
    while index < len(line) and character(line, index + 1, encoding) <= position.character:
        index += 1
    return start + index


def position_of(text: str, needle: str, encoding: str, occurrence: int = 0, within: int = 0) -> types.Position:
    """The position of the `occurrence`-th `needle` in `text`, `within` characters into it."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += within
    line_number = text.count("\n", 0, index)
    line = text.split("\n")[line_number]
    return types.Position(line=line_number, character=character(line, index - (text.rfind("\n", 0, index) + 1), encoding))


def apply_edits(text: str, edits, encoding: str) -> str:
    """`text` with LSP TextEdits applied (they do not overlap; applied from the last)."""
    spans = sorted(((offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new_text in spans:
        text = text[:start] + new_text + text[end:]
    return text


def id_pattern(identifier: str) -> re.Pattern:
    """Whole-word occurrences of a plancat id (ids hold letters, digits, `_` and `-`)."""
    return re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(identifier)}(?![A-Za-z0-9_-])")


def occurrences(path: pathlib.Path, identifier: str, encoding: str) -> set[tuple[int, int, int]]:
    """(line, start, end) of every whole-word `identifier` of a file outside its comments: what a
    find-references of that id must list there."""
    found = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        code = line.split("#", 1)[0]
        for match in id_pattern(identifier).finditer(code):
            found.add((number, character(line, match.start(), encoding), character(line, match.end(), encoding)))
    return found
