"""CL201-CL203: front matter presence, syntax and schema, each at its exact position."""

from __future__ import annotations

import json

import pytest

from conditionlint.api import lint_text
from conditionlint.config import ConfigError
from tests.conftest import TODAY, run_cli


def found(text, code, config=None):
    return [(f.line, f.column, f.message) for f in
            lint_text(text, select=[code], today=TODAY, config=config)]


BODY = "# Migraine\n\nA headache disorder.\n"


# -- CL201 ------------------------------------------------------------------------------
def test_cl201_page_without_front_matter():
    assert [(ln, col) for ln, col, _ in found(BODY, "CL201")] == [(1, 1)]


def test_cl201_not_raised_with_front_matter():
    assert found("---\ntitle: Migraine\n---\n" + BODY, "CL201") == []


def test_cl201_explains_toml_and_late_front_matter():
    assert "TOML" in found("+++\ntitle = 'x'\n+++\n" + BODY, "CL201")[0][2]
    assert "very first line" in found("\n---\ntitle: x\n---\n" + BODY, "CL201")[0][2]


# -- CL202 ------------------------------------------------------------------------------
@pytest.mark.parametrize("front,line,col,words", [
    ("title: Sciatica: a guide\n", 2, 16, "mapping values are not allowed"),
    ("title: x\nlast_reviewed: 2026-01-01\nlast_reviewed: 2026-02-01\n", 4, 1,
     "duplicate key 'last_reviewed' (first defined at line 3)"),
    ("base: &b x\ntitle: *b\n", 2, 7, "anchors and aliases"),
    # an unclosed bracket: at the '[' (fix19; it was 3:6, where the parser gave up)
    ("tags: [a, b\ntitle: x\n", 2, 7, "invalid YAML"),
    ("- just\n- a list\n", 2, 1, "must be a mapping"),
    ("title: !!python/object x\n", 2, 8, "tag"),
])
def test_cl202_positions(front, line, col, words):
    got = found("---\n" + front + "---\n" + BODY, "CL202")
    assert len(got) == 1, got
    assert got[0][:2] == (line, col)
    assert words in got[0][2]


def test_cl202_unclosed_front_matter_points_at_opening_line():
    got = found("---\ntitle: Migraine\n\n" + BODY, "CL202")
    # fix21: the message names the line where the page's text seems to start
    assert got == [(1, 1, "front matter opened with '---' is never closed (add a "
                          "'---' line before line 4, where the page's text seems to "
                          "start)")]


def test_cl202_invalid_front_matter_gives_no_schema_findings():
    text = "---\ntitle: a: b\n---\n" + BODY
    assert found(text, "CL203") == [] and found(text, "CL205") == []


# -- CL203 with the shipped schema -------------------------------------------------------
PAGE = """---
title: Migraine
type: conditon
last_reviewed: '2026-13-01'
next_review: 20271001
draft: "yes"
evidence:
  - id: smith2020
    year: "2020"
    design: rtc
    certainty: medium
    doi: 10.1000/xyz
---
# Migraine

A headache disorder.
"""


def test_cl203_every_error_kind_at_its_key():
    got = found(PAGE, "CL203")
    assert got == [
        (3, 1, "type: 'conditon' is not one of 'condition', 'symptom', 'therapy', 'test' "
               "(did you mean 'condition'?)"),
        (4, 1, "last_reviewed: '2026-13-01' is not a valid date (YYYY-MM-DD)"),
        (5, 1, "next_review: 20271001 is not a valid date (YYYY-MM-DD)"),
        (6, 1, "draft: 'yes' should be true or false"),
        (9, 5, "evidence[0].year: '2020' should be a whole number"),
        (10, 5, "evidence[0].design: 'rtc' is not one of 'systematic-review', "
                "'meta-analysis', 'rct', 'cohort', 'case-control', 'cross-sectional', "
                "'case-series', 'guideline', 'expert-opinion', 'animal', 'in-vitro' "
                "(did you mean 'rct'?)"),
        (11, 5, "evidence[0].certainty: 'medium' is not one of 'high', 'moderate', 'low', "
                "'very-low'"),
    ]


def test_cl203_missing_required_title_points_at_opening_line():
    got = found("---\ntype: condition\n---\n" + BODY, "CL203")
    assert got == [(1, 1, "missing required key 'title'")]


def test_cl203_unknown_keys_allowed_but_misspellings_reported():
    text = "---\ntitle: x\nlayout: page\nmenu_weight: 3\nlast_reveiwed: 2026-01-01\n---\n" + BODY
    assert found(text, "CL203") == [
        (5, 1, "unknown key 'last_reveiwed'; did you mean 'last_reviewed'?")]


