"""CL401's options: ``not-claims`` (house wording never reported) and ``extra-cues``
(a site's own claim wording), through the API and the CLI, with RE2-refused patterns
and bad types as configuration errors (exit 2, file, line and column)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conditionlint.api import lint_text
from conditionlint.cli import main

pytestmark = pytest.mark.usefixtures("rules_alone")

PAGE = """# Lymph congestion

## Treatment

Our clinic is proven to help thousands of people every year.

Cupping is our answer to qi stagnation.

Acupuncture reduces pain.

Cupping is our answer to qi stagnation, as one trial found.[^1]

## Our answer to qi stagnation

[^1]: Smith J, Jones K. Cupping in practice. BMJ. 2020;1:1. doi:10.1136/bmj.m1
"""

PROVEN = (5, 1, 61, "efficacy claim ('proven') cites no evidence entry")
REDUCES = (9, 1, 26, "efficacy claim ('reduces') cites no evidence entry")


def _cl401(tmp_path: Path, options: str) -> list[tuple[int, int, int, str]]:
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL401:\n    options:\n" + options, encoding="utf-8")
    return [(f.line, f.column, f.end_column, f.message)
            for f in lint_text(PAGE, select=["CL401"], config=cfg)]


def test_without_options_the_detector_decides(tmp_path):
    assert _cl401(tmp_path, "      not-claims: []\n") == [PROVEN, REDUCES]


def test_not_claims_silences_matching_sentences_only(tmp_path):
    assert _cl401(tmp_path, "      not-claims: ['^our clinic (?:is|has)\\b']\n") == [REDUCES]


def test_extra_cue_reports_uncited_prose_of_its_type(tmp_path):
    found = _cl401(tmp_path, "      extra-cues:\n"
                             "        - {pattern: 'answer to qi stagnation', type: efficacy}\n")
    # not the cited sentence (line 11), nor the heading (line 13)
    assert found == [
        PROVEN,
        (7, 1, 40, "efficacy claim ('answer to qi stagnation') cites no evidence entry "
                   "(your extra cue)"),
        REDUCES,
    ]


def test_extra_cue_never_doubles_a_claim_and_yields_to_not_claims(tmp_path):
    found = _cl401(tmp_path, "      not-claims: ['is our answer']\n"
                             "      extra-cues:\n"
                             "        - {pattern: 'reduces|qi stagnation', type: mechanism}\n")
    assert found == [PROVEN, REDUCES]


@pytest.mark.parametrize("options, line, col, says", [
    # (the place of the item's "pattern" key; of the list item; of the bad value)
    ("      extra-cues:\n        - {pattern: '(?<=x)detox', type: efficacy}\n", 5, 12,
     "'(?<=x)detox' is not a pattern the linear-time RE2 engine accepts"),
    ("      not-claims: [ok, '(a)\\1']\n", 4, 24,
     "'(a)\\\\1' is not a pattern the linear-time RE2 engine accepts"),
    ("      extra-cues:\n        - {pattern: detox, type: cure}\n", 5, 28,
     "'cure' is not one of"),
])
def test_a_bad_option_is_a_config_error_with_its_place(tmp_path, options, line, col, says):
    (tmp_path / ".conditionlint.yaml").write_text(
        "rules:\n  CL401:\n    options:\n" + options, encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", str(tmp_path / "page.md")])
    assert result.exit_code == 2
    assert f".conditionlint.yaml:{line}:{col}: CL401 unsupported-claim options:" in result.output
    assert says in result.output
    assert "Traceback" not in result.output


# -- review 21 mends (D9-D12) -----------------------------------------------------------
def test_not_claims_patterns_run_one_by_one(tmp_path):
    # D9: 64 patterns RE2 takes one by one but not joined into one alternation
    many = "".join(f"        - '\\w{{1,1000}}q{i}'\n" for i in range(64))
    assert _cl401(tmp_path, "      not-claims:\n" + many) == [PROVEN, REDUCES]


def test_an_empty_match_silences_nothing(tmp_path):
    # D10: "x*" or "cures|" match the empty string everywhere
    assert _cl401(tmp_path, "      not-claims: ['x*', 'cures|']\n") == [PROVEN, REDUCES]


def test_not_claims_reads_the_words_without_markup(tmp_path):
    # D11: "Our **clinic is proven** to help" is matched as "Our clinic is proven to help"
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL401:\n    options:\n"
                   "      not-claims: ['our clinic is proven to help']\n", encoding="utf-8")
    page = PAGE.replace("Our clinic is proven to help", "Our **clinic is proven** to help")
    assert [(f.line, f.message) for f in lint_text(page, select=["CL401"], config=cfg)] == [
        (9, REDUCES[3])]


def test_extra_cues_skip_questions_denials_and_the_disclaimer(tmp_path):
    # D12: the detector's exclusions and negation apply to a site's own cues too
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL401:\n    options:\n      extra-cues:\n"
                   "        - {pattern: 'aligns? your chakras', type: mechanism}\n",
                   encoding="utf-8")
    page = ("# Reiki\n\n## Treatment\n\nDoes reiki align your chakras?\n\n"
            "Reiki does not align your chakras.\n\n"
            "We make no claim that reiki aligns your chakras.\n\n"
            "Our reiki is the way to align your chakras.\n\n"
            "## Disclaimer\n\nReiki is said to align your chakras.\n")
    assert [(f.line, f.message) for f in lint_text(page, select=["CL401"], config=cfg)] == [
        (11, "mechanism claim ('align your chakras') cites no evidence entry "
             "(your extra cue)")]


FM_PAGE = """---
title: Lymph congestion
description: "Our clinic is the answer to qi stagnation. Book today."
summary: >
  Cupping is our answer to qi stagnation
  in one visit.
