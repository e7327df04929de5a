"""Routine advice is not urgent-care advice (CL503)."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text
from tests.conftest import run_cli

PAGE = "# Mouth ulcers\n\nSmall sores in the mouth.\n\n"


def codes(text):
    return [(f.code, f.line) for f in lint_text(text, select=["CL503"])]


def test_non_urgent_gp_advice_does_not_count():
    page = PAGE + "Non-urgent advice: See a dentist or GP if:\n\n- it lasts 3 weeks\n"
    assert codes(page) == [("CL503", 1)]
    headed = PAGE + "## Non-urgent advice: See a GP if\n\n- it lasts 3 weeks\n"
    assert codes(headed) == [("CL503", 1)]


def test_urgent_advice_still_counts():
    page = PAGE + "Ask for an urgent GP appointment if the ulcer bleeds.\n"
    assert codes(page) == []
    page = PAGE + "## Immediate action required: Call 999 if\n\n- you cannot breathe\n"
    assert codes(page) == []


STRICT = "rules:\n  CL503:\n    options:\n      routine-advice-counts: false\n"
ROUTINE = PAGE + ("## When to see a GP\n\n"
                  "See a GP if the ulcer has not healed after 3 weeks.\n")


def test_routine_gp_section_counts_by_default_as_issue_5_words_it():
    assert codes(ROUTINE) == []


def test_strict_option_reports_routine_advice_at_its_heading(tmp_path):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text(STRICT)
    (f,) = lint_text(ROUTINE, select=["CL503"], config=cfg)
    assert (f.code, f.line, f.column, f.end_line, f.end_column) == ("CL503", 5, 4, 5, 20)
    assert f.message == ("section 'When to see a GP' gives routine advice only: say when "
                         "help is urgent and what to do then (e.g. 'call 999/911 or go to "
                         "A&E if ...', 'see a GP urgently if ...')")


@pytest.mark.parametrize("section", [
    # urgency paired with the action, in the same block
    "## When to see a GP\n\nSee a GP straight away if the ulcer bleeds.\n",
    # an emergency action in the section
    "## When to see a doctor\n\nIf you cannot swallow, go to A&E.\n",
    # a heading that itself says the help is urgent accepts a plain action
    "## When to get urgent help\n\nSee a GP if the ulcer bleeds.\n",
    "## Red flags\n\nContact your doctor if you lose weight without trying.\n",
    # scraped: the heading is a short line of its own
    "When to see a doctor\n\nSee a doctor right away if the ulcer bleeds.\n",
])
def test_strict_option_still_accepts_urgent_advice(tmp_path, section):
    cfg = tmp_path / ".conditionlint.yaml"
    cfg.write_text(STRICT)
    assert lint_text(PAGE + section, select=["CL503"], config=cfg) == []


def test_strict_option_through_the_cli(tmp_path):
    (tmp_path / ".conditionlint.yaml").write_text(STRICT)
    (tmp_path / "ulcers.md").write_text(ROUTINE, encoding="utf-8")
    r = run_cli("check", "--select", "CL503", "--no-cache", "--output-format", "concise",
                "ulcers.md", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stdout.decode().splitlines()[0] == (
        "ulcers.md:5:4: CL503 [error] section 'When to see a GP' gives routine advice "
        "only: say when help is urgent and what to do then (e.g. 'call 999/911 or go to "
        "A&E if ...', 'see a GP urgently if ...')")


@pytest.mark.parametrize("heading", ["When to get urgent help", "When to seek urgent help",
                                     "When to get medical help",
                                     "When should I seek emergency care?"])
def test_a_when_heading_over_bare_warning_signs_says_nothing_to_do(heading):
    # the heading's own words ("get urgent help") counted as the action, so a list of
    # warning signs with nothing to do passed
    page = f"# Back pain\n\nBack pain is common.\n\n## {heading}\n\n- numbness around " \
           "your bottom\n- loss of bladder control\n"
    got = lint_text(page, select=["CL503"])
    assert [(f.code, f.line, f.column, f.message) for f in got] == [
        ("CL503", 5, 4, f"section '{heading}' does not say what to do: add an action such "
                        "as 'call 999/911', 'go to A&E or the emergency department' or "
                        "'see a GP urgently'")]
    said = page.replace("- numbness", "Call 999 if you have:\n\n- numbness")
    assert lint_text(said, select=["CL503"]) == []


@pytest.mark.parametrize("heading", ["Seek emergency care if you have", "Call 999 if"])
def test_a_heading_that_says_what_to_do_is_the_action(heading):
    page = f"# Back pain\n\nBack pain is common.\n\n## {heading}\n\n- numbness around " \
           "your bottom\n"
    assert lint_text(page, select=["CL503"]) == []
