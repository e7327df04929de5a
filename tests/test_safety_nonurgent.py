"""Routine advice is not urgent-care advice (CL503)."""

from __future__ import annotations

from conditionlint.api import lint_text

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
