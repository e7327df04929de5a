"""The clause and word shapes of the claim detector are data (``shapes`` in
rules/claims.yaml): the schema requires exactly the names the code reads, a misspelt
or missing name is a config error, and the named groups the code reads are there."""

from __future__ import annotations

import json
import re

import pytest

from conditionlint import claimdetect, claimstructure  # noqa: F401 - registers the shapes
from conditionlint.claimstructure import TEXT_SHAPES, ShapePattern, shape_text
from conditionlint.config import ConfigError
from conditionlint.resources import data_dir, schema
from conditionlint.schemautil import first_error
from conditionlint.yamlrules import _load, lexicon

USED = set(ShapePattern.NAMES) | set(TEXT_SHAPES)


def _shapes_schema() -> dict:
    text = (data_dir("schemas") / "rule.schema.json").read_text(encoding="utf-8")
    return json.loads(text)["$defs"]["claimsLexicon"]["properties"]["shapes"]


def test_schema_requires_exactly_the_names_the_code_reads():
    spec = _shapes_schema()
    assert set(spec["required"]) == USED
    assert set(spec["properties"]) == USED
    assert spec["additionalProperties"] is False
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", n) for n in USED)


def test_shipped_lexicon_has_every_shape():
    assert set(lexicon("claims")["shapes"]) == USED


def _claims_data() -> dict:
    return _load(data_dir("rules") / "claims.yaml", user=False, validate=False)


def test_a_misspelt_shape_name_is_refused_by_the_schema():
    data = _claims_data()
    shapes = dict(data["data"]["shapes"])
    shapes["sign-leads"] = shapes.pop("sign-lead")
    data["data"] = {**data["data"], "shapes": shapes}
    err = first_error(schema("rule"), data)
    assert err is not None


def test_a_missing_shape_is_a_config_error():
    with pytest.raises(ConfigError, match="no-such-shape"):
        shape_text("no-such-shape")


@pytest.mark.parametrize(("name", "groups"), [
    ("pronoun-harm", {"verb"}), ("defining", {"rel"}), ("heading-how", {"t"}),
    ("heading-for", {"t", "c"}), ("heading-why", {"t"})])
def test_named_groups_the_code_reads(name, groups):
    assert groups <= set(ShapePattern.NAMES[name].groupindex)


def test_shapes_keep_their_flags_and_wrappers():
    # (the pattern text is the lexicon's, byte for byte; spaced shapes read a space as
    # any white space; twinned ones search through the ASCII twin)
    sign = ShapePattern.NAMES["sign-lead"]
    assert sign.flags & re.IGNORECASE
    assert sign.pattern == claimdetect.spaced(shape_text("sign-lead"))
    assert type(sign.compiled()).__name__ == "Twin"
    assert type(ShapePattern.NAMES["health-word"].compiled()) is re.Pattern
    assert ShapePattern.NAMES["sign-lead"].search("Common signs include:")
    assert not ShapePattern.NAMES["sign-lead"].search("Signs that the treatment is working:")


def test_heading_stop_words_are_data():
    from conditionlint.claimstructure import _stop_words, page_words

    assert {"how", "treatment", "relief"} <= _stop_words()
    assert set(lexicon("claims")["structure"]["heading-stop-words"]) == _stop_words()
    # "How Acupuncture Helps": the treatment word is "Acupuncture", not "How"/"Helps"
    words = page_words("Back pain", ["How Acupuncture Helps"], None)
    assert words.treatment is not None and words.treatment.search("acupuncture")
    assert not words.treatment.search("how")


def _fresh(monkeypatch, texts: dict[str, str]) -> dict[str, ShapePattern]:
    """Shapes built anew (none compiled yet) over ``texts`` instead of the lexicon."""
    monkeypatch.setattr(ShapePattern, "NAMES", {})
    monkeypatch.setattr(ShapePattern, "_ALL", [])

    def text(name: str) -> str:
        if name in TEXT_SHAPES:
            return "is|was"
        if name not in texts:
            raise ConfigError("claims.yaml", f"shapes: no pattern named {name!r}")
        return texts[name]

    monkeypatch.setattr(claimstructure, "shape_text", text)
    return {n: ShapePattern(n, re.I) for n in texts} | {"gone": ShapePattern("gone")}


def test_the_first_use_of_any_shape_compiles_them_all_so_a_missing_one_fails_first(
        monkeypatch):
    # (review defect D13: a deleted shape passed silently until a page reached its code)
    shapes = _fresh(monkeypatch, {"good": r"\bhelps\b"})
    with pytest.raises(ConfigError, match="no pattern named 'gone'"):
        shapes["good"].search("it helps")


def test_a_shape_that_is_not_a_pattern_is_a_config_error_naming_it(monkeypatch):
    shapes = _fresh(monkeypatch, {"good": r"\bhelps\b", "bad": r"(?:[a-z]+\s+causes"})
    shapes.pop("gone")
    ShapePattern.NAMES.pop("gone")
    with pytest.raises(ConfigError, match=r"shapes: bad: not a valid pattern: missing \)"):
        shapes["good"].search("it helps")


def test_every_shape_is_compiled_after_the_first_use(monkeypatch):
    shapes = _fresh(monkeypatch, {"one": r"\bone\b", "two": r"\btwo\b"})
    shapes.pop("gone")
    ShapePattern.NAMES.pop("gone")
    assert shapes["one"].search("one two")
    assert "_rx" in shapes["two"].__dict__


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_shape_is_one_config_error_and_exit_2_from_the_command_line(
        tmp_path, jobs):
    # (review 20, D13: workers turned the engine's ConfigError into an internal-error
    # finding on every file; the run must stop with exit 2 and name the shape and file)
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import ROOT

    tree = tmp_path / "tree"
    for part in ("src", "rules", "schemas"):
        shutil.copytree(ROOT / part, tree / part,
                        ignore=shutil.ignore_patterns("__pycache__"))
    claims = tree / "rules" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    start = text.index("\n    plain-causes: ") + 1
    end = text.index("\n", start)
    claims.write_text(text[:start] + "    plain-causes: '(?:[a-z]+\\s+causes'"
                      + text[end:], encoding="utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(10):  # enough for the worker pool
        (pages / f"p{i}.md").write_text("# Back pain\n\nAcupuncture reduces pain.\n",
                                        encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    env.update(PYTHONPATH=str(tree / "src"), CONDITIONLINT_PATTERN_CACHE="off")
    r = subprocess.run([sys.executable, "-m", "conditionlint", "check", "--no-cache",
                        "--jobs", jobs, str(pages)], capture_output=True, env=env,
                       timeout=300)
    err = r.stderr.decode()
    assert r.returncode == 2, (r.stdout.decode(), err)
    assert "config error" in err and "claims.yaml" in err
    assert "shapes: plain-causes: not a valid pattern" in err
    assert err.count("config error") == 1
    assert b"CL901" not in r.stdout