def test_cl203_misspelling_check_can_be_turned_off(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL203:\n    options:\n      suggest-keys: false\n")
    text = "---\ntitle: x\nlast_reveiwed: 2026-01-01\n---\n" + BODY
    assert found(text, "CL203", config=cfg) == []


def test_cl203_leaves_evidence_requirements_to_evidence_rules():
    # An entry without title/year/design/identifier is CL405's to report, not CL203's.
    text = "---\ntitle: x\nevidence:\n  - id: a\n  - note: only a note\n---\n" + BODY
    assert found(text, "CL203") == []


def test_cl203_date_that_is_not_text():
    text = "---\ntitle: x\nlast_reviewed: [2026, 1, 1]\n---\n" + BODY
    assert found(text, "CL203") == [
        (3, 1, "last_reviewed: [2026, 1, 1] is not a valid date (YYYY-MM-DD)")]


# -- CL203 with a publisher's schema -----------------------------------------------------
CLOSED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["title", "owner"],
    "additionalProperties": False,
    "properties": {"title": {"type": "string"}, "owner": {"type": "string"},
                   "last_reviewed": {"type": "string", "format": "date"}},
}


def config_with(tmp_path, schema, mode=None, name="page.schema.json"):
    (tmp_path / name).write_text(schema if isinstance(schema, str) else json.dumps(schema))
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text(f"schema: {name}\n" + (f"schema-mode: {mode}\n" if mode else ""))
    return cfg


def test_replace_schema_forbidding_unknown_keys(tmp_path):
    cfg = config_with(tmp_path, CLOSED)
    text = "---\ntitle: x\nowner: team\ncolour: blue\nsize: 3\n---\n" + BODY
    got = found(text, "CL203", config=cfg)
    assert [(ln, col) for ln, col, _ in got] == [(4, 1), (5, 1)]
    assert got[0][2].startswith("unknown key 'colour' (the schema does not allow")


def test_replace_schema_required_key(tmp_path):
    cfg = config_with(tmp_path, CLOSED)
    got = found("---\ntitle: x\n---\n" + BODY, "CL203", config=cfg)
    assert got == [(1, 1, "missing required key 'owner'")]


def test_extend_schema_keeps_shipped_checks_and_keys(tmp_path):
    cfg = config_with(tmp_path, CLOSED, mode="extend")
    text = "---\ntitle: x\nowner: team\ntype: article\nreviewed_by: Dr X\nteam: y\n---\n" + BODY
    got = found(text, "CL203", config=cfg)
    # shipped enum still checked; shipped keys allowed; the user's closed set holds.
    assert [(ln, col) for ln, col, _ in got] == [(4, 1), (6, 1)]
    assert "'article' is not one of" in got[0][2]
    assert got[1][2].startswith("unknown key 'team'")


def test_extend_schema_resolves_both_schemas_references(tmp_path):
    """Shipped keys defined through $defs (tags, evidence) and a user schema with $defs of
    its own: each part's "#/$defs/..." resolves inside that part (it was a CL901)."""
    user = {"type": "object", "$defs": {"s": {"type": "string"}},
            "properties": {"slug": {"$ref": "#/$defs/s"}}}
    cfg = config_with(tmp_path, user, mode="extend")
    text = "---\ntitle: x\ntags: [1]\nslug: 5\n---\n" + BODY
    got = found(text, "CL203", config=cfg)
    assert [(ln, col) for ln, col, _ in got] == [(3, 1), (4, 1)]
    assert got[0][2] == "tags: should be text or a list of texts"
    assert got[1][2] == "slug: 5 should be text"
    assert found("---\ntitle: x\ntags: [a]\nslug: s\n---\n" + BODY, "CL901", config=cfg) == []


def test_yaml_user_schema(tmp_path):
    cfg = config_with(tmp_path, "type: object\nrequired: [sku]\n", name="s.yaml")
    assert found("---\ntitle: x\n---\n" + BODY, "CL203", config=cfg) == [
        (1, 1, "missing required key 'sku'")]


