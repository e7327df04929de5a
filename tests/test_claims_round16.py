"""Claims round 16: families written from blind18's and blind19's seen disagreements
(docs/claims.md, "Round 16"), as general families rather than phrases.

Every page here is invented, not taken from the corpus. Each family is pinned by rule
code, line, column and message (the cue), with nearby sentences that must stay quiet. The
tests are about the phrase rules, so they run without the claim model (the
``rules_alone`` fixture, as in tests/test_claims_round15.py).
"""

from __future__ import annotations

import pytest

from tests.test_claims_round12 import _claim, _found, _page
from tests.test_claims_round15 import _vague

pytestmark = pytest.mark.usefixtures("rules_alone")


def _cl402(page: str) -> list[tuple[int, int, str]]:
    return [(f[1], f[2], f[3]) for f in _found(page, ("CL402",))]


# -- family 1: a group of people or an authority + a reporting or endorsing verb -------
def test_a_profession_that_tells_us_or_a_crowd_that_swears_by_it():
    page = _page("FAQ", "Dentists tell us that the splint protects the teeth.\n\n"
                        "Cyclists swear by it.\n\n"
                        "Many of our patients swear by a warm compress.\n\n"
                        "Our members swear by the app.")
    assert _cl402(page) == [
        (5, 1, _vague("Dentists tell us")),
        (7, 1, _vague("Cyclists swear by")),
    ]


def test_a_quantified_or_ranked_group_and_its_opinion():
    page = _page("Why it matters", "Many experts now feel that widgets are underdiagnosed.\n\n"
                                   "Most dermatologists believe the cream is safe.\n\n"
                                   "Many doctors think about widgets too late.")
    assert _cl402(page) == [
        (5, 1, _vague("Many experts now feel")),
        (7, 1, _vague("Most dermatologists believe")),
    ]


def test_a_ranked_groups_practice():
    page = _page("About the treatment",
                 "Many leading sports clinics now offer the injection.\n\n"
                 "Top physiotherapists and orthopaedic surgeons now use the brace routinely.\n\n"
                 "Many clinics offer payment plans.")
    assert _cl402(page) == [
        (5, 1, _vague("Many leading sports clinics now offer")),
        (7, 1, _vague("Top physiotherapists and orthopaedic surgeons now use")),
    ]


def test_endorsement_by_groups_or_by_an_organisation():
    page = _page("Why choose us",
                 "Recommended by midwives and physiotherapists across the UK.\n\n"
                 "The method is recognised by the International Council of Widgetry.\n\n"
                 "Our clinic is registered with the Care Quality Commission.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL401", 5, 1, _claim("efficacy", "Recommended by midwives and physiotherapists")),
        ("CL402", 5, 1, _vague("Recommended by midwives and physiotherapists")),
        ("CL401", 7, 1, _claim("efficacy",
                                "recognised by the International Council")),
        ("CL402", 7, 15, _vague("recognised by the International Council")),
    ]


# -- family 2: research, evidence or studies as an unnamed body ------------------------
def test_research_as_a_body_with_any_qualifier():
    page = _page("Does it work?",
                 "The balm is backed by over 20 years of research.\n\n"
                 "The evidence for widget therapy keeps growing.\n\n"
                 "Zinc shortened colds in some studies.\n\n"
                 "Scientists have identified three genes linked to widgets.")
    assert _cl402(page) == [
        (5, 13, _vague("backed by over 20 years of research")),
        (7, 5, _vague("evidence for widget therapy keeps growing")),
        (9, 22, _vague("in some studies")),
        (11, 1, _vague("Scientists have identified")),
    ]


def test_a_product_developed_from_research_is_vague_but_no_claim():
    page = _page("The product", "The drops were developed from Finnish research into dry eyes.")
    assert _found(page, ("CL401", "CL402")) == [
        ("CL402", 5, 16, _vague("developed from Finnish research")),
    ]


# -- structure: examples enumerated after a whole claim, names that end a run-in label --
def test_examples_after_a_whole_claim_do_not_repeat_it():
    page = _page("Treatment", "Most widget rashes respond well to these creams, which include:\n\n"
                              "- Clotrimazole cream\n"
                              "- Miconazole (Widgex) cream\n\n"
                              "Our treatment:\n\n"
                              "- Relaxes tight muscles")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("efficacy", "respond well to")),
        ("CL401", 12, 3, _claim("efficacy", "Relaxes tight muscles")),
    ]


def test_a_name_that_ends_its_run_in_label_is_no_verb():
    page = _page("Treatment", "Your provider will usually start with simple treatments. "
                              "These include:\n\n"
                              "- **Orthotics.** Custom insoles take the strain off the heel.\n"
                              "- **Medications.**")
    assert _found(page) == [
        ("CL401", 7, 18, _claim("efficacy", "take the strain off")),
    ]


# -- causal: a plain effect on a named part or on how you feel --------------------------
def test_a_plain_effect_on_a_part_or_on_how_you_feel_is_causal():
    page = _page("Causes", "Low iron or an underactive thyroid can also leave you feeling "
                           "cold.\n\nA whiplash injury can leave the upper neck stiff.\n\n"
                           "Caffeine can make your heart race.")
    assert _found(page) == [
        ("CL401", 5, 1, _claim("causal", "can also leave you feeling cold")),
        ("CL401", 7, 1, _claim("causal", "can leave the upper neck stiff")),
        ("CL401", 9, 1, _claim("causal", "can make your heart race")),
    ]


def test_the_condition_leaving_you_feeling_something_is_a_symptom():
    page = ("# Labyrinthitis\n\n## Overview\n\n"
            "Labyrinthitis can leave you tired for a few days.\n\n"
            "It affects your balance and can leave you feeling dizzy.\n\n"
            "A blocked ear can leave you feeling dizzy.\n\n"
            "If this happens, it can leave you feeling low.\n")
    assert _found(page) == [
        ("CL401", 11, 1, _claim("causal", "can leave you feeling low")),
    ]
