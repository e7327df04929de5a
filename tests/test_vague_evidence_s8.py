"""CL402 families added in the eighth session, from blind24 and blind25's misses (now
seen): each pinned with its position and message, and next to a look-alike that names
no source and stays quiet."""

from __future__ import annotations

import pytest

from conditionlint.api import lint_text


def _cl402(body: str) -> list[tuple[int, int, str]]:
    page = "# Widget syndrome\n\n" + body + "\n"
    return [(f.line, f.column, f.message.split("'")[1])
            for f in lint_text(page, select=["CL402"], today="2026-11-29")]


@pytest.mark.parametrize(("body", "col", "phrase"), [
    ("Made with clinically studied ingredients.", 11, "clinically studied"),
    ("Health officials say that most people recover.", 8, "officials say"),
    ("Plastic surgeons across the country now recommend arnica.", 9,
     "surgeons across the country now recommend"),
    ("Pediatrician recommended and made with gentle ingredients.", 1,
     "Pediatrician recommended"),
    ("In our own client follow-up, most people felt calmer.", 1,
     "In our own client follow-up"),
])
def test_new_vague_families(body, col, phrase):
    assert _cl402(body) == [(3, col, phrase)]


@pytest.mark.parametrize("body", [
    "The doctor recommended rest and fluids.",        # a past event, not an endorsement
    "Doctor recommended rest, so I stayed home.",     # (no label: a sentence with a verb)
    "Pharmacist-approved formula, £9.99.",            # blind9 call: labelled neither
    "We book a follow-up call after your first session.",
    "Surgeons in the clinic recommend it.",           # a place is not "across the country"
])
def test_look_alikes_stay_quiet(body):
    assert _cl402(body) == []
