"""Fix session 21: an unclosed front matter, bracketed numbers that are not citations,
CL104 headings as a reader sees them, config locations, empty review dates, double
findings, carers' urgent-care advice, --watch and plugins, pre-commit args."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import TODAY


def codes(text: str, select=None, config=None):
    return [(f.code, f.line) for f in
            lint_text(text, select=list(select) if select else None, today=TODAY,
                      config=config)]


def found(text: str, select, config=None):
    return [(f.code, f.line, f.column, f.message) for f in
            lint_text(text, select=list(select), today=TODAY, config=config)]


# -- 1. an unclosed front matter keeps its body ----------------------------------------
_BODY = """# Back pain

Back pain is common and usually gets better within a few weeks.

## Symptoms

- Pain in the lower back.

## Treatment

Rest and gentle movement are often advised.
"""
_UNCLOSED = "---\ntitle: Back pain\nlast_reviewed: 2026-10-01\n"


@pytest.mark.parametrize("between", ["", "\n", "\n\n"])
def test_unclosed_front_matter_keeps_title_and_sections(between):
    text = _UNCLOSED + between + _BODY
    got = codes(text, ["CL101", "CL102", "CL105", "CL202"])
    assert [c for c, _ in got if c != "CL102"] == ["CL202"], got
    # the recommended sections missing from this body are still reported, at the H1
    assert {ln for c, ln in got if c == "CL102"} == {4 + len(between)}
    msg = found(text, ["CL202"])[0][3]
    assert f"before line {4 + len(between)}," in msg


def test_unclosed_front_matter_body_starting_with_prose():
    text = "---\r\ntitle: X\r\n\r\nSome prose here.\r\n"
    assert found(text, ["CL202"]) == [
        ("CL202", 1, 1, "front matter opened with '---' is never closed (add a '---' "
                        "line before line 4, where the page's text seems to start)")]


def test_unclosed_front_matter_comment_inside_the_yaml_is_not_the_body():
    # '# a comment' is followed by a key: still YAML; the block runs to the end
    text = "---\ntitle: X\n# a comment\nreviewed_by: Y\n"
    assert found(text, ["CL202"]) == [
        ("CL202", 1, 1, "front matter opened with '---' is never closed "
                        "(add a '---' line after it)")]


def test_unclosed_front_matter_citations_are_not_also_unknown():
    text = ("---\ntitle: Back pain\nevidence:\n  - id: vickers2018\n    year: 2018\n"
            "# Back pain\n\nAcupuncture may ease back pain [@vickers2018].\n")
    assert codes(text, ["CL202", "CL403"]) == [("CL202", 1)]


# -- 2. a bracketed number in an instruction is not a citation -------------------------
_REFS = ("\n\n## References\n\n1. Vickers AJ, et al. Acupuncture for chronic pain. "
         "J Pain. 2018. doi:10.1016/j.jpain.2017.11.005\n")


@pytest.mark.parametrize("sentence", [
    "Press [2] on the keypad.",
    "To book, press [2].",
    "Choose option [3] for the nurse.",
    "Go to step [4] when the pain eases.",
    "Dial [9] for an outside line.",
    "Hold the [5] button until it beeps.",
    "Push the [5] key twice.",
    "Rate your pain on a scale of [0-10].",
])
def test_instruction_numbers_are_not_citations(sentence):
    page = "# Back pain\n\nAcupuncture may ease back pain [1].\n\n" + sentence + _REFS
    assert codes(page, ["CL403"]) == []


@pytest.mark.parametrize("sentence", [
    "Acupuncture may ease back pain [2].",
    "Acupuncture may ease back pain [2] in some people.",
    "Acupuncture eases back pain.[2]",
])
def test_claim_markers_are_still_checked(sentence):
    page = "# Back pain\n\nAcupuncture may ease back pain [1].\n\n" + sentence + _REFS
    assert codes(page, ["CL403"]) == [("CL403", 5)]


# -- 3. CL104 compares and shows headings as a reader sees them -------------------------
_SECTIONS = ("# Migraine\n\nA headache disorder.\n\n## Symptoms\n\nPain.\n\n## Causes\n\n"
             "Unknown.\n\n## Symptoms & signs\n\nAura.\n\n")


@pytest.mark.parametrize("heading, shown, first", [
    ("## Symptoms&nbsp;", "Symptoms", 5),
    ("## Symptoms&#160;", "Symptoms", 5),
    ("## Symptoms\u00a0", "Symptoms", 5),
    ("## Causes <!-- todo -->", "Causes", 9),
    ("## Symptoms &amp; signs", "Symptoms & signs", 13),
])
def test_cl104_entities_and_comments(heading, shown, first):
    got = found(_SECTIONS + heading + "\n\nMore.\n", ["CL104"])
    assert [g[3] for g in got] == [f"duplicate section '{shown}' (first at line {first})"]


def test_cl103_shows_the_heading_without_its_comment():
    got = found("# Migraine\n\nA headache disorder.\n\n## Causes <!-- todo -->\n\n"
                "## Symptoms\n\nPain.\n", ["CL103"])
    assert [g[3] for g in got] == ["section 'Causes' is empty"]


# -- 4. a TOML config's unknown key inside an inline table is located at itself -------
@pytest.mark.parametrize("toml, line, col, words", [
    ('[tool.conditionlint]\nselect = ["CL4"]\nrules = { CL401 = { severty = "warning" } }\n',
     3, 21, "unknown key 'severty' in rules.CL401"),
    ('[tool.conditionlint]\nrules.CL401 = { severity = "warning", options = { colour = 1 } }\n',
     2, 51, "unknown key 'colour'"),
    ('[tool.conditionlint.rules]\nCL401 = { severity = "warning" }\n'
     'CL402 = { severty = "warning" }\n', 3, 11, "unknown key 'severty' in rules.CL402"),
    ('[tool.conditionlint]\nrules = { CL401 = "warning", CL40l = "off" }\n',
     2, 30, "unknown rule 'CL40l'"),
])
def test_toml_inline_table_keys_are_located_exactly(tmp_path, toml, line, col, words):
    from conditionlint.config import ConfigError, load_config
    from conditionlint.registry import build

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n\n" + toml)
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "pyproject.toml", build(plugins=False))
    assert (info.value.line, info.value.column) == (line + 3, col)
    assert words in info.value.message


# -- 5. an empty list or mapping for last_reviewed is a type error, not missing ---------
def _review_page(last: str, by: str = "Dr A. Example, MB ChB") -> str:
    return (f"---\ntitle: M\nreviewed_by: {by}\nlast_reviewed: {last}\n"
            "next_review: 2027-10-01\n---\n# M\n\nA headache.\n")


@pytest.mark.parametrize("value", ["[]", "{}", "['']"])
def test_last_reviewed_of_the_wrong_type_is_cl203_once(value):
    got = found(_review_page(value), ["CL203", "CL205"])
    assert [(g[0], g[1]) for g in got] == [("CL203", 4)]
    assert "is not a valid date" in got[0][3]


@pytest.mark.parametrize("last, by", [("''", "Dr A"), ("~", "Dr A"),
                                      ("2026-10-01", "[]"), ("2026-10-01", "['']")])
def test_empty_review_values_stay_cl205(last, by):
    assert codes(_review_page(last, by), ["CL203", "CL205"]) == [("CL205", 1)]


# -- 6. a publisher's schema and CL205/CL405: one finding for one mistake ---------------
_PUB_SCHEMA = """{"$schema": "https://json-schema.org/draft/2020-12/schema",
 "type": "object", "required": ["title", "reviewed_by"],
 "properties": {"title": {"type": "string"},
   "reviewed_by": {"type": "string", "minLength": 1},
   "evidence": {"type": "array", "items": {"type": "object", "required": ["id", "doi"],
      "properties": {"doi": {"type": "string", "minLength": 1}}}}}}