@pytest.mark.parametrize("schema,words", [
    ('{"type": "object",\n "required": [title]}', "invalid JSON"),
    ('{"type": "objekt"}', "not a valid JSON Schema"),
    ("[1, 2]", "must be a JSON object"),
    # patterns run on RE2 (a catastrophic one used to hang the run on Python's engine)
    ('{"properties": {"title": {"pattern": "^(a+)+$"}}}',
     "/properties/title/pattern: pattern '^(a+)+$' could take exponential time"),
    ('{"properties": {"title": {"pattern": "^(?!x)a"}}}',
     "pattern '^(?!x)a' is not one the linear-time RE2 engine accepts"),
    ('{"patternProperties": {"(x+x+)+y": {}}}', "could take exponential time"),
    # references that do not resolve, or loop (each used to be a CL901 on every page)
    ('{"$ref": "#/definitions/nope"}',
     "/$ref: '#/definitions/nope' does not resolve inside the schema"),
    ('{"$ref": "http://127.0.0.1:9/x.json"}', "(references are never fetched)"),
    ('{"$ref": "#"}', "its references go round in a loop"),
    ('{"properties": {"title": {"allOf": [{"$ref": "#/properties/title"}]}}}',
     "its references go round in a loop"),
    # deeper than the first level (reached only by a page that has a.b: it used to be a
    # CL901 on each such page) and through anyOf, not and $defs
    ('{"properties": {"a": {"properties": {"b": {"$ref": "#/properties/a/properties/b"}}}}}',
     "/properties/a/properties/b: its references go round in a loop"),
    ('{"properties": {"a": {"properties": {"b": {"anyOf": [{"type": "string"}, '
     '{"$ref": "#/$defs/x"}]}}}}, "$defs": {"x": {"not": {"$ref": '
     '"#/properties/a/properties/b"}}}}',
     "/properties/a/properties/b: its references go round in a loop (back to the same "
     "part of the page without descending into it)"),
    ('{"$ref": "#"}', "the schema's root: its references go round in a loop"),
])
def test_bad_user_schema_is_a_config_error(tmp_path, schema, words):
    cfg = config_with(tmp_path, schema)
    with pytest.raises(ConfigError) as exc:
        lint_text("---\ntitle: x\n---\n" + BODY, select=["CL203"], config=cfg)
    assert words in str(exc.value)


def test_bad_user_schema_exits_2_in_the_cli(tmp_path):
    config_with(tmp_path, '{"type": "object",\n "required": [title]}')
    (tmp_path / "page.md").write_text("---\ntitle: x\n---\n" + BODY)
    r = run_cli("check", "--today", TODAY, "page.md", cwd=tmp_path)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "page.schema.json:2:" in err and "invalid JSON" in err
    assert "Traceback" not in err


def test_missing_user_schema_exits_2(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("schema: nowhere.json\n")
    (tmp_path / "page.md").write_text("---\ntitle: x\n---\n" + BODY)
    r = run_cli("check", "page.md", cwd=tmp_path)
    assert r.returncode == 2 and "nowhere.json" in r.stderr.decode()


def test_user_schema_patterns_run_on_re2_and_stay_case_sensitive(tmp_path):
    cfg = config_with(tmp_path, '{"properties": {"slug": {"pattern": "^[a-z-]+$"}}, '
                                '"patternProperties": {"^x-": {"type": "integer"}}}')
    text = "---\ntitle: x\nslug: Bad-Slug\nx-rank: high\n---\n" + BODY
    assert [m for _, _, m in found(text, "CL203", config=cfg)] == [
        "slug: 'Bad-Slug' does not match '^[a-z-]+$'", "x-rank: 'high' should be a whole number"]
    ok = "---\ntitle: x\nslug: good-slug\nx-rank: 3\n---\n" + BODY
    assert found(ok, "CL203", config=cfg) == []
    # a reference that descends into the page is no loop: a tree of nodes, two
    # references to one definition
    for tree in ('{"$defs": {"node": {"properties": {"kids": {"items": {"$ref": '
                 '"#/$defs/node"}}}}}, "$ref": "#/$defs/node"}',
                 '{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"}}, '
                 '"properties": {"title": {"$ref": "#/$defs/a"}, '
                 '"slug": {"$ref": "#/$defs/a"}}}'):
        cfg = config_with(tmp_path, tree)
        assert found("---\ntitle: x\nkids: [{kids: []}]\n---\n" + BODY, "CL203",
                     config=cfg) == []
    cfg = config_with(tmp_path, '{"$defs": {"t": {"type": "string"}}, '
                                '"properties": {"title": {"$ref": "#/$defs/t"}}}')
    assert found("---\ntitle: 5\n---\n" + BODY, "CL203", config=cfg) == [
        (2, 1, "title: 5 should be text")]


def test_an_empty_date_and_a_one_month_limit_read_plainly(tmp_path):
    # "None is not a valid date" and "more than 1 months" were the messages
    from conditionlint.api import lint_text

    # (an empty last_reviewed is CL205's, missing review metadata: one finding)
    empty = "---\ntitle: X\nreviewed_by: Dr A\nlast_reviewed: 2026-01-01\nnext_review: ~\n---\n# X\n"
    assert [(f.line, f.message) for f in lint_text(empty, select=["CL203"])] == [
        (5, "next_review: is empty: give a date (YYYY-MM-DD)")]
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL204:\n    options:\n      max-age-months: 1\n", "utf-8")
    old = "---\ntitle: X\nreviewed_by: Dr A\nlast_reviewed: 2026-01-01\n---\n# X\n"
    got = lint_text(old, select=["CL204"], today="2026-11-30", config=cfg)
    assert [f.message for f in got] == [
        "review overdue: last_reviewed 2026-01-01 is more than 1 month before today "
        "(2026-11-30)"]