---
# Lymph congestion

Cupping is offered on Mondays.
"""


def test_extra_cues_read_front_matter_strings(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL401:\n    options:\n      extra-cues:\n"
                   "        - {pattern: 'answer to qi stagnation', type: efficacy}\n",
                   encoding="utf-8")
    assert lint_text(FM_PAGE, select=["CL401"]) == []  # the detector alone: nothing
    found = [(f.line, f.column, f.end_line, f.end_column, f.message)
             for f in lint_text(FM_PAGE, select=["CL401"], config=cfg)]
    msg = "efficacy claim ('answer to qi stagnation') cites no evidence entry (your extra cue)"
    # the plain scalar's sentence exactly; a folded scalar at its whole value, as the
    # detector locates it
    assert found[0] == (3, 15, 3, 57, msg)
    assert found[1][:2] == (4, 10) and found[1][4] == msg
    assert len(found) == 2
    # not-claims silences a front-matter match too
    cfg.write_text("rules:\n  CL401:\n    options:\n      not-claims: ['our clinic']\n"
                   "      extra-cues:\n"
                   "        - {pattern: 'answer to qi stagnation', type: efficacy}\n",
                   encoding="utf-8")
    assert [f.line for f in lint_text(FM_PAGE, select=["CL401"], config=cfg)] == [4]


def test_an_extra_cue_in_a_folded_value_is_reported_beside_the_detectors_claim(tmp_path):
    # review 22, D13: both are located at the whole folded value; the detector's claim
    # on one sentence does not hide the site's cue on another
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text("rules:\n  CL401:\n    options:\n      extra-cues:\n"
                   "        - {pattern: 'third eye|astral body', type: mechanism}\n",
                   encoding="utf-8")
    page = ("---\ndescription: >\n  Reiki cures anxiety.\n  It is a path to the third eye.\n"
            "---\n# Reiki\n\nReiki is a Japanese practice.\n")
    assert [(f.line, f.column, f.message) for f in lint_text(page, select=["CL401"],
                                                             config=cfg)] == [
        (2, 14, "efficacy claim ('cures') cites no evidence entry"),
        (2, 14, "mechanism claim ('third eye') cites no evidence entry (your extra cue)"),
    ]
