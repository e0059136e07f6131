"""The TextMate grammar run by a real TextMate engine with real Oniguruma regular expressions
(textmate-grammar-python over onigurumacffi, the regex library VS Code's own engine wraps): every
regular expression of the grammar compiles, every shipped catalog is highlighted with no `invalid`
scope, and a planted mistake is marked invalid, so the check can fail."""
import json
import logging
from pathlib import Path

import onigurumacffi
import pytest
from textmate_grammar.parsers.base import LanguageParser

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = json.loads((ROOT / "Sources/Editors/textmate/plancat.tmLanguage.json").read_text())
CATALOGS = sorted((ROOT / "catalogs").rglob("*.plancat"))

# The engine logs every stretch of text no rule matches (the inside of a string, say) as a warning.
logging.getLogger("textmate_grammar").setLevel(logging.ERROR)


def patterns(node):
    """Every regular expression of the grammar: `match`, `begin`, `end` and `while`, however nested."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end", "while") and isinstance(value, str):
                yield value
            else:
                yield from patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from patterns(item)


def scopes(path):
    parser = LanguageParser(GRAMMAR)
    return parser.parse_file(str(path)).flatten()


def test_every_regular_expression_compiles_in_oniguruma():
    found = list(patterns(GRAMMAR))
    assert len(found) > 10
    for pattern in found:
        onigurumacffi.compile(pattern)


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_shipped_catalog_has_no_invalid_scope(catalog):
    tokens = scopes(catalog)
    assert tokens, f"{catalog} was not tokenized"
    invalid = [(position, text) for position, text, names in tokens if any("invalid" in name for name in names)]
    assert invalid == []
    keywords = {text for _, text, names in tokens if any(name.startswith("keyword.") for name in names)}
    assert keywords, f"no keyword of {catalog} was highlighted"


def test_a_planted_mistake_is_invalid(tmp_path):
    planted = tmp_path / "planted.plancat"
    planted.write_text('plan p {\n  name "bad \\q escape"\n  @\n}\n')
    invalid = [text for _, text, names in scopes(planted) if any("invalid" in name for name in names)]
    assert invalid == ["\\q", "@"]
