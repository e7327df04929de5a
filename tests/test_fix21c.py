"""Fix session 21c (an outside audit): body review lines that open with "Reviewed on",
malformed PMCIDs/PMIDs in links, future publication years in reference items, citation
ranges, duplicate footnotes and reference numbers."""

from __future__ import annotations

import datetime as _dt

import pytest

from conditionlint.api import lint_text

TODAY = _dt.date(2026, 12, 1)


def found(text: str, select, config=None):
    return [(f.code, f.line, f.column, f.message) for f in
            lint_text(text, select=list(select), today=TODAY, config=config)]


# -- 3. CL206 reads the "Reviewed on DATE" line CL204/CL205 read -------------------------
_REVIEW = ("---\ntitle: Back pain\nreviewed_by: Dr A\n---\n\n# Back pain\n\n"
           "Back pain is common.\n\n{line}\n")
_REVIEW_RULES = ["CL204", "CL205", "CL206"]


@pytest.mark.parametrize("line", [
    "*Reviewed on 3 December 2027*",
    "Reviewed on 3 December 2027",
    "_Updated 3 December 2027_",
    "> Reviewed 3 December 2027",
    "*Reviewed by Dr A on 3 December 2027*",
])
def test_future_review_line_is_cl206(line):
    got = found(_REVIEW.format(line=line), _REVIEW_RULES)
    assert [(c, ln) for c, ln, _, _ in got] == [("CL206", 10)], got
    assert "2027-12-03, which is in the future" in got[0][3]


def test_past_review_line_is_still_cl204_only():
    got = found(_REVIEW.format(line="*Reviewed on 3 December 2010*"), _REVIEW_RULES)
    assert [(c, ln) for c, ln, _, _ in got] == [("CL204", 10)], got


@pytest.mark.parametrize("line", [
    "The national guideline was updated on 3 December 2027.",
    "*Reviewed on 1 December 2026*",
    "This page will be updated 3 December 2027.",
])
def test_prose_or_current_review_line_is_not_cl206(line):
    got = found(_REVIEW.format(line=line), ["CL206"])
    assert got == [], got
