"""The fast page-schema check (src/conditionlint/fastschema.py): the generated code is
current, never calls valid what jsonschema rejects, says "valid" for the real pages
jsonschema accepts, and CL203 still reports through jsonschema."""

from __future__ import annotations

import copy
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conditionlint import fastschema, frontmatter
from conditionlint.api import lint_text
from conditionlint.resources import schema
from conditionlint.schemautil import errors

ROOT = Path(__file__).resolve().parents[1]
PAGE = schema("condition-page")


def _js_valid(data: object) -> bool:
    return not errors(PAGE, data)


def _front_matters() -> list[tuple[str, object]]:
    out = []
    for folder in ("examples", "tests"):
        for p in sorted((ROOT / folder).rglob("*.md")):
            try:
                text = p.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            fm = frontmatter.parse(text)
            if fm is not None and fm.error is None and isinstance(fm.data, dict):
                out.append((str(p.relative_to(ROOT)), fm.data))
    return out


FRONT = _front_matters()


def test_generated_code_is_current():
    import fastjsonschema

    shipped = fastschema.CODE.read_text(encoding="utf-8")
    made_with = re.search(r'^VERSION = "([^"]+)"', shipped, re.M)
    assert made_with is not None
    if made_with.group(1) != fastjsonschema.VERSION:
        # Another fastjsonschema writes other (equally valid) code; the behaviour tests
        # below still run on the shipped file.
        pytest.skip(f"file made with fastjsonschema {made_with.group(1)}, "
                    f"{fastjsonschema.VERSION} installed")
    r = subprocess.run([sys.executable, "-m", "conditionlint.fastschema", "--check"],
                       capture_output=True, text=True, cwd=ROOT, check=False)
    assert r.returncode == 0, r.stdout + r.stderr + \
        "\nregenerate with: python -m conditionlint.fastschema"


def test_shipped_schema_uses_only_keywords_read_alike():
    assert fastschema.unsupported(PAGE) == []
    # and the guard does see what Draft 7 would read differently
    assert fastschema.unsupported({"prefixItems": [{"type": "string"}]}) == [
        "#/prefixItems: keyword not known to be read alike"]
    assert fastschema.unsupported({"$ref": "#/$defs/x", "minItems": 1}) == [
        "#: $ref beside other keywords (Draft 7 ignores them)"]
    assert fastschema.unsupported({"format": "uri"}) == ["#/format: format 'uri'"]
    assert fastschema.unsupported({"items": [{"type": "string"}]}) == ["#/items: array form"]


def test_every_real_front_matter_gets_the_same_answer():
    assert len(FRONT) >= 80
    fast_yes = 0
    for name, data in FRONT:
        js, fast = _js_valid(data), fastschema.surely_valid(data)
        assert not (fast and not js), name
        assert fast == js, name  # the fast path serves every valid page
        fast_yes += fast
    assert fast_yes >= 50


def test_date_format_is_jsonschemas():
    for value, ok in [("2026-01-31", True), ("2024-02-29", True), ("2023-02-29", False),
                      ("2026-13-01", False), ("2026-1-1", False), ("2026-01-01\n", False),
                      ("\u0662\u0660\u0662\u0666-01-01", False), ("20260101", False),
                      ("2026-01-01T00:00", False), ("", False)]:
        assert fastschema.date_ok(value) is ok, value
        page = {"title": "Migraine", "last_reviewed": value}
        assert _js_valid(page) is ok, value
        assert fastschema.surely_valid(page) is ok, value


_ODD = [None, True, False, 0, 1, 2.0, 2.5, -1, "", " ", "x", "2026-02-30", "2026-02-28",
        "condition", "rct", "high", "10.1000/xyz", [], [""], ["a"], [1], {}, {"a": 1},
        float("nan"), "\u0662\u0660\u0662\u0666-01-01"]


def _mutations(data: dict, rng: random.Random) -> dict:
    d = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        target = d
        if isinstance(d.get("evidence"), list) and d["evidence"] and rng.random() < 0.5:
            i = rng.randrange(len(d["evidence"]))
            if isinstance(d["evidence"][i], dict):
                target = d["evidence"][i]
            else:
                d["evidence"][i] = rng.choice(_ODD)
                continue
        keys = list(target) + ["title", "type", "last_reviewed", "evidence", "tags",
                               "reviewed_by", "design", "certainty", "year", "id", "doi",
                               "extra_key"]
        key = rng.choice(keys)
        if rng.random() < 0.2 and key in target:
            del target[key]
        else:
            target[key] = copy.deepcopy(rng.choice(_ODD))
    return d


def test_mutated_front_matter_never_fast_valid_when_jsonschema_rejects():
    rng = random.Random(20261129)
    seeds = [data for _, data in FRONT]
    agree = total = 0
    for _ in range(3000):
        d = _mutations(rng.choice(seeds), rng)
        js, fast = _js_valid(d), fastschema.surely_valid(d)
        assert not (fast and not js), d
        total += 1
        agree += js == fast
    # only ever slower, never wrong; and nearly always the same answer
    assert agree / total > 0.95


def test_cl203_still_reports_through_jsonschema():
    page = ("---\ntitle: Migraine\ntype: conditon\nlast_reviewed: 2026-13-01\n---\n"
            "# Migraine\n\nA headache disorder.\n")
    found = [(f.line, f.message) for f in lint_text(page, select=["CL203"])]
    assert [ln for ln, _ in found] == [3, 4]
    assert "2026-13-01" in found[1][1]


def test_a_valid_page_does_not_import_jsonschema():
    code = ("import sys; from conditionlint.api import lint_text; "
            "f = lint_text('---\\ntitle: Migraine\\ntype: condition\\n"
            "last_reviewed: 2026-10-01\\n---\\n# Migraine\\n\\nText.\\n', select=['CL203']); "
            "print(len(f), 'jsonschema' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       check=True, cwd=ROOT)
    assert r.stdout.split() == ["0", "False"]
