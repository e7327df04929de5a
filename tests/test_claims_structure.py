"""Structural claim detection (claimstructure.py): open-ended clinic wording is found
by the parts of a claim, not by listed phrases; non-claims built from the same words
are not."""

from __future__ import annotations

import pytest

from conditionlint import claimstructure as cs
from conditionlint.api import lint_text

TODAY = "2026-11-29"


def cl401(page: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message)
            for f in lint_text(page, select=["CL401"], today=TODAY)]


@pytest.mark.parametrize("verb,forms", [
    ("reduce", ["reduce", "reduces", "reduced", "reducing"]),
    ("ease", ["ease", "eases", "eased", "easing"]),
    ("quieten", ["quieten", "quietens", "quietened", "quietening"]),
    ("cut", ["cut", "cuts", "cutted", "cutting"]),  # "cutted" is never in text: harmless
    ("ditch", ["ditch", "ditches", "ditched", "ditching"]),
    ("banish", ["banish", "banishes", "banished", "banishing"]),
    ("remedy", ["remedy", "remedies", "remedied", "remedying"]),
    ("stop", ["stop", "stops", "stopped", "stopping"]),
])
def test_inflect(verb, forms):
    assert cs.inflect(verb) == forms


@pytest.mark.parametrize("sentence,cue", [
    # wording no cue pattern lists: an effect verb with a treatment or testimonial subject
    ("Our retraining sessions quieten the ringing for good.", "quieten"),
    ("Thousands of happy customers have ditched their sleeping tablets.", "ditched"),
    ("Sage tablets switch off night sweats for good.", "switch off"),
    ("Regular visits keep anxiety at bay.", "at bay"),
    ("Pair it with our posture classes and the pain stays away.", "stays away"),
    ("Our turmeric formula oils your joints from the inside.", "oils your joints"),
    ("In our experience, clients rarely need medication again.", "rarely need"),
])
def test_open_ended_claims_are_found(sentence, cue):
    got = cl401(f"# Page\n\n{sentence}\n")
    assert len(got) == 1
    line, col, msg = got[0]
    assert (line, col) == (3, 1)
    assert msg == f"efficacy claim ('{cue}') cites no evidence entry"


def test_frequency_with_a_testimonial_subject_is_a_statistic():
    got = cl401("# Page\n\nNine out of ten patients notice quieter ears by the fourth visit.\n")
    assert got == [(3, 1, "statistic claim ('Nine out of ten') cites no evidence entry")]


@pytest.mark.parametrize("sentence", [
    "Knee pain affects 1 in 4 adults.",  # prevalence: no treatment, no testimonial
    "Physiotherapy sessions usually last 30 to 60 minutes.",
    "If symptoms do not improve after two weeks, see your GP.",  # negated effect
    "Contact your doctor if heel pain stops you walking normally.",  # hindrance
    "Sound therapy, tinnitus retraining therapy and treating hearing loss.",  # names
    "This product is not intended to diagnose, treat, cure or prevent any disease.",
    "Sciatica is when the nerve that runs from your lower back to your feet is pinched.",
    "Hot flushes are sudden feelings of heat in the face, neck and chest.",
    # ("Massage can cause bruising in some people." was here: a safety claim since round
    # 18, tests/test_claims_round18.py)
    "Ice packs should be wrapped in a towel.",
])
@pytest.mark.usefixtures("rules_alone")
def test_non_claims_built_from_claim_words(sentence):
    assert cl401(f"# Page\n\n{sentence}\n") == []


def test_front_matter_therapy_names_the_treatment():
    page = ("---\ntherapy: cupping\n---\n# Neck pain\n\n"
            "Cupping lifts the fascia so stiff necks move again.\n")
    got = cl401(page)
    assert [(ln, col) for ln, col, _ in got] == [(6, 1)]


def test_page_words_from_headings_and_front_matter():
    words = cs.page_words("Magnesium for Restless Legs", ["How Reflexology Helps"],
                          {"therapy": "Bowen technique"})
    assert words.treatment is not None and words.condition is not None
    for w in ("magnesium", "Reflexology", "bowen", "technique"):
        assert words.treatment.search(w)
    assert words.condition.search("restless legs")
    assert not words.condition.search("magnesium")


def test_descriptive_section_needs_a_treatment_subject():
    page = ("# Gout\n\n## Causes\n\nPain settles when the crystals melt.\n\n"
            "## Causes too\n\nCherry juice settles the pain of gout.\n")
    got = cl401(page)
    assert [ln for ln, _, _ in got] == [9]
