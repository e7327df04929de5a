"""Nineteenth session (perf22): a one-page run's start.

- ``claimdetect.spaced`` replaces spaces with ``str.replace`` when the pattern has no
  escaped space: the same text as the ``re.sub`` it replaced, on every shipped pattern.
- ``gated._LiteralIndex.add`` tests ``str.isalnum`` before searching for a non-word
  character: the same index as before.
- ``config._read_pyproject``: a pyproject.toml read before as valid TOML without
  [tool.conditionlint] is not parsed again (the verdict is kept in the pattern store);
  a changed file is read again, invalid TOML is still an error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conditionlint import claimdetect, config, gated, recache
from conditionlint.config import ConfigError, read_config_file

_SPACE = re.compile(r"(?<!\\) ")


def _spaced_before(pattern: str) -> str:
    return _SPACE.sub(r"\\s+", pattern) if " " in pattern else pattern


def _shipped_patterns() -> list[str]:
    from conditionlint.yamlrules import lexicon

    out: list[str] = []

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)

    for name in ("claims", "urgent-care", "risky-wording"):
        try:
            walk(lexicon(name))
        except Exception:  # noqa: BLE001 - a file this tree does not have
            continue
    return out


@pytest.mark.parametrize("pattern", [
    "a b", r"a\ b c", "abc", r"a\\ b", " x ", "\\ ", "a  b", r"x\\\ y z", "", " ",
    "tab\tand space", "\\", "end\\", "a\u00a0b c",
])
def test_spaced_same_as_re_sub(pattern):
    assert claimdetect.spaced(pattern) == _spaced_before(pattern)


def test_spaced_same_on_shipped_patterns():
    pats = _shipped_patterns()
    assert len(pats) > 500
    lex = claimdetect.lexicon()
    for p in pats:
        assert claimdetect.spaced(p) == _spaced_before(p)
        for alt in (p.replace("{intervention}", "x y"),):
            assert claimdetect.spaced(alt) == _spaced_before(alt)
    assert lex.types  # built with the new form


def _index_before(calls):
    """The index as ``add`` built it before this session."""
    known: set[str] = set()
    by_trigram: dict[str, list[str]] = {}
    forms: dict[str, list] = {}
    by_char: dict[str, list[str]] = {}
    for literals in calls:
        new = frozenset(literals).difference(known)
        known.update(new)
        for literal in sorted(new):
            if literal != gated.DIGIT:
                core = literal.strip(" ")
                odd = gated._NON_WORD.search(core)
                if odd is None:
                    f = forms.get(core)
                    if f is None:
                        f = forms[core] = []
                        by_trigram.setdefault(core[:3], []).append(core)
                    f.append((literal, literal[0] == " ", literal[-1] == " "))
                else:
                    by_char.setdefault(literal[odd.start()], []).append(literal)
    return known, by_trigram, forms, by_char


def test_literal_index_same():
    calls = [
        {"cure", " can ", "can't", "long-term", "snake_oil", "ümlaut", "x²", "٣٤",
         " heal", "heal ", gated.DIGIT, "%", "&", " a-b ", "naïve", "_", "__x"},
        {"cure", "reduc", "ιατρ", "a\u00a0b", "Ⅻ"},
    ]
    ix = gated._LiteralIndex()
    for c in calls:
        ix.add(c)
    known, by_trigram, forms, by_char = _index_before(calls)
    assert ix.known == known
    assert ix.by_trigram == by_trigram
    assert ix.forms == forms
    assert ix.by_char == by_char


def test_literal_index_same_as_shipped():
    claimdetect.lexicon()  # fills gated._INDEX with the shipped gates
    ix = gated._INDEX
    known, by_trigram, forms, by_char = _index_before([ix.known])
    # one call with all of them gives the same per-key lists up to order of insertion
    # across calls; compare the contents
    assert set(ix.forms) == set(forms)
    assert {k: sorted(v) for k, v in ix.forms.items()} == {k: sorted(v) for k, v in forms.items()}
    assert {k: sorted(v) for k, v in ix.by_char.items()} == \
        {k: sorted(v) for k, v in by_char.items()}


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv(recache.ENV, str(tmp_path / "store"))
    recache.uninstall()
    assert recache.install()
    yield
    recache.uninstall()
    re.purge()


def _count_loads(monkeypatch):
    seen = []
    real = config._toml_doc

    def counting(path, text):
        seen.append(path)
        return real(path, text)

    monkeypatch.setattr(config, "_toml_doc", counting)
    return seen


def test_pyproject_without_table_parsed_once(store, tmp_path, monkeypatch):
    seen = _count_loads(monkeypatch)
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\n[tool.other]\na = 1\n', encoding="utf-8")
    assert read_config_file(p) is None
    assert read_config_file(p) is None
    assert len(seen) == 1  # the second read: the store's verdict
    # a changed file is read again, and its table found
    p.write_text('[project]\nname = "x"\n[tool.conditionlint]\nselect = ["CL1"]\n',
                 encoding="utf-8")
    data, locate = read_config_file(p)
    assert data == {"select": ["CL1"]}
    assert locate(("select",)) == (4, 1)
    data2, _ = read_config_file(p)
    assert data2 == data
    assert len(seen) == 3  # a file with our table is read each time


def test_pyproject_invalid_still_an_error(store, tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text("[project\nname = 1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError) as exc:
            read_config_file(p)
        assert "invalid TOML" in str(exc.value)


def test_pyproject_verdict_not_for_whole_toml(store, tmp_path):
    p = tmp_path / "conf.toml"
    p.write_text('select = ["CL1"]\n', encoding="utf-8")
    for _ in range(2):
        data, _ = read_config_file(p)
        assert data == {"select": ["CL1"]}


def test_pyproject_same_without_store(tmp_path):
    recache.uninstall()
    p = tmp_path / "pyproject.toml"
    p.write_text('[tool]\nconditionlint = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        read_config_file(p)
    p.write_text('[tool]\nblack = {}\n', encoding="utf-8")
    assert read_config_file(p) is None


def test_one_page_run_imports_no_tomllib_nor_json(tmp_path):
    import os
    import subprocess

    page = Path(__file__).resolve().parents[1] / "examples"
    md = next(page.rglob("*.md"))
    code = ("import sys\n"
            "sys.argv = ['conditionlint', 'check', '--no-cache', '-q', sys.argv[1]]\n"
            "try:\n"
            "    from conditionlint.cli import main\n"
            "    main(args=sys.argv[1:], prog_name='conditionlint')\n"
            "except SystemExit:\n"
            "    pass\n"
            "print('tomllib' in sys.modules, 'json' in sys.modules)\n")
    env = dict(os.environ, CONDITIONLINT_PATTERN_CACHE=str(tmp_path / "s"))
    for _ in range(2):  # the first run keeps the verdict on the repository's pyproject.toml
        out = subprocess.run([sys.executable, "-c", code, str(md)], capture_output=True,
                             text=True, env=env, cwd=str(md.parent))
    assert out.stdout.strip().splitlines()[-1] == "False False", out.stdout + out.stderr


def test_shipped_schema_from_store_same(store):
    import json

    from conditionlint import resources

    path = resources.data_dir("schemas") / "condition-page.schema.json"
    want = json.loads(path.read_text(encoding="utf-8"))
    load = resources.schema.__wrapped__  # (the cached objects stay as they are)
    first = load("condition-page")
    recache.save()
    recache.uninstall()
    assert recache.install()  # a new process, as far as the store can tell
    second = load("condition-page")
    assert first == want and second == want
    assert json.dumps(second) == json.dumps(want)  # the same key order
    assert id(second) in resources.SHIPPED_SCHEMAS