"""


def _pub_config(tmp_path, mode="replace"):
    (tmp_path / "s.json").write_text(_PUB_SCHEMA)
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text(f"schema: s.json\nschema-mode: {mode}\n")
    return cfg


def _pub_page(reviewed: str, entries: str) -> str:
    return (f"---\ntitle: M\n{reviewed}last_reviewed: 2026-10-01\nevidence:\n{entries}"
            "---\n# M\n\nA headache [@a2018].\n")


_ENTRY = '  - id: a2018\n    title: "A trial"\n    year: 2018\n    design: rct\n'


@pytest.mark.parametrize("mode", ["replace", "extend"])
@pytest.mark.parametrize("reviewed, line, words", [
    ('reviewed_by: ""\n', 3, "reviewed_by: should not be empty"),
    ("", 1, "missing required key 'reviewed_by'"),
])
def test_publisher_required_reviewer_is_cl203_alone(tmp_path, mode, reviewed, line, words):
    cfg = _pub_config(tmp_path, mode)
    page = _pub_page(reviewed, _ENTRY + '    doi: "10.1000/xyz1"\n')
    got = found(page, ["CL203", "CL205"], config=cfg)
    assert [(g[0], g[1], g[3]) for g in got] == [("CL203", line, words)]


def test_blank_reviewer_the_publisher_allows_is_cl205(tmp_path):
    cfg = _pub_config(tmp_path)
    page = _pub_page('reviewed_by: "  "\n', _ENTRY + '    doi: "10.1000/xyz1"\n')
    assert codes(page, ["CL203", "CL205"], config=cfg) == [("CL205", 1)]


@pytest.mark.parametrize("extra", ["", '    doi: ""\n'])
def test_publisher_required_doi_in_entry_without_identifier_is_cl405_alone(tmp_path, extra):
    cfg = _pub_config(tmp_path)
    page = _pub_page("reviewed_by: Dr A\n", _ENTRY + extra)
    got = found(page, ["CL203", "CL405"], config=cfg)
    assert [(g[0], g[1]) for g in got] == [("CL405", 6)]
    assert "has no identifier" in got[0][3]


def test_publisher_required_doi_beside_a_pmid_is_cl203(tmp_path):
    cfg = _pub_config(tmp_path)
    page = _pub_page("reviewed_by: Dr A\n", _ENTRY + '    pmid: "12345678"\n')
    assert [(g[0], g[3]) for g in found(page, ["CL203", "CL405"], config=cfg)] == [
        ("CL203", "missing required key 'doi' in evidence[0]")]


# -- 7. CL503: advice to a carer in the third person counts ----------------------------
def _urgent(sentence: str) -> str:
    return ("---\ntitle: M\n---\n# M\n\nA headache.\n\n## When to get urgent help\n\n"
            + sentence + "\n")


@pytest.mark.parametrize("sentence", [
    "Parents should take their child to A&E straight away if they have a fit.",
    "Parents should take their baby to A&E straight away if they are floppy.",
    "The carer should take the person to A&E if they collapse.",
    "Carers should bring the person to the emergency department if they collapse.",
    "A parent or carer should call 999 if the child has a fit.",
    "Guardians should call 999 if the child stops breathing.",
    "Take your child to A&E if they stop breathing.",
    "Carers should call 999 if the person collapses.",
])
def test_cl503_carer_advice_counts(sentence):
    assert codes(_urgent(sentence), ["CL503"]) == []


@pytest.mark.parametrize("sentence", [
    "A&E departments are busy in winter.",
    "Many parents take their child to A&E with minor illnesses.",
    "Parents often take their children to A&E.",
    "Parents who took their child to A&E waited four hours.",
    "Carers took the person to A&E last year.",
    "Carers should not take the person to A&E unless told to.",
])
def test_cl503_mentions_stay_non_advice(sentence):
    assert codes(_urgent(sentence), ["CL503"]) == [("CL503", 8)]


# -- 8. --watch sees an edit to a plugin installed as a package ------------------------
_PLUGIN = '''
from conditionlint.model import Problem
from conditionlint.registry import rule

WORD = "{word}"


@rule(code="CX901", name="no-word", summary="No word.", severity="warning")
def no_word(doc, options):
    """No word.

    ## Why

    Test.

    ## Fix

    Remove it.
    """
    i = doc.text.find(WORD)
    if i >= 0:
        yield Problem(i, i + len(WORD), "found " + WORD)
'''


def _fake_plugin(tmp_path, word: str):
    site = tmp_path / "site"
    (site / "watch_plugin").mkdir(parents=True)
    (site / "watch_plugin" / "__init__.py").write_text("from watch_plugin.rules import *\n")
    (site / "watch_plugin" / "rules.py").write_text(_PLUGIN.replace("{word}", word))
    info = site / "watch_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: watch-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[conditionlint.rules]\nw = watch_plugin.rules\n")
    return site


def test_watcher_lists_plugin_sources(tmp_path, monkeypatch):
    import sys

    from conditionlint.watch import Watcher

    site = _fake_plugin(tmp_path, "TODO")
    monkeypatch.syspath_prepend(str(site))
    page = tmp_path / "p.md"
    page.write_text("# T\n\nText.\n")
    w = Watcher([str(page)])
    assert str(site / "watch_plugin" / "rules.py") in w.plugins
    assert str(site / "watch_plugin" / "__init__.py") in w.plugins
    assert w.changed() == []
    (site / "watch_plugin" / "rules.py").write_text(_PLUGIN.replace("{word}", "FIXME"))
    changed = w.changed()
    assert changed == [str(site / "watch_plugin" / "rules.py")]
    assert w.plugin_changed(changed)
    sys.modules.pop("watch_plugin", None)
    sys.modules.pop("watch_plugin.rules", None)


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="SIGINT to a child")
def test_watch_reads_an_edited_plugin_again(tmp_path, monkeypatch):
    import os
    import time

    from tests.test_integrations_watch import _wait_for, _watching

    site = _fake_plugin(tmp_path, "TODO")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site),
                                                      os.environ.get("PYTHONPATH", "")]))
    (tmp_path / "p.md").write_text("# T\n\nA TODO and a FIXME.\n")
    with _watching(tmp_path, "--select", "CX901", "--no-cache", "p.md") as (out_q, err_q):
        assert "found TODO" in _wait_for(out_q, "Found 1")
        _wait_for(err_q, "watching for changes")
        time.sleep(1.1)  # a new second: Python's cached bytecode is keyed on the mtime
        (site / "watch_plugin" / "rules.py").write_text(_PLUGIN.replace("{word}", "FIXME"))
        assert "found FIXME" in _wait_for(out_q, "Found 1")
        assert "rules.py" in _wait_for(err_q, "checking again")


# -- 9. pre-commit args need no closing "--" ---------------------------------------------
def test_hook_args_moves_option_like_pages_after_dashes(tmp_path, monkeypatch):
    from conditionlint.cli import hook_args

    monkeypatch.chdir(tmp_path)
    (tmp_path / "-oREADME.md").write_text("# T\n")
    (tmp_path / "a.md").write_text("# A\n")
    assert hook_args(["check", "--pre-commit", "--fail-on", "warning", "-oREADME.md",
                      "a.md"]) == ["check", "--fail-on", "warning", "a.md", "--",
                                   "-oREADME.md"]
    # user args ending with "--" still work, and nothing after "--" moves
    assert hook_args(["check", "--pre-commit", "--", "-oREADME.md", "a.md"]) == [
        "check", "--", "-oREADME.md", "a.md"]
    # an option that is no existing file stays an option; without the flag nothing moves
    assert hook_args(["check", "--pre-commit", "-oreport.md", "a.md"]) == [
        "check", "-oreport.md", "a.md"]
    assert hook_args(["check", "-oREADME.md", "a.md"]) == ["check", "-oREADME.md", "a.md"]


def test_pre_commit_entry_without_dashes_keeps_a_page_named_like_an_option(tmp_path):
    from tests.conftest import run_cli

    (tmp_path / "README.md").write_text("# R\n\nok\n")
    (tmp_path / "-oREADME.md").write_text("# T\n\nx \u0e42\u20ac\u201d y\n", "utf-8")
    before = (tmp_path / "README.md").read_bytes()
    r = run_cli("check", "--pre-commit", "--force-exclude", "--output-format", "concise",
                "--select", "CL3", "--no-cache", "--fail-on", "warning", "-oREADME.md",
                "README.md", cwd=tmp_path)
    assert (tmp_path / "README.md").read_bytes() == before
    assert b"-oREADME.md:3:3: CL301 [error]" in r.stdout, r.stdout + r.stderr
    assert r.returncode == 1
