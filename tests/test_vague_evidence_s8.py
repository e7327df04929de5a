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
    ("Health officials say that most people recover.", 1, "Health officials say"),
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


# Ninth session, after an independent review of the families above: "officials" only in
# health, a follow-up only with a result after it, the label only for a named profession
# and not before a narrative clause, the place slot for every plural profession, and
# "agree to"/"advise on" (a deal or a service, not an endorsement) quiet.
@pytest.mark.parametrize(("body", "col", "phrase"), [
    ("Public health officials warn that vaping harms the lungs.", 1,
     "Public health officials warn"),
    ("Government officials now recommend two doses.", 1,
     "Government officials now recommend"),
    ("Doctors across the country recommend this cream.", 1,
     "Doctors across the country recommend"),
    ("Dermatologists nationwide recommend this cream.", 1,
     "Dermatologists nationwide recommend"),
    ("Doctor-recommended and made with gentle ingredients.", 1, "Doctor-recommended"),
    ("Midwife recommended and made with gentle ingredients.", 1, "Midwife recommended"),
    ("Dermatologist recommended for sensitive skin.", 1, "Dermatologist recommended"),
    ("In our 12-month follow-up, 92% of clients felt calmer.", 1,
     "In our 12-month follow-up"),
    ("Made with clinically-proven ingredients.", 11, "clinically-proven"),
    ("Made with scientifically researched botanicals.", 11, "scientifically researched"),
])
def test_review_mends_still_catch(body, col, phrase):
    assert _cl402(body) == [(3, col, phrase)]


@pytest.mark.parametrize("body", [
    "Officials say the clinic will reopen on Monday.",
    "Hospital officials say visiting hours will change from 1 March.",
    "Our officials recommend that you arrive 15 minutes before your appointment.",
    "In our follow-up clinic, a nurse checks your wound.",
    "Your results will be discussed in our follow-up appointment.",
    "Our follow-up shows you how to continue the exercises at home.",
    "Editor recommended, these are our top picks for spring.",
    "Sponsor endorsed, this event is free to attend.",
    "Therapist recommended, so I booked six sessions.",
    "Doctor recommended, I rested for two weeks.",
    "Nurses across the country agree to strike action over pay.",
    "Pharmacists across the UK advise on minor illnesses without an appointment.",
    "Surgeons across the country advise the health minister on waiting lists.",
])
def test_review_look_alikes_stay_quiet(body):
    assert _cl402(body) == []
